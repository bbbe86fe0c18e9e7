import os

import pytest
from wagtail.models import Locale, Page, Site

from tests.cms_pages.factories import HomePageFactory


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Run tests that flush the database (live server, transactional) after all the others.

    pytest-randomly shuffles after pytest-django has ordered the tests; without this, a flushed
    database (no root page, no locales) would reach the plain `db` tests that follow on the
    same worker. The order stays random within each group.
    """

    def flushes_database(item) -> bool:
        marker = item.get_closest_marker("django_db")
        transactional = bool(marker and marker.kwargs.get("transaction"))
        return transactional or bool({"transactional_db", "live_server"} & set(item.fixturenames))

    items.sort(key=flushes_database)


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
