"""Charts drawn on the server as accessible SVG: no script, the same markup in the page and the PDF.

Each function returns the `<svg>` element as a `SafeString`, ready for a template
(`{{ chart }}`). Every chart:

- is an image to assistive technologies (`role="img"`, `aria-labelledby` naming its `<title>` and
  `<desc>`); the page puts the same figures in a table next to it (the table is the reference,
  the chart a picture of it);
- writes each value as text beside its bar, and names its series in words (a legend and the
  series' name beside each value), so nothing rests on colour;
- tells its series apart by pattern as well as colour (solid, hatched, dotted), with a dark
  outline of sufficient contrast on every bar;
- carries its own presentation attributes, so it needs no stylesheet (WeasyPrint draws it too).

Numbers are written the French way by `format_number` (« 1 234,5 »); use it in the data table too
so both show the same figures.

Public functions: `bar_chart` (one value per label), `grouped_bar_chart` (several series per
label), `fidelity_chart` (principles A–D: the structure's level beside its expert's, big gaps
said in words), `format_number`.
"""

import hashlib
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from evaluation.enums import GAP_HIGHLIGHT, FidelityLevel

Number = int | float | Decimal

#: Presentation: the portal's palette (static/css/essaim.css).
INK = "#1b2421"
INK_SOFT = "#4a5752"
LINE = "#c9d3d0"
ALERT = "#a4262c"
ALERT_TINT = "#fbeaea"
#: (fill, pattern) of each series in turn; a pattern is drawn over the fill in ink.
SERIES_STYLES = [
    ("#0b4f47", "solid"),
    ("#f4b942", "hatch"),
    ("#e6f0ee", "dots"),
    ("#ffffff", "cross"),
]

WIDTH = 640
LABEL_WIDTH = 200
VALUE_ROOM = 150
ROW = 24
BAR = 16
LABEL_CHARS = 26
#: The width of a character of 12 px text, on average (to leave room for the values).
CHAR_WIDTH = 6.8


def format_number(value: Number | None, unit: str = "") -> str:
    """A number as a French reader writes it: « 1 234 », « 12,5 », « 40 % »; « — » for none."""
    if value is None:
        return "—"
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    number = Decimal(f"{number.normalize():f}")
    sign = "-" if number < 0 else ""
    whole, _dot, fraction = f"{abs(number):f}".partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    text = sign + "\u202f".join(groups) + (f",{fraction}" if fraction else "")
    if unit:
        text += (" " if unit != "%" else "\u202f") + unit
    return text


@dataclass(frozen=True)
class Series:
    """One set of values drawn in one style (its name is shown in the legend and beside values)."""

    name: str
    values: Sequence[Number | None]


@dataclass(frozen=True)
class FidelityPoint:
    """One principle at one milestone: the structure's level and its expert's (1–4 or None)."""

    label: str
    self_level: int | None
    expert_level: int | None
    #: The heading the point sits under, for instance the milestone (« Appropriation (3 mois) »).
    group: str = ""

    @property
    def gap(self) -> int | None:
        if self.self_level is None or self.expert_level is None:
            return None
        return self.self_level - self.expert_level

    @property
    def highlighted(self) -> bool:
        return self.gap is not None and abs(self.gap) >= GAP_HIGHLIGHT


def gap_words(gap: int | None) -> str:
    """A gap said in words, the same in the chart and the table (« écart de 2 niveaux »)."""
    if gap is None:
        return ""
    size = abs(gap)
    if size == 0:
        return _("mêmes niveaux")
    if gap > 0:
        if size == 1:
            return _("la structure s'estime 1 niveau plus haut")
        return _("la structure s'estime %(count)s niveaux plus haut") % {"count": size}
    if size == 1:
        return _("la structure s'estime 1 niveau plus bas")
    return _("la structure s'estime %(count)s niveaux plus bas") % {"count": size}


# --- Public charts -------------------------------------------------------------------------------


def bar_chart(
    series: Iterable[tuple[str, Number | None]],
    *,
    title: str,
    description: str,
    unit: str = "",
    max_value: Number | None = None,
) -> SafeString:
    """Horizontal bars, one per label: `series` is a sequence of `(label, value)` pairs.

    `title` names the chart (its `<title>`), `description` says in a sentence what it shows and
    where the figures are (its `<desc>`, e.g. « Personnes accompagnées par saison ; les chiffres
    sont dans le tableau qui suit. »). `unit` is written after each value (« % », « jours »);
    `max_value` fixes the end of the scale (100 for a rate), otherwise a round value above the
    largest. A value of None is drawn as no bar and the words « non renseigné ».

    Example: `bar_chart([("Saison 2026", 120), ("Saison 2027", 85)], title="Personnes
    accompagnées", description="Par saison ; les chiffres sont dans le tableau qui suit.")`.
    """
    pairs = [(str(label), value) for label, value in series]
    rows = [_Bar(label=label, value=value, style=0) for label, value in pairs]
    return _render(
        rows,
        legend=[],
        title=title,
        description=description,
        unit=unit,
        max_value=max_value,
    )


def grouped_bar_chart(
    categories: Sequence[str],
    series: Sequence[Series],
    *,
    title: str,
    description: str,
    unit: str = "",
    max_value: Number | None = None,
) -> SafeString:
    """Several series side by side for each category (e.g. seasons × people, returns to work).

    `series[i].values[j]` is the value of series i for `categories[j]`. Each series has its own
    colour and pattern, is named in the legend and beside each of its values.
    """
    rows: list[_Row] = []
    for index, category in enumerate(categories):
        rows.append(_Heading(text=str(category)))
        for style, one in enumerate(series):
            value = one.values[index] if index < len(one.values) else None
            rows.append(_Bar(label="", value=value, style=style, series_name=one.name))
    return _render(
        rows,
        legend=[one.name for one in series],
        title=title,
        description=description,
        unit=unit,
        max_value=max_value,
    )


def fidelity_chart(
    points: Iterable[FidelityPoint | tuple],
    *,
    title: str,
    description: str,
    self_name: str | None = None,
    expert_name: str | None = None,
) -> SafeString:
    """The fidelity scale (1 to 4) of each principle: the structure's level beside its expert's.

    `points` are `FidelityPoint(label, self_level, expert_level, group)` or the same as tuples,
    in reading order; consecutive points with the same `group` (a milestone) sit under one
    heading. A gap of at least `GAP_HIGHLIGHT` levels is framed and said in words
    (« écart important : la structure s'estime 2 niveaux plus haut »), never by colour alone.
    The scale's levels are named in a line above the bars (« 1 = Pas encore, … »).
    """
    self_name = self_name or _("Structure")
    expert_name = expert_name or _("Expert·e")
    rows: list[_Row] = []
    group = None
    for point in points:
        if not isinstance(point, FidelityPoint):
            point = FidelityPoint(*point)
        if point.group and point.group != group:
            group = point.group
            rows.append(_Heading(text=point.group, level=1))
        note = ""
        if point.highlighted:
            note = _("Écart important : %(words)s") % {"words": gap_words(point.gap)}
        rows.append(_Heading(text=point.label, note=note))
        rows.append(_Bar(label="", value=point.self_level, style=0, series_name=self_name))
        rows.append(_Bar(label="", value=point.expert_level, style=1, series_name=expert_name))
    ticks = [(level.value, str(level.value)) for level in FidelityLevel]
    scale = _("Échelle : %(levels)s") % {
        "levels": ", ".join(f"{level.value} = {level.label}" for level in FidelityLevel)
    }
    return _render(
        rows,
        legend=[self_name, expert_name],
        title=title,
        description=description,
        unit="",
        max_value=max(FidelityLevel.values),
        ticks=ticks,
        scale_note=scale,
    )


# --- Drawing -------------------------------------------------------------------------------------


@dataclass
class _Bar:
    label: str
    value: Number | None
    style: int
    series_name: str = ""


@dataclass
class _Heading:
    text: str
    level: int = 2
    note: str = ""


_Row = _Bar | _Heading


def _nice_ceiling(value: float) -> float:
    """A round end of scale at or above `value` (1, 2, 2.5, 5 × 10ⁿ)."""
    if value <= 0:
        return 1
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10 * magnitude  # pragma: no cover


def _short(text: str, limit: int = LABEL_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _patterns(prefix: str, count: int) -> str:
    defs = []
    for index, (fill, pattern) in enumerate(SERIES_STYLES[:count]):
        marks = {
            "solid": "",
            "hatch": f'<path d="M0 6 L6 0 M-1 1 L1 -1 M5 7 L7 5" stroke="{INK}" stroke-width="1"/>',
            "dots": f'<circle cx="3" cy="3" r="1.2" fill="{INK}"/>',
            "cross": f'<path d="M0 0 L6 6 M6 0 L0 6" stroke="{INK}" stroke-width="0.8"/>',
        }[pattern]
        defs.append(
            f'<pattern id="{prefix}-s{index}" width="6" height="6" patternUnits="userSpaceOnUse">'
            f'<rect width="6" height="6" fill="{fill}"/>{marks}</pattern>'
        )
    return "".join(defs)


def _render(
    rows: list[_Row],
    *,
    legend: list[str],
    title: str,
    description: str,
    unit: str,
    max_value: Number | None,
    ticks: list[tuple[Number, str]] | None = None,
    scale_note: str = "",
) -> SafeString:
    values = [float(row.value) for row in rows if isinstance(row, _Bar) and row.value is not None]
    top = float(max_value) if max_value is not None else _nice_ceiling(max(values, default=0))
    top = max(top, max(values, default=0), 1e-9)
    if ticks is None:
        ticks = [(top * step / 4, format_number(_tidy(top * step / 4))) for step in range(5)]
    digest = hashlib.sha256(
        repr((title, description, [vars(row) for row in rows])).encode()
    ).hexdigest()[:8]
    prefix = f"chart-{digest}"
    # Room on the right for the longest value written after its bar.
    longest = max(
        (len(_value_words(row, unit)) for row in rows if isinstance(row, _Bar)), default=0
    )
    room = min(max(VALUE_ROOM, int(longest * CHAR_WIDTH) + 12), WIDTH - LABEL_WIDTH - 120)
    plot_left, plot_right = LABEL_WIDTH, WIDTH - room
    span = plot_right - plot_left

    def x_of(value: float) -> float:
        return plot_left + span * (max(value, 0) / top)

    parts: list[str] = []
    y = 8
    if legend:
        x = plot_left
        for index, name in enumerate(legend):
            parts.append(
                f'<rect x="{x}" y="{y}" width="14" height="14" fill="url(#{prefix}-s{index})" '
                f'stroke="{INK}" stroke-width="1"/>'
                f'<text x="{x + 20}" y="{y + 11}" font-size="12" fill="{INK}">{escape(name)}</text>'
            )
            x += 40 + 7 * len(name)
        y += 26
    if scale_note:
        parts.append(
            f'<text x="8" y="{y + 11}" font-size="11" fill="{INK_SOFT}">{escape(scale_note)}</text>'
        )
        y += 22
    axis_top = y
    tick_labels = []
    for value, label in ticks:
        tx = x_of(float(value))
        tick_labels.append(
            f'<text x="{tx:.1f}" y="{axis_top + 10}" font-size="10" fill="{INK_SOFT}" '
            f'text-anchor="middle">{escape(_short(label, 16))}</text>'
        )
    y = axis_top + 20
    body_top = y
    body: list[str] = []
    for row in rows:
        if isinstance(row, _Heading):
            weight = "bold" if row.level == 1 else "normal"
            size = 13 if row.level == 1 else 12
            if row.level == 1 and y > body_top:
                y += 6
            body.append(
                f'<text x="8" y="{y + 14}" font-size="{size}" font-weight="{weight}" '
                f'fill="{INK}">{escape(_short(row.text, 60 if row.level == 1 else 90))}</text>'
            )
            y += ROW - 4
            if row.note:
                # Framed with a dashed outline and said in words: the next two bars.
                body.append(
                    f'<rect x="4" y="{y - 2}" width="{WIDTH - 8}" height="{3 * ROW}" '
                    f'fill="{ALERT_TINT}" stroke="{ALERT}" stroke-width="2" '
                    f'stroke-dasharray="6 3"/>'
                    f'<text x="12" y="{y + 14}" font-size="12" font-weight="bold" '
                    f'fill="{ALERT}">⚠ {escape(_short(row.note, 90))}</text>'
                )
                y += ROW
            continue
        label = (
            f'<text x="{plot_left - 8}" y="{y + BAR - 3}" font-size="12" fill="{INK}" '
            f'text-anchor="end">{escape(_short(row.label))}</text>'
            if row.label
            else ""
        )
        words = _value_words(row, unit)
        if row.value is None:
            bar = ""
            value_x = plot_left + 4
        else:
            width = max(x_of(float(row.value)) - plot_left, 0)
            bar = (
                f'<rect x="{plot_left}" y="{y + 2}" width="{width:.1f}" height="{BAR}" '
                f'fill="url(#{prefix}-s{row.style})" stroke="{INK}" stroke-width="1"/>'
            )
            value_x = plot_left + width + 6
        body.append(
            f"{label}{bar}"
            f'<text x="{value_x:.1f}" y="{y + BAR - 1}" font-size="12" fill="{INK}">'
            f"{escape(words)}</text>"
        )
        y += ROW
    height = y + 8
    grid = "".join(
        f'<line x1="{x_of(float(value)):.1f}" y1="{body_top - 4}" x2="{x_of(float(value)):.1f}" '
        f'y2="{height - 8}" stroke="{LINE}" stroke-width="1"/>'
        for value, _label in ticks
    )
    count = max(len(legend), 1)
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'viewBox="0 0 {WIDTH} {height}" width="100%" preserveAspectRatio="xMinYMin meet" '
        f'aria-labelledby="{prefix}-title {prefix}-desc" font-family="DejaVu Sans, sans-serif">'
        f'<title id="{prefix}-title">{escape(title)}</title>'
        f'<desc id="{prefix}-desc">{escape(description)}</desc>'
        f"<defs>{_patterns(prefix, count)}</defs>"
        f'<rect width="{WIDTH}" height="{height}" fill="#ffffff"/>'
        f"{grid}{''.join(tick_labels)}{''.join(parts)}{''.join(body)}"
        f"</svg>"
    )
    return mark_safe(svg)


def _value_words(row: _Bar, unit: str) -> str:
    words = _("non renseigné") if row.value is None else format_number(row.value, unit)
    return f"{row.series_name} : {words}" if row.series_name else words


def _tidy(value: float) -> Number:
    return int(value) if float(value).is_integer() else round(value, 2)
