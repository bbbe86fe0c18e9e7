"""Seasons of the programme and the structures they swarm.

The candidacy issue builds the minimum here (a season, its calendar, its capacity, the framework
edition it trains on, the swarmed structures that selection creates); the training-action issue
extends it with modules, sessions and attendance.
"""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.pages import ProgrammeHomePage

#: A participation agreement names the referent and at most this many people in total.
MAX_PEOPLE_PER_STRUCTURE = 3


class TrainingActionPage(ProgrammeHomePage):
    """Home of the five-month training-action; modules come with the training-action issue."""

    class Meta:
        verbose_name = _("formation-action")


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
