"""The steps every browser journey takes: moving from page to page, filling fields, logging in
and out, following the links of e-mails.

Journeys that run axe-core on every page they reach pass `accessible=True`; the others call
`assert_accessible` where they choose.
"""

import re
from urllib.parse import urlparse

import pytest
from django.conf import settings
from django.core import mail
from django.core.cache import cache
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible

LOGIN = "/comptes/login/"
DASHBOARD = "/mon-espace/"

#: What may follow a field's label.
FIELD_NOTE = r"(\s\((obligatoire|requis pour déposer|facultatif)\))?"


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """Start and end with no login counted: import it into a journey that logs in often."""
    # allauth counts logins per address and IP in the cache the live server shares with us.
    cache.clear()
    yield
    cache.clear()


def is_page_response(response) -> bool:
    """Whether `response` brings a page: a navigation that is not a redirect."""
    return response.request.is_navigation_request() and not 300 <= response.status < 400


def _checked_path(page, *, accessible: bool) -> str:
    if accessible:
        assert_accessible(page)
    return urlparse(page.url).path


def submit(page, button, *, accessible: bool = False) -> str:
    """Click a button or link, wait for the page it leads to, check it, return its path."""
    with page.expect_response(is_page_response) as answer:
        button.click()
    response = answer.value
    # A redirect may add a fragment (#pieces) that the response's URL does not carry.
    page.wait_for_url(lambda url: url.split("#")[0] == response.url.split("#")[0])
    assert response.status == 200, f"{response.url} answered {response.status}"
    return _checked_path(page, accessible=accessible)


def visit(page, url: str, *, accessible: bool = False) -> str:
    """Go to `url`, check the page answered, return the path it ended on."""
    response = page.goto(url)
    assert response is not None and response.status == 200, f"{url} answered {response.status}"
    return _checked_path(page, accessible=accessible)


def h1(page):
    """The page's heading, which must be its only `h1`."""
    headings = page.locator("h1")
    expect(headings).to_have_count(1)
    return headings


def h1_text(page) -> str:
    return h1(page).inner_text().strip()


def words(text: str) -> str:
    """A pattern for `text` whatever its spaces: French typography puts no-break spaces."""
    return r"\s+".join(re.escape(word) for word in text.split())


def field(page, label: str):
    """The field whose label is `label`, followed or not by its note (« (obligatoire) »…)."""
    return page.get_by_label(re.compile(rf"^{words(label)}{FIELD_NOTE}$"))


def log_in(page, email: str, password: str | None = None, *, accessible: bool = False) -> str:
    """Log in from the login page (or a page that led there); return the path landed on.

    Without a password, the demo accounts' one.
    """
    field(page, "E-mail").fill(email)
    field(page, "Mot de passe").fill(password or settings.ESSAIM_DEMO_PASSWORD)
    button = page.locator("main form").get_by_role("button", name="Connexion")
    return submit(page, button, accessible=accessible)


def log_out(page, *, accessible: bool = False) -> None:
    button = page.locator("header").get_by_role("button", name="Se déconnecter")
    submit(page, button, accessible=accessible)
    expect(page.locator("header").get_by_role("link", name="Se connecter")).to_have_count(1)


def last_link(prefix: str, recipient: str) -> str:
    """The path of the last link starting with `prefix` e-mailed to `recipient`.

    E-mails are read from Django's locmem outbox, which the live server (a thread of this
    process) fills.
    """
    bodies = [message.body for message in mail.outbox if recipient in message.to]
    assert bodies, f"no e-mail was sent to {recipient}"
    for body in reversed(bodies):
        match = re.search(rf"https?://[^/\s]+({re.escape(prefix)}\S+)", body)
        if match:
            return match.group(1)
    raise AssertionError(f"no {prefix} link in the {len(bodies)} e-mail(s) sent to {recipient}")
