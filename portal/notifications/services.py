"""Notifying people and recording what they want to receive by e-mail.

Other apps call `notification_create` from their own services, inside their transaction: the
in-app notification is written with it, and the e-mail leaves only once the transaction commits.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.audit.services import audit_log, changed_fields
from portal.enums import MANDATORY_CATEGORIES, DeliveryMode, NotificationCategory
from portal.models import Notification, NotificationPreference, User
from portal.notifications.permissions import can_read_notification
from portal.notifications.selectors import notification_delivery_for, notification_preferences_for
from portal.notifications.tasks import send_notification_email


def notification_create(
    *,
    recipient: User,
    category: NotificationCategory | str,
    kind: str,
    title: str,
    body: str = "",
    url: str = "",
    target: models.Model | None = None,
) -> Notification:
    """Notify `recipient` of an event; e-mail them now, in tomorrow's digest or not at all."""
    category = NotificationCategory(category)
    delivery = notification_delivery_for(user=recipient, category=category)
    notification = Notification(
        recipient=recipient,
        category=category,
        kind=kind,
        title=title[:250],
        body=body,
        url=url,
        delivery=delivery,
    )
    if target is not None:
        notification.target = target
    with transaction.atomic():
        notification.save()
        if delivery == DeliveryMode.IMMEDIATE:
            pk = notification.pk
            # Robust: once committed, a broker outage must not turn the action into an error page.
            transaction.on_commit(lambda: send_notification_email.delay(pk), robust=True)
    return notification


def notification_mark_read(*, user: User, notification: Notification) -> Notification:
    if not can_read_notification(user, notification):
        raise PermissionDenied
    if notification.read_at is None:
        now = timezone.now()
        # A concurrent "open" of the same notification keeps the first reading time.
        Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(read_at=now)
        notification.read_at = now
    return notification


def notification_mark_all_read(*, user: User) -> int:
    """Mark every unread notification of `user` as read; return how many were."""
    if not getattr(user, "is_authenticated", False):
        raise PermissionDenied
    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )


def _validate_preferences(preferences: dict) -> dict[NotificationCategory, DeliveryMode]:
    cleaned: dict[NotificationCategory, DeliveryMode] = {}
    errors: dict[str, list[ValidationError]] = {}
    for category_value, delivery_value in preferences.items():
        try:
            category = NotificationCategory(category_value)
        except ValueError:
            raise ValidationError(
                _("Catégorie de notification inconnue : « %(category)s »."),
                code="unknown_category",
                params={"category": category_value},
            ) from None
        try:
            delivery = DeliveryMode(delivery_value)
        except ValueError:
            errors[category.value] = [
                ValidationError(_("Choisissez un mode d'envoi proposé."), code="invalid_delivery")
            ]
            continue
        if delivery == DeliveryMode.OFF and category in MANDATORY_CATEGORIES:
            errors[category.value] = [
                ValidationError(
                    _(
                        "Les notifications « %(category)s » ne peuvent pas être désactivées : "
                        "elles portent des actes dont le programme dépend."
                    ),
                    code="mandatory",
                    params={"category": category.label},
                )
            ]
            continue
        cleaned[category] = delivery
    if errors:
        raise ValidationError(errors)
    return cleaned


def notification_preferences_update(
    *, user: User, preferences: dict[NotificationCategory | str, DeliveryMode | str]
) -> dict[NotificationCategory, DeliveryMode]:
    """Record how `user` wants each category delivered; categories left out keep their setting."""
    if not getattr(user, "is_authenticated", False):
        raise PermissionDenied
    cleaned = _validate_preferences(preferences)
    with transaction.atomic():
        before = notification_preferences_for(user=user)
        for category, delivery in cleaned.items():
            NotificationPreference.objects.update_or_create(
                user=user, category=category, defaults={"delivery": delivery}
            )
        after = {**before, **cleaned}
        changes = changed_fields(
            {category.value: delivery.value for category, delivery in before.items()},
            {category.value: delivery.value for category, delivery in after.items()},
        )
        if changes:
            audit_log(
                actor=user, action="notification_preferences.update", obj=user, changes=changes
            )
    return after
