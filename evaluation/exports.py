"""What the dashboard and the exports read: their filters, the rows of the value exports and the
aggregated open-data table.

- The value exports (CSV and XLSX) give one row per structure × milestone × indicator: every
  report, whatever its state (the state is a column), with the indicators of the catalogue
  version it answers at its milestone; a report not yet started reads the current catalogue.
- The open data adds up per season what the dashboard adds up (`selectors.programme_totals`),
  without a structure's name or a person's data; small cells are kept secret (see `open_data`).
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from evaluation import selectors
from evaluation.enums import MILESTONE_ORDER, Milestone, ReportSource
from evaluation.models import CatalogueVersion, Indicator, IndicatorValue, MilestoneReport
from evaluation.services import current_catalogue
from modules.models import Season, SwarmedStructure

# --- Filters shared by the dashboard and the exports ---------------------------------------------


@dataclass(frozen=True)
class Filters:
    season: Season | None = None
    departement: str = ""
    hypothesis: str = ""

    @property
    def active(self) -> bool:
        return bool(self.season or self.departement or self.hypothesis)

    def structures(self):
        return selectors.dashboard_structures(
            season=self.season, departement=self.departement, hypothesis=self.hypothesis
        )


def filter_seasons() -> list[Season]:
    """The seasons that have swarmed structures, oldest training first."""
    return list(
        Season.objects.filter(swarmed__isnull=False)
        .distinct()
        .order_by("training_start", "call_opens_at", "pk")
    )


def filter_departements() -> list[str]:
    return list(
        SwarmedStructure.objects.exclude(structure__departement="")
        .order_by("structure__departement")
        .values_list("structure__departement", flat=True)
        .distinct()
    )


def counted_indicators(catalogue: CatalogueVersion | None = None) -> list[Indicator]:
    """The indicators the programme adds up, as the current catalogue names them."""
    catalogue = catalogue or current_catalogue()
    if catalogue is None:
        return []
    return list(catalogue.indicators.filter(in_totals=True).order_by("position", "code"))


# --- The values of every report ------------------------------------------------------------------


def value_header() -> list[str]:
    return [
        _("Saison"),
        _("Structure"),
        _("Département"),
        _("Hypothèse"),
        _("Jalon"),
        _("À rendre le"),
        _("État du bilan"),
        _("Entretien téléphonique"),
        _("Version du catalogue"),
        _("Code de l'indicateur"),
        _("Libellé"),
        _("Unité"),
        _("Valeur"),
    ]


def _value(value: IndicatorValue | None):
    """A Decimal, « oui » / « non », a text, or None when the report leaves it empty."""
    if value is None or value.is_empty:
        return None
    if value.boolean is not None:
        return _("oui") if value.boolean else _("non")
    if value.number is not None:
        return value.number.normalize() + 0  # no exponent: 1E+1 becomes 10
    return value.text


def value_rows(structures) -> list[list]:
    """Typed cells (str, int, date, Decimal, None) in `value_header()`'s order.

    Four queries whatever the data: the reports with their structures, their values, and the
    indicators of the catalogue versions they answer (plus the current one).
    """
    reports = list(
        MilestoneReport.objects.filter(swarmed_structure__in=structures)
        .select_related(
            "swarmed_structure__structure",
            "swarmed_structure__season",
            "swarmed_structure__candidacy",
            "catalogue",
        )
        .prefetch_related(Prefetch("values", queryset=IndicatorValue.objects.all()))
    )
    current = current_catalogue()
    catalogues = {report.catalogue_id for report in reports if report.catalogue_id}
    if current is not None:
        catalogues.add(current.pk)
    indicators: dict[int, list[Indicator]] = defaultdict(list)
    for indicator in Indicator.objects.filter(catalogue__in=catalogues).order_by(
        "position", "code"
    ):
        indicators[indicator.catalogue_id].append(indicator)

    def order(report: MilestoneReport):
        swarmed = report.swarmed_structure
        start = swarmed.season.training_start or datetime.date.min
        milestone = MILESTONE_ORDER[Milestone(report.milestone)]
        return (start, swarmed.season.name, swarmed.structure.name, swarmed.pk, milestone)

    rows = []
    for report in sorted(reports, key=order):
        swarmed = report.swarmed_structure
        catalogue = report.catalogue or current
        if catalogue is None:
            continue
        values = {value.indicator_id: value for value in report.values.all()}
        for indicator in indicators[catalogue.pk]:
            if not indicator.asked_at(report.milestone):
                continue
            rows.append(
                [
                    swarmed.season.name,
                    swarmed.structure.name,
                    swarmed.structure.departement,
                    swarmed.candidacy.hypothesis,
                    report.get_milestone_display(),
                    report.due_on,
                    report.get_status_display(),
                    _("oui") if report.source == ReportSource.PHONE else _("non"),
                    catalogue.number,
                    indicator.code,
                    indicator.label,
                    indicator.get_unit_display(),
                    _value(values.get(indicator.pk)),
                ]
            )
    return rows


def text_cell(value) -> str:
    """A typed cell as the CSV writes it: ISO dates, decimal commas as French spreadsheets read."""
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        # 226,00 is written 226 and 12,50 is written 12,5 (no exponent: 1E+1 stays 10).
        return f"{value.normalize() + 0:f}".replace(".", ",")
    return str(value)


# --- Open data -----------------------------------------------------------------------------------

#: Statistical confidentiality: a figure is published only when at least this many structures
#: make it up. Seasons with fewer structures are merged with others into one row, and an
#: indicator's sum reads « secret » when only one or two structures gave a value.
SMALL_CELL = 3


@dataclass
class OpenDataRow:
    seasons: list[Season]
    structures: int = 0
    active: int = 0
    professionals: int = 0
    sums: dict = field(default_factory=lambda: defaultdict(Decimal))
    #: {code: number of structures whose accepted value makes up the sum}
    contributors: dict = field(default_factory=lambda: defaultdict(int))

    def add(self, totals: selectors.SeasonTotals) -> None:
        self.seasons.append(totals.season)
        self.structures += totals.structures
        self.active += totals.active
        self.professionals += totals.professionals
        for code, value in totals.sums.items():
            self.sums[code] += value


def _grouped(per_season: list[selectors.SeasonTotals]) -> list[OpenDataRow]:
    """One row per season of at least SMALL_CELL structures; the smaller ones merged together,
    and into the smallest other row when still too small. No row ever counts fewer structures
    than SMALL_CELL, and no total row is given (it would reveal a secret cell by subtraction)."""
    rows, small = [], OpenDataRow(seasons=[])
    for totals in per_season:
        if totals.structures >= SMALL_CELL:
            row = OpenDataRow(seasons=[])
            row.add(totals)
            rows.append(row)
        else:
            small.add(totals)
    if small.seasons:
        if small.structures >= SMALL_CELL:
            rows.append(small)
        elif rows:
            target = min(rows, key=lambda row: row.structures)
            for totals in per_season:
                if totals.season in small.seasons:
                    target.add(totals)
    return rows


def _open_cell(row: OpenDataRow, code: str) -> str:
    """The sum, « secret » when one or two structures make it up, empty when none answered."""
    if row.contributors[code] == 0:
        return ""
    if row.contributors[code] < SMALL_CELL:
        return _("secret")
    return text_cell(row.sums[code])


def open_data(structures, indicators: list[Indicator]) -> tuple[list[str], list[list]]:
    """(header, rows) of the public CSV: per season, counts and the sums of counted indicators."""
    structures = list(structures)
    codes = [indicator.code for indicator in indicators]
    per_season, _overall = selectors.programme_totals(structures, codes)
    rows = _grouped(per_season)
    season_of = {structure.pk: structure.season_id for structure in structures}
    row_of = {season.pk: row for row in rows for season in row.seasons}
    for figure in selectors.structure_figures(structures):
        row = row_of.get(season_of[figure.swarmed.pk])
        if row is None:
            continue
        for code in codes:
            if isinstance(figure.values.get(code), Decimal):
                row.contributors[code] += 1
    header = [
        _("Saison"),
        _("Structures essaimées"),
        _("Structures toujours actives"),
        _("Professionnel·les formé·es"),
        *(f"{indicator.label} ({indicator.code})" for indicator in indicators),
    ]
    body = []
    for row in rows:
        row.seasons.sort(key=lambda season: season.training_start or datetime.date.min)
        body.append(
            [
                " + ".join(season.name for season in row.seasons),
                row.structures,
                row.active,
                row.professionals,
                *(_open_cell(row, code) for code in codes),
            ]
        )
    return header, body
