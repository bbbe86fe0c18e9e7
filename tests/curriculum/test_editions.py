"""Editions freeze the framework as published; one sheet has its own PDF; related items region."""

import io

import pytest
from pypdf import PdfReader

from curriculum.models import FrameworkEdition, FrameworkPdf, PdfStatus
from curriculum.pdf import render_framework_pdf
from curriculum.relations import (
    RelatedItem,
    SheetRelation,
    register_sheet_relation,
    unregister_sheet_relation,
)
from portal.roles import Role
from tests.curriculum.factories import ActionSheetPageFactory, FrameworkPageFactory
from tests.helpers import close_response
from tests.portal.factories import UserFactory


@pytest.fixture
def framework(home):
    framework = FrameworkPageFactory(parent=home)
    for number in (1, 2):
        ActionSheetPageFactory(parent=framework, number=number, title=f"Fiche initiale {number}")
    return framework


def publish_edition(framework, name="Édition 2026", slug="2026"):
    edition = FrameworkEdition.objects.create(
        framework=framework, name=name, slug=slug, changelog="<p>Première édition complète.</p>"
    )
    edition.save_revision().publish()
    edition.refresh_from_db()
    return edition


def republish(sheet, **changes):
    for field, value in changes.items():
        setattr(sheet, field, value)
    sheet.save_revision().publish()


@pytest.mark.django_db
def test_publishing_an_edition_freezes_the_published_sheets(framework):
    edition = publish_edition(framework)
    first = framework.get_children().specific().get(actionsheetpage__number=1)

    assert edition.frozen_at is not None
    assert edition.sheet_revisions[str(first.pk)] == first.live_revision_id
    frozen_at = edition.frozen_at

    republish(first, title="Fiche réécrite")
    edition.changelog = "<p>Coquille corrigée.</p>"
    edition.save_revision().publish()  # publishing the changelog again never re-freezes
    edition.refresh_from_db()
    assert edition.frozen_at == frozen_at
    assert [sheet.title for sheet in edition.sheets()] == ["Fiche initiale 1", "Fiche initiale 2"]


@pytest.mark.django_db
def test_an_old_edition_stays_readable_as_it_was(client, framework):
    publish_edition(framework)
    first = framework.get_children().specific().get(actionsheetpage__number=1)
    republish(
        first,
        title="Fiche réécrite",
        content=[{"type": "objectives", "value": ["Objectif de la nouvelle édition"]}],
    )
    client.force_login(UserFactory(roles=[Role.REFERENT]))

    old = client.get(f"{framework.url}editions/2026/fiches/1/")
    assert old.status_code == 200
    html = old.content.decode()
    assert "Fiche initiale 1" in html
    assert "Objectif confidentiel de la fiche" in html
    assert "Objectif de la nouvelle édition" not in html
    assert '<meta name="robots" content="noindex">' in html
    current = client.get(first.url).content.decode()
    assert "Objectif de la nouvelle édition" in current
    assert client.get(f"{framework.url}editions/2026/fiches/9/").status_code == 404


@pytest.mark.django_db
def test_old_editions_hide_restricted_content_from_the_public(client, framework):
    publish_edition(framework)

    html = client.get(f"{framework.url}editions/2026/fiches/1/").content.decode()

    assert "Résumé public de la fiche." in html
    assert "Objectif confidentiel" not in html
    assert "réservée aux membres du programme" in html


@pytest.mark.django_db
def test_framework_page_names_the_current_edition_and_sheets_changed_since(client, framework):
    assert "Aucune édition publiée" in client.get(framework.url).content.decode()
    publish_edition(framework, name="Édition 2026", slug="2026")
    first = framework.get_children().specific().get(actionsheetpage__number=1)
    republish(first, title="Fiche réécrite")

    html = client.get(framework.url).content.decode()

    assert "Édition en vigueur : Édition 2026" in html
    assert html.count("Modifiée depuis l'édition en vigueur") == 1
    listing = client.get(f"{framework.url}editions/").content.decode()
    assert "Première édition complète." in listing
    assert "En vigueur" in listing


@pytest.mark.django_db
def test_unpublished_editions_are_not_listed(client, framework):
    FrameworkEdition.objects.create(
        framework=framework, name="Édition 2028", slug="2028", changelog="<p>En préparation.</p>"
    )
    assert "Édition 2028" not in client.get(f"{framework.url}editions/").content.decode()
    assert client.get(f"{framework.url}editions/2028/").status_code == 404


@pytest.mark.django_db
def test_one_sheet_pdf_holds_that_sheet_only(framework):
    second = framework.get_children().specific().get(actionsheetpage__number=2)
    steps = []

    reader = PdfReader(io.BytesIO(render_framework_pdf(framework, second, steps.append)))

    assert [item.title for item in reader.outline] == ["2. Fiche initiale 2"]
    text = "".join(page.extract_text() for page in reader.pages)
    assert "Fiche initiale 1" not in text
    assert "Sommaire" not in text
    assert steps == [30, 80]


@pytest.mark.django_db
def test_member_downloads_one_sheet_and_follows_the_build(
    client, framework, django_capture_on_commit_callbacks
):
    sheet = framework.get_children().specific().get(actionsheetpage__number=1)
    client.force_login(UserFactory(roles=[Role.PARTICIPANT]))
    assert client.get(f"{sheet.url}pdf/etat/").status_code == 404  # nothing requested yet

    with django_capture_on_commit_callbacks(execute=True):
        waiting = client.get(f"{sheet.url}pdf/")
    assert 'data-pdf-status-url="' in waiting.content.decode()
    state = client.get(f"{sheet.url}pdf/etat/").json()
    assert state == {"status": "ready", "label": "Prêt", "progress": 100}

    download = client.get(f"{sheet.url}pdf/")
    assert download["Content-Disposition"] == 'attachment; filename="fiche-1-essaim.pdf"'
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    close_response(download)
    pdf = FrameworkPdf.objects.get()
    assert pdf.sheet_id == sheet.pk
    assert pdf.status == PdfStatus.READY


@pytest.mark.django_db
def test_pdf_state_is_refused_to_non_members(client, framework):
    sheet = framework.get_children().first()
    client.force_login(UserFactory(roles=[Role.APPLICANT]))
    assert client.get(f"{sheet.url}pdf/").status_code == 403
    assert client.get(f"{sheet.url}pdf/etat/").status_code == 403
    assert client.get(f"{framework.url}pdf/etat/").status_code == 403


@pytest.fixture
def session_relation():
    def provider(sheet, user):
        return [RelatedItem("Session du 12 mars", "/sessions/12/", "Module 1")]

    relation = register_sheet_relation(
        SheetRelation("test-sessions", "Sessions de formation", provider, "Aucune session.")
    )
    yield relation
    unregister_sheet_relation(relation.key)


@pytest.mark.django_db
def test_sheet_lists_related_items_for_members(client, framework, session_relation):
    sheet = framework.get_children().first()
    client.force_login(UserFactory(roles=[Role.EXPERT]))

    html = client.get(sheet.url).content.decode()

    assert "Autour de cette fiche" in html
    assert '<a href="/sessions/12/">Session du 12 mars</a>' in html
    client.logout()
    assert "Session du 12 mars" not in client.get(sheet.url).content.decode()


@pytest.mark.django_db
def test_related_region_lists_the_tutoring_questions_of_the_sheet(client, framework):
    client.force_login(UserFactory(roles=[Role.REFERENT]))
    html = client.get(framework.get_children().first().url).content.decode()
    assert "Questions au tutorat sur cette fiche" in html
