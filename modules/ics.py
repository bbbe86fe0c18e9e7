"""iCalendar files of the training-action, built with the icalendar library.

Three uses: the invitation e-mailed on each change of a session (METHOD:REQUEST, or CANCEL), a
session's own file, and each person's subscription feed (METHOD:PUBLISH). Every event carries
the session's `uid` and `sequence`, so a calendar updates the event it already holds rather than
adding a second one. Times are written in UTC: every calendar application reads them the same
way and shows them in its own time zone (Paris time for the programme's people), daylight saving
included, with no VTIMEZONE to interpret.

The feed is read by calendar applications, which cannot log in: its address holds a token
signed with the site's secret (`calendar_token`), which names the person.
"""

import datetime
from collections.abc import Iterable
from email.utils import parseaddr
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vCalAddress, vDuration, vText

from modules.models import PlaceKind, SessionStatus, TrainingSession
from portal.mail import absolute_url

PARIS = ZoneInfo("Europe/Paris")
PRODID = "-//Ansa//Essaim formation-action//FR"
TOKEN_SALT = "essaim.calendar"  # noqa: S105 (a salt, not a secret)
#: How often subscribed calendars should read the feed again.
REFRESH = datetime.timedelta(hours=6)


class Method:
    REQUEST = "REQUEST"
    CANCEL = "CANCEL"
    PUBLISH = "PUBLISH"


# --- The feed's token --------------------------------------------------------------------------


def calendar_token(user) -> str:
    """The person's feed token: always the same for them, so a subscription keeps working."""
    return signing.Signer(salt=TOKEN_SALT).sign(str(user.pk))


def calendar_user_id(token: str) -> int | None:
    """The id of the person a token names, or None when it was not signed here."""
    try:
        value = signing.Signer(salt=TOKEN_SALT).unsign(token)
    except signing.BadSignature:
        return None
    return int(value) if value.isdigit() else None


# --- Events ------------------------------------------------------------------------------------


def session_url(session: TrainingSession) -> str:
    return absolute_url(reverse("modules:session_detail", args=[session.pk]))


def session_location(session: TrainingSession) -> str:
    if session.place_kind == PlaceKind.ONLINE:
        return session.online_url
    if session.address:
        return session.address
    return str(session.get_place_kind_display())


def session_description(session: TrainingSession) -> str:
    """Plain text: what the session is, the sheets it covers, the link, why it was cancelled."""
    lines = [str(session.get_kind_display())]
    if session.module_id:
        lines[0] = f"{lines[0]} — {session.module.title}"
    sheets = list(session.sheets.all())
    if sheets:
        lines.append(
            _("Fiches-actions travaillées : %(sheets)s")
            % {"sheets": ", ".join(f"{sheet.number}. {sheet.title}" for sheet in sheets)}
        )
    experts = list(session.experts.all())
    if experts:
        lines.append(
            _("Animation : %(names)s") % {"names": ", ".join(str(expert) for expert in experts)}
        )
    if session.online_url:
        lines.append(_("Lien de visioconférence : %(url)s") % {"url": session.online_url})
    if session.status == SessionStatus.CANCELLED and session.cancel_reason:
        lines.append(_("Séance annulée : %(reason)s") % {"reason": session.cancel_reason})
    lines.append(_("Sur Essaim : %(url)s") % {"url": session_url(session)})
    return "\n".join(lines)


def session_event(session: TrainingSession) -> Event:
    """The session as one VEVENT; sheets and experts are read from prefetched relations."""
    event = Event()
    event.add("uid", str(session.uid))
    event.add("dtstamp", timezone.now().astimezone(datetime.UTC))
    event.add("dtstart", session.starts_at.astimezone(datetime.UTC))
    event.add("dtend", session.ends_at.astimezone(datetime.UTC))
    event.add("sequence", session.sequence)
    event.add("last-modified", session.updated_at.astimezone(datetime.UTC))
    event.add("summary", session.title)
    event.add("description", session_description(session))
    event.add("location", session_location(session))
    event.add("url", session_url(session))
    cancelled = session.status == SessionStatus.CANCELLED
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    event.add("transp", "TRANSPARENT" if cancelled else "OPAQUE")
    return event


def _calendar(method: str, events: list[Event], *, name: str = "") -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method)
    if name:
        calendar.add("x-wr-calname", name)
        calendar.add("x-wr-timezone", "Europe/Paris")
        calendar.add("refresh-interval", vDuration(REFRESH), parameters={"VALUE": "DURATION"})
        calendar.add("x-published-ttl", vDuration(REFRESH))
    for event in events:
        calendar.add_component(event)
    return calendar.to_ical()


def _organizer() -> vCalAddress:
    name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    organizer = vCalAddress(f"mailto:{address}")
    organizer.params["cn"] = vText(name or "Essaim")
    return organizer


def invitation(session: TrainingSession, *, method: str, attendee) -> bytes:
    """The invitation e-mailed to `attendee`: REQUEST for a new or changed session, CANCEL when
    it is cancelled (or when the person no longer leads it)."""
    event = session_event(session)
    if method == Method.CANCEL:
        event["status"] = "CANCELLED"
    event.add("organizer", _organizer())
    guest = vCalAddress(f"mailto:{attendee.email}")
    guest.params["cn"] = vText(str(attendee))
    guest.params["role"] = vText("REQ-PARTICIPANT")
    guest.params["partstat"] = vText("NEEDS-ACTION")
    guest.params["rsvp"] = vText("FALSE")
    event.add("attendee", guest)
    return _calendar(method, [event])


def session_file(session: TrainingSession) -> bytes:
    """One session to add to a calendar by hand."""
    return _calendar(Method.PUBLISH, [session_event(session)])


def feed(sessions: Iterable[TrainingSession], *, name: str) -> bytes:
    """A person's subscription: every session they may see, cancelled ones marked so."""
    return _calendar(Method.PUBLISH, [session_event(session) for session in sessions], name=name)
