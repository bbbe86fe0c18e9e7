"""Reading notifications and preferences. Views and tasks go through here."""

from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet

from portal.enums import MANDATORY_CATEGORIES, DeliveryMode, NotificationCategory
from portal.models import Notification, NotificationPreference, User


def effective_delivery(*, category: str, delivery: str) -> DeliveryMode:
    """The delivery that applies: a mandatory category set to OFF still reaches the mailbox."""
    if delivery == DeliveryMode.OFF and category in MANDATORY_CATEGORIES:
        return DeliveryMode.IMMEDIATE
    return DeliveryMode(delivery)


def notification_preferences_for(*, user: User) -> dict[NotificationCategory, DeliveryMode]:
    """Every category with the delivery that applies to `user` (IMMEDIATE unless they chose)."""
    stored = dict(
        NotificationPreference.objects.filter(user=user).values_list("category", "delivery")
    )
    return {
        category: effective_delivery(
            category=category, delivery=stored.get(category, DeliveryMode.IMMEDIATE)
        )
        for category in NotificationCategory
    }


def notification_delivery_for(*, user: User, category: str) -> DeliveryMode:
    stored = (
        NotificationPreference.objects.filter(user=user, category=category)
        .values_list("delivery", flat=True)
        .first()
    )
    return effective_delivery(category=category, delivery=stored or DeliveryMode.IMMEDIATE)


def notification_list_for(*, user: User | AnonymousUser) -> QuerySet[Notification]:
    """The user's own notifications, newest first: the only ones they may see or change."""
    if not getattr(user, "is_authenticated", False):
        return Notification.objects.none()
    return Notification.objects.filter(recipient=user).order_by("-created_at", "-pk")


def notification_unread_count(*, user: User | AnonymousUser | None) -> int:
    if not getattr(user, "is_authenticated", False):
        return 0
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def notification_pending_digest() -> QuerySet[Notification]:
    """Digest notifications not yet e-mailed, to active people, oldest first."""
    return Notification.objects.filter(
        delivery=DeliveryMode.DIGEST,
        emailed_at__isnull=True,
        recipient__is_active=True,
    ).order_by("created_at", "pk")


def notification_digest_recipient_ids() -> list[int]:
    return list(
        notification_pending_digest()
        .order_by("recipient_id")
        .values_list("recipient_id", flat=True)
        .distinct()
    )
