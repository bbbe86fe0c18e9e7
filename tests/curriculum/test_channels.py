"""The restricted part of a sheet reaches the programme's members only, whatever the channel.

One sentence of each part of a sheet's `content` carries a word found nowhere else on the site;
each test follows one channel (page, meta tags, search, sitemap, feeds and API, documents, PDF,
admin) and checks that the public never receives that word.
"""

from html.parser import HTMLParser

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Page
from wagtail.search.models import IndexEntry

from curriculum.demo import ensure_tools_collection
from curriculum.models import ActionSheetPage, FrameworkPdf
from portal.roles import Role
from tests.curriculum.factories import (
    ActionSheetPageFactory,
    FrameworkPageFactory,
    PrincipleFactory,
)
from tests.portal.factories import UserFactory

#: Found only in the restricted content: wherever the public can read it, the framework leaks.
SECRET = "Quetzalcoatl"
SUMMARY = "Un premier contact réussi ouvre la porte à l'emploi."
DESCRIPTION = "Comment réussir le premier contact avec une personne en recherche d'emploi."
TITLE = "Le premier contact"
TOOL_BYTES = f"%PDF-1.4 grille {SECRET}".encode()

ANONYMOUS = "anonymous"
NO_ROLE = "no-role"
#: People who read the summaries only: nobody logged in, someone with no role, a candidate.
PUBLIC = [ANONYMOUS, NO_ROLE, Role.APPLICANT]
MEMBERS = [Role.REFERENT, Role.PARTICIPANT]
LOGIN_URL = "/comptes/login/?next="


def log_in(client, viewer) -> None:
    if viewer == ANONYMOUS:
        return
    client.force_login(UserFactory(roles=[] if viewer == NO_ROLE else [viewer]))


def text_of(response) -> str:
    if response.streaming:
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode()


def tool_url(sheet) -> str:
    tool = next(block for block in sheet.content if block.block_type == "tools").value[0]
    return tool["document"].url


class MetaTags(HTMLParser):
    """The `<meta>` tags of a page, by name or property, values unescaped."""

    def __init__(self, html: str):
        super().__init__()
        self.tags: dict[str, str] = {}
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        key = attrs.get("name") or attrs.get("property")
        if tag == "meta" and key:
            self.tags[key] = attrs.get("content") or ""


@pytest.fixture
def framework(home):
    return FrameworkPageFactory(parent=home)


@pytest.fixture
def tool(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    document = get_document_model()(
        title=f"Grille {SECRET} d'entretien", collection=ensure_tools_collection()
    )
    document.file.save("grille.pdf", ContentFile(TOOL_BYTES), save=True)
    return document


@pytest.fixture
def sheet(framework, tool):
    sheet = ActionSheetPageFactory(
        parent=framework,
        title=TITLE,
        slug="premier-contact",
        summary=SUMMARY,
        search_description=DESCRIPTION,
        content=[
            {"type": "objectives", "value": [f"Objectif {SECRET} de la fiche"]},
            {"type": "steps", "value": [{"title": "Appeler", "text": f"Étape {SECRET}."}]},
            {"type": "posture", "value": f"<p>Posture {SECRET}.</p>"},
            {
                "type": "tools",
                "value": [
                    {"document": tool.pk, "title": "Grille", "description": f"Outil {SECRET}."}
                ],
            },
            {"type": "situations", "value": [{"title": "Au guichet", "text": f"Récit {SECRET}."}]},
            {"type": "indicators", "value": [f"Indicateur {SECRET}"]},
        ],
    )
    sheet.principles.set([PrincipleFactory(letter="A")])
    sheet.save_revision().publish()
    return sheet


# The sheet page and its meta tags


@pytest.mark.django_db
@pytest.mark.parametrize("viewer", PUBLIC, ids=str)
def test_public_reads_the_sheet_summary_never_its_content(client, sheet, viewer):
    log_in(client, viewer)
    response = client.get(sheet.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert SUMMARY.replace("'", "&#x27;") in html
    assert SECRET not in html
    assert tool_url(sheet) not in html


@pytest.mark.django_db
@pytest.mark.parametrize("viewer", [*PUBLIC, *MEMBERS], ids=str)
def test_meta_description_is_the_public_description(client, sheet, viewer):
    log_in(client, viewer)
    tags = MetaTags(client.get(sheet.url).content.decode()).tags
    assert tags["description"] == DESCRIPTION
    assert not [value for value in tags.values() if SECRET in value]  # og:, twitter: included


@pytest.mark.django_db
def test_meta_description_without_a_search_description_is_at_most_the_summary(client, sheet):
    sheet.search_description = ""
    sheet.save_revision().publish()
    tags = MetaTags(client.get(sheet.url).content.decode()).tags
    assert tags.get("description", SUMMARY) == SUMMARY
    assert not [value for value in tags.values() if SECRET in value]


@pytest.mark.django_db
@pytest.mark.parametrize("viewer", MEMBERS, ids=str)
def test_members_read_the_whole_sheet_and_its_tools(client, sheet, viewer):
    log_in(client, viewer)
    html = client.get(sheet.url).content.decode()
    for part in ("Objectif", "Étape", "Posture", "Outil", "Récit", "Indicateur"):
        assert f"{part} {SECRET}" in html
    assert tool_url(sheet) in html


@pytest.mark.django_db
@pytest.mark.parametrize("viewer", PUBLIC, ids=str)
def test_english_address_of_the_sheet_does_not_leak(client, sheet, english, viewer):
    log_in(client, viewer)
    response = client.get(f"/en{sheet.url}")
    assert response.status_code in (200, 404)
    assert SECRET not in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("viewer", [*PUBLIC, *MEMBERS], ids=str)
def test_sheet_responses_vary_on_the_session_cookie(client, sheet, viewer):
    """A shared cache must never hand a member's version of the page to the public."""
    log_in(client, viewer)
    response = client.get(sheet.url)
    assert "Cookie" in response.get("Vary", "") or "private" in response.get("Cache-Control", "")


# The framework's own pages


@pytest.mark.django_db
@pytest.mark.parametrize("viewer", [*PUBLIC, *MEMBERS], ids=str)
@pytest.mark.parametrize("query", ["", "?axe=job_seeker", "?principe=A"])
def test_framework_page_lists_summaries_only(client, sheet, framework, viewer, query):
    log_in(client, viewer)
    response = client.get(f"{framework.url}{query}")
    html = response.content.decode()
    assert response.status_code == 200
    assert TITLE in html
    assert SECRET not in html


@pytest.mark.django_db
@pytest.mark.parametrize("viewer", [*PUBLIC, *MEMBERS], ids=str)
def test_principle_page_lists_sheets_without_their_content(client, sheet, framework, viewer):
    log_in(client, viewer)
    response = client.get(f"{framework.url}principes/A/")
    html = response.content.decode()
    assert response.status_code == 200
    assert TITLE in html
    assert SECRET not in html


@pytest.mark.django_db
@pytest.mark.parametrize("viewer", [*PUBLIC, *MEMBERS], ids=str)
def test_other_pages_of_the_site_never_quote_the_content(client, sheet, viewer):
    log_in(client, viewer)
    urls = ["/", "/robots.txt"] + ([] if viewer == ANONYMOUS else [reverse("portal:dashboard")])
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert SECRET not in response.content.decode(), url


# Search


@pytest.mark.django_db
@pytest.mark.parametrize("viewer", [*PUBLIC, *MEMBERS], ids=str)
def test_site_search_finds_nothing_by_restricted_words(client, sheet, viewer):
    log_in(client, viewer)
    for query in (SECRET, f"Objectif {SECRET}", "Posture"):
        html = client.get(reverse("search"), {"q": query}).content.decode()
        assert "0 résultat" in html, query
        assert sheet.url not in html, query


@pytest.mark.django_db
@pytest.mark.parametrize("viewer", PUBLIC, ids=str)
def test_site_search_shows_the_sheet_without_restricted_snippet(client, sheet, viewer):
    log_in(client, viewer)
    for query in ("premier contact", "porte emploi"):  # its title, then its summary
        html = client.get(reverse("search"), {"q": query}).content.decode()
        assert sheet.url in html, query
        assert SECRET not in html, query


@pytest.mark.django_db
def test_search_index_holds_no_restricted_words(sheet):
    assert not ActionSheetPage.objects.live().search(SECRET)
    assert not Page.objects.live().search(SECRET)
    assert not ActionSheetPage.objects.live().autocomplete(SECRET[:5])
    assert list(ActionSheetPage.objects.live().search("premier contact")) == [sheet]
    # Tool titles are indexed too, for the admin's document chooser; the site searches pages only.
    entries = IndexEntry.objects.exclude(
        content_type=ContentType.objects.get_for_model(get_document_model())
    )
    assert entries.filter(object_id=str(sheet.pk)).exists()
    for entry in entries:
        assert SECRET not in f"{entry.title} {entry.body} {entry.autocomplete}"


# Sitemap, robots, feeds and API


@pytest.mark.django_db
def test_sitemap_lists_the_sheet_but_nothing_of_its_content(client, sheet):
    response = client.get("/sitemap.xml")
    xml = response.content.decode()
    assert response.status_code == 200
    assert f"<loc>{sheet.full_url}</loc>" in xml
    assert SECRET not in xml
    assert "/documents/" not in xml
    assert "/pdf/" not in xml
    assert "<lastmod>" in xml  # a publication date, nothing else from the page


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url", ["/api/v2/pages/", "/api/v2/documents/", "/feed/", "/referentiel/feed/"]
)
def test_no_feed_nor_public_api_is_mounted(client, sheet, url):
    response = client.get(url)
    assert response.status_code == 404
    assert SECRET not in response.content.decode()


@pytest.mark.django_db
def test_public_api_is_not_mounted_for_the_sheet(client, sheet):
    assert client.get(f"/api/v2/pages/{sheet.pk}/").status_code == 404


# Documents


@pytest.mark.django_db
def test_documents_are_served_through_the_checked_view(settings, tool):
    assert settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"
    assert tool.url.startswith(f"/documents/{tool.pk}/grille")
    assert tool.url.endswith(".pdf")


@pytest.mark.django_db
def test_anonymous_visitor_is_sent_to_login_for_a_tool(client, tool):
    response = client.get(tool.url)
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN_URL)
    assert SECRET not in text_of(response)


@pytest.mark.django_db
@pytest.mark.parametrize("viewer", [NO_ROLE, Role.APPLICANT], ids=str)
def test_non_members_never_receive_a_tool(client, tool, viewer):
    log_in(client, viewer)
    response = client.get(tool.url)
    assert response.status_code in (302, 403, 404)
    assert SECRET not in text_of(response)


@pytest.mark.django_db
@pytest.mark.parametrize("viewer", MEMBERS, ids=str)
def test_members_download_a_tool(client, tool, viewer):
    log_in(client, viewer)
    response = client.get(tool.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == TOOL_BYTES
    assert "Cookie" in response.get("Vary", "") or "private" in response.get("Cache-Control", "")


@pytest.mark.django_db
@pytest.mark.parametrize("viewer", [ANONYMOUS, *MEMBERS], ids=str)
def test_the_app_never_serves_a_tool_from_its_media_url(client, tool, viewer):
    log_in(client, viewer)
    response = client.get(tool.file.url)
    assert response.status_code == 404
    assert SECRET not in text_of(response)


@pytest.mark.django_db
def test_tools_are_stored_outside_the_public_media_root(settings, tool):
    assert tool.file.path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
    assert not tool.file.path.startswith(str(settings.MEDIA_ROOT))
    assert tool.url.startswith("/documents/")  # Wagtail's checked view, never /media/


# The PDF


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["get", "post", "head"])
def test_anonymous_visitor_is_sent_to_login_for_the_pdf(client, sheet, framework, method):
    response = getattr(client, method)(f"{framework.url}pdf/")
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN_URL)
    assert not FrameworkPdf.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("viewer", [NO_ROLE, Role.APPLICANT], ids=str)
@pytest.mark.parametrize("method", ["get", "post"])
def test_non_members_are_refused_the_pdf(client, sheet, framework, viewer, method):
    log_in(client, viewer)
    response = getattr(client, method)(f"{framework.url}pdf/")
    assert response.status_code == 403
    assert SECRET not in response.content.decode()
    assert not FrameworkPdf.objects.exists()


@pytest.mark.django_db
def test_members_receive_the_pdf_with_the_content(
    client, sheet, framework, django_capture_on_commit_callbacks
):
    log_in(client, Role.REFERENT)
    with django_capture_on_commit_callbacks(execute=True):
        building = client.get(f"{framework.url}pdf/")
    assert building.status_code == 200
    assert SECRET not in building.content.decode()  # the status page, not the content

    response = client.get(f"{framework.url}pdf/")
    assert response["Content-Type"] == "application/pdf"
    assert "private" in response["Cache-Control"]
    assert b"".join(response.streaming_content).startswith(b"%PDF")


# The admin: previews and revisions


def admin_urls(sheet) -> list[str]:
    revision = sheet.latest_revision
    return [
        reverse("wagtailadmin_pages:edit", args=(sheet.pk,)),
        reverse("wagtailadmin_pages:preview_on_edit", args=(sheet.pk,)),
        reverse("wagtailadmin_pages:revisions_index", args=(sheet.pk,)),
        reverse("wagtailadmin_pages:revisions_view", args=(sheet.pk, revision.pk)),
        reverse("wagtailadmin_pages:revisions_compare", args=(sheet.pk, "earliest", revision.pk)),
        f"/admin/api/main/pages/{sheet.pk}/",
    ]


@pytest.mark.django_db
def test_anonymous_visitor_is_sent_to_login_from_previews_and_revisions(client, sheet):
    for url in admin_urls(sheet):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(LOGIN_URL), url


@pytest.mark.django_db
@pytest.mark.parametrize("viewer", [NO_ROLE, Role.APPLICANT, *MEMBERS], ids=str)
def test_people_without_admin_access_never_see_previews_or_revisions(client, sheet, viewer):
    log_in(client, viewer)
    for url in admin_urls(sheet):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert SECRET not in response.content.decode(), url
