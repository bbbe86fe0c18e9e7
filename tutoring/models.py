"""Tutoring: who tutors whom, the questions and answers that become the swarming guide, Ansa's
hotline and the log of exchanges outside the portal.

- Profiles: an A.CO.R expert's expertise per action sheet, capacity and availability; a swarmed
  structure's needs per sheet and its problems in its own words.
- Pairing: Ansa asks for a proposal (`PairingProposal`, solved in `tutoring.pairing.algorithm`),
  overrides and confirms it; each confirmed pair is a `Pairing` with a life of its own (start,
  end with a reason, last contact, change requests).
- Q&A: a `Question` of a swarmed structure, its `Answer`s and `Comment`s, every edit kept as a
  `PostRevision`, every step as a `QuestionEvent`. Nothing is ever deleted: the guide is built
  from them, and moderation hides a post with a reason.
- Hotline: `Ticket` and `TicketMessage`, between a structure and Ansa only.
- Tutoring log: `LogEntry`, an exchange of the pair by phone, visit…
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.storage import private_storage
from tutoring.enums import (
    ChangeRequestStatus,
    Channel,
    EscalationLevel,
    ExpertiseLevel,
    NeedPriority,
    PairingStatus,
    ProposalStatus,
    QuestionEventKind,
    QuestionStatus,
    Scope,
    TicketStatus,
)

User = settings.AUTH_USER_MODEL
SHEET = "curriculum.ActionSheetPage"

# --- Profiles ---------------------------------------------------------------------------------


class ExpertProfile(models.Model):
    """What an A.CO.R expert brings to tutoring and how many referents they can follow."""

    user = models.OneToOneField(
        User, verbose_name=_("expert·e"), on_delete=models.CASCADE, related_name="expert_profile"
    )
    bio = models.TextField(_("présentation courte"), max_length=1500, blank=True)
    capacity = models.PositiveSmallIntegerField(
        _("nombre de référent·es suivi·es en même temps"),
        default=3,
        validators=[MinValueValidator(0), MaxValueValidator(20)],
    )
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("profil d'expert·e")
        verbose_name_plural = _("profils d'expert·es")
        ordering = ["user__last_name", "user__first_name"]

    def __str__(self) -> str:
        return str(self.user)


class ExpertSheetLevel(models.Model):
    profile = models.ForeignKey(
        ExpertProfile, verbose_name=_("profil"), on_delete=models.CASCADE, related_name="levels"
    )
    sheet = models.ForeignKey(
        SHEET, verbose_name=_("fiche-action"), on_delete=models.CASCADE, related_name="+"
    )
    level = models.PositiveSmallIntegerField(
        _("niveau"), choices=ExpertiseLevel.choices, default=ExpertiseLevel.NONE
    )

    class Meta:
        verbose_name = _("expertise sur une fiche")
        verbose_name_plural = _("expertises sur les fiches")
        constraints = [
            models.UniqueConstraint(fields=["profile", "sheet"], name="expert_level_once")
        ]

    def __str__(self) -> str:
        return f"{self.profile} — {self.sheet}: {self.get_level_display()}"


class ExpertAvailability(models.Model):
    """A period when the expert can tutor; an expert with no period is always available."""

    profile = models.ForeignKey(
        ExpertProfile,
        verbose_name=_("profil"),
        on_delete=models.CASCADE,
        related_name="availabilities",
    )
    starts_on = models.DateField(_("du"))
    ends_on = models.DateField(_("au"))
    note = models.CharField(_("précision"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("période de disponibilité")
        verbose_name_plural = _("périodes de disponibilité")
        ordering = ["starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")),
                name="availability_ends_after_it_starts",
            )
        ]

    def __str__(self) -> str:
        return f"{self.profile}: {self.starts_on} → {self.ends_on}"


class NeedsProfile(models.Model):
    """A swarmed structure's needs: priorities per sheet and its problems in its own words."""

    swarmed_structure = models.OneToOneField(
        "modules.SwarmedStructure",
        verbose_name=_("structure essaimée"),
        on_delete=models.CASCADE,
        related_name="needs_profile",
    )
    problems = models.TextField(
        _("difficultés rencontrées, dans vos mots"), max_length=3000, blank=True
    )
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("profil de besoins")
        verbose_name_plural = _("profils de besoins")

    def __str__(self) -> str:
        return str(self.swarmed_structure)


class NeedSheetPriority(models.Model):
    profile = models.ForeignKey(
        NeedsProfile, verbose_name=_("profil"), on_delete=models.CASCADE, related_name="priorities"
    )
    sheet = models.ForeignKey(
        SHEET, verbose_name=_("fiche-action"), on_delete=models.CASCADE, related_name="+"
    )
    priority = models.PositiveSmallIntegerField(
        _("priorité"), choices=NeedPriority.choices, default=NeedPriority.NONE
    )

    class Meta:
        verbose_name = _("besoin sur une fiche")
        verbose_name_plural = _("besoins sur les fiches")
        constraints = [
            models.UniqueConstraint(fields=["profile", "sheet"], name="need_priority_once")
        ]

    def __str__(self) -> str:
        return f"{self.profile} — {self.sheet}: {self.get_priority_display()}"


class PairingConflict(models.Model):
    """An expert who must not tutor a structure (former employer, family tie, dispute…)."""

    expert = models.ForeignKey(
        User, verbose_name=_("expert·e"), on_delete=models.CASCADE, related_name="pairing_conflicts"
    )
    structure = models.ForeignKey(
        "portal.Structure",
        verbose_name=_("structure"),
        on_delete=models.CASCADE,
        related_name="pairing_conflicts",
    )
    reason = models.CharField(_("motif"), max_length=300)
    declared_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    declared_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("conflit d'intérêts déclaré")
        verbose_name_plural = _("conflits d'intérêts déclarés")
        constraints = [
            models.UniqueConstraint(fields=["expert", "structure"], name="pairing_conflict_once")
        ]

    def __str__(self) -> str:
        return f"{self.expert} ≠ {self.structure}"


# --- Pairing ----------------------------------------------------------------------------------


class TutoringSettings(models.Model):
    """A season's service levels for the questions (in working days, French public holidays)."""

    season = models.OneToOneField(
        "modules.Season",
        verbose_name=_("saison"),
        on_delete=models.CASCADE,
        related_name="tutoring_settings",
    )
    expert_days = models.PositiveSmallIntegerField(
        _("délai de réponse de l'expert·e du binôme (jours ouvrés)"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(30)],
    )
    experts_days = models.PositiveSmallIntegerField(
        _("délai supplémentaire des expert·es des fiches avant l'équipe Ansa (jours ouvrés)"),
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(30)],
    )
    accept_reminder_days = models.PositiveSmallIntegerField(
        _("rappel d'accepter une réponse après (jours ouvrés)"),
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
    )

    class Meta:
        verbose_name = _("délais du tutorat")
        verbose_name_plural = _("délais du tutorat")

    def __str__(self) -> str:
        return str(self.season)


class PairingProposal(models.Model):
    """One run of the optimal assignment for a season, examined and overridden by Ansa."""

    season = models.ForeignKey(
        "modules.Season",
        verbose_name=_("saison"),
        on_delete=models.CASCADE,
        related_name="pairing_proposals",
    )
    status = models.CharField(
        _("état"), max_length=20, choices=ProposalStatus.choices, default=ProposalStatus.DRAFT
    )
    total_score = models.FloatField(_("adéquation totale"), default=0)
    created_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("proposition d'appariement")
        verbose_name_plural = _("propositions d'appariement")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.season} — {self.created_at:%Y-%m-%d %H:%M}"


class ProposalItem(models.Model):
    """A proposed pair with the reasons for it; `expert` is empty when nobody could take it."""

    proposal = models.ForeignKey(
        PairingProposal, verbose_name=_("proposition"), on_delete=models.CASCADE,
        related_name="items",
    )  # fmt: skip
    swarmed_structure = models.ForeignKey(
        "modules.SwarmedStructure",
        verbose_name=_("structure essaimée"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    expert = models.ForeignKey(
        User, verbose_name=_("expert·e"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    proposed_expert = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    score = models.FloatField(_("adéquation"), default=0)
    #: [{"sheet": n, "title": …, "need": 0–3, "level": 0–3, "points": …}, …], best first.
    reasons = models.JSONField(default=list, blank=True)
    #: The expert's active pairings before this proposal, and their capacity.
    load = models.PositiveSmallIntegerField(default=0)
    capacity = models.PositiveSmallIntegerField(default=0)
    overridden = models.BooleanField(_("modifiée par Ansa"), default=False)
    override_reason = models.CharField(_("motif de la modification"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("binôme proposé")
        verbose_name_plural = _("binômes proposés")
        ordering = ["swarmed_structure__structure__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "swarmed_structure"], name="proposal_item_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.swarmed_structure} ↔ {self.expert or '—'}"


class Pairing(models.Model):
    """A swarmed structure (its referent) tutored by an A.CO.R expert."""

    swarmed_structure = models.ForeignKey(
        "modules.SwarmedStructure",
        verbose_name=_("structure essaimée"),
        on_delete=models.PROTECT,
        related_name="pairings",
    )
    expert = models.ForeignKey(
        User, verbose_name=_("expert·e"), on_delete=models.PROTECT, related_name="tutorings"
    )
    status = models.CharField(
        _("état"), max_length=20, choices=PairingStatus.choices, default=PairingStatus.ACTIVE
    )
    started_on = models.DateField(_("début"), default=timezone.localdate)
    ended_on = models.DateField(_("fin"), null=True, blank=True)
    end_reason = models.CharField(_("motif de fin"), max_length=300, blank=True)
    last_contact_at = models.DateTimeField(_("dernier contact"), null=True, blank=True)
    score = models.FloatField(_("adéquation"), default=0)
    reasons = models.JSONField(default=list, blank=True)
    proposal_item = models.ForeignKey(
        ProposalItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("binôme de tutorat")
        verbose_name_plural = _("binômes de tutorat")
        ordering = ["-started_on", "pk"]
        permissions = [("view_pair_space", _("Voir l'espace privé du binôme"))]
        constraints = [
            models.UniqueConstraint(
                fields=["swarmed_structure"],
                condition=Q(status="active"),
                name="one_active_pairing_per_structure",
            )
        ]

    def __str__(self) -> str:
        return f"{self.swarmed_structure.structure} ↔ {self.expert}"

    @property
    def is_active(self) -> bool:
        return self.status == PairingStatus.ACTIVE


class PairingChangeRequest(models.Model):
    """One of the pair asks Ansa for another partner, with a reason."""

    pairing = models.ForeignKey(
        Pairing, verbose_name=_("binôme"), on_delete=models.CASCADE, related_name="change_requests"
    )
    requested_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    reason = models.TextField(_("motif"), max_length=2000)
    status = models.CharField(
        _("état"),
        max_length=20,
        choices=ChangeRequestStatus.choices,
        default=ChangeRequestStatus.OPEN,
    )
    response = models.TextField(_("réponse d'Ansa"), max_length=2000, blank=True)
    handled_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    handled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("demande de changement de binôme")
        verbose_name_plural = _("demandes de changement de binôme")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.pairing} — {self.get_status_display()}"


class LogEntry(models.Model):
    """An exchange of the pair outside the portal: private to the pair and Ansa."""

    pairing = models.ForeignKey(
        Pairing, verbose_name=_("binôme"), on_delete=models.CASCADE, related_name="log_entries"
    )
    happened_on = models.DateField(_("date de l'échange"))
    duration_minutes = models.PositiveSmallIntegerField(
        _("durée (minutes)"), validators=[MinValueValidator(1), MaxValueValidator(600)]
    )
    channel = models.CharField(_("canal"), max_length=20, choices=Channel.choices)
    sheets = models.ManyToManyField(
        SHEET, verbose_name=_("fiches-actions abordées"), related_name="+", blank=True
    )
    notes = models.TextField(_("notes (Markdown)"), max_length=10000, blank=True)
    notes_html = models.TextField(editable=False, default="")
    recorded_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("échange du binôme")
        verbose_name_plural = _("journal du tutorat")
        ordering = ["-happened_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.pairing} — {self.happened_on}"


# --- Questions and answers --------------------------------------------------------------------


class Question(models.Model):
    """A question of a swarmed structure to its expert; kept for ever, as the guide's raw matter."""

    season = models.ForeignKey(
        "modules.Season", verbose_name=_("saison"), on_delete=models.PROTECT,
        related_name="questions",
    )  # fmt: skip
    swarmed_structure = models.ForeignKey(
        "modules.SwarmedStructure",
        verbose_name=_("structure"),
        on_delete=models.PROTECT,
        related_name="questions",
    )
    asked_by = models.ForeignKey(
        User, verbose_name=_("posée par"), null=True, on_delete=models.SET_NULL,
        related_name="questions_asked",
    )  # fmt: skip
    #: The pairing in force when the question was asked (its expert answers first).
    pairing = models.ForeignKey(
        Pairing, verbose_name=_("binôme"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="questions",
    )  # fmt: skip
    title = models.CharField(_("titre"), max_length=200)
    body = models.TextField(_("question (Markdown)"), max_length=10000)
    body_html = models.TextField(editable=False, default="")
    #: Title and body lower-cased without accents: the search fallback where PostgreSQL is absent.
    search_text = models.TextField(editable=False, default="")
    sheets = models.ManyToManyField(
        SHEET, verbose_name=_("fiches-actions concernées"), related_name="tutoring_questions"
    )
    module = models.ForeignKey(
        "modules.ModulePage", verbose_name=_("module"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip
    session = models.ForeignKey(
        "modules.TrainingSession", verbose_name=_("séance"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip
    scope = models.CharField(
        _("visibilité"), max_length=20, choices=Scope.choices, default=Scope.PAIR
    )
    status = models.CharField(
        _("état"), max_length=20, choices=QuestionStatus.choices, default=QuestionStatus.OPEN
    )
    escalation = models.CharField(
        _("qui doit répondre"),
        max_length=20,
        choices=EscalationLevel.choices,
        default=EscalationLevel.PAIRED,
    )
    #: When the question goes up one level if still unanswered (None once answered or at Ansa).
    escalates_at = models.DateTimeField(null=True, blank=True)
    #: When the asker is reminded to accept an answer (None when not due).
    remind_accept_at = models.DateTimeField(null=True, blank=True)
    accepted_answer = models.OneToOneField(
        "tutoring.Answer", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    duplicate_of = models.ForeignKey(
        "self", verbose_name=_("doublon de"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="duplicates",
    )  # fmt: skip
    first_answered_at = models.DateTimeField(null=True, blank=True)
    hidden_at = models.DateTimeField(null=True, blank=True)
    hidden_reason = models.CharField(_("motif du masquage"), max_length=300, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(_("posée le"), default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "escalates_at"], name="question_escalation_idx"),
            models.Index(fields=["season", "-created_at"], name="question_season_idx"),
        ]

    def __str__(self) -> str:
        return self.title


class Answer(models.Model):
    question = models.ForeignKey(
        Question, verbose_name=_("question"), on_delete=models.CASCADE, related_name="answers"
    )
    author = models.ForeignKey(
        User, verbose_name=_("auteur·rice"), null=True, on_delete=models.SET_NULL,
        related_name="tutoring_answers",
    )  # fmt: skip
    body = models.TextField(_("réponse (Markdown)"), max_length=20000)
    body_html = models.TextField(editable=False, default="")
    hidden_at = models.DateTimeField(null=True, blank=True)
    hidden_reason = models.CharField(_("motif du masquage"), max_length=300, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("réponse")
        verbose_name_plural = _("réponses")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.question} — {self.author}"


class Comment(models.Model):
    question = models.ForeignKey(
        Question, verbose_name=_("question"), on_delete=models.CASCADE, related_name="comments"
    )
    answer = models.ForeignKey(
        Answer, verbose_name=_("réponse"), null=True, blank=True, on_delete=models.CASCADE,
        related_name="comments",
    )  # fmt: skip
    author = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    body = models.TextField(_("commentaire (Markdown)"), max_length=5000)
    body_html = models.TextField(editable=False, default="")
    hidden_at = models.DateTimeField(null=True, blank=True)
    hidden_reason = models.CharField(_("motif du masquage"), max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("commentaire")
        verbose_name_plural = _("commentaires")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.question} — {self.author}"


class PostRevision(models.Model):
    """A question's or an answer's text before an edit: the visible history of a post."""

    question = models.ForeignKey(
        Question, null=True, blank=True, on_delete=models.CASCADE, related_name="revisions"
    )
    answer = models.ForeignKey(
        Answer, null=True, blank=True, on_delete=models.CASCADE, related_name="revisions"
    )
    title = models.CharField(max_length=200, blank=True)
    body = models.TextField()
    body_html = models.TextField(default="")
    edited_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    edited_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("version précédente")
        verbose_name_plural = _("versions précédentes")
        ordering = ["-edited_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(question__isnull=False) ^ Q(answer__isnull=False),
                name="revision_of_one_post",
            )
        ]

    def __str__(self) -> str:
        return f"{self.question or self.answer} @ {self.edited_at}"


class QuestionEvent(models.Model):
    """A step of a question's life: asked, answered, escalated, accepted, closed…"""

    question = models.ForeignKey(
        Question, verbose_name=_("question"), on_delete=models.CASCADE, related_name="events"
    )
    kind = models.CharField(_("étape"), max_length=30, choices=QuestionEventKind.choices)
    actor = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    detail = models.CharField(_("précision"), max_length=500, blank=True)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("étape d'une question")
        verbose_name_plural = _("historique des questions")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.question} — {self.get_kind_display()}"


class ScopeProposal(models.Model):
    """Ansa proposes to widen who reads a question; only the asker's agreement widens it."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="scope_proposals")
    scope = models.CharField(_("visibilité proposée"), max_length=20, choices=Scope.choices)
    reason = models.CharField(_("pourquoi"), max_length=500)
    proposed_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    proposed_at = models.DateTimeField(default=timezone.now)
    agreed = models.BooleanField(null=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("proposition d'élargissement")
        verbose_name_plural = _("propositions d'élargissement")
        ordering = ["-proposed_at"]

    def __str__(self) -> str:
        return f"{self.question} → {self.scope}"


# --- Hotline ----------------------------------------------------------------------------------


class Ticket(models.Model):
    """A structure's request to Ansa's programme team (visible to the structure and Ansa)."""

    season = models.ForeignKey(
        "modules.Season", verbose_name=_("saison"), on_delete=models.PROTECT, related_name="tickets"
    )
    swarmed_structure = models.ForeignKey(
        "modules.SwarmedStructure",
        verbose_name=_("structure"),
        on_delete=models.PROTECT,
        related_name="tickets",
    )
    opened_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    subject = models.CharField(_("objet"), max_length=200)
    status = models.CharField(
        _("état"), max_length=20, choices=TicketStatus.choices, default=TicketStatus.OPEN
    )
    converted_question = models.OneToOneField(
        Question, null=True, blank=True, on_delete=models.SET_NULL, related_name="from_ticket"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("demande à l'assistance")
        verbose_name_plural = _("demandes à l'assistance")
        ordering = ["-updated_at", "-pk"]

    def __str__(self) -> str:
        return self.subject


class TicketMessage(models.Model):
    ticket = models.ForeignKey(
        Ticket, verbose_name=_("demande"), on_delete=models.CASCADE, related_name="messages"
    )
    author = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    from_ansa = models.BooleanField(default=False)
    body = models.TextField(_("message (Markdown)"), max_length=10000)
    body_html = models.TextField(editable=False, default="")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("message à l'assistance")
        verbose_name_plural = _("messages à l'assistance")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.ticket} — {self.author}"


# --- Attachments ------------------------------------------------------------------------------


class Attachment(models.Model):
    """A file of a question, an answer or a hotline message: checked by its bytes, kept private."""

    question = models.ForeignKey(
        Question, null=True, blank=True, on_delete=models.CASCADE, related_name="attachments"
    )
    answer = models.ForeignKey(
        Answer, null=True, blank=True, on_delete=models.CASCADE, related_name="attachments"
    )
    message = models.ForeignKey(
        TicketMessage, null=True, blank=True, on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(
        _("fichier"), upload_to="tutorat/", storage=private_storage, max_length=200
    )
    original_name = models.CharField(_("nom du fichier"), max_length=200)
    content_type = models.CharField(max_length=120)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("pièce jointe")
        verbose_name_plural = _("pièces jointes")
        ordering = ["uploaded_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(question__isnull=False, answer__isnull=True, message__isnull=True)
                    | Q(question__isnull=True, answer__isnull=False, message__isnull=True)
                    | Q(question__isnull=True, answer__isnull=True, message__isnull=False)
                ),
                name="attachment_of_one_post",
            )
        ]

    def __str__(self) -> str:
        return self.original_name


# The guide's models live in their sub-package; importing them here registers them with the app.
from tutoring.guide.models import (  # noqa: E402, F401
    AnonymisationFlag,
    GuideComment,
    GuideEdition,
    GuideEditionItem,
    GuideEntry,
    GuideEntryEvent,
    GuideEntryRevision,
    GuidePage,
    GuidePdf,
    OutdatedReport,
)
