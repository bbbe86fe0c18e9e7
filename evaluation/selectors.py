"""Reading the evaluation: who sees which reports, where each stands, what the programme adds up to.

Aggregates follow one rule: for each structure and each indicator counted in the totals, the
value of its most advanced *accepted* report that answers it (impact before implementation before
appropriation); the programme's figure is the sum of those over the structures. The per-structure
table and the dashboard read the same function, so their figures always agree.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, QuerySet
from django.utils import timezone

from curriculum.models import Principle
from evaluation import permissions
from evaluation.enums import (
    MILESTONE_ORDER,
    Completeness,
    LabelAction,
    Milestone,
    ReportStatus,
)
from evaluation.models import (
    EvaluationSettings,
    FidelityRating,
    IndicatorValue,
    LabelDecision,
    MilestoneReport,
)
from modules.models import Season, SwarmedMember, SwarmedStructure
from tutoring.permissions import swarmed_ids

#: The reminder delay of a season without settings: the model's default.
DEFAULT_REMIND_DAYS = EvaluationSettings._meta.get_field("remind_days_before").default
#: Indicator codes the dashboard names (the catalogue may hold more).
ACTIVE_CODE = "method_active"


def reports_visible_to(user, reports: QuerySet | None = None) -> QuerySet[MilestoneReport]:
    """The reports this user may open (one query, whatever the data)."""
    reports = MilestoneReport.objects.all() if reports is None else reports
    if permissions.reads_every_report(user):
        return reports
    allowed = swarmed_ids(user) | permissions.tutored_structure_ids(user)
    return reports.filter(swarmed_structure_id__in=allowed)


def report_for(user, pk: int) -> MilestoneReport | None:
    return (
        reports_visible_to(user)
        .select_related("swarmed_structure__structure", "swarmed_structure__season", "catalogue")
        .filter(pk=pk)
        .first()
    )


def remind_delays(seasons=None) -> defaultdict:
    """{season id: days before the due date a report is « à rendre »}, the default for others.

    `seasons`: seasons or their ids (a queryset too); all seasons when None."""
    settings = EvaluationSettings.objects.all()
    if seasons is not None:
        settings = settings.filter(season__in=seasons)
    return defaultdict(
        lambda: DEFAULT_REMIND_DAYS, settings.values_list("season_id", "remind_days_before")
    )


def completeness(report: MilestoneReport, today: datetime.date, remind_days: int) -> str:
    """Where a report stands today, as the completeness matrix shows it."""
    if report.status == ReportStatus.ACCEPTED:
        return Completeness.ACCEPTED
    if report.status == ReportStatus.SUBMITTED:
        return Completeness.SUBMITTED
    if report.status == ReportStatus.RETURNED:
        return Completeness.RETURNED
    if today > report.due_on:
        return Completeness.LATE
    if (report.due_on - today).days <= remind_days:
        return Completeness.DUE
    return Completeness.NOT_DUE


@dataclass
class MatrixRow:
    swarmed: SwarmedStructure
    cells: dict = field(default_factory=dict)


def completeness_matrix(seasons, *, today=None) -> list[MatrixRow]:
    """Structures × milestones with each report's state (constant queries)."""
    today = today or timezone.localdate()
    delays = remind_delays(seasons)
    swarmed = (
        SwarmedStructure.objects.filter(season__in=seasons)
        .select_related("structure", "season")
        .prefetch_related("milestone_reports")
        .order_by("season__training_start", "structure__name")
    )
    rows = []
    for structure in swarmed:
        row = MatrixRow(swarmed=structure)
        for report in structure.milestone_reports.all():
            row.cells[report.milestone] = {
                "report": report,
                "state": completeness(report, today, delays[structure.season_id]),
            }
        rows.append(row)
    return rows


def previous_values(report: MilestoneReport) -> dict[str, IndicatorValue]:
    """{indicator code: value} of the structure's latest earlier report: shown beside the form."""
    earlier = [
        milestone
        for milestone in Milestone
        if MILESTONE_ORDER[milestone] < MILESTONE_ORDER[Milestone(report.milestone)]
    ]
    values: dict[str, IndicatorValue] = {}
    for value in (
        IndicatorValue.objects.filter(
            report__swarmed_structure_id=report.swarmed_structure_id,
            report__milestone__in=earlier,
        )
        .select_related("indicator", "report")
        .order_by("report__due_on")
    ):
        if not value.is_empty:
            values[value.indicator.code] = value  # the latest wins
    return values


# --- Aggregates ----------------------------------------------------------------------------------


@dataclass
class StructureFigures:
    swarmed: SwarmedStructure
    #: {code: Decimal | bool} from its most advanced accepted reports.
    values: dict = field(default_factory=dict)
    active: bool | None = None


def structure_figures(swarmed_structures) -> list[StructureFigures]:
    """Each structure's latest accepted value of every indicator (two queries)."""
    swarmed_structures = list(swarmed_structures)
    values = (
        IndicatorValue.objects.filter(
            report__swarmed_structure__in=swarmed_structures,
            report__status=ReportStatus.ACCEPTED,
        )
        .select_related("indicator", "report")
        .only(
            "number", "boolean", "text", "indicator__code", "indicator__unit",
            "report__milestone", "report__swarmed_structure_id",
        )
    )  # fmt: skip
    best: dict[tuple[int, str], tuple[int, IndicatorValue]] = {}
    for value in values:
        key = (value.report.swarmed_structure_id, value.indicator.code)
        rank = MILESTONE_ORDER[Milestone(value.report.milestone)]
        if not value.is_empty and (key not in best or best[key][0] < rank):
            best[key] = (rank, value)
    figures = {s.pk: StructureFigures(swarmed=s) for s in swarmed_structures}
    for (sid, code), (_rank, value) in best.items():
        figure = figures[sid]
        figure.values[code] = value.boolean if value.boolean is not None else value.number
        if code == ACTIVE_CODE:
            figure.active = value.boolean
    return list(figures.values())


def dashboard_structures(*, season=None, departement: str = "", hypothesis: str = ""):
    structures = SwarmedStructure.objects.select_related("structure", "season", "candidacy")
    if season is not None:
        structures = structures.filter(season=season)
    if departement:
        structures = structures.filter(structure__departement=departement)
    if hypothesis:
        structures = structures.filter(candidacy__hypothesis=hypothesis)
    return structures.order_by("season__training_start", "structure__name")


@dataclass
class SeasonTotals:
    season: Season
    structures: int = 0
    active: int = 0
    professionals: int = 0
    sums: dict = field(default_factory=lambda: defaultdict(Decimal))


def programme_totals(structures, codes: list[str]) -> tuple[list[SeasonTotals], SeasonTotals]:
    """Per season and across seasons: structures, still active, professionals trained, and the
    sum of each counted indicator over the structures' latest accepted values."""
    structures = list(structures)
    figures = structure_figures(structures)
    members = dict(
        SwarmedMember.objects.filter(swarmed_structure__in=structures)
        .values_list("swarmed_structure_id")
        .annotate(count=Count("pk"))
        .values_list("swarmed_structure_id", "count")
    )
    per_season: dict[int, SeasonTotals] = {}
    overall = SeasonTotals(season=None)
    for figure in figures:
        season = figure.swarmed.season
        totals = per_season.setdefault(season.pk, SeasonTotals(season=season))
        for bucket in (totals, overall):
            bucket.structures += 1
            bucket.active += 1 if figure.active is not False else 0
            bucket.professionals += members.get(figure.swarmed.pk, 0)
            for code in codes:
                value = figure.values.get(code)
                if isinstance(value, Decimal):
                    bucket.sums[code] += value
    ordered = sorted(
        per_season.values(), key=lambda t: t.season.training_start or datetime.date.min
    )
    return ordered, overall


# --- Fidelity and label ------------------------------------------------------------------------


def fidelity_table(swarmed: SwarmedStructure) -> dict:
    """{principles, milestones, cells[(letter, milestone)] = rating} for one structure."""
    ratings = FidelityRating.objects.filter(report__swarmed_structure=swarmed).select_related(
        "principle", "report"
    )
    cells = {(r.principle.letter, r.report.milestone): r for r in ratings}
    return {
        "principles": list(Principle.objects.order_by("letter")),
        "milestones": list(Milestone),
        "cells": cells,
    }


def labelled_structures() -> list[dict]:
    """The public list: structures whose label is granted today, since their last grant."""
    decisions = LabelDecision.objects.select_related("structure").order_by(
        "structure_id", "created_at", "pk"
    )
    state: dict[int, dict] = {}
    for decision in decisions:
        entry = state.setdefault(decision.structure_id, {"structure": decision.structure})
        entry["last"] = decision.action
        if decision.action == LabelAction.GRANT:
            entry["since"] = decision.decided_on
    return sorted(
        (
            entry
            for entry in state.values()
            if entry["last"] in {LabelAction.GRANT, LabelAction.REINSTATE}
        ),
        key=lambda entry: entry["structure"].name,
    )


def label_history(structure) -> QuerySet[LabelDecision]:
    return structure.label_decisions.select_related("decided_by", "report").order_by(
        "-created_at", "-pk"
    )
