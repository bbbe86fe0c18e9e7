"""The pair's private space: its page opens to the structure's people, its expert while the
pairing runs and Ansa; the pair logs its exchanges outside the portal (the last contact only moves
forward); Ansa ends a pairing with a reason and keeps reading its history; either party asks for a
change, one open request at a time, which Ansa accepts (with a new expert or not) or declines with
a response — and nobody outside the pair sees any of it."""

import datetime
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from portal.enums import NotificationCategory
from portal.models import AuditLogEntry, Notification
from portal.templatetags.essaim import long_date
from tests.curriculum.factories import ActionSheetPageFactory, FrameworkPageFactory
from tests.helpers import count_queries
from tests.modules.factories import (
    SwarmedMemberFactory,
    SwarmedStructureFactory,
    TrainingSeasonFactory,
)
from tests.portal.factories import UserFactory
from tests.tutoring.factories import ExpertProfileFactory, LogEntryFactory, PairingFactory
from tutoring.enums import ChangeRequestStatus, Channel, PairingStatus
from tutoring.models import LogEntry, Pairing, PairingChangeRequest, PairingConflict
from tutoring.pairing import pairs
from tutoring.permissions import PAIR_SPACE_PERMISSION

pytestmark = pytest.mark.django_db

NBSP = "\u00a0"


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def text_of(response) -> str:
    return " ".join(soup(response).get_text(" ").split())


def days_ago(days: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=days)


@pytest.fixture
def world():
    season = TrainingSeasonFactory(slug="saison-tutorat", name="Saison du tutorat")
    ours = SwarmedStructureFactory(season=season, structure__name="Tremplin Béarn")
    theirs = SwarmedStructureFactory(season=season, structure__name="Val de Loire Emploi")
    referent = SwarmedMemberFactory(swarmed_structure=ours, referent=True).user
    participant = SwarmedMemberFactory(swarmed_structure=ours).user
    stranger = SwarmedMemberFactory(swarmed_structure=theirs, referent=True).user
    expert = ExpertProfileFactory(user__first_name="Maëlle", user__last_name="Garric").user
    pairing = PairingFactory(
        swarmed_structure=ours,
        expert=expert,
        score=7.5,
        reasons=[
            {"sheet": 8, "title": "La prospection", "need": 3, "level": 3, "points": 4.5},
            {"sheet": 9, "title": "La fidélisation", "need": 2, "level": 2, "points": 3},
        ],
    )
    framework = FrameworkPageFactory()
    sheets = [
        ActionSheetPageFactory(parent=framework, number=number, title=title)
        for number, title in ((1, "L'accueil"), (8, "La prospection"), (9, "La fidélisation"))
    ]
    return SimpleNamespace(
        season=season,
        ours=ours,
        theirs=theirs,
        referent=referent,
        participant=participant,
        stranger=stranger,
        expert=expert,
        other_expert=ExpertProfileFactory(
            user__first_name="Bastien", user__last_name="Lacoste"
        ).user,
        ansa=UserFactory(ansa=True),
        head=UserFactory(head_of_network=True),
        nobody=UserFactory(),
        pairing=pairing,
        sheets=sheets,
    )


def detail_url(pairing) -> str:
    return reverse("tutoring:pairing_detail", kwargs={"pk": pairing.pk})


def log_url(pairing) -> str:
    return reverse("tutoring:log_entry_add", kwargs={"pk": pairing.pk})


def change_url(pairing) -> str:
    return reverse("tutoring:change_request_create", kwargs={"pk": pairing.pk})


def end_url(pairing) -> str:
    return reverse("tutoring:pairing_end", kwargs={"pk": pairing.pk})


def handle_url(request) -> str:
    return reverse("tutoring:change_request_handle", kwargs={"pk": request.pk})


LIST_URL = "/tutorat/binomes/"


def entry_data(**overrides) -> dict:
    data = {
        "happened_on": days_ago(1).isoformat(),
        "duration_minutes": "45",
        "channel": Channel.PHONE,
        "notes": "Point sur la **relance** des employeurs.",
    }
    data.update(overrides)
    return data


def add_entry(world, actor=None, *, on=None, minutes=30, **kwargs) -> LogEntry:
    return pairs.log_entry_add(
        actor=actor or world.expert,
        pairing=world.pairing,
        happened_on=on or days_ago(1),
        duration_minutes=minutes,
        channel=kwargs.pop("channel", Channel.PHONE),
        sheet_ids=kwargs.pop("sheet_ids", []),
        notes=kwargs.pop("notes", ""),
    )


def end(world, pairing=None, reason="L'experte a quitté A.CO.R.") -> Pairing:
    return pairs.pairing_close(actor=world.ansa, pairing=pairing or world.pairing, reason=reason)


def ask_change(world, actor=None, reason="Nos besoins portent surtout sur la fidélisation."):
    return pairs.change_request_create(
        actor=actor or world.referent, pairing=world.pairing, reason=reason
    )


# --- Who opens the pair's space --------------------------------------------------------------


@pytest.mark.parametrize("who", ["referent", "participant", "expert", "ansa"])
def test_pair_space_opens_to_its_structure_its_expert_and_ansa(client, world, who):
    client.force_login(getattr(world, who))
    response = client.get(detail_url(world.pairing))
    assert response.status_code == 200
    page = soup(response)
    assert len(page.find_all("h1")) == 1
    assert "Tremplin Béarn" in page.h1.get_text()


@pytest.mark.parametrize("who", ["stranger", "other_expert", "head", "nobody"])
def test_pair_space_is_404_to_everyone_outside_the_pair(client, world, who):
    client.force_login(getattr(world, who))
    for url in (detail_url(world.pairing), log_url(world.pairing), change_url(world.pairing)):
        assert client.get(url).status_code == 404
    response = client.post(log_url(world.pairing), entry_data())
    assert response.status_code == 404
    assert not LogEntry.objects.exists()


def test_expert_whose_pairing_ended_gets_404_while_ansa_still_reads_its_history(client, world):
    LogEntryFactory(pairing=world.pairing, notes_html="<p>Visite du service emploi.</p>")
    end(world)
    client.force_login(world.expert)
    assert client.get(detail_url(world.pairing)).status_code == 404
    assert client.post(log_url(world.pairing), entry_data()).status_code == 404
    assert not world.expert.has_perm(PAIR_SPACE_PERMISSION, world.pairing)
    for reader in (world.ansa, world.referent):
        client.force_login(reader)
        response = client.get(detail_url(world.pairing))
        assert response.status_code == 200
        assert "Visite du service emploi." in text_of(response)
        assert "L'experte a quitté A.CO.R." in text_of(response)


def test_expert_whose_pairing_ended_cannot_add_a_log_entry(world):
    end(world)
    world.pairing.refresh_from_db()
    with pytest.raises(PermissionDenied):
        add_entry(world, world.expert)
    assert not LogEntry.objects.exists()


def test_an_ended_pairing_log_receives_nothing_new_even_from_ansa(client, world):
    end(world)
    world.pairing.refresh_from_db()
    with pytest.raises(ValidationError):
        add_entry(world, world.ansa)
    client.force_login(world.referent)
    response = client.post(log_url(world.pairing), entry_data())
    assert response.status_code == 302
    assert not LogEntry.objects.exists()


def test_pairing_page_shows_who_since_when_why_and_last_contact(client, world):
    client.force_login(world.referent)
    response = client.get(detail_url(world.pairing))
    text = text_of(response)
    assert "Maëlle Garric" in text
    profile = reverse("tutoring:expert_profile", kwargs={"user_id": world.expert.pk})
    assert soup(response).find("a", href=profile).get_text() == "Maëlle Garric"
    # The referent comes first among the structure's people.
    assert text.index(world.referent.get_full_name()) < text.index(
        world.participant.get_full_name()
    )
    assert "aucun échange enregistré" in text
    assert "Fiche 8 — La prospection" in text
    assert "Besoin prioritaire" in text and "Référence sur la fiche" in text
    table = soup(response).find("table")
    assert table.caption is not None
    assert all(th.get("scope") for th in table.find_all("th"))
    add_entry(world, on=days_ago(3))
    text = text_of(client.get(detail_url(world.pairing)))
    assert f"dernier contact le {long_date(days_ago(3))}" in text


# --- The tutoring log ------------------------------------------------------------------------


def test_pair_records_an_exchange_with_sheets_and_sanitised_notes(client, world):
    client.force_login(world.referent)
    response = client.post(
        log_url(world.pairing),
        entry_data(
            sheets=[world.sheets[1].pk, world.sheets[2].pk],
            notes="Relance **mardi**.\n\n<script>alert(1)</script>[x](javascript:alert(1))",
        ),
    )
    assert response.status_code == 302
    entry = LogEntry.objects.get()
    assert entry.recorded_by == world.referent
    assert entry.duration_minutes == 45
    assert set(entry.sheets.all()) == {world.sheets[1], world.sheets[2]}
    assert "<strong>mardi</strong>" in entry.notes_html
    assert "<script" not in entry.notes_html and "javascript:" not in entry.notes_html
    assert AuditLogEntry.objects.filter(action="log_entry.add").exists()
    page = client.get(detail_url(world.pairing))
    assert "fiche 8 — La prospection" in text_of(page)


def test_log_entry_in_the_future_is_refused_in_french_and_typed_data_kept(client, world):
    client.force_login(world.expert)
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    response = client.post(
        log_url(world.pairing),
        entry_data(happened_on=tomorrow, notes="Ce que j'ai tapé", sheets=[world.sheets[0].pk]),
    )
    assert response.status_code == 200
    page = soup(response)
    error = page.find(id="id_happened_on_error")
    assert f"dans le futur{NBSP}:" in error.get_text()
    assert page.find(id="error-summary") is not None
    field = page.find(id="id_happened_on")
    assert field["value"] == tomorrow
    assert "id_happened_on_error" in field["aria-describedby"]
    assert field["aria-invalid"] == "true"
    assert page.find(id="id_duration_minutes")["value"] == "45"
    assert page.find(id="id_notes").get_text().strip() == "Ce que j'ai tapé"
    assert page.find("input", {"name": "sheets", "value": str(world.sheets[0].pk)}).has_attr(
        "checked"
    )
    assert not LogEntry.objects.exists()


@pytest.mark.parametrize("minutes", ["0", "601", "-5"])
def test_log_entry_duration_outside_one_to_six_hundred_minutes_is_refused(client, world, minutes):
    client.force_login(world.expert)
    response = client.post(log_url(world.pairing), entry_data(duration_minutes=minutes))
    assert response.status_code == 200
    error = soup(response).find(id="id_duration_minutes_error").get_text()
    assert "de 1 à 600 minutes" in error
    assert soup(response).find(id="id_duration_minutes")["value"] == minutes
    assert not LogEntry.objects.exists()


def test_log_entry_before_the_pairing_started_is_refused(world):
    with pytest.raises(ValidationError) as error:
        add_entry(world, on=world.pairing.started_on - datetime.timedelta(days=1))
    assert "happened_on" in error.value.error_dict


def test_log_entry_errors_show_together_beside_their_fields(client, world):
    client.force_login(world.expert)
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    response = client.post(
        log_url(world.pairing), entry_data(happened_on=tomorrow, duration_minutes="", channel="")
    )
    page = soup(response)
    assert page.find(id="id_happened_on_error")
    assert "durée" in page.find(id="id_duration_minutes_error").get_text()
    assert page.find(id="id_channel_error")
    links = [a["href"] for a in page.find(id="error-summary").find_all("a")]
    assert "#id_channel" in links and "#id_happened_on" in links


def test_an_unknown_sheet_is_refused(world):
    with pytest.raises(ValidationError) as error:
        add_entry(world, sheet_ids=[world.sheets[0].pk, 999_999])
    assert "sheets" in error.value.error_dict


def test_last_contact_moves_forward_only(world):
    add_entry(world, on=days_ago(5))
    world.pairing.refresh_from_db()
    five_days_ago = world.pairing.last_contact_at
    assert timezone.localtime(five_days_ago).date() == days_ago(5)
    add_entry(world, on=days_ago(1))
    world.pairing.refresh_from_db()
    yesterday = world.pairing.last_contact_at
    assert yesterday > five_days_ago
    assert timezone.localtime(yesterday).date() == days_ago(1)
    add_entry(world, on=days_ago(20))  # an older exchange, logged late
    world.pairing.refresh_from_db()
    assert world.pairing.last_contact_at == yesterday
    before = timezone.now()
    add_entry(world, on=timezone.localdate())
    world.pairing.refresh_from_db()
    assert before <= world.pairing.last_contact_at <= timezone.now()


def test_log_is_listed_newest_first(client, world):
    LogEntryFactory(pairing=world.pairing, happened_on=days_ago(9), notes_html="<p>ancien</p>")
    LogEntryFactory(pairing=world.pairing, happened_on=days_ago(2), notes_html="<p>récent</p>")
    client.force_login(world.ansa)
    text = text_of(client.get(detail_url(world.pairing)))
    assert text.index("récent") < text.index("ancien")


# --- Ending a pairing (Ansa) -----------------------------------------------------------------


def test_ansa_ends_a_pairing_with_a_mandatory_reason(client, world):
    client.force_login(world.ansa)
    response = client.post(end_url(world.pairing), {"reason": "  "})
    assert response.status_code == 200
    assert soup(response).find(id="id_reason_error")
    world.pairing.refresh_from_db()
    assert world.pairing.is_active
    response = client.post(end_url(world.pairing), {"reason": "Fin de la saison."})
    assert response.status_code == 302
    world.pairing.refresh_from_db()
    assert world.pairing.status == PairingStatus.ENDED
    assert world.pairing.end_reason == "Fin de la saison."
    assert Notification.objects.filter(recipient=world.expert, kind="pairing.ended").exists()


@pytest.mark.parametrize("who", ["referent", "expert", "head"])
def test_only_ansa_ends_a_pairing(client, world, who):
    client.force_login(getattr(world, who))
    assert client.post(end_url(world.pairing), {"reason": "Je m'en vais."}).status_code == 403
    world.pairing.refresh_from_db()
    assert world.pairing.is_active


def test_ending_a_pairing_settles_its_open_change_request(world):
    request = ask_change(world)
    end(world)
    request.refresh_from_db()
    assert request.status == ChangeRequestStatus.ACCEPTED
    assert not pairs.open_change_requests().exists()


# --- Change requests -------------------------------------------------------------------------


def test_either_party_asks_for_a_change_and_ansa_is_notified(client, world):
    client.force_login(world.referent)
    response = client.post(change_url(world.pairing), {"reason": "Nous avançons peu."})
    assert response.status_code == 302
    request = PairingChangeRequest.objects.get()
    assert request.status == ChangeRequestStatus.OPEN
    assert request.requested_by == world.referent
    notification = Notification.objects.get(recipient=world.ansa)
    assert notification.category == NotificationCategory.TUTORING
    assert notification.url == handle_url(request)
    assert "Nous avançons peu." in notification.body
    assert AuditLogEntry.objects.filter(action="pairing_change_request.create").exists()


def test_change_request_needs_a_reason(client, world):
    client.force_login(world.expert)
    response = client.post(change_url(world.pairing), {"reason": ""})
    assert response.status_code == 200
    assert "Expliquez pourquoi" in soup(response).find(id="id_reason_error").get_text()
    assert not PairingChangeRequest.objects.exists()


def test_one_open_change_request_at_a_time_per_pairing(client, world):
    ask_change(world)
    with pytest.raises(ValidationError):
        ask_change(world, world.expert, reason="Je manque de disponibilité.")
    client.force_login(world.participant)
    response = client.post(change_url(world.pairing), {"reason": "Une autre demande."})
    assert response.status_code == 302
    assert PairingChangeRequest.objects.count() == 1


def test_ansa_does_not_ask_for_a_change_it_makes_it(client, world):
    client.force_login(world.ansa)
    assert client.get(change_url(world.pairing)).status_code == 403
    with pytest.raises(PermissionDenied):
        ask_change(world, world.ansa)


def test_each_party_reads_only_its_own_side_of_the_requests(client, world):
    ask_change(world, reason="L'experte répond trop tard.")
    client.force_login(world.expert)
    assert "L'experte répond trop tard." not in text_of(client.get(detail_url(world.pairing)))
    for reader in (world.participant, world.ansa):
        client.force_login(reader)
        assert "L'experte répond trop tard." in text_of(client.get(detail_url(world.pairing)))


def test_declining_a_change_request_needs_a_response(client, world):
    request = ask_change(world)
    with pytest.raises(ValidationError) as error:
        pairs.change_request_handle(
            actor=world.ansa, request=request, accept=False, response=" ", new_expert=None
        )
    assert "response" in error.value.error_dict
    client.force_login(world.ansa)
    response = client.post(handle_url(request), {"decision": "decline", "response": ""})
    assert response.status_code == 200
    assert soup(response).find(id="id_response_error")
    request.refresh_from_db()
    assert request.status == ChangeRequestStatus.OPEN


def test_declined_request_keeps_the_pairing_and_tells_the_requester(client, world):
    request = ask_change(world)
    client.force_login(world.ansa)
    response = client.post(
        handle_url(request), {"decision": "decline", "response": "Laissons deux mois de plus."}
    )
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == ChangeRequestStatus.DECLINED
    assert request.handled_by == world.ansa
    world.pairing.refresh_from_db()
    assert world.pairing.is_active
    notification = Notification.objects.get(
        recipient=world.referent, kind="pairing.change_declined"
    )
    assert "Laissons deux mois de plus." in notification.body
    assert AuditLogEntry.objects.filter(action="pairing_change_request.decline").exists()


def test_accepting_with_a_new_expert_ends_the_old_pairing_and_starts_a_new_one(client, world):
    request = ask_change(world, reason="Nos besoins portent sur la fidélisation.")
    client.force_login(world.ansa)
    response = client.post(
        handle_url(request),
        {"decision": "accept", "new_expert": world.other_expert.pk, "response": ""},
    )
    old = Pairing.objects.get(pk=world.pairing.pk)
    new = Pairing.objects.get(status=PairingStatus.ACTIVE, swarmed_structure=world.ours)
    assert response.status_code == 302
    assert response.url == detail_url(new)
    assert old.status == PairingStatus.ENDED
    assert old.end_reason == f"Changement demandé{NBSP}: Nos besoins portent sur la fidélisation."
    assert new.expert == world.other_expert
    assert world.other_expert.has_perm(PAIR_SPACE_PERMISSION, new)
    request.refresh_from_db()
    assert request.status == ChangeRequestStatus.ACCEPTED
    accepted = Notification.objects.get(recipient=world.referent, kind="pairing.change_accepted")
    assert accepted.url == detail_url(new)
    assert Notification.objects.filter(recipient=world.other_expert, kind="pairing.started")
    # The old expert's access went with the old pairing.
    client.force_login(world.expert)
    assert client.get(detail_url(old)).status_code == 404


def test_accepting_with_a_conflicted_expert_is_refused_beside_the_field(client, world):
    PairingConflict.objects.create(
        expert=world.other_expert, structure=world.ours.structure, reason="Ancienne salariée."
    )
    request = ask_change(world)
    client.force_login(world.ansa)
    response = client.post(
        handle_url(request), {"decision": "accept", "new_expert": world.other_expert.pk}
    )
    assert response.status_code == 200
    error = soup(response).find(id="id_new_expert_error")
    assert "conflit d'intérêts" in error.get_text()
    # Nothing half-done: the old pairing runs on, the request waits.
    world.pairing.refresh_from_db()
    assert world.pairing.is_active
    request.refresh_from_db()
    assert request.status == ChangeRequestStatus.OPEN
    assert Pairing.objects.count() == 1


def test_accepting_without_a_new_expert_leaves_the_structure_unpaired(world):
    request = ask_change(world, world.expert, reason="Je pars en congé long.")
    handled = pairs.change_request_handle(
        actor=world.ansa, request=request, accept=True, response="", new_expert=None
    )
    assert handled.status == ChangeRequestStatus.ACCEPTED
    assert not Pairing.objects.filter(status=PairingStatus.ACTIVE).exists()
    notification = Notification.objects.get(recipient=world.expert, kind="pairing.change_accepted")
    assert notification.url == LIST_URL


def test_a_handled_request_cannot_be_handled_again(world):
    request = ask_change(world)
    pairs.change_request_handle(
        actor=world.ansa, request=request, accept=False, response="Non.", new_expert=None
    )
    with pytest.raises(ValidationError):
        pairs.change_request_handle(
            actor=world.ansa, request=request, accept=True, response="", new_expert=None
        )


@pytest.mark.parametrize("who", ["referent", "expert"])
def test_only_ansa_handles_change_requests(client, world, who):
    request = ask_change(world)
    client.force_login(getattr(world, who))
    assert client.get(handle_url(request)).status_code == 403
    with pytest.raises(PermissionDenied):
        pairs.change_request_handle(
            actor=getattr(world, who), request=request, accept=True, response="", new_expert=None
        )


# --- Lists and dashboard helpers -------------------------------------------------------------


def test_ansa_lists_every_pairing_with_filters(client, world):
    theirs = PairingFactory(swarmed_structure=world.theirs, expert=world.other_expert)
    end(world, theirs)
    client.force_login(world.ansa)
    text = text_of(client.get(LIST_URL))
    assert "Tremplin Béarn" in text and "Val de Loire Emploi" in text
    text = text_of(client.get(LIST_URL, {"status": "ended"}))
    assert "Val de Loire Emploi" in text and "Tremplin Béarn" not in text
    text = text_of(client.get(LIST_URL, {"expert": world.expert.pk}))
    assert "Tremplin Béarn" in text and "Val de Loire Emploi" not in text
    text = text_of(client.get(LIST_URL, {"season": "saison-inconnue"}))
    assert "Tremplin Béarn" in text  # an unknown value is shown as an error, not applied


def test_expert_lists_their_running_pairings_only(client, world):
    other = SwarmedStructureFactory(season=world.season, structure__name="Cap Emploi Adour")
    end(world, PairingFactory(swarmed_structure=other, expert=world.expert))
    PairingFactory(swarmed_structure=world.theirs, expert=world.other_expert)
    client.force_login(world.expert)
    text = text_of(client.get(LIST_URL))
    assert "Tremplin Béarn" in text
    assert "Cap Emploi Adour" not in text and "Val de Loire Emploi" not in text


def test_structure_member_lists_its_own_pairings(client, world):
    PairingFactory(swarmed_structure=world.theirs, expert=world.other_expert)
    client.force_login(world.participant)
    text = text_of(client.get(LIST_URL))
    assert "Tremplin Béarn" in text and "Val de Loire Emploi" not in text


def test_people_outside_tutoring_get_403_on_the_list(client, world):
    client.force_login(world.nobody)
    assert client.get(LIST_URL).status_code == 403


def test_dashboard_helpers(world):
    assert list(pairs.pairings_of_expert(world.expert)) == [world.pairing]
    assert pairs.pairing_of_member(world.participant) == world.pairing
    assert pairs.pairing_of_member(world.nobody) is None
    request = ask_change(world)
    assert list(pairs.open_change_requests()) == [request]
    # A member of a newer season sees that season's pairing.
    newer = TrainingSeasonFactory(
        call_opens_at=timezone.now() - datetime.timedelta(days=10),
        call_closes_at=timezone.now() + datetime.timedelta(days=10),
    )
    swarmed = SwarmedStructureFactory(season=newer, structure=world.ours.structure)
    SwarmedMemberFactory(swarmed_structure=swarmed, user=world.participant)
    assert pairs.pairing_of_member(world.participant) is None
    newer_pairing = PairingFactory(swarmed_structure=swarmed, expert=world.other_expert)
    assert pairs.pairing_of_member(world.participant) == newer_pairing


# --- Query counts ----------------------------------------------------------------------------


def _grow_pairings(world, count: int) -> None:
    for _ in range(count):
        swarmed = SwarmedStructureFactory(season=world.season)
        SwarmedMemberFactory(swarmed_structure=swarmed, referent=True)
        pairing = PairingFactory(swarmed_structure=swarmed, expert=world.expert)
        LogEntryFactory(pairing=pairing)
        PairingChangeRequest.objects.create(pairing=pairing, requested_by=world.expert, reason="x")


@pytest.mark.parametrize("who", ["ansa", "expert"])
def test_pairing_list_queries_stay_constant_when_data_grows(client, world, who):
    client.force_login(getattr(world, who))
    _grow_pairings(world, 2)
    few = count_queries(client, LIST_URL)
    _grow_pairings(world, 18)
    assert count_queries(client, LIST_URL) == few


def test_member_pairing_list_queries_stay_constant(client, world):
    client.force_login(world.referent)

    def grow(count):
        for _ in range(count):
            PairingFactory(swarmed_structure=world.ours, expert=world.other_expert, ended=True)

    grow(1)
    few = count_queries(client, LIST_URL)
    grow(10)
    assert count_queries(client, LIST_URL) == few


@pytest.mark.parametrize("who", ["ansa", "expert", "referent"])
def test_pairing_page_queries_stay_constant_when_the_log_grows(client, world, who):
    client.force_login(getattr(world, who))

    def grow(count):
        for _ in range(count):
            entry = LogEntryFactory(pairing=world.pairing)
            entry.sheets.set(world.sheets)

    grow(2)
    PairingChangeRequest.objects.create(
        pairing=world.pairing, requested_by=world.referent, reason="x"
    )
    few = count_queries(client, detail_url(world.pairing))
    grow(18)
    PairingChangeRequest.objects.create(
        pairing=world.pairing,
        requested_by=world.expert,
        reason="y",
        status=ChangeRequestStatus.DECLINED,
    )
    assert count_queries(client, detail_url(world.pairing)) == few
