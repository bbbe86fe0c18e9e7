"""Content blocks of Essaim's editorial pages."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock as WagtailTableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("titre"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("niveau"),
        choices=[("h2", _("Titre de section (h2)")), ("h3", _("Sous-titre (h3)"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Titre")
        template = "blocks/heading_block.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(
        label=_("texte alternatif"),
        required=False,
        max_length=250,
        help_text=_(
            "Décrit l'image pour qui ne la voit pas ; laisser vide si elle est décorative."
        ),
    )
    caption = blocks.CharBlock(label=_("légende"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image_block.html"


class CalloutBlock(blocks.StructBlock):
    tone = blocks.ChoiceBlock(
        label=_("ton"),
        choices=[("info", _("Information")), ("important", _("Important"))],
        default="info",
    )
    title = blocks.CharBlock(label=_("titre"), required=False, max_length=200)
    text = blocks.RichTextBlock(label=_("texte"), features=RICH_FEATURES)

    class Meta:
        icon = "warning"
        label = _("Encadré")
        template = "blocks/callout_block.html"


class AccordionItemBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("intitulé"), max_length=200)
    text = blocks.RichTextBlock(label=_("contenu"), features=RICH_FEATURES)


class AccordionBlock(blocks.StructBlock):
    items = blocks.ListBlock(AccordionItemBlock(), label=_("volets"))

    class Meta:
        icon = "list-ul"
        label = _("Accordéon")
        template = "blocks/accordion_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("citation"))
    author = blocks.CharBlock(label=_("auteur·rice"), required=False, max_length=200)
    role = blocks.CharBlock(label=_("fonction"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Citation")
        template = "blocks/quote_block.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(
        label=_("intitulé du lien"),
        required=False,
        max_length=200,
        help_text=_("Par défaut, le titre du document."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document à télécharger")
        template = "blocks/document_link_block.html"


class TableBlock(blocks.StructBlock):
    caption = blocks.CharBlock(
        label=_("titre du tableau"), max_length=200, help_text=_("Annoncé aux lecteurs d'écran.")
    )
    table = WagtailTableBlock(label=_("tableau"))

    class Meta:
        icon = "table"
        label = _("Tableau")
        template = "blocks/table_block.html"


class BodyStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraphe"), features=RICH_FEATURES, template="blocks/paragraph_block.html"
    )
    image = ImageBlock()
    callout = CalloutBlock()
    accordion = AccordionBlock()
    quote = QuoteBlock()
    document = DocumentLinkBlock()
    table = TableBlock()
