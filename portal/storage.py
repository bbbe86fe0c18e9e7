"""Where files only Django may serve live (see STORAGES["private"] in the settings)."""

from django.core.files.storage import storages


def private_storage():
    """Callable storage, so migrations do not freeze a path and tests can relocate it."""
    return storages["private"]
