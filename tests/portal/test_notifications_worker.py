"""End to end: a committed notification is e-mailed by a real Celery worker through Redis."""

import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from celery import Celery
from celery.contrib.testing.worker import start_worker
from django.db import transaction

from portal.celery import app as portal_app
from portal.enums import NotificationCategory
from portal.models import Notification
from portal.notifications.services import notification_create
from tests.conftest import require_service
from tests.portal.factories import UserFactory

WAIT_SECONDS = 20


@contextmanager
def worker_on_own_queue(broker: str) -> Iterator[Celery]:
    """A real worker for a fresh Celery app, current while it runs, on a queue of its own.

    The test suite runs in parallel processes sharing one Redis: with the default queue, another
    process's worker could take this test's message and run it against its own database.
    """
    app = Celery("essaim-notifications-test", set_as_current=False)
    app.config_from_object("django.conf:settings", namespace="CELERY")
    app.conf.update(
        broker_url=broker,
        result_backend=broker,
        task_always_eager=False,
        task_default_queue=f"essaim-test-{uuid.uuid4().hex}",
    )
    try:
        # start_worker makes `app` the current app: shared tasks (`.delay`) now go through it.
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
            yield app
    finally:
        portal_app.set_current()
        portal_app.set_default()
        app.close()


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
