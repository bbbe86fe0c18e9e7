"""When each milestone report is due: the training start plus the season's offset, in months.

A month later than the 31st is the last day of the shorter month (31 January + 1 month is 28 or
29 February), as a calendar reader expects; the one rule lives here.
"""

import calendar
import datetime

from evaluation.enums import DEFAULT_OFFSETS, Milestone


def add_months(day: datetime.date, months: int) -> datetime.date:
    """`day` moved `months` calendar months later, clamped to the end of a shorter month."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def offsets_of(season) -> dict[str, int]:
    """The season's offsets in months, or the programme's defaults (3, 9, 18)."""
    from evaluation.models import EvaluationSettings

    settings = EvaluationSettings.objects.filter(season=season).first()
    return settings.offsets() if settings is not None else dict(DEFAULT_OFFSETS)


def due_dates(season) -> dict[str, datetime.date]:
    """{milestone: due date} for a season whose training has a start date (else empty)."""
    if season.training_start is None:
        return {}
    offsets = offsets_of(season)
    return {
        milestone: add_months(season.training_start, offsets[milestone]) for milestone in Milestone
    }
