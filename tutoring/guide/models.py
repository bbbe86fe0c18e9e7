"""The guide d'essaimage: entries rewritten from tutoring's Q&A, edited, anonymised, published.

An entry is a living text (`GuideEntry`) whose every saved state is a `GuideEntryRevision`. The
head of network approves one revision; publishing a season's `GuideEdition` freezes, for each
entry in the guide, the revision last approved (`GuideEditionItem`), with the chapters and the
foreword as they stood: later edits never change an edition already published.

The reading pages hang on one Wagtail page (`GuidePage`) whose foreword and introduction are
edited in the CMS; the editorial work happens in Essaim's own views (``tutoring.guide.views``).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField

from curriculum.models import PdfStatus
from portal.pages import ProgrammeHomePage
from portal.storage import private_storage
from tutoring.enums import (
    EditionStatus,
    EntryEventKind,
    EntryKind,
    EntryStatus,
    FlagKind,
    FlagStatus,
    TerritoryKind,
)

User = settings.AUTH_USER_MODEL


class GuidePage(RoutablePageMixin, ProgrammeHomePage):
    """« Guide d'essaimage »: the current edition by sheet, older editions, search and PDF."""

    foreword = RichTextField(
        _("avant-propos"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("Repris dans chaque édition publiée, telle qu'il est au moment de publier."),
    )
    access_text = models.TextField(
        _("comment accéder au guide complet"),
        blank=True,
        help_text=_("Affiché aux visiteurs qui ne voient que les entrées ouvertes au public."),
    )

    content_panels = [
        *ProgrammeHomePage.content_panels,
        FieldPanel("foreword"),
        FieldPanel("access_text"),
    ]
    subpage_types: list[str] = []
    max_count = 1

    class Meta:
        verbose_name = _("guide d'essaimage")

    # Each route hands over to `tutoring.guide.reading` (or `pdf_views`), which hold the views.
    @path("", name="index")
    def index_route(self, request):
        from tutoring.guide.reading import guide_index

        return guide_index(request, self)

    @path("fiches/<int:number>/", name="chapter")
    def chapter_route(self, request, number: int):
        from tutoring.guide.reading import guide_chapter

        return guide_chapter(request, self, number=number)

    @path("entrees/<int:entry_id>/", name="entry")
    def entry_route(self, request, entry_id: int):
        from tutoring.guide.reading import guide_entry

        return guide_entry(request, self, entry_id=entry_id)

    @path("editions/", name="editions")
    def editions_route(self, request):
        from tutoring.guide.reading import guide_editions

        return guide_editions(request, self)

    @path("editions/comparer/", name="compare")
    def compare_route(self, request):
        from tutoring.guide.reading import guide_compare

        return guide_compare(request, self)

    @path("editions/<slug:slug>/", name="edition")
    def edition_route(self, request, slug: str):
        from tutoring.guide.reading import guide_index

        return guide_index(request, self, slug=slug)

    @path("editions/<slug:slug>/fiches/<int:number>/", name="edition_chapter")
    def edition_chapter_route(self, request, slug: str, number: int):
        from tutoring.guide.reading import guide_chapter

        return guide_chapter(request, self, number=number, slug=slug)

    @path("editions/<slug:slug>/entrees/<int:entry_id>/", name="edition_entry")
    def edition_entry_route(self, request, slug: str, entry_id: int):
        from tutoring.guide.reading import guide_entry

        return guide_entry(request, self, entry_id=entry_id, slug=slug)

    @path("editions/<slug:slug>/pdf/", name="edition_pdf")
    def edition_pdf_route(self, request, slug: str):
        from tutoring.guide.pdf_views import guide_pdf

        return guide_pdf(request, self, slug=slug)

    @path("editions/<slug:slug>/pdf/etat/", name="edition_pdf_status")
    def edition_pdf_status_route(self, request, slug: str):
        from tutoring.guide.pdf_views import guide_pdf_status

        return guide_pdf_status(request, self, slug=slug)


class GuideEntry(models.Model):
    """One entry of the guide: a rewritten text, its provenance and its editorial state."""

    kind = models.CharField(_("type d'entrée"), max_length=20, choices=EntryKind.choices)
    title = models.CharField(_("titre"), max_length=200)
    body = models.TextField(_("texte (Markdown)"), max_length=20000)
    body_html = models.TextField(editable=False, default="")
    sheets = models.ManyToManyField(
        "curriculum.ActionSheetPage",
        verbose_name=_("fiches-actions"),
        related_name="guide_entries",
    )
    status = models.CharField(
        _("état"), max_length=20, choices=EntryStatus.choices, default=EntryStatus.DRAFT
    )
    owner = models.ForeignKey(
        User,
        verbose_name=_("responsable"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="guide_entries_owned",
    )
    # Provenance: the questions it was rewritten from, who answered them, when and where.
    source_questions = models.ManyToManyField(
        "tutoring.Question",
        verbose_name=_("questions d'origine"),
        related_name="guide_entries",
        blank=True,
    )
    contributors = models.ManyToManyField(
        User,
        verbose_name=_("expert·es ayant répondu"),
        related_name="guide_contributions",
        blank=True,
    )
    season = models.ForeignKey(
        "modules.Season",
        verbose_name=_("saison d'origine"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="guide_entries",
    )
    territory_kind = models.CharField(
        _("type de territoire"), max_length=20, choices=TerritoryKind.choices, blank=True
    )
    hypothesis = models.CharField(_("hypothèse d'entrée"), max_length=1, blank=True)
    # Editorial decisions.
    is_public = models.BooleanField(
        _("ouverte au public"),
        default=False,
        help_text=_("Décidé par la tête de réseau : le public lit cette entrée dans le guide."),
    )
    approved_revision = models.ForeignKey(
        "tutoring.GuideEntryRevision",
        verbose_name=_("version approuvée"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    approved_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    approved_at = models.DateTimeField(_("approuvée le"), null=True, blank=True)
    retired_reason = models.CharField(_("motif du retrait"), max_length=500, blank=True)
    # The periodic review: the last season someone checked the entry still holds.
    checked_season = models.ForeignKey(
        "modules.Season",
        verbose_name=_("vérifiée pour la saison"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    checked_at = models.DateTimeField(_("vérifiée le"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("créée le"), default=timezone.now)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)

    class Meta:
        verbose_name = _("entrée du guide")
        verbose_name_plural = _("entrées du guide")
        ordering = ["-updated_at", "-pk"]

    def __str__(self) -> str:
        return self.title


class GuideEntryRevision(models.Model):
    """An entry as it was saved once: what an approval and an edition point at."""

    entry = models.ForeignKey(GuideEntry, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField(_("version"))
    kind = models.CharField(_("type d'entrée"), max_length=20, choices=EntryKind.choices)
    title = models.CharField(_("titre"), max_length=200)
    body = models.TextField(_("texte (Markdown)"))
    body_html = models.TextField(default="")
    #: Normalised words for the search fallback on SQLite (`tutoring.qa.search`).
    search_text = models.TextField(default="")
    #: The numbers of the entry's sheets at that time, first the chapter it is filed under.
    sheet_numbers = models.JSONField(default=list)
    note = models.CharField(_("note de version"), max_length=300, blank=True)
    created_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("version d'une entrée")
        verbose_name_plural = _("versions des entrées")
        ordering = ["entry", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["entry", "number"], name="guide_revision_number")
        ]

    def __str__(self) -> str:
        return f"{self.title} (v{self.number})"


class AnonymisationFlag(models.Model):
    """A piece of likely personal data found in an entry; it must be masked or kept with reason."""

    entry = models.ForeignKey(GuideEntry, on_delete=models.CASCADE, related_name="flags")
    kind = models.CharField(_("type de donnée"), max_length=20, choices=FlagKind.choices)
    text = models.CharField(_("passage repéré"), max_length=500)
    status = models.CharField(
        _("traitement"), max_length=10, choices=FlagStatus.choices, default=FlagStatus.OPEN
    )
    replacement = models.CharField(_("remplacé par"), max_length=120, blank=True)
    reason = models.CharField(_("motif de conservation"), max_length=500, blank=True)
    resolved_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    resolved_at = models.DateTimeField(null=True, blank=True)
    found_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("donnée à anonymiser")
        verbose_name_plural = _("données à anonymiser")
        ordering = ["entry", "status", "kind", "text"]
        constraints = [
            models.UniqueConstraint(fields=["entry", "kind", "text"], name="guide_flag_once"),
            models.CheckConstraint(
                condition=~Q(status=FlagStatus.KEPT) | ~Q(reason=""),
                name="guide_flag_kept_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} : {self.text}"


class GuideComment(models.Model):
    entry = models.ForeignKey(GuideEntry, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    body = models.TextField(_("commentaire (Markdown)"), max_length=5000)
    body_html = models.TextField(editable=False, default="")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("commentaire sur une entrée")
        verbose_name_plural = _("commentaires sur les entrées")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.entry} — {self.author}"


class GuideEntryEvent(models.Model):
    """One step of an entry's editorial life, shown in its history."""

    entry = models.ForeignKey(GuideEntry, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("étape"), max_length=30, choices=EntryEventKind.choices)
    actor = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    detail = models.CharField(_("précision"), max_length=500, blank=True)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("étape d'une entrée")
        verbose_name_plural = _("étapes des entrées")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.entry} — {self.get_kind_display()}"


class OutdatedReport(models.Model):
    """A reader says an entry no longer holds; an editor closes the report."""

    entry = models.ForeignKey(GuideEntry, on_delete=models.CASCADE, related_name="outdated_reports")
    reported_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    reason = models.TextField(_("ce qui est dépassé"), max_length=2000)
    created_at = models.DateTimeField(default=timezone.now)
    closed_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    closed_at = models.DateTimeField(null=True, blank=True)
    response = models.CharField(_("suite donnée"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("signalement d'entrée dépassée")
        verbose_name_plural = _("signalements d'entrées dépassées")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.entry} ({self.created_at:%Y-%m-%d})"


class GuideEdition(models.Model):
    """The guide of one season; publishing it freezes what it contains."""

    season = models.OneToOneField(
        "modules.Season",
        verbose_name=_("saison"),
        on_delete=models.PROTECT,
        related_name="guide_edition",
    )
    name = models.CharField(_("nom"), max_length=100, help_text=_("Par exemple « Édition 2026 »."))
    slug = models.SlugField(_("identifiant dans l'adresse"), max_length=100, unique=True)
    note = models.TextField(
        _("mot de l'édition (Markdown)"),
        max_length=5000,
        blank=True,
        help_text=_("Ce qui change dans cette édition, en quelques lignes."),
    )
    note_html = models.TextField(editable=False, default="")
    status = models.CharField(
        _("état"), max_length=10, choices=EditionStatus.choices, default=EditionStatus.DRAFT
    )
    # Frozen on publication.
    foreword_html = models.TextField(default="", editable=False)
    introduction_html = models.TextField(default="", editable=False)
    #: [{"number", "title", "axis"}] of the sheets, as they were titled.
    chapters = models.JSONField(default=list, editable=False)
    #: [{"name", "answers", "entries"}] of the experts credited, in order.
    acknowledgements = models.JSONField(default=list, editable=False)
    published_at = models.DateTimeField(_("publiée le"), null=True, blank=True)
    published_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("édition du guide")
        verbose_name_plural = _("éditions du guide")
        ordering = ["-published_at", "-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status=EditionStatus.DRAFT) | Q(published_at__isnull=False),
                name="guide_edition_published_has_date",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_published(self) -> bool:
        return self.status == EditionStatus.PUBLISHED


class GuideEditionItem(models.Model):
    """An entry as a published edition holds it: one frozen revision, filed under one chapter."""

    edition = models.ForeignKey(GuideEdition, on_delete=models.CASCADE, related_name="items")
    entry = models.ForeignKey(GuideEntry, on_delete=models.PROTECT, related_name="edition_items")
    revision = models.ForeignKey(
        GuideEntryRevision, on_delete=models.PROTECT, related_name="edition_items"
    )
    #: Copied from the revision so a chapter reads without joining it.
    kind = models.CharField(max_length=20, choices=EntryKind.choices)
    chapter = models.PositiveSmallIntegerField(_("chapitre (numéro de fiche)"))
    sheet_numbers = models.JSONField(default=list)
    is_public = models.BooleanField(default=False)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("entrée d'une édition")
        verbose_name_plural = _("entrées des éditions")
        ordering = ["edition", "position"]
        constraints = [models.UniqueConstraint(fields=["edition", "entry"], name="guide_item_once")]

    def __str__(self) -> str:
        return f"{self.edition} — {self.revision}"


class GuidePdf(models.Model):
    """The PDF of one published edition, built once in the background and kept."""

    edition = models.OneToOneField(GuideEdition, on_delete=models.CASCADE, related_name="pdf")
    status = models.CharField(
        _("état"), max_length=10, choices=PdfStatus.choices, default=PdfStatus.PENDING
    )
    progress = models.PositiveSmallIntegerField(_("avancement"), default=0)
    file = models.FileField(
        _("fichier"), upload_to="guide/pdf/", blank=True, storage=private_storage
    )
    created_at = models.DateTimeField(default=timezone.now)
    built_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("PDF d'une édition du guide")
        verbose_name_plural = _("PDF des éditions du guide")

    def __str__(self) -> str:
        return f"{self.edition} ({self.get_status_display()})"
