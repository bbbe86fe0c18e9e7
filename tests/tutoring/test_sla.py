"""The timing rule of tutoring's escalation: working days in Paris, French public holidays."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from tutoring import sla
from tutoring.enums import EscalationLevel

PARIS = ZoneInfo("Europe/Paris")


def paris(year: int, month: int, day: int, hour: int = 10, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=PARIS)


def test_weekend_is_skipped():
    assert not sla.is_working_day(date(2026, 10, 3))  # Saturday
    assert not sla.is_working_day(date(2026, 10, 4))  # Sunday
    assert sla.is_working_day(date(2026, 10, 2))  # Friday
    assert sla.is_working_day(date(2026, 10, 5))  # Monday
    assert sla.add_working_days(paris(2026, 10, 2), 1) == paris(2026, 10, 5)


def test_friday_question_with_two_days_is_due_tuesday():
    assert sla.add_working_days(paris(2026, 10, 9, 16, 30), 2) == paris(2026, 10, 13, 16, 30)


def test_zero_days_on_a_working_day_is_the_start_itself():
    assert sla.add_working_days(paris(2026, 10, 7, 11), 0) == paris(2026, 10, 7, 11)


def test_question_asked_on_saturday_counts_from_monday_morning():
    saturday_evening = paris(2026, 10, 10, 22, 15)
    assert sla.add_working_days(saturday_evening, 0) == paris(2026, 10, 12, 9)
    assert sla.add_working_days(saturday_evening, 1) == paris(2026, 10, 13, 9)


def test_question_asked_on_a_public_holiday_counts_from_the_next_morning():
    # Armistice Day 2026 is a Wednesday.
    assert sla.add_working_days(paris(2026, 11, 11, 14), 1) == paris(2026, 11, 13, 9)


def test_may_day_and_armistice_are_not_working_days():
    assert not sla.is_working_day(date(2026, 5, 1))  # Friday
    assert not sla.is_working_day(date(2026, 11, 11))  # Wednesday
    assert not sla.is_working_day(date(2026, 5, 8))  # Victory in Europe Day, Friday
    assert not sla.is_working_day(date(2026, 7, 14))  # Bastille Day, Tuesday
    # Thursday 30 April 2026 + 1 skips Friday 1 May and the weekend.
    assert sla.add_working_days(paris(2026, 4, 30), 1) == paris(2026, 5, 4)


def test_easter_monday_and_ascension_are_skipped():
    assert not sla.is_working_day(date(2027, 3, 29))  # Easter Monday 2027
    assert not sla.is_working_day(date(2027, 5, 6))  # Ascension 2027
    assert not sla.is_working_day(date(2027, 5, 17))  # Whit Monday 2027
    assert not sla.is_working_day(date(2026, 5, 14))  # Ascension 2026
    assert sla.add_working_days(paris(2027, 3, 26), 1) == paris(2027, 3, 30)
    assert sla.add_working_days(paris(2027, 5, 5), 1) == paris(2027, 5, 7)
    assert sla.add_working_days(paris(2027, 5, 14), 1) == paris(2027, 5, 18)
    assert sla.add_working_days(paris(2026, 5, 13), 1) == paris(2026, 5, 15)


def test_alsace_moselle_days_are_not_counted_as_holidays():
    assert sla.is_working_day(date(2027, 3, 26))  # Good Friday 2027
    assert sla.is_working_day(date(2028, 12, 26))  # Saint Stephen's Day, Tuesday


def test_christmas_week():
    assert not sla.is_working_day(date(2026, 12, 25))
    assert sla.add_working_days(paris(2026, 12, 24, 17), 1) == paris(2026, 12, 28, 17)


def test_new_year_crosses_into_the_next_year_holidays():
    # Thursday 31 December 2026 + 1 skips New Year's Day (Friday) and the weekend.
    assert sla.add_working_days(paris(2026, 12, 31), 1) == paris(2027, 1, 4)


def test_deadline_keeps_paris_wall_clock_across_dst():
    # Summer time ends on Sunday 25 October 2026: 13:00 UTC before, 14:00 UTC after.
    start = paris(2026, 10, 23, 15)
    assert start.astimezone(UTC) == datetime(2026, 10, 23, 13, tzinfo=UTC)
    due = sla.add_working_days(start, 2)
    assert due == paris(2026, 10, 27, 15)
    assert due.astimezone(UTC) == datetime(2026, 10, 27, 14, tzinfo=UTC)
    assert due.utcoffset() == paris(2026, 10, 27).utcoffset()


def test_deadline_keeps_paris_wall_clock_into_summer_time():
    # Summer time starts on Sunday 28 March 2027; the start is given in UTC.
    start = datetime(2027, 3, 26, 8, 30, tzinfo=UTC)  # 09:30 in Paris
    due = sla.add_working_days(start, 1)
    assert due == paris(2027, 3, 30, 9, 30)  # Monday 29 is Easter Monday
    assert due.astimezone(UTC) == datetime(2027, 3, 30, 7, 30, tzinfo=UTC)


def test_day_is_the_paris_day_not_the_utc_day():
    # 23:30 UTC on Friday is already Saturday in Paris: counted from Monday 09:00.
    late_friday_utc = datetime(2026, 10, 9, 23, 30, tzinfo=UTC)
    assert sla.add_working_days(late_friday_utc, 1) == paris(2026, 10, 13, 9)


def test_naive_datetimes_are_refused():
    with pytest.raises(ValueError):
        sla.add_working_days(datetime(2026, 10, 9, 10), 1)


def test_negative_days_are_refused():
    with pytest.raises(ValueError):
        sla.add_working_days(paris(2026, 10, 9), -1)


@pytest.mark.parametrize(
    ("start", "days", "due"),
    [
        (paris(2026, 10, 5, 8), 1, paris(2026, 10, 6, 8)),  # Monday → Tuesday
        (paris(2026, 10, 5, 8), 5, paris(2026, 10, 12, 8)),  # a full week
        (paris(2026, 10, 5, 8), 10, paris(2026, 10, 19, 8)),  # two full weeks
        (paris(2026, 10, 8, 12), 3, paris(2026, 10, 13, 12)),  # Thursday over the weekend
        (paris(2026, 10, 11, 20), 3, paris(2026, 10, 15, 9)),  # Sunday counts from Monday 09:00
        (paris(2026, 7, 13, 18), 1, paris(2026, 7, 15, 18)),  # Bastille Day
        (paris(2026, 8, 14, 10), 1, paris(2026, 8, 17, 10)),  # Assumption on a Saturday
        (paris(2026, 5, 22, 10), 1, paris(2026, 5, 26, 10)),  # Whit Monday 2026
        (paris(2026, 4, 3, 10), 1, paris(2026, 4, 7, 10)),  # Easter Monday 2026
        (paris(2026, 4, 30, 10), 5, paris(2026, 5, 11, 10)),  # 1 and 8 May, both Fridays
        (paris(2026, 10, 30, 10), 1, paris(2026, 11, 2, 10)),  # All Saints' on a Sunday
        (paris(2027, 5, 5, 10), 8, paris(2027, 5, 19, 10)),  # Ascension and Whit Monday
    ],
)
def test_deadline_table(start, days, due):
    assert sla.add_working_days(start, days) == due


def test_working_days_between():
    friday = paris(2026, 10, 9, 15)
    assert sla.working_days_between(friday, paris(2026, 10, 12, 14, 59)) == 0
    assert sla.working_days_between(friday, paris(2026, 10, 12, 15)) == 1
    assert sla.working_days_between(friday, paris(2026, 10, 14, 18)) == 3
    # Armistice Day on Wednesday 11 November 2026 does not count.
    assert sla.working_days_between(paris(2026, 11, 9), paris(2026, 11, 13)) == 3
    assert sla.working_days_between(friday, friday) == 0
    assert sla.working_days_between(paris(2026, 10, 14), friday) == 0


def test_working_days_between_undoes_add_working_days():
    start = paris(2026, 12, 23, 16)
    for days in range(12):
        assert sla.working_days_between(start, sla.add_working_days(start, days)) == days


def test_working_days_between_from_a_weekend_counts_from_monday_morning():
    saturday = paris(2026, 10, 10, 11)
    assert sla.working_days_between(saturday, paris(2026, 10, 13, 8, 59)) == 0
    assert sla.working_days_between(saturday, paris(2026, 10, 13, 9)) == 1


def test_escalation_chain_paired_then_experts_then_ansa():
    assert sla.next_level(EscalationLevel.PAIRED) == EscalationLevel.EXPERTS
    assert sla.next_level("experts") == "ansa"
    asked = paris(2026, 10, 9, 10)  # Friday
    to_experts = sla.escalation_deadline(since=asked, level="paired", expert_days=3, experts_days=2)
    assert to_experts == paris(2026, 10, 14, 10)
    to_ansa = sla.escalation_deadline(
        since=to_experts, level="experts", expert_days=3, experts_days=2
    )
    assert to_ansa == paris(2026, 10, 16, 10)


def test_ansa_is_the_last_hop():
    assert sla.next_level(EscalationLevel.ANSA) is None
    assert (
        sla.escalation_deadline(
            since=paris(2026, 10, 9), level="ansa", expert_days=3, experts_days=2
        )
        is None
    )


def test_unknown_level_is_refused():
    with pytest.raises(ValueError):
        sla.next_level("nobody")
    with pytest.raises(ValueError):
        sla.escalation_deadline(
            since=paris(2026, 10, 9), level="nobody", expert_days=3, experts_days=2
        )


def test_accept_reminder_counts_working_days():
    # Answered Thursday 24 December 2026; Christmas and the weekend are skipped.
    answered = paris(2026, 12, 24, 11)
    assert sla.accept_reminder_at(answered_at=answered, accept_reminder_days=4) == paris(
        2026, 12, 31, 11
    )
    # New Year's Day is skipped too.
    assert sla.accept_reminder_at(answered_at=answered, accept_reminder_days=5) == paris(
        2027, 1, 4, 11
    )
