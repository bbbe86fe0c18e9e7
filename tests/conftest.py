import os

import pytest
from wagtail.models import Locale, Page, Site

from tests.cms_pages.factories import HomePageFactory


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Order the tests by what they leave behind; the order stays random within each group.

    pytest-randomly shuffles after pytest-django has ordered the tests, so this puts it back:
    first the tests that roll back their transaction; then the browser tests, which flush the
    database but restore its migrated content (serialized rollback); last the other
    transactional tests, whose flush re-creates content types through post_migrate and would
    make a later restore collide with them.
    """

    def group(item) -> int:
        names = set(item.fixturenames)
        marker = item.get_closest_marker("django_db")
        if "django_db_serialized_rollback" in names or (
            marker and marker.kwargs.get("serialized_rollback")
        ):
            return 1
        if {"transactional_db", "live_server"} & names or (
            marker and marker.kwargs.get("transaction")
        ):
            return 2
        return 0

    items.sort(key=group)


@pytest.fixture(autouse=True)
def french_by_default():
    """Each test starts in French: a request to /en/ must not leak English into the next test."""
    from django.utils import translation

    with translation.override("fr"):
        yield


@pytest.fixture
def home(db):
    """A published French home page as the default site's root (Wagtail's welcome page removed)."""
    Locale.objects.get_or_create(language_code="fr")
    home = HomePageFactory()
    site = Site.objects.get(is_default_site=True)
    welcome = site.root_page
    site.root_page = home
    site.save()
    if welcome.specific_class is Page:
        welcome.delete()
    return home


@pytest.fixture
def english(db):
    return Locale.objects.get_or_create(language_code="en")[0]


def require_service(variable: str) -> str:
    """The URL of a real service for this test; CI (ESSAIM_REQUIRE_SERVICES=1) fails without it."""
    value = os.environ.get(variable, "")
    if not value:
        message = f"{variable} is not set: this test needs the real service."
        if os.environ.get("ESSAIM_REQUIRE_SERVICES") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return value
