"""Site-wide background tasks."""

from celery import shared_task


@shared_task(name="portal.ping")
def ping() -> str:
    """Answer from whichever process runs the task; the health check and tests use it."""
    return "pong"


# Each concept keeps its tasks in its own package; importing them here registers them with the
# worker, which autodiscovers `portal.tasks` only.
from portal.notifications.tasks import *  # noqa: E402, F403
