"""Progress in the training-action: attendance, intersession work and the coverage matrix.

What the figures mean (the programme's definitions, in one place)
=================================================================

Held sessions
    The season's sessions that are scheduled (not cancelled) and have already started. Sessions
    still to come count for nothing yet; a cancelled session never counts.

Attended
    A person attended a session when their attendance reads « présent·e » or « en retard ».
    « Excusé·e », « absent·e » and an attendance nobody has marked yet all count as not attended.

Expected (late enrolment)
    A person is expected at the held sessions that started after they joined the season
    (`SwarmedMember.joined_at`). The sessions held before they joined never count against them;
    should they have come to one all the same, it counts for them (attended, and so expected).

Attendance rate
    Of a person: sessions attended ÷ sessions expected. Of a structure: the same two sums over its
    people (three people expected at four sessions each: attended out of twelve). While no
    session is expected there is no rate yet (shown « — »).

Intersession work
    Per structure, out of all the season's assignments: how many the expert validated
    (« validé »), how many were handed in and wait for the expert's review, how many were sent
    back (« à reprendre »).

Coverage matrix
    Rows: the framework's action sheets (the live sheets in French, in number order: 13 today).
    Columns: the held sessions that worked on at least one sheet (`TrainingSession.sheets`).
    For a person, a sheet is « couverte » once they attended at least one held session on it;
    otherwise it reads « rien suivi pour l'instant » (« nothing attended yet on sheet 7 »). For a
    structure, a sheet is covered once one of its people covered it. `coverage_matrix()` computes
    it in a constant number of queries, whatever the number of people, sessions and sheets.

Last activity
    Of a structure: the latest of an attendance of one of its people marked « présent·e » or
    « en retard », and a change to one of its submissions. Absences (above all those marked
    automatically once a session is over) are not activity.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Exists, F, OuterRef, Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from curriculum.models import ActionSheetPage
from modules.models import (
    Assignment,
    Attendance,
    AttendanceStatus,
    ModuleLead,
    Season,
    SeasonRole,
    SessionStatus,
    Submission,
    SubmissionStatus,
    SwarmedMember,
    SwarmedStructure,
    TrainingSession,
)

#: The statuses that count as having attended a session.
ATTENDED = frozenset({AttendanceStatus.PRESENT, AttendanceStatus.LATE})
#: The coverage matrix reads the framework in its reference language.
SHEETS_LANGUAGE = "fr"

#: A person at a held session that nobody marked yet, or that began before they joined.
UNMARKED = "unmarked"
NOT_EXPECTED = "not_expected"
PRESENCE_LABELS = {
    **dict(AttendanceStatus.choices),
    UNMARKED: _("non marquée"),
    NOT_EXPECTED: _("pas encore dans la saison"),
}
#: A sign beside each word, so that no status rests on colour alone.
PRESENCE_MARKS = {
    AttendanceStatus.PRESENT: "✓",
    AttendanceStatus.LATE: "◔",
    AttendanceStatus.EXCUSED: "○",
    AttendanceStatus.ABSENT: "✗",
    UNMARKED: "?",
    NOT_EXPECTED: "—",
}

#: A structure's work on an assignment it has not opened yet.
NOT_STARTED = "not_started"
WORK_LABELS = {**dict(SubmissionStatus.choices), NOT_STARTED: _("Pas commencé")}
WORK_MARKS = {
    SubmissionStatus.VALIDATED: "✓",
    SubmissionStatus.SUBMITTED: "◐",
    SubmissionStatus.CHANGES_REQUESTED: "↺",
    SubmissionStatus.DRAFT: "✎",
    NOT_STARTED: "○",
}
#: Work in these states is in the expert's hands or done: nothing is due from the structure.
HANDED_IN = frozenset({SubmissionStatus.SUBMITTED, SubmissionStatus.VALIDATED})


def _percent(part: int, whole: int) -> int | None:
    return round(100 * part / whole) if whole else None


# --- The pieces ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Presence:
    """One person at one held session."""

    session: TrainingSession
    #: An `AttendanceStatus` value, `UNMARKED` or `NOT_EXPECTED`.
    state: str
    #: The session started after the person joined the season.
    expected: bool
    marked_at: datetime | None = None

    @property
    def attended(self) -> bool:
        return self.state in ATTENDED

    @property
    def counts(self) -> bool:
        """Part of the person's attendance rate (expected, or attended all the same)."""
        return self.expected or self.attended

    @property
    def label(self) -> str:
        return PRESENCE_LABELS[self.state]

    @property
    def mark(self) -> str:
        return PRESENCE_MARKS[self.state]


@dataclass(frozen=True)
class SheetRow:
    """A sheet in one person's coverage matrix."""

    sheet: ActionSheetPage
    #: One per column of the matrix: the person at that session, None if it skipped the sheet.
    cells: tuple[Presence | None, ...]

    @property
    def covered(self) -> bool:
        return any(cell is not None and cell.attended for cell in self.cells)

    @property
    def held(self) -> bool:
        """At least one held session worked on the sheet."""
        return any(cell is not None for cell in self.cells)


@dataclass(frozen=True)
class PersonProgress:
    member: SwarmedMember
    #: One per held session of the season, in order.
    presences: tuple[Presence, ...]
    #: The person's coverage matrix, one row per sheet.
    sheets: tuple[SheetRow, ...]

    @property
    def expected_count(self) -> int:
        return sum(1 for presence in self.presences if presence.counts)

    @property
    def attended_count(self) -> int:
        return sum(1 for presence in self.presences if presence.attended)

    @property
    def rate(self) -> int | None:
        """Attendance rate in percent, None while no session is expected."""
        return _percent(self.attended_count, self.expected_count)

    @property
    def sheets_covered(self) -> int:
        return sum(1 for row in self.sheets if row.covered)

    @property
    def last_attended_at(self) -> datetime | None:
        return max(
            (p.marked_at for p in self.presences if p.attended and p.marked_at), default=None
        )


@dataclass(frozen=True)
class CoverageMatrix:
    sheets: tuple[ActionSheetPage, ...]
    #: The season's held sessions.
    sessions: tuple[TrainingSession, ...]
    #: The held sessions that worked on at least one sheet: the matrix's columns.
    columns: tuple[TrainingSession, ...]
    people: tuple[PersonProgress, ...]


@dataclass(frozen=True)
class StructureSheetRow:
    """A sheet in a structure's coverage: who of its people covered it."""

    sheet: ActionSheetPage
    #: One per person of the structure, in the order of `StructureProgress.people`.
    covered_by: tuple[bool, ...]

    @property
    def covered(self) -> bool:
        return any(self.covered_by)


@dataclass(frozen=True)
class WorkRow:
    """A structure's work on one of the season's assignments."""

    assignment: Assignment
    submission: Submission | None
    now: datetime

    @property
    def state(self) -> str:
        return self.submission.status if self.submission else NOT_STARTED

    @property
    def label(self) -> str:
        return WORK_LABELS[self.state]

    @property
    def mark(self) -> str:
        return WORK_MARKS[self.state]

    @property
    def due(self) -> bool:
        """The structure still has to hand it in."""
        return self.state not in HANDED_IN

    @property
    def overdue(self) -> bool:
        return self.due and self.assignment.due_at < self.now


@dataclass(frozen=True)
class StructureProgress:
    swarmed: SwarmedStructure
    people: tuple[PersonProgress, ...]
    sheets: tuple[StructureSheetRow, ...]
    work: tuple[WorkRow, ...]

    @property
    def expected_count(self) -> int:
        return sum(person.expected_count for person in self.people)

    @property
    def attended_count(self) -> int:
        return sum(person.attended_count for person in self.people)

    @property
    def rate(self) -> int | None:
        return _percent(self.attended_count, self.expected_count)

    def _count(self, state: str) -> int:
        return sum(1 for row in self.work if row.state == state)

    @property
    def validated(self) -> int:
        return self._count(SubmissionStatus.VALIDATED)

    @property
    def awaiting_review(self) -> int:
        return self._count(SubmissionStatus.SUBMITTED)

    @property
    def changes_requested(self) -> int:
        return self._count(SubmissionStatus.CHANGES_REQUESTED)

    @property
    def assignments_total(self) -> int:
        return len(self.work)

    @property
    def work_due(self) -> list[WorkRow]:
        """What the structure still has to hand in, the soonest due first."""
        return [row for row in self.work if row.due]

    @property
    def sheets_covered(self) -> int:
        return sum(1 for row in self.sheets if row.covered)

    @property
    def sheets_total(self) -> int:
        return len(self.sheets)

    @property
    def last_activity(self) -> datetime | None:
        moments = [person.last_attended_at for person in self.people]
        moments += [row.submission.updated_at for row in self.work if row.submission]
        return max((moment for moment in moments if moment), default=None)


@dataclass(frozen=True)
class SeasonProgress:
    season: Season
    sheets: tuple[ActionSheetPage, ...]
    sessions: tuple[TrainingSession, ...]
    columns: tuple[TrainingSession, ...]
    assignments: tuple[Assignment, ...]
    structures: tuple[StructureProgress, ...]


# --- Queries ------------------------------------------------------------------------------------


def action_sheets() -> list[ActionSheetPage]:
    """The rows of every coverage matrix: the live French sheets, in number order."""
    return list(
        ActionSheetPage.objects.live()
        .filter(locale__language_code=SHEETS_LANGUAGE)
        .defer("content")
        .order_by("number", "path")
    )


def held_sessions(season: Season, *, now: datetime | None = None) -> list[TrainingSession]:
    """The season's sessions that count: scheduled and already started."""
    return list(
        TrainingSession.objects.filter(
            season=season,
            status=SessionStatus.SCHEDULED,
            starts_at__lte=now or timezone.now(),
        ).order_by("starts_at", "pk")
    )


def _sheet_keys(sessions: list[TrainingSession]) -> dict[int, set]:
    """{session id: translation keys of its sheets}: a sheet linked in English still counts."""
    links = TrainingSession.sheets.through.objects.filter(
        trainingsession_id__in=[session.pk for session in sessions]
    ).values_list("trainingsession_id", "actionsheetpage__translation_key")
    keys: dict[int, set] = defaultdict(set)
    for session_id, key in links:
        keys[session_id].add(key)
    return keys


def _attendance(members: list[SwarmedMember], sessions: list[TrainingSession]) -> dict:
    """{(member id, session id): (status, marked at)}."""
    rows = Attendance.objects.filter(
        member_id__in=[member.pk for member in members],
        session_id__in=[session.pk for session in sessions],
    ).values_list("member_id", "session_id", "status", "marked_at")
    return {(member_id, session_id): (status, at) for member_id, session_id, status, at in rows}


def _presence(member: SwarmedMember, session: TrainingSession, marked) -> Presence:
    expected = session.starts_at > member.joined_at
    status, marked_at = marked or (None, None)
    if status in ATTENDED:
        state = status
    elif not expected:
        state = NOT_EXPECTED
    else:
        state = status or UNMARKED
    return Presence(session=session, state=state, expected=expected, marked_at=marked_at)


def _referent_first(members: Iterable[SwarmedMember]) -> list[SwarmedMember]:
    return sorted(
        members,
        key=lambda m: (
            m.role != SeasonRole.REFERENT,
            m.user.last_name.lower(),
            m.user.first_name.lower(),
            m.pk,
        ),
    )


def _matrix(sheets, sessions, keys, members, attendance) -> CoverageMatrix:
    sheet_keys = {sheet.translation_key for sheet in sheets}
    columns = [session for session in sessions if keys.get(session.pk, set()) & sheet_keys]
    people = []
    for member in members:
        presences = tuple(
            _presence(member, session, attendance.get((member.pk, session.pk)))
            for session in sessions
        )
        by_session = {presence.session.pk: presence for presence in presences}
        rows = tuple(
            SheetRow(
                sheet=sheet,
                cells=tuple(
                    by_session[column.pk] if sheet.translation_key in keys[column.pk] else None
                    for column in columns
                ),
            )
            for sheet in sheets
        )
        people.append(PersonProgress(member=member, presences=presences, sheets=rows))
    return CoverageMatrix(
        sheets=tuple(sheets), sessions=tuple(sessions), columns=tuple(columns), people=tuple(people)
    )


def coverage_matrix(
    *, season: Season, members: Iterable[SwarmedMember], now: datetime | None = None
) -> CoverageMatrix:
    """The coverage matrix (and attendance) of `members` in `season`, in four queries.

    `members` come with their `user` loaded; the people keep their order, referent first.
    """
    members = _referent_first(members)
    sheets = action_sheets()
    sessions = held_sessions(season, now=now)
    return _matrix(sheets, sessions, _sheet_keys(sessions), members, _attendance(members, sessions))


def structure_sheets(people: Iterable[PersonProgress]) -> tuple[StructureSheetRow, ...]:
    """A structure's coverage from its people's: a sheet is covered once one of them covered it."""
    people = list(people)
    if not people:
        return ()
    return tuple(
        StructureSheetRow(sheet=rows[0].sheet, covered_by=tuple(row.covered for row in rows))
        for rows in zip(*(person.sheets for person in people), strict=True)
    )


def by_session(
    sessions: Iterable[TrainingSession], people: Iterable[PersonProgress]
) -> list[tuple[TrainingSession, tuple[Presence, ...]]]:
    """The attendance table turned round: for each held session, each person's presence."""
    people = list(people)
    return [
        (session, tuple(person.presences[index] for person in people))
        for index, session in enumerate(sessions)
    ]


def season_progress(
    *, season: Season, swarmed_id: int | None = None, now: datetime | None = None
) -> SeasonProgress:
    """Every swarmed structure of `season` (or only `swarmed_id`) at a glance.

    A constant number of queries (eight) whatever the number of structures, people, sessions
    and assignments. With `swarmed_id` of another season, `structures` is empty.
    """
    now = now or timezone.now()
    structures = SwarmedStructure.objects.filter(season=season).select_related("structure")
    if swarmed_id is not None:
        structures = structures.filter(pk=swarmed_id)
    structures = list(
        structures.prefetch_related(
            Prefetch("members", queryset=SwarmedMember.objects.select_related("user"))
        ).order_by("structure__name", "pk")
    )
    members = [member for swarmed in structures for member in swarmed.members.all()]
    matrix = coverage_matrix(season=season, members=members, now=now)
    assignments = list(
        Assignment.objects.filter(season=season).select_related("module").order_by("due_at", "pk")
    )
    submissions = {
        (submission.swarmed_structure_id, submission.assignment_id): submission
        for submission in Submission.objects.filter(
            assignment__season=season, swarmed_structure__in=[s.pk for s in structures]
        ).defer("text", "text_html")
    }
    people_of: dict[int, list[PersonProgress]] = defaultdict(list)
    for person in matrix.people:
        people_of[person.member.swarmed_structure_id].append(person)
    progress = []
    for swarmed in structures:
        people = tuple(people_of[swarmed.pk])
        work = tuple(
            WorkRow(
                assignment=assignment,
                submission=submissions.get((swarmed.pk, assignment.pk)),
                now=now,
            )
            for assignment in assignments
        )
        progress.append(
            StructureProgress(
                swarmed=swarmed,
                people=people,
                sheets=structure_sheets(people)
                or tuple(StructureSheetRow(sheet=s, covered_by=()) for s in matrix.sheets),
                work=work,
            )
        )
    return SeasonProgress(
        season=season,
        sheets=matrix.sheets,
        sessions=matrix.sessions,
        columns=matrix.columns,
        assignments=tuple(assignments),
        structures=tuple(progress),
    )


# --- A member's side ----------------------------------------------------------------------------


def memberships_of(user) -> list[SwarmedMember]:
    """The user's places in the seasons, the most recent season first."""
    if not getattr(user, "is_authenticated", False):
        return []
    return list(
        SwarmedMember.objects.filter(user=user)
        .select_related("swarmed_structure__season", "swarmed_structure__structure")
        .order_by(
            F("swarmed_structure__season__training_start").desc(nulls_last=True),
            "-swarmed_structure__season__call_opens_at",
            "pk",
        )
    )


def next_session(season: Season, *, now: datetime | None = None) -> TrainingSession | None:
    """The season's next scheduled session, or the one under way."""
    return (
        TrainingSession.objects.filter(
            season=season, status=SessionStatus.SCHEDULED, ends_at__gt=now or timezone.now()
        )
        .order_by("starts_at", "pk")
        .first()
    )


# --- An expert's side ---------------------------------------------------------------------------


def sessions_led(user, *, now: datetime | None = None, limit: int = 3) -> list[TrainingSession]:
    """The next sessions `user` leads: named on the session, or leading its module that season."""
    named = TrainingSession.experts.through.objects.filter(
        trainingsession_id=OuterRef("pk"), user_id=user.pk
    )
    leading = ModuleLead.objects.filter(
        season_id=OuterRef("season_id"), module_id=OuterRef("module_id"), expert_id=user.pk
    )
    return list(
        TrainingSession.objects.filter(
            status=SessionStatus.SCHEDULED, ends_at__gt=now or timezone.now()
        )
        .filter(Exists(named) | Exists(leading))
        .select_related("season")
        .order_by("starts_at", "pk")[:limit]
    )


def submissions_to_review(user) -> list[Submission]:
    """Work handed in for the modules `user` leads, waiting for their review, oldest first."""
    leading = ModuleLead.objects.filter(
        season_id=OuterRef("assignment__season_id"),
        module_id=OuterRef("assignment__module_id"),
        expert_id=user.pk,
    )
    return list(
        Submission.objects.filter(status=SubmissionStatus.SUBMITTED)
        .filter(Exists(leading))
        .select_related("assignment__season", "swarmed_structure__structure")
        .defer("text", "text_html")
        .order_by("submitted_at", "pk")
    )


def leads_in_current_season(user, *, today: date | None = None) -> bool:
    today = today or timezone.localdate()
    return ModuleLead.objects.filter(
        Q(season__training_end__isnull=True) | Q(season__training_end__gte=today), expert=user
    ).exists()


# --- Ansa's side --------------------------------------------------------------------------------


def seasons_in_training(*, today: date | None = None) -> list[Season]:
    """The seasons with swarmed structures whose training has not ended yet."""
    today = today or timezone.localdate()
    return list(
        Season.objects.filter(Exists(SwarmedStructure.objects.filter(season=OuterRef("pk"))))
        .filter(Q(training_end__isnull=True) | Q(training_end__gte=today))
        .order_by(F("training_start").asc(nulls_last=True), "pk")
    )
