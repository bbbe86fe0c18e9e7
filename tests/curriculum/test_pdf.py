"""The framework PDF: built in the background, cached per published version, members only."""

import io

import pytest
from pypdf import PdfReader

from curriculum.models import FrameworkPdf, PdfStatus
from curriculum.pdf import render_framework_pdf, revision_key
from portal.roles import Role
from tests.curriculum.factories import ActionSheetPageFactory, FrameworkPageFactory
from tests.portal.factories import UserFactory


@pytest.fixture
def framework(home):
    framework = FrameworkPageFactory(parent=home)
    for number in range(1, 14):
        ActionSheetPageFactory(parent=framework, number=number, title=f"Fiche de test {number}")
    return framework


def read(content: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(content))


@pytest.mark.django_db
def test_pdf_has_a_cover_a_contents_and_one_bookmark_per_sheet(framework):
    reader = read(render_framework_pdf(framework))
    assert [item.title for item in reader.outline] == [
        f"{number}. Fiche de test {number}" for number in range(1, 14)
    ]
    text = reader.pages[1].extract_text()
    assert "Sommaire" in text
    assert "Fiche 13 · Fiche de test 13" in text
    assert "Objectif confidentiel de la fiche" in reader.pages[2].extract_text()


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_login_and_non_members_refused(client, framework):
    response = client.get(f"{framework.url}pdf/")
    assert response.status_code == 302
    assert response["Location"].startswith("/comptes/login/?next=")
    client.force_login(UserFactory(roles=[Role.STEERING]))
    assert client.get(f"{framework.url}pdf/").status_code == 403
    assert not FrameworkPdf.objects.exists()


@pytest.mark.django_db
def test_member_downloads_the_pdf_built_once_per_version(
    client, framework, settings, django_capture_on_commit_callbacks
):
    client.force_login(UserFactory(roles=[Role.REFERENT]))

    with django_capture_on_commit_callbacks(execute=True):
        building = client.get(f"{framework.url}pdf/")
    assert "en cours de préparation" in building.content.decode()  # eager build after the page
    first = client.get(f"{framework.url}pdf/")
    assert first.status_code == 200
    assert first["Content-Type"] == "application/pdf"
    assert b"".join(first.streaming_content).startswith(b"%PDF")
    pdf = FrameworkPdf.objects.get()
    assert pdf.status == PdfStatus.READY
    assert pdf.file.path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
    assert not pdf.file.path.startswith(str(settings.MEDIA_ROOT))  # never publicly served

    cached = client.get(f"{framework.url}pdf/")
    assert b"".join(cached.streaming_content).startswith(b"%PDF")
    assert FrameworkPdf.objects.count() == 1  # served from the cache

    sheet = framework.get_children().first().specific
    sheet.title = "Fiche republiée"
    sheet.save_revision().publish()
    assert revision_key(framework) != pdf.revision_key
    with django_capture_on_commit_callbacks(execute=True):
        client.get(f"{framework.url}pdf/")
    assert FrameworkPdf.objects.count() == 2


@pytest.mark.django_db
def test_pdf_still_building_shows_its_progress(client, framework, monkeypatch):
    from curriculum import tasks

    monkeypatch.setattr(tasks.build_framework_pdf, "delay", lambda pk: None)
    client.force_login(UserFactory(roles=[Role.EXPERT]))

    response = client.get(f"{framework.url}pdf/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "en cours de préparation" in html
    assert "en attente" in html


@pytest.mark.django_db
def test_build_task_is_idempotent(framework):
    from curriculum.tasks import build_framework_pdf

    pdf = FrameworkPdf.objects.create(framework=framework, revision_key=revision_key(framework))
    assert build_framework_pdf(pdf.pk) == "built"
    assert build_framework_pdf(pdf.pk) == "already-built"
