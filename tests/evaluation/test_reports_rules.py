"""The programme's rules around milestone reports: they are scheduled from the training start
(3, 9 and 18 months, a month-end start ending on the shorter month's last day), a season's new
offsets move the open reports only, reminders go to the referent with the expert in copy before
the due date and while late, and each role's dashboard panel says what waits for them."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from evaluation import services
from evaluation.enums import Milestone, ReportEventKind
from evaluation.models import EvaluationSettings, MilestoneReport
from evaluation.schedule import add_months
from portal.models import Notification
from tests.evaluation.factories import (
    ansa,
    filled_report,
    principles,
    published_catalogue,
    scheduled_reports,
)
from tests.modules.factories import (
    SwarmedMemberFactory,
    SwarmedStructureFactory,
    TrainingSeasonFactory,
)
from tests.tutoring.factories import PairingFactory, referent_of

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("portal:dashboard")


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def catalogue():
    principles()
    return published_catalogue()


# --- Schedule --------------------------------------------------------------------------------


def test_reports_are_due_3_9_and_18_months_after_the_training_start_even_from_a_month_end(
    catalogue,
):
    season = TrainingSeasonFactory(training_start=datetime.date(2026, 8, 31))
    swarmed = SwarmedStructureFactory(season=season)

    reports = scheduled_reports(swarmed)

    assert {milestone: report.due_on for milestone, report in reports.items()} == {
        Milestone.APPROPRIATION: datetime.date(2026, 11, 30),
        Milestone.IMPLEMENTATION: datetime.date(2027, 5, 31),
        Milestone.IMPACT: datetime.date(2028, 2, 29),
    }
    assert all(report.catalogue == catalogue for report in reports.values())
    assert all(
        report.events.filter(kind=ReportEventKind.SCHEDULED).count() == 1
        for report in reports.values()
    )


def test_the_month_end_rule_for_non_leap_years_and_december():
    assert add_months(datetime.date(2027, 1, 31), 1) == datetime.date(2027, 2, 28)
    assert add_months(datetime.date(2026, 12, 15), 3) == datetime.date(2027, 3, 15)
    assert add_months(datetime.date(2026, 10, 31), 18) == datetime.date(2028, 4, 30)


def test_scheduling_again_creates_nothing_twice(catalogue):
    swarmed = SwarmedStructureFactory()
    scheduled_reports(swarmed)

    assert services.reports_schedule(swarmed.season) == 0
    assert MilestoneReport.objects.filter(swarmed_structure=swarmed).count() == 3


def test_a_season_without_a_training_start_has_no_reports_yet(catalogue):
    season = TrainingSeasonFactory(training_start=None)
    SwarmedStructureFactory(season=season)

    assert services.reports_schedule(season) == 0
    assert not MilestoneReport.objects.exists()


# --- A season's milestones -------------------------------------------------------------------


def settings_url(season) -> str:
    return reverse("evaluation:season_settings", kwargs={"slug": season.slug})


def test_new_offsets_move_open_reports_only_and_the_page_shows_the_new_due_dates(client, catalogue):
    season = TrainingSeasonFactory(training_start=datetime.date(2026, 8, 31))
    sent = SwarmedStructureFactory(season=season)
    still_open = SwarmedStructureFactory(season=season)
    sent_m3 = filled_report(scheduled_reports(sent)[Milestone.APPROPRIATION])
    open_m3 = scheduled_reports(still_open)[Milestone.APPROPRIATION]
    client.force_login(ansa())

    response = client.post(
        settings_url(season),
        {"appropriation_months": "4", "implementation_months": "10", "impact_months": "20",
         "remind_days_before": "21"},
    )  # fmt: skip

    assert response.status_code == 302
    assert MilestoneReport.objects.get(pk=open_m3.pk).due_on == datetime.date(2026, 12, 31)
    assert MilestoneReport.objects.get(pk=sent_m3.pk).due_on == datetime.date(2026, 11, 30)
    assert MilestoneReport.objects.get(
        swarmed_structure=sent, milestone=Milestone.IMPACT
    ).due_on == datetime.date(2028, 4, 30)
    assert EvaluationSettings.objects.get(season=season).remind_days_before == 21
    page = soup(client.get(settings_url(season)))
    dates = page.find(id="dates-title").find_parent("section").get_text(" ", strip=True)
    assert "31 décembre 2026" in dates and "30 avril 2028" in dates
    assert page.find(id="id_appropriation_months")["value"] == "4"


def test_offsets_out_of_order_are_refused_beside_the_field_and_nothing_moves(client, catalogue):
    season = TrainingSeasonFactory(training_start=datetime.date(2026, 8, 31))
    report = scheduled_reports(SwarmedStructureFactory(season=season))[Milestone.IMPLEMENTATION]
    client.force_login(ansa())

    response = client.post(
        settings_url(season),
        {"appropriation_months": "9", "implementation_months": "6", "impact_months": "18",
         "remind_days_before": "14"},
    )  # fmt: skip

    assert response.status_code == 400
    error = soup(response).find(id="id_implementation_months_error").get_text(strip=True)
    assert "Les jalons se suivent" in error
    assert soup(response).find(id="id_implementation_months")["value"] == "6"
    assert not EvaluationSettings.objects.exists()
    assert MilestoneReport.objects.get(pk=report.pk).due_on == datetime.date(2027, 5, 31)


def test_a_non_number_offset_is_refused_in_french(client, catalogue):
    season = TrainingSeasonFactory()
    client.force_login(ansa())

    response = client.post(
        settings_url(season),
        {"appropriation_months": "trois", "implementation_months": "9", "impact_months": "18",
         "remind_days_before": "14"},
    )  # fmt: skip

    assert response.status_code == 400
    assert "nombre entier" in soup(response).find(id="id_appropriation_months_error").get_text()


def test_the_milestones_page_is_ansas(client):
    from tests.portal.factories import UserFactory

    season = TrainingSeasonFactory()
    client.force_login(UserFactory(head_of_network=True))
    assert client.get(settings_url(season)).status_code == 403


# --- Reminders -------------------------------------------------------------------------------


@pytest.fixture
def tutored(catalogue):
    swarmed = SwarmedStructureFactory(
        season=TrainingSeasonFactory(training_start=datetime.date(2026, 8, 31))
    )
    participant = SwarmedMemberFactory(swarmed_structure=swarmed).user
    return {
        "swarmed": swarmed,
        "reports": scheduled_reports(swarmed),
        "referent": referent_of(swarmed),
        "participant": participant,
        "expert": PairingFactory(swarmed_structure=swarmed).expert,
    }


def _reminders(person, kind):
    return Notification.objects.filter(recipient=person, kind=kind)


def test_a_reminder_goes_before_the_due_date_to_the_referent_with_the_expert_in_copy(tutored):
    # The 3-month report is due on 30 November 2026; reminders start 14 days before.
    assert services.reminders_send(today=datetime.date(2026, 11, 15)) == 0

    assert services.reminders_send(today=datetime.date(2026, 11, 16)) == 1

    reminder = _reminders(tutored["referent"], "evaluation.reminder").get()
    assert "30 novembre 2026" in reminder.title
    copy = _reminders(tutored["expert"], "evaluation.reminder_copy").get()
    assert copy.title.startswith("Copie")
    assert not _reminders(tutored["participant"], "evaluation.reminder").exists()
    # Once before the due date, not every morning.
    assert services.reminders_send(today=datetime.date(2026, 11, 20)) == 0
    m3 = tutored["reports"][Milestone.APPROPRIATION]
    assert m3.events.filter(kind=ReportEventKind.REMINDED).count() == 1


def test_a_late_report_is_reminded_again_while_nothing_is_sent(tutored):
    services.reminders_send(today=datetime.date(2026, 11, 16))

    assert services.reminders_send(today=datetime.date(2026, 12, 1)) == 1

    late = _reminders(tutored["referent"], "evaluation.reminder").order_by("pk").last()
    assert "en retard" in late.title
    assert _reminders(tutored["expert"], "evaluation.reminder_copy").count() == 2


def test_a_submitted_report_is_not_reminded(tutored):
    filled_report(tutored["reports"][Milestone.APPROPRIATION])

    assert services.reminders_send(today=datetime.date(2026, 12, 1)) == 0
    assert not _reminders(tutored["referent"], "evaluation.reminder").exists()


def test_the_reminder_delay_is_the_seasons(tutored):
    EvaluationSettings.objects.create(season=tutored["swarmed"].season, remind_days_before=30)

    assert services.reminders_send(today=datetime.date(2026, 10, 31)) == 1


# --- Dashboard panels ------------------------------------------------------------------------


@pytest.fixture
def current(catalogue):
    """A structure whose training started 95 days ago: its 3-month report is a few days late."""
    swarmed = SwarmedStructureFactory()
    return {
        "swarmed": swarmed,
        "reports": scheduled_reports(swarmed),
        "referent": referent_of(swarmed),
        "expert": PairingFactory(swarmed_structure=swarmed).expert,
    }


def _panel(client, person, title: str):
    client.force_login(person)
    page = soup(client.get(DASHBOARD))
    heading = page.find("h2", string=title)
    return heading.find_parent("section") if heading else None


def test_a_referents_panel_shows_the_next_report_and_the_late_ones(client, current, home):
    report = current["reports"][Milestone.APPROPRIATION]

    panel = _panel(client, current["referent"], "Mes bilans d'étape")

    text = panel.get_text(" ", strip=True)
    assert "1 bilan en retard" in text
    assert panel.find("a", href=reverse("evaluation:report_edit", kwargs={"pk": report.pk}))
    assert "Prochain bilan\u00a0: Mise en œuvre (9 mois)" in text


def test_ansas_panel_counts_late_reports_and_those_to_review(client, current, home):
    filled_report(current["reports"][Milestone.IMPLEMENTATION])

    text = _panel(client, ansa(), "Bilans d'étape du programme").get_text(" ", strip=True)

    assert "1 bilan en retard" in text
    assert "1 bilan transmis à examiner" in text


def test_an_experts_panel_lists_their_structures_reports_awaiting_a_counter_rating(
    client, current, home
):
    report = filled_report(current["reports"][Milestone.APPROPRIATION])
    other = filled_report(scheduled_reports(SwarmedStructureFactory())[Milestone.APPROPRIATION])

    panel = _panel(client, current["expert"], "Bilans à contre-évaluer")

    assert panel.find("a", href=reverse("evaluation:report_counter_rate", kwargs={"pk": report.pk}))
    assert not panel.find(
        "a", href=reverse("evaluation:report_counter_rate", kwargs={"pk": other.pk})
    )
    services.fidelity_counter_rate(
        actor=current["expert"],
        report=report,
        ratings={letter: ("3", "") for letter in "ABCD"},
    )
    assert _panel(client, current["expert"], "Bilans à contre-évaluer") is None
