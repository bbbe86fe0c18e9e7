"""The timing rule of the questions: working days in Paris, French public holidays skipped.

An open question waits `expert_days` working days for the paired expert, then `experts_days` more
for the experts of its sheets, then goes to Ansa; the asker is reminded to accept an answer
`accept_reminder_days` working days after the first one. The days are a season's
`tutoring.models.TutoringSettings`; this module only takes them as ints.

A deadline keeps the Paris wall-clock time of its start, whatever the DST changes in between. A
start on a non-working day counts from the next working day at 09:00 Paris: a question asked on
Saturday is due as if it had been asked on Monday at 09:00.
"""

from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

from tutoring.enums import EscalationLevel

#: The programme runs on Paris time, whatever the reader's own timezone.
PARIS = ZoneInfo("Europe/Paris")

#: When the clock starts for a question asked on a weekend or a public holiday.
WORKING_DAY_START = time(9, 0)

#: Who comes after whom when nobody answers; the last level has no next one.
_NEXT_LEVEL: dict[str, str | None] = {
    EscalationLevel.PAIRED: EscalationLevel.EXPERTS,
    EscalationLevel.EXPERTS: EscalationLevel.ANSA,
    EscalationLevel.ANSA: None,
}


@lru_cache(maxsize=64)
def _public_holidays(year: int) -> frozenset[date]:
    # Metropolitan France: Alsace-Moselle's extra days (Good Friday, 26 December) are not counted;
    # pass subdiv="57" (Moselle) or "6AE" (Alsace) here if the programme ever needs them.
    return frozenset(holidays.country_holidays("FR", years=year))


def is_working_day(day: date) -> bool:
    """Monday to Friday, and not a French public holiday."""
    return day.weekday() < 5 and day not in _public_holidays(day.year)


def _next_working_day(day: date) -> date:
    day += timedelta(days=1)
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def _paris_start(start: datetime) -> datetime:
    """`start` in Paris time, moved to 09:00 of the next working day if it falls on a day off."""
    if start.tzinfo is None or start.utcoffset() is None:
        raise ValueError("The timing rule needs an aware datetime.")
    local = start.astimezone(PARIS)
    if is_working_day(local.date()):
        return local
    return datetime.combine(_next_working_day(local.date()), WORKING_DAY_START, tzinfo=PARIS)


def _at_wall_clock(day: date, wall: time) -> datetime:
    # Paris changes its clocks on Sundays, never a working day, so the wall-clock time always
    # exists once on `day`; the round trip through UTC normalises the offset all the same.
    return datetime.combine(day, wall, tzinfo=PARIS).astimezone(PARIS)


def add_working_days(start: datetime, days: int) -> datetime:
    """The deadline `days` working days after `start`, at the same Paris wall-clock time."""
    if days < 0:
        raise ValueError("A deadline counts a positive number of working days.")
    origin = _paris_start(start)
    day = origin.date()
    for _ in range(days):
        day = _next_working_day(day)
    return _at_wall_clock(day, origin.time())


def working_days_between(start: datetime, end: datetime) -> int:
    """Whole working days elapsed from `start` to `end`: the largest n with start + n <= end."""
    if end <= start:
        return 0
    origin = _paris_start(start)
    end = end.astimezone(PARIS)
    elapsed = 0
    day = _next_working_day(origin.date())
    while _at_wall_clock(day, origin.time()) <= end:
        elapsed += 1
        day = _next_working_day(day)
    return elapsed


def next_level(level: str) -> str | None:
    """Who gets an unanswered question next: paired → experts → ansa → nobody."""
    try:
        return _NEXT_LEVEL[level]
    except KeyError:
        raise ValueError(f"Unknown escalation level: {level!r}") from None


def escalation_deadline(
    *, since: datetime, level: str, expert_days: int, experts_days: int
) -> datetime | None:
    """When a question waiting at `level` since `since` moves on; None at the last level."""
    if next_level(level) is None:
        return None
    days = expert_days if level == EscalationLevel.PAIRED else experts_days
    return add_working_days(since, days)


def accept_reminder_at(*, answered_at: datetime, accept_reminder_days: int) -> datetime:
    """When the asker is reminded to accept the first answer."""
    return add_working_days(answered_at, accept_reminder_days)
