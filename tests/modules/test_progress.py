"""Progress: attendance rates, the coverage matrix, Ansa's cohort dashboard, a member's own page
and the dashboard panels."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from modules.models import AttendanceStatus, SessionStatus, SubmissionStatus
from modules.selectors.progress import (
    NOT_EXPECTED,
    UNMARKED,
    coverage_matrix,
    season_progress,
)
from tests.curriculum.factories import ActionSheetPageFactory, FrameworkPageFactory
from tests.helpers import count_queries
from tests.modules.factories import (
    AssignmentFactory,
    AttendanceFactory,
    ModuleLeadFactory,
    ModulePageFactory,
    SubmissionFactory,
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
NOTHING_YET = "rien suivi pour l'instant"


def ago(**kwargs) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(**kwargs)


def held(season, days_ago: float, *sheets, **kwargs):
    """A session of `season` that started `days_ago` days ago and worked on `sheets`."""
    starts = ago(days=days_ago)
    session = TrainingSessionFactory(
        season=season, starts_at=starts, ends_at=starts + datetime.timedelta(hours=6), **kwargs
    )
    session.sheets.add(*sheets)
    return session


@pytest.fixture
def sheets(home):
    framework = FrameworkPageFactory(parent=home)
    return {
        number: ActionSheetPageFactory(
            parent=framework, number=number, title=f"Fiche-action {number}", slug=f"fiche-{number}"
        )
        for number in range(1, 14)
    }


@pytest.fixture
def season(db):
    return TrainingSeasonFactory(slug="saison-suivi", name="Saison de suivi")


@pytest.fixture
def swarmed(season):
    return SwarmedStructureFactory(season=season, structure__name="Tremplin Béarn")


@pytest.fixture
def referent(swarmed):
    return SwarmedMemberFactory(
        swarmed_structure=swarmed, referent=True, user__first_name="Rita", user__last_name="Fer"
    )


@pytest.fixture
def participant(swarmed):
    return SwarmedMemberFactory(
        swarmed_structure=swarmed, user__first_name="Paul", user__last_name="Tissier"
    )


@pytest.fixture
def other_swarmed(season):
    return SwarmedStructureFactory(season=season, structure__name="Val de Loire Emploi")


@pytest.fixture
def stranger(other_swarmed):
    """A participant of another structure of the same season."""
    return SwarmedMemberFactory(
        swarmed_structure=other_swarmed, user__first_name="Sonia", user__last_name="Étrangère"
    )


def person(matrix, member):
    return next(p for p in matrix.people if p.member.pk == member.pk)


def covered_numbers(person_progress) -> set[int]:
    return {row.sheet.number for row in person_progress.sheets if row.covered}


# --- Coverage and attendance rates ---------------------------------------------------------------


@pytest.mark.django_db
def test_present_and_late_cover_a_sheet_absent_excused_and_unmarked_do_not(
    season, sheets, referent
):
    sessions = [held(season, 50 - number, sheets[number]) for number in range(1, 6)]
    for session, status in zip(sessions, (P, L, A, E), strict=False):
        AttendanceFactory(session=session, member=referent, status=status)

    me = person(coverage_matrix(season=season, members=[referent]), referent)

    assert covered_numbers(me) == {1, 2}
    rows = {row.sheet.number: row for row in me.sheets}
    assert [cell.state if cell else None for cell in rows[3].cells] == [None, None, A, None, None]
    assert rows[5].held and not rows[5].covered
    assert rows[5].cells[4].state == UNMARKED
    assert not rows[13].held and not rows[13].covered
    assert (me.attended_count, me.expected_count, me.rate) == (2, 5, 40)


@pytest.mark.django_db
def test_late_joiner_not_counted_absent(season, sheets, swarmed):
    held(season, 60, sheets[1])
    held(season, 40, sheets[2])
    after = held(season, 10, sheets[3])
    late = SwarmedMemberFactory(swarmed_structure=swarmed, joined_at=ago(days=20))
    AttendanceFactory(session=after, member=late, status=P)

    me = person(coverage_matrix(season=season, members=[late]), late)

    assert [presence.state for presence in me.presences] == [NOT_EXPECTED, NOT_EXPECTED, P]
    assert (me.attended_count, me.expected_count, me.rate) == (1, 1, 100)
    assert covered_numbers(me) == {3}


@pytest.mark.django_db
def test_late_joiner_who_came_before_joining_gets_the_credit(season, sheets, swarmed):
    before = held(season, 40, sheets[1])
    held(season, 10, sheets[2])
    late = SwarmedMemberFactory(swarmed_structure=swarmed, joined_at=ago(days=20))
    AttendanceFactory(session=before, member=late, status=L)

    me = person(coverage_matrix(season=season, members=[late]), late)

    assert (me.attended_count, me.expected_count, me.rate) == (1, 2, 50)
    assert covered_numbers(me) == {1}


@pytest.mark.django_db
def test_cancelled_and_future_sessions_count_for_nothing(season, sheets, referent):
    held(season, 10, sheets[1], status=SessionStatus.CANCELLED)
    held(season, -3, sheets[2])
    me = person(coverage_matrix(season=season, members=[referent]), referent)
    assert me.presences == ()
    assert me.rate is None
    assert covered_numbers(me) == set()


@pytest.mark.django_db
def test_structure_rate_sums_its_people_and_a_late_joiner_only_from_arrival(
    season, sheets, swarmed, referent, participant
):
    first, second = held(season, 40, sheets[1]), held(season, 10, sheets[2])
    late = SwarmedMemberFactory(swarmed_structure=swarmed, joined_at=ago(days=20))
    AttendanceFactory(session=first, member=referent, status=P)
    AttendanceFactory(session=second, member=referent, status=P)
    AttendanceFactory(session=first, member=participant, status=A)
    AttendanceFactory(session=second, member=participant, status=L)
    AttendanceFactory(session=second, member=late, status=E)

    [structure] = season_progress(season=season).structures

    # referent 2/2, participant 1/2, late joiner 0/1 (the first session is not theirs)
    assert (structure.attended_count, structure.expected_count, structure.rate) == (3, 5, 60)
    assert structure.people[0].member == referent
    assert structure.sheets_covered == 2
    who = [person.member for person in structure.people]
    by_sheet = {
        row.sheet.number: {m for m, covered in zip(who, row.covered_by, strict=True) if covered}
        for row in structure.sheets
    }
    assert by_sheet[1] == {referent}
    assert by_sheet[2] == {referent, participant}
    assert by_sheet[3] == set()


@pytest.mark.django_db
def test_coverage_matrix_takes_four_queries_whatever_the_size(
    season, sheets, swarmed, referent, participant, django_assert_num_queries
):
    for days in range(5, 50, 5):
        session = held(season, days, sheets[days // 5], sheets[13])
        AttendanceFactory(session=session, member=referent, status=P)
    members = list(swarmed.members.select_related("user"))
    with django_assert_num_queries(4):
        matrix = coverage_matrix(season=season, members=members)
    assert len(matrix.columns) == 9
    assert covered_numbers(person(matrix, referent)) == {*range(1, 10), 13}


@pytest.mark.django_db
def test_work_counts_validated_awaiting_and_sent_back(season, swarmed, other_swarmed):
    first, second, third, fourth = (AssignmentFactory(season=season) for _ in range(4))
    SubmissionFactory(assignment=first, swarmed_structure=swarmed, validated=True)
    SubmissionFactory(assignment=second, swarmed_structure=swarmed, submitted=True)
    SubmissionFactory(
        assignment=third, swarmed_structure=swarmed, status=SubmissionStatus.CHANGES_REQUESTED
    )
    SubmissionFactory(assignment=fourth, swarmed_structure=other_swarmed, validated=True)

    mine = season_progress(season=season, swarmed_id=swarmed.pk).structures[0]

    assert (mine.validated, mine.awaiting_review, mine.changes_requested) == (1, 1, 1)
    assert mine.assignments_total == 4
    assert [row.assignment for row in mine.work_due] == [third, fourth]


@pytest.mark.django_db
def test_last_activity_is_the_latest_attendance_or_submission_change(
    season, sheets, swarmed, referent
):
    session = held(season, 10, sheets[1])
    AttendanceFactory(session=session, member=referent, status=P, marked_at=ago(days=9))
    AttendanceFactory(
        session=held(season, 5, sheets[2]), member=referent, status=A, marked_at=ago(days=4)
    )
    [structure] = season_progress(season=season).structures
    assert abs(structure.last_activity - ago(days=9)) < datetime.timedelta(minutes=1)

    SubmissionFactory(assignment=AssignmentFactory(season=season), swarmed_structure=swarmed)
    [structure] = season_progress(season=season).structures
    assert abs(structure.last_activity - timezone.now()) < datetime.timedelta(minutes=1)


# --- Ansa's cohort dashboard ---------------------------------------------------------------------


def cohort_url(season) -> str:
    return reverse("modules:cohort", args=[season.slug])


def structure_url(season, swarmed) -> str:
    return reverse("modules:cohort_structure", args=[season.slug, swarmed.pk])


def csv_url(season) -> str:
    return reverse("modules:cohort_csv", args=[season.slug])


@pytest.fixture
def people(season, referent, stranger):
    """One of each: Ansa, A.CO.R's head, an expert leading a module of the season, one leading
    none, the referent of the structure, a referent of another structure."""
    leading = UserFactory(expert=True)
    ModuleLeadFactory(season=season, expert=leading)
    other_referent = SwarmedMemberFactory(
        swarmed_structure=stranger.swarmed_structure, referent=True
    )
    return {
        "ansa": UserFactory(ansa=True),
        "head": UserFactory(head_of_network=True),
        "expert_leading": leading,
        "expert_not_leading": UserFactory(expert=True),
        "referent": referent.user,
        "referent_elsewhere": other_referent.user,
        "participant_elsewhere": stranger.user,
    }


COHORT_STATUS = {
    "ansa": 200,
    "head": 200,
    "expert_leading": 403,
    "expert_not_leading": 403,
    "referent": 403,
    "referent_elsewhere": 403,
    "participant_elsewhere": 403,
}


@pytest.mark.django_db
@pytest.mark.parametrize("who", sorted(COHORT_STATUS))
@pytest.mark.parametrize("page", ["cohort", "structure", "csv"])
def test_cohort_pages_are_for_ansa_and_the_head_of_network(
    client, home, season, swarmed, people, who, page
):
    url = {
        "cohort": cohort_url(season),
        "structure": structure_url(season, swarmed),
        "csv": csv_url(season),
    }[page]
    client.force_login(people[who])
    assert client.get(url).status_code == COHORT_STATUS[who]


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["cohort", "structure", "csv"])
def test_cohort_pages_send_anonymous_visitors_to_login(client, home, season, swarmed, page):
    url = {
        "cohort": cohort_url(season),
        "structure": structure_url(season, swarmed),
        "csv": csv_url(season),
    }[page]
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(f"{reverse('account_login')}?next=")


@pytest.mark.django_db
def test_drill_down_of_a_structure_of_another_season_is_404(client, home, season, swarmed):
    other = SwarmedStructureFactory(season=TrainingSeasonFactory(slug="autre-saison"))
    client.force_login(UserFactory(ansa=True))
    assert client.get(structure_url(season, other)).status_code == 404
    assert client.get(structure_url(season, swarmed)).status_code == 200
    unknown = reverse("modules:cohort_structure", args=["saison-inconnue", swarmed.pk])
    assert client.get(unknown).status_code == 404
    assert client.get(reverse("modules:cohort", args=["saison-inconnue"])).status_code == 404


@pytest.fixture
def cohort(season, sheets, swarmed, referent, participant, stranger):
    """Two sessions held (sheets 1–2, then 3), work in several states."""
    first, second = held(season, 30, sheets[1], sheets[2]), held(season, 10, sheets[3])
    AttendanceFactory(session=first, member=referent, status=P, marked_at=ago(days=29))
    AttendanceFactory(session=second, member=referent, status=L, marked_at=ago(days=9))
    AttendanceFactory(session=first, member=participant, status=A)
    AttendanceFactory(session=first, member=stranger, status=E)
    module = ModulePageFactory(number=1, title="Prospection des entreprises")
    validated = AssignmentFactory(
        season=season, module=module, title="Carte des employeurs", due_at=ago(days=20)
    )
    awaiting = AssignmentFactory(season=season, title="Fiche de visite", due_at=ago(days=2))
    AssignmentFactory(season=season, title="Plan de fidélisation")
    SubmissionFactory(assignment=validated, swarmed_structure=swarmed, validated=True)
    SubmissionFactory(assignment=awaiting, swarmed_structure=swarmed, submitted=True)
    return {"first": first, "second": second, "validated": validated, "awaiting": awaiting}


@pytest.mark.django_db
def test_cohort_shows_every_structure_at_a_glance(client, home, season, swarmed, cohort):
    client.force_login(UserFactory(ansa=True))
    response = client.get(cohort_url(season))
    html, text = response.content.decode(), page_text(response)

    assert "2 structures essaimées" in text
    assert f'href="{structure_url(season, swarmed)}"' in html
    # Tremplin Béarn: referent 2/2, participant 0/2 → 2 of 4; Val de Loire: excused, 0 of 1.
    assert "50 % (2 présences sur 4 attendues)" in text
    assert "0 % (0 présences sur 2 attendues)" in text
    assert "50\u00a0%" in html
    assert "1 sur 3" in text and "1 remis, en attente de relecture" in text
    assert "3 sur 13" in text and "0 sur 13" in text
    assert date_format(timezone.localdate(), "j F Y") in text  # a submission changed today
    assert f'href="{csv_url(season)}"' in html


@pytest.mark.django_db
def test_drill_down_shows_people_attendance_work_and_coverage(
    client, home, season, swarmed, cohort
):
    client.force_login(UserFactory(head_of_network=True))
    text = page_text(client.get(structure_url(season, swarmed)))

    assert "Tremplin Béarn" in text
    assert "Rita Fer" in text and "Paul Tissier" in text
    assert "Sonia" not in text
    assert "✓ Présent·e" in text and "◔ En retard" in text and "✗ Absent·e" in text
    assert "? non marquée" in text  # the participant at the second session
    assert "Carte des employeurs" in text and "✓ Validé" in text
    assert "Fiche de visite" in text and "Remis, en attente de relecture" in text
    assert "Plan de fidélisation" in text and "○ Pas commencé" in text
    assert "Fiches-actions couvertes par Tremplin Béarn : 3 sur 13" in text
    assert "Rita Fer : 3 fiches couvertes sur 13" in text
    assert "Paul Tissier : 0 fiches couvertes sur 13" in text
    assert NOTHING_YET in text


def read_csv(response) -> list[list[str]]:
    content = response.content.decode("utf-8")
    assert content.startswith("\ufeff")
    return list(csv.reader(io.StringIO(content[1:]), delimiter=";"))


@pytest.mark.django_db
def test_cohort_export_is_a_french_spreadsheet_safe_from_formulas(
    client, home, season, swarmed, cohort
):
    swarmed.structure.name = '=HYPERLINK("http://piege.test")'
    swarmed.structure.save()
    client.force_login(UserFactory(ansa=True))

    response = client.get(csv_url(season))

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="suivi-saison-suivi-')
    header, *rows = read_csv(response)
    assert header[0] == "Structure" and header[5] == "Taux d'assiduité (%)"
    by_name = {row[0]: row for row in rows}
    assert set(by_name) == {'\'=HYPERLINK("http://piege.test")', "Val de Loire Emploi"}
    mine = by_name['\'=HYPERLINK("http://piege.test")']
    assert mine[2:12] == ["2", "4", "2", "50", "1", "1", "0", "3", "3", "13"]
    assert mine[12].startswith(timezone.localdate().strftime("%Y-"))


def _grow(season, sheets, structures: int, sessions: int) -> None:
    """`structures` structures of three people, `sessions` sessions with attendance and work."""
    made = []
    for _ in range(structures):
        swarmed = SwarmedStructureFactory(season=season)
        made.append((swarmed, [SwarmedMemberFactory(swarmed_structure=swarmed) for _ in range(3)]))
    for number in range(sessions):
        session = held(season, 60 - number, sheets[number % 13 + 1])
        for _, members in made:
            AttendanceFactory(session=session, member=members[number % 3], status=P)
        assignment = AssignmentFactory(season=season)
        for swarmed, _ in made:
            SubmissionFactory(assignment=assignment, swarmed_structure=swarmed, submitted=True)


@pytest.mark.django_db
def test_cohort_queries_stay_constant_with_ten_times_the_structures_and_sessions(
    client, home, sheets
):
    client.force_login(UserFactory(ansa=True))
    small, large = (TrainingSeasonFactory(slug=slug) for slug in ("petite", "grande"))
    _grow(small, sheets, 2, 2)
    _grow(large, sheets, 12, 12)

    for url_of in (cohort_url, csv_url):
        assert count_queries(client, url_of(large)) == count_queries(client, url_of(small))

    small_structure = small.swarmed.first()
    large_structure = large.swarmed.first()
    assert count_queries(client, structure_url(large, large_structure)) == count_queries(
        client, structure_url(small, small_structure)
    )


# --- A member's own progress ---------------------------------------------------------------------

MINE = "/formation/suivi/moi/"


@pytest.mark.django_db
def test_my_progress_url():
    assert reverse("modules:my_progress") == MINE


@pytest.mark.django_db
def test_referent_follows_each_person_of_their_structure_only(
    client, home, season, referent, participant, stranger, cohort
):
    client.force_login(referent.user)
    text = page_text(client.get(MINE))

    assert "Tremplin Béarn · Saison de suivi" in text
    assert "Rita Fer" in text and "Paul Tissier" in text
    assert "Sonia" not in text and "Val de Loire" not in text
    assert "Séances suivies : 2 sur les 2 où vous étiez attendu·e (100 %)." in text
    assert "Fiches-actions couvertes par Tremplin Béarn" in text
    assert "Paul Tissier : 0 fiches couvertes sur 13" in text
    assert "Travaux validés : 1 sur 3." in text
    # Work due: the one still to do; the submitted one is in the expert's hands.
    assert "Plan de fidélisation — à rendre avant le" in text
    assert "Fiche de visite — à rendre" not in text


@pytest.mark.django_db
def test_participant_sees_themself_and_the_structures_work(
    client, home, season, referent, participant, stranger, cohort
):
    client.force_login(participant.user)
    response = client.get(MINE)
    html, text = response.content.decode(), page_text(response)

    assert "Paul Tissier : 0 fiches couvertes sur 13" in text
    assert "Rita Fer" not in text
    assert "Sonia" not in text
    assert "Fiches-actions couvertes par Tremplin Béarn" not in text
    assert "Séances suivies : 0 sur les 2 où vous étiez attendu·e (0 %)." in text
    assert "Carte des employeurs" in text and "Fiche de visite" in text
    validated = cohort["validated"]
    assert f'href="{reverse("modules:submission", args=[validated.pk])}"' in html


@pytest.mark.django_db
def test_participant_of_another_structure_never_sees_this_one(
    client, home, season, referent, participant, stranger, cohort
):
    client.force_login(stranger.user)
    text = page_text(client.get(MINE))
    assert "Val de Loire Emploi · Saison de suivi" in text
    assert "Sonia Étrangère" in text
    for name in ("Tremplin Béarn", "Rita Fer", "Paul Tissier"):
        assert name not in text
    # The other structure's deliverables and their states stay its own.
    assert "Validé" not in text and "Remis, en attente de relecture" not in text
    # The season's assignments are the same for all; this structure handed nothing in.
    assert "Travaux validés : 0 sur 3." in text


@pytest.mark.django_db
def test_my_progress_without_a_season_explains(client, home):
    client.force_login(UserFactory(referent=True))
    response = client.get(MINE)
    assert response.status_code == 200
    assert "Vous ne participez à aucune saison" in page_text(response)


@pytest.mark.django_db
def test_my_progress_sends_anonymous_visitors_to_login(client, home):
    response = client.get(MINE)
    assert response.status_code == 302
    assert response["Location"].startswith(f"{reverse('account_login')}?next=")


@pytest.mark.django_db
def test_my_progress_switches_between_my_seasons(client, home, season, referent, stranger):
    earlier = TrainingSeasonFactory(
        slug="saison-passee",
        name="Saison passée",
        training_start=timezone.localdate() - datetime.timedelta(days=500),
    )
    SwarmedMemberFactory(
        user=referent.user,
        swarmed_structure=SwarmedStructureFactory(season=earlier, structure__name="Ancienne"),
    )
    client.force_login(referent.user)

    latest = page_text(client.get(MINE))
    assert "Tremplin Béarn · Saison de suivi" in latest
    assert "Voir mon suivi de la Saison passée (Ancienne)" in latest
    past = page_text(client.get(MINE, {"saison": "saison-passee"}))
    assert "Ancienne · Saison passée" in past
    foreign = page_text(client.get(MINE, {"saison": "autre"}))
    assert "Tremplin Béarn · Saison de suivi" in foreign


@pytest.mark.django_db
def test_my_progress_queries_do_not_grow_with_sessions_and_work(
    client, home, season, sheets, swarmed, referent, participant
):
    client.force_login(referent.user)
    held(season, 20, sheets[1])
    AssignmentFactory(season=season)
    few = count_queries(client, MINE)
    for days in range(1, 12):
        session = held(season, days, sheets[days], sheets[13])
        AttendanceFactory(session=session, member=participant, status=P)
        SubmissionFactory(assignment=AssignmentFactory(season=season), swarmed_structure=swarmed)
    assert count_queries(client, MINE) == few


# --- Dashboard panels ----------------------------------------------------------------------------

DASHBOARD = "/mon-espace/"


@pytest.mark.django_db
def test_member_panel_shows_next_session_work_due_and_progress(
    client, home, season, sheets, referent, cohort
):
    upcoming = TrainingSessionFactory(
        season=season, title="Séance sur la fidélisation", address="Maison des sports, Pau"
    )
    client.force_login(referent.user)

    response = client.get(DASHBOARD)
    html, text = response.content.decode(), page_text(response)

    assert ">Ma formation-action</h2>" in html
    assert "Séance sur la fidélisation" in text and "Maison des sports, Pau" in text
    assert f'href="{reverse("modules:session_detail", args=[upcoming.pk])}"' in html
    assert "Plan de fidélisation" in text
    assert "Séances suivies : 2 sur 2 (100 %)" in text
    assert "Travaux validés de ma structure : 1 sur 3" in text
    assert "Fiches-actions couvertes : 3 sur 13" in text
    assert f'href="{MINE}"' in html
    assert "Mes séances et travaux à relire" not in text
    assert "Suivi de la formation-action" not in text


@pytest.mark.django_db
def test_member_panel_hidden_outside_any_season(client, home):
    client.force_login(UserFactory(referent=True))
    html = client.get(DASHBOARD).content.decode()
    assert 'id="panel-my-training"' not in html


@pytest.mark.django_db
def test_expert_panel_lists_sessions_led_and_work_to_review(client, home, season, swarmed):
    expert = UserFactory(expert=True, first_name="Ernest")
    lead = ModuleLeadFactory(season=season, expert=expert)
    TrainingSessionFactory(season=season, module=lead.module, title="Séance du module mené")
    TrainingSessionFactory(season=season, title="Séance où je suis nommé", experts=[expert])
    TrainingSessionFactory(season=season, title="Séance d'un collègue")
    mine = SubmissionFactory(
        assignment=AssignmentFactory(season=season, module=lead.module, title="Travail à relire"),
        swarmed_structure=swarmed,
        submitted=True,
    )
    SubmissionFactory(
        assignment=AssignmentFactory(season=season, title="Travail d'un collègue"),
        swarmed_structure=swarmed,
        submitted=True,
    )
    client.force_login(expert)

    response = client.get(DASHBOARD)
    html, text = response.content.decode(), page_text(response)

    assert ">Mes séances et travaux à relire</h2>" in html
    assert "Séance du module mené" in text and "Séance où je suis nommé" in text
    assert "Séance d'un collègue" not in text
    assert "1 travail remis attend votre relecture." in text
    assert "Travail à relire — Tremplin Béarn" in text
    assert "Travail d'un collègue" not in text
    review = reverse(
        "modules:submission_review",
        kwargs={"assignment_id": mine.assignment_id, "swarmed_id": swarmed.pk},
    )
    assert f'href="{review}"' in html


@pytest.mark.django_db
def test_expert_panel_hidden_for_an_expert_leading_nothing(client, home, season):
    TrainingSessionFactory(season=season)
    client.force_login(UserFactory(expert=True))
    assert 'id="panel-expert-training"' not in client.get(DASHBOARD).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("trait", ["ansa", "head_of_network"])
def test_staff_panel_links_to_the_cohort_of_each_season_in_training(
    client, home, season, swarmed, trait
):
    SwarmedStructureFactory(
        season=TrainingSeasonFactory(
            slug="finie", training_end=timezone.localdate() - datetime.timedelta(days=1)
        )
    )
    client.force_login(UserFactory(**{trait: True}))
    html = client.get(DASHBOARD).content.decode()
    assert ">Suivi de la formation-action</h2>" in html
    assert f'href="{cohort_url(season)}"' in html
    assert 'href="/formation/suivi/saison/finie/"' not in html


@pytest.mark.django_db
def test_panels_hidden_for_people_without_a_role_in_the_training(client, home, season, swarmed):
    client.force_login(UserFactory())
    html = client.get(DASHBOARD).content.decode()
    for panel in ("panel-my-training", "panel-expert-training", "panel-cohort"):
        assert f'id="{panel}"' not in html


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["member", "expert", "ansa"])
def test_dashboard_queries_do_not_grow_with_the_season(
    client, home, season, sheets, swarmed, referent, who
):
    expert = UserFactory(expert=True)
    lead = ModuleLeadFactory(season=season, expert=expert)
    user = {"member": referent.user, "expert": expert, "ansa": UserFactory(ansa=True)}[who]
    client.force_login(user)

    def grow(count: int) -> None:
        for _ in range(count):
            other = SwarmedStructureFactory(season=season)
            SwarmedMemberFactory(swarmed_structure=other)
            session = held(season, 5, sheets[1], experts=[expert])
            TrainingSessionFactory(season=season, module=lead.module)
            AttendanceFactory(session=session, member=referent)
            led = ModuleLeadFactory(season=season, expert=expert)
            assignment = AssignmentFactory(season=season, module=led.module)
            SubmissionFactory(assignment=assignment, swarmed_structure=other, submitted=True)
            SubmissionFactory(assignment=assignment, swarmed_structure=swarmed)

    grow(1)
    few = count_queries(client, DASHBOARD)
    grow(6)
    assert count_queries(client, DASHBOARD) == few
