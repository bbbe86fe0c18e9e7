"""The reference framework: its home page, the four action principles and the 13 action sheets."""

from django.contrib.auth.views import redirect_to_login
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import (
    DraftStateMixin,
    Page,
    Revision,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from curriculum.blocks import SheetContentBlock
from curriculum.enums import Axis, ImpactLevel
from curriculum.permissions import can_view_full_framework
from curriculum.relations import related_sections
from portal.pages import ProgrammeHomePage
from portal.storage import private_storage


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
                    .select_related("locale")
                    .prefetch_related("principles")
                )
        current_edition = self.published_editions().first()
        changed = set()
        if current_edition is not None:
            frozen = current_edition.sheet_revisions
            changed = {s.pk for s in sheets if frozen.get(str(s.pk)) != s.live_revision_id}
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
                "current_edition": current_edition,
                "changed_since_edition": changed,
            }
        )
        return context

    @path("pdf/", name="pdf")
    def pdf(self, request):
        """The whole framework as a PDF, built in the background once per published version."""
        return serve_pdf(request, page=self, framework=self)

    @path("pdf/etat/", name="pdf_status")
    def pdf_status(self, request):
        return pdf_status_json(request, framework=self)

    @path("editions/", name="editions")
    def editions(self, request):
        """Every published edition with its changelog, newest first."""
        return self.render(
            request,
            template="curriculum/editions.html",
            context_overrides={"editions": self.published_editions()},
        )

    @path("editions/<slug:slug>/", name="edition")
    def edition(self, request, slug: str):
        edition = get_object_or_404(self.published_editions(), slug=slug)
        return self.render(
            request,
            template="curriculum/edition.html",
            context_overrides={
                "edition": edition,
                "sheets": edition.sheets(),
                "full_access": can_view_full_framework(request.user),
            },
        )

    @path("editions/<slug:slug>/fiches/<int:number>/", name="edition_sheet")
    def edition_sheet(self, request, slug: str, number: int):
        edition = get_object_or_404(self.published_editions(), slug=slug)
        sheet = next((s for s in edition.sheets() if s.number == number), None)
        if sheet is None:
            raise Http404
        return self.render(
            request,
            template="curriculum/action_sheet_page.html",
            context_overrides={
                "edition": edition,
                "sheet": sheet,
                "framework": self,
                "full_access": can_view_full_framework(request.user),
                "sheet_principles": list(sheet.principles.all()),
                "related_sections": [],
            },
        )

    def published_editions(self):
        return self.framework_editions.filter(live=True, frozen_at__isnull=False).order_by(
            "-frozen_at"
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


class ActionSheetPage(RoutablePageMixin, Page):
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
        full_access = can_view_full_framework(request.user)
        context["sheet"] = self
        context["framework"] = self.get_parent().specific
        context["full_access"] = full_access
        context["sheet_principles"] = list(self.principles.all())
        context["related_sections"] = related_sections(self, request.user) if full_access else []
        return context

    @path("pdf/", name="pdf")
    def pdf(self, request):
        """This sheet alone as a PDF, cached like the whole framework's."""
        return serve_pdf(request, page=self, framework=self.get_parent().specific, sheet=self)

    @path("pdf/etat/", name="pdf_status")
    def pdf_status(self, request):
        return pdf_status_json(request, framework=self.get_parent().specific, sheet=self)


class PdfStatus(models.TextChoices):
    PENDING = "pending", _("En attente")
    BUILDING = "building", _("En cours de fabrication")
    READY = "ready", _("Prêt")
    FAILED = "failed", _("Échec")


class FrameworkPdf(models.Model):
    """A PDF of the whole framework or of one sheet, cached for one exact set of revisions."""

    framework = models.ForeignKey(
        FrameworkPage, on_delete=models.CASCADE, related_name="pdfs", verbose_name=_("référentiel")
    )
    #: Empty for the whole framework.
    sheet = models.ForeignKey(
        "curriculum.ActionSheetPage",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="pdfs",
        verbose_name=_("fiche"),
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
    #: Percentage reached by the build, shown while the member waits.
    progress = models.PositiveSmallIntegerField(_("avancement"), default=0)
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


@register_snippet
class FrameworkEdition(WorkflowMixin, DraftStateMixin, RevisionMixin, models.Model):
    """A named edition of the framework (« Édition 2026 ») with its changelog.

    Publishing an edition for the first time freezes the published revision of every sheet, so
    the edition stays readable as it was after the sheets change; a season records the edition it
    trained on (``modules.Season.framework_edition``).
    """

    framework = models.ForeignKey(
        FrameworkPage,
        on_delete=models.PROTECT,
        related_name="framework_editions",
        verbose_name=_("référentiel"),
    )
    name = models.CharField(_("nom"), max_length=100, help_text=_("Par exemple « Édition 2026 »."))
    slug = models.SlugField(_("identifiant dans l'adresse"), max_length=100)
    changelog = RichTextField(
        _("changements depuis l'édition précédente"),
        features=["bold", "italic", "ul", "ol", "link"],
    )
    #: {sheet page id: published revision id}, set once when the edition is first published.
    sheet_revisions = models.JSONField(default=dict, editable=False)
    frozen_at = models.DateTimeField(_("figée le"), null=True, blank=True, editable=False)

    _revisions = GenericRelation(Revision, related_query_name="framework_edition")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="framework_edition",
        for_concrete_model=False,
    )

    panels = [
        FieldPanel("framework"),
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("changelog"),
    ]

    class Meta:
        verbose_name = _("édition du référentiel")
        verbose_name_plural = _("éditions du référentiel")
        ordering = ["-frozen_at", "name"]
        constraints = [
            models.UniqueConstraint(fields=["framework", "slug"], name="edition_slug_per_framework")
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def revisions(self):
        return self._revisions

    def freeze(self) -> None:
        """Record the published revision of each live sheet; only the first time."""
        if self.frozen_at is not None:
            return
        from django.utils import timezone

        sheets = ActionSheetPage.objects.child_of(self.framework).live()
        self.sheet_revisions = {
            str(pk): revision for pk, revision in sheets.values_list("pk", "live_revision_id")
        }
        self.frozen_at = timezone.now()
        FrameworkEdition.objects.filter(pk=self.pk).update(
            sheet_revisions=self.sheet_revisions, frozen_at=self.frozen_at
        )

    def sheets(self) -> list[ActionSheetPage]:
        """The sheets as they were when the edition was frozen, in number order."""
        if not hasattr(self, "_sheets"):
            revisions = Revision.objects.filter(
                pk__in=[int(pk) for pk in self.sheet_revisions.values() if pk]
            )
            self._sheets = sorted(
                (revision.as_object() for revision in revisions), key=lambda sheet: sheet.number
            )
        return self._sheets


def serve_pdf(request, *, page: Page, framework: FrameworkPage, sheet=None):
    """Serve the cached PDF of the current version, or the page showing its build's progress."""
    from curriculum.services import framework_pdf_request

    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not can_view_full_framework(request.user):
        raise PermissionDenied
    pdf = framework_pdf_request(framework=framework, sheet=sheet, retry=request.method == "POST")
    if pdf.status == PdfStatus.READY:
        name = f"fiche-{sheet.number}-essaim.pdf" if sheet else f"{framework.slug}-essaim.pdf"
        response = FileResponse(pdf.file.open("rb"), as_attachment=True, filename=name)
        response["Cache-Control"] = "private, max-age=0"
        return response
    return page.render(
        request,
        template="curriculum/pdf_status.html",
        context_overrides={"pdf": pdf, "statuses": PdfStatus, "sheet": sheet},
    )


def pdf_status_json(request, *, framework: FrameworkPage, sheet=None):
    """The build's state for the waiting page's script; never starts a build."""
    from curriculum.pdf import revision_key

    if not can_view_full_framework(request.user):
        raise PermissionDenied
    pdf = FrameworkPdf.objects.filter(
        framework=framework, revision_key=revision_key(framework, sheet)
    ).first()
    if pdf is None:
        raise Http404
    return JsonResponse(
        {
            "status": pdf.status,
            "label": str(pdf.get_status_display()),
            "progress": pdf.progress,
        },
        headers={"Cache-Control": "no-store"},
    )
