"""The reference framework in a browser: summaries for visitors, everything for an expert."""

from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible
from tests.browser.journey import (  # noqa: F401  (fresh_rate_limits: an autouse fixture)
    LOGIN,
    fresh_rate_limits,
    log_in,
    visit,
)


def test_visitor_filters_the_framework_and_reads_a_summary(page, demo_site):
    page.goto("/referentiel/")
    expect(page.locator("h1")).to_have_count(1)
    assert_accessible(page)

    page.select_option("#filter-axis", "companies")
    page.get_by_role("button", name="Filtrer").click()
    page.wait_for_load_state()
    expect(page.get_by_text("5 fiches", exact=True)).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Fiche 9 · La fidélisation des entreprises").click()
    page.wait_for_load_state()
    expect(page.locator("h1")).to_have_text("La fidélisation des entreprises")
    expect(
        page.get_by_text("La suite de cette fiche est réservée aux membres du programme")
    ).to_be_visible()
    expect(page.get_by_role("heading", name="Déroulé")).to_have_count(0)
    assert_accessible(page)


def test_expert_reads_the_whole_sheet_and_its_tools(page, demo_site):
    sheet = "/referentiel/periode-engagement-reciproque/"
    visit(page, f"{LOGIN}?next={sheet}")
    assert log_in(page, "expert1@essaim.test") == sheet

    for heading in ("Objectifs", "Déroulé", "Posture et points de vigilance", "Outils"):
        expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible()
    assert_accessible(page)

    tool = page.locator("section[aria-labelledby=part-tools] a").first
    with page.expect_download() as download:
        tool.click()
    assert download.value.path().read_bytes().startswith(b"%PDF")

    page.goto("/referentiel/")
    with page.expect_download() as whole:
        page.get_by_role("link", name="Télécharger le référentiel complet").click()
    assert whole.value.path().read_bytes().startswith(b"%PDF")


def test_referent_finds_a_sheet_prints_it_and_reads_the_editions(page, demo_site):
    visit(page, f"{LOGIN}?next=/recherche/%3Fq%3Dfid%C3%A9lisation")
    assert log_in(page, "referent1@essaim.test") == "/recherche/"

    # The module of the same name is found too: follow the sheet's result.
    page.locator("main a[href$='/referentiel/fidelisation-entreprises/']").first.click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", name="Déroulé", exact=True)).to_be_visible()
    expect(page.get_by_role("heading", name="Autour de cette fiche")).to_be_visible()
    assert_accessible(page)
    with page.expect_download() as sheet_pdf:
        page.get_by_role("link", name="Télécharger cette fiche").click()
    assert sheet_pdf.value.suggested_filename == "fiche-9-essaim.pdf"
    assert sheet_pdf.value.path().read_bytes().startswith(b"%PDF")

    page.goto("/referentiel/")
    expect(page.get_by_text("Édition en vigueur : Édition 2026")).to_be_visible()
    page.get_by_role("link", name="Éditions et changements").click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", name="Éditions du référentiel", level=1)).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Édition 2026").click()
    page.wait_for_load_state()
    page.get_by_role("link", name="Fiche 9 · La fidélisation des entreprises").click()
    page.wait_for_load_state()
    expect(page.get_by_text("telle qu'elle figurait dans l'Édition 2026")).to_be_visible()
    expect(page.get_by_role("heading", name="Déroulé", exact=True)).to_be_visible()
    assert_accessible(page)
