"""The framework is public in summary and whole for the programme's members only."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.test.utils import WagtailPageTestCase

from candidacy.models import CallPage  # noqa: F401  (page types register with Wagtail)
from cms_pages.models import HomePage
from curriculum.demo import ensure_tools_collection
from curriculum.enums import Axis
from curriculum.models import ActionSheetPage, FrameworkPage
from portal.roles import Role
from tests.curriculum.factories import (
    ActionSheetPageFactory,
    FrameworkPageFactory,
    PrincipleFactory,
)
from tests.helpers import count_queries
from tests.portal.factories import UserFactory

FULL_ACCESS = [Role.ANSA, Role.HEAD_OF_NETWORK, Role.EXPERT, Role.EDITOR, Role.REFERENT]
SUMMARY_ONLY = [Role.STEERING, Role.APPLICANT, Role.COSIGNER]


class TestTree(WagtailPageTestCase):
    def test_sheets_live_under_the_framework(self):
        self.assertAllowedParentPageTypes(ActionSheetPage, {FrameworkPage})
        self.assertAllowedSubpageTypes(FrameworkPage, {ActionSheetPage})
        self.assertAllowedParentPageTypes(FrameworkPage, {HomePage})


@pytest.fixture
def framework(home):
    return FrameworkPageFactory(parent=home)


@pytest.fixture
def sheet(framework):
    sheet = ActionSheetPageFactory(parent=framework, title="L'accueil", slug="accueil")
    sheet.principles.set([PrincipleFactory(letter="C", title="Une démarche réaliste")])
    sheet.save_revision().publish()
    return sheet


@pytest.mark.django_db
def test_anonymous_visitor_reads_the_summary_not_the_content(client, sheet):
    html = client.get(sheet.url).content.decode()
    assert "Résumé public de la fiche." in html
    assert "C — Une démarche réaliste" in html
    assert "Objectif confidentiel" not in html
    assert "Étape secrète" not in html
    assert "réservée aux membres du programme" in html


@pytest.mark.django_db
@pytest.mark.parametrize("role", FULL_ACCESS, ids=str)
def test_programme_members_read_the_whole_sheet(client, sheet, role):
    client.force_login(UserFactory(roles=[role]))
    html = client.get(sheet.url).content.decode()
    assert "Objectif confidentiel" in html
    assert "Étape secrète" in html
    assert "Posture réservée aux membres." in html


@pytest.mark.django_db
@pytest.mark.parametrize("role", SUMMARY_ONLY, ids=str)
def test_other_roles_read_the_summary_only(client, sheet, role):
    client.force_login(UserFactory(roles=[role]))
    html = client.get(sheet.url).content.decode()
    assert "Résumé public de la fiche." in html
    assert "Objectif confidentiel" not in html


@pytest.mark.django_db
def test_tools_are_served_only_to_members(client, home, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    document = get_document_model()(
        title="Grille d'entretien", collection=ensure_tools_collection()
    )
    document.file.save("grille.pdf", ContentFile(b"%PDF-1.4 grille"), save=True)

    anonymous = client.get(document.url)
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith("/comptes/login/?next=")
    client.force_login(UserFactory(roles=[Role.STEERING]))
    assert client.get(document.url).status_code == 302
    client.force_login(UserFactory(roles=[Role.EXPERT]))
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 grille"


@pytest.mark.django_db
def test_framework_lists_sheets_by_axis_and_filters(client, framework):
    ActionSheetPageFactory(parent=framework, title="Prospection", axis=Axis.COMPANIES)
    accueil = ActionSheetPageFactory(parent=framework, title="Accueil", axis=Axis.JOB_SEEKER)
    accueil.principles.set([PrincipleFactory(letter="B", title="Une offre = une personne")])
    accueil.save_revision().publish()

    html = client.get(framework.url).content.decode()
    assert "Prospection" in html and "Accueil" in html

    html = client.get(framework.url, {"axe": "companies"}).content.decode()
    assert "Prospection" in html and "· Accueil" not in html

    html = client.get(framework.url, {"principe": "B"}).content.decode()
    assert "· Accueil" in html and "Prospection" not in html

    html = client.get(framework.url, {"axe": "n-importe-quoi"}).content.decode()
    assert "Prospection" in html  # an unknown filter is ignored, not an error


@pytest.mark.django_db
def test_principle_page_lists_its_sheets(client, sheet, framework):
    ActionSheetPageFactory(parent=framework, title="Sans ce principe")
    html = client.get(f"{framework.url}principes/c/").content.decode()
    assert "<h1>Une démarche réaliste</h1>" in html
    assert "L&#x27;accueil" in html
    assert "Sans ce principe" not in html
    assert client.get(f"{framework.url}principes/z/").status_code == 404


@pytest.mark.django_db
def test_search_never_reveals_restricted_content(client, sheet):
    html = client.get("/recherche/", {"q": "confidentiel"}).content.decode()
    assert "L&#x27;accueil" not in html
    html = client.get("/recherche/", {"q": "Résumé public"}).content.decode()
    assert "L&#x27;accueil" in html


@pytest.mark.django_db
def test_framework_page_query_count_is_constant(client, framework):
    principle = PrincipleFactory(letter="D", title="Une équipe de CRE")

    def add_sheets(count: int) -> None:
        for _ in range(count):
            page = ActionSheetPageFactory(parent=framework)
            page.principles.set([principle])
            page.save_revision().publish()

    add_sheets(2)
    few = count_queries(client, framework.url)
    add_sheets(11)
    assert count_queries(client, framework.url) == few


@pytest.mark.django_db
def test_sheet_changes_wait_for_the_head_of_network(framework):
    from wagtail.models import Page

    from cms_pages.demo import ensure_editor_permissions
    from curriculum.demo import ensure_head_of_network_workflow

    ensure_editor_permissions()
    sheet = ActionSheetPageFactory(parent=framework, title="Version publiée")
    ensure_head_of_network_workflow({"fr": framework, "en": framework})
    editor = UserFactory(roles=[Role.EDITOR])
    head = UserFactory(roles=[Role.HEAD_OF_NETWORK])

    sheet.title = "Version modifiée"
    revision = sheet.save_revision(user=editor)
    workflow_state = sheet.get_workflow().start(sheet, editor)

    assert Page.objects.get(pk=sheet.pk).title == "Version publiée"
    task_state = workflow_state.current_task_state
    assert task_state.task.specific.user_can_access_editor(sheet, head)
    assert not task_state.task.specific.user_can_access_editor(sheet, editor)
    task_state.task.specific.on_action(task_state, head, "approve")
    assert Page.objects.get(pk=sheet.pk).title == "Version modifiée"
    assert Page.objects.get(pk=sheet.pk).live_revision_id == revision.pk


@pytest.mark.django_db
def test_sheet_query_count_is_constant_as_its_blocks_grow(client, framework):
    Document = get_document_model()
    collection = ensure_tools_collection()
    client.force_login(UserFactory(roles=[Role.REFERENT]))

    def sheet_with(parts: int, slug: str):
        documents = []
        for index in range(parts):
            document = Document(title=f"Outil {slug} {index}", collection=collection)
            document.file.save(f"outil-{slug}-{index}.pdf", ContentFile(b"%PDF-1.4"), save=True)
            documents.append(document)
        related = list(ActionSheetPage.objects.child_of(framework))[:parts]
        sheet = ActionSheetPageFactory(
            parent=framework,
            slug=slug,
            content=[
                {"type": "objectives", "value": [f"Objectif {i}" for i in range(parts)]},
                {
                    "type": "steps",
                    "value": [{"title": f"Étape {i}", "text": "Texte."} for i in range(parts)],
                },
                {
                    "type": "tools",
                    "value": [
                        {"document": d.pk, "title": d.title, "description": ""} for d in documents
                    ],
                },
                {"type": "related", "value": [page.pk for page in related]},
            ],
        )
        sheet.principles.set([PrincipleFactory(letter=letter) for letter in "ABCD"[:parts]])
        return sheet

    for number in range(4):
        ActionSheetPageFactory(parent=framework, slug=f"voisine-{number}")
    small = sheet_with(1, "petite")
    large = sheet_with(4, "grande")
    assert count_queries(client, small.url) == count_queries(client, large.url)
