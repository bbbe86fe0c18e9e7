"""`load_demo` builds a coherent demo, can run again safely and refuses production."""

import io

import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django.db import transaction
from django.test import override_settings
from wagtail.documents import get_document_model
from wagtail.models import Page

from portal.demo import DEMO_PEOPLE
from portal.models import User
from portal.roles import Role

FRENCH_URLS = [
    "/",
    "/le-programme/",
    "/referentiel/",
    "/formation-action/",
    "/appel-a-territoires/",
    "/actualites/",
    "/evenements/",
    "/mentions-legales/",
    "/donnees-personnelles/",
    "/accessibilite/",
]


@pytest.fixture(scope="module")
def loaded_demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo loaded once for the module, rolled back when its tests are done."""
    media = tmp_path_factory.mktemp("media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media), transaction.atomic():
        call_command("load_demo", stdout=io.StringIO())
        yield media
        transaction.set_rollback(True)


@pytest.fixture
def demo(loaded_demo, db, settings):
    settings.MEDIA_ROOT = loaded_demo


def test_every_role_has_its_demo_account(demo, settings):
    expected = {
        "ansa@essaim.test": Role.ANSA,
        "tete-de-reseau@essaim.test": Role.HEAD_OF_NETWORK,
        "expert1@essaim.test": Role.EXPERT,
        "expert2@essaim.test": Role.EXPERT,
        "expert3@essaim.test": Role.EXPERT,
        "referent1@essaim.test": Role.REFERENT,
        "referent2@essaim.test": Role.REFERENT,
        "participant1@essaim.test": Role.PARTICIPANT,
        "candidat@essaim.test": Role.APPLICANT,
        "prescripteur@essaim.test": Role.COSIGNER,
        "president@essaim.test": Role.COSIGNER,
        "copil@essaim.test": Role.STEERING,
        "editeur@essaim.test": Role.EDITOR,
    }
    for email, role in expected.items():
        user = authenticate(email=email, password=settings.ESSAIM_DEMO_PASSWORD)
        assert user is not None, email
        assert list(user.groups.values_list("name", flat=True)) == [role.value]
        assert user.emailaddress_set.get().verified


def test_demo_site_answers_in_french_and_english(demo, client):
    for url in FRENCH_URLS:
        french = client.get(url)
        english = client.get(f"/en{url}")
        assert french.status_code == 200, url
        assert english.status_code == 200, url
        assert english.context["page"].locale.language_code == "en", url
        assert english.context["page"].title != french.context["page"].title or url == "/"


def test_footer_links_to_legal_pages_and_brochure(demo, client):
    html = client.get("/").content.decode()
    for url in ("/mentions-legales/", "/donnees-personnelles/", "/accessibilite/"):
        assert f'href="{url}"' in html
    brochure = get_document_model().objects.get(title__startswith="Plaquette")
    response = client.get(brochure.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_events_offer_their_calendar_file(demo, client):
    event = Page.objects.filter(depth=4, url_path__contains="/evenements/").live().first()
    response = client.get(f"{event.url}ics/")
    assert response.status_code == 200
    assert b"BEGIN:VEVENT" in response.content


def test_editor_reaches_the_wagtail_admin(demo, client):
    client.force_login(User.objects.get(email="editeur@essaim.test"))
    assert client.get("/admin/").status_code == 200
    client.force_login(User.objects.get(email="referent1@essaim.test"))
    assert client.get("/admin/").status_code == 302


def test_running_twice_changes_nothing(demo):
    counts = (Page.objects.count(), User.objects.count(), get_document_model().objects.count())
    call_command("load_demo", stdout=io.StringIO())
    assert (
        Page.objects.count(),
        User.objects.count(),
        get_document_model().objects.count(),
    ) == counts
    # One account per role; the training-action's demo adds its cohort's people (@exemple.test).
    assert User.objects.filter(email__endswith="@essaim.test").count() == len(DEMO_PEOPLE)


@pytest.mark.django_db
def test_refuses_to_run_under_production_settings(settings):
    settings.ESSAIM_ENVIRONMENT = "production"
    before = User.objects.count()  # the module's demo may be loaded already
    with pytest.raises(CommandError, match="production"):
        call_command("load_demo")
    assert User.objects.count() == before
