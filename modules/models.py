"""Seasons of the programme and the structures they swarm.

The candidacy issue builds the minimum here (a season, its calendar, its capacity, the framework
edition it trains on, the swarmed structures that selection creates); the training-action issue
extends it with modules, sessions and attendance.
"""

import uuid
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.pages import ProgrammeHomePage
from portal.storage import private_storage

#: A participation agreement names the referent and at most this many people in total.
MAX_PEOPLE_PER_STRUCTURE = 3


class TrainingActionPage(ProgrammeHomePage):
    """Home of the five-month training-action: its five modules, one per work axis."""

    subpage_types = ["modules.ModulePage"]

    class Meta:
        verbose_name = _("formation-action")

    def get_context(self, request, *args, **kwargs):
        from modules.page_context import followed_seasons, module_outlines  # imports this module

        context = super().get_context(request, *args, **kwargs)
        context["modules"] = module_outlines(self)
        context["followed_seasons"] = followed_seasons(request.user)
        return context


class ResourceBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(label=_("intitulé"), max_length=200)
    description = blocks.CharBlock(label=_("description"), required=False, max_length=300)

    class Meta:
        icon = "doc-full"
        label = _("ressource")


class ModulePage(Page):
    """One of the five modules, one per work axis (brief §4, step 5).

    Its outline (number, summary, objectives, sheets, programme) is public; resources and the
    intersession assignment are for the season's members, like the full framework.
    """

    number = models.PositiveSmallIntegerField(
        _("numéro"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    summary = models.TextField(_("résumé public"), max_length=600)
    objectives = RichTextField(_("objectifs"), features=["bold", "italic", "ul", "ol", "link"])
    sheets = ParentalManyToManyField(
        "curriculum.ActionSheetPage",
        verbose_name=_("fiches-actions travaillées"),
        related_name="modules",
        blank=True,
    )
    programme = RichTextField(
        _("programme des séances"), blank=True, features=["bold", "italic", "ul", "ol", "link"]
    )
    resources = StreamField(
        [("resource", ResourceBlock())], verbose_name=_("ressources (membres)"), blank=True
    )
    assignment_text = RichTextField(
        _("travail d'intersession (présentation)"),
        blank=True,
        features=["bold", "italic", "ul", "ol", "link"],
        help_text=_("Présentation générale ; les consignes datées se fixent pour chaque saison."),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel([FieldPanel("number"), FieldPanel("summary")], heading=_("Module")),
        FieldPanel("objectives"),
        FieldPanel("sheets"),
        FieldPanel("programme"),
        FieldPanel("resources"),
        FieldPanel("assignment_text"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary")]
    parent_page_types = ["modules.TrainingActionPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("module de formation")
        verbose_name_plural = _("modules de formation")

    def get_context(self, request, *args, **kwargs):
        from curriculum.permissions import can_view_full_framework
        from modules import page_context

        context = super().get_context(request, *args, **kwargs)
        full_access = can_view_full_framework(request.user)
        followed = page_context.followed_seasons(request.user) if full_access else []
        context.update(
            {
                "full_access": full_access,
                "covered_sheets": page_context.module_sheets(self),
                "followed_seasons": followed,
                "upcoming_sessions": page_context.upcoming_sessions(self, followed),
                "season_assignments": page_context.season_assignments(self, followed),
            }
        )
        return context


class Season(models.Model):
    """A swarming season: one call, one cohort of 5 to 10 structures, one framework edition."""

    programme = models.CharField(
        _("programme"), max_length=120, default="Opportunités emploi (A.CO.R)"
    )
    name = models.CharField(_("nom"), max_length=120, help_text=_("Par exemple « Saison 2027 »."))
    slug = models.SlugField(_("identifiant dans l'adresse"), unique=True)
    framework_edition = models.ForeignKey(
        "curriculum.FrameworkEdition",
        verbose_name=_("édition du référentiel"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="seasons",
        help_text=_("L'édition sur laquelle la saison se forme."),
    )
    awareness_start = models.DateField(_("début de la sensibilisation"), null=True, blank=True)
    call_opens_at = models.DateTimeField(_("ouverture de l'appel"))
    call_closes_at = models.DateTimeField(_("clôture de l'appel"))
    selection_date = models.DateField(_("date de sélection"), null=True, blank=True)
    training_start = models.DateField(_("début de la formation-action"), null=True, blank=True)
    training_end = models.DateField(_("fin de la formation-action"), null=True, blank=True)
    exchange_day = models.DateField(_("journée nationale d'échange"), null=True, blank=True)
    capacity_min = models.PositiveSmallIntegerField(
        _("nombre minimal de structures"), default=5, validators=[MinValueValidator(1)]
    )
    capacity_max = models.PositiveSmallIntegerField(
        _("nombre maximal de structures"), default=10, validators=[MaxValueValidator(50)]
    )
    retention_days = models.PositiveIntegerField(
        _("conservation des candidatures non retenues (jours)"),
        default=730,
        help_text=_("Après la décision ; deux ans par défaut."),
    )

    class Meta:
        verbose_name = _("saison d'essaimage")
        verbose_name_plural = _("saisons d'essaimage")
        ordering = ["-call_opens_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(call_closes_at__gt=F("call_opens_at")),
                name="season_call_closes_after_it_opens",
            ),
            models.CheckConstraint(
                condition=Q(capacity_max__gte=F("capacity_min")),
                name="season_capacity_max_not_below_min",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.call_opens_at and self.call_closes_at and self.call_closes_at <= self.call_opens_at:
            raise ValidationError(
                {"call_closes_at": _("La clôture de l'appel doit suivre son ouverture.")}
            )
        if self.capacity_min and self.capacity_max and self.capacity_max < self.capacity_min:
            raise ValidationError(
                {"capacity_max": _("Le maximum ne peut pas être inférieur au minimum.")}
            )

    def call_is_open(self, at=None) -> bool:
        at = at or timezone.now()
        return self.call_opens_at <= at < self.call_closes_at

    def call_not_yet_open(self, at=None) -> bool:
        return (at or timezone.now()) < self.call_opens_at

    def retention_delta(self) -> timedelta:
        return timedelta(days=self.retention_days)


class SwarmedStructure(models.Model):
    """A structure selected for a season, once its participation agreement is signed."""

    season = models.ForeignKey(
        Season, verbose_name=_("saison"), on_delete=models.PROTECT, related_name="swarmed"
    )
    structure = models.ForeignKey(
        "portal.Structure",
        verbose_name=_("structure"),
        on_delete=models.PROTECT,
        related_name="swarmings",
    )
    candidacy = models.OneToOneField(
        "candidacy.Candidacy",
        verbose_name=_("candidature"),
        on_delete=models.PROTECT,
        related_name="swarmed_structure",
    )
    joined_at = models.DateTimeField(_("entrée dans la saison"), default=timezone.now)

    class Meta:
        verbose_name = _("structure essaimée")
        verbose_name_plural = _("structures essaimées")
        ordering = ["structure__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["season", "structure"], name="swarmed_structure_once_per_season"
            )
        ]

    def __str__(self) -> str:
        return f"{self.structure} — {self.season}"


class SeasonRole(models.TextChoices):
    REFERENT = "referent", _("Référent·e")
    PARTICIPANT = "participant", _("Participant·e")


class SwarmedMember(models.Model):
    """One of the (at most three) people a swarmed structure sends to the training-action."""

    swarmed_structure = models.ForeignKey(
        SwarmedStructure,
        verbose_name=_("structure essaimée"),
        on_delete=models.CASCADE,
        related_name="members",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("personne"),
        on_delete=models.PROTECT,
        related_name="season_memberships",
    )
    role = models.CharField(_("rôle dans la saison"), max_length=20, choices=SeasonRole.choices)
    joined_at = models.DateTimeField(_("entrée dans la saison"), default=timezone.now)

    class Meta:
        verbose_name = _("membre d'une structure essaimée")
        verbose_name_plural = _("membres des structures essaimées")
        ordering = ["role", "user__last_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["swarmed_structure", "user"], name="swarmed_member_once"
            ),
            models.UniqueConstraint(
                fields=["swarmed_structure"],
                condition=Q(role="referent"),
                name="swarmed_structure_one_referent",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()})"


class ModuleLead(models.Model):
    """An A.CO.R expert leading a module in a season (and reviewing its intersession work)."""

    season = models.ForeignKey(
        Season, verbose_name=_("saison"), on_delete=models.CASCADE, related_name="module_leads"
    )
    module = models.ForeignKey(
        ModulePage, verbose_name=_("module"), on_delete=models.CASCADE, related_name="leads"
    )
    expert = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("expert·e"),
        on_delete=models.PROTECT,
        related_name="modules_led",
    )

    class Meta:
        verbose_name = _("expert·e d'un module")
        verbose_name_plural = _("expert·es des modules")
        constraints = [
            models.UniqueConstraint(fields=["season", "module", "expert"], name="module_lead_once")
        ]

    def __str__(self) -> str:
        return f"{self.module} — {self.expert}"


class SessionKind(models.TextChoices):
    COLLECTIVE = "collective", _("Séance collective")
    SITE_VISIT = "site_visit", _("Visite de site")
    EXCHANGE_DAY = "exchange_day", _("Journée nationale d'échange")


class PlaceKind(models.TextChoices):
    PARIS = "paris", _("Paris")
    PAU = "pau", _("Pau")
    TERRITORY = "territory", _("Dans un territoire")
    ONLINE = "online", _("En ligne")


class SessionStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Programmée")
    CANCELLED = "cancelled", _("Annulée")


class TrainingSession(models.Model):
    """A collective session of a module (or a site visit, or the national exchange day)."""

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    season = models.ForeignKey(
        Season, verbose_name=_("saison"), on_delete=models.PROTECT, related_name="sessions"
    )
    module = models.ForeignKey(
        ModulePage,
        verbose_name=_("module"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="sessions",
    )
    kind = models.CharField(
        _("type"), max_length=20, choices=SessionKind.choices, default=SessionKind.COLLECTIVE
    )
    title = models.CharField(_("intitulé"), max_length=200)
    starts_at = models.DateTimeField(_("début"))
    ends_at = models.DateTimeField(_("fin"))
    place_kind = models.CharField(_("lieu"), max_length=20, choices=PlaceKind.choices)
    address = models.CharField(_("adresse"), max_length=250, blank=True)
    online_url = models.URLField(_("lien de visioconférence"), blank=True)
    experts = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("expert·es animateur·rices"),
        related_name="sessions_led",
        blank=True,
    )
    sheets = models.ManyToManyField(
        "curriculum.ActionSheetPage",
        verbose_name=_("fiches-actions travaillées"),
        related_name="training_sessions",
        blank=True,
    )
    status = models.CharField(
        _("état"), max_length=20, choices=SessionStatus.choices, default=SessionStatus.SCHEDULED
    )
    cancel_reason = models.CharField(_("motif d'annulation"), max_length=300, blank=True)
    #: iCalendar SEQUENCE: increases each time the session moves or is cancelled.
    sequence = models.PositiveIntegerField(default=0, editable=False)
    #: When the attendance of unmarked people was closed automatically.
    attendance_closed_at = models.DateTimeField(null=True, blank=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("séance")
        verbose_name_plural = _("séances")
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="session_ends_after_it_starts"
            )
        ]

    def __str__(self) -> str:
        return self.title


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", _("Présent·e")
    LATE = "late", _("En retard")
    EXCUSED = "excused", _("Excusé·e")
    ABSENT = "absent", _("Absent·e")


class Attendance(models.Model):
    session = models.ForeignKey(
        TrainingSession,
        verbose_name=_("séance"),
        on_delete=models.CASCADE,
        related_name="attendances",
    )
    member = models.ForeignKey(
        SwarmedMember,
        verbose_name=_("participant·e"),
        on_delete=models.CASCADE,
        related_name="attendances",
    )
    status = models.CharField(_("présence"), max_length=20, choices=AttendanceStatus.choices)
    #: Marked by the automatic closing of attendance rather than by a person.
    automatic = models.BooleanField(_("marquée automatiquement"), default=False)
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("marquée par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    marked_at = models.DateTimeField(_("marquée le"), default=timezone.now)

    class Meta:
        verbose_name = _("présence")
        verbose_name_plural = _("présences")
        constraints = [
            models.UniqueConstraint(fields=["session", "member"], name="attendance_once")
        ]

    def __str__(self) -> str:
        return f"{self.member} — {self.session}: {self.get_status_display()}"


class Assignment(models.Model):
    """A module's intersession work for one season: what to do back home, by when."""

    season = models.ForeignKey(
        Season, verbose_name=_("saison"), on_delete=models.PROTECT, related_name="assignments"
    )
    module = models.ForeignKey(
        ModulePage, verbose_name=_("module"), on_delete=models.PROTECT, related_name="assignments"
    )
    title = models.CharField(_("intitulé"), max_length=200)
    instructions = models.TextField(_("consignes (Markdown)"), max_length=10000)
    instructions_html = models.TextField(editable=False, default="")
    due_at = models.DateTimeField(_("à rendre avant le"))
    reminded_before_at = models.DateTimeField(null=True, blank=True, editable=False)
    reminded_overdue_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("travail d'intersession")
        verbose_name_plural = _("travaux d'intersession")
        ordering = ["due_at"]
        constraints = [
            models.UniqueConstraint(fields=["season", "module"], name="assignment_per_module")
        ]

    def __str__(self) -> str:
        return self.title


class SubmissionStatus(models.TextChoices):
    DRAFT = "draft", _("En préparation")
    SUBMITTED = "submitted", _("Remis, en attente de relecture")
    CHANGES_REQUESTED = "changes_requested", _("À reprendre")
    VALIDATED = "validated", _("Validé")


class Submission(models.Model):
    """A swarmed structure's deliverable for an assignment, written together by its people."""

    assignment = models.ForeignKey(
        Assignment,
        verbose_name=_("travail"),
        on_delete=models.CASCADE,
        related_name="submissions",
    )
    swarmed_structure = models.ForeignKey(
        SwarmedStructure,
        verbose_name=_("structure"),
        on_delete=models.CASCADE,
        related_name="submissions",
    )
    status = models.CharField(
        _("état"), max_length=20, choices=SubmissionStatus.choices, default=SubmissionStatus.DRAFT
    )
    text = models.TextField(_("livrable (Markdown)"), blank=True, max_length=30000)
    text_html = models.TextField(editable=False, default="")
    #: Incremented at each save: two participants never overwrite each other.
    version = models.PositiveIntegerField(default=1)
    round = models.PositiveSmallIntegerField(_("tour"), default=1)
    submitted_at = models.DateTimeField(_("remis le"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("remise d'un travail")
        verbose_name_plural = _("remises des travaux")
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "swarmed_structure"], name="submission_once_per_structure"
            )
        ]

    def __str__(self) -> str:
        return f"{self.assignment} — {self.swarmed_structure.structure}"


class SubmissionFile(models.Model):
    submission = models.ForeignKey(
        Submission, verbose_name=_("remise"), on_delete=models.CASCADE, related_name="files"
    )
    round = models.PositiveSmallIntegerField(_("tour"), default=1)
    file = models.FileField(
        _("fichier"), upload_to="formation/travaux/", storage=private_storage, max_length=200
    )
    original_name = models.CharField(_("nom du fichier"), max_length=200)
    content_type = models.CharField(max_length=120)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("fichier remis")
        verbose_name_plural = _("fichiers remis")
        ordering = ["uploaded_at"]

    def __str__(self) -> str:
        return self.original_name


class SubmissionEvent(models.Model):
    """The history of a deliverable: each handing-in and each review, with its text then."""

    class Kind(models.TextChoices):
        SUBMITTED = "submitted", _("Remis")
        CHANGES_REQUESTED = "changes_requested", _("À reprendre")
        VALIDATED = "validated", _("Validé")

    submission = models.ForeignKey(
        Submission, verbose_name=_("remise"), on_delete=models.CASCADE, related_name="events"
    )
    kind = models.CharField(_("étape"), max_length=20, choices=Kind.choices)
    round = models.PositiveSmallIntegerField(_("tour"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    comment = models.TextField(_("commentaire (Markdown)"), blank=True, max_length=10000)
    comment_html = models.TextField(editable=False, default="")
    #: The deliverable's text as handed in at this step (for submissions).
    text_html = models.TextField(editable=False, default="")
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("étape d'une remise")
        verbose_name_plural = _("historique des remises")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.submission} — {self.get_kind_display()}"
