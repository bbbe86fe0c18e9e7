"""Attendance: who is expected, who marks, the automatic closing, the absentee report."""

import csv
import datetime
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from modules.models import (
    Attendance,
    AttendanceStatus,
    ModuleLead,
    ModulePage,
    TrainingActionPage,
    TrainingSession,
)
from modules.services.attendance import (
    absentee_report,
    attendance_mark,
    close_expired_attendance,
    expected_members,
)
from modules.tasks import close_attendance
from portal.models import AuditLogEntry
from tests.cms_pages.factories import PageFactory
from tests.helpers import count_queries
from tests.modules.factories import (
    AttendanceFactory,
    SwarmedMemberFactory,
    SwarmedStructureFactory,
    TrainingSeasonFactory,
    TrainingSessionFactory,
)
from tests.portal.factories import UserFactory
from tests.portal.structure_factories import page_text

P, L, E, A = (
    AttendanceStatus.PRESENT,
    AttendanceStatus.LATE,
    AttendanceStatus.EXCUSED,
    AttendanceStatus.ABSENT,
)


def ago(**kwargs) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(**kwargs)


def session_ended(season, *, hours_ago: float, **kwargs) -> TrainingSession:
    ends = ago(hours=hours_ago)
    return TrainingSessionFactory(
        season=season, starts_at=ends - datetime.timedelta(hours=6), ends_at=ends, **kwargs
    )


@pytest.fixture
def season(db):
    return TrainingSeasonFactory(slug="saison-essai", name="Saison d'essai")


@pytest.fixture
def people(season):
    """Two swarmed structures (Béarn: a referent and a participant; Loire: a referent) and the
    programme's people around them."""
    bearn = SwarmedStructureFactory(season=season, structure__name="Tremplin Béarn")
    loire = SwarmedStructureFactory(season=season, structure__name="Val de Loire Emploi")
    other_season = SwarmedStructureFactory(
        season=TrainingSeasonFactory(slug="autre-saison"), structure__name="Ailleurs"
    )
    return {
        "ansa": UserFactory(ansa=True),
        "head": UserFactory(head_of_network=True),
        "lead": UserFactory(expert=True),
        "other_expert": UserFactory(expert=True),
        "outsider": UserFactory(),
        "referent": SwarmedMemberFactory(swarmed_structure=bearn, referent=True),
        "participant": SwarmedMemberFactory(swarmed_structure=bearn),
        "other_referent": SwarmedMemberFactory(swarmed_structure=loire, referent=True),
        "other_season_referent": SwarmedMemberFactory(
            swarmed_structure=other_season, referent=True
        ),
    }


@pytest.fixture
def held(season, people):
    """A session that ended an hour ago, led by the `lead` expert."""
    return session_ended(season, hours_ago=1, experts=[people["lead"]], title="Aller vers")


def sheet_url(session) -> str:
    return reverse("modules:attendance_sheet", kwargs={"uid": session.uid})


def field(member) -> str:
    return f"status_{member.pk}"


# --- Who is expected ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_expected_members_are_the_season_people_who_joined_before_the_session(season, people, held):
    late = SwarmedMemberFactory(
        swarmed_structure=people["referent"].swarmed_structure, joined_at=ago(minutes=5)
    )
    expected = list(expected_members(held))
    assert expected == [people["referent"], people["participant"], people["other_referent"]]
    assert late not in expected
    assert people["other_season_referent"] not in expected


@pytest.mark.django_db
def test_late_joiner_expected_at_sessions_after_they_joined(season, people, held):
    late = SwarmedMemberFactory(
        swarmed_structure=people["referent"].swarmed_structure, joined_at=ago(minutes=5)
    )
    later = TrainingSessionFactory(season=season)  # next week
    assert late in expected_members(later)
    assert late not in expected_members(held)


# --- Marking: the service ----------------------------------------------------------------------


@pytest.mark.django_db
def test_mark_records_each_status_with_who_marked_and_audits(people, held):
    ansa = people["ansa"]
    rows = attendance_mark(
        actor=ansa,
        session=held,
        statuses={people["referent"].pk: P, people["participant"].pk: L},
    )
    assert len(rows) == 2
    saved = {row.member_id: row for row in Attendance.objects.filter(session=held)}
    assert saved[people["referent"].pk].status == P
    assert saved[people["participant"].pk].status == L
    assert all(row.marked_by == ansa and not row.automatic for row in saved.values())
    entry = AuditLogEntry.objects.get(action="attendance.mark")
    assert entry.actor == ansa and entry.object_id == str(held.pk)
    assert sorted(value[1] for value in entry.changes.values()) == ["late", "present"]


@pytest.mark.django_db
def test_remarking_updates_the_row_and_takes_over_an_automatic_absence(people, held):
    automatic = AttendanceFactory(session=held, member=people["referent"], status=A, automatic=True)
    attendance_mark(actor=people["lead"], session=held, statuses={people["referent"].pk: E})
    automatic.refresh_from_db()
    assert automatic.status == E
    assert automatic.automatic is False
    assert automatic.marked_by == people["lead"]
    assert Attendance.objects.filter(session=held).count() == 1


@pytest.mark.django_db
def test_confirming_an_automatic_absence_makes_it_a_marked_one(people, held):
    automatic = AttendanceFactory(session=held, member=people["referent"], status=A, automatic=True)
    attendance_mark(actor=people["ansa"], session=held, statuses={people["referent"].pk: A})
    automatic.refresh_from_db()
    assert automatic.status == A
    assert automatic.automatic is False and automatic.marked_by == people["ansa"]


@pytest.mark.django_db
def test_invalid_status_is_refused_and_nothing_is_saved(people, held):
    with pytest.raises(ValidationError):
        attendance_mark(
            actor=people["ansa"],
            session=held,
            statuses={people["referent"].pk: P, people["participant"].pk: "asleep"},
        )
    assert not Attendance.objects.exists()
    assert not AuditLogEntry.objects.filter(action="attendance.mark").exists()


@pytest.mark.django_db
def test_people_not_expected_cannot_be_marked(people, held):
    late = SwarmedMemberFactory(
        swarmed_structure=people["referent"].swarmed_structure, joined_at=ago(minutes=5)
    )
    for member in (late, people["other_season_referent"]):
        with pytest.raises(ValidationError):
            attendance_mark(
                actor=people["ansa"],
                session=held,
                statuses={people["referent"].pk: P, member.pk: P},
            )
    assert not Attendance.objects.exists()


@pytest.mark.django_db
def test_attendance_cannot_be_taken_before_the_session_starts(season, people):
    upcoming = TrainingSessionFactory(season=season, experts=[people["lead"]])
    with pytest.raises(ValidationError, match="pas encore commencé"):
        attendance_mark(actor=people["ansa"], session=upcoming, statuses={people["referent"].pk: P})
    assert not Attendance.objects.exists()


@pytest.mark.django_db
def test_attendance_can_be_taken_during_the_session(season, people):
    running = TrainingSessionFactory(
        season=season, starts_at=ago(hours=1), ends_at=ago(hours=-2), experts=[people["lead"]]
    )
    attendance_mark(actor=people["lead"], session=running, statuses={people["referent"].pk: P})
    assert Attendance.objects.get().status == P


@pytest.mark.django_db
def test_a_cancelled_session_has_no_attendance(season, people):
    cancelled = session_ended(season, hours_ago=1, cancelled=True)
    with pytest.raises(ValidationError, match="annulée"):
        attendance_mark(
            actor=people["ansa"], session=cancelled, statuses={people["referent"].pk: P}
        )


@pytest.mark.django_db
@pytest.mark.parametrize(
    "who", ["other_expert", "head", "outsider", "referent", "participant", "other_referent"]
)
def test_only_ansa_and_the_experts_leading_it_may_mark(people, held, who):
    actor = people[who]
    actor = getattr(actor, "user", actor)
    with pytest.raises(PermissionDenied):
        attendance_mark(actor=actor, session=held, statuses={people["referent"].pk: P})
    assert not Attendance.objects.exists()


@pytest.mark.django_db
def test_the_expert_leading_the_sessions_module_may_mark(season, people, held):
    parent = PageFactory._create(TrainingActionPage, title="Formation-action", slug="fa")
    module = ModulePage(
        title="Aller vers", slug="aller-vers", number=1, summary="Résumé.", objectives="<p>O</p>"
    )
    parent.add_child(instance=module)
    held.module = module
    held.save()
    module_expert = UserFactory(expert=True)
    ModuleLead.objects.create(season=season, module=module, expert=module_expert)
    attendance_mark(actor=module_expert, session=held, statuses={people["referent"].pk: P})
    assert Attendance.objects.get().marked_by == module_expert


# --- Marking: the sheet ------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("ansa", 200),
        ("lead", 200),
        ("other_expert", 404),  # leads nothing in this session
        ("referent", 403),
        ("participant", 403),
        ("other_referent", 403),  # another structure of the same season
        ("head", 404),  # reads the season's report, does not mark
        ("other_season_referent", 404),
        ("outsider", 404),
    ],
)
def test_sheet_permissions(client, people, held, who, status):
    user = people[who]
    client.force_login(getattr(user, "user", user))
    assert client.get(sheet_url(held)).status_code == status
    response = client.post(sheet_url(held), {field(people["referent"]): P})
    assert response.status_code == (302 if status == 200 else status)
    if status != 200:
        assert not Attendance.objects.exists()


@pytest.mark.django_db
def test_sheet_sends_anonymous_visitors_to_login(client, held):
    response = client.get(sheet_url(held))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


@pytest.mark.django_db
def test_unknown_session_is_404(client, people):
    client.force_login(people["ansa"])
    url = reverse(
        "modules:attendance_sheet", kwargs={"uid": "0" * 8 + "-0000-0000-0000-" + "0" * 12}
    )
    assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_sheet_lists_expected_people_by_structure_with_a_radio_group_each(client, people, held):
    SwarmedMemberFactory(
        swarmed_structure=people["referent"].swarmed_structure,
        joined_at=ago(minutes=5),
        user__first_name="Arrivée",
        user__last_name="Tardive",
    )
    client.force_login(people["lead"])
    response = client.get(sheet_url(held))
    html = response.content.decode()
    text = page_text(response)
    assert "Tremplin Béarn" in text and "Val de Loire Emploi" in text
    assert "Tardive" not in text
    assert html.count("<fieldset") == 3
    assert html.count("<legend>") == 3
    assert html.count('type="radio"') == 12
    for word in ("Présent·e", "En retard", "Excusé·e", "Absent·e"):
        assert text.count(word) >= 3


@pytest.mark.django_db
def test_sheet_shows_who_marked_what_and_checks_the_current_status(client, people, held):
    AttendanceFactory(session=held, member=people["referent"], status=L, marked_by=people["lead"])
    AttendanceFactory(session=held, member=people["participant"], status=A, automatic=True)
    client.force_login(people["ansa"])
    response = client.get(sheet_url(held))
    html = response.content.decode()
    text = page_text(response)
    name = field(people["referent"])
    assert f'name="{name}" value="late" id="id_{name}_1" checked' in html
    assert html.count("checked") == 2
    assert f"En retard, relevé par {people['lead']}" in text
    assert "Absent·e, marqué·e automatiquement" in text
    assert "2 présences relevées" in text


@pytest.mark.django_db
def test_sheet_saves_the_statuses_chosen(client, people, held):
    client.force_login(people["lead"])
    response = client.post(
        sheet_url(held),
        {field(people["referent"]): P, field(people["other_referent"]): E},
    )
    assert response.status_code == 302
    assert dict(Attendance.objects.values_list("member_id", "status")) == {
        people["referent"].pk: P,
        people["other_referent"].pk: E,
    }
    page = client.get(response["Location"])
    assert "Présences enregistrées pour 2 personnes." in page_text(page)


@pytest.mark.django_db
def test_sheet_leaves_untouched_rows_alone(client, people, held):
    automatic = AttendanceFactory(
        session=held, member=people["participant"], status=A, automatic=True
    )
    client.force_login(people["ansa"])
    # The browser sends the pre-checked "absent" back with the person actually marked.
    response = client.post(
        sheet_url(held), {field(people["referent"]): P, field(people["participant"]): A}
    )
    assert response.status_code == 302
    automatic.refresh_from_db()
    assert automatic.automatic is True and automatic.marked_by is None


@pytest.mark.django_db
def test_sheet_refuses_an_unknown_status_and_saves_nothing(client, people, held):
    client.force_login(people["ansa"])
    response = client.post(
        sheet_url(held), {field(people["referent"]): P, field(people["participant"]): "maybe"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="error-summary"' in html
    assert f'href="#id_{field(people["participant"])}"' in html
    assert "Choisissez l'une des quatre présences proposées." in page_text(response)
    assert not Attendance.objects.exists()


@pytest.mark.django_db
def test_sheet_before_the_session_says_when_attendance_opens(client, season, people):
    upcoming = TrainingSessionFactory(season=season, experts=[people["lead"]])
    client.force_login(people["lead"])
    response = client.get(sheet_url(upcoming))
    assert response.status_code == 200
    assert "La séance n'a pas encore commencé" in page_text(response)
    assert b'type="radio"' not in response.content
    response = client.post(sheet_url(upcoming), {field(people["referent"]): P})
    assert response.status_code == 200
    assert not Attendance.objects.exists()


@pytest.mark.django_db
def test_sheet_queries_do_not_grow_with_people(client, season, people, held):
    client.force_login(people["ansa"])
    AttendanceFactory(session=held, member=people["referent"], marked_by=people["ansa"])
    few = count_queries(client, sheet_url(held))
    for _number in range(4):
        swarmed = SwarmedStructureFactory(season=season)
        for _person in range(3):
            member = SwarmedMemberFactory(swarmed_structure=swarmed)
            AttendanceFactory(session=held, member=member, marked_by=people["lead"])
    assert count_queries(client, sheet_url(held)) == few


# --- The automatic closing ---------------------------------------------------------------------


@pytest.mark.django_db
def test_closing_marks_unmarked_people_absent_a_day_after_the_session(season, people):
    old = session_ended(season, hours_ago=25)
    recent = session_ended(season, hours_ago=2)
    AttendanceFactory(session=old, member=people["referent"], status=P)

    assert close_expired_attendance() == 2

    marked = {row.member_id: row for row in Attendance.objects.filter(session=old)}
    assert marked[people["referent"].pk].status == P
    for member in (people["participant"], people["other_referent"]):
        assert marked[member.pk].status == A
        assert marked[member.pk].automatic is True
        assert marked[member.pk].marked_by is None
    assert not Attendance.objects.filter(session=recent).exists()
    old.refresh_from_db()
    recent.refresh_from_db()
    assert old.attendance_closed_at is not None
    assert recent.attendance_closed_at is None
    assert AuditLogEntry.objects.filter(action="attendance.close").count() == 1


@pytest.mark.django_db
def test_closing_keeps_excused_people_excused(season, people):
    old = session_ended(season, hours_ago=30)
    AttendanceFactory(session=old, member=people["participant"], status=E)
    close_expired_attendance()
    assert Attendance.objects.get(session=old, member=people["participant"]).status == E


@pytest.mark.django_db
def test_closing_leaves_cancelled_sessions_alone(season, people):
    cancelled = session_ended(season, hours_ago=48, cancelled=True)
    assert close_expired_attendance() == 0
    cancelled.refresh_from_db()
    assert cancelled.attendance_closed_at is None
    assert not Attendance.objects.exists()


@pytest.mark.django_db
def test_closing_twice_marks_nobody_twice(season, people):
    old = session_ended(season, hours_ago=25)
    assert close_expired_attendance() == 3
    closed_at = TrainingSession.objects.get(pk=old.pk).attendance_closed_at
    # Someone joining afterwards, or a row removed, does not reopen a closed session.
    Attendance.objects.filter(member=people["referent"]).delete()
    assert close_expired_attendance() == 0
    assert TrainingSession.objects.get(pk=old.pk).attendance_closed_at == closed_at
    assert Attendance.objects.filter(session=old).count() == 2


@pytest.mark.django_db
def test_late_joiner_not_counted_absent(season, people):
    old = session_ended(season, hours_ago=25)
    late = SwarmedMemberFactory(
        swarmed_structure=people["referent"].swarmed_structure, joined_at=ago(hours=3)
    )
    close_expired_attendance()
    assert not Attendance.objects.filter(member=late).exists()
    assert Attendance.objects.filter(session=old).count() == 3


@pytest.mark.django_db
def test_closing_delay_comes_from_the_settings(settings, season, people):
    settings.ESSAIM_ATTENDANCE_CLOSE_HOURS = 1
    session_ended(season, hours_ago=2)
    assert close_expired_attendance() == 3


@pytest.mark.django_db
def test_the_celery_task_closes_attendance(season, people):
    session_ended(season, hours_ago=25)
    assert close_attendance.delay().get() == 3


# --- The absentee report -----------------------------------------------------------------------


def mark(session, member, status):
    return AttendanceFactory(session=session, member=member, status=status)


@pytest.fixture
def four_sessions(season, people):
    sessions = [session_ended(season, hours_ago=24 * (40 - 10 * n)) for n in range(4)]
    TrainingSessionFactory(season=season, title="À venir")  # not held yet: not in the report
    session_ended(season, hours_ago=24 * 5, cancelled=True, title="Annulée")
    return sessions


@pytest.mark.django_db
def test_report_highlights_two_or_more_absences_in_a_row(season, people, four_sessions):
    referent, participant, other = (
        people["referent"],
        people["participant"],
        people["other_referent"],
    )
    for session, status in zip(four_sessions, (A, A, P, A), strict=True):
        mark(session, referent, status)
    for session, status in zip(four_sessions, (A, E, A, L), strict=True):
        mark(session, participant, status)
    for session, status in zip(four_sessions, (P, A, A, A), strict=True):
        mark(session, other, status)

    report = absentee_report(season)
    assert report.sessions == four_sessions
    rows = {row.member.pk: row for row in report.rows}

    assert [cell.in_series for cell in rows[referent.pk].cells] == [True, True, False, False]
    assert rows[referent.pk].absences == 3 and rows[referent.pk].longest_series == 2
    # An excused session breaks the run.
    assert not any(cell.in_series for cell in rows[participant.pk].cells)
    assert rows[participant.pk].absences == 2 and rows[participant.pk].excused == 1
    assert rows[participant.pk].late == 1 and not rows[participant.pk].has_series
    assert [cell.in_series for cell in rows[other.pk].cells] == [False, True, True, True]
    assert rows[other.pk].longest_series == 3
    assert [row.member.pk for row in report.with_series] == [referent.pk, other.pk]


@pytest.mark.django_db
def test_report_shows_sessions_before_joining_as_not_expected(season, people, four_sessions):
    _first, s2, s3, s4 = four_sessions
    late = SwarmedMemberFactory(
        swarmed_structure=people["referent"].swarmed_structure,
        joined_at=s2.starts_at + datetime.timedelta(days=1),
    )
    mark(s3, late, A)
    mark(s4, late, A)
    row = next(row for row in absentee_report(season).rows if row.member == late)
    assert [cell.expected for cell in row.cells] == [False, False, True, True]
    assert [cell.label for cell in row.cells][:2] == ["non attendu·e", "non attendu·e"]
    assert row.absences == 2 and row.longest_series == 2


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("ansa", 200),
        ("head", 200),
        ("lead", 403),
        ("other_expert", 403),
        ("referent", 403),
        ("participant", 403),
        ("other_referent", 403),
        ("outsider", 403),
    ],
)
def test_report_and_export_permissions(client, season, people, who, status):
    user = people[who]
    client.force_login(getattr(user, "user", user))
    for name in ("modules:absentees", "modules:absentees_csv"):
        assert client.get(reverse(name, args=[season.slug])).status_code == status


@pytest.mark.django_db
def test_report_sends_anonymous_visitors_to_login(client, season):
    response = client.get(reverse("modules:absentees", args=[season.slug]))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


@pytest.mark.django_db
def test_report_of_an_unknown_season_is_404(client, people):
    client.force_login(people["ansa"])
    assert client.get(reverse("modules:absentees", args=["nulle-part"])).status_code == 404


@pytest.mark.django_db
def test_report_page_says_in_words_who_missed_sessions_in_a_row(
    client, season, people, four_sessions
):
    late = SwarmedMemberFactory(
        swarmed_structure=people["referent"].swarmed_structure,
        joined_at=four_sessions[1].starts_at,
        user__first_name="Lou",
        user__last_name="Tardif",
    )
    for session in four_sessions[:2]:
        mark(session, people["referent"], A)
    people["referent"].user.first_name, people["referent"].user.last_name = "Camille", "Absente"
    people["referent"].user.save()
    client.force_login(people["head"])
    response = client.get(reverse("modules:absentees", args=[season.slug]))
    html = response.content.decode()
    text = page_text(response)
    assert "Camille Absente (Tremplin Béarn) : jusqu'à 2 absences de suite" in text
    assert "non attendu·e" in text and late.user.last_name in text
    assert html.count('scope="rowgroup"') == 2
    assert "À venir" not in text and "Annulée" not in text
    # The head of network reads: no link to the sheets.
    assert sheet_url(four_sessions[0]) not in html
    client.force_login(people["ansa"])
    assert (
        sheet_url(four_sessions[0])
        in client.get(reverse("modules:absentees", args=[season.slug])).content.decode()
    )


def read_csv(response) -> list[list[str]]:
    content = response.content.decode("utf-8")
    assert content.startswith("\ufeff")
    return list(csv.reader(io.StringIO(content[1:]), delimiter=";"))


@pytest.mark.django_db
def test_export_is_a_french_spreadsheet_of_the_matrix(client, season, people, four_sessions):
    for session, status in zip(four_sessions, (A, A, E, P), strict=True):
        mark(session, people["referent"], status)
    client.force_login(people["ansa"])
    response = client.get(reverse("modules:absentees_csv", args=[season.slug]))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith(
        'attachment; filename="absences-saison-essai-'
    )
    rows = read_csv(response)
    header = rows[0]
    assert header[:3] == ["Structure", "Personne", "Rôle"]
    assert header[-4:] == [
        "Absences",
        "Absences excusées",
        "Retards",
        "Plus longue série d'absences consécutives",
    ]
    assert len(header) == 3 + 4 + 4
    referent = next(row for row in rows[1:] if row[1] == str(people["referent"].user))
    assert referent[0] == "Tremplin Béarn"
    assert referent[3:7] == [
        "Absent·e, absences consécutives",
        "Absent·e, absences consécutives",
        "Excusé·e",
        "Présent·e",
    ]
    assert referent[7:] == ["2", "1", "0", "2"]
    assert len(rows) == 1 + 3


@pytest.mark.django_db
def test_export_neutralises_spreadsheet_formulas(client, season, people, four_sessions):
    people["referent"].user.first_name = '=HYPERLINK("http://pirate.test";"clic")'
    people["referent"].user.save()
    structure = people["other_referent"].swarmed_structure.structure
    structure.name = "@SOMME(A1:A9)"
    structure.save()
    four_sessions[0].title = "+33 Bordeaux"
    four_sessions[0].save()
    client.force_login(people["ansa"])
    rows = read_csv(client.get(reverse("modules:absentees_csv", args=[season.slug])))
    cells = [cell for row in rows for cell in row]
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)
    assert any(cell.startswith("'=HYPERLINK") for cell in cells)
    assert "'@SOMME(A1:A9)" in cells


def _grow(season, people, structures: int, sessions: int) -> None:
    """`structures` more structures of three people and `sessions` more held sessions, all
    marked, one person of each structure joining late."""
    new_sessions = [session_ended(season, hours_ago=24 * (80 - n)) for n in range(sessions)]
    for _number in range(structures):
        swarmed = SwarmedStructureFactory(season=season)
        members = [SwarmedMemberFactory(swarmed_structure=swarmed) for _person in range(2)]
        members.append(SwarmedMemberFactory(swarmed_structure=swarmed, joined_at=ago(days=60)))
        for member in members:
            for session in new_sessions:
                mark(session, member, A)


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["modules:absentees", "modules:absentees_csv"])
def test_report_queries_do_not_grow_with_people_and_sessions(client, season, people, name):
    client.force_login(people["ansa"])
    _grow(season, people, structures=1, sessions=3)
    url = reverse(name, args=[season.slug])
    few = count_queries(client, url)
    _grow(season, people, structures=9, sessions=7)
    assert len(absentee_report(season).sessions) == 10
    assert count_queries(client, url) == few
