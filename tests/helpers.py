"""Small helpers shared by the test modules."""

import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from celery import Celery
from celery.contrib.testing.worker import start_worker
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.celery import app as portal_app


def count_queries(client, url: str) -> int:
    """Queries of one successful GET of `url`, once per-process caches are warm."""
    client.get(url)  # the first request of a session fills the site, locale and type caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


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


def wait_for(condition: Callable[[], bool], seconds: float = 30) -> bool:
    """Poll `condition` until it holds or `seconds` pass; the worker runs in another thread."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


def close_response(response) -> None:
    """Close a served file's response as the test client does when it is read to the end.

    `response.close()` sends `request_finished`, whose `close_old_connections` closes the
    database connection of a test running inside a transaction (PostgreSQL): keep it connected.
    """
    from django.core.signals import request_finished
    from django.db import close_old_connections

    request_finished.disconnect(close_old_connections)
    try:
        response.close()
    finally:
        request_finished.connect(close_old_connections)
