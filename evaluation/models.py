"""The evaluation of swarmed structures at 3, 9 and 18 months, their fidelity and the label.

- The indicator catalogue is versioned: Ansa edits a draft version and publishes it; a report
  keeps the version it answered, so changing the catalogue never alters a report already sent.
- Each swarmed structure has one `MilestoneReport` per milestone, due at the training start plus
  the season's offset (`EvaluationSettings`); its values, texts, files and fidelity ratings.
- A label decision (`LabelDecision`) is kept for ever: the structure's label is its last one.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from evaluation.enums import (
    FidelityLevel,
    LabelAction,
    Milestone,
    ReportEventKind,
    ReportSource,
    ReportStatus,
    Unit,
)
from portal.storage import private_storage

User = settings.AUTH_USER_MODEL


class CatalogueVersion(models.Model):
    """One version of the indicator catalogue; the published one with the highest number rules."""

    number = models.PositiveIntegerField(_("version"), unique=True)
    note = models.CharField(_("ce qui change"), max_length=300, blank=True)
    published_at = models.DateTimeField(_("publiée le"), null=True, blank=True)
    published_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("version du catalogue d'indicateurs")
        verbose_name_plural = _("versions du catalogue d'indicateurs")
        ordering = ["-number"]

    def __str__(self) -> str:
        return _("Catalogue v%(number)s") % {"number": self.number}

    @property
    def is_published(self) -> bool:
        return self.published_at is not None


class Indicator(models.Model):
    """An indicator as one catalogue version defines it."""

    catalogue = models.ForeignKey(
        CatalogueVersion, on_delete=models.CASCADE, related_name="indicators"
    )
    code = models.SlugField(_("code"), max_length=50)
    label = models.CharField(_("libellé"), max_length=200)
    definition = models.TextField(_("définition"), max_length=2000, blank=True)
    unit = models.CharField(_("unité"), max_length=10, choices=Unit.choices)
    #: The milestones where it is asked (values of `Milestone`).
    milestones = models.JSONField(_("jalons"), default=list)
    required = models.BooleanField(_("obligatoire"), default=False)
    target = models.DecimalField(_("cible"), max_digits=12, decimal_places=2, null=True, blank=True)
    #: Counted in the programme's totals (summed over structures).
    in_totals = models.BooleanField(_("compté dans les totaux du programme"), default=False)
    position = models.PositiveSmallIntegerField(_("ordre"), default=0)

    class Meta:
        verbose_name = _("indicateur")
        verbose_name_plural = _("indicateurs")
        ordering = ["catalogue", "position", "code"]
        constraints = [
            models.UniqueConstraint(fields=["catalogue", "code"], name="indicator_code_per_version")
        ]

    def __str__(self) -> str:
        return f"{self.code} — {self.label}"

    def asked_at(self, milestone: str) -> bool:
        return milestone in self.milestones


class EvaluationSettings(models.Model):
    """A season's milestone offsets (months after the training start) and reminder delay."""

    season = models.OneToOneField(
        "modules.Season", on_delete=models.CASCADE, related_name="evaluation_settings"
    )
    appropriation_months = models.PositiveSmallIntegerField(
        _("appropriation (mois)"), default=3, validators=[MinValueValidator(1)]
    )
    implementation_months = models.PositiveSmallIntegerField(
        _("mise en œuvre (mois)"), default=9, validators=[MinValueValidator(1)]
    )
    impact_months = models.PositiveSmallIntegerField(
        _("impact (mois)"), default=18, validators=[MinValueValidator(1), MaxValueValidator(60)]
    )
    remind_days_before = models.PositiveSmallIntegerField(
        _("rappel avant l'échéance (jours)"), default=14, validators=[MaxValueValidator(90)]
    )

    class Meta:
        verbose_name = _("réglages de l'évaluation")
        verbose_name_plural = _("réglages de l'évaluation")
        constraints = [
            models.CheckConstraint(
                condition=Q(appropriation_months__lt=models.F("implementation_months"))
                & Q(implementation_months__lt=models.F("impact_months")),
                name="evaluation_offsets_in_order",
            )
        ]

    def __str__(self) -> str:
        return str(self.season)

    def offsets(self) -> dict[str, int]:
        return {
            Milestone.APPROPRIATION: self.appropriation_months,
            Milestone.IMPLEMENTATION: self.implementation_months,
            Milestone.IMPACT: self.impact_months,
        }


class MilestoneReport(models.Model):
    """What a swarmed structure reports at one milestone."""

    swarmed_structure = models.ForeignKey(
        "modules.SwarmedStructure",
        verbose_name=_("structure essaimée"),
        on_delete=models.CASCADE,
        related_name="milestone_reports",
    )
    milestone = models.CharField(_("jalon"), max_length=5, choices=Milestone.choices)
    due_on = models.DateField(_("à rendre le"))
    status = models.CharField(
        _("état"), max_length=10, choices=ReportStatus.choices, default=ReportStatus.SCHEDULED
    )
    source = models.CharField(
        _("origine"), max_length=10, choices=ReportSource.choices, default=ReportSource.REFERENT
    )
    #: The catalogue version the report answers (set when it is first saved).
    catalogue = models.ForeignKey(
        CatalogueVersion,
        verbose_name=_("version du catalogue"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reports",
    )
    practice_changes = models.TextField(
        _("ce qui a changé dans la pratique de l'équipe"), max_length=5000, blank=True
    )
    difficulties = models.TextField(_("difficultés rencontrées"), max_length=5000, blank=True)
    submitted_at = models.DateTimeField(_("transmis le"), null=True, blank=True)
    submitted_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    reviewed_at = models.DateTimeField(_("examiné le"), null=True, blank=True)
    reviewed_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    reminded_before_at = models.DateTimeField(null=True, blank=True)
    reminded_late_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("bilan d'étape")
        verbose_name_plural = _("bilans d'étape")
        ordering = ["swarmed_structure", "due_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["swarmed_structure", "milestone"], name="report_once_per_milestone"
            )
        ]

    def __str__(self) -> str:
        return f"{self.swarmed_structure.structure} — {self.get_milestone_display()}"


class IndicatorValue(models.Model):
    """One answer of a report: a number, yes/no or a text, as the indicator's unit says."""

    report = models.ForeignKey(MilestoneReport, on_delete=models.CASCADE, related_name="values")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="values")
    number = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    boolean = models.BooleanField(null=True, blank=True)
    text = models.TextField(max_length=2000, blank=True)

    class Meta:
        verbose_name = _("valeur d'indicateur")
        verbose_name_plural = _("valeurs d'indicateurs")
        constraints = [
            models.UniqueConstraint(fields=["report", "indicator"], name="value_once_per_report")
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code}: {self.display()}"

    @property
    def is_empty(self) -> bool:
        return self.number is None and self.boolean is None and not self.text

    def display(self) -> str:
        if self.boolean is not None:
            return str(_("Oui") if self.boolean else _("Non"))
        if self.number is not None:
            return f"{self.number.normalize():f}"
        return self.text


class ReportFile(models.Model):
    """Evidence attached to a report, checked by its bytes, kept privately."""

    report = models.ForeignKey(MilestoneReport, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(upload_to="evaluation/", storage=private_storage, max_length=200)
    original_name = models.CharField(_("nom du fichier"), max_length=200)
    content_type = models.CharField(max_length=120)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("pièce d'un bilan")
        verbose_name_plural = _("pièces des bilans")
        ordering = ["uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.original_name


class ReportEvent(models.Model):
    """One step of a report's life: saved, submitted, returned with a comment, accepted…"""

    report = models.ForeignKey(MilestoneReport, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("étape"), max_length=20, choices=ReportEventKind.choices)
    actor = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    comment = models.TextField(_("commentaire"), max_length=3000, blank=True)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("étape d'un bilan")
        verbose_name_plural = _("étapes des bilans")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.report} — {self.get_kind_display()}"


class PrincipleDescriptor(models.Model):
    """What one level of the fidelity scale means for one action principle."""

    principle = models.ForeignKey(
        "curriculum.Principle", on_delete=models.CASCADE, related_name="fidelity_descriptors"
    )
    level = models.PositiveSmallIntegerField(_("niveau"), choices=FidelityLevel.choices)
    text = models.CharField(_("descripteur"), max_length=400)

    class Meta:
        verbose_name = _("descripteur de fidélité")
        verbose_name_plural = _("descripteurs de fidélité")
        ordering = ["principle__letter", "level"]
        constraints = [
            models.UniqueConstraint(fields=["principle", "level"], name="descriptor_once")
        ]

    def __str__(self) -> str:
        return f"{self.principle.letter}{self.level}"


class FidelityRating(models.Model):
    """A structure's rating of one principle at one milestone, and its expert's counter-rating."""

    report = models.ForeignKey(
        MilestoneReport, on_delete=models.CASCADE, related_name="fidelity_ratings"
    )
    principle = models.ForeignKey(
        "curriculum.Principle", on_delete=models.PROTECT, related_name="fidelity_ratings"
    )
    self_level = models.PositiveSmallIntegerField(
        _("niveau estimé par la structure"), choices=FidelityLevel.choices, null=True, blank=True
    )
    self_comment = models.TextField(
        _("commentaire et éléments de preuve"), max_length=2000, blank=True
    )
    expert_level = models.PositiveSmallIntegerField(
        _("niveau estimé par l'expert·e"), choices=FidelityLevel.choices, null=True, blank=True
    )
    expert_comment = models.TextField(_("commentaire de l'expert·e"), max_length=2000, blank=True)
    expert = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    expert_rated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("évaluation de fidélité")
        verbose_name_plural = _("évaluations de fidélité")
        ordering = ["report", "principle__letter"]
        constraints = [
            models.UniqueConstraint(fields=["report", "principle"], name="fidelity_once_per_report")
        ]

    def __str__(self) -> str:
        return f"{self.report} — {self.principle.letter}"

    @property
    def gap(self) -> int | None:
        if self.self_level is None or self.expert_level is None:
            return None
        return self.self_level - self.expert_level


class LabelDecision(models.Model):
    """A decision of A.CO.R's head of network about a structure's label; never changed."""

    structure = models.ForeignKey(
        "portal.Structure", on_delete=models.PROTECT, related_name="label_decisions"
    )
    action = models.CharField(_("décision"), max_length=10, choices=LabelAction.choices)
    decided_on = models.DateField(_("date de la décision"), default=timezone.localdate)
    reason = models.TextField(_("motivation"), max_length=3000)
    #: The report whose fidelity assessment the decision relied on (required to grant).
    report = models.ForeignKey(
        MilestoneReport,
        verbose_name=_("bilan d'appui"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="label_decisions",
    )
    decided_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("décision de label")
        verbose_name_plural = _("décisions de label")
        ordering = ["structure", "created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(action=LabelAction.GRANT) | Q(report__isnull=False),
                name="label_grant_relies_on_a_report",
            )
        ]

    def __str__(self) -> str:
        return f"{self.structure} — {self.get_action_display()} ({self.decided_on})"
