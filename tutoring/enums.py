"""Choices of tutoring: French labels, stable English values."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ExpertiseLevel(models.IntegerChoices):
    """How well an expert masters an action sheet (0 means not declared)."""

    NONE = 0, _("Pas d'expertise déclarée")
    BASIC = 1, _("Connaît la fiche")
    CONFIRMED = 2, _("Pratique confirmée")
    REFERENCE = 3, _("Référence sur la fiche")


class NeedPriority(models.IntegerChoices):
    """How much a swarmed structure needs help on an action sheet (0 means no need)."""

    NONE = 0, _("Pas de besoin")
    LOW = 1, _("Besoin secondaire")
    MEDIUM = 2, _("Besoin important")
    HIGH = 3, _("Besoin prioritaire")


class PairingStatus(models.TextChoices):
    ACTIVE = "active", _("En cours")
    ENDED = "ended", _("Terminé")


class ProposalStatus(models.TextChoices):
    DRAFT = "draft", _("Proposition à examiner")
    CONFIRMED = "confirmed", _("Confirmée")
    DISCARDED = "discarded", _("Abandonnée")


class ChangeRequestStatus(models.TextChoices):
    OPEN = "open", _("En attente")
    ACCEPTED = "accepted", _("Acceptée")
    DECLINED = "declined", _("Refusée")


class Scope(models.TextChoices):
    """Who, beyond the experts and Ansa, reads a question."""

    PAIR = "pair", _("Ma structure et son expert·e seulement")
    COHORT = "cohort", _("Les structures de ma saison")
    PROGRAMME = "programme", _("Tout le programme")


#: From the narrowest to the widest: a scope can only be widened.
SCOPE_ORDER = [Scope.PAIR, Scope.COHORT, Scope.PROGRAMME]


class QuestionStatus(models.TextChoices):
    OPEN = "open", _("En attente de réponse")
    ANSWERED = "answered", _("Répondue")
    RESOLVED = "resolved", _("Réponse acceptée")
    CLOSED = "closed", _("Close")
    DUPLICATE = "duplicate", _("Doublon")


class EscalationLevel(models.TextChoices):
    """Who is expected to answer an open question."""

    PAIRED = "paired", _("L'expert·e du binôme")
    EXPERTS = "experts", _("Les expert·es des fiches")
    ANSA = "ansa", _("L'équipe Ansa")


class QuestionEventKind(models.TextChoices):
    ASKED = "asked", _("Question posée")
    ANSWERED = "answered", _("Réponse publiée")
    ESCALATED_EXPERTS = "escalated_experts", _("Transmise aux expert·es des fiches")
    ESCALATED_ANSA = "escalated_ansa", _("Transmise à l'équipe Ansa")
    ACCEPTED = "accepted", _("Réponse acceptée")
    ACCEPT_REMINDER = "accept_reminder", _("Rappel d'accepter une réponse")
    CLOSED = "closed", _("Question close")
    REOPENED = "reopened", _("Question rouverte")
    DUPLICATE = "duplicate", _("Marquée comme doublon")
    SCOPE_PROPOSED = "scope_proposed", _("Élargissement proposé")
    SCOPE_WIDENED = "scope_widened", _("Visibilité élargie")
    SCOPE_DECLINED = "scope_declined", _("Élargissement refusé")
    HIDDEN = "hidden", _("Message masqué")
    EDITED = "edited", _("Message modifié")
    CONVERTED = "converted", _("Issue d'une demande à l'assistance")


class TicketStatus(models.TextChoices):
    OPEN = "open", _("Ouverte")
    WAITING = "waiting", _("En attente de votre réponse")
    RESOLVED = "resolved", _("Résolue")


class Channel(models.TextChoices):
    PHONE = "phone", _("Téléphone")
    VIDEO = "video", _("Visioconférence")
    VISIT = "visit", _("Visite sur place")
    EMAIL = "email", _("Courriel")
    OTHER = "other", _("Autre")
