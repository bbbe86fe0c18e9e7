"""Changing structures, memberships and invitations.

Each service checks the actor's permission, validates, writes in one transaction, records the
action in the audit log and schedules its e-mails for after the commit.
"""

import logging
import smtplib
import uuid
from datetime import timedelta
from functools import partial
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from portal.audit.services import audit_log, changed_fields, snapshot
from portal.enums import InvitationStatus, MembershipRole, StructureKind
from portal.mail import absolute_url, templated_email
from portal.models import Invitation, Membership, Structure, User
from portal.roles import forget
from portal.structures import permissions, selectors
from portal.structures.tokens import VALIDITY, make_token
from portal.structures.validators import (
    SIRET_TAKEN,
    normalise_departement,
    normalise_siret,
    validate_departement,
    validate_postal_code,
)

logger = logging.getLogger(__name__)

STRUCTURE_FIELDS = [
    "name",
    "kind",
    "siret",
    "address",
    "postal_code",
    "city",
    "departement",
    "website",
]


# Structures


def _normalise_structure(structure: Structure) -> None:
    structure.name = structure.name.strip()
    structure.siret = normalise_siret(structure.siret)
    structure.departement = normalise_departement(structure.departement)
    structure.postal_code = (structure.postal_code or "").strip()


def _validate_structure(structure: Structure) -> None:
    errors: dict[str, list] = {}
    try:
        # The SIRET's uniqueness is checked below, so its error lands on the field.
        structure.full_clean(validate_constraints=False)
    except ValidationError as error:
        errors = error.update_error_dict(errors)
    for field, validator in (
        ("departement", validate_departement),
        ("postal_code", validate_postal_code),
    ):
        try:
            validator(getattr(structure, field))
        except ValidationError as error:
            errors.setdefault(field, []).extend(error.error_list)
    if (
        structure.siret
        and "siret" not in errors
        and selectors.structure_siret_taken(siret=structure.siret, exclude_pk=structure.pk)
    ):
        errors["siret"] = [ValidationError(SIRET_TAKEN, code="unique")]
    if errors:
        raise ValidationError(errors)


def _save_structure(structure: Structure) -> None:
    try:
        with transaction.atomic():
            structure.save()
    except IntegrityError as error:
        # Two people saving the same SIRET at the same instant: the database constraint decides.
        raise ValidationError({"siret": SIRET_TAKEN}) from error


def structure_create(
    *,
    actor: User,
    name: str,
    kind: str,
    siret: str = "",
    address: str = "",
    postal_code: str = "",
    city: str = "",
    departement: str = "",
    website: str = "",
) -> Structure:
    if not permissions.can_create_structure(actor):
        raise PermissionDenied
    structure = Structure(
        name=name,
        kind=kind,
        siret=siret,
        address=address,
        postal_code=postal_code,
        city=city,
        departement=departement,
        website=website,
    )
    _normalise_structure(structure)
    _validate_structure(structure)
    with transaction.atomic():
        _save_structure(structure)
        audit_log(
            actor=actor,
            action="structure.create",
            obj=structure,
            changes=changed_fields({}, snapshot(structure, STRUCTURE_FIELDS)),
        )
    return structure


def structure_update(*, actor: User, structure: Structure, data: dict[str, Any]) -> Structure:
    """Change the card's fields given in `data` (unknown keys are ignored)."""
    if not permissions.can_update_structure(actor, structure):
        raise PermissionDenied
    with transaction.atomic():
        locked = Structure.objects.select_for_update().get(pk=structure.pk)
        before = snapshot(locked, STRUCTURE_FIELDS)
        for field in STRUCTURE_FIELDS:
            if field in data:
                setattr(locked, field, data[field])
        _normalise_structure(locked)
        _validate_structure(locked)
        changes = changed_fields(before, snapshot(locked, STRUCTURE_FIELDS))
        if changes:
            _save_structure(locked)
            audit_log(actor=actor, action="structure.update", obj=locked, changes=changes)
    return locked


# Memberships


def _lock_structure(structure_id: int) -> Structure:
    """Serialise the changes to one structure's members, so two admins cannot both step down."""
    return Structure.objects.select_for_update().get(pk=structure_id)


def _is_current(membership: Membership) -> bool:
    return membership.end_date is None or membership.end_date >= timezone.localdate()


def _is_last_admin(membership: Membership) -> bool:
    if not membership.is_admin:
        return False
    other_admins = (
        Membership.objects.active()
        .filter(structure_id=membership.structure_id, is_admin=True)
        .exclude(pk=membership.pk)
    )
    return not other_admins.exists()


def membership_update(
    *, actor: User, membership: Membership, role: str, is_admin: bool
) -> Membership:
    """Change a member's function or whether they manage the structure."""
    if not permissions.can_update_membership(actor, membership):
        raise PermissionDenied
    if role not in MembershipRole.values:
        raise ValidationError({"role": _("Choisissez une fonction dans la liste.")})
    with transaction.atomic():
        _lock_structure(membership.structure_id)
        locked = Membership.objects.select_for_update().select_related("user").get(pk=membership.pk)
        if not _is_current(locked):
            raise ValidationError(_("Cette appartenance est terminée : elle ne peut plus changer."))
        if locked.is_admin and not is_admin and _is_last_admin(locked):
            raise ValidationError(
                {
                    "is_admin": _(
                        "%(name)s est la seule personne qui gère la structure : confiez d'abord "
                        "la gestion à un autre membre."
                    )
                    % {"name": locked.user}
                }
            )
        fields = ["role", "is_admin"]
        before = snapshot(locked, fields)
        locked.role = role
        locked.is_admin = is_admin
        changes = changed_fields(before, snapshot(locked, fields))
        if changes:
            locked.save(update_fields=fields)
            audit_log(actor=actor, action="membership.update", obj=locked, changes=changes)
    forget(actor)
    return locked


def membership_end(*, actor: User, membership: Membership, reason: str) -> Membership:
    """End a membership now; the reason goes to the audit log.

    `end_date` is the membership's last day, so ending now sets it to yesterday and access stops
    at once. A membership that began today has no past day to end on: it is deleted, and the
    audit log keeps its trace.
    """
    if not permissions.can_end_membership(actor, membership):
        raise PermissionDenied
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Indiquez le motif de la fin de l'appartenance.")})
    with transaction.atomic():
        _lock_structure(membership.structure_id)
        locked = Membership.objects.select_for_update().select_related("user").get(pk=membership.pk)
        if not _is_current(locked):
            raise ValidationError(_("Cette appartenance est déjà terminée."))
        if _is_last_admin(locked):
            raise ValidationError(
                _(
                    "%(name)s est la seule personne qui gère la structure : confiez d'abord la "
                    "gestion à un autre membre, puis mettez fin à cette appartenance."
                )
                % {"name": locked.user}
            )
        today = timezone.localdate()
        last_day = today - timedelta(days=1)
        began_today = locked.start_date > last_day
        audit_log(
            actor=actor,
            action="membership.end",
            obj=locked,
            changes={
                "end_date": [None, str(today if began_today else last_day)],
                "reason": [None, reason],
            },
        )
        if began_today:
            locked.delete()
        else:
            locked.end_date = last_day
            locked.save(update_fields=["end_date"])
    forget(actor)
    return locked


# Invitations


def _invitation_expiry():
    return timezone.now() + VALIDITY


def _schedule_invitation_email(invitation: Invitation) -> None:
    transaction.on_commit(partial(invitation_send_email, invitation_id=invitation.pk))


def invitation_create(
    *, actor: User, structure: Structure, email: str, role: str, is_admin: bool = False
) -> Invitation:
    """Invite someone by e-mail to join `structure` with a function (and maybe to manage it)."""
    if not permissions.can_invite_member(actor, structure):
        raise PermissionDenied
    email = email.strip().lower()
    errors: dict[str, str] = {}
    try:
        validate_email(email)
    except ValidationError:
        errors["email"] = _("Saisissez une adresse électronique valide.")
    if role not in MembershipRole.values:
        errors["role"] = _("Choisissez une fonction dans la liste.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        _lock_structure(structure.pk)
        already_member = (
            Membership.objects.active()
            .filter(structure=structure, user__email__iexact=email)
            .exists()
        )
        if already_member:
            raise ValidationError({"email": _("Cette personne fait déjà partie de la structure.")})
        already_invited = Invitation.objects.filter(
            structure=structure, email__iexact=email, status=InvitationStatus.PENDING
        ).exists()
        if already_invited:
            raise ValidationError(
                {
                    "email": _(
                        "Une invitation attend déjà la réponse de cette personne : renvoyez-la "
                        "depuis la page de la structure si besoin."
                    )
                }
            )
        now = timezone.now()
        invitation = Invitation.objects.create(
            structure=structure,
            email=email,
            role=role,
            is_admin=is_admin,
            invited_by=actor,
            sent_at=now,
            expires_at=now + VALIDITY,
        )
        audit_log(
            actor=actor,
            action="invitation.create",
            obj=invitation,
            changes={"email": [None, email], "role": [None, role], "is_admin": [None, is_admin]},
        )
        _schedule_invitation_email(invitation)
    return invitation


def invitation_resend(*, actor: User, invitation: Invitation) -> Invitation:
    """Send a new link (the previous one stops working) valid for another full period."""
    if not permissions.can_resend_invitation(actor, invitation):
        raise PermissionDenied
    with transaction.atomic():
        locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if locked.status == InvitationStatus.ACCEPTED:
            raise ValidationError(_("Cette invitation a déjà été acceptée."))
        if locked.status == InvitationStatus.REVOKED:
            raise ValidationError(
                _("Cette invitation a été révoquée : invitez de nouveau la personne si besoin.")
            )
        before = snapshot(locked, ["expires_at"])
        now = timezone.now()
        locked.nonce = uuid.uuid4()
        locked.sent_at = now
        locked.expires_at = now + VALIDITY
        locked.status = InvitationStatus.PENDING
        locked.save(update_fields=["nonce", "sent_at", "expires_at", "status"])
        audit_log(
            actor=actor,
            action="invitation.resend",
            obj=locked,
            changes=changed_fields(before, snapshot(locked, ["expires_at"])),
        )
        _schedule_invitation_email(locked)
    return locked


def invitation_revoke(*, actor: User, invitation: Invitation) -> Invitation:
    if not permissions.can_revoke_invitation(actor, invitation):
        raise PermissionDenied
    with transaction.atomic():
        locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if locked.status == InvitationStatus.ACCEPTED:
            raise ValidationError(
                _("Cette invitation a déjà été acceptée : elle ne peut plus être révoquée.")
            )
        if locked.status == InvitationStatus.REVOKED:
            raise ValidationError(_("Cette invitation est déjà révoquée."))
        before = locked.status
        locked.status = InvitationStatus.REVOKED
        locked.save(update_fields=["status"])
        audit_log(
            actor=actor,
            action="invitation.revoke",
            obj=locked,
            changes={"status": [before, locked.status]},
        )
    return locked


class InvitationUnavailable(Exception):
    """The invitation cannot be accepted; `reason` says why (see `invitation_refusal`)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


#: Why an invitation cannot be accepted, besides its own status (accepted, expired, revoked).
REPLACED = "replaced"
WRONG_ACCOUNT = "wrong_account"
ALREADY_MEMBER = "already_member"


def is_invited_address(user: User, email: str) -> bool:
    """The invitation is personal: the account must own the invited address."""
    from allauth.account.models import EmailAddress

    if user.email.lower() == email.lower():
        return True
    return EmailAddress.objects.filter(user=user, email__iexact=email, verified=True).exists()


def invitation_refusal(
    invitation: Invitation, *, nonce: str, user: User | None = None
) -> str | None:
    """Why `user` cannot accept `invitation` through a link carrying `nonce`, or None if they can.

    Without a user (an anonymous visitor), only the invitation itself is checked.
    """
    if invitation.status in (InvitationStatus.ACCEPTED, InvitationStatus.REVOKED):
        return invitation.status
    if str(invitation.nonce) != nonce:
        return REPLACED
    if invitation.effective_status == InvitationStatus.EXPIRED:
        return InvitationStatus.EXPIRED
    if user is not None and user.is_authenticated:
        if not is_invited_address(user, invitation.email):
            return WRONG_ACCOUNT
        today = timezone.localdate()
        member = (
            Membership.objects.filter(structure_id=invitation.structure_id, user=user)
            .filter(Q(end_date__isnull=True) | Q(end_date__gte=today))
            .exists()
        )
        if member:
            return ALREADY_MEMBER
    return None


def invitation_accept(*, user: User, invitation: Invitation, nonce: str) -> Membership:
    """Accept a link: the person joins the structure with the function they were invited to."""
    if not user.is_authenticated:
        raise PermissionDenied
    with transaction.atomic():
        _lock_structure(invitation.structure_id)
        locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
        refusal = invitation_refusal(locked, nonce=nonce, user=user)
        if refusal is not None:
            raise InvitationUnavailable(refusal)
        membership = Membership.objects.create(
            user=user, structure_id=locked.structure_id, role=locked.role, is_admin=locked.is_admin
        )
        locked.status = InvitationStatus.ACCEPTED
        locked.accepted_by = user
        locked.accepted_at = timezone.now()
        locked.save(update_fields=["status", "accepted_by", "accepted_at"])
        audit_log(
            actor=user,
            action="invitation.accept",
            obj=locked,
            changes={"status": [InvitationStatus.PENDING.value, locked.status]},
        )
        audit_log(
            actor=user,
            action="membership.create",
            obj=membership,
            changes={"role": [None, membership.role], "is_admin": [None, membership.is_admin]},
        )
    forget(user)
    return membership


def invitation_link(invitation: Invitation) -> str:
    path = reverse("structures:accept", kwargs={"token": make_token(invitation)})
    return absolute_url(path)


def invitation_send_email(*, invitation_id: int) -> None:
    """Send the invitation's current link (run after the commit that created or renewed it)."""
    invitation = Invitation.objects.select_related("structure", "invited_by").get(pk=invitation_id)
    if invitation.status != InvitationStatus.PENDING:
        return
    # The invited person has no language preference yet: the programme speaks French first.
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "invitation": invitation,
            "structure": invitation.structure,
            "inviter": invitation.invited_by,
            "role": invitation.get_role_display(),
            "link": invitation_link(invitation),
            "expires_at": invitation.expires_at,
            "kind": StructureKind(invitation.structure.kind).label,
        }
        subject = _("Invitation à rejoindre %(structure)s sur Essaim") % {
            "structure": invitation.structure.name
        }
        message = templated_email(
            to=[invitation.email], subject=subject, template="invitation", context=context
        )
    try:
        message.send()
    except (smtplib.SMTPException, OSError):
        # The invitation stands; an administrator can send it again from the structure's page.
        logger.exception("Invitation %s: the e-mail could not be sent", invitation.pk)
