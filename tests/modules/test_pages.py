"""The training-action's pages: a public outline for all, the season's part for its members.

The members' part of a module (resources, intersession work, the season's sessions) carries a
word found nowhere else: wherever the public can read it, the module leaks.
"""

import datetime
from html.parser import HTMLParser

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from candidacy.models import CallPage  # noqa: F401  (page types register with Wagtail)
from cms_pages.models import HomePage
from curriculum.demo import ensure_restricted_collection, ensure_tools_collection
from modules.demo_content import RESOURCES_COLLECTION
from modules.models import Assignment, ModuleLead, ModulePage, SessionStatus, TrainingActionPage
from portal.roles import Role
from tests.cms_pages.factories import PageFactory
from tests.curriculum.factories import ActionSheetPageFactory, FrameworkPageFactory
from tests.helpers import count_queries
from tests.modules.factories import (
    SwarmedMemberFactory,
    TrainingSeasonFactory,
    TrainingSessionFactory,
)
from tests.portal.factories import UserFactory

#: Found only in the members' part of a module.
SECRET = "Tlaloc"
SUMMARY = "Aller au-devant des employeurs du territoire."
RESOURCE_BYTES = f"%PDF-1.4 trame {SECRET}".encode()

ANONYMOUS = "anonymous"
NO_ROLE = "no-role"
PUBLIC = [ANONYMOUS, NO_ROLE, Role.APPLICANT, Role.STEERING]
FULL_ACCESS = [Role.ANSA, Role.HEAD_OF_NETWORK, Role.EXPERT, Role.REFERENT, Role.PARTICIPANT]


class TrainingActionPageFactory(PageFactory):
    class Meta:
        model = TrainingActionPage

    title = "La formation-action"
    slug = "formation-action"
    intro = "Cinq mois pour apprendre la méthode en l'appliquant."


class PublishedModulePageFactory(PageFactory):
    class Meta:
        model = ModulePage

    number = 1
    title = "La prospection des entreprises"
    summary = SUMMARY
    search_description = SUMMARY
    objectives = "<ul><li>Cartographier les entreprises du bassin.</li></ul>"
    programme = "<p>Matin : mise en situation d'un premier appel.</p>"
    assignment_text = f"<p>Trente entreprises à rencontrer, méthode {SECRET}.</p>"


class MetaTags(HTMLParser):
    def __init__(self, html: str):
        super().__init__()
        self.tags: dict[str, str] = {}
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        key = attrs.get("name") or attrs.get("property")
        if tag == "meta" and key:
            self.tags[key] = attrs.get("content") or ""


def log_in(client, viewer):
    if viewer == ANONYMOUS:
        return None
    user = UserFactory(roles=[] if viewer == NO_ROLE else [viewer])
    client.force_login(user)
    return user


class TestTree(WagtailPageTestCase):
    def test_modules_live_under_the_training_action_only(self):
        self.assertAllowedParentPageTypes(ModulePage, {TrainingActionPage})
        self.assertAllowedSubpageTypes(TrainingActionPage, {ModulePage})
        self.assertAllowedSubpageTypes(ModulePage, set())
        self.assertCanNotCreateAt(HomePage, ModulePage)

    def test_the_training_action_sits_under_the_home_page(self):
        self.assertAllowedParentPageTypes(TrainingActionPage, {HomePage})
        self.assertCanNotCreateAt(Page, TrainingActionPage)


@pytest.fixture
def training(home):
    return TrainingActionPageFactory(parent=home)


@pytest.fixture
def sheets(home):
    framework = FrameworkPageFactory(parent=home)
    return [
        ActionSheetPageFactory(parent=framework, number=number, title=title, slug=slug)
        for number, title, slug in (
            (8, "La prospection et la captation des offres", "prospection"),
            (10, "Les cafés de l'emploi", "cafes"),
        )
    ]


@pytest.fixture
def resource(db):
    document = get_document_model()(
        title=f"Trame {SECRET}", collection=ensure_restricted_collection(RESOURCES_COLLECTION)
    )
    document.file.save("trame-prospection.pdf", ContentFile(RESOURCE_BYTES), save=True)
    return document


@pytest.fixture
def module(training, sheets, resource):
    return PublishedModulePageFactory(
        parent=training,
        slug="prospection",
        sheets=sheets,
        resources=[
            {
                "type": "resource",
                "value": {
                    "document": resource.pk,
                    "title": f"Tableau de suivi {SECRET}",
                    "description": "Trente entreprises, trois relances.",
                },
            }
        ],
    )


@pytest.fixture
def season(db):
    return TrainingSeasonFactory(name="Saison 2026", slug="saison-2026")


def member_of(season, *, referent=False):
    return SwarmedMemberFactory(swarmed_structure__season=season, referent=referent).user


def expert_leading(season, module=None):
    if module is None:
        module = PublishedModulePageFactory(slug="module-mene", number=5)
    expert = UserFactory(expert=True)
    ModuleLead.objects.create(season=season, module=module, expert=expert)
    return expert


def assignment_of(season, module, title: str) -> Assignment:
    return Assignment.objects.create(
        season=season,
        module=module,
        title=title,
        instructions="Listez **trente entreprises**.",
        instructions_html="<p>Listez <strong>trente entreprises</strong>.</p>",
        due_at=timezone.now() + datetime.timedelta(days=10),
    )


# The training-action's page


@pytest.mark.django_db
def test_training_action_lists_its_modules_in_order_with_their_sheets(client, module, sheets):
    later = PublishedModulePageFactory(
        parent=module.get_parent(), slug="fidelisation", number=2, title="La fidélisation"
    )
    html = client.get("/formation-action/").content.decode()
    assert html.index("La prospection des entreprises") < html.index(later.title)
    assert SUMMARY in html
    for sheet in sheets:
        assert f'href="{sheet.url}"' in html
    assert "Fiche 8 · La prospection et la captation des offres" in html
    assert SECRET not in html


@pytest.mark.django_db
def test_training_action_leaves_out_unpublished_modules(client, module):
    draft = PublishedModulePageFactory(parent=module.get_parent(), slug="brouillon", number=2)
    draft.unpublish()
    html = client.get("/formation-action/").content.decode()
    assert module.url in html
    assert "/formation-action/brouillon/" not in html


@pytest.mark.django_db
def test_season_member_finds_their_season_calendar(client, training, season):
    client.force_login(member_of(season))
    html = client.get(training.url).content.decode()
    assert "Ma saison" in html
    assert reverse("modules:season_calendar", args=[season.slug]) in html


def viewer_for(kind: str, season):
    """The viewers of the permission matrix, for the season's calendar box."""
    if kind == "ansa":
        return UserFactory(ansa=True)
    if kind == "expert leading":
        return expert_leading(season)
    if kind == "expert not leading":
        return UserFactory(expert=True)
    if kind == "referent in the season":
        return member_of(season, referent=True)
    if kind == "participant in the season":
        return member_of(season)
    if kind == "referent of another season":
        return member_of(TrainingSeasonFactory(name="Saison 2025", slug="saison-2025"))
    return None


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("kind", "sees"),
    [
        ("ansa", True),
        ("expert leading", True),
        ("expert not leading", False),
        ("referent in the season", True),
        ("participant in the season", True),
        ("referent of another season", False),
        ("anonymous", False),
    ],
)
def test_season_calendar_box_per_role(client, training, season, kind, sees):
    user = viewer_for(kind, season)
    if user is not None:
        client.force_login(user)
    html = client.get(training.url).content.decode()
    assert (reverse("modules:season_calendar", args=[season.slug]) in html) is sees


@pytest.mark.django_db
def test_training_action_queries_do_not_grow_with_modules_and_sheets(client, training, home):
    framework = FrameworkPageFactory(parent=home)
    client.force_login(member_of(TrainingSeasonFactory()))

    def add_modules(count: int, first: int) -> None:
        for number in range(first, first + count):
            sheet = ActionSheetPageFactory(parent=framework, slug=f"fiche-{number}")
            PublishedModulePageFactory(
                parent=training, slug=f"module-{number}", number=number % 5 + 1, sheets=[sheet]
            )

    add_modules(1, 0)
    few = count_queries(client, training.url)
    add_modules(4, 1)
    assert count_queries(client, training.url) == few


# A module's page


@pytest.mark.django_db
@pytest.mark.parametrize("viewer", PUBLIC, ids=str)
def test_public_reads_the_outline_never_the_members_part(client, module, resource, viewer):
    log_in(client, viewer)
    response = client.get(module.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert SUMMARY in html
    assert "Cartographier les entreprises du bassin." in html
    assert "premier appel" in html
    assert SECRET not in html
    assert resource.url not in html
    assert "réservés aux membres du programme" in html
    assert 'href="/appel-a-territoires/"' in html


@pytest.mark.django_db
def test_anonymous_visitor_is_offered_to_sign_in(client, module):
    html = client.get(module.url).content.decode()
    assert f"{reverse('account_login')}?next={module.url}" in html.replace("%2F", "/")


@pytest.mark.django_db
@pytest.mark.parametrize("viewer", FULL_ACCESS, ids=str)
def test_full_framework_readers_get_resources_and_work(client, module, resource, viewer):
    log_in(client, viewer)
    html = client.get(module.url).content.decode()
    assert f"Tableau de suivi {SECRET}" in html
    assert resource.url in html
    assert f"méthode {SECRET}" in html
    assert "réservés aux membres du programme" not in html


@pytest.mark.django_db
def test_season_member_without_group_reads_the_members_part(client, module, season):
    # Referent and participant also follow from a place in a swarmed structure.
    client.force_login(member_of(season))
    assert f"méthode {SECRET}" in client.get(module.url).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("viewer", [*PUBLIC, *FULL_ACCESS], ids=str)
def test_meta_description_is_the_public_summary(client, module, viewer):
    log_in(client, viewer)
    tags = MetaTags(client.get(module.url).content.decode()).tags
    assert tags["description"] == SUMMARY
    assert not [value for value in tags.values() if SECRET in value]


@pytest.mark.django_db
def test_search_never_finds_a_module_by_its_members_part(client, module):
    assert not Page.objects.live().search(SECRET)
    html = client.get(reverse("search"), {"q": SECRET}).content.decode()
    assert module.url not in html


# Resources


@pytest.mark.django_db
def test_resources_collection_is_restricted_like_the_tools():
    resources = ensure_restricted_collection(RESOURCES_COLLECTION)
    tools = ensure_tools_collection()
    groups = {
        collection.pk: set(
            collection.get_view_restrictions().get().groups.values_list("name", flat=True)
        )
        for collection in (resources, tools)
    }
    assert groups[resources.pk] == groups[tools.pk]
    assert Role.PARTICIPANT.value in groups[resources.pk]
    assert Role.APPLICANT.value not in groups[resources.pk]
    assert ensure_restricted_collection(RESOURCES_COLLECTION) == resources  # idempotent


@pytest.mark.django_db
@pytest.mark.parametrize("viewer", [ANONYMOUS, NO_ROLE, Role.APPLICANT], ids=str)
def test_public_never_downloads_a_resource(client, resource, viewer):
    log_in(client, viewer)
    response = client.get(resource.url)
    assert response.status_code in (302, 403, 404)
    assert SECRET.encode() not in response.content


@pytest.mark.django_db
@pytest.mark.parametrize("viewer", [Role.REFERENT, Role.PARTICIPANT, Role.EXPERT], ids=str)
def test_members_download_a_resource(client, resource, viewer):
    log_in(client, viewer)
    response = client.get(resource.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == RESOURCE_BYTES


# The season's sessions and work on a module's page


def in_days(days: float) -> datetime.datetime:
    return timezone.now() + datetime.timedelta(days=days)


@pytest.fixture
def sessions(module, season):
    """The module's sessions of the season: one to come, one held, one cancelled; and others'."""
    return {
        "next": TrainingSessionFactory(
            season=season, module=module, title="Prospection : la tournée"
        ),
        "held": TrainingSessionFactory(
            season=season, module=module, held=True, title="Prospection : le premier appel"
        ),
        "cancelled": TrainingSessionFactory(
            season=season, module=module, cancelled=True, title="Prospection : séance annulée"
        ),
        "other season": TrainingSessionFactory(
            season=TrainingSeasonFactory(name="Saison 2025", slug="saison-2025"),
            module=module,
            title="Prospection : saison passée",
        ),
        "no module": TrainingSessionFactory(season=season, title="Visite de site à Orthez"),
    }


@pytest.mark.django_db
def test_member_sees_the_modules_next_sessions_of_their_season(client, module, season, sessions):
    client.force_login(member_of(season))
    html = client.get(module.url).content.decode()
    assert "Prospection : la tournée" in html
    assert reverse("modules:session_detail", args=[sessions["next"].pk]) in html
    for other in ("held", "cancelled", "other season", "no module"):
        assert sessions[other].title not in html, other
    assert reverse("modules:season_calendar", args=[season.slug]) in html


@pytest.mark.django_db
@pytest.mark.parametrize("viewer", [*PUBLIC, Role.EXPERT, Role.REFERENT], ids=str)
def test_people_outside_the_season_see_none_of_its_sessions(client, module, sessions, viewer):
    log_in(client, viewer)
    html = client.get(module.url).content.decode()
    assert "Prospection : la tournée" not in html
    assert "/formation/saison/" not in html


@pytest.mark.django_db
def test_expert_leading_the_module_sees_its_sessions(client, module, season, sessions):
    client.force_login(expert_leading(season, module))
    assert "Prospection : la tournée" in client.get(module.url).content.decode()


@pytest.mark.django_db
def test_translated_module_shows_the_sessions_of_its_source(
    client, module, season, sessions, english
):
    home_en = module.get_parent().get_parent().copy_for_translation(english)
    home_en.save_revision().publish()
    training_en = module.get_parent().copy_for_translation(english)
    training_en.save_revision().publish()
    module_en = module.copy_for_translation(english)
    module_en.title = "Prospecting companies"
    module_en.save_revision().publish()
    client.force_login(member_of(season))
    html = client.get(module_en.url).content.decode()
    assert "Prospecting companies" in html
    assert "Prospection : la tournée" in html


@pytest.mark.django_db
def test_member_finds_the_seasons_dated_work_and_their_deliverable(client, module, season):
    assignment = assignment_of(season, module, "Trente entreprises")
    assignment_of(
        TrainingSeasonFactory(name="Saison 2025", slug="saison-2025"),
        module,
        "Travail de la saison passée",
    )
    client.force_login(member_of(season))
    html = client.get(module.url).content.decode()
    assert "Trente entreprises" in html
    assert reverse("modules:submission", args=[assignment.pk]) in html
    assert "Travail de la saison passée" not in html


@pytest.mark.django_db
def test_ansa_is_led_to_the_seasons_work_rather_than_a_deliverable(client, module, season):
    assignment_of(season, module, "Trente entreprises")
    client.force_login(UserFactory(ansa=True))
    html = client.get(module.url).content.decode()
    assert reverse("modules:assignment_list", args=[season.slug]) in html


@pytest.mark.django_db
def test_module_queries_do_not_grow_with_sessions(client, module, season):
    client.force_login(member_of(season))

    def add_sessions(count: int) -> None:
        for _ in range(count):
            TrainingSessionFactory(
                season=season,
                module=module,
                status=SessionStatus.SCHEDULED,
                experts=[UserFactory(expert=True), UserFactory(expert=True)],
            )

    add_sessions(1)
    few = count_queries(client, module.url)
    add_sessions(5)
    assert count_queries(client, module.url) == few
