"""The season's pairing proposal: Ansa asks Essaim for the optimal pairing of the season's unpaired
structures with the available experts (within what is left of their capacity, never across a
declared conflict), reads why each pair is proposed, overrides any row with a reason, then
confirms — every pair starts, both parties are notified and see their private space — or
discards it. Ansa's pages only, each list staying at the same number of queries as data grows."""

import datetime
import re
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from curriculum.enums import Axis
from portal.models import AuditLogEntry, Notification
from tests.curriculum.factories import ActionSheetPageFactory
from tests.helpers import count_queries
from tests.modules.factories import (
    SwarmedMemberFactory,
    SwarmedStructureFactory,
    TrainingSeasonFactory,
)
from tests.portal.factories import UserFactory
from tests.tutoring.factories import (
    ExpertProfileFactory,
    NeedsProfileFactory,
    PairingFactory,
    referent_of,
)
from tutoring.enums import ExpertiseLevel, NeedPriority, PairingStatus, ProposalStatus
from tutoring.models import ExpertAvailability, Pairing, PairingConflict, ProposalItem
from tutoring.pairing import services
from tutoring.permissions import can_see_pair_space

pytestmark = pytest.mark.django_db

NBSP = "\u00a0"
HIGH, MEDIUM = NeedPriority.HIGH, NeedPriority.MEDIUM
REFERENCE, BASIC = ExpertiseLevel.REFERENCE, ExpertiseLevel.BASIC


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def words(element) -> str:
    """The element's text on one line, keeping its no-break spaces."""
    return re.sub(r"[ \t\r\n]+", " ", element.get_text(" ")).strip()


@pytest.fixture
def world():
    prospecting = ActionSheetPageFactory(
        number=8, title="La prospection et la captation des offres", axis=Axis.COMPANIES
    )
    welcome = ActionSheetPageFactory(number=1, title="L'accueil", axis=Axis.JOB_SEEKER)
    season = TrainingSeasonFactory(slug="saison-binomes", name="Saison 2027")
    bearn = SwarmedStructureFactory(season=season, structure__name="Tremplin Béarn")
    loire = SwarmedStructureFactory(season=season, structure__name="Val de Loire Emploi")
    for swarmed in (bearn, loire):
        referent_of(swarmed)
    NeedsProfileFactory(swarmed_structure=bearn, priorities={prospecting: HIGH})
    NeedsProfileFactory(swarmed_structure=loire, priorities={welcome: HIGH, prospecting: MEDIUM})
    prospector = ExpertProfileFactory(
        user__first_name="Inès",
        user__last_name="Laborde",
        capacity=3,
        levels={prospecting: REFERENCE},
    ).user
    welcomer = ExpertProfileFactory(
        user__first_name="Marc",
        user__last_name="Etcheverry",
        capacity=3,
        levels={welcome: REFERENCE, prospecting: BASIC},
    ).user
    return SimpleNamespace(
        season=season,
        bearn=bearn,
        loire=loire,
        prospecting=prospecting,
        welcome=welcome,
        prospector=prospector,
        welcomer=welcomer,
        ansa=UserFactory(ansa=True),
        head=UserFactory(head_of_network=True),
    )


def item_of(proposal, swarmed) -> ProposalItem:
    return proposal.items.get(swarmed_structure=swarmed)


def season_url(season) -> str:
    return reverse("tutoring:season_pairing", kwargs={"slug": season.slug})


def proposal_url(proposal) -> str:
    return reverse("tutoring:proposal_detail", kwargs={"pk": proposal.pk})


def override_url(item) -> str:
    return reverse(
        "tutoring:proposal_item_override", kwargs={"pk": item.proposal_id, "item_id": item.pk}
    )


# --- The proposal ------------------------------------------------------------------------------


def test_each_structure_gets_the_expert_whose_expertise_meets_its_needs(world):
    proposal = services.pairing_propose(actor=world.ansa, season=world.season)
    assert item_of(proposal, world.bearn).expert == world.prospector
    assert item_of(proposal, world.loire).expert == world.welcomer
    assert proposal.status == ProposalStatus.DRAFT
    # 3 × 3 for Béarn; 3 × 3 + 2 × 1 for Val de Loire.
    assert proposal.total_score == 20
    assert AuditLogEntry.objects.filter(action="pairing_proposal.create").count() == 1


def test_reasons_name_the_sheets_where_needs_meet_expertise(world):
    proposal = services.pairing_propose(actor=world.ansa, season=world.season)
    loire = item_of(proposal, world.loire)
    assert loire.score == 11
    assert loire.proposed_expert == world.welcomer
    assert loire.reasons == [
        {
            "sheet": 1,
            "sheet_id": world.welcome.pk,
            "title": "L'accueil",
            "need": 3,
            "level": 3,
            "points": 9.0,
        },
        {
            "sheet": 8,
            "sheet_id": world.prospecting.pk,
            "title": "La prospection et la captation des offres",
            "need": 2,
            "level": 1,
            "points": 2.0,
        },
    ]
    assert (loire.load, loire.capacity) == (0, 3)


def test_remaining_capacity_is_capacity_minus_running_pairings_of_every_season(world):
    other_season = TrainingSeasonFactory()
    # Two referents followed elsewhere, one ended pairing that no longer counts.
    for _ in range(2):
        PairingFactory(
            swarmed_structure=SwarmedStructureFactory(season=other_season),
            expert=world.prospector,
        )
    PairingFactory(
        swarmed_structure=SwarmedStructureFactory(season=other_season),
        expert=world.prospector,
        ended=True,
    )
    world.welcomer.expert_profile.capacity = 0
    world.welcomer.expert_profile.save()
    proposal = services.pairing_propose(actor=world.ansa, season=world.season)
    taken = [item for item in proposal.items.all() if item.expert_id]
    assert len(taken) == 1  # 3 − 2 = 1 slot left
    assert taken[0].expert == world.prospector
    assert (taken[0].load, taken[0].capacity) == (2, 3)
    assert proposal.items.filter(expert__isnull=True).count() == 1


def test_conflicts_are_never_proposed(world):
    PairingConflict.objects.create(
        expert=world.prospector, structure=world.bearn.structure, reason="Ancien employeur"
    )
    proposal = services.pairing_propose(actor=world.ansa, season=world.season)
    # Béarn fits Inès best (9 points) but goes to Marc (3 points); Marc still fits Val de Loire
    # best and has room for both.
    assert item_of(proposal, world.bearn).expert == world.welcomer
    assert item_of(proposal, world.loire).expert == world.welcomer
    assert not proposal.items.filter(expert=world.prospector).exists()


def test_an_expert_unavailable_during_the_training_is_left_out(world):
    today = timezone.localdate()
    ExpertAvailability.objects.create(
        profile=world.prospector.expert_profile,
        starts_on=today + datetime.timedelta(days=200),
        ends_on=today + datetime.timedelta(days=300),
    )
    proposal = services.pairing_propose(actor=world.ansa, season=world.season)
    assert set(proposal.items.values_list("expert_id", flat=True)) == {world.welcomer.pk}


def test_experts_without_a_profile_or_the_expert_role_are_not_proposed(world):
    UserFactory(expert=True)  # no profile
    ExpertProfileFactory(user=UserFactory(head_of_network=True), capacity=9)
    world.prospector.expert_profile.delete()
    proposal = services.pairing_propose(actor=world.ansa, season=world.season)
    assert set(proposal.items.values_list("expert_id", flat=True)) == {world.welcomer.pk}


def test_structures_already_paired_are_left_out(world):
    PairingFactory(swarmed_structure=world.bearn, expert=world.welcomer)
    proposal = services.pairing_propose(actor=world.ansa, season=world.season)
    assert list(proposal.items.values_list("swarmed_structure_id", flat=True)) == [world.loire.pk]
    # The running pairing counts in the welcomer's load.
    assert item_of(proposal, world.loire).expert == world.welcomer
    assert item_of(proposal, world.loire).load == 1


def test_nothing_to_propose_when_every_structure_is_paired(world):
    PairingFactory(swarmed_structure=world.bearn, expert=world.welcomer)
    PairingFactory(swarmed_structure=world.loire, expert=world.prospector)
    with pytest.raises(ValidationError):
        services.pairing_propose(actor=world.ansa, season=world.season)


def test_a_new_proposal_discards_the_draft_before_it(world):
    first = services.pairing_propose(actor=world.ansa, season=world.season)
    second = services.pairing_propose(actor=world.ansa, season=world.season)
    first.refresh_from_db()
    assert first.status == ProposalStatus.DISCARDED
    assert second.status == ProposalStatus.DRAFT


def test_only_ansa_proposes(world):
    with pytest.raises(PermissionDenied):
        services.pairing_propose(actor=world.head, season=world.season)


# --- Overriding a row --------------------------------------------------------------------------


@pytest.fixture
def proposal(world):
    return services.pairing_propose(actor=world.ansa, season=world.season)


def test_override_requires_a_reason(world, proposal):
    with pytest.raises(ValidationError) as error:
        services.proposal_override(
            actor=world.ansa, item=item_of(proposal, world.bearn), expert=world.welcomer, reason=" "
        )
    assert "reason" in error.value.error_dict
    assert item_of(proposal, world.bearn).expert == world.prospector


def test_override_refuses_a_declared_conflict(world, proposal):
    PairingConflict.objects.create(
        expert=world.welcomer, structure=world.bearn.structure, reason="Lien familial"
    )
    with pytest.raises(ValidationError) as error:
        services.proposal_override(
            actor=world.ansa,
            item=item_of(proposal, world.bearn),
            expert=world.welcomer,
            reason="Proximité géographique",
        )
    assert "conflit d'intérêts" in error.value.error_dict["expert"][0].message


def test_override_refuses_someone_who_is_not_an_expert(world, proposal):
    with pytest.raises(ValidationError) as error:
        services.proposal_override(
            actor=world.ansa,
            item=item_of(proposal, world.bearn),
            expert=referent_of(world.loire),
            reason="Essai",
        )
    assert "expert" in error.value.error_dict


def test_override_marks_the_row_and_explains_it_for_the_new_expert(world, proposal):
    item = services.proposal_override(
        actor=world.ansa,
        item=item_of(proposal, world.bearn),
        expert=world.welcomer,
        reason="Marc connaît déjà l'équipe.",
    )
    item.refresh_from_db()
    assert item.overridden
    assert item.override_reason == "Marc connaît déjà l'équipe."
    assert (item.expert, item.proposed_expert) == (world.welcomer, world.prospector)
    assert item.score == 3  # need 3 × basic 1 on sheet 8
    assert [reason["sheet"] for reason in item.reasons] == [8]
    proposal.refresh_from_db()
    assert proposal.total_score == 3 + 11
    assert AuditLogEntry.objects.filter(action="pairing_proposal.override").count() == 1


def test_override_beyond_capacity_is_allowed_with_a_warning(client, world, proposal):
    world.welcomer.expert_profile.capacity = 1
    world.welcomer.expert_profile.save()
    client.force_login(world.ansa)
    item = item_of(proposal, world.bearn)
    response = client.post(
        override_url(item), {"expert": world.welcomer.pk, "reason": "Choix d'Ansa"}, follow=True
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "suivrait 2 binômes pour une capacité de 1" in html
    assert "au-delà de sa capacité" in html
    assert "modifié par Ansa" in html
    assert item_of(proposal, world.bearn).expert == world.welcomer


def test_override_page_puts_the_conflict_error_beside_the_field(client, world, proposal):
    PairingConflict.objects.create(
        expert=world.welcomer, structure=world.bearn.structure, reason="Lien familial"
    )
    client.force_login(world.ansa)
    item = item_of(proposal, world.bearn)
    response = client.post(override_url(item), {"expert": world.welcomer.pk, "reason": "Essai"})
    assert response.status_code == 200
    page = soup(response)
    assert "conflit d'intérêts est déclaré" in page.find(id="id_expert_error").get_text()
    assert page.find(id="error-summary").find("a", href="#id_expert") is not None
    assert page.find("textarea", attrs={"name": "reason"}).get_text().strip() == "Essai"
    # The select says so before Ansa chooses.
    assert (
        "(conflit d'intérêts déclaré)"
        in page.find("option", attrs={"value": str(world.welcomer.pk)}).get_text()
    )


def test_override_page_requires_a_reason_in_french(client, world, proposal):
    client.force_login(world.ansa)
    response = client.post(
        override_url(item_of(proposal, world.bearn)), {"expert": world.welcomer.pk, "reason": ""}
    )
    assert (
        f"Indiquez pourquoi vous modifiez ce binôme{NBSP}: la décision sera tracée."
        in soup(response).find(id="id_reason_error").get_text()
    )


# --- Confirming ----------------------------------------------------------------------------------


def test_confirm_starts_every_pair_notifies_both_parties_and_grants_the_pair_space(world, proposal):
    result = services.proposal_confirm(actor=world.ansa, proposal=proposal)
    assert len(result.pairings) == 2 and not result.skipped
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.CONFIRMED
    assert proposal.confirmed_at is not None
    pairing = Pairing.objects.get(swarmed_structure=world.bearn, status=PairingStatus.ACTIVE)
    assert pairing.expert == world.prospector
    assert pairing.proposal_item == item_of(proposal, world.bearn)
    assert pairing.score == 9
    assert pairing.reasons[0]["sheet"] == 8
    assert can_see_pair_space(world.prospector, pairing)
    assert not can_see_pair_space(world.welcomer, pairing)
    referent = referent_of(world.bearn)
    assert Notification.objects.filter(recipient=world.prospector, kind="pairing.started").exists()
    assert Notification.objects.filter(recipient=referent, kind="pairing.started").exists()


def test_a_proposal_cannot_be_confirmed_twice(world, proposal):
    services.proposal_confirm(actor=world.ansa, proposal=proposal)
    with pytest.raises(ValidationError):
        services.proposal_confirm(actor=world.ansa, proposal=proposal)
    assert Pairing.objects.count() == 2


def test_a_confirmed_proposal_can_no_longer_be_overridden_or_discarded(world, proposal):
    services.proposal_confirm(actor=world.ansa, proposal=proposal)
    with pytest.raises(ValidationError):
        services.proposal_override(
            actor=world.ansa,
            item=item_of(proposal, world.bearn),
            expert=world.welcomer,
            reason="Trop tard",
        )
    with pytest.raises(ValidationError):
        services.proposal_discard(actor=world.ansa, proposal=proposal)


def test_a_structure_paired_in_the_meantime_is_skipped_with_a_message(world, proposal):
    PairingFactory(swarmed_structure=world.bearn, expert=world.welcomer)
    result = services.proposal_confirm(actor=world.ansa, proposal=proposal)
    assert [pairing.swarmed_structure for pairing in result.pairings] == [world.loire]
    assert "Tremplin Béarn" in result.skipped[0]
    assert Pairing.objects.get(swarmed_structure=world.bearn).expert == world.welcomer


def test_a_conflict_declared_after_the_proposal_keeps_that_pair_from_starting(world, proposal):
    PairingConflict.objects.create(
        expert=world.prospector, structure=world.bearn.structure, reason="Déclaré entre-temps"
    )
    result = services.proposal_confirm(actor=world.ansa, proposal=proposal)
    assert len(result.pairings) == 1
    assert "Tremplin Béarn" in result.skipped[0]
    assert not Pairing.objects.filter(swarmed_structure=world.bearn).exists()


def test_a_discarded_proposal_creates_nothing_and_cannot_be_confirmed(client, world, proposal):
    client.force_login(world.ansa)
    response = client.post(reverse("tutoring:proposal_discard", kwargs={"pk": proposal.pk}))
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.DISCARDED
    with pytest.raises(ValidationError):
        services.proposal_confirm(actor=world.ansa, proposal=proposal)
    assert not Pairing.objects.exists()


def test_ansa_proposes_and_confirms_from_the_pages(client, world):
    client.force_login(world.ansa)
    page = soup(client.get(season_url(world.season)))
    assert page.find("button", string="Proposer un appariement") is not None
    assert "sans binôme" in page.get_text()
    response = client.post(reverse("tutoring:pairing_propose", kwargs={"slug": world.season.slug}))
    proposal = world.season.pairing_proposals.get()
    assert response["Location"] == proposal_url(proposal)
    response = client.post(
        reverse("tutoring:proposal_confirm", kwargs={"pk": proposal.pk}), follow=True
    )
    assert "2 binômes commencent" in response.content.decode()
    assert Pairing.objects.filter(status=PairingStatus.ACTIVE).count() == 2
    page = soup(client.get(season_url(world.season)))
    assert "sans binôme" not in page.find("table").get_text()


# --- What the proposal page says -----------------------------------------------------------------


def test_proposal_page_explains_each_pair_in_words(client, world, proposal):
    client.force_login(world.ansa)
    page = soup(client.get(proposal_url(proposal)))
    assert len(page.find_all("h1")) == 1
    row = page.find(id=f"ligne-{item_of(proposal, world.bearn).pk}")
    text = words(row)
    assert (
        f"Fiche 8 — La prospection et la captation des offres{NBSP}: "
        "besoin prioritaire × référence sur la fiche"
    ) in text
    assert f"Adéquation{NBSP}: 9 points au total" in text
    assert "1 binôme sur 3 avec cette proposition" in text
    assert "Inès Laborde" in text
    loire = words(page.find(id=f"ligne-{item_of(proposal, world.loire).pk}"))
    assert f"Fiche 1 — L'accueil{NBSP}: besoin prioritaire × référence sur la fiche" in loire
    assert "besoin important × connaît la fiche" in loire


def test_proposal_page_explains_a_structure_left_without_expert(client, world):
    world.welcomer.expert_profile.capacity = 0
    world.welcomer.expert_profile.save()
    world.prospector.expert_profile.capacity = 1
    world.prospector.expert_profile.save()
    PairingConflict.objects.create(
        expert=world.welcomer, structure=world.loire.structure, reason="Lien familial"
    )
    proposal = services.pairing_propose(actor=world.ansa, season=world.season)
    client.force_login(world.ansa)
    page = soup(client.get(proposal_url(proposal)))
    row = page.find(id=f"ligne-{item_of(proposal, world.loire).pk}")
    text = words(row)
    assert "aucun·e expert·e disponible" in text
    assert "places libres des expert·es disponibles pour la saison sont toutes prises" in text
    assert "1 expert·e est de plus écarté·e par un conflit d'intérêts" in text


# --- Who may open what ---------------------------------------------------------------------------


@pytest.fixture
def people(world):
    return {
        "ansa": world.ansa,
        "head": world.head,
        "expert": world.prospector,
        "referent": referent_of(world.bearn),
        "participant": SwarmedMemberFactory(swarmed_structure=world.bearn).user,
    }


@pytest.mark.parametrize(
    ("who", "status"),
    [("ansa", 200), ("head", 403), ("expert", 403), ("referent", 403), ("participant", 403)],
)
def test_ansa_pages_are_ansa_s_only(client, world, proposal, people, who, status):
    client.force_login(people[who])
    item = item_of(proposal, world.bearn)
    for url in (
        season_url(world.season),
        proposal_url(proposal),
        override_url(item),
        reverse("tutoring:expert_load"),
    ):
        assert client.get(url).status_code == status, url


@pytest.mark.parametrize("who", ["head", "expert", "referent"])
def test_only_ansa_acts_on_a_proposal(client, world, proposal, people, who):
    client.force_login(people[who])
    for name in ("tutoring:proposal_confirm", "tutoring:proposal_discard"):
        assert client.post(reverse(name, kwargs={"pk": proposal.pk})).status_code == 403
    url = reverse("tutoring:pairing_propose", kwargs={"slug": world.season.slug})
    assert client.post(url).status_code == 403
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.DRAFT


def test_unknown_season_or_proposal_is_404(client, world):
    client.force_login(world.ansa)
    assert (
        client.get(reverse("tutoring:season_pairing", kwargs={"slug": "nulle"})).status_code == 404
    )
    assert client.get(reverse("tutoring:proposal_detail", kwargs={"pk": 999})).status_code == 404


# --- Conflicts on the season page --------------------------------------------------------------


def test_ansa_declares_a_conflict_on_the_season_page(client, world):
    client.force_login(world.ansa)
    response = client.post(
        season_url(world.season),
        {"expert": world.prospector.pk, "structure": world.bearn.structure.pk, "reason": "Lien"},
    )
    assert response.status_code == 302
    conflict = PairingConflict.objects.get()
    assert (conflict.expert, conflict.structure, conflict.declared_by) == (
        world.prospector,
        world.bearn.structure,
        world.ansa,
    )
    assert "Lien" in client.get(season_url(world.season)).content.decode()


def test_a_season_conflict_without_reason_is_refused_beside_the_field(client, world):
    client.force_login(world.ansa)
    response = client.post(
        season_url(world.season),
        {"expert": world.prospector.pk, "structure": world.bearn.structure.pk, "reason": ""},
    )
    assert response.status_code == 200
    page = soup(response)
    assert page.find(id="id_reason_error") is not None
    assert page.find("select", attrs={"name": "expert"}).find("option", selected=True)[
        "value"
    ] == str(world.prospector.pk)
    assert not PairingConflict.objects.exists()


# --- Expert load -------------------------------------------------------------------------------


def test_expert_load_lists_the_busiest_first_with_their_pairings(client, world):
    pairing = PairingFactory(swarmed_structure=world.bearn, expert=world.welcomer)
    PairingFactory(
        swarmed_structure=SwarmedStructureFactory(season=world.season),
        expert=world.welcomer,
        ended=True,
    )
    client.force_login(world.ansa)
    page = soup(client.get(reverse("tutoring:expert_load")))
    rows = page.find("table").find("tbody").find_all("tr")
    assert "Marc Etcheverry" in rows[0].th.get_text()
    cells = rows[0].find_all("td")
    assert "1 binôme en cours sur 3" in cells[0].get_text()
    assert "Tremplin Béarn" in cells[1].get_text()
    assert "Saison 2027" in cells[1].get_text()
    assert "aucun contact enregistré" in cells[1].get_text()
    assert cells[2].get_text(strip=True) == "1"
    assert "Inès Laborde" in rows[1].th.get_text()
    assert pairing.pk


# --- Query counts ------------------------------------------------------------------------------


def grow(world, times: int) -> None:
    """`times` more structures, experts with levels and periods, pairings and conflicts."""
    for n in range(times):
        swarmed = SwarmedStructureFactory(season=world.season)
        referent_of(swarmed)
        NeedsProfileFactory(swarmed_structure=swarmed, priorities={world.welcome: MEDIUM})
        expert = ExpertProfileFactory(capacity=2, levels={world.welcome: BASIC}).user
        ExpertAvailability.objects.create(
            profile=expert.expert_profile,
            starts_on=timezone.localdate(),
            ends_on=timezone.localdate() + datetime.timedelta(days=30),
        )
        PairingConflict.objects.create(expert=expert, structure=swarmed.structure, reason="Lien")
        if n % 2:
            PairingFactory(
                swarmed_structure=SwarmedStructureFactory(season=world.season), expert=expert
            )
            PairingFactory(
                swarmed_structure=SwarmedStructureFactory(season=world.season),
                expert=expert,
                ended=True,
            )


@pytest.mark.parametrize(
    "page", ["season", "proposal", "expert_load"], ids=["season", "proposal", "expert_load"]
)
def test_ansa_pages_take_the_same_number_of_queries_with_ten_times_the_data(client, world, page):
    def url() -> str:
        if page == "season":
            return season_url(world.season)
        if page == "expert_load":
            return reverse("tutoring:expert_load")
        return proposal_url(services.pairing_propose(actor=world.ansa, season=world.season))

    client.force_login(world.ansa)
    grow(world, 2)
    small = count_queries(client, url())
    grow(world, 18)
    large = count_queries(client, url())
    assert small == large
