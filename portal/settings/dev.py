"""Local development: works with nothing set (SQLite under var/, eager tasks, e-mails to files)."""

import os

from portal.settings.base import *  # noqa: F403
from portal.settings.base import VAR_DIR, env_bool, env_list

ESSAIM_ENVIRONMENT = "dev"
DEBUG = env_bool("DEBUG", True)
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-insecure-key-never-use-in-production"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")

EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = VAR_DIR / "mails"
