"""Background work runs on a real Celery worker with the Redis broker (not eagerly)."""

from celery.contrib.testing.worker import start_worker

from portal.celery import app
from portal.tasks import ping
from tests.conftest import require_service


def test_a_real_worker_runs_tasks_through_redis():
    broker = require_service("CELERY_BROKER_URL")
    previous = {key: app.conf[key] for key in ("broker_url", "result_backend", "task_always_eager")}
    app.conf.update(broker_url=broker, result_backend=broker, task_always_eager=False)
    try:
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
            result = ping.delay()
            assert result.get(timeout=20) == "pong"
            assert result.status == "SUCCESS"
    finally:
        app.conf.update(previous)
