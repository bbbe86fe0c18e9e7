"""A season's sessions: Ansa schedules, moves and cancels them; everyone concerned hears of it.

Each change is checked, written in one transaction and audited; every member of the season and
every expert of the session gets a notification (category TRAINING) and, once the transaction
commits, an e-mail carrying the calendar invitation (.ics). That e-mail stands for the
notification's own: the notification is marked e-mailed, so nobody gets the news twice. People
who turned training e-mails off keep the notification in Essaim and their calendar feed.

When sessions may take place is `season_window`: from the first day of the training-action to
the end of its last day or of the national exchange day, whichever comes later (Paris time).
"""

import datetime
import logging
from collections.abc import Iterable
from email.mime.text import MIMEText
from functools import partial

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from modules import ics, permissions
from modules.models import (
    ModuleLead,
    ModulePage,
    PlaceKind,
    Season,
    SessionKind,
    SessionStatus,
    SwarmedMember,
    TrainingSession,
)
from portal.audit.services import audit_log, changed_fields
from portal.enums import DeliveryMode, NotificationCategory
from portal.mail import absolute_url, templated_email
from portal.models import Notification, User
from portal.notifications.services import notification_create
from portal.roles import Role, has_role, is_ansa

logger = logging.getLogger(__name__)

#: The fields of a session a form may set; `experts` and `sheets` are lists.
SESSION_FIELDS = (
    "kind",
    "module",
    "title",
    "starts_at",
    "ends_at",
    "place_kind",
    "address",
    "online_url",
)
#: Mail clients and servers must not answer these messages automatically (RFC 3834).
HEADERS = {"Auto-Submitted": "auto-generated"}


class Announcement:
    """What happened to a session, as notifications and e-mails tell it."""

    SCHEDULED = "scheduled"
    MOVED = "moved"
    UPDATED = "updated"
    CANCELLED = "cancelled"
    #: An expert taken off a session: their calendar drops it.
    WITHDRAWN = "withdrawn"


# --- Reading -----------------------------------------------------------------------------------


def season_window(season: Season) -> tuple[datetime.datetime, datetime.datetime] | None:
    """[start, end) of the season's sessions, or None while its training dates are not set."""
    last_days = [day for day in (season.training_end, season.exchange_day) if day]
    if season.training_start is None or not last_days:
        return None
    start = datetime.datetime.combine(season.training_start, datetime.time.min, tzinfo=ics.PARIS)
    after = max(last_days) + datetime.timedelta(days=1)
    return start, datetime.datetime.combine(after, datetime.time.min, tzinfo=ics.PARIS)


def season_days(season: Season) -> tuple[datetime.date, datetime.date] | None:
    """The first and last days (inclusive) of `season_window`, as forms and pages state them."""
    window = season_window(season)
    if window is None:
        return None
    return window[0].date(), (window[1] - datetime.timedelta(days=1)).date()


def _with_details(sessions: QuerySet[TrainingSession]) -> QuerySet[TrainingSession]:
    return sessions.select_related("season", "module").prefetch_related("experts", "sheets")


def season_sessions(*, season: Season) -> QuerySet[TrainingSession]:
    return _with_details(TrainingSession.objects.filter(season=season)).order_by("starts_at")


def season_calendar(
    *, season: Season, now: datetime.datetime | None = None
) -> tuple[list[TrainingSession], list[TrainingSession]]:
    """(upcoming sessions, soonest first; past ones, latest first). A session under way is
    upcoming until it ends."""
    now = now or timezone.now()
    sessions = list(season_sessions(season=season))
    upcoming = [session for session in sessions if session.ends_at > now]
    past = [session for session in reversed(sessions) if session.ends_at <= now]
    return upcoming, past


def session_get(*, pk: int) -> TrainingSession:
    return _with_details(TrainingSession.objects.all()).get(pk=pk)


def can_see_session(user, session: TrainingSession) -> bool:
    """Whoever may see its season, and the experts named on it (even when they lead no module)."""
    if permissions.can_see_season(user, session.season):
        return True
    return bool(getattr(user, "is_authenticated", False)) and any(
        expert.pk == user.pk for expert in session.experts.all()
    )


def visible_seasons(user) -> QuerySet[Season]:
    """The seasons whose calendar `user` may see (`permissions.can_see_season`)."""
    if not getattr(user, "is_authenticated", False):
        return Season.objects.none()
    if is_ansa(user) or has_role(user, Role.HEAD_OF_NETWORK):
        return Season.objects.all()
    member_of = SwarmedMember.objects.filter(user=user).values("swarmed_structure__season")
    leading = ModuleLead.objects.filter(expert=user).values("season")
    return Season.objects.filter(Q(pk__in=member_of) | Q(pk__in=leading))


def feed_sessions(user) -> QuerySet[TrainingSession]:
    """A person's calendar feed: the sessions of their seasons and those they lead."""
    named = TrainingSession.experts.through.objects.filter(user=user).values("trainingsession")
    sessions = TrainingSession.objects.filter(Q(season__in=visible_seasons(user)) | Q(pk__in=named))
    return _with_details(sessions).order_by("starts_at")


def session_recipients(session: TrainingSession) -> list[User]:
    """Every member of the season and every expert of the session, once each."""
    members = User.objects.filter(
        is_active=True, season_memberships__swarmed_structure__season=session.season_id
    )
    people = {user.pk: user for user in members}
    for expert in session.experts.filter(is_active=True):
        people.setdefault(expert.pk, expert)
    return sorted(people.values(), key=lambda user: (user.last_name, user.first_name, user.pk))


def expert_choices() -> QuerySet[User]:
    """The people who may lead a module or a session: A.CO.R's experts."""
    return User.objects.filter(is_active=True, groups__name=Role.EXPERT.value).order_by(
        "last_name", "first_name", "email"
    )


# --- Describing a session -------------------------------------------------------------------


def _day(moment: datetime.datetime) -> str:
    return formats.date_format(moment.astimezone(ics.PARIS), "l j F Y")


def _hour(moment: datetime.datetime) -> str:
    return formats.date_format(moment.astimezone(ics.PARIS), "G \\h i")


def session_when(session: TrainingSession) -> str:
    """« le jeudi 12 mars 2027, de 9 h 30 à 16 h 30 (heure de Paris) »."""
    start, end = session.starts_at, session.ends_at
    if start.astimezone(ics.PARIS).date() == end.astimezone(ics.PARIS).date():
        return _("le %(day)s, de %(start)s à %(end)s (heure de Paris)") % {
            "day": _day(start),
            "start": _hour(start),
            "end": _hour(end),
        }
    return _("du %(start_day)s, %(start)s, au %(end_day)s, %(end)s (heure de Paris)") % {
        "start_day": _day(start),
        "start": _hour(start),
        "end_day": _day(end),
        "end": _hour(end),
    }


def session_where(session: TrainingSession) -> str:
    if session.place_kind == PlaceKind.ONLINE:
        return _("en ligne (le lien est sur la page de la séance)")
    if session.address:
        return session.address
    return str(session.get_place_kind_display())


def _message(session: TrainingSession, announcement: str) -> tuple[str, str]:
    """The notification's (title, body) for an announcement."""
    facts = {"title": session.title, "when": session_when(session), "where": session_where(session)}
    if announcement == Announcement.SCHEDULED:
        title = _("Nouvelle séance : %(title)s") % facts
        body = _("%(title)s, %(when)s ; lieu : %(where)s.") % facts
    elif announcement == Announcement.MOVED:
        title = _("Séance déplacée : %(title)s") % facts
        body = _("Nouvelle date : %(when)s ; lieu : %(where)s.") % facts
    elif announcement == Announcement.UPDATED:
        title = _("Séance modifiée : %(title)s") % facts
        body = _("%(title)s, %(when)s ; lieu : %(where)s.") % facts
    elif announcement == Announcement.CANCELLED:
        title = _("Séance annulée : %(title)s") % facts
        body = _("La séance prévue %(when)s est annulée. Motif : %(reason)s") % {
            **facts,
            "reason": session.cancel_reason,
        }
    else:
        title = _("Vous n'animez plus la séance : %(title)s") % facts
        body = _("La séance prévue %(when)s a lieu sans vous ; elle quitte votre agenda.") % facts
    return title, body


# --- Validation ------------------------------------------------------------------------------


def _validate(season: Season, data: dict) -> None:
    errors: dict[str, list[str]] = {}

    def error(field: str, message: str) -> None:
        errors.setdefault(field, []).append(message)

    if not (data.get("title") or "").strip():
        error("title", _("Donnez un intitulé à la séance."))
    if data.get("kind") not in SessionKind.values:
        error("kind", _("Choisissez le type de séance."))
    module = data.get("module")
    if data.get("kind") == SessionKind.COLLECTIVE and module is None:
        error("module", _("Choisissez le module de cette séance collective."))
    if module is not None and not isinstance(module, ModulePage):
        error("module", _("Choisissez un module de la formation-action."))
    starts_at, ends_at = data.get("starts_at"), data.get("ends_at")
    if starts_at is None:
        error("starts_at", _("Indiquez le début de la séance."))
    if ends_at is None:
        error("ends_at", _("Indiquez la fin de la séance."))
    if starts_at and ends_at:
        if ends_at <= starts_at:
            error("ends_at", _("La fin de la séance doit suivre son début."))
        window = season_window(season)
        if window is None:
            error(
                NON_FIELD_ERRORS,
                _(
                    "Les dates de la formation-action de cette saison ne sont pas encore fixées : "
                    "renseignez-les avant de programmer une séance."
                ),
            )
        else:
            first, after = window
            message = _(
                "Une séance se tient pendant la formation-action de la saison, "
                "du %(start)s au %(end)s inclus (heure de Paris)."
            ) % {
                "start": formats.date_format(first, "j F Y"),
                "end": formats.date_format(after - datetime.timedelta(days=1), "j F Y"),
            }
            if starts_at < first or starts_at >= after:
                error("starts_at", message)
            if ends_at > after or ends_at <= first:
                error("ends_at", message)
    place_kind = data.get("place_kind")
    if place_kind not in PlaceKind.values:
        error("place_kind", _("Choisissez le lieu de la séance."))
    if place_kind == PlaceKind.ONLINE and not (data.get("online_url") or "").strip():
        error("online_url", _("Indiquez le lien de visioconférence d'une séance en ligne."))
    if place_kind == PlaceKind.TERRITORY and not (data.get("address") or "").strip():
        error("address", _("Indiquez l'adresse de la séance dans le territoire."))
    experts = list(data.get("experts") or [])
    allowed = set(
        expert_choices().filter(pk__in=[e.pk for e in experts]).values_list("pk", flat=True)
    )
    if any(expert.pk not in allowed for expert in experts):
        error("experts", _("Choisissez des expert·es d'A.CO.R."))
    if errors:
        raise ValidationError(errors)


def _clean(data: dict) -> dict:
    cleaned = {name: data.get(name) for name in SESSION_FIELDS}
    cleaned["title"] = (cleaned["title"] or "").strip()
    cleaned["address"] = (cleaned["address"] or "").strip()
    cleaned["online_url"] = (cleaned["online_url"] or "").strip()
    if cleaned["place_kind"] == PlaceKind.ONLINE:
        cleaned["address"] = ""
    return cleaned


def _state(session: TrainingSession) -> dict:
    """What a change is measured against: the fields, the experts and the sheets."""
    state = {name: getattr(session, name) for name in SESSION_FIELDS if name != "module"}
    state["module"] = session.module_id
    state["experts"] = sorted(expert.pk for expert in session.experts.all())
    state["sheets"] = sorted(sheet.pk for sheet in session.sheets.all())
    return state


def _check_manager(actor: User) -> None:
    if not permissions.can_manage_season(actor):
        raise PermissionDenied


# --- Acts ------------------------------------------------------------------------------------


def session_create(
    *,
    actor: User,
    season: Season,
    kind: str,
    title: str,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    place_kind: str,
    module: ModulePage | None = None,
    address: str = "",
    online_url: str = "",
    experts: Iterable[User] = (),
    sheets: Iterable = (),
) -> TrainingSession:
    """Schedule a session; the season's members and its experts get the invitation."""
    _check_manager(actor)
    experts, sheets = list(experts), list(sheets)
    data = {
        "kind": kind,
        "module": module,
        "title": title,
        "starts_at": starts_at,
        "ends_at": ends_at,
        "place_kind": place_kind,
        "address": address,
        "online_url": online_url,
        "experts": experts,
    }
    _validate(season, data)
    with transaction.atomic():
        session = TrainingSession.objects.create(season=season, **_clean(data))
        session.experts.set(experts)
        session.sheets.set(sheets)
        audit_log(
            actor=actor,
            action="session.create",
            obj=session,
            changes=changed_fields({}, {**_state(session), "season": season.pk}),
        )
        _announce(session, Announcement.SCHEDULED, session_recipients(session))
    return session


def session_update(
    *,
    actor: User,
    session: TrainingSession,
    kind: str,
    title: str,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    place_kind: str,
    module: ModulePage | None = None,
    address: str = "",
    online_url: str = "",
    experts: Iterable[User] = (),
    sheets: Iterable = (),
) -> TrainingSession:
    """Move or change a session: its SEQUENCE goes up and everyone gets the new invitation;
    an expert taken off it gets a cancellation. Saving it unchanged tells nobody anything."""
    _check_manager(actor)
    experts, sheets = list(experts), list(sheets)
    data = {
        "kind": kind,
        "module": module,
        "title": title,
        "starts_at": starts_at,
        "ends_at": ends_at,
        "place_kind": place_kind,
        "address": address,
        "online_url": online_url,
        "experts": experts,
    }
    with transaction.atomic():
        locked = TrainingSession.objects.select_for_update().get(pk=session.pk)
        if locked.status == SessionStatus.CANCELLED:
            raise ValidationError(_("Une séance annulée ne se modifie plus."))
        _validate(locked.season, data)
        before = _state(locked)
        cleaned = _clean(data)
        after = {
            **{name: value for name, value in cleaned.items() if name != "module"},
            "module": module.pk if module is not None else None,
            "experts": sorted(expert.pk for expert in experts),
            "sheets": sorted(sheet.pk for sheet in sheets),
        }
        changes = changed_fields(before, after)
        if not changes:
            return locked
        previous_experts = list(locked.experts.all())
        for name, value in cleaned.items():
            setattr(locked, name, value)
        locked.sequence += 1
        locked.save()
        locked.experts.set(experts)
        locked.sheets.set(sheets)
        moved = "starts_at" in changes or "ends_at" in changes
        audit_log(
            actor=actor,
            action="session.move" if moved else "session.update",
            obj=locked,
            changes={**changes, "sequence": [locked.sequence - 1, locked.sequence]},
        )
        locked = session_get(pk=locked.pk)
        recipients = session_recipients(locked)
        _announce(locked, Announcement.MOVED if moved else Announcement.UPDATED, recipients)
        kept = {user.pk for user in recipients}
        withdrawn = [expert for expert in previous_experts if expert.pk not in kept]
        _announce(locked, Announcement.WITHDRAWN, withdrawn)
    return locked


def session_cancel(*, actor: User, session: TrainingSession, reason: str) -> TrainingSession:
    """Cancel a session for a stated reason; everyone's calendar marks it cancelled."""
    _check_manager(actor)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Indiquez pourquoi la séance est annulée.")})
    with transaction.atomic():
        locked = TrainingSession.objects.select_for_update().get(pk=session.pk)
        if locked.status == SessionStatus.CANCELLED:
            raise ValidationError(_("Cette séance est déjà annulée."))
        locked.status = SessionStatus.CANCELLED
        locked.cancel_reason = reason[:300]
        locked.sequence += 1
        locked.save(update_fields=["status", "cancel_reason", "sequence", "updated_at"])
        audit_log(
            actor=actor,
            action="session.cancel",
            obj=locked,
            changes={
                "status": [SessionStatus.SCHEDULED.value, SessionStatus.CANCELLED.value],
                "cancel_reason": ["", locked.cancel_reason],
                "sequence": [locked.sequence - 1, locked.sequence],
            },
        )
        _announce(locked, Announcement.CANCELLED, session_recipients(locked))
    return locked


# --- Telling people --------------------------------------------------------------------------


def _announce(session: TrainingSession, announcement: str, recipients: Iterable[User]) -> None:
    """Notify each person now; e-mail each their invitation once the transaction commits."""
    with translation.override(settings.LANGUAGE_CODE):
        title, body = _message(session, announcement)
        url = reverse("modules:session_detail", args=[session.pk])
    for user in recipients:
        notification = notification_create(
            recipient=user,
            category=NotificationCategory.TRAINING,
            kind=f"session.{announcement}",
            title=title,
            body=body,
            url=url,
            target=session,
        )
        if notification.delivery == DeliveryMode.OFF or not user.email:
            continue
        # The invitation is this notification's e-mail: neither the immediate e-mail nor the
        # digest sends it again.
        Notification.objects.filter(pk=notification.pk).update(emailed_at=timezone.now())
        transaction.on_commit(
            partial(
                session_send_invitation,
                session_id=session.pk,
                user_id=user.pk,
                announcement=announcement,
                sequence=session.sequence,
            ),
            robust=True,
        )


def _ics_part(content: bytes, method: str) -> MIMEText:
    part = MIMEText(content.decode(), "calendar", "utf-8")
    part.set_param("method", method)
    part.add_header("Content-Disposition", "attachment", filename="invitation.ics")
    return part


def session_send_invitation(
    *, session_id: int, user_id: int, announcement: str, sequence: int
) -> None:
    """E-mail one person the session's invitation (or its cancellation) as it stands now.

    A session changed again before this e-mail left is not described twice: the later change's
    own e-mail carries the news.
    """
    session = session_get(pk=session_id)
    if session.sequence != sequence:
        return
    user = User.objects.get(pk=user_id)
    if not user.is_active or not user.email:
        return
    cancelled = session.status == SessionStatus.CANCELLED
    method = (
        ics.Method.CANCEL
        if cancelled or announcement == Announcement.WITHDRAWN
        else ics.Method.REQUEST
    )
    with translation.override(settings.LANGUAGE_CODE):
        title, body = _message(session, announcement)
        message = templated_email(
            to=[user.email],
            subject=f"{settings.EMAIL_SUBJECT_PREFIX}{title}",
            template="modules/session_invitation",
            context={
                "recipient": user,
                "session": session,
                "title": title,
                "body": body,
                "when": session_when(session),
                "where": session_where(session),
                "cancelled": method == ics.Method.CANCEL,
                "link": ics.session_url(session),
                "calendar_url": absolute_url(
                    reverse("modules:season_calendar", args=[session.season.slug])
                ),
                "site_url": absolute_url("/"),
                "centre_url": absolute_url(reverse("notifications:list")),
                "preferences_url": absolute_url(reverse("notifications:preferences")),
            },
            headers=HEADERS,
        )
        message.attach(_ics_part(ics.invitation(session, method=method, attendee=user), method))
    message.send()
