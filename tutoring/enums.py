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


# --- The guide d'essaimage --------------------------------------------------------------------


class EntryKind(models.TextChoices):
    """What an entry of the guide is; chapters list them in this order."""

    FAQ = "faq", _("Question fréquente")
    GOOD_PRACTICE = "good_practice", _("Bonne pratique")
    PITFALL = "pitfall", _("Piège à éviter")
    CASE = "case", _("Cas concret")


#: The order of entries inside a chapter.
ENTRY_KIND_ORDER = {kind: position for position, kind in enumerate(EntryKind)}


class EntryStatus(models.TextChoices):
    DRAFT = "draft", _("Brouillon")
    IN_REVIEW = "in_review", _("En relecture")
    APPROVED = "approved", _("Approuvée")
    PUBLISHED = "published", _("Publiée")
    RETIRED = "retired", _("Retirée du guide")


class TerritoryKind(models.TextChoices):
    """The kind of territory an entry comes from: enough to situate it, not to find it."""

    RURAL = "rural", _("Territoire rural")
    PERIURBAN = "periurban", _("Territoire périurbain")
    URBAN = "urban", _("Territoire urbain")
    MIXED = "mixed", _("Territoire mixte")


class FlagKind(models.TextChoices):
    """What the anonymisation check looks for before anything is published."""

    EMAIL = "email", _("Adresse électronique")
    PHONE = "phone", _("Numéro de téléphone")
    PERSON = "person", _("Nom d'une personne")
    STRUCTURE = "structure", _("Nom d'une structure")
    PLACE = "place", _("Nom de lieu du territoire")
    VERBATIM = "verbatim", _("Passage recopié d'une question")


class FlagStatus(models.TextChoices):
    OPEN = "open", _("À traiter")
    MASKED = "masked", _("Masqué")
    KEPT = "kept", _("Conservé")


class EntryEventKind(models.TextChoices):
    PROMOTED = "promoted", _("Proposée pour le guide")
    EDITED = "edited", _("Modifiée")
    FLAG_MASKED = "flag_masked", _("Donnée masquée")
    FLAG_KEPT = "flag_kept", _("Donnée conservée")
    SUBMITTED = "submitted", _("Soumise à la relecture")
    SENT_BACK = "sent_back", _("Renvoyée en brouillon")
    APPROVED = "approved", _("Approuvée par la tête de réseau")
    PUBLISHED = "published", _("Publiée dans une édition")
    RETIRED = "retired", _("Retirée du guide")
    RESTORED = "restored", _("Remise en brouillon")
    MADE_PUBLIC = "made_public", _("Ouverte au public")
    MADE_PRIVATE = "made_private", _("Réservée au réseau")
    OWNER_CHANGED = "owner_changed", _("Responsable changé")
    OUTDATED_REPORTED = "outdated_reported", _("Signalée comme dépassée")
    OUTDATED_CLOSED = "outdated_closed", _("Signalement traité")
    CHECKED = "checked", _("Vérifiée pour la saison")


class EditionStatus(models.TextChoices):
    DRAFT = "draft", _("En préparation")
    PUBLISHED = "published", _("Publiée")
