"""The PDF of a guide edition: chapters by sheet with bookmarks, built once, the network's only."""

import io
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from pypdf import PdfReader

from curriculum.models import PdfStatus
from portal.roles import Role
from tests.curriculum.factories import ActionSheetPageFactory, FrameworkPageFactory
from tests.modules.factories import SwarmedMemberFactory, TrainingSeasonFactory
from tests.portal.factories import UserFactory
from tests.tutoring.guide_factories import (
    GuideEditionFactory,
    GuideEntryFactory,
    GuidePageFactory,
    published_edition,
)
from tutoring.enums import EntryKind
from tutoring.guide.models import GuidePdf
from tutoring.guide.pdf import (
    css_string,
    edition_pdf_html,
    edition_pdf_request,
    render_edition_pdf,
)
from tutoring.guide.tasks import build_guide_pdf

FROZEN = "Appelez l'employeur le lendemain de l'entretien, jamais par courriel."


@pytest.fixture
def sheets(home):
    framework = FrameworkPageFactory(parent=home)
    return [
        ActionSheetPageFactory(parent=framework, number=number, title=f"Fiche de test {number}")
        for number in range(1, 14)
    ]


@pytest.fixture
def guide(home, sheets):
    return GuidePageFactory(parent=home)


@pytest.fixture
def edition(guide, sheets):
    expert = UserFactory(expert=True, first_name="Camille", last_name="Oriol")
    follow_up = GuideEntryFactory(
        approved=True,
        kind=EntryKind.GOOD_PRACTICE,
        title="Rappeler l'employeur après l'entretien",
        body=FROZEN,
        sheets=[sheets[4], sheets[1]],  # filed under sheet 2, also about sheet 5
    )
    follow_up.contributors.add(expert)
    GuideEntryFactory(
        approved=True,
        kind=EntryKind.FAQ,
        title="Combien de périodes d'engagement signer ?",
        sheets=[sheets[1]],
    )
    GuideEntryFactory(
        approved=True, kind=EntryKind.PITFALL, title="Envoyer un CV", sheets=[sheets[2]]
    )
    return published_edition(season=TrainingSeasonFactory(name="Saison 2026"))


def read(content: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(content))


def outline(reader: PdfReader) -> list[tuple[str, list[str]]]:
    """[(level-1 title, [its level-2 titles])]: pypdf lists a node's children right after it."""
    tree: list[tuple[str, list[str]]] = []
    for node in reader.outline:
        if isinstance(node, list):
            tree[-1][1].extend(child.title for child in node)
        else:
            tree.append((node.title, []))
    return tree


def page_of(reader: PdfReader, title: str) -> int:
    """The 1-based page a bookmark points at."""
    nodes = [n for n in reader.outline if not isinstance(n, list)]
    nodes += [c for n in reader.outline if isinstance(n, list) for c in n]
    return reader.get_destination_page_number(next(n for n in nodes if n.title == title)) + 1


def text(reader: PdfReader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


# --- The document -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_pdf_has_one_level_one_bookmark_per_sheet_chapter_with_its_entries_under_it(edition):
    reader = read(render_edition_pdf(edition))

    tree = outline(reader)
    assert [title for title, _ in tree] == [
        f"Fiche {number} · Fiche de test {number}" for number in range(1, 14)
    ]
    chapters = dict(tree)
    # Entries by type in the types' order: the frequent question before the good practice.
    assert chapters["Fiche 2 · Fiche de test 2"] == [
        "Combien de périodes d'engagement signer ?",
        "Rappeler l'employeur après l'entretien",
    ]
    assert chapters["Fiche 3 · Fiche de test 3"] == ["Envoyer un CV"]
    assert chapters["Fiche 5 · Fiche de test 5"] == []  # filed under sheet 2, cross-referenced


@pytest.mark.django_db
def test_contents_lists_every_chapter_with_the_page_it_starts_on(edition):
    reader = read(render_edition_pdf(edition))

    contents = next(
        page.extract_text() for page in reader.pages if "Sommaire" in page.extract_text()
    )
    for number in range(1, 14):
        title = f"Fiche {number} · Fiche de test {number}"
        line = next(line for line in contents.splitlines() if line.startswith(f"{title} ("))
        assert line.rstrip().endswith(str(page_of(reader, title))), line
    assert "Remerciements" in contents


@pytest.mark.django_db
def test_pdf_holds_the_frozen_text_not_the_entry_edited_since(edition):
    item = edition.items.select_related("entry").get(revision__title__startswith="Rappeler")
    item.entry.body_html = "<p>Texte réécrit après la publication.</p>"
    item.entry.save()

    content = text(read(render_edition_pdf(edition))).replace("\n", " ")

    assert FROZEN in content
    assert "réécrit après la publication" not in content


@pytest.mark.django_db
def test_chapters_show_type_other_sheets_and_read_also_with_page_numbers(edition):
    reader = read(render_edition_pdf(edition))
    entry_page = page_of(reader, "Rappeler l'employeur après l'entretien")
    sheet_5 = page_of(reader, "Fiche 5 · Fiche de test 5")

    filed = reader.pages[entry_page - 1].extract_text().replace("\n", " ")
    assert "Bonne pratique · concerne aussi fiche 5 · Fiche de test 5 (p.\u00a0" in filed
    assert f"Fiche de test 5 (p.\u00a0{sheet_5})" in filed
    elsewhere = reader.pages[sheet_5 - 1].extract_text().replace("\n", " ")
    assert "À lire aussi" in elsewhere
    assert (
        f"Rappeler l'employeur après l'entretien (p.\u00a0{entry_page}) — Bonne pratique, fiche 2"
        in (elsewhere)
    )


@pytest.mark.django_db
def test_empty_chapter_says_the_edition_has_no_entry_for_that_sheet_yet(edition):
    reader = read(render_edition_pdf(edition))

    page = reader.pages[page_of(reader, "Fiche 13 · Fiche de test 13") - 1].extract_text()
    assert "Cette édition ne contient pas encore d'entrée pour cette fiche." in page


@pytest.mark.django_db
def test_pages_carry_the_chapter_in_their_header_and_their_number_in_the_footer(edition):
    reader = read(render_edition_pdf(edition))
    total = len(reader.pages)

    number = page_of(reader, "Fiche 3 · Fiche de test 3")
    page = reader.pages[number - 1].extract_text()
    assert page.count("Fiche 3 · Fiche de test 3") == 2  # the running header and the title
    assert f"Guide d'essaimage · {edition.name}" in page
    assert f"Page {number} / {total}" in page
    cover = reader.pages[0].extract_text()
    assert "Page 1" not in cover


@pytest.mark.django_db
def test_cover_names_edition_season_date_and_authors_and_credits_close_the_guide(edition):
    reader = read(render_edition_pdf(edition))

    cover = reader.pages[0].extract_text().replace("\n", " ")
    assert "Guide d'essaimage" in cover
    assert edition.name in cover
    assert "Saison 2026" in cover
    assert re.search(r"publiée le \d{1,2} [a-zéû]+ \d{4}", cover)
    assert "A.CO.R et l'Ansa" in cover
    assert "Marianne" not in cover
    credits = reader.pages[-1].extract_text().replace("\n", " ")
    assert "Remerciements" in credits
    assert "Camille Oriol — 1 entrée" in credits
    full = text(reader)
    assert "Avant-propos de la tête de réseau." in full  # the foreword frozen on the edition
    assert "Introduction du guide." in full


@pytest.mark.django_db
def test_pdf_is_tagged_in_french_with_its_title(edition):
    reader = read(render_edition_pdf(edition))

    root = reader.trailer["/Root"]
    assert root["/Lang"] == "fr"
    assert root["/MarkInfo"]["/Marked"]
    assert "/StructTreeRoot" in root
    assert reader.metadata.title == f"Guide d'essaimage · {edition.name}"
    assert reader.metadata.author == "A.CO.R et Ansa"


@pytest.mark.django_db
def test_edition_name_cannot_break_out_of_the_stylesheet(guide, sheets):
    GuideEntryFactory(approved=True, sheets=[sheets[0]])
    edition = published_edition()
    edition.name = 'Édition "2027" </style><h1>injecté</h1>'
    html = edition_pdf_html(edition)

    assert html.count("</style>") == 1  # the name's own "</style>" is escaped everywhere
    assert "\\3c /style\\3e " in html.split("</style>", 1)[0]
    assert css_string('a"b\\c</style>') == '"a\\22 b\\5c c\\3c /style\\3e "'
    assert read(render_edition_pdf(edition)).pages[0].extract_text()


@pytest.mark.django_db
def test_building_the_pdf_costs_the_same_queries_with_ten_times_the_entries(guide, sheets):
    def queries(count: int) -> int:
        for index in range(count):
            GuideEntryFactory(approved=True, sheets=[sheets[index % 13], sheets[(index + 3) % 13]])
        edition = published_edition()
        with CaptureQueriesContext(connection) as captured:
            edition_pdf_html(edition)
        return len(captured)

    few = queries(3)
    assert queries(30) == few


@pytest.mark.django_db
def test_a_draft_edition_has_no_pdf(guide):
    with pytest.raises(ValueError):
        edition_pdf_request(GuideEditionFactory())
    assert not GuidePdf.objects.exists()


# --- Building and caching ---------------------------------------------------------------------


@pytest.mark.django_db
def test_publishing_schedules_one_build_and_the_cached_file_is_reused(
    guide, sheets, django_capture_on_commit_callbacks
):
    GuideEntryFactory(approved=True, sheets=[sheets[0]])
    with django_capture_on_commit_callbacks(execute=True):
        edition = published_edition()
    pdf = GuidePdf.objects.get(edition=edition)
    assert pdf.status == PdfStatus.READY  # built eagerly after the publication committed
    assert pdf.progress == 100
    assert pdf.file.name.startswith(f"guide/pdf/guide-essaimage-{edition.slug}")
    built_at, name = pdf.built_at, pdf.file.name

    with django_capture_on_commit_callbacks() as callbacks:
        assert edition_pdf_request(edition).pk == pdf.pk
        assert edition_pdf_request(edition, retry=True).pk == pdf.pk  # retry only after failure
    assert callbacks == []  # no second build
    assert build_guide_pdf(pdf.pk) == "already-built"
    pdf.refresh_from_db()
    assert (pdf.built_at, pdf.file.name) == (built_at, name)


@pytest.mark.django_db
def test_a_failed_build_is_marked_failed_and_built_again_on_retry(
    edition, django_capture_on_commit_callbacks
):
    pdf = GuidePdf.objects.create(edition=edition)
    chapters = edition.chapters
    edition.chapters = [{"number": 1}]  # a broken frozen chapter list makes the build fail
    edition.save()
    with pytest.raises(KeyError):
        build_guide_pdf(pdf.pk)
    pdf.refresh_from_db()
    assert pdf.status == PdfStatus.FAILED

    with django_capture_on_commit_callbacks() as callbacks:
        edition_pdf_request(edition)
    assert callbacks == []  # a failure waits for someone to ask again

    edition.chapters = chapters
    edition.save()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        edition_pdf_request(edition, retry=True)
    assert len(callbacks) == 1
    pdf.refresh_from_db()
    assert pdf.status == PdfStatus.READY


# --- The download, the waiting page and the status ---------------------------------------------


def pdf_url(guide, edition) -> str:
    return f"{guide.url}editions/{edition.slug}/pdf/"


def network_member(kind: str):
    if kind == "referent of another season":
        return SwarmedMemberFactory(referent=True).user
    return UserFactory(**{kind: True})


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["referent of another season", "expert", "ansa"])
def test_network_member_waits_for_the_build_then_downloads_the_pdf(
    client, guide, edition, kind, django_capture_on_commit_callbacks
):
    client.force_login(network_member(kind))

    with django_capture_on_commit_callbacks(execute=True):
        waiting = client.get(pdf_url(guide, edition))
    html = waiting.content.decode()
    assert waiting.status_code == 200
    assert "<progress" in html and 'role="status"' in html
    assert f'data-pdf-status-url="{pdf_url(guide, edition)}etat/"' in html
    assert "État\u00a0: en attente." in html
    assert "js/pdf-progress" in html

    response = client.get(pdf_url(guide, edition))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "private, max-age=0"
    assert response["Content-Disposition"] == (
        f'attachment; filename="guide-essaimage-{edition.slug}.pdf"'
    )
    assert b"".join(response.streaming_content).startswith(b"%PDF")

    status = client.get(f"{pdf_url(guide, edition)}etat/")
    assert status["Cache-Control"] == "no-store"
    assert status.json() == {"status": "ready", "label": "Prêt", "progress": 100}


@pytest.mark.django_db
def test_waiting_page_shows_the_progress_of_a_build_under_way(client, guide, edition):
    pdf = edition_pdf_request(edition)  # not built: the test does not run on-commit work
    GuidePdf.objects.filter(pk=pdf.pk).update(status=PdfStatus.BUILDING, progress=30)
    client.force_login(UserFactory(expert=True))

    html = client.get(pdf_url(guide, edition)).content.decode()
    status = client.get(f"{pdf_url(guide, edition)}etat/").json()

    assert '<progress id="pdf-progress-bar" max="100" value="30">30\u00a0%</progress>' in html
    assert '<label for="pdf-progress-bar">' in html
    assert "État\u00a0: en cours de fabrication." in html
    assert "Relancer" not in html
    assert status == {"status": "building", "label": "En cours de fabrication", "progress": 30}


@pytest.mark.django_db
def test_failed_build_offers_a_retry_button_that_starts_it_again(
    client, guide, edition, django_capture_on_commit_callbacks
):
    pdf = edition_pdf_request(edition)
    GuidePdf.objects.filter(pk=pdf.pk).update(status=PdfStatus.FAILED)
    client.force_login(SwarmedMemberFactory().user)

    with django_capture_on_commit_callbacks() as callbacks:
        html = client.get(pdf_url(guide, edition)).content.decode()
    assert callbacks == []
    assert 'role="alert"' in html
    assert f'<form method="post" action="{pdf_url(guide, edition)}">' in html
    assert "Relancer la fabrication" in html

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(pdf_url(guide, edition))
    assert response.status_code == 302
    assert response["Location"] == pdf_url(guide, edition)
    assert GuidePdf.objects.get(pk=pdf.pk).status == PdfStatus.READY
    download = client.get(pdf_url(guide, edition))
    assert b"".join(download.streaming_content).startswith(b"%PDF")


@pytest.mark.django_db
def test_missing_file_of_a_built_pdf_can_be_built_again(client, guide, edition):
    pdf = edition_pdf_request(edition)
    build_guide_pdf(pdf.pk)
    pdf.refresh_from_db()
    pdf.file.storage.delete(pdf.file.name)
    client.force_login(UserFactory(ansa=True))

    html = client.get(pdf_url(guide, edition)).content.decode()

    assert "Relancer la fabrication" in html
    assert GuidePdf.objects.get(pk=pdf.pk).status == PdfStatus.FAILED


@pytest.mark.django_db
def test_visitors_are_sent_to_login_and_people_outside_the_network_refused(client, guide, edition):
    for url in (pdf_url(guide, edition), f"{pdf_url(guide, edition)}etat/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/comptes/login/?next=")
    client.force_login(UserFactory(roles=[Role.STEERING]))
    assert client.get(pdf_url(guide, edition)).status_code == 403
    assert client.post(pdf_url(guide, edition)).status_code == 403
    assert client.get(f"{pdf_url(guide, edition)}etat/").status_code == 403
    assert not GuidePdf.objects.exists()


@pytest.mark.django_db
def test_draft_or_unknown_edition_is_not_found(client, guide, sheets):
    draft = GuideEditionFactory()
    client.force_login(UserFactory(ansa=True))

    assert client.get(pdf_url(guide, draft)).status_code == 404
    assert client.get(f"{pdf_url(guide, draft)}etat/").status_code == 404
    assert client.get(f"{guide.url}editions/inconnue/pdf/").status_code == 404
    assert not GuidePdf.objects.exists()


@pytest.mark.django_db
def test_status_never_starts_a_build(client, guide, edition):
    client.force_login(UserFactory(expert=True))

    assert client.get(f"{pdf_url(guide, edition)}etat/").status_code == 404
    assert not GuidePdf.objects.exists()


@pytest.mark.django_db
def test_waiting_page_and_status_cost_the_same_queries_with_ten_times_the_entries(
    client, guide, sheets
):
    client.force_login(UserFactory(expert=True))

    def queries(count: int) -> tuple[int, int]:
        for index in range(count):
            GuideEntryFactory(approved=True, sheets=[sheets[index % 13]])
        edition = published_edition()
        edition_pdf_request(edition)
        url = pdf_url(guide, edition)
        client.get(url)
        with CaptureQueriesContext(connection) as page:
            assert client.get(url).status_code == 200
        with CaptureQueriesContext(connection) as status:
            assert client.get(f"{url}etat/").status_code == 200
        return len(page), len(status)

    few = queries(2)
    assert queries(20) == few
