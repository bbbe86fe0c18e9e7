"""The typed parts of an action sheet's restricted content."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("étape"), max_length=200)
    text = blocks.TextBlock(label=_("description"))


class ToolBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"), required=False)
    title = blocks.CharBlock(label=_("intitulé"), max_length=200)
    description = blocks.TextBlock(label=_("à quoi il sert"), required=False)


class SituationBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("situation"), max_length=200)
    text = blocks.TextBlock(label=_("récit"))


class SheetContentBlock(blocks.StreamBlock):
    objectives = blocks.ListBlock(
        blocks.CharBlock(max_length=300), label=_("Objectifs"), icon="tick"
    )
    steps = blocks.ListBlock(StepBlock(), label=_("Déroulé"), icon="list-ol")
    posture = blocks.RichTextBlock(
        label=_("Posture et points de vigilance"), features=["bold", "italic", "ul", "ol", "link"]
    )
    tools = blocks.ListBlock(ToolBlock(), label=_("Outils"), icon="doc-full")
    situations = blocks.ListBlock(
        SituationBlock(), label=_("Exemples de situations de travail"), icon="group"
    )
    indicators = blocks.ListBlock(
        blocks.CharBlock(max_length=300), label=_("Indicateurs de suivi"), icon="pick"
    )
    related = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="curriculum.ActionSheetPage"),
        label=_("Liens vers d'autres fiches"),
        icon="link",
    )

    class Meta:
        block_counts = {
            name: {"max_num": 1}
            for name in (
                "objectives",
                "steps",
                "posture",
                "tools",
                "situations",
                "indicators",
                "related",
            )
        }
