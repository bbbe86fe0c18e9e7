"""Tests: strict templates, fast hashing, in-memory mail; DATABASE_URL picks PostgreSQL in CI."""

import tempfile
from pathlib import Path

from portal.settings.base import *  # noqa: F403
from portal.settings.base import BASE_DIR, TEMPLATES
from portal.testing import StrictUndefined

ESSAIM_ENVIRONMENT = "test"
DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CELERY_TASK_ALWAYS_EAGER = True
ESSAIM_DEMO_PASSWORD = "essaim-demo-2027"  # noqa: S105

# Unknown template variables fail the test instead of rendering as nothing.
TEMPLATES[0]["OPTIONS"]["string_if_invalid"] = StrictUndefined("")
# Templates used only by tests (e.g. a dashboard panel contributed by a fake app).
TEMPLATES[0]["DIRS"] = [*TEMPLATES[0]["DIRS"], BASE_DIR / "tests" / "templates"]

# Each test process keeps its own cache; tests about the shared Redis cache set it themselves.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Uploads and private files of the test run stay out of var/.
_TEST_FILES = Path(tempfile.gettempdir()) / "essaim-tests"
MEDIA_ROOT = _TEST_FILES / "media"
PRIVATE_MEDIA_ROOT = _TEST_FILES / "private"
STORAGES = {
    **STORAGES,  # noqa: F405
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
    },
}
