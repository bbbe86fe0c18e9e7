"""Browser journeys: Playwright driving Debian's Chromium against pytest-django's live server.

Playwright is never asked to download a browser (`playwright install` needs the network): the
tests drive the Chromium installed by apt, or the one named by ESSAIM_CHROMIUM. Without it the
tests skip on a developer's machine, but fail when ESSAIM_REQUIRE_BROWSER=1 (CI), so a missing
browser can never pass silently.

Two things keep these tests from disturbing the rest of the suite, which runs in random order
and in the same processes:

- Playwright's sync API leaves its asyncio loop marked as running in the test thread between
  calls. Django then treats the thread as async: the ORM refuses to run, and `connections` hands
  out other connection objects than the test database's own (asgiref's thread-critical storage
  becomes context-local), which loses the serialized state of the database. The loop is therefore
  attached only while a browser test holds a page, and DJANGO_ALLOW_ASYNC_UNSAFE is set only then
  (set for the whole process, it would leak into subprocesses such as `manage.py check --deploy`).
- The live server needs transactional tests, which flush the database when they end. Afterwards
  the state left by migrations (root page, default site, locales) is loaded back, so that tests
  running next in the same process find the database as migrations left it.
"""

import asyncio
import io
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

BROWSER_DIR = Path(__file__).resolve().parent
DEFAULT_CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
BLOCKING_IMPACTS = ("serious", "critical")
DB_BLOCKER = pytest.StashKey()


class PlaywrightLoop:
    """Marks Playwright's asyncio loop as running in the test thread only when it must be."""

    def __init__(self) -> None:
        self._loop: asyncio.AbstractEventLoop | None = None

    def attach(self) -> None:
        if self._loop is not None:
            asyncio._set_running_loop(self._loop)

    def detach(self) -> None:
        running = asyncio._get_running_loop()
        if running is not None:
            self._loop = running
            asyncio._set_running_loop(None)

    @contextmanager
    def detached(self) -> Iterator[None]:
        was_attached = asyncio._get_running_loop() is not None
        self.detach()
        try:
            yield
        finally:
            if was_attached:
                self.attach()


playwright_loop = PlaywrightLoop()


def pytest_collection_modifyitems(config, items):
    for item in items:
        if BROWSER_DIR in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    try:
        return (yield)
    finally:
        blocker = item.stash.get(DB_BLOCKER, None)
        # After the last test, the test databases are already gone.
        if blocker is not None and nextitem is not None:
            _restore_migrated_state(blocker)


def _restore_migrated_state(blocker) -> None:
    from django.db import connections

    with playwright_loop.detached(), blocker.unblock():
        for connection in connections.all():
            contents = getattr(connection, "_test_serialized_contents", None)
            if contents:
                connection.creation.deserialize_db_from_string(contents)


def _browser_unavailable(reason: str) -> None:
    if os.environ.get("ESSAIM_REQUIRE_BROWSER") == "1":
        pytest.fail(f"ESSAIM_REQUIRE_BROWSER=1 but {reason}", pytrace=False)
    pytest.skip(f"{reason} (set ESSAIM_REQUIRE_BROWSER=1 to make this an error)")


@pytest.fixture(scope="session")
def chromium() -> Iterator:
    executable = os.environ.get("ESSAIM_CHROMIUM", DEFAULT_CHROMIUM)
    if not os.access(executable, os.X_OK):
        _browser_unavailable(
            f"Chromium is not installed at {executable} "
            "(apt install chromium, or point ESSAIM_CHROMIUM at a Chromium binary)"
        )
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:  # pragma: no cover - dev extras not installed
        _browser_unavailable(f"Playwright is not importable ({exc})")

    playwright = sync_playwright().start()
    try:
        browser = playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_ARGS
        )
    except Exception as exc:
        playwright.stop()
        _browser_unavailable(f"Chromium at {executable} did not start: {exc}")
    playwright_loop.detach()
    try:
        yield browser
    finally:
        playwright_loop.attach()
        browser.close()
        playwright.stop()


@pytest.fixture(autouse=True)
def _restore_migrated_state_after_flush(request, django_db_blocker):
    # Marks the test for pytest_runtest_teardown, which runs after the flush; set even when a
    # later fixture skips, as the flush happens whenever the transactional database was set up.
    if "transactional_db" in request.fixturenames:
        request.node.stash[DB_BLOCKER] = django_db_blocker


@pytest.fixture
def browser_db(live_server, transactional_db, django_db_serialized_rollback):
    """Database access shared with the live server, starting from the migrated state."""
    return live_server


@pytest.fixture
def page(chromium, browser_db, monkeypatch) -> Iterator:
    # Between Playwright calls the test thread looks async to Django: allow the ORM there.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    playwright_loop.attach()
    context = chromium.new_context(
        locale="fr-FR",
        accept_downloads=True,
        base_url=browser_db.url,
    )
    context.set_default_timeout(10_000)
    try:
        yield context.new_page()
    finally:
        context.close()
        playwright_loop.detach()


@pytest.fixture
def demo_site(browser_db, settings, tmp_path):
    """The whole demo (page tree in French and English, accounts) served by the live server."""
    from django.core.management import call_command

    # The demo uploads files (the brochure): keep them out of var/media and apart per worker.
    settings.MEDIA_ROOT = tmp_path / "media"
    with playwright_loop.detached():
        call_command("load_demo", stdout=io.StringIO())
    return browser_db


def assert_accessible(page) -> None:
    """Fail with a readable list when axe-core finds serious or critical violations."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    blocking = [
        violation
        for violation in results.response["violations"]
        if violation.get("impact") in BLOCKING_IMPACTS
    ]
    if not blocking:
        return
    lines = [f"axe-core found {len(blocking)} serious/critical violation(s) on {page.url}:"]
    for violation in blocking:
        nodes = violation.get("nodes", [])
        lines.append(
            f"- {violation['id']} [{violation['impact']}] {violation['help']} "
            f"({len(nodes)} element(s)) {violation.get('helpUrl', '')}"
        )
        for node in nodes[:3]:
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    {node.get('target')} {node.get('html', '')[:160]}")
            if summary:
                lines.append(f"      {summary[:300]}")
    pytest.fail("\n".join(lines), pytrace=False)
