"""Territorial candidacies: the call, the dossier, its evidence, signatures, review and decision.

The rules of hypotheses A and B live in `candidacy.criteria`; the state machine and every act
live in `candidacy.services`. Models only hold data and its invariants.
"""

import hashlib
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField

from candidacy.criteria import Hypothesis, SignatureAct, SignerRole
from portal.pages import ProgrammeHomePage
from portal.storage import private_storage


class CallDocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(label=_("intitulé"), max_length=200)
    description = blocks.CharBlock(label=_("description"), required=False, max_length=300)

    class Meta:
        icon = "doc-full"
        label = _("document à télécharger")


class CallPage(ProgrammeHomePage):
    """The call for candidate territories of one season (« Appel à territoires candidats »)."""

    season = models.ForeignKey(
        "modules.Season",
        verbose_name=_("saison"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="call_pages",
        help_text=_("Les dates d'ouverture et de clôture sont celles de la saison."),
    )
    who_may_apply = RichTextField(
        _("qui peut candidater"), blank=True, features=["bold", "italic", "ul", "link"]
    )
    criteria_text = RichTextField(
        _("critères d'entrée"), blank=True, features=["bold", "italic", "ul", "ol", "h3", "link"]
    )
    calendar_text = RichTextField(
        _("calendrier de la saison"), blank=True, features=["bold", "italic", "ul", "link"]
    )
    documents = StreamField(
        [("document", CallDocumentBlock())], verbose_name=_("documents"), blank=True
    )

    content_panels = [
        *ProgrammeHomePage.content_panels,
        FieldPanel("season"),
        MultiFieldPanel(
            [FieldPanel("who_may_apply"), FieldPanel("criteria_text"), FieldPanel("calendar_text")],
            heading=_("L'appel"),
        ),
        FieldPanel("documents"),
    ]

    class Meta:
        verbose_name = _("appel à territoires")

    def get_context(self, request, *args, **kwargs):
        from candidacy.selectors import candidacies_of

        context = super().get_context(request, *args, **kwargs)
        season = self.season
        context["season"] = season
        context["call_state"] = (
            "none"
            if season is None
            else "open"
            if season.call_is_open()
            else "upcoming"
            if season.call_not_yet_open()
            else "closed"
        )
        context["my_candidacies"] = (
            list(candidacies_of(request.user).filter(season=season)) if season else []
        )
        return context


class CandidacyState(models.TextChoices):
    DRAFT = "draft", _("Brouillon")
    SUBMITTED = "submitted", _("Déposée")
    UNDER_REVIEW = "under_review", _("En cours d'instruction")
    INFO_REQUESTED = "info_requested", _("Complément demandé")
    RESUBMITTED = "resubmitted", _("Complétée")
    SHORTLISTED = "shortlisted", _("Présélectionnée")
    SELECTED = "selected", _("Retenue")
    NOT_SELECTED = "not_selected", _("Non retenue")
    WITHDRAWN = "withdrawn", _("Retirée")


#: States in which the applicant may change the dossier.
EDITABLE_STATES = frozenset({CandidacyState.DRAFT, CandidacyState.INFO_REQUESTED})
#: States after which nothing changes any more (except anonymisation).
FINAL_STATES = frozenset(
    {CandidacyState.SELECTED, CandidacyState.NOT_SELECTED, CandidacyState.WITHDRAWN}
)


class Decision(models.TextChoices):
    SELECTED = "selected", _("Retenue")
    NOT_SELECTED = "not_selected", _("Non retenue")


class Candidacy(models.Model):
    """A structure's dossier for one season's call, under hypothesis A or B."""

    reference = models.UUIDField(_("référence"), default=uuid.uuid4, unique=True, editable=False)
    season = models.ForeignKey(
        "modules.Season",
        verbose_name=_("saison"),
        on_delete=models.PROTECT,
        related_name="candidacies",
    )
    structure = models.ForeignKey(
        "portal.Structure",
        verbose_name=_("structure candidate"),
        on_delete=models.PROTECT,
        related_name="candidacies",
    )
    hypothesis = models.CharField(_("hypothèse"), max_length=1, choices=Hypothesis.choices)
    prescriber_name = models.CharField(
        _("collectivité prescriptrice"),
        max_length=200,
        blank=True,
        help_text=_("Hypothèse A : la collectivité pour laquelle la structure intervient."),
    )
    departement = models.CharField(_("département"), max_length=3)
    territory = models.CharField(
        _("territoire concerné"), max_length=200, help_text=_("Commune, intercommunalité…")
    )
    #: {criterion code: {question key: stored value}} — see `criteria.clean_for_storage`.
    answers = models.JSONField(_("réponses aux critères"), default=dict, blank=True)
    needs = models.TextField(
        _("vos besoins et difficultés"),
        blank=True,
        max_length=3000,
        help_text=_("Ce que vous attendez de l'accompagnement, dans vos mots."),
    )
    state = models.CharField(
        _("état"), max_length=20, choices=CandidacyState.choices, default=CandidacyState.DRAFT
    )
    #: Incremented at each save by the applicant: two editors never overwrite each other.
    version = models.PositiveIntegerField(_("version"), default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("créée par"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("créée le"), default=timezone.now)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)
    submitted_at = models.DateTimeField(_("déposée le"), null=True, blank=True)
    #: A decision prepared by Ansa, then notified in one batch.
    prepared_decision = models.CharField(
        _("décision préparée"), max_length=20, choices=Decision.choices, blank=True
    )
    decision_reason = models.TextField(_("motif communiqué"), blank=True, max_length=2000)
    decided_at = models.DateTimeField(_("décision notifiée le"), null=True, blank=True)
    withdrawn_reason = models.TextField(_("motif du retrait"), blank=True, max_length=2000)
    deletion_requested_at = models.DateTimeField(
        _("suppression demandée le"), null=True, blank=True
    )
    anonymised_at = models.DateTimeField(_("anonymisée le"), null=True, blank=True)

    class Meta:
        verbose_name = _("candidature")
        verbose_name_plural = _("candidatures")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["season", "structure"],
                condition=~Q(state="withdrawn"),
                name="candidacy_one_active_per_structure_and_season",
                violation_error_message=_(
                    "Cette structure a déjà une candidature pour cette saison."
                ),
            )
        ]

    def __str__(self) -> str:
        return f"{self.structure} — {self.season} ({self.get_state_display()})"

    @property
    def is_editable(self) -> bool:
        return self.state in EDITABLE_STATES

    @property
    def short_reference(self) -> str:
        return str(self.reference)[:8].upper()


ALLOWED_EVIDENCE_TYPES = {
    "application/pdf": ".pdf",
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ".xlsx",
    "application/vnd.oasis.opendocument.text": ".odt",
    "application/vnd.oasis.opendocument.spreadsheet": ".ods",
}
MAX_EVIDENCE_BYTES = 10 * 1024 * 1024


def evidence_path(instance: "Evidence", filename: str) -> str:
    return f"candidatures/{instance.candidacy.reference}/{uuid.uuid4().hex}{instance.extension}"


class Evidence(models.Model):
    """A supporting document for one criterion, stored privately."""

    candidacy = models.ForeignKey(
        Candidacy, verbose_name=_("candidature"), on_delete=models.CASCADE, related_name="evidence"
    )
    criterion = models.CharField(_("critère"), max_length=4)
    kind = models.CharField(_("pièce"), max_length=40)
    file = models.FileField(
        _("fichier"), upload_to=evidence_path, storage=private_storage, max_length=200
    )
    original_name = models.CharField(_("nom du fichier"), max_length=200)
    content_type = models.CharField(_("type"), max_length=120)
    extension = models.CharField(max_length=8, editable=False)
    size = models.PositiveIntegerField(_("taille (octets)"))
    sha256 = models.CharField(max_length=64, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("déposée par"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("déposée le"), default=timezone.now)

    class Meta:
        verbose_name = _("pièce justificative")
        verbose_name_plural = _("pièces justificatives")
        ordering = ["criterion", "kind", "uploaded_at"]

    def __str__(self) -> str:
        return self.original_name


class SignatureStatus(models.TextChoices):
    PENDING = "pending", _("En attente")
    SIGNED = "signed", _("Signée")
    DECLINED = "declined", _("Refusée")
    VOIDED = "voided", _("Annulée par une modification")
    REVOKED = "revoked", _("Demande retirée")


class SignatureRequest(models.Model):
    """An act to sign by a named person, invited by e-mail; signing seals one exact version."""

    candidacy = models.ForeignKey(
        Candidacy,
        verbose_name=_("candidature"),
        on_delete=models.CASCADE,
        related_name="signatures",
    )
    act = models.CharField(_("acte"), max_length=30, choices=SignatureAct.choices)
    signer_role = models.CharField(_("qualité"), max_length=30, choices=SignerRole.choices)
    full_name = models.CharField(_("nom et prénom"), max_length=200)
    email = models.EmailField(_("adresse électronique"))
    organisation = models.CharField(_("organisme"), max_length=200)
    status = models.CharField(
        _("état"), max_length=20, choices=SignatureStatus.choices, default=SignatureStatus.PENDING
    )
    #: Changes at each sending, so only the latest link works.
    nonce = models.UUIDField(default=uuid.uuid4, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invitée par"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    sent_at = models.DateTimeField(_("envoyée le"), default=timezone.now)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("signée par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="signatures_given",
    )
    answered_at = models.DateTimeField(_("répondue le"), null=True, blank=True)
    #: SHA-256 of the frozen snapshot the signer saw and signed.
    content_hash = models.CharField(_("empreinte signée"), max_length=64, blank=True)
    snapshot = models.JSONField(_("version signée"), null=True, blank=True)
    method = models.CharField(_("mode de signature"), max_length=200, blank=True)
    decline_reason = models.TextField(_("motif du refus"), blank=True, max_length=2000)
    voided_at = models.DateTimeField(_("annulée le"), null=True, blank=True)

    class Meta:
        verbose_name = _("demande de signature")
        verbose_name_plural = _("demandes de signature")
        ordering = ["act", "signer_role", "-sent_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["candidacy", "act", "signer_role"],
                condition=Q(status__in=["pending", "signed"]),
                name="signature_one_open_per_act_and_role",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_act_display()} — {self.full_name}"


class Transition(models.Model):
    """One change of state, with who made it and why (the dossier's history)."""

    candidacy = models.ForeignKey(
        Candidacy, verbose_name=_("candidature"), on_delete=models.CASCADE, related_name="history"
    )
    from_state = models.CharField(_("de"), max_length=20, choices=CandidacyState.choices)
    to_state = models.CharField(_("vers"), max_length=20, choices=CandidacyState.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("par"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    message = models.TextField(_("message"), blank=True, max_length=4000)
    #: Messages between Ansa and the applicant are shown to the applicant; notes are not.
    visible_to_applicant = models.BooleanField(default=True)
    at = models.DateTimeField(_("le"), default=timezone.now)

    class Meta:
        verbose_name = _("étape de la candidature")
        verbose_name_plural = _("historique de la candidature")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_from_state_display()} → {self.get_to_state_display()}"


class Recommendation(models.TextChoices):
    SELECT = "select", _("Retenir")
    SHORTLIST = "shortlist", _("Présélectionner, à discuter")
    REJECT = "reject", _("Ne pas retenir")


class Review(models.Model):
    """An Ansa reviewer's private assessment: a score and comment per criterion, a verdict."""

    candidacy = models.ForeignKey(
        Candidacy, verbose_name=_("candidature"), on_delete=models.CASCADE, related_name="reviews"
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("instructeur·rice"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    #: {criterion code: {"score": 0..3, "comment": str}}
    scores = models.JSONField(_("notes par critère"), default=dict)
    recommendation = models.CharField(
        _("recommandation"), max_length=20, choices=Recommendation.choices
    )
    comment = models.TextField(_("avis d'ensemble"), max_length=5000)
    updated_at = models.DateTimeField(_("mis à jour le"), auto_now=True)

    class Meta:
        verbose_name = _("instruction")
        verbose_name_plural = _("instructions")
        constraints = [
            models.UniqueConstraint(
                fields=["candidacy", "reviewer"], name="review_one_per_reviewer"
            )
        ]

    def __str__(self) -> str:
        return f"{self.candidacy} — {self.reviewer}"

    @property
    def total(self) -> int:
        return sum(int(entry.get("score") or 0) for entry in self.scores.values())


class Opinion(models.TextChoices):
    FAVOURABLE = "favourable", _("Favorable")
    RESERVED = "reserved", _("Favorable avec réserves")
    UNFAVOURABLE = "unfavourable", _("Défavorable")


class AcorOpinion(models.Model):
    """A.CO.R's opinion on a dossier, recorded apart from Ansa's reviews."""

    candidacy = models.OneToOneField(
        Candidacy,
        verbose_name=_("candidature"),
        on_delete=models.CASCADE,
        related_name="acor_opinion",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("auteur·rice"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    opinion = models.CharField(_("avis"), max_length=20, choices=Opinion.choices)
    comment = models.TextField(_("commentaire"), max_length=5000)
    updated_at = models.DateTimeField(_("mis à jour le"), auto_now=True)

    class Meta:
        verbose_name = _("avis d'A.CO.R")
        verbose_name_plural = _("avis d'A.CO.R")

    def __str__(self) -> str:
        return f"{self.candidacy} — {self.get_opinion_display()}"


class ParticipationAgreement(models.Model):
    """The agreement of a selected structure: its DG names the referent and up to 3 people."""

    candidacy = models.OneToOneField(
        Candidacy,
        verbose_name=_("candidature"),
        on_delete=models.PROTECT,
        related_name="agreement",
    )
    director = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("directeur·rice général·e"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    #: The signed text: [{"user": id, "full_name", "email", "role"}], referent first.
    people = models.JSONField(_("personnes désignées"), default=list)
    signature = models.OneToOneField(
        SignatureRequest,
        verbose_name=_("signature"),
        on_delete=models.PROTECT,
        related_name="agreement",
    )
    signed_at = models.DateTimeField(_("signée le"), default=timezone.now)
    content_hash = models.CharField(_("empreinte signée"), max_length=64)

    class Meta:
        verbose_name = _("convention de participation")
        verbose_name_plural = _("conventions de participation")

    def __str__(self) -> str:
        return f"{self.candidacy.structure} — {self.candidacy.season}"


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
