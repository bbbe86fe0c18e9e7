"""Reading what the portal holds about a person: memberships, requests, the RGPD export."""

from collections.abc import Callable
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from portal.audit.selectors import content_type_label
from portal.enums import DeletionRequestStatus
from portal.models import (
    AccountDeletionRequest,
    AuditLogEntry,
    Invitation,
    Membership,
    Notification,
    NotificationPreference,
    User,
)


def user_active_memberships(*, user: User) -> QuerySet[Membership]:
    return (
        Membership.objects.active()
        .filter(user=user)
        .select_related("structure")
        .order_by("structure__name", "start_date")
    )


def user_pending_deletion_request(*, user: User) -> AccountDeletionRequest | None:
    return (
        AccountDeletionRequest.objects.filter(user=user, status=DeletionRequestStatus.PENDING)
        .order_by("-requested_at")
        .first()
    )


def deletion_requests_pending() -> QuerySet[AccountDeletionRequest]:
    """Oldest first: the one-month deadline runs from the request."""
    return (
        AccountDeletionRequest.objects.filter(status=DeletionRequestStatus.PENDING)
        .select_related("user")
        .order_by("requested_at", "pk")
    )


def deletion_requests_closed(*, limit: int = 50) -> QuerySet[AccountDeletionRequest]:
    return (
        AccountDeletionRequest.objects.exclude(status=DeletionRequestStatus.PENDING)
        .select_related("user")
        .order_by("-requested_at", "-pk")[:limit]
    )


# The RGPD export. Each section lists what one part of Essaim holds about the person; apps built
# on the portal add theirs from their `contrib.py`, so the export stays complete as they land.

PersonalDataSection = Callable[[User], Any]
_personal_data_sections: dict[str, PersonalDataSection] = {}


def register_personal_data(name: str) -> Callable[[PersonalDataSection], PersonalDataSection]:
    """Add a section to the data export. It must return only the person's own data."""

    def decorator(build: PersonalDataSection) -> PersonalDataSection:
        _personal_data_sections[name] = build
        return build

    return decorator


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


@register_personal_data("account")
def _account(user: User) -> dict:
    # Named field by field: the password hash and internal flags never leave.
    return {
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "phone": user.phone,
        "login_code_by_email": user.login_code_by_email,
        "date_joined": _iso(user.date_joined),
        "last_login": _iso(user.last_login),
        "is_active": user.is_active,
        "programme_roles": sorted(user.groups.values_list("name", flat=True)),
    }


@register_personal_data("email_addresses")
def _email_addresses(user: User) -> list[dict]:
    from allauth.account.models import EmailAddress

    return [
        {"email": address.email, "verified": address.verified, "primary": address.primary}
        for address in EmailAddress.objects.filter(user=user).order_by("email")
    ]


@register_personal_data("second_factors")
def _second_factors(user: User) -> list[dict]:
    from allauth.mfa.models import Authenticator

    # The kind and dates only: the secrets stay where they are.
    return [
        {
            "type": authenticator.get_type_display(),
            "created_at": _iso(authenticator.created_at),
            "last_used_at": _iso(authenticator.last_used_at),
        }
        for authenticator in Authenticator.objects.filter(user=user).order_by("created_at")
    ]


@register_personal_data("memberships")
def _memberships(user: User) -> list[dict]:
    return [
        {
            "structure": membership.structure.name,
            "function": membership.get_role_display(),
            "manages_structure": membership.is_admin,
            "start_date": _iso(membership.start_date),
            "end_date": _iso(membership.end_date),
        }
        for membership in Membership.objects.filter(user=user)
        .select_related("structure")
        .order_by("start_date", "pk")
    ]


@register_personal_data("invitations_received")
def _invitations(user: User) -> list[dict]:
    # Who sent the invitation is that person's data, not this one's.
    invitations = Invitation.objects.filter(
        Q(email__iexact=user.email) | Q(accepted_by=user)
    ).select_related("structure")
    return [
        {
            "structure": invitation.structure.name,
            "purpose": invitation.get_purpose_display(),
            "function": invitation.get_role_display(),
            "email": invitation.email,
            "status": invitation.get_status_display(),
            "created_at": _iso(invitation.created_at),
            "accepted_at": _iso(invitation.accepted_at),
        }
        for invitation in invitations.order_by("created_at", "pk")
    ]


@register_personal_data("notifications")
def _notifications(user: User) -> list[dict]:
    return [
        {
            "category": notification.get_category_display(),
            "kind": notification.kind,
            "title": notification.title,
            "body": notification.body,
            "url": notification.url,
            "created_at": _iso(notification.created_at),
            "read_at": _iso(notification.read_at),
            "delivery": notification.get_delivery_display(),
            "emailed_at": _iso(notification.emailed_at),
        }
        for notification in Notification.objects.filter(recipient=user).order_by("created_at")
    ]


@register_personal_data("notification_preferences")
def _notification_preferences(user: User) -> list[dict]:
    return [
        {
            "category": preference.get_category_display(),
            "delivery": preference.get_delivery_display(),
        }
        for preference in NotificationPreference.objects.filter(user=user).order_by("category")
    ]


@register_personal_data("audit_entries_as_actor")
def _audit_entries(user: User) -> list[dict]:
    return [
        {
            "created_at": _iso(entry.created_at),
            "actor_label": entry.actor_label,
            "action": entry.action,
            "object_type": content_type_label(entry.content_type),
            "object_id": entry.object_id,
            "object": entry.object_repr,
            "changes": entry.changes,
        }
        for entry in AuditLogEntry.objects.filter(actor=user)
        .select_related("content_type")
        .order_by("created_at", "pk")
    ]


@register_personal_data("deletion_requests")
def _deletion_requests(user: User) -> list[dict]:
    return [
        {
            "email": request.email,
            "reason": request.reason,
            "status": request.get_status_display(),
            "requested_at": _iso(request.requested_at),
            "handled_at": _iso(request.handled_at),
        }
        for request in AccountDeletionRequest.objects.filter(user=user).order_by("requested_at")
    ]


def user_personal_data(*, user: User) -> dict[str, Any]:
    """Everything Essaim holds about `user` and nobody else, section by section."""
    return {
        "generated_at": timezone.now().isoformat(),
        **{name: build(user) for name, build in _personal_data_sections.items()},
    }
