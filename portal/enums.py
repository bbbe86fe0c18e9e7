"""Choices of the portal's records: French labels, stable English values."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class StructureKind(models.TextChoices):
    OPERATOR = "operator", _("Opérateur")
    COLLECTIVITE = "collectivite", _("Collectivité")
    PRESCRIBER = "prescriber", _("Prescripteur")
    ACOR = "acor", _("A.CO.R")
    ANSA = "ansa", _("Ansa")
    PARTNER = "partner", _("Partenaire")


class MembershipRole(models.TextChoices):
    PRESIDENT = "president", _("Président·e")
    DIRECTOR = "director", _("Directeur·rice général·e")
    REFERENT = "referent", _("Référent·e")
    EMPLOYEE = "employee", _("Salarié·e")
    ELECTED = "elected", _("Élu·e")
    CRE = "cre", _("Chargé·e de relation entreprises")
    OTHER = "other", _("Autre fonction")


class InvitationStatus(models.TextChoices):
    PENDING = "pending", _("En attente")
    ACCEPTED = "accepted", _("Acceptée")
    EXPIRED = "expired", _("Expirée")
    REVOKED = "revoked", _("Révoquée")


class InvitationPurpose(models.TextChoices):
    JOIN_STRUCTURE = "join_structure", _("Rejoindre une structure")
    COSIGN = "cosign", _("Cosigner une candidature")


class NotificationCategory(models.TextChoices):
    ACCOUNT = "account", _("Compte et sécurité")
    STRUCTURE = "structure", _("Ma structure et ses membres")
    SIGNATURE = "signature", _("Demandes de signature")
    CANDIDACY = "candidacy", _("Candidatures")
    TRAINING = "training", _("Formation-action et séances")
    TUTORING = "tutoring", _("Tutorat et questions")
    GUIDE = "guide", _("Guide d'essaimage")
    EVALUATION = "evaluation", _("Évaluation et indicateurs")


#: Categories a person cannot turn off: they carry acts the programme depends on.
MANDATORY_CATEGORIES = frozenset({NotificationCategory.ACCOUNT, NotificationCategory.SIGNATURE})


class DeliveryMode(models.TextChoices):
    IMMEDIATE = "immediate", _("Immédiatement")
    DIGEST = "digest", _("Dans un résumé quotidien")
    OFF = "off", _("Jamais par courriel")


class DeletionRequestStatus(models.TextChoices):
    PENDING = "pending", _("En attente")
    DONE = "done", _("Traitée")
    CANCELLED = "cancelled", _("Annulée")
