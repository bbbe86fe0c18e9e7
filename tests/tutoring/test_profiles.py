"""Tutoring profiles: an expert says what they master, how many referents they can follow and
when; a swarmed structure says what it needs, starting from its candidacy. Each profile is edited
by its owner and Ansa only, read by those the tutoring concerns, and hidden (404) from others."""

import datetime
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from curriculum.enums import Axis
from portal.models import AuditLogEntry
from tests.curriculum.factories import ActionSheetPageFactory
from tests.helpers import count_queries
from tests.modules.factories import (
    SwarmedMemberFactory,
    SwarmedStructureFactory,
    TrainingSeasonFactory,
)
from tests.portal.factories import UserFactory
from tests.tutoring.factories import ExpertProfileFactory, PairingFactory
from tutoring.enums import ExpertiseLevel, NeedPriority
from tutoring.models import (
    ExpertAvailability,
    ExpertProfile,
    ExpertSheetLevel,
    NeedSheetPriority,
    NeedsProfile,
    PairingConflict,
)
from tutoring.pairing import services as pairing_services
from tutoring.profiles import services
from tutoring.profiles.selectors import is_available
from tutoring.profiles.services import ConcurrentEdit

pytestmark = pytest.mark.django_db

NBSP = "\u00a0"


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def sheets():
    return SimpleNamespace(
        welcome=ActionSheetPageFactory(number=1, title="L'accueil", axis=Axis.JOB_SEEKER),
        prospecting=ActionSheetPageFactory(
            number=8, title="La prospection et la captation des offres", axis=Axis.COMPANIES
        ),
        team=ActionSheetPageFactory(
            number=13, title="L'organisation de l'équipe", axis=Axis.CROSS_CUTTING
        ),
    )


@pytest.fixture
def world(sheets):
    season = TrainingSeasonFactory(slug="saison-profils")
    ours = SwarmedStructureFactory(
        season=season,
        structure__name="Tremplin Béarn",
        candidacy__needs="Nos CRE peinent à relancer les employeurs après un premier contact.",
    )
    theirs = SwarmedStructureFactory(season=season, structure__name="Val de Loire Emploi")
    expert = ExpertProfileFactory(
        capacity=3, levels={sheets.prospecting: ExpertiseLevel.REFERENCE}
    ).user
    referent = SwarmedMemberFactory(swarmed_structure=ours, referent=True).user
    pairing = PairingFactory(swarmed_structure=ours, expert=expert)
    return SimpleNamespace(
        season=season,
        ours=ours,
        theirs=theirs,
        expert=expert,
        pairing=pairing,
        other_expert=ExpertProfileFactory().user,
        ansa=UserFactory(ansa=True),
        head=UserFactory(head_of_network=True),
        referent=referent,
        participant=SwarmedMemberFactory(swarmed_structure=ours).user,
        stranger=SwarmedMemberFactory(swarmed_structure=theirs, referent=True).user,
        nobody=UserFactory(),
        sheets=sheets,
    )


def expert_url(expert, edit=False) -> str:
    name = "tutoring:expert_profile_edit" if edit else "tutoring:expert_profile"
    return reverse(name, kwargs={"user_id": expert.pk})


def needs_url(swarmed, edit=False) -> str:
    name = "tutoring:needs_profile_edit" if edit else "tutoring:needs_profile"
    return reverse(name, kwargs={"swarmed_id": swarmed.pk})


def field(sheet) -> str:
    return services.sheet_field(sheet.pk)


def expert_post(world, **overrides) -> dict:
    data = {
        "action": "profile",
        "version": 1,
        "bio": "Dix ans de prospection à Pau.",
        "capacity": 4,
        field(world.sheets.welcome): 1,
        field(world.sheets.prospecting): 3,
        field(world.sheets.team): 0,
    }
    data.update(overrides)
    return data


def needs_post(world, **overrides) -> dict:
    data = {
        "version": 1,
        "problems": "Relancer les employeurs silencieux.",
        field(world.sheets.welcome): 0,
        field(world.sheets.prospecting): 3,
        field(world.sheets.team): 2,
    }
    data.update(overrides)
    return data


# --- Who may open what -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("ansa", 200),
        ("head", 200),
        ("other_expert", 200),
        ("expert", 200),
        ("referent", 200),  # tutored by this expert
        ("participant", 200),
        ("stranger", 404),  # another structure, not tutored by this expert
        ("nobody", 404),
    ],
)
def test_expert_profile_is_read_by_the_programme_and_the_structures_it_tutors(
    client, world, who, status
):
    client.force_login(getattr(world, who))
    assert client.get(expert_url(world.expert)).status_code == status


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("expert", 200),
        ("ansa", 200),
        ("other_expert", 403),
        ("head", 403),
        ("referent", 403),
        ("stranger", 404),
    ],
)
def test_expert_profile_is_edited_by_the_expert_and_ansa_only(client, world, who, status):
    client.force_login(getattr(world, who))
    assert client.get(expert_url(world.expert, edit=True)).status_code == status


def test_a_person_who_is_not_an_expert_has_no_expert_profile(client, world):
    client.force_login(world.ansa)
    assert client.get(expert_url(world.referent)).status_code == 404


def test_anonymous_visitors_are_sent_to_log_in(client, world):
    response = client.get(expert_url(world.expert))
    assert response.status_code == 302
    assert "/login/" in response["Location"] or "connexion" in response["Location"]


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("ansa", 200),
        ("head", 200),
        ("referent", 200),
        ("participant", 200),
        ("expert", 200),  # tutors this structure
        ("other_expert", 404),
        ("stranger", 404),  # referent of another structure
        ("nobody", 404),
    ],
)
def test_needs_profile_is_read_by_the_structure_its_expert_and_the_programme(
    client, world, who, status
):
    client.force_login(getattr(world, who))
    assert client.get(needs_url(world.ours)).status_code == status


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("referent", 200),
        ("ansa", 200),
        ("participant", 403),
        ("expert", 403),
        ("head", 403),
        ("stranger", 404),
    ],
)
def test_needs_profile_is_edited_by_the_referent_and_ansa_only(client, world, who, status):
    client.force_login(getattr(world, who))
    assert client.get(needs_url(world.ours, edit=True)).status_code == status


def test_an_ended_pairing_no_longer_opens_the_needs_profile_to_its_expert(client, world):
    from tutoring.pairing.lifecycle import pairing_end

    pairing_end(actor=world.ansa, pairing=world.pairing, reason="Départ de l'experte.")
    client.force_login(world.expert)
    assert client.get(needs_url(world.ours)).status_code == 404


# --- Needs profile -----------------------------------------------------------------------------


def test_needs_profile_is_prefilled_from_the_candidacy(world):
    profile = services.needs_profile_for(world.ours)
    assert profile.problems == (
        "Nos CRE peinent à relancer les employeurs après un premier contact."
    )
    # Created once: editing the candidacy later does not overwrite what the referent wrote.
    world.ours.candidacy.needs = "Autre chose"
    world.ours.candidacy.save()
    assert services.needs_profile_for(world.ours).pk == profile.pk
    assert services.needs_profile_for(world.ours).problems.startswith("Nos CRE")


def test_needs_page_shows_the_candidacy_text_and_the_tutor(client, world):
    client.force_login(world.referent)
    html = client.get(needs_url(world.ours)).content.decode()
    assert "Nos CRE peinent à relancer les employeurs" in html
    assert str(world.expert) in html
    assert NeedsProfile.objects.filter(swarmed_structure=world.ours).count() == 1


def test_referent_saves_priorities_grouped_by_axis(client, world):
    client.force_login(world.referent)
    page = soup(client.get(needs_url(world.ours, edit=True)))
    legends = [legend.get_text(strip=True) for legend in page.select("fieldset legend")]
    assert legends == [
        "Avec le chercheur d'emploi",
        "Avec les entreprises",
        "Transversal",
    ]
    select = page.find("select", attrs={"name": field(world.sheets.prospecting)})
    assert (
        page.find("label", attrs={"for": select["id"]})
        .get_text(strip=True)
        .startswith("Fiche 8 — La prospection")
    )
    response = client.post(needs_url(world.ours, edit=True), needs_post(world))
    assert response.status_code == 302
    profile = NeedsProfile.objects.get(swarmed_structure=world.ours)
    assert profile.problems == "Relancer les employeurs silencieux."
    assert profile.version == 2
    assert profile.updated_by == world.referent
    assert dict(profile.priorities.values_list("sheet_id", "priority")) == {
        world.sheets.prospecting.pk: NeedPriority.HIGH,
        world.sheets.team.pk: NeedPriority.MEDIUM,
    }
    assert AuditLogEntry.objects.filter(action="needs_profile.save").count() == 1


def test_needs_profile_saved_meanwhile_keeps_typed_text_and_saves_nothing(client, world):
    services.needs_profile_save(
        actor=world.ansa,
        swarmed=world.ours,
        problems="Version d'Ansa",
        priorities={world.sheets.welcome.pk: 1},
        version=1,
    )
    client.force_login(world.referent)
    response = client.post(
        needs_url(world.ours, edit=True),
        needs_post(world, problems="Ma version tapée pendant ce temps", version=1),
    )
    assert response.status_code == 200
    page = soup(response)
    assert page.find(id="conflict") is not None
    typed = page.find("textarea", attrs={"name": "problems"}).get_text()
    assert "Ma version tapée pendant ce temps" in typed
    # The form now carries the current version, so saving again goes through.
    assert page.find("input", attrs={"name": "version"})["value"] == "2"
    profile = NeedsProfile.objects.get(swarmed_structure=world.ours)
    assert profile.problems == "Version d'Ansa"
    assert not NeedSheetPriority.objects.filter(sheet=world.sheets.prospecting).exists()


def test_needs_priority_off_the_scale_is_refused_beside_its_field(client, world):
    client.force_login(world.referent)
    response = client.post(
        needs_url(world.ours, edit=True), needs_post(world, **{field(world.sheets.team): 7})
    )
    assert response.status_code == 200
    page = soup(response)
    select = page.find("select", attrs={"name": field(world.sheets.team)})
    assert select["aria-invalid"] == "true"
    assert f"{select['id']}_error" in select["aria-describedby"]
    assert page.find(id="error-summary") is not None
    # What was typed elsewhere stays.
    assert "Relancer les employeurs silencieux." in page.find("textarea").get_text()
    assert services.needs_profile_for(world.ours).version == 1


def test_participant_cannot_save_needs(world):
    with pytest.raises(PermissionDenied):
        services.needs_profile_save(
            actor=world.participant, swarmed=world.ours, problems="", priorities={}, version=1
        )


# --- Expert profile ----------------------------------------------------------------------------


def test_expert_saves_bio_capacity_and_a_level_per_sheet(client, world):
    client.force_login(world.expert)
    page = soup(client.get(expert_url(world.expert, edit=True)))
    assert len(page.select("fieldset select")) == 3
    assert [legend.get_text(strip=True) for legend in page.select("fieldset legend")] == [
        "Avec le chercheur d'emploi",
        "Avec les entreprises",
        "Transversal",
    ]
    response = client.post(expert_url(world.expert, edit=True), expert_post(world))
    assert response.status_code == 302
    profile = ExpertProfile.objects.get(user=world.expert)
    assert (profile.bio, profile.capacity, profile.version) == (
        "Dix ans de prospection à Pau.",
        4,
        2,
    )
    assert dict(profile.levels.values_list("sheet_id", "level")) == {
        world.sheets.welcome.pk: 1,
        world.sheets.prospecting.pk: 3,
    }
    html = client.get(expert_url(world.expert)).content.decode()
    assert "Référence sur la fiche" in html
    assert "Connaît la fiche" in html


def test_expert_without_a_profile_gets_one_on_first_save(world):
    newcomer = UserFactory(expert=True)
    services.expert_profile_save(
        actor=newcomer, user=newcomer, bio="", capacity=2, levels={}, version=1
    )
    assert ExpertProfile.objects.get(user=newcomer).capacity == 2


def test_expert_profile_saved_meanwhile_raises_and_keeps_the_other_version(world):
    services.expert_profile_save(
        actor=world.ansa, user=world.expert, bio="Par Ansa", capacity=2, levels={}, version=1
    )
    with pytest.raises(ConcurrentEdit):
        services.expert_profile_save(
            actor=world.expert,
            user=world.expert,
            bio="Par l'experte",
            capacity=5,
            levels={world.sheets.team.pk: 3},
            version=1,
        )
    profile = ExpertProfile.objects.get(user=world.expert)
    assert (profile.bio, profile.capacity) == ("Par Ansa", 2)
    assert not ExpertSheetLevel.objects.filter(sheet=world.sheets.team).exists()


def test_expert_profile_conflict_page_keeps_what_was_typed(client, world):
    services.expert_profile_save(
        actor=world.ansa, user=world.expert, bio="Par Ansa", capacity=2, levels={}, version=1
    )
    client.force_login(world.expert)
    response = client.post(
        expert_url(world.expert, edit=True), expert_post(world, bio="Tapé par l'experte")
    )
    assert response.status_code == 200
    page = soup(response)
    assert page.find(id="conflict") is not None
    assert "Tapé par l'experte" in page.find("textarea", attrs={"name": "bio"}).get_text()
    assert page.find("input", attrs={"name": "capacity"})["value"] == "4"


def test_capacity_beyond_twenty_is_refused_in_french_beside_the_field(client, world):
    client.force_login(world.expert)
    response = client.post(expert_url(world.expert, edit=True), expert_post(world, capacity=25))
    assert response.status_code == 200
    page = soup(response)
    error = page.find(id="id_capacity_error")
    assert "Indiquez un nombre entre 0 et 20." in error.get_text()
    assert "id_capacity_error" in page.find(id="id_capacity")["aria-describedby"]
    assert page.find(id="error-summary").find("a", href="#id_capacity") is not None
    assert "Dix ans de prospection à Pau." in page.find("textarea", attrs={"name": "bio"}).text
    assert ExpertProfile.objects.get(user=world.expert).version == 1


def test_another_expert_cannot_edit_a_profile(world):
    with pytest.raises(PermissionDenied):
        services.expert_profile_save(
            actor=world.other_expert, user=world.expert, bio="", capacity=1, levels={}, version=1
        )


# --- Availability ------------------------------------------------------------------------------


def period(profile, start_offset: int, end_offset: int) -> ExpertAvailability:
    today = timezone.localdate()
    return ExpertAvailability.objects.create(
        profile=profile,
        starts_on=today + datetime.timedelta(days=start_offset),
        ends_on=today + datetime.timedelta(days=end_offset),
    )


def test_an_expert_with_no_period_is_available(world):
    assert is_available(world.expert.expert_profile, world.season)


def test_a_period_overlapping_the_training_makes_the_expert_available(world):
    profile = world.expert.expert_profile
    # The season's training runs from 95 days ago to 60 days ahead.
    period(profile, 50, 120)
    assert is_available(profile, world.season)


def test_periods_outside_the_training_make_the_expert_unavailable(world):
    profile = world.expert.expert_profile
    period(profile, 70, 120)
    period(profile, -400, -100)
    assert not is_available(profile, world.season)


def test_a_season_without_training_dates_is_judged_on_today(world):
    season = TrainingSeasonFactory(training_start=None, training_end=None)
    profile = world.expert.expert_profile
    tomorrow = period(profile, 1, 30)
    assert not is_available(profile, season)
    tomorrow.starts_on = timezone.localdate()
    tomorrow.save()
    assert is_available(profile, season)


def test_a_period_must_end_on_or_after_its_start(client, world):
    with pytest.raises(ValidationError) as error:
        services.availability_add(
            actor=world.expert,
            user=world.expert,
            starts_on=datetime.date(2027, 3, 12),
            ends_on=datetime.date(2027, 3, 1),
        )
    assert "ends_on" in error.value.error_dict
    client.force_login(world.expert)
    response = client.post(
        expert_url(world.expert, edit=True),
        {
            "action": "availability",
            "period-starts_on": "2027-03-12",
            "period-ends_on": "2027-03-01",
        },
    )
    page = soup(response)
    assert (
        "La période doit se terminer le jour où elle commence ou après."
        in page.find(id="id_period-ends_on_error").get_text()
    )
    assert page.find(id="id_period-starts_on")["value"] == "2027-03-12"
    assert not ExpertAvailability.objects.exists()


def test_expert_adds_and_removes_a_period(client, world):
    client.force_login(world.expert)
    response = client.post(
        expert_url(world.expert, edit=True),
        {
            "action": "availability",
            "period-starts_on": "2027-03-01",
            "period-ends_on": "2027-06-30",
            "period-note": "le mardi",
        },
    )
    assert response.status_code == 302
    added = ExpertAvailability.objects.get()
    assert (added.starts_on, added.ends_on, added.note) == (
        datetime.date(2027, 3, 1),
        datetime.date(2027, 6, 30),
        "le mardi",
    )
    assert (
        "du 1er mars 2027 au 30 juin 2027" in client.get(expert_url(world.expert)).content.decode()
    )
    response = client.post(
        reverse(
            "tutoring:expert_availability_remove",
            kwargs={"user_id": world.expert.pk, "pk": added.pk},
        )
    )
    assert response.status_code == 302
    assert not ExpertAvailability.objects.exists()


def test_another_expert_cannot_remove_a_period(client, world):
    added = period(world.expert.expert_profile, 0, 10)
    client.force_login(world.other_expert)
    response = client.post(
        reverse(
            "tutoring:expert_availability_remove",
            kwargs={"user_id": world.expert.pk, "pk": added.pk},
        )
    )
    assert response.status_code == 403
    assert ExpertAvailability.objects.filter(pk=added.pk).exists()


# --- Conflicts of interest on the expert's page ------------------------------------------------


def conflict_url(expert) -> str:
    return reverse("tutoring:expert_conflict_declare", kwargs={"user_id": expert.pk})


def test_expert_declares_a_conflict_on_their_own_profile(client, world):
    client.force_login(world.other_expert)
    response = client.post(
        conflict_url(world.other_expert),
        {"structure": world.theirs.structure.pk, "reason": "Ancien employeur"},
    )
    assert response.status_code == 302
    conflict = PairingConflict.objects.get()
    assert (conflict.expert, conflict.structure, conflict.declared_by) == (
        world.other_expert,
        world.theirs.structure,
        world.other_expert,
    )


def test_a_conflict_needs_a_reason(client, world):
    client.force_login(world.other_expert)
    response = client.post(
        conflict_url(world.other_expert), {"structure": world.theirs.structure.pk, "reason": ""}
    )
    assert response.status_code == 200
    assert (
        "Indiquez le motif du conflit d'intérêts"
        in soup(response).find(id="id_reason_error").get_text()
    )
    assert not PairingConflict.objects.exists()


def test_an_expert_cannot_declare_a_conflict_for_someone_else(client, world):
    client.force_login(world.other_expert)
    response = client.post(
        conflict_url(world.expert), {"structure": world.theirs.structure.pk, "reason": "Motif"}
    )
    assert response.status_code == 403
    assert not PairingConflict.objects.exists()


def test_only_ansa_lifts_a_conflict(client, world):
    conflict = pairing_services.conflict_declare(
        actor=world.other_expert,
        expert=world.other_expert,
        structure=world.theirs.structure,
        reason="Ancien employeur",
    )
    url = reverse("tutoring:conflict_remove", kwargs={"pk": conflict.pk})
    client.force_login(world.other_expert)
    assert client.post(url).status_code == 403
    client.force_login(world.ansa)
    assert client.post(url).status_code == 302
    assert not PairingConflict.objects.exists()
    assert AuditLogEntry.objects.filter(action="pairing_conflict.remove").count() == 1


def test_the_same_conflict_is_declared_once(world):
    pairing_services.conflict_declare(
        actor=world.ansa, expert=world.expert, structure=world.theirs.structure, reason="Lien"
    )
    with pytest.raises(ValidationError) as error:
        pairing_services.conflict_declare(
            actor=world.ansa, expert=world.expert, structure=world.theirs.structure, reason="Lien"
        )
    assert "structure" in error.value.error_dict


def test_conflicts_are_shown_to_the_expert_and_ansa_not_to_others(client, world):
    pairing_services.conflict_declare(
        actor=world.ansa, expert=world.expert, structure=world.theirs.structure, reason="Lien"
    )
    client.force_login(world.expert)
    assert "Val de Loire Emploi" in client.get(expert_url(world.expert)).content.decode()
    client.force_login(world.referent)
    assert "Val de Loire Emploi" not in client.get(expert_url(world.expert)).content.decode()


def test_french_typography_on_the_profile_page(client, world):
    client.force_login(world.expert)
    html = client.get(expert_url(world.expert, edit=True)).content.decode()
    assert "Fiche 8 — La prospection et la captation des offres" in html
    assert " :" not in BeautifulSoup(html, "html.parser").find("main").get_text().replace(
        NBSP + ":", ""
    )


# --- Query counts ------------------------------------------------------------------------------


def grow_profiles(world, times: int) -> None:
    """More sheets rated, periods, conflicts and pairings of the expert; more needs."""
    profile = world.expert.expert_profile
    needs = services.needs_profile_for(world.ours)
    for _ in range(times):
        sheet = ActionSheetPageFactory(axis=Axis.COMPANIES)
        ExpertSheetLevel.objects.create(profile=profile, sheet=sheet, level=2)
        NeedSheetPriority.objects.create(profile=needs, sheet=sheet, priority=1)
        period(profile, 0, 10)
        swarmed = SwarmedStructureFactory(season=world.season)
        PairingConflict.objects.create(
            expert=world.expert, structure=swarmed.structure, reason="Lien", declared_by=world.ansa
        )
        PairingFactory(swarmed_structure=SwarmedStructureFactory(), expert=world.expert)


@pytest.mark.parametrize("page", ["expert", "needs"])
def test_profile_pages_take_the_same_number_of_queries_with_ten_times_the_data(client, world, page):
    url = expert_url(world.expert) if page == "expert" else needs_url(world.ours)
    client.force_login(world.ansa)
    grow_profiles(world, 1)
    small = count_queries(client, url)
    grow_profiles(world, 9)
    assert count_queries(client, url) == small
