"""Choices of the evaluation: French labels, stable English values."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Milestone(models.TextChoices):
    """The three moments of the evaluation, counted from the start of the training-action."""

    APPROPRIATION = "m3", _("Appropriation (3 mois)")
    IMPLEMENTATION = "m9", _("Mise en œuvre (9 mois)")
    IMPACT = "m18", _("Impact (18 mois)")


#: The default offsets in months; a season may change them (`EvaluationSettings`).
DEFAULT_OFFSETS = {Milestone.APPROPRIATION: 3, Milestone.IMPLEMENTATION: 9, Milestone.IMPACT: 18}
MILESTONE_ORDER = {milestone: position for position, milestone in enumerate(Milestone)}


class Unit(models.TextChoices):
    COUNT = "count", _("Nombre")
    RATE = "rate", _("Taux (%)")
    DAYS = "days", _("Nombre de jours")
    BOOLEAN = "boolean", _("Oui / non")
    TEXT = "text", _("Texte")


NUMERIC_UNITS = frozenset({Unit.COUNT, Unit.RATE, Unit.DAYS})


class ReportStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("À remplir")
    DRAFT = "draft", _("Brouillon")
    SUBMITTED = "submitted", _("Transmis à Ansa")
    RETURNED = "returned", _("Renvoyé pour compléments")
    ACCEPTED = "accepted", _("Accepté")


#: Still in the structure's hands: it may be edited and is reminded.
OPEN_STATUSES = frozenset({ReportStatus.SCHEDULED, ReportStatus.DRAFT, ReportStatus.RETURNED})


class Completeness(models.TextChoices):
    """A cell of Ansa's completeness matrix: where a report stands today."""

    NOT_DUE = "not_due", _("Pas encore dû")
    DUE = "due", _("À rendre")
    LATE = "late", _("En retard")
    RETURNED = "returned", _("Renvoyé")
    SUBMITTED = "submitted", _("Transmis")
    ACCEPTED = "accepted", _("Accepté")


class ReportSource(models.TextChoices):
    REFERENT = "referent", _("Rempli par la structure")
    PHONE = "phone", _("Entretien téléphonique mené par Ansa")


class ReportEventKind(models.TextChoices):
    SCHEDULED = "scheduled", _("Programmé")
    SAVED = "saved", _("Brouillon enregistré")
    SUBMITTED = "submitted", _("Transmis à Ansa")
    RETURNED = "returned", _("Renvoyé pour compléments")
    ACCEPTED = "accepted", _("Accepté")
    PHONE = "phone", _("Entretien téléphonique saisi par Ansa")
    REMINDED = "reminded", _("Rappel envoyé")
    COUNTER_RATED = "counter_rated", _("Contre-évaluation de l'expert·e")


class FidelityLevel(models.IntegerChoices):
    """How far a structure applies one action principle (each level has a descriptor)."""

    NOT_YET = 1, _("Pas encore")
    PARTLY = 2, _("En partie")
    MOSTLY = 3, _("Largement")
    FULLY = 4, _("Pleinement")


#: A gap of this many levels between the structure and its expert is highlighted.
GAP_HIGHLIGHT = 2


class LabelAction(models.TextChoices):
    GRANT = "grant", _("Label accordé")
    SUSPEND = "suspend", _("Label suspendu")
    REINSTATE = "reinstate", _("Label rétabli")
    WITHDRAW = "withdraw", _("Label retiré")


class LabelState(models.TextChoices):
    NONE = "none", _("Non labellisée")
    GRANTED = "granted", _("Labellisée")
    SUSPENDED = "suspended", _("Label suspendu")
    WITHDRAWN = "withdrawn", _("Label retiré")
