"""The reference framework: its home page, the four action principles and the 13 action sheets."""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.files.storage import storages
from django.db import models
from django.http import FileResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from curriculum.blocks import SheetContentBlock
from curriculum.enums import Axis, ImpactLevel
from curriculum.permissions import can_view_full_framework
from portal.pages import ProgrammeHomePage


@register_snippet
class Principle(models.Model):
    """One of the four action principles (A–D); breaking one breaks the method."""

    letter = models.CharField(_("lettre"), max_length=1, unique=True)
    title = models.CharField(_("intitulé"), max_length=200)
    summary = models.TextField(_("résumé public"), max_length=600)
    strategic_impact = models.CharField(
        _("impact stratégique"), max_length=10, choices=ImpactLevel.choices
    )
    operational_impact = models.CharField(
        _("impact opérationnel"), max_length=10, choices=ImpactLevel.choices
    )
    description = RichTextField(
        _("description détaillée"), blank=True, features=["bold", "italic", "ul", "link"]
    )

    panels = [
        FieldPanel("letter"),
        FieldPanel("title"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("strategic_impact"), FieldPanel("operational_impact")],
            heading=_("Impact sur une structure essaimée"),
        ),
        FieldPanel("description"),
    ]

    class Meta:
        verbose_name = _("principe d'action")
        verbose_name_plural = _("principes d'action")
        ordering = ["letter"]

    def __str__(self) -> str:
        return f"{self.letter} — {self.title}"


class FrameworkPage(RoutablePageMixin, ProgrammeHomePage):
    """« Repères et outils pour créer des opportunités d'emploi »: the sheets, by axis."""

    access_text = models.TextField(
        _("comment accéder à la version complète"),
        blank=True,
        help_text=_("Affiché aux visiteurs qui ne voient que les résumés."),
    )

    content_panels = [*ProgrammeHomePage.content_panels, FieldPanel("access_text")]
    subpage_types = ["curriculum.ActionSheetPage"]

    class Meta:
        verbose_name = _("référentiel")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        sheets = (
            ActionSheetPage.objects.child_of(self)
            .live()
            .public()
            .order_by("number")
            .prefetch_related("principles")
        )
        axis = request.GET.get("axe", "")
        letter = request.GET.get("principe", "")
        if axis in Axis.values:
            sheets = sheets.filter(axis=axis)
        else:
            axis = ""
        principles = list(Principle.objects.all())
        if letter in {principle.letter for principle in principles}:
            sheets = sheets.filter(principles__letter=letter)
        else:
            letter = ""
        sheets = list(sheets)
        if not sheets and not axis and not letter and not self.locale.is_default:
            # Sheets not yet translated: show the French ones rather than an empty framework.
            source = self.get_translation_or_none(self.locale.get_default())
            if source is not None:
                sheets = list(
                    ActionSheetPage.objects.child_of(source)
                    .live()
                    .public()
                    .order_by("number")
                    .prefetch_related("principles")
                )
        context.update(
            {
                "axes": [
                    {
                        "value": value,
                        "label": label,
                        "sheets": [s for s in sheets if s.axis == value],
                    }
                    for value, label in Axis.choices
                ],
                "principles": principles,
                "selected_axis": axis,
                "selected_principle": letter,
                "sheet_count": len(sheets),
                "full_access": can_view_full_framework(request.user),
            }
        )
        return context

    @path("pdf/", name="pdf")
    def pdf(self, request):
        """The whole framework as a PDF, built in the background once per published version."""
        from curriculum.services import framework_pdf_request

        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not can_view_full_framework(request.user):
            raise PermissionDenied
        pdf = framework_pdf_request(framework=self, retry=request.method == "POST")
        if pdf.status == PdfStatus.READY:
            response = FileResponse(
                pdf.file.open("rb"), as_attachment=True, filename=f"{self.slug}-essaim.pdf"
            )
            response["Cache-Control"] = "private, max-age=0"
            return response
        return self.render(
            request,
            template="curriculum/pdf_status.html",
            context_overrides={"pdf": pdf, "statuses": PdfStatus},
        )

    @re_path(r"^principes/(?P<letter>[A-Za-z])/$", name="principle")
    def principle(self, request, letter: str):
        principle = get_object_or_404(Principle, letter=letter.upper())
        sheets = (
            ActionSheetPage.objects.child_of(self)
            .live()
            .public()
            .filter(principles=principle)
            .order_by("number")
        )
        return self.render(
            request,
            template="curriculum/principle.html",
            context_overrides={"principle": principle, "sheets": sheets},
        )


class ActionSheetPage(Page):
    """A fiche-action: public summary for all, typed content for the programme's members."""

    number = models.PositiveSmallIntegerField(_("numéro"))
    axis = models.CharField(_("axe"), max_length=20, choices=Axis.choices)
    summary = models.TextField(
        _("résumé public"), max_length=600, help_text=_("Visible de tous, sans connexion.")
    )
    principles = ParentalManyToManyField(
        Principle, verbose_name=_("principes mobilisés"), related_name="sheets", blank=True
    )
    content = StreamField(
        SheetContentBlock(), verbose_name=_("contenu réservé aux membres"), blank=True
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("number"), FieldPanel("axis"), FieldPanel("principles")],
            heading=_("Place dans le référentiel"),
        ),
        FieldPanel("summary"),
        FieldPanel("content"),
    ]
    # Only the public summary is indexed: search must not reveal restricted content.
    search_fields = [*Page.search_fields, index.SearchField("summary")]

    parent_page_types = ["curriculum.FrameworkPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("fiche-action")
        verbose_name_plural = _("fiches-actions")
        ordering = ["number"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["full_access"] = can_view_full_framework(request.user)
        context["sheet_principles"] = list(self.principles.all())
        return context


def private_storage():
    return storages["private"]


class PdfStatus(models.TextChoices):
    PENDING = "pending", _("En attente")
    BUILDING = "building", _("En cours de fabrication")
    READY = "ready", _("Prêt")
    FAILED = "failed", _("Échec")


class FrameworkPdf(models.Model):
    """A PDF of the whole framework, cached for one exact set of published revisions."""

    framework = models.ForeignKey(
        FrameworkPage, on_delete=models.CASCADE, related_name="pdfs", verbose_name=_("référentiel")
    )
    #: The published revisions it was built from; any new publication makes another key.
    revision_key = models.CharField(_("version du contenu"), max_length=64)
    status = models.CharField(
        _("état"), max_length=10, choices=PdfStatus.choices, default=PdfStatus.PENDING
    )
    file = models.FileField(
        _("fichier"), upload_to="referentiel/pdf/", blank=True, storage=private_storage
    )
    created_at = models.DateTimeField(_("demandé le"), auto_now_add=True)
    built_at = models.DateTimeField(_("fabriqué le"), null=True, blank=True)

    class Meta:
        verbose_name = _("PDF du référentiel")
        verbose_name_plural = _("PDF du référentiel")
        constraints = [
            models.UniqueConstraint(
                fields=["framework", "revision_key"], name="framework_pdf_one_per_version"
            )
        ]

    def __str__(self) -> str:
        return f"{self.framework} ({self.get_status_display()})"
