"""Structures (organisations), who belongs to them, and invitations to join them."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.enums import InvitationPurpose, InvitationStatus, MembershipRole, StructureKind
from portal.validators import validate_siret


class Structure(models.Model):
    name = models.CharField(_("nom"), max_length=200)
    kind = models.CharField(_("type de structure"), max_length=20, choices=StructureKind.choices)
    siret = models.CharField(
        _("SIRET"),
        max_length=14,
        blank=True,
        validators=[validate_siret],
        help_text=_("14 chiffres, sans espaces ; facultatif."),
    )
    address = models.CharField(_("adresse"), max_length=250, blank=True)
    postal_code = models.CharField(_("code postal"), max_length=5, blank=True)
    city = models.CharField(_("commune"), max_length=120, blank=True)
    departement = models.CharField(
        _("département"), max_length=3, blank=True, help_text=_("Numéro, par exemple 64 ou 2A.")
    )
    website = models.URLField(_("site internet"), blank=True)
    created_at = models.DateTimeField(_("créée le"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("structure")
        verbose_name_plural = _("structures")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["siret"],
                condition=~Q(siret=""),
                name="structure_siret_unique_when_given",
                violation_error_message=_("Une structure porte déjà ce numéro SIRET."),
            )
        ]

    def __str__(self) -> str:
        return self.name


class MembershipQuerySet(models.QuerySet):
    def active(self, on=None):
        day = on or timezone.localdate()
        return self.filter(Q(start_date__lte=day), Q(end_date__isnull=True) | Q(end_date__gte=day))


class Membership(models.Model):
    """A person's place in a structure, with their function there and whether they manage it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("personne"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    structure = models.ForeignKey(
        Structure, verbose_name=_("structure"), on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("fonction"), max_length=20, choices=MembershipRole.choices)
    is_admin = models.BooleanField(
        _("gère la structure"),
        default=False,
        help_text=_("Peut inviter des personnes et modifier la fiche de la structure."),
    )
    start_date = models.DateField(_("début"), default=timezone.localdate)
    end_date = models.DateField(_("fin"), null=True, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("appartenance à une structure")
        verbose_name_plural = _("appartenances à une structure")
        ordering = ["structure__name", "user__last_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "structure"],
                condition=Q(end_date__isnull=True),
                name="membership_one_open_per_user_and_structure",
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="membership_ends_after_it_starts",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.structure} ({self.get_role_display()})"


class Invitation(models.Model):
    """An e-mailed, signed, expiring, single-use invitation (to a structure, later to co-sign)."""

    purpose = models.CharField(
        _("objet"),
        max_length=20,
        choices=InvitationPurpose.choices,
        default=InvitationPurpose.JOIN_STRUCTURE,
    )
    structure = models.ForeignKey(
        Structure, verbose_name=_("structure"), on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("adresse électronique"))
    role = models.CharField(_("fonction"), max_length=20, choices=MembershipRole.choices)
    is_admin = models.BooleanField(_("gérera la structure"), default=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invitée par"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("état"), max_length=20, choices=InvitationStatus.choices, default=InvitationStatus.PENDING
    )
    #: Changes at each sending, so only the latest link works.
    nonce = models.UUIDField(default=uuid.uuid4, editable=False)
    created_at = models.DateTimeField(_("créée le"), default=timezone.now)
    sent_at = models.DateTimeField(_("envoyée le"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expire le"))
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("acceptée par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accepted_at = models.DateTimeField(_("acceptée le"), null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.email} → {self.structure}"

    @property
    def effective_status(self) -> str:
        """The status, with a pending invitation past its date reported as expired."""
        if self.status == InvitationStatus.PENDING and self.expires_at <= timezone.now():
            return InvitationStatus.EXPIRED
        return self.status
