"""Sending notification e-mails: one at a time, or gathered in a daily digest.

Every task may run twice (a retry, a worker lost after sending, two beats): each locks the rows
it sends and marks them `emailed_at` in the same transaction, so a notification is e-mailed once.
"""

from smtplib import SMTPException

from celery import shared_task
from django.db import transaction
from django.utils import timezone

from portal.enums import DeliveryMode
from portal.models import Notification, User
from portal.notifications.emails import digest_email, notification_email
from portal.notifications.selectors import (
    notification_digest_recipient_ids,
    notification_pending_digest,
)

__all__ = [
    "send_daily_digests",
    "send_notification_digest",
    "send_notification_email",
    "send_overdue_notification_emails",
]

#: An immediate notification still unsent after this long lost its task (broker down at commit).
OVERDUE_AFTER = timezone.timedelta(minutes=10)

#: Failures worth trying again later: the mail server or the network is down.
RETRYABLE = (SMTPException, ConnectionError)

RELIABLE = {
    "bind": True,
    "acks_late": True,
    "reject_on_worker_lost": True,
    "autoretry_for": RETRYABLE,
    "retry_backoff": True,
    "max_retries": 5,
}


@shared_task(name="portal.notifications.send_notification_email", **RELIABLE)
def send_notification_email(self, notification_id: int) -> str:
    """E-mail one notification now, unless it was already e-mailed."""
    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update(of=("self",))
            .select_related("recipient")
            .filter(pk=notification_id)
            .first()
        )
        if notification is None:
            return "missing"
        if notification.emailed_at is not None:
            return "already-sent"
        if notification.delivery != DeliveryMode.IMMEDIATE:
            return "not-immediate"
        recipient = notification.recipient
        if not recipient.is_active or not recipient.email:
            return "no-recipient"
        notification_email(notification).send()
        notification.emailed_at = timezone.now()
        notification.save(update_fields=["emailed_at"])
    return "sent"


@shared_task(name="portal.notifications.send_notification_digest", **RELIABLE)
def send_notification_digest(self, user_id: int) -> int:
    """E-mail one person every digest notification not yet e-mailed, in one message."""
    with transaction.atomic():
        notifications = list(
            notification_pending_digest()
            .filter(recipient_id=user_id)
            .select_for_update(of=("self",))
        )
        if not notifications:
            return 0
        recipient = User.objects.get(pk=user_id)
        digest_email(recipient, notifications).send()
        Notification.objects.filter(pk__in=[item.pk for item in notifications]).update(
            emailed_at=timezone.now()
        )
    return len(notifications)


@shared_task(name="portal.notifications.send_daily_digests")
def send_daily_digests() -> int:
    """Beat task: one digest task per person with pending digest notifications."""
    user_ids = notification_digest_recipient_ids()
    for user_id in user_ids:
        send_notification_digest.delay(user_id)
    return len(user_ids)


@shared_task(name="portal.notifications.send_overdue_notification_emails")
def send_overdue_notification_emails() -> int:
    """Beat task: enqueue again the immediate e-mails whose task never ran.

    Safe to overlap with the original task: `send_notification_email` sends each one once.
    """
    overdue = list(
        Notification.objects.filter(
            delivery=DeliveryMode.IMMEDIATE,
            emailed_at__isnull=True,
            created_at__lt=timezone.now() - OVERDUE_AFTER,
            recipient__is_active=True,
        ).values_list("pk", flat=True)[:500]
    )
    for pk in overdue:
        send_notification_email.delay(pk)
    return len(overdue)
