"""Attendance at the training-action's sessions: who is expected, marking, the automatic closing
and the season's absentee report.

The rule of the programme: the people expected at a session are the members of the season's
swarmed structures who had joined before it began. Someone who joins later is never expected at,
nor counted absent from, the sessions held before they came.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Case, IntegerField, QuerySet, Value, When
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from modules.models import (
    Attendance,
    AttendanceStatus,
    Season,
    SeasonRole,
    SessionStatus,
    SwarmedMember,
    SwarmedStructure,
    TrainingSession,
)
from modules.permissions import can_mark_attendance
from portal.audit.services import audit_log
from portal.models import User

#: This many absences in a row (excused ones aside) are pointed out in the report.
ABSENCE_SERIES = 2

#: A sign beside each status word, so the report never relies on colour alone.
STATUS_MARKS = {
    AttendanceStatus.PRESENT: "✓",
    AttendanceStatus.LATE: "◔",
    AttendanceStatus.EXCUSED: "○",
    AttendanceStatus.ABSENT: "✗",
}
NOT_EXPECTED_MARK = "—"
NOT_MARKED_MARK = "?"


# --- Selectors ---------------------------------------------------------------------------------


def _people_order() -> tuple:
    """Structure by structure, its referent first, then by name."""
    referent_first = Case(
        When(role=SeasonRole.REFERENT, then=Value(0)), default=Value(1), output_field=IntegerField()
    )
    return (
        "swarmed_structure__structure__name",
        "swarmed_structure_id",
        referent_first,
        "user__last_name",
        "user__first_name",
        "pk",
    )


def season_members(season: Season) -> QuerySet[SwarmedMember]:
    """Every person of the season's swarmed structures, with their user and structure."""
    return (
        SwarmedMember.objects.filter(swarmed_structure__season=season)
        .select_related("user", "swarmed_structure__structure")
        .order_by(*_people_order())
    )


def expected_members(session: TrainingSession) -> QuerySet[SwarmedMember]:
    """The people expected at `session`: the season's members who had joined before it began."""
    return (
        SwarmedMember.objects.filter(
            swarmed_structure__season_id=session.season_id, joined_at__lt=session.starts_at
        )
        .select_related("user", "swarmed_structure__structure")
        .order_by(*_people_order())
    )


def session_attendances(session: TrainingSession) -> dict[int, Attendance]:
    """The rows already marked for `session`, by member id."""
    rows = Attendance.objects.filter(session=session).select_related("marked_by")
    return {row.member_id: row for row in rows}


def held_sessions(season: Season, *, now: datetime | None = None) -> QuerySet[TrainingSession]:
    """The season's sessions that took place (begun, not cancelled), in date order."""
    return TrainingSession.objects.filter(
        season=season, status=SessionStatus.SCHEDULED, starts_at__lte=now or timezone.now()
    ).order_by("starts_at", "pk")


def attendance_refusal(session: TrainingSession, *, now: datetime | None = None) -> str:
    """Why attendance cannot be taken for `session` now, or "" when it can."""
    if session.status == SessionStatus.CANCELLED:
        return _("Cette séance est annulée : il n'y a pas de présences à relever.")
    if (now or timezone.now()) < session.starts_at:
        start = timezone.localtime(session.starts_at)
        return _(
            "La séance n'a pas encore commencé : les présences se relèvent à partir de son "
            "début, le %(date)s à %(time)s."
        ) % {
            "date": formats.date_format(start, "j F Y"),
            "time": formats.time_format(start, "G \\h i"),
        }
    return ""


# --- Marking -----------------------------------------------------------------------------------


def _member_label(member: SwarmedMember) -> str:
    return f"{member.user} (#{member.pk})"


def attendance_mark(
    *, actor: User, session: TrainingSession, statuses: dict[int, str]
) -> list[Attendance]:
    """Record the status of some of the people expected at `session` (during or after it).

    Marking someone again replaces their status, even one set by the automatic closing: the row
    then counts as marked by `actor`. Returns the rows created or changed.
    """
    if not can_mark_attendance(actor, session):
        raise PermissionDenied
    refusal = attendance_refusal(session)
    if refusal:
        raise ValidationError(refusal, code="closed")
    cleaned: dict[int, str] = {}
    errors = []
    for member_id, status in statuses.items():
        if status not in AttendanceStatus.values:
            errors.append(
                ValidationError(
                    _("« %(status)s » n'est pas une présence possible."),
                    code="invalid_status",
                    params={"status": status},
                )
            )
            continue
        try:
            cleaned[int(member_id)] = status
        except (TypeError, ValueError):
            errors.append(ValidationError(_("Une personne inconnue a été marquée."), "unknown"))
    if errors:
        raise ValidationError(errors)

    with transaction.atomic():
        # The lock keeps the automatic closing from marking the same people meanwhile.
        session = TrainingSession.objects.select_for_update().get(pk=session.pk)
        members = {member.pk: member for member in expected_members(session)}
        if set(cleaned) - set(members):
            raise ValidationError(
                _("Seules les personnes attendues à cette séance peuvent être marquées."),
                code="not_expected",
            )
        existing = {row.member_id: row for row in Attendance.objects.filter(session=session)}
        now = timezone.now()
        created, updated, changes = [], [], {}
        for member_id, status in cleaned.items():
            row = existing.get(member_id)
            if row is None:
                row = Attendance(
                    session=session, member_id=member_id, status=status, marked_by=actor
                )
                row.marked_at = now
                created.append(row)
                changes[_member_label(members[member_id])] = [None, status]
                continue
            if row.status == status and not row.automatic:
                continue
            changes[_member_label(members[member_id])] = [row.status, status]
            row.status, row.automatic, row.marked_by, row.marked_at = status, False, actor, now
            updated.append(row)
        Attendance.objects.bulk_create(created)
        Attendance.objects.bulk_update(updated, ["status", "automatic", "marked_by", "marked_at"])
        if changes:
            audit_log(actor=actor, action="attendance.mark", obj=session, changes=changes)
    return created + updated


# --- The automatic closing ---------------------------------------------------------------------


def close_expired_attendance(*, now: datetime | None = None) -> int:
    """Mark absent whoever nobody marked, some hours after each session ended.

    For the scheduled sessions that ended more than ESSAIM_ATTENDANCE_CLOSE_HOURS ago and are
    not closed yet: each expected person without a row is marked absent (automatically); people
    already marked, excused ones included, keep their status. Idempotent: a closed session is
    never looked at again. Returns the number of people marked absent.
    """
    now = now or timezone.now()
    cutoff = now - timedelta(hours=settings.ESSAIM_ATTENDANCE_CLOSE_HOURS)
    due = TrainingSession.objects.filter(
        status=SessionStatus.SCHEDULED, ends_at__lt=cutoff, attendance_closed_at__isnull=True
    ).order_by("ends_at", "pk")
    marked = 0
    for session_id in list(due.values_list("pk", flat=True)):
        with transaction.atomic():
            session = (
                TrainingSession.objects.select_for_update()
                .filter(pk=session_id, attendance_closed_at__isnull=True)
                .first()
            )
            if session is None:  # closed by another run meanwhile
                continue
            already = set(
                Attendance.objects.filter(session=session).values_list("member_id", flat=True)
            )
            absent = [
                Attendance(
                    session=session,
                    member=member,
                    status=AttendanceStatus.ABSENT,
                    automatic=True,
                    marked_at=now,
                )
                for member in expected_members(session)
                if member.pk not in already
            ]
            Attendance.objects.bulk_create(absent)
            session.attendance_closed_at = now
            session.save(update_fields=["attendance_closed_at"])
            audit_log(
                actor=None,
                action="attendance.close",
                obj=session,
                changes={"automatic_absences": [0, len(absent)]},
            )
            marked += len(absent)
    return marked


# --- The absentee report -----------------------------------------------------------------------


@dataclass(frozen=True)
class Cell:
    """One person at one held session."""

    session: TrainingSession
    expected: bool
    status: str  # "" when not expected or not marked yet
    automatic: bool = False
    #: Part of a run of at least ABSENCE_SERIES absences in a row.
    in_series: bool = False

    @property
    def label(self) -> str:
        if not self.expected:
            return _("non attendu·e")
        if not self.status:
            return _("non relevé")
        return str(AttendanceStatus(self.status).label)

    @property
    def mark(self) -> str:
        if not self.expected:
            return NOT_EXPECTED_MARK
        return STATUS_MARKS.get(self.status, NOT_MARKED_MARK)


@dataclass(frozen=True)
class PersonRow:
    member: SwarmedMember
    cells: list[Cell]
    absences: int
    excused: int
    late: int
    longest_series: int

    @property
    def has_series(self) -> bool:
        return self.longest_series >= ABSENCE_SERIES


@dataclass(frozen=True)
class StructureGroup:
    swarmed: SwarmedStructure
    rows: list[PersonRow]

    @property
    def name(self) -> str:
        return self.swarmed.structure.name


@dataclass(frozen=True)
class AbsenteeReport:
    season: Season
    sessions: list[TrainingSession]
    groups: list[StructureGroup]

    @property
    def rows(self) -> list[PersonRow]:
        return [row for group in self.groups for row in group.rows]

    @property
    def with_series(self) -> list[PersonRow]:
        return [row for row in self.rows if row.has_series]


def _person_row(
    member: SwarmedMember, sessions: list[TrainingSession], marks: dict[int, tuple[str, bool]]
) -> PersonRow:
    """`marks`: {session id: (status, automatic)} for this person."""
    expected = [member.joined_at < session.starts_at for session in sessions]
    statuses = [
        marks.get(session.pk, ("", False)) if exp else ("", False)
        for session, exp in zip(sessions, expected, strict=True)
    ]
    # Runs of absences among the sessions the person was expected at; anything else ends a run.
    in_series = [False] * len(sessions)
    run: list[int] = []
    longest = 0
    for index, ((status, _automatic), exp) in enumerate(zip(statuses, expected, strict=True)):
        if not exp:
            continue
        if status == AttendanceStatus.ABSENT:
            run.append(index)
            longest = max(longest, len(run))
            if len(run) >= ABSENCE_SERIES:
                for position in run:
                    in_series[position] = True
        else:
            run = []
    cells = [
        Cell(
            session=session,
            expected=exp,
            status=status,
            automatic=automatic,
            in_series=series,
        )
        for session, exp, (status, automatic), series in zip(
            sessions, expected, statuses, in_series, strict=True
        )
    ]
    counted = [cell.status for cell in cells if cell.expected]
    return PersonRow(
        member=member,
        cells=cells,
        absences=counted.count(AttendanceStatus.ABSENT),
        excused=counted.count(AttendanceStatus.EXCUSED),
        late=counted.count(AttendanceStatus.LATE),
        longest_series=longest,
    )


def absentee_report(season: Season, *, now: datetime | None = None) -> AbsenteeReport:
    """Who missed what across the season's held sessions: three queries, whatever the size."""
    sessions = list(held_sessions(season, now=now))
    members = list(season_members(season))
    marks: dict[int, dict[int, tuple[str, bool]]] = {}
    rows = Attendance.objects.filter(session__in=[session.pk for session in sessions])
    for member_id, session_id, status, automatic in rows.values_list(
        "member_id", "session_id", "status", "automatic"
    ):
        marks.setdefault(member_id, {})[session_id] = (status, automatic)
    groups: list[StructureGroup] = []
    for member in members:
        swarmed = member.swarmed_structure
        if not groups or groups[-1].swarmed.pk != swarmed.pk:
            groups.append(StructureGroup(swarmed=swarmed, rows=[]))
        groups[-1].rows.append(_person_row(member, sessions, marks.get(member.pk, {})))
    return AbsenteeReport(season=season, sessions=sessions, groups=groups)
