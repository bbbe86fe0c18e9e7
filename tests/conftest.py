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


@pytest.fixture(scope="session", autouse=True)
def _no_connection_left_at_the_end(django_db_setup, django_db_blocker):
    """Close, once the session's tests are done, what other threads left open on PostgreSQL.

    The live server's request threads and the real Celery workers of some tests open their own
    connections to the test database; one may outlive its thread, and the database could then
    not be dropped. This runs before pytest-django drops it (it depends on its setup), when no
    test is running any more, so it cannot cut a connection a test still uses.
    """
    yield
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )


@pytest.fixture(autouse=True)
def _permissions_after_a_serialized_flush(request):
    """Give a transactional test the permissions and content types a serialized flush removed.

    A test with serialized rollback flushes the database when it ends without re-creating the
    content types and permissions (Django inhibits post_migrate then, as it restores them from
    its copy at the next such test). The transactional tests run after that group would start
    without them; they are created again here, only when missing.
    """
    names = set(request.fixturenames)
    marker = request.node.get_closest_marker("django_db")
    kwargs = marker.kwargs if marker else {}
    transactional = bool({"transactional_db", "live_server"} & names) or kwargs.get("transaction")
    serialized = "django_db_serialized_rollback" in names or kwargs.get("serialized_rollback")
    if not transactional or serialized:
        return
    request.getfixturevalue("transactional_db")
    from django.contrib.auth.models import Permission

    if not Permission.objects.exists():
        from django.core.management.sql import emit_post_migrate_signal

        emit_post_migrate_signal(verbosity=0, interactive=False, db="default")


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
