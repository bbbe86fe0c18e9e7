"""Who may see and change a notification: only the person it was sent to."""

from django.contrib.auth.models import AnonymousUser

from portal.models import Notification, User


def can_read_notification(user: User | AnonymousUser, notification: Notification) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and notification.recipient_id == user.pk
