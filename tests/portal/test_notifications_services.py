"""Notifying people: each category reaches the mailbox as its recipient chose."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from portal.enums import DeliveryMode, NotificationCategory
from portal.models import AuditLogEntry, Notification, NotificationPreference
from portal.notifications.selectors import notification_preferences_for
from portal.notifications.services import (
    notification_create,
    notification_mark_all_read,
    notification_mark_read,
    notification_preferences_update,
)
from portal.notifications.tasks import send_daily_digests
from tests.portal.factories import UserFactory
from tests.portal.notification_factories import NotificationFactory, NotificationPreferenceFactory

pytestmark = pytest.mark.django_db


def notify(recipient, category=NotificationCategory.CANDIDACY, **kwargs) -> Notification:
    values = {
        "kind": "candidacy-submitted",
        "title": "Candidature déposée",
        "body": "La Fabrique solidaire a déposé sa candidature.",
        "url": "/candidatures/12/",
        **kwargs,
    }
    return notification_create(recipient=recipient, category=category, **values)


def test_immediate_notification_is_emailed_once_the_transaction_commits(
    mailoutbox, django_capture_on_commit_callbacks
):
    recipient = UserFactory()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        notification = notify(recipient)
    assert mailoutbox == []
    for callback in callbacks:
        callback()

    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [recipient.email]
    notification.refresh_from_db()
    assert notification.delivery == DeliveryMode.IMMEDIATE
    assert notification.emailed_at is not None


def test_without_preference_a_category_is_emailed_immediately(
    mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        notification = notify(UserFactory())
    assert notification.delivery == DeliveryMode.IMMEDIATE
    assert len(mailoutbox) == 1


def test_digest_preference_sends_no_immediate_email(mailoutbox, django_capture_on_commit_callbacks):
    preference = NotificationPreferenceFactory(delivery=DeliveryMode.DIGEST)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        notification = notify(preference.user)
    assert callbacks == []
    assert notification.delivery == DeliveryMode.DIGEST
    assert mailoutbox == []


def test_digest_task_sends_one_email_listing_every_pending_notification(
    mailoutbox, django_capture_on_commit_callbacks
):
    preference = NotificationPreferenceFactory(delivery=DeliveryMode.DIGEST)
    with django_capture_on_commit_callbacks(execute=True):
        first = notify(preference.user, title="Candidature de La Fabrique déposée")
        second = notify(preference.user, title="Candidature de Vivre ensemble déposée")
    assert mailoutbox == []

    assert send_daily_digests() == 1

    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == [preference.user.email]
    assert "Candidature de La Fabrique déposée" in message.body
    assert "Candidature de Vivre ensemble déposée" in message.body
    assert "Candidature de La Fabrique déposée" in message.alternatives[0].content
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.emailed_at is not None
    assert second.emailed_at is not None


def test_off_preference_sends_no_email_at_all(mailoutbox, django_capture_on_commit_callbacks):
    preference = NotificationPreferenceFactory(delivery=DeliveryMode.OFF)
    with django_capture_on_commit_callbacks(execute=True):
        notification = notify(preference.user)
    send_daily_digests()
    assert notification.delivery == DeliveryMode.OFF
    assert mailoutbox == []
    # It is still shown in the notification centre.
    assert Notification.objects.filter(recipient=preference.user).count() == 1


def test_mandatory_category_stored_as_off_is_still_emailed_immediately(
    mailoutbox, django_capture_on_commit_callbacks
):
    # A row written before the rule, or by hand: the rule wins.
    preference = NotificationPreferenceFactory(
        category=NotificationCategory.SIGNATURE, delivery=DeliveryMode.OFF
    )
    with django_capture_on_commit_callbacks(execute=True):
        notification = notify(preference.user, category=NotificationCategory.SIGNATURE)
    assert notification.delivery == DeliveryMode.IMMEDIATE
    assert len(mailoutbox) == 1


def test_mandatory_category_cannot_be_turned_off():
    user = UserFactory()
    with pytest.raises(ValidationError) as error:
        notification_preferences_update(
            user=user,
            preferences={
                NotificationCategory.SIGNATURE: DeliveryMode.OFF,
                NotificationCategory.CANDIDACY: DeliveryMode.OFF,
            },
        )
    assert "signature" in error.value.message_dict
    assert "ne peuvent pas être désactivées" in error.value.message_dict["signature"][0]
    # Nothing was saved, not even the valid part.
    assert not NotificationPreference.objects.filter(user=user).exists()


def test_mandatory_category_may_go_to_the_digest():
    user = UserFactory()
    notification_preferences_update(
        user=user, preferences={NotificationCategory.ACCOUNT: DeliveryMode.DIGEST}
    )
    assert notification_preferences_for(user=user)[NotificationCategory.ACCOUNT] == "digest"


def test_preferences_update_keeps_other_categories_and_is_audited():
    user = UserFactory()
    notification_preferences_update(
        user=user,
        preferences={"candidacy": "digest", "tutoring": "off", "guide": "immediate"},
    )

    preferences = notification_preferences_for(user=user)
    assert preferences[NotificationCategory.CANDIDACY] == DeliveryMode.DIGEST
    assert preferences[NotificationCategory.TUTORING] == DeliveryMode.OFF
    assert preferences[NotificationCategory.TRAINING] == DeliveryMode.IMMEDIATE
    entry = AuditLogEntry.objects.get(action="notification_preferences.update")
    assert entry.actor == user
    assert entry.object_id == str(user.pk)
    # Only what changed is recorded.
    assert entry.changes == {
        "candidacy": ["immediate", "digest"],
        "tutoring": ["immediate", "off"],
    }


def test_saving_unchanged_preferences_writes_no_audit_entry():
    user = UserFactory()
    notification_preferences_update(user=user, preferences={"candidacy": "immediate"})
    assert not AuditLogEntry.objects.exists()


def test_unknown_delivery_mode_is_refused():
    with pytest.raises(ValidationError):
        notification_preferences_update(user=UserFactory(), preferences={"candidacy": "weekly"})


def test_notification_points_to_its_object():
    recipient = UserFactory()
    other = UserFactory()
    notification = notify(recipient, target=other)
    notification.refresh_from_db()
    assert notification.target == other


def test_marking_read_someone_elses_notification_is_refused():
    notification = NotificationFactory()
    with pytest.raises(PermissionDenied):
        notification_mark_read(user=UserFactory(), notification=notification)
    notification.refresh_from_db()
    assert notification.read_at is None


def test_mark_read_keeps_the_first_reading_time():
    notification = NotificationFactory()
    notification_mark_read(user=notification.recipient, notification=notification)
    first = Notification.objects.get(pk=notification.pk).read_at
    notification_mark_read(
        user=notification.recipient, notification=Notification.objects.get(pk=notification.pk)
    )
    assert Notification.objects.get(pk=notification.pk).read_at == first


def test_mark_all_read_touches_only_my_notifications():
    recipient = UserFactory()
    NotificationFactory.create_batch(3, recipient=recipient)
    NotificationFactory(recipient=recipient, read=True)
    theirs = NotificationFactory()

    assert notification_mark_all_read(user=recipient) == 3
    assert not Notification.objects.filter(recipient=recipient, read_at__isnull=True).exists()
    theirs.refresh_from_db()
    assert theirs.read_at is None
