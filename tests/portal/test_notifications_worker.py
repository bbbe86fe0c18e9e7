"""End to end: a committed notification is e-mailed by a real Celery worker through Redis."""

import time

from django.db import transaction

from portal.enums import NotificationCategory
from portal.models import Notification
from portal.notifications.services import notification_create
from tests.conftest import require_service
from tests.helpers import worker_on_own_queue
from tests.portal.factories import UserFactory

WAIT_SECONDS = 20


def wait_until_emailed(notification: Notification) -> Notification:
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        notification.refresh_from_db()
        if notification.emailed_at is not None:
            break
        time.sleep(0.1)
    return notification


# `transactional_db`: the worker thread has its own connection and sees only committed data
# (as a fixture rather than a marker, so that tests/conftest.py runs this test last).
def test_a_real_worker_emails_a_notification_once_its_transaction_commits(
    transactional_db, mailoutbox
):
    broker = require_service("CELERY_BROKER_URL")
    with worker_on_own_queue(broker):
        recipient = UserFactory(first_name="Noé")
        with transaction.atomic():
            notification = notification_create(
                recipient=recipient,
                category=NotificationCategory.SIGNATURE,
                kind="signature-requested",
                title="Votre signature est attendue",
                body="La candidature de La Fabrique solidaire attend votre signature.",
                url="/candidatures/3/",
            )
            # Nothing leaves before the commit.
            time.sleep(0.3)
            assert mailoutbox == []
        wait_until_emailed(notification)

    assert notification.emailed_at is not None
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == [recipient.email]
    assert message.subject == "[Essaim] Votre signature est attendue"
    assert "Bonjour Noé," in message.body
