"""The evaluation's demo: the catalogue (v1 published with the working set, v2 in preparation),
the fidelity scale, last season's reports in every state with their experts' counter-ratings,
this season's first reports, one structure labelled and one suspended — loaded once for the
whole module, as the load takes a while.

Every loader before the evaluation's runs (people, structures, site, framework, training,
seasons and candidacies, tutoring, the guide with « Saison 2025 »), then the evaluation's own,
twice.
"""

import datetime
import io
import re
from decimal import Decimal

import pytest
from django.apps import apps
from django.core.management.base import OutputWrapper
from django.db import transaction
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from evaluation import demo as evaluation_demo
from evaluation import demo_content as content
from evaluation import permissions, selectors, services
from evaluation.enums import (
    MILESTONE_ORDER,
    Completeness,
    FidelityLevel,
    LabelAction,
    LabelState,
    Milestone,
    ReportEventKind,
    ReportSource,
    ReportStatus,
    Unit,
)
from evaluation.models import (
    CatalogueVersion,
    IndicatorValue,
    LabelDecision,
    MilestoneReport,
    PrincipleDescriptor,
)
from evaluation.schedule import due_dates
from modules.models import Season
from portal.models import AuditLogEntry, Notification, Structure, User
from portal.registry import demo_loaders
from tutoring.enums import PairingStatus
from tutoring.models import Pairing

#: Where the evaluation's loader sits in load_demo, after the guide's.
EVALUATION_ORDER = 90
M3, M9, M18 = Milestone.APPROPRIATION, Milestone.IMPLEMENTATION, Milestone.IMPACT
ANSA, HEAD = "ansa@essaim.test", "tete-de-reseau@essaim.test"

#: The brief's working set (§6 and the digest's inferred set), by code.
WORKING_SET = {
    "people_supported": Unit.COUNT,
    "returns_to_work": Unit.COUNT,
    "durable_jobs": Unit.COUNT,
    "delay_to_first_contract": Unit.DAYS,
    "companies_in_file": Unit.COUNT,
    "company_contacts_per_month": Unit.COUNT,
    "offers_captured": Unit.COUNT,
    "offers_proposed": Unit.COUNT,
    "pmsmp": Unit.COUNT,
    "cafes_and_visits": Unit.COUNT,
    "active_file_per_cre": Unit.COUNT,
    "cre_count": Unit.COUNT,
    "job_return_rate": Unit.RATE,
    "method_active": Unit.BOOLEAN,
    "axes_started": Unit.BOOLEAN,
    "cre_post_dedicated": Unit.BOOLEAN,
    "per_in_use": Unit.BOOLEAN,
    "company_file_opened": Unit.BOOLEAN,
}
TOTALS = {"people_supported", "returns_to_work", "durable_jobs", "companies_in_file"}
#: A space typed before French punctuation instead of a no-break space.
BAD_TYPOGRAPHY = re.compile(r"\w [:;!?»%]|« ")


def load_until_evaluation() -> None:
    stdout = io.StringIO()
    for loader in demo_loaders():
        if loader.order < EVALUATION_ORDER:
            loader.load(stdout)


def row_counts() -> dict[str, int]:
    models = [
        *apps.get_app_config("evaluation").get_models(),
        Pairing,
        Notification,
        AuditLogEntry,
    ]
    return {model._meta.label: model.objects.count() for model in models}


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo loaded once, rolled back when the module's tests are done."""
    media = tmp_path_factory.mktemp("media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media), transaction.atomic():
        load_until_evaluation()
        first, second = io.StringIO(), io.StringIO()
        evaluation_demo.load(OutputWrapper(first))  # as load_demo writes: a line each
        counts = row_counts()
        evaluation_demo.load(OutputWrapper(second))
        yield {"first": first.getvalue(), "second": second.getvalue(), "counts": counts}
        transaction.set_rollback(True)


@pytest.fixture
def last_season(demo, db):
    return Season.objects.get(slug=evaluation_demo.LAST_SEASON_SLUG)


@pytest.fixture
def current_season(demo, db):
    return Season.objects.get(slug=evaluation_demo.CURRENT_SEASON_SLUG)


def person(email: str) -> User:
    return User.objects.get(email=email)


def report_of(key: tuple) -> MilestoneReport:
    name, milestone = key
    return MilestoneReport.objects.get(swarmed_structure__structure__name=name, milestone=milestone)


def statuses_of(season: Season) -> dict[tuple, str]:
    return {
        (report.swarmed_structure.structure.name, report.milestone): report.status
        for report in MilestoneReport.objects.filter(
            swarmed_structure__season=season
        ).select_related("swarmed_structure__structure")
    }


def matrix_states(season: Season) -> dict[tuple, str]:
    return {
        (row.swarmed.structure.name, milestone): cell["state"]
        for row in selectors.completeness_matrix([season])
        for milestone, cell in row.cells.items()
    }


# --- Loading ------------------------------------------------------------------------------------


def test_loading_the_demo_again_changes_nothing(demo, db):
    assert row_counts() == demo["counts"]
    assert demo["first"] == demo["second"]
    lines = demo["first"].splitlines()
    assert len(lines) == 5  # one line per part
    assert "catalogue d'indicateurs v1 publié le " in lines[0] and "v2 en préparation" in lines[0]
    assert "16 descripteurs pour 4 principes" in lines[1]
    assert lines[2].startswith("  évaluation : Saison 2025, 4 structures, 12 bilans d'étape")
    assert lines[3].startswith("  évaluation : Saison 2026, 6 structures, 18 bilans d'étape")
    assert "Trajectoires Emploi Val d'Aubre labellisée depuis le " in lines[4]
    assert "Horizon Emploi Plaine Est : label suspendu le " in lines[4]


def test_without_last_season_the_demo_says_so_and_skips_it(demo, db):
    Season.objects.filter(slug=evaluation_demo.LAST_SEASON_SLUG).update(training_start=None)
    stdout = io.StringIO()
    evaluation_demo.load(stdout)
    assert "pas de « Saison 2025 », pas de bilans d'étape pour elle" in stdout.getvalue()


# --- The catalogue -------------------------------------------------------------------------------


def test_catalogue_v1_is_published_by_ansa_with_the_working_set(last_season):
    v1 = CatalogueVersion.objects.get(number=1)
    assert services.current_catalogue() == v1
    assert v1.published_by.email == ANSA and v1.note
    assert timezone.localdate(v1.created_at) < timezone.localdate(v1.published_at)
    assert timezone.localdate(v1.published_at) < last_season.training_start
    indicators = {indicator.code: indicator for indicator in v1.indicators.all()}
    assert set(indicators) == set(WORKING_SET)
    for code, unit in WORKING_SET.items():
        indicator = indicators[code]
        assert indicator.unit == unit, code
        assert indicator.label and len(indicator.definition) > 40, code
        assert not BAD_TYPOGRAPHY.search(indicator.label + indicator.definition), code
        assert indicator.milestones and set(indicator.milestones) <= set(Milestone.values), code
    assert {code for code, indicator in indicators.items() if indicator.in_totals} == TOTALS
    rate = indicators["job_return_rate"]
    assert rate.target == Decimal("60") and rate.milestones == [M18]
    assert "«\u00a01 offre = 1 personne\u00a0»" in indicators["offers_proposed"].label
    assert "CDI" in indicators["durable_jobs"].definition
    active = indicators["method_active"]
    assert active.required and active.milestones == [M3, M9, M18]
    for code in ("axes_started", "cre_post_dedicated", "per_in_use", "company_file_opened"):
        assert indicators[code].milestones == [M3] and indicators[code].required, code
    assert all(indicators[code].required for code in TOTALS)
    assert [indicator.position for indicator in v1.indicators.order_by("position")] == list(
        range(len(indicators))
    )


def test_version_2_is_in_preparation_with_one_change(demo, db):
    v1, v2 = CatalogueVersion.objects.get(number=1), CatalogueVersion.objects.get(number=2)
    assert not v2.is_published
    old = {indicator.code: indicator for indicator in v1.indicators.all()}
    new = {indicator.code: indicator for indicator in v2.indicators.all()}
    assert set(old) == set(new)
    changes = {
        (code, field)
        for code in old
        for field in services.COPIED
        if getattr(old[code], field) != getattr(new[code], field)
    }
    assert changes == {("job_return_rate", "milestones")}
    assert new["job_return_rate"].milestones == [M9, M18]
    # Every report answers the published version.
    assert not MilestoneReport.objects.exclude(catalogue=v1).exists()


# --- The fidelity scale --------------------------------------------------------------------------


def test_each_principle_has_a_descriptor_for_each_level(demo, db):
    descriptors = PrincipleDescriptor.objects.select_related("principle")
    assert {(d.principle.letter, d.level) for d in descriptors} == {
        (letter, level) for letter in "ABCD" for level in FidelityLevel.values
    }
    texts = [descriptor.text for descriptor in descriptors]
    assert len(set(texts)) == 16
    assert all(20 < len(text) <= 400 and not BAD_TYPOGRAPHY.search(text) for text in texts)


# --- Last season ---------------------------------------------------------------------------------


def test_last_seasons_reports_stand_in_every_state(last_season):
    accepted = ReportStatus.ACCEPTED
    expected = {
        (content.VAL_D_AUBRE, M3): accepted,
        (content.VAL_D_AUBRE, M9): accepted,
        (content.PLAINE_EST, M3): accepted,
        (content.PLAINE_EST, M9): accepted,
        evaluation_demo.PHONE_REPORT: accepted,
        evaluation_demo.SUBMITTED_REPORT: ReportStatus.SUBMITTED,
        evaluation_demo.SENT_BACK_REPORT: ReportStatus.RETURNED,
        evaluation_demo.LATE_DRAFT_REPORT: ReportStatus.DRAFT,
        **{
            (name, M18): ReportStatus.SCHEDULED
            for name in (
                content.VAL_D_AUBRE,
                content.PLAINE_EST,
                content.PORT_MARTHE,
                content.ARVEZE,
            )
        },
    }
    assert statuses_of(last_season) == expected
    states = matrix_states(last_season)
    assert states[evaluation_demo.LATE_DRAFT_REPORT] == Completeness.LATE
    assert states[evaluation_demo.SENT_BACK_REPORT] == Completeness.RETURNED
    assert states[evaluation_demo.SUBMITTED_REPORT] == Completeness.SUBMITTED
    assert [key for key, state in states.items() if state == Completeness.LATE] == [
        evaluation_demo.LATE_DRAFT_REPORT
    ]
    assert {states[key] for key in states if key[1] == M18} == {Completeness.NOT_DUE}
    today = timezone.localdate()
    dates = due_dates(last_season)
    assert dates[M3] < dates[M9] < today < dates[M18]
    for report in MilestoneReport.objects.filter(swarmed_structure__season=last_season):
        assert report.due_on == dates[report.milestone]


def test_accepted_reports_hold_values_texts_and_both_ratings(last_season):
    reports = MilestoneReport.objects.filter(
        swarmed_structure__season=last_season, status=ReportStatus.ACCEPTED
    )
    assert reports.count() == 5
    for report in reports:
        assert report.practice_changes and report.difficulties, report
        assert not BAD_TYPOGRAPHY.search(report.practice_changes + report.difficulties), report
        assert services.submit_errors(report) == {}, report
        values = {value.indicator.code: value for value in report.values.all()}
        for indicator in services.report_indicators(report):
            if indicator.required:
                assert not values[indicator.code].is_empty, (report, indicator.code)
        ratings = list(report.fidelity_ratings.all())
        assert len(ratings) == 4 and all(rating.self_level for rating in ratings), report
        if report.source == ReportSource.REFERENT:
            assert all(r.expert_level and r.expert_comment for r in ratings), report
            assert report.events.filter(kind=ReportEventKind.COUNTER_RATED).exists()


def test_one_counter_rating_is_two_levels_below_the_structure(demo, db):
    report = report_of(evaluation_demo.GAP_REPORT)
    assert report.status == ReportStatus.ACCEPTED
    gaps = {rating.principle.letter: rating.gap for rating in report.fidelity_ratings.all()}
    assert gaps[evaluation_demo.GAP_PRINCIPLE] == 2
    rating = report.fidelity_ratings.get(principle__letter=evaluation_demo.GAP_PRINCIPLE)
    assert rating.expert.email == HEAD and rating.expert_comment
    table = selectors.fidelity_table(report.swarmed_structure)
    assert table["cells"][(evaluation_demo.GAP_PRINCIPLE, M3)].gap == 2
    # By 9 months the structure closed the gap.
    later = table["cells"][(evaluation_demo.GAP_PRINCIPLE, M9)]
    assert abs(later.gap) < 2


def test_a_report_sent_back_once_was_fixed_and_accepted(demo, db):
    report = report_of((content.VAL_D_AUBRE, M3))
    kinds = [kind for kind in report.events.values_list("kind", flat=True) if kind != "saved"]
    assert kinds == ["scheduled", "submitted", "returned", "submitted", "accepted", "counter_rated"]
    returned = report.events.get(kind=ReportEventKind.RETURNED)
    assert returned.actor.email == ANSA and returned.comment
    assert all(rating.self_comment for rating in report.fidelity_ratings.all())


def test_the_report_sent_back_waits_with_ansas_comment(demo, db):
    report = report_of(evaluation_demo.SENT_BACK_REPORT)
    event = report.events.filter(kind=ReportEventKind.RETURNED).get()
    assert event.actor.email == ANSA
    assert event.comment == content.REPORTS[evaluation_demo.SENT_BACK_REPORT]["comment"]
    referent = User.objects.get(pk=report.submitted_by_id)
    assert permissions.can_edit_report(referent, report)


def test_ansa_recorded_one_3_month_report_from_a_phone_interview(demo, db):
    report = report_of(evaluation_demo.PHONE_REPORT)
    assert report.milestone == M3
    assert report.source == ReportSource.PHONE and report.status == ReportStatus.ACCEPTED
    assert report.submitted_by.email == ANSA and report.reviewed_by.email == ANSA
    event = report.events.get(kind=ReportEventKind.PHONE)
    assert event.actor.email == ANSA and "téléphonique" in event.comment
    assert report.due_on < timezone.localdate(report.submitted_at)
    assert MilestoneReport.objects.filter(source=ReportSource.PHONE).count() == 1


def test_one_report_carries_its_evidence_file(demo, db):
    report = report_of((content.VAL_D_AUBRE, M9))
    stored = report.files.get()
    assert stored.content_type == "application/pdf" and stored.size > 0
    with stored.file.open("rb") as handle:
        assert handle.read(5) == b"%PDF-"


def test_an_expert_followed_each_structure_of_last_season_after_its_training(last_season):
    dates = due_dates(last_season)
    for swarmed in last_season.swarmed.select_related("structure"):
        pairing = swarmed.pairings.get()
        assert pairing.expert.email == content.FOLLOW_UP_EXPERTS[swarmed.structure.name]
        assert pairing.status == PairingStatus.ENDED and pairing.end_reason
        assert last_season.training_end < pairing.started_on < dates[M9] < pairing.ended_on
        assert pairing.ended_on < timezone.localdate()
        assert AuditLogEntry.objects.filter(action="pairing.start", object_id=str(pairing.pk))
    # The 9-month counter-ratings are the pairing expert's.
    for name in (content.VAL_D_AUBRE, content.PLAINE_EST):
        report = report_of((name, M9))
        expert = report.swarmed_structure.pairings.get().expert
        assert {rating.expert for rating in report.fidelity_ratings.all()} == {expert}
    # The expert may still counter-rate the report awaiting review; another may not.
    waiting = report_of(evaluation_demo.SUBMITTED_REPORT)
    tutor = waiting.swarmed_structure.pairings.get().expert
    assert permissions.can_counter_rate(person(tutor.email), waiting)
    assert not permissions.can_counter_rate(person(content.AMAIA), waiting)


def test_the_story_happened_in_the_past_in_order(last_season, current_season):
    now = timezone.now()
    published = CatalogueVersion.objects.get(number=1).published_at
    for report in MilestoneReport.objects.filter(
        swarmed_structure__season__in=[last_season, current_season]
    ).select_related("swarmed_structure__season"):
        events = list(report.events.order_by("pk"))
        moments = [event.at for event in events]
        assert moments == sorted(moments) and moments[-1] < now, report
        assert events[0].kind == ReportEventKind.SCHEDULED
        assert report.created_at == moments[0] > published
        assert timezone.localdate(moments[0]) == report.swarmed_structure.season.training_start
        assert moments[0] <= report.updated_at <= moments[-1], report
        if report.submitted_at:
            assert report.submitted_at <= (report.reviewed_at or now)
    old = now - datetime.timedelta(days=7)
    assert not Notification.objects.filter(
        kind__startswith="evaluation.", created_at__lt=old, read_at__isnull=True
    ).exists()
    assert Notification.objects.filter(kind="evaluation.submitted", created_at__gte=old).exists()


# --- This season ---------------------------------------------------------------------------------


def test_this_seasons_first_reports_are_due_one_accepted(current_season):
    statuses = statuses_of(current_season)
    assert len(statuses) == 6 * 3
    first = {name: status for (name, milestone), status in statuses.items() if milestone == M3}
    assert first == {
        content.VAL_DE_LOIRE: ReportStatus.ACCEPTED,
        content.CORNOUAILLE: ReportStatus.SUBMITTED,
        content.RHONE_SUD: ReportStatus.SUBMITTED,
        content.HAUTES_VIGNES: ReportStatus.DRAFT,
        content.TREMPLIN: ReportStatus.SCHEDULED,
        content.BOURG: ReportStatus.SCHEDULED,
    }
    assert evaluation_demo.CURRENT_ACCEPTED_STRUCTURE == content.VAL_DE_LOIRE
    assert {s for (name, m), s in statuses.items() if m != M3} == {ReportStatus.SCHEDULED}
    states = matrix_states(current_season)
    assert {states[(name, M3)] for name in first} <= {
        Completeness.DUE,
        Completeness.LATE,
        Completeness.SUBMITTED,
        Completeness.ACCEPTED,
    }
    accepted = report_of((content.VAL_DE_LOIRE, M3))
    assert all(rating.expert_level for rating in accepted.fidelity_ratings.all())
    counter_rated = report_of((content.RHONE_SUD, M3))
    assert {rating.expert.email for rating in counter_rated.fidelity_ratings.all()} == {
        content.AMAIA
    }


def test_the_journeys_report_is_left_untouched_for_tremplins_referent(current_season):
    report = report_of((evaluation_demo.JOURNEY_STRUCTURE, evaluation_demo.JOURNEY_MILESTONE))
    assert report.swarmed_structure.season == current_season
    assert report.status == ReportStatus.SCHEDULED and report.version == 1
    assert not report.values.exists() and not report.fidelity_ratings.exists()
    assert list(report.events.values_list("kind", flat=True)) == [ReportEventKind.SCHEDULED]
    assert report.catalogue == services.current_catalogue()
    referent = person(evaluation_demo.JOURNEY_REFERENT)
    assert permissions.can_edit_report(referent, report)
    assert report.due_on == due_dates(current_season)[M3]
    assert abs((report.due_on - timezone.localdate()).days) <= 14


def test_the_journey_can_be_played_on_the_demo(demo, db):
    """What the browser journey does, through the services: two visits, a send-back, the label."""
    referent, ansa, head = person(evaluation_demo.JOURNEY_REFERENT), person(ANSA), person(HEAD)
    report = report_of((evaluation_demo.JOURNEY_STRUCTURE, M3))
    previous = content.REPORTS[(content.VAL_DE_LOIRE, M3)]["full"]
    half = {code: previous["values"][code] for code in ("people_supported", "returns_to_work")}
    report = services.report_save(
        actor=referent, report=report, version=report.version, values=half, fidelity={}
    )
    report = services.report_save(
        actor=referent,
        report=report,
        version=report.version,
        values=previous["values"],
        fidelity={letter: ("3", "") for letter in "ABCD"},
        practice_changes="Deux chargés de relation entreprises.",
    )
    report = services.report_submit(actor=referent, report=report, version=report.version)
    report = services.report_review(actor=ansa, report=report, accept=False, comment="Précisez.")
    report = services.report_save(
        actor=referent,
        report=report,
        version=report.version,
        values=previous["values"],
        fidelity={letter: ("3", "Précisé.") for letter in "ABCD"},
    )
    report = services.report_submit(actor=referent, report=report, version=report.version)
    report = services.report_review(actor=ansa, report=report, accept=True)
    structure = report.swarmed_structure.structure
    services.label_decide(
        actor=head, structure=structure, action=LabelAction.GRANT, reason="Oui.", report=report
    )
    names = [entry["structure"].name for entry in selectors.labelled_structures()]
    assert names == sorted([evaluation_demo.LABELLED_STRUCTURE, structure.name])


# --- The label ---------------------------------------------------------------------------------


def test_one_structure_is_labelled_on_its_accepted_9_month_report(demo, db):
    structure = Structure.objects.get(name=evaluation_demo.LABELLED_STRUCTURE)
    assert services.label_state(structure) == LabelState.GRANTED
    decision = structure.label_decisions.get()
    assert decision.action == LabelAction.GRANT and decision.decided_by.email == HEAD
    assert decision.reason == content.GRANTED_REASON
    assert decision.report == report_of((structure.name, M9))
    assert decision.report.status == ReportStatus.ACCEPTED
    assert decision.report.reviewed_at < decision.created_at
    assert decision.decided_on == timezone.localdate(decision.created_at)
    assert AuditLogEntry.objects.filter(
        action="evaluation.label_grant", object_id=str(structure.pk)
    ).exists()


def test_one_structure_was_labelled_then_suspended_with_a_reason(demo, db):
    structure = Structure.objects.get(name=evaluation_demo.SUSPENDED_STRUCTURE)
    assert services.label_state(structure) == LabelState.SUSPENDED
    history = list(selectors.label_history(structure))
    assert [decision.action for decision in history] == [LabelAction.SUSPEND, LabelAction.GRANT]
    suspended, granted = history
    assert suspended.reason == content.SUSPEND_REASON and suspended.report is None
    assert granted.report == report_of((structure.name, M9))
    assert granted.decided_on < suspended.decided_on < timezone.localdate()
    assert {decision.decided_by.email for decision in history} == {HEAD}
    assert AuditLogEntry.objects.filter(
        action="evaluation.label_suspend", object_id=str(structure.pk)
    ).exists()
    assert LabelDecision.objects.count() == 3


def test_the_public_list_shows_the_labelled_structure_only(demo, db, client):
    labelled = selectors.labelled_structures()
    assert [entry["structure"].name for entry in labelled] == [evaluation_demo.LABELLED_STRUCTURE]
    response = client.get(reverse("evaluation:labels_public"))
    assert response.status_code == 200
    page = response.content.decode()
    assert evaluation_demo.LABELLED_STRUCTURE.replace("'", "&#x27;") in page
    assert evaluation_demo.SUSPENDED_STRUCTURE not in page


# --- Aggregates ----------------------------------------------------------------------------------


def latest_accepted(swarmed, code: str):
    """The value of the structure's most advanced accepted report answering `code`, read plainly."""
    values = [
        value
        for value in IndicatorValue.objects.filter(
            report__swarmed_structure=swarmed,
            report__status=ReportStatus.ACCEPTED,
            indicator__code=code,
        ).select_related("report")
        if not value.is_empty
    ]
    if not values:
        return Decimal(0)
    return max(values, key=lambda value: MILESTONE_ORDER[value.report.milestone]).number


def test_totals_over_seasons_equal_the_per_structure_sums(last_season, current_season):
    structures = list(selectors.dashboard_structures())
    per_season, overall = selectors.programme_totals(structures, sorted(TOTALS))
    assert [totals.season for totals in per_season] == [last_season, current_season]
    for code in TOTALS:
        expected = sum((latest_accepted(swarmed, code) for swarmed in structures), Decimal(0))
        assert overall.sums[code] == expected, code
        assert sum((totals.sums[code] for totals in per_season), Decimal(0)) == expected, code
        for totals in per_season:
            mine = [s for s in structures if s.season_id == totals.season.pk]
            assert totals.sums[code] == sum(
                (latest_accepted(swarmed, code) for swarmed in mine), Decimal(0)
            ), (code, totals.season)
    # Read from the demo's own figures: 9 months for two structures, 3 months by phone for one.
    assert overall.sums["people_supported"] == 112 + 96 + 18 + 27
    assert overall.structures == 10 and overall.active == 10
