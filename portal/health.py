"""Readiness checks for the load balancer: database, cache and Celery broker."""

import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection


def check_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_cache() -> None:
    key = f"health:{uuid.uuid4().hex}"
    cache.set(key, "ok", timeout=10)
    if cache.get(key) != "ok":
        raise RuntimeError("cache did not return the value just written")
    cache.delete(key)


def check_broker() -> str | None:
    """Connect to the broker when one is configured; eager mode has none to check."""
    if settings.CELERY_TASK_ALWAYS_EAGER or not settings.CELERY_BROKER_URL:
        return "eager"
    from portal.celery import app

    with app.connection_for_write(url=settings.CELERY_BROKER_URL) as conn:
        conn.ensure_connection(max_retries=1, timeout=2)
    return None


CHECKS = {"database": check_database, "cache": check_cache, "broker": check_broker}


def run_checks() -> dict[str, str]:
    results = {}
    for name, check in CHECKS.items():
        try:
            results[name] = check() or "ok"
        except Exception as exc:  # any failure makes the instance unready
            results[name] = f"error: {exc.__class__.__name__}"
    return results
