"""Site-wide background tasks."""

from celery import shared_task


@shared_task(name="portal.ping")
def ping() -> str:
    """Answer from whichever process runs the task; the health check and tests use it."""
    return "pong"
