"""One swarmed structure's bilan: its milestones, indicators over time, fidelity and label.

`structure_bilan` gathers what the structure's page and its PDF both show (a fixed number of
queries, whatever the data); `render_bilan_pdf` lays it out with WeasyPrint, in French, as
PDF/UA-1 like the framework's PDF. It is the yearly bilan A.CO.R reuses as head of network: it
is rebuilt on each request, from the reports as they stand (a few pages: no background build).
"""

from dataclasses import dataclass, field

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import override

from evaluation import charts, selectors, services
from evaluation.enums import MILESTONE_ORDER, LabelState, Milestone, ReportStatus, Unit
from evaluation.models import IndicatorValue, MilestoneReport
from modules.models import SwarmedStructure
from portal.templatetags.essaim import css_string

PDF_VARIANT = "pdf/ua-1"
#: The reports whose content counts: sent by the structure (or recorded by Ansa).
SENT = frozenset({ReportStatus.SUBMITTED, ReportStatus.ACCEPTED})
UNIT_SUFFIX = {Unit.RATE: "%", Unit.DAYS: "j"}


@dataclass
class IndicatorRow:
    code: str
    label: str
    unit_label: str
    #: One text per column of `indicator_columns` (« — » when not answered).
    cells: list[str] = field(default_factory=list)


@dataclass
class FidelityRow:
    milestone: str
    letter: str
    title: str
    self_level: int | None
    expert_level: int | None
    gap: int | None
    gap_words: str
    highlighted: bool


def value_text(value: IndicatorValue | None) -> str:
    """An answer as the bilan writes it, the French way (« 1 234 », « 40 % », « Oui »)."""
    if value is None or value.is_empty:
        return "—"
    if value.number is not None:
        return charts.format_number(value.number, UNIT_SUFFIX.get(value.indicator.unit, ""))
    return value.display()


def _indicator_rows(sent: list[MilestoneReport]) -> list[IndicatorRow]:
    if not sent:
        return []
    values = IndicatorValue.objects.filter(report__in=sent).select_related("indicator")
    by_cell = {(value.report_id, value.indicator.code): value for value in values}
    # Each indicator once, as its latest version defines it, in that version's order.
    latest = {}
    for report in sent:  # in milestone order: a later report's version wins
        for (report_id, code), value in by_cell.items():
            if report_id == report.pk:
                latest[code] = value.indicator
    rows = []
    for indicator in sorted(latest.values(), key=lambda i: (i.position, i.code)):
        rows.append(
            IndicatorRow(
                code=indicator.code,
                label=indicator.label,
                unit_label=Unit(indicator.unit).label,
                cells=[value_text(by_cell.get((report.pk, indicator.code))) for report in sent],
            )
        )
    return rows


def _fidelity(swarmed: SwarmedStructure) -> tuple[list[FidelityRow], list[charts.FidelityPoint]]:
    table = selectors.fidelity_table(swarmed)
    cells = {key: rating for key, rating in table["cells"].items() if rating.report.status in SENT}
    rows, points = [], []
    for milestone in table["milestones"]:
        if not any(key[1] == milestone for key in cells):
            continue
        for principle in table["principles"]:
            rating = cells.get((principle.letter, milestone))
            if rating is None:
                continue
            point = charts.FidelityPoint(
                label=f"{principle.letter} — {principle.title}",
                self_level=rating.self_level,
                expert_level=rating.expert_level,
                group=Milestone(milestone).label,
            )
            points.append(point)
            rows.append(
                FidelityRow(
                    milestone=Milestone(milestone).label,
                    letter=principle.letter,
                    title=principle.title,
                    self_level=rating.self_level,
                    expert_level=rating.expert_level,
                    gap=point.gap,
                    gap_words=charts.gap_words(point.gap),
                    highlighted=point.highlighted,
                )
            )
    return rows, points


def structure_bilan(swarmed: SwarmedStructure, *, today=None) -> dict:
    """Everything the structure's page and its bilan show, in a fixed number of queries."""
    today = today or timezone.localdate()
    structure = swarmed.structure
    reports = sorted(
        swarmed.milestone_reports.select_related("catalogue"),
        key=lambda report: MILESTONE_ORDER[Milestone(report.milestone)],
    )
    remind_days = selectors.remind_delays([swarmed.season_id])[swarmed.season_id]
    milestones = [
        {
            "report": report,
            "state": selectors.completeness(report, today, remind_days),
            "sent": report.status in SENT,
        }
        for report in reports
    ]
    sent = [report for report in reports if report.status in SENT]
    fidelity_rows, points = _fidelity(swarmed)
    history = list(selectors.label_history(structure))
    state = services.label_state(structure)
    chart = None
    if points:
        chart = charts.fidelity_chart(
            points,
            title=_("Fidélité aux principes A à D : %(name)s") % {"name": structure.name},
            description=_(
                "Pour chaque jalon et chaque principe, le niveau estimé par la structure et "
                "celui de son expert·e, sur une échelle de 1 à 4. Les écarts importants sont "
                "signalés en toutes lettres. Les mêmes chiffres figurent dans le tableau qui suit."
            ),
        )
    return {
        "swarmed": swarmed,
        "structure": structure,
        "season": swarmed.season,
        "milestones": milestones,
        "indicator_columns": sent,
        "indicator_rows": _indicator_rows(sent),
        "fidelity_rows": fidelity_rows,
        "fidelity_chart": chart,
        "gap_threshold": charts.GAP_HIGHLIGHT,
        "label_state": state,
        "label_granted": state == LabelState.GRANTED,
        "label_history": history,
        "today": today,
    }


def pdf_filename(swarmed: SwarmedStructure) -> str:
    name = slugify(swarmed.structure.name) or "structure"
    return f"bilan-{name}-{slugify(swarmed.season.name) or swarmed.season_id}.pdf"


def bilan_html(swarmed: SwarmedStructure) -> str:
    with override("fr"):
        context = structure_bilan(swarmed)
        title = _("Bilan d'évaluation · %(name)s") % {"name": swarmed.structure.name}
        context.update(
            {
                "document_title": title,
                "generated_on": timezone.localdate(),
                # Margin boxes take CSS strings, which Django's HTML escaping does not protect.
                "css": {
                    "title": css_string(title),
                    "notice": css_string(_("Document réservé à la structure, A.CO.R et l'Ansa")),
                    "page": css_string(_("Page")),
                },
            }
        )
        return render_to_string("evaluation/pdf/bilan.html", context)


def _no_fetch(url: str, *args, **kwargs):
    """The bilan needs nothing from outside; a link in a text must never be fetched."""
    raise ValueError(f"The bilan's PDF fetches no resource ({url[:80]}).")


def render_bilan_pdf(swarmed: SwarmedStructure) -> bytes:
    from weasyprint import HTML

    html = bilan_html(swarmed)
    document = HTML(string=html, base_url=None, url_fetcher=_no_fetch).render(
        pdf_variant=PDF_VARIANT
    )
    return document.write_pdf(pdf_variant=PDF_VARIANT)
