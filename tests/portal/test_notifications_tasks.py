"""Notification e-mails: French, text and HTML, and never sent twice."""

from smtplib import SMTPServerDisconnected

import pytest
from django.conf import settings
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.utils import timezone, translation

from portal.enums import DeliveryMode
from portal.notifications.tasks import (
    send_daily_digests,
    send_notification_digest,
    send_notification_email,
)
from tests.portal.factories import UserFactory
from tests.portal.notification_factories import NotificationFactory

pytestmark = pytest.mark.django_db


def test_email_is_french_with_text_html_and_an_absolute_link(mailoutbox, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://essaim.example.org"
    notification = NotificationFactory(
        recipient=UserFactory(first_name="Aïcha"),
        title="Nouvelle question sur la fiche « Recruter »",
        body="Une question attend votre réponse.",
        url="/tutorat/questions/7/",
    )

    assert send_notification_email.delay(notification.pk).get() == "sent"

    message = mailoutbox[0]
    assert message.subject == "[Essaim] Nouvelle question sur la fiche « Recruter »"
    assert message.from_email == settings.DEFAULT_FROM_EMAIL
    assert message.extra_headers["Auto-Submitted"] == "auto-generated"
    assert "Bonjour Aïcha," in message.body
    assert "Une question attend votre réponse." in message.body
    assert "https://essaim.example.org/tutorat/questions/7/" in message.body
    assert "https://essaim.example.org/notifications/preferences/" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert '<html lang="fr">' in html
    assert 'href="https://essaim.example.org/tutorat/questions/7/"' in html
    # What people typed is escaped in HTML, kept as is in text.
    assert "« Recruter »" in html


def test_email_is_french_whatever_the_language_of_the_request():
    notification = NotificationFactory()
    with translation.override("en"):
        send_notification_email.delay(notification.pk)
    assert "Bonjour" in mail.outbox[0].body


def test_html_in_a_title_is_escaped_in_the_html_email(mailoutbox):
    notification = NotificationFactory(title="<script>alert(1)</script>")
    send_notification_email.delay(notification.pk)
    html = mailoutbox[0].alternatives[0].content
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


def test_an_outside_url_is_never_put_in_the_email(mailoutbox):
    notification = NotificationFactory(url="https://evil.example.com/")
    send_notification_email.delay(notification.pk)
    assert "evil.example.com" not in mailoutbox[0].body
    assert "evil.example.com" not in mailoutbox[0].alternatives[0].content


def test_sending_task_twice_sends_one_email(mailoutbox):
    notification = NotificationFactory()
    assert send_notification_email.delay(notification.pk).get() == "sent"
    assert send_notification_email.delay(notification.pk).get() == "already-sent"
    assert len(mailoutbox) == 1


def test_a_failed_send_is_retried_and_sent_once(mailoutbox, monkeypatch):
    notification = NotificationFactory()
    calls = []
    original = EmailBackend.send_messages

    def flaky(self, messages):
        calls.append(1)
        if len(calls) == 1:
            raise SMTPServerDisconnected("connexion perdue")
        return original(self, messages)

    monkeypatch.setattr(EmailBackend, "send_messages", flaky)
    # Eagerly, `throw=False` lets Celery run the retry instead of raising it.
    result = send_notification_email.apply(args=[notification.pk], throw=False)

    assert result.get() == "sent"

    assert len(calls) == 2
    assert len(mailoutbox) == 1
    notification.refresh_from_db()
    assert notification.emailed_at is not None


def test_digest_and_disabled_notifications_are_not_sent_by_the_immediate_task(mailoutbox):
    digest = NotificationFactory(digest=True)
    off = NotificationFactory(delivery=DeliveryMode.OFF)
    assert send_notification_email.delay(digest.pk).get() == "not-immediate"
    assert send_notification_email.delay(off.pk).get() == "not-immediate"
    assert mailoutbox == []


def test_inactive_people_receive_no_email(mailoutbox):
    notification = NotificationFactory(recipient=UserFactory(is_active=False))
    assert send_notification_email.delay(notification.pk).get() == "no-recipient"
    assert mailoutbox == []


def test_deleted_notification_is_ignored(mailoutbox):
    assert send_notification_email.delay(987654).get() == "missing"
    assert mailoutbox == []


def test_digest_run_twice_sends_once(mailoutbox):
    recipient = UserFactory()
    NotificationFactory.create_batch(3, recipient=recipient, digest=True)

    assert send_daily_digests() == 1
    assert send_daily_digests() == 0
    assert send_notification_digest.delay(recipient.pk).get() == 0

    assert len(mailoutbox) == 1
    assert mailoutbox[0].subject == "[Essaim] Votre résumé quotidien\u00a0: 3 notifications"


def test_digest_sends_one_email_per_person(mailoutbox):
    first, second = UserFactory(), UserFactory()
    NotificationFactory.create_batch(2, recipient=first, digest=True)
    NotificationFactory(recipient=second, digest=True)
    NotificationFactory(recipient=second)  # immediate: not in the digest

    assert send_daily_digests() == 2

    assert sorted(message.to[0] for message in mailoutbox) == sorted([first.email, second.email])
    second_message = next(message for message in mailoutbox if message.to == [second.email])
    assert second_message.subject == "[Essaim] Votre résumé quotidien\u00a0: 1 notification"


def test_digest_leaves_out_what_was_already_emailed(mailoutbox):
    recipient = UserFactory()
    NotificationFactory(
        recipient=recipient, digest=True, title="Déjà envoyée", emailed_at=timezone.now()
    )
    NotificationFactory(recipient=recipient, digest=True, title="Nouvelle séance programmée")

    send_daily_digests()

    assert len(mailoutbox) == 1
    assert "Nouvelle séance programmée" in mailoutbox[0].body
    assert "Déjà envoyée" not in mailoutbox[0].body


def test_digest_runs_every_morning_at_seven_paris_time():
    entry = settings.CELERY_BEAT_SCHEDULE["notifications-daily-digest"]
    assert entry["task"] == send_daily_digests.name
    assert entry["schedule"].hour == {7}
    assert entry["schedule"].minute == {0}
    assert settings.CELERY_TIMEZONE == "Europe/Paris"


def test_sending_tasks_survive_a_lost_worker():
    for task in (send_notification_email, send_notification_digest):
        assert task.acks_late is True
        assert task.reject_on_worker_lost is True
        assert task.max_retries == 5
    assert settings.CELERY_TASK_REJECT_ON_WORKER_LOST is True


@pytest.mark.django_db
def test_immediate_email_whose_task_was_lost_is_sent_by_the_overdue_sweep(mailoutbox):
    from django.utils import timezone

    from portal.enums import DeliveryMode
    from portal.models import Notification
    from portal.notifications.tasks import send_overdue_notification_emails
    from tests.portal.factories import UserFactory

    recipient = UserFactory()
    lost = Notification.objects.create(
        recipient=recipient,
        category="structure",
        kind="test.lost",
        title="Perdue en route",
        delivery=DeliveryMode.IMMEDIATE,
        created_at=timezone.now() - timezone.timedelta(minutes=30),
    )
    Notification.objects.create(
        recipient=recipient,
        category="structure",
        kind="test.recent",
        title="Toute récente",
        delivery=DeliveryMode.IMMEDIATE,
    )

    assert send_overdue_notification_emails() == 1
    assert [message.subject for message in mailoutbox] == ["[Essaim] Perdue en route"]
    lost.refresh_from_db()
    assert lost.emailed_at is not None
    assert send_overdue_notification_emails() == 0
