"""Sessions: Ansa schedules, moves and cancels them; members and experts get notified and invited
(.ics); the season's calendar and each person's subscription feed."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from modules import ics
from modules.models import (
    ModuleLead,
    PlaceKind,
    SessionKind,
    SessionStatus,
    TrainingActionPage,
    TrainingSession,
)
from modules.services import sessions as services
from portal.enums import DeliveryMode, NotificationCategory
from portal.models import AuditLogEntry, Notification, NotificationPreference
from tests.cms_pages.factories import PageFactory
from tests.curriculum.factories import ActionSheetPageFactory, FrameworkPageFactory
from tests.helpers import count_queries
from tests.modules.factories import (
    SwarmedMemberFactory,
    SwarmedStructureFactory,
    TrainingSeasonFactory,
    TrainingSessionFactory,
)
from tests.portal.factories import UserFactory
from tests.portal.structure_factories import page_text

PARIS = ZoneInfo("Europe/Paris")


class TrainingActionPageFactory(PageFactory):
    class Meta:
        model = TrainingActionPage

    title = "La formation-action"
    slug = "formation-action"


def make_module(parent, number: int = 1, title: str = "Prospecter les entreprises"):
    from modules.models import ModulePage

    page = ModulePage(
        title=title,
        slug=f"module-{number}",
        number=number,
        summary="La démarche « aller vers » les entreprises.",
        objectives="<p>Construire un plan de prospection.</p>",
    )
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def paris(year, month, day, hour=9, minute=30) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, minute, tzinfo=PARIS)


def parse(content: bytes) -> tuple[Calendar, list]:
    calendar = Calendar.from_ical(content)
    return calendar, list(calendar.walk("VEVENT"))


def invitation_of(message) -> Calendar:
    """The .ics attached to an e-mail, parsed."""
    parts = [
        part for part in message.message().walk() if part.get_content_type() == "text/calendar"
    ]
    assert len(parts) == 1
    return Calendar.from_ical(parts[0].get_payload(decode=True))


@pytest.fixture
def module(home):
    action = TrainingActionPageFactory(parent=home)
    return make_module(action)


@pytest.fixture
def season(db):
    return TrainingSeasonFactory(slug="saison-essai", name="Saison d'essai")


@pytest.fixture
def ansa(db):
    return UserFactory(ansa=True)


@pytest.fixture
def swarmed(season):
    return SwarmedStructureFactory(season=season, structure__name="Tremplin Béarn")


@pytest.fixture
def referent(swarmed):
    return SwarmedMemberFactory(swarmed_structure=swarmed, referent=True).user


@pytest.fixture
def participant(swarmed):
    return SwarmedMemberFactory(swarmed_structure=swarmed).user


@pytest.fixture
def expert(db):
    return UserFactory(expert=True, first_name="Agnès", last_name="Lacombe")


@pytest.fixture
def leading_expert(season, module):
    lead = UserFactory(expert=True)
    ModuleLead.objects.create(season=season, module=module, expert=lead)
    return lead


@pytest.fixture
def other_season_referent(db):
    other = TrainingSeasonFactory(slug="saison-autre", name="Autre saison")
    return SwarmedMemberFactory(swarmed_structure__season=other, referent=True).user


def session_data(module, **overrides) -> dict:
    start = timezone.localtime() + datetime.timedelta(days=14)
    start = start.replace(hour=9, minute=30, second=0, microsecond=0)
    data = {
        "kind": SessionKind.COLLECTIVE,
        "module": module,
        "title": "Aller vers les employeurs du bassin",
        "starts_at": start,
        "ends_at": start + datetime.timedelta(hours=7),
        "place_kind": PlaceKind.PAU,
        "address": "Cité multimédia, Pau",
        "online_url": "",
        "experts": [],
        "sheets": [],
    }
    data.update(overrides)
    return data


def create(ansa, season, module, **overrides) -> TrainingSession:
    return services.session_create(actor=ansa, season=season, **session_data(module, **overrides))


# --- Validation --------------------------------------------------------------------------------


def test_session_before_the_training_starts_is_refused(ansa, season, module):
    start = timezone.localtime() - datetime.timedelta(days=100)
    with pytest.raises(ValidationError) as raised:
        create(ansa, season, module, starts_at=start, ends_at=start + datetime.timedelta(hours=3))
    assert "starts_at" in raised.value.message_dict
    assert not TrainingSession.objects.exists()


def test_session_after_the_training_ends_is_refused(ansa, season, module):
    start = timezone.localtime() + datetime.timedelta(days=61)
    with pytest.raises(ValidationError) as raised:
        create(ansa, season, module, starts_at=start, ends_at=start + datetime.timedelta(hours=3))
    assert "starts_at" in raised.value.message_dict
    assert "ends_at" in raised.value.message_dict


def test_session_ending_after_the_last_day_is_refused(ansa, season, module):
    last = datetime.datetime.combine(season.training_end, datetime.time(18), tzinfo=PARIS)
    with pytest.raises(ValidationError) as raised:
        create(ansa, season, module, starts_at=last, ends_at=last + datetime.timedelta(hours=8))
    assert list(raised.value.message_dict) == ["ends_at"]


def test_session_on_the_exchange_day_after_the_training_is_accepted(ansa, season):
    season.exchange_day = season.training_end + datetime.timedelta(days=30)
    season.save()
    start = datetime.datetime.combine(season.exchange_day, datetime.time(10), tzinfo=PARIS)
    session = create(
        ansa,
        season,
        None,
        kind=SessionKind.EXCHANGE_DAY,
        title="Journée nationale d'échange",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=7),
        place_kind=PlaceKind.PARIS,
    )
    assert session.kind == SessionKind.EXCHANGE_DAY


def test_session_without_training_dates_is_refused(ansa, season, module):
    season.training_start = None
    season.save()
    with pytest.raises(ValidationError) as raised:
        create(ansa, season, module)
    assert "__all__" in raised.value.message_dict


def test_end_before_start_is_refused(ansa, season, module):
    data = session_data(module)
    with pytest.raises(ValidationError) as raised:
        create(ansa, season, module, ends_at=data["starts_at"] - datetime.timedelta(hours=1))
    assert "ends_at" in raised.value.message_dict


def test_online_session_needs_its_link(ansa, season, module):
    with pytest.raises(ValidationError) as raised:
        create(ansa, season, module, place_kind=PlaceKind.ONLINE, address="")
    assert list(raised.value.message_dict) == ["online_url"]


def test_session_in_a_territory_needs_its_address(ansa, season, module):
    with pytest.raises(ValidationError) as raised:
        create(ansa, season, module, place_kind=PlaceKind.TERRITORY, address="  ")
    assert list(raised.value.message_dict) == ["address"]


def test_collective_session_needs_its_module(ansa, season):
    with pytest.raises(ValidationError) as raised:
        create(ansa, season, None)
    assert list(raised.value.message_dict) == ["module"]


def test_only_experts_lead_a_session(ansa, season, module, referent):
    with pytest.raises(ValidationError) as raised:
        create(ansa, season, module, experts=[referent])
    assert list(raised.value.message_dict) == ["experts"]


@pytest.mark.parametrize("who", ["expert", "referent", "head_of_network"])
def test_only_ansa_schedules_sessions(who, season, module, request):
    actor = UserFactory(head_of_network=True) if who == "head_of_network" else None
    actor = actor or request.getfixturevalue(who)
    with pytest.raises(PermissionDenied):
        create(actor, season, module)


# --- Notifications and invitations -------------------------------------------------------------


def test_new_session_notifies_members_and_its_experts_with_an_invitation(
    ansa,
    season,
    module,
    referent,
    participant,
    expert,
    other_season_referent,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        session = create(ansa, season, module, experts=[expert])

    notified = set(
        Notification.objects.filter(
            category=NotificationCategory.TRAINING, kind="session.scheduled"
        ).values_list("recipient__email", flat=True)
    )
    assert notified == {referent.email, participant.email, expert.email}
    # One e-mail per person: the invitation stands for the notification's own e-mail.
    assert sorted(message.to[0] for message in mailoutbox) == sorted(notified)
    assert not Notification.objects.filter(emailed_at__isnull=True).exists()
    message = next(m for m in mailoutbox if m.to == [referent.email])
    assert "Nouvelle séance" in message.subject
    calendar = invitation_of(message)
    event = calendar.walk("VEVENT")[0]
    assert calendar["METHOD"] == "REQUEST"
    assert str(event["UID"]) == str(session.uid)
    assert event["SEQUENCE"] == 0
    assert event.decoded("DTSTART") == session.starts_at
    assert str(event["LOCATION"]) == "Cité multimédia, Pau"
    assert str(event["URL"]).endswith(reverse("modules:session_detail", args=[session.pk]))
    assert str(event["ATTENDEE"]) == f"mailto:{referent.email}"
    assert "Agnès Lacombe" in str(event["DESCRIPTION"])
    assert AuditLogEntry.objects.filter(action="session.create", object_id=str(session.pk))


def test_nothing_is_sent_when_the_transaction_rolls_back(
    ansa, season, module, referent, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        create(ansa, season, module)
    assert callbacks  # scheduled for after the commit, not sent inside the transaction
    assert mailoutbox == []


def test_moving_a_session_increments_its_sequence_and_sends_the_new_time(
    ansa, season, module, referent, mailoutbox, django_capture_on_commit_callbacks
):
    session = create(ansa, season, module)
    data = session_data(module)
    later = data["starts_at"] + datetime.timedelta(days=2)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        moved = services.session_update(
            actor=ansa,
            session=session,
            **{**data, "starts_at": later, "ends_at": later + datetime.timedelta(hours=3)},
        )
    assert moved.sequence == 1
    assert [message.to for message in mailoutbox] == [[referent.email]]
    assert "Séance déplacée" in mailoutbox[0].subject
    event = invitation_of(mailoutbox[0]).walk("VEVENT")[0]
    assert str(event["UID"]) == str(session.uid)
    assert event["SEQUENCE"] == 1
    assert event.decoded("DTSTART") == later
    assert AuditLogEntry.objects.filter(action="session.move").count() == 1


def test_saving_a_session_unchanged_tells_nobody(
    ansa, season, module, referent, mailoutbox, django_capture_on_commit_callbacks
):
    session = create(ansa, season, module)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        same = services.session_update(actor=ansa, session=session, **session_data(module))
    assert same.sequence == 0
    assert mailoutbox == []


def test_expert_taken_off_a_session_gets_a_cancellation(
    ansa, season, module, expert, mailoutbox, django_capture_on_commit_callbacks
):
    session = create(ansa, season, module, experts=[expert])
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.session_update(actor=ansa, session=session, **session_data(module, experts=[]))
    assert [message.to for message in mailoutbox] == [[expert.email]]
    calendar = invitation_of(mailoutbox[0])
    assert calendar["METHOD"] == "CANCEL"
    assert calendar.walk("VEVENT")[0]["SEQUENCE"] == 1


def test_cancelling_sends_method_cancel_with_a_higher_sequence(
    ansa, season, module, referent, mailoutbox, django_capture_on_commit_callbacks
):
    session = create(ansa, season, module)
    data = session_data(module)
    later = data["starts_at"] + datetime.timedelta(days=1)
    services.session_update(
        actor=ansa,
        session=session,
        **{**data, "starts_at": later, "ends_at": later + datetime.timedelta(hours=3)},
    )
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        cancelled = services.session_cancel(
            actor=ansa, session=session, reason="Grève des transports."
        )
    assert cancelled.status == SessionStatus.CANCELLED
    assert cancelled.sequence == 2
    assert "Séance annulée" in mailoutbox[0].subject
    assert "Grève des transports." in mailoutbox[0].body
    calendar = invitation_of(mailoutbox[0])
    event = calendar.walk("VEVENT")[0]
    assert calendar["METHOD"] == "CANCEL"
    assert event["STATUS"] == "CANCELLED"
    assert event["SEQUENCE"] == 2
    assert str(event["UID"]) == str(session.uid)
    notification = Notification.objects.get(recipient=referent, kind="session.cancelled")
    assert "Grève des transports." in notification.body
    with pytest.raises(ValidationError):
        services.session_update(actor=ansa, session=cancelled, **data)


def test_cancelling_needs_a_reason(ansa, season, module):
    session = create(ansa, season, module)
    with pytest.raises(ValidationError) as raised:
        services.session_cancel(actor=ansa, session=session, reason="   ")
    assert list(raised.value.message_dict) == ["reason"]
    session.refresh_from_db()
    assert session.status == SessionStatus.SCHEDULED


def test_people_who_turned_training_emails_off_keep_the_notification_only(
    ansa, season, module, referent, mailoutbox, django_capture_on_commit_callbacks
):
    NotificationPreference.objects.create(
        user=referent, category=NotificationCategory.TRAINING, delivery=DeliveryMode.OFF
    )
    with django_capture_on_commit_callbacks(execute=True):
        create(ansa, season, module)
    assert Notification.objects.filter(recipient=referent).exists()
    assert mailoutbox == []


def test_invitation_times_are_paris_wall_time_across_daylight_saving(ansa, module):
    season = TrainingSeasonFactory(
        slug="saison-2027",
        training_start=datetime.date(2027, 3, 1),
        training_end=datetime.date(2027, 11, 30),
    )
    winter = create(
        ansa,
        season,
        module,
        starts_at=paris(2027, 3, 12),
        ends_at=paris(2027, 3, 12, 16, 30),
    )
    summer = create(
        ansa,
        season,
        module,
        starts_at=paris(2027, 4, 12),
        ends_at=paris(2027, 4, 12, 16, 30),
    )
    for session, utc_hour in ((winter, 8), (summer, 7)):
        content = ics.invitation(session, method=ics.Method.REQUEST, attendee=ansa)
        assert f"DTSTART:{session.starts_at.year}".encode() in content
        event = parse(content)[1][0]
        start = event.decoded("DTSTART")
        assert start.utcoffset() == datetime.timedelta(0)
        assert (start.hour, start.minute) == (utc_hour, 30)
        assert (start.astimezone(PARIS).hour, start.astimezone(PARIS).minute) == (9, 30)
        assert event.decoded("DTEND").astimezone(PARIS).hour == 16


# --- The calendar feed -------------------------------------------------------------------------


@pytest.fixture
def seasons_sessions(season, module, other_season_referent):
    mine = TrainingSessionFactory(season=season, title="Séance de ma saison")
    gone = TrainingSessionFactory(season=season, title="Séance annulée", cancelled=True)
    other_season = other_season_referent.season_memberships.get().swarmed_structure.season
    theirs = TrainingSessionFactory(season=other_season, title="Séance d'une autre saison")
    return mine, gone, theirs


def feed_of(client, user):
    return client.get(reverse("modules:calendar_feed", args=[ics.calendar_token(user)]))


def test_feed_lists_my_seasons_sessions_cancelled_ones_marked(client, referent, seasons_sessions):
    mine, gone, _theirs = seasons_sessions
    response = feed_of(client, referent)  # anonymous: calendar applications cannot log in
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar, events = parse(response.content)
    assert calendar["METHOD"] == "PUBLISH"
    assert b"REFRESH-INTERVAL;VALUE=DURATION:PT6H" in response.content
    statuses = {str(event["UID"]): str(event["STATUS"]) for event in events}
    assert statuses == {str(mine.uid): "CONFIRMED", str(gone.uid): "CANCELLED"}


def test_feed_token_names_one_person_and_is_stable(referent, other_season_referent):
    assert ics.calendar_token(referent) == ics.calendar_token(referent)
    assert ics.calendar_token(referent) != ics.calendar_token(other_season_referent)
    assert ics.calendar_user_id(ics.calendar_token(referent)) == referent.pk


def test_another_persons_feed_does_not_hold_my_sessions(
    client, other_season_referent, seasons_sessions
):
    _mine, _gone, theirs = seasons_sessions
    _, events = parse(feed_of(client, other_season_referent).content)
    assert [str(event["UID"]) for event in events] == [str(theirs.uid)]


@pytest.mark.parametrize("forge", ["{pk}:forged-signature", "{pk}", "not-a-token", "{token}x"])
def test_forged_feed_token_is_404(client, referent, forge):
    token = forge.format(pk=referent.pk, token=ics.calendar_token(referent))
    assert client.get(reverse("modules:calendar_feed", args=[token])).status_code == 404


def test_token_signed_for_another_purpose_is_404(client, referent):
    from django.core import signing

    token = signing.Signer(salt="essaim.other").sign(str(referent.pk))
    assert client.get(reverse("modules:calendar_feed", args=[token])).status_code == 404


def test_feed_of_a_deactivated_account_is_404(client, referent):
    referent.is_active = False
    referent.save()
    assert feed_of(client, referent).status_code == 404


def test_ansa_feed_holds_every_season(client, ansa, seasons_sessions):
    _, events = parse(feed_of(client, ansa).content)
    assert len(events) == 3


def test_expert_named_on_a_session_sees_it_in_the_feed(client, expert, season, seasons_sessions):
    led = TrainingSessionFactory(season=season, experts=[expert])
    _, events = parse(feed_of(client, expert).content)
    assert [str(event["UID"]) for event in events] == [str(led.uid)]


# --- Pages: who may open what -----------------------------------------------------------------


@pytest.fixture
def people(ansa, expert, leading_expert, referent, other_season_referent, swarmed):
    other_structure = SwarmedMemberFactory(swarmed_structure__season=swarmed.season, referent=True)
    return {
        "ansa": ansa,
        "head_of_network": UserFactory(head_of_network=True),
        "leading_expert": leading_expert,
        "other_expert": expert,
        "referent": referent,
        "referent_of_another_structure": other_structure.user,
        "referent_of_another_season": other_season_referent,
        "anonymous": None,
    }


def status_for(client, user, url, method="get") -> int:
    client.logout()
    if user is not None:
        client.force_login(user)
    return getattr(client, method)(url).status_code


CALENDAR_STATUS = {
    "ansa": 200,
    "head_of_network": 200,
    "leading_expert": 200,
    "other_expert": 404,
    "referent": 200,
    "referent_of_another_structure": 200,
    "referent_of_another_season": 404,
    "anonymous": 302,
}
STAFF_STATUS = {
    "ansa": 200,
    "head_of_network": 403,
    "leading_expert": 403,
    "other_expert": 403,
    "referent": 403,
    "referent_of_another_structure": 403,
    "referent_of_another_season": 403,
    "anonymous": 302,
}


@pytest.mark.parametrize("who", list(CALENDAR_STATUS))
def test_who_sees_the_season_calendar_and_its_sessions(client, people, season, module, who):
    session = TrainingSessionFactory(season=season, module=module)
    urls = [
        reverse("modules:season_calendar", args=[season.slug]),
        reverse("modules:session_detail", args=[session.pk]),
        reverse("modules:session_ics", args=[session.pk]),
    ]
    for url in urls:
        assert status_for(client, people[who], url) == CALENDAR_STATUS[who], url


@pytest.mark.parametrize("who", list(STAFF_STATUS))
def test_only_ansa_opens_the_session_pages_that_change_things(client, people, season, module, who):
    session = TrainingSessionFactory(season=season, module=module)
    urls = [
        reverse("modules:season_sessions", args=[season.slug]),
        reverse("modules:session_edit", args=[session.pk]),
        reverse("modules:session_cancel", args=[session.pk]),
    ]
    for url in urls:
        assert status_for(client, people[who], url) == STAFF_STATUS[who], url


@pytest.mark.parametrize("who", ["leading_expert", "referent", "head_of_network"])
def test_experts_and_referents_cannot_create_a_session(client, people, season, module, who):
    client.force_login(people[who])
    data = form_data(module)
    response = client.post(reverse("modules:season_sessions", args=[season.slug]), data)
    assert response.status_code == 403
    assert not TrainingSession.objects.exists()


def test_unknown_season_and_session_are_404_for_ansa(client, ansa):
    client.force_login(ansa)
    assert client.get(reverse("modules:season_sessions", args=["inconnue"])).status_code == 404
    assert client.get(reverse("modules:session_edit", args=[999999])).status_code == 404
    assert client.get(reverse("modules:season_calendar", args=["inconnue"])).status_code == 404


def test_expert_named_on_a_session_without_leading_its_module_sees_it(
    client, expert, season, module
):
    session = TrainingSessionFactory(season=season, module=module, experts=[expert])
    client.force_login(expert)
    assert client.get(reverse("modules:session_detail", args=[session.pk])).status_code == 200


# --- Pages: what they do ----------------------------------------------------------------------


def form_data(module, **overrides) -> dict:
    start = (timezone.localtime() + datetime.timedelta(days=14)).replace(hour=9, minute=30)
    data = {
        "kind": SessionKind.COLLECTIVE,
        "module": module.pk,
        "title": "Aller vers les employeurs",
        "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
        "ends_at": (start + datetime.timedelta(hours=7)).strftime("%Y-%m-%dT%H:%M"),
        "place_kind": PlaceKind.PAU,
        "address": "Cité multimédia, Pau",
        "online_url": "",
    }
    data.update(overrides)
    return data


def test_ansa_schedules_a_session_from_the_form(
    client, ansa, season, module, expert, referent, django_capture_on_commit_callbacks
):
    sheet = ActionSheetPageFactory(parent=FrameworkPageFactory(parent=module.get_parent()))
    client.force_login(ansa)
    data = form_data(module, experts=[expert.pk], sheets=[sheet.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("modules:season_sessions", args=[season.slug]), data)
    session = TrainingSession.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("modules:session_detail", args=[session.pk])
    assert session.starts_at.astimezone(PARIS).strftime("%H:%M") == "09:30"
    assert list(session.experts.all()) == [expert]
    assert list(session.sheets.all()) == [sheet]
    assert Notification.objects.filter(recipient=referent, kind="session.scheduled").exists()


def test_form_errors_sit_next_to_their_fields_and_nothing_typed_is_lost(
    client, ansa, season, module
):
    client.force_login(ansa)
    data = form_data(
        module,
        place_kind=PlaceKind.ONLINE,
        title="Atelier en visio sur la fidélisation",
        starts_at="2001-01-10T09:30",
        ends_at="2001-01-10T08:30",
    )
    response = client.post(reverse("modules:season_sessions", args=[season.slug]), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert not TrainingSession.objects.exists()
    assert 'id="error-summary"' in html
    assert 'id="id_starts_at_error"' in html
    assert 'id="id_ends_at_error"' in html
    assert 'id="id_online_url_error"' in html
    assert 'aria-invalid="true"' in html
    assert 'value="Atelier en visio sur la fidélisation"' in html
    assert 'value="2001-01-10T09:30"' in html


def test_ansa_moves_a_session_from_the_form(
    client, ansa, season, module, referent, mailoutbox, django_capture_on_commit_callbacks
):
    session = create(ansa, season, module)
    client.force_login(ansa)
    url = reverse("modules:session_edit", args=[session.pk])
    page = client.get(url).content.decode()
    local = session.starts_at.astimezone(PARIS).strftime("%Y-%m-%dT%H:%M")
    assert f'value="{local}"' in page  # shown in Paris time
    later = session.starts_at.astimezone(PARIS) + datetime.timedelta(days=1)
    data = form_data(
        module,
        starts_at=later.strftime("%Y-%m-%dT%H:%M"),
        ends_at=(later + datetime.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
        title=session.title,
    )
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data)
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.sequence == 1
    assert len(mailoutbox) == 1


def test_ansa_cancels_a_session_with_a_reason(client, ansa, season, module, referent):
    session = create(ansa, season, module)
    client.force_login(ansa)
    url = reverse("modules:session_cancel", args=[session.pk])
    response = client.post(url, {"reason": ""})
    assert response.status_code == 200
    assert 'id="id_reason_error"' in response.content.decode()
    response = client.post(url, {"reason": "La salle est indisponible."})
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.status == SessionStatus.CANCELLED
    detail = client.get(reverse("modules:session_detail", args=[session.pk]))
    assert "La salle est indisponible." in page_text(detail)
    assert client.get(reverse("modules:session_edit", args=[session.pk])).status_code == 302


def test_session_page_shows_its_facts_and_the_online_link_to_members(
    client, referent, season, module
):
    session = TrainingSessionFactory(
        season=season,
        module=module,
        place_kind=PlaceKind.ONLINE,
        address="",
        online_url="https://visio.essaim.test/seance-1",
        starts_at=paris(2030, 7, 1, 14, 0),
        ends_at=paris(2030, 7, 1, 17, 0),
    )
    client.force_login(referent)
    response = client.get(reverse("modules:session_detail", args=[session.pk]))
    text = page_text(response)
    assert "https://visio.essaim.test/seance-1" in response.content.decode()
    assert "lundi 1 juillet 2030, de 14 h 00 à 17 h 00" in text
    assert module.title in text


def test_single_session_ics_download(client, referent, season, module):
    session = TrainingSessionFactory(season=season, module=module)
    client.force_login(referent)
    response = client.get(reverse("modules:session_ics", args=[session.pk]))
    assert response["Content-Disposition"].startswith("attachment;")
    calendar, events = parse(response.content)
    assert calendar["METHOD"] == "PUBLISH"
    assert [str(event["UID"]) for event in events] == [str(session.uid)]


def test_calendar_lists_upcoming_first_then_past_and_the_subscription(client, referent, season):
    TrainingSessionFactory(season=season, title="Séance d'hier", held=True)
    TrainingSessionFactory(
        season=season,
        title="Séance lointaine",
        starts_at=timezone.now() + datetime.timedelta(days=30),
        ends_at=timezone.now() + datetime.timedelta(days=30, hours=3),
    )
    TrainingSessionFactory(season=season, title="Séance prochaine")
    client.force_login(referent)
    response = client.get(reverse("modules:season_calendar", args=[season.slug]))
    text = page_text(response)
    html = response.content.decode()
    assert text.index("Séance prochaine") < text.index("Séance lointaine")
    assert text.index("Séance lointaine") < text.index("Séance d'hier")
    feed_path = reverse("modules:calendar_feed", args=[ics.calendar_token(referent)])
    assert 'href="webcal://' in html
    assert f'{feed_path}"' in html


def test_calendar_query_count_stays_the_same_with_more_sessions(
    client, referent, season, module, expert
):
    framework = FrameworkPageFactory(parent=module.get_parent())
    sheets = [ActionSheetPageFactory(parent=framework) for _ in range(2)]

    def add_sessions(count):
        for _ in range(count):
            session = TrainingSessionFactory(season=season, module=module, experts=[expert])
            session.sheets.set(sheets)

    client.force_login(referent)
    url = reverse("modules:season_calendar", args=[season.slug])
    add_sessions(3)
    few = count_queries(client, url)
    add_sessions(12)
    many = count_queries(client, url)
    assert many == few


def test_a_stale_invitation_is_not_sent_once_the_session_changed_again(
    ansa, season, module, referent, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        session = create(ansa, season, module)
        services.session_cancel(actor=ansa, session=session, reason="Salle indisponible.")
    for callback in callbacks:
        callback()
    assert [message.subject for message in mailoutbox] == [
        "[Essaim] Séance annulée\u00a0: Aller vers les employeurs du bassin"
    ]
