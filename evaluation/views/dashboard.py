"""The programme dashboard (charts and their tables) and the exports of the evaluation.

The dashboard shows aggregates only, whoever reads it: the steering committee reads it too, and
must never see one structure's name or a person's data. The value exports name structures and
are for Ansa and A.CO.R's head of network; the open-data CSV is public and aggregated.
"""

import io
from dataclasses import dataclass

from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from evaluation import exports, permissions, selectors
from evaluation.charts import bar_chart, format_number
from evaluation.enums import Unit
from evaluation.forms_dashboard import DashboardFilterForm
from portal.csv_export import FORMULA_PREFIXES, csv_response

UNITS = {Unit.RATE: "%", Unit.DAYS: gettext_lazy("jours")}


@dataclass
class Figure:
    """One figure of the dashboard: its chart, then the same numbers in a table."""

    key: str
    label: str
    note: str
    rows: list  # [(season name, formatted value)]
    total: str
    chart: str


def _filter_form(request: HttpRequest) -> DashboardFilterForm:
    return DashboardFilterForm(
        request.GET or None,
        seasons=exports.filter_seasons(),
        departements=exports.filter_departements(),
    )


def _figures(per_season, overall, indicators) -> list[Figure]:
    rows = [
        (
            "structures",
            _("Structures essaimées"),
            _("Structures entrées dans la saison après signature de leur convention."),
            lambda totals: totals.structures,
            "",
        ),
        (
            "active",
            _("Structures toujours actives"),
            _(
                "Structures qui n'ont pas déclaré, dans leur dernier bilan accepté, avoir cessé "
                "d'appliquer la méthode (une structure sans bilan accepté est comptée active)."
            ),
            lambda totals: totals.active,
            "",
        ),
        *(
            (
                f"ind-{indicator.code}",
                indicator.label,
                _(
                    "Somme, sur les structures, de la dernière valeur acceptée de chaque "
                    "structure (celle de son bilan le plus avancé : 18 mois, sinon 9, "
                    "sinon 3). Un tiret : aucune valeur acceptée pour l'instant."
                ),
                lambda totals, code=indicator.code: totals.sums.get(code),
                str(UNITS.get(indicator.unit, "")),
            )
            for indicator in indicators
        ),
        (
            "professionals",
            _("Professionnel·les formé·es"),
            _("Référent·es et participant·es des équipes inscrites à la formation-action."),
            lambda totals: totals.professionals,
            "",
        ),
    ]
    figures = []
    for key, label, note, read, unit in rows:
        pairs = [(totals.season.name, read(totals)) for totals in per_season]
        figures.append(
            Figure(
                key=key,
                label=label,
                note=note,
                rows=[(name, format_number(value, unit)) for name, value in pairs],
                total=format_number(read(overall), unit),
                chart=bar_chart(
                    pairs,
                    title=_("%(figure)s par saison") % {"figure": label},
                    description=_(
                        "Un bâton par saison ; les mêmes chiffres sont dans le tableau qui suit."
                    ),
                    unit=unit,
                ),
            )
        )
    return figures


@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    if not permissions.can_see_dashboard(request.user):
        raise PermissionDenied
    form = _filter_form(request)
    valid = not form.is_bound or form.is_valid()
    filters = form.filters() if valid else exports.Filters()
    indicators = exports.counted_indicators()
    figures, overall = [], None
    if valid:
        per_season, overall = selectors.programme_totals(
            filters.structures(), [indicator.code for indicator in indicators]
        )
        if per_season:
            figures = _figures(per_season, overall, indicators)
    return render(
        request,
        "evaluation/dashboard/dashboard.html",
        {
            "form": form,
            "filtered": filters.active,
            "figures": figures,
            "query": request.GET.urlencode() if valid else "",
            "can_export": permissions.can_export(request.user),
        },
    )


# --- Exports ---------------------------------------------------------------------------------


def _export_filters(request: HttpRequest) -> exports.Filters:
    """The dashboard's filters, so an export holds what the page showed; none when invalid."""
    form = _filter_form(request)
    return form.filters() if form.is_bound and form.is_valid() else exports.Filters()


def _filename(extension: str) -> str:
    return f"evaluation-valeurs-{timezone.localdate():%Y-%m-%d}.{extension}"


@require_GET
def export_csv(request: HttpRequest) -> HttpResponse:
    if not permissions.can_export(request.user):
        raise PermissionDenied
    rows = exports.value_rows(_export_filters(request).structures())
    return csv_response(
        exports.value_header(),
        ([exports.text_cell(value) for value in row] for row in rows),
        filename=_filename("csv"),
    )


#: Widths of the XLSX columns, in characters, in `exports.value_header()`'s order.
XLSX_WIDTHS = [16, 36, 12, 10, 24, 12, 22, 12, 10, 24, 40, 16, 16]


@require_GET
def export_xlsx(request: HttpRequest) -> HttpResponse:
    if not permissions.can_export(request.user):
        raise PermissionDenied
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    rows = exports.value_rows(_export_filters(request).structures())
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Valeurs")
    sheet.append(exports.value_header())
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str) and cell.value.startswith(FORMULA_PREFIXES):
                # A text, never a formula: kept as typed, shown as text if the cell is edited.
                cell.data_type = "s"
                cell.quotePrefix = True
            elif cell.column == 6:
                cell.number_format = "DD/MM/YYYY"
    sheet.freeze_panes = "A2"
    for index, width in enumerate(XLSX_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.auto_filter.ref = sheet.dimensions
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{_filename("xlsx")}"'
    return response


@login_not_required
@require_GET
def open_data_csv(request: HttpRequest) -> HttpResponse:
    """Public: per season, counts and sums, without names; small cells kept secret."""
    header, rows = exports.open_data(selectors.dashboard_structures(), exports.counted_indicators())
    return csv_response(
        header, rows, filename=f"essaim-evaluation-{timezone.localdate():%Y-%m-%d}.csv"
    )
