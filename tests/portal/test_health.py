import pytest
from django.db import connection
from django.urls import reverse

from portal import health
from tests.conftest import require_service


@pytest.mark.django_db
def test_health_is_public_and_reports_each_part(client):
    response = client.get(reverse("health"))
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok", "broker": "eager"},
    }
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_health_fails_when_the_database_fails(client, monkeypatch):
    def broken():
        raise connection.Database.OperationalError("down")

    monkeypatch.setitem(health.CHECKS, "database", broken)
    response = client.get(reverse("health"))
    assert response.status_code == 503
    assert response.json()["checks"]["database"] == "error: OperationalError"


@pytest.mark.django_db
def test_health_checks_the_real_broker(client, settings):
    settings.CELERY_BROKER_URL = require_service("CELERY_BROKER_URL")
    settings.CELERY_TASK_ALWAYS_EAGER = False
    response = client.get(reverse("health"))
    assert response.status_code == 200
    assert response.json()["checks"]["broker"] == "ok"


@pytest.mark.django_db
def test_health_fails_when_the_broker_is_unreachable(client, settings):
    require_service("CELERY_BROKER_URL")
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"
    settings.CELERY_TASK_ALWAYS_EAGER = False
    response = client.get(reverse("health"))
    assert response.status_code == 503
    assert response.json()["checks"]["broker"].startswith("error")


@pytest.mark.django_db
def test_health_uses_the_real_shared_cache(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": require_service("REDIS_URL"),
        }
    }
    response = client.get(reverse("health"))
    assert response.json()["checks"]["cache"] == "ok"
