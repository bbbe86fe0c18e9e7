"""A visitor reads the public site in French, adds an event to their calendar, switches to English.

axe-core runs on every page visited: no serious or critical violation is accepted.
"""

import re

import icalendar
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible
from tests.browser.journey import h1, h1_text, submit

MAIN_NAV = 'nav[aria-label="Menu principal"]'
BREADCRUMBS = 'nav[aria-label="Fil d’Ariane"]'
LANGUAGE_NAV = 'nav[aria-label="Choix de la langue"]'


def test_not_found_page_is_french_and_accessible(page):
    response = page.goto("/nimporte-quoi/")

    assert response is not None and response.status == 404
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    assert h1_text(page) == "Page introuvable"
    assert_accessible(page)


def test_search_lists_results_for_programme(page, demo_site):
    response = page.goto("/recherche/?q=programme")

    assert response is not None and response.status == 200
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    h1(page)
    expect(page.locator("main ol.search-results a[href]")).not_to_have_count(0)
    assert_accessible(page)


def test_visitor_reads_news_and_events_then_switches_to_english(page, demo_site):
    # 1. The French home page, its skip link and its main navigation.
    response = page.goto("/")
    assert response is not None and response.status == 200
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    home_title_fr = h1_text(page)
    assert_accessible(page)

    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Aller au contenu", exact=True)).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/#contenu$"))
    expect(page.locator("main#contenu")).to_be_focused()

    main_nav = page.locator(MAIN_NAV)
    expect(main_nav.get_by_role("link", name="Actualités", exact=True)).to_have_count(1)
    expect(main_nav.get_by_role("link", name="Évènements", exact=True)).to_have_count(1)

    # 2. The news, then the latest news item.
    path = submit(page, main_nav.get_by_role("link", name="Actualités", exact=True))
    assert path == "/actualites/"
    assert h1_text(page) == "Actualités"
    news_links = page.locator("main .card__title a[href]")
    expect(news_links).not_to_have_count(0)
    assert_accessible(page)

    news_title = news_links.first.inner_text().strip()
    path = submit(page, news_links.first)
    assert re.fullmatch(r"/actualites/[\w-]+/", path), path
    assert h1_text(page) == news_title
    breadcrumbs = page.locator(BREADCRUMBS)
    expect(breadcrumbs).to_have_count(1)
    expect(breadcrumbs.get_by_role("link", name="Actualités", exact=True)).to_have_count(1)
    assert_accessible(page)

    # 3. The events, the first upcoming one, and its calendar file.
    main_nav = page.locator(MAIN_NAV)
    path = submit(page, main_nav.get_by_role("link", name="Évènements", exact=True))
    assert path == "/evenements/"
    assert h1_text(page) == "Évènements"
    upcoming = page.locator('section[aria-labelledby="upcoming"] .card__title a[href]')
    expect(upcoming).not_to_have_count(0)
    assert_accessible(page)

    path = submit(page, upcoming.first)
    assert re.fullmatch(r"/evenements/[\w-]+/", path), path
    event_title = h1_text(page)
    expect(page.locator(BREADCRUMBS)).to_have_count(1)
    assert_accessible(page)

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Ajouter à mon agenda").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".ics")
    calendar = icalendar.Calendar.from_ical(download.path().read_bytes())
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    assert str(events[0]["SUMMARY"]) == event_title
    assert events[0].decoded("DTSTART") < events[0].decoded("DTEND")

    # 4. English, from the event page, then the English home page, and back to French.
    path = submit(page, page.locator(LANGUAGE_NAV).get_by_role("link", name="English", exact=True))
    assert path.startswith("/en/"), path
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("a.skip-link")).to_have_text("Skip to content")
    expect(page.locator('nav[aria-label="Main menu"]')).to_have_count(1)
    assert_accessible(page)

    response = page.goto("/en/")
    assert response is not None and response.status == 200
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("a.skip-link")).to_have_text("Skip to content")
    expect(page.locator('nav[aria-label="Main menu"]')).to_have_count(1)
    assert h1_text(page) != home_title_fr, "the English home shows the French title"
    assert_accessible(page)

    # The switcher's label is translated too: find it by the link it always holds.
    language_nav = page.locator("header nav").filter(
        has=page.get_by_role("link", name="Français", exact=True)
    )
    path = submit(page, language_nav.get_by_role("link", name="Français", exact=True))
    assert path == "/", path
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    assert h1_text(page) == home_title_fr
    assert_accessible(page)
