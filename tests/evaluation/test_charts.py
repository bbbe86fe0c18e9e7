"""Charts drawn on the server as SVG: an image with a title and a description, every value
written as text, series told apart by words and pattern, big fidelity gaps said in words."""

import re
from decimal import Decimal

from bs4 import BeautifulSoup

from evaluation import charts
from evaluation.enums import GAP_HIGHLIGHT


def svg(markup) -> BeautifulSoup:
    return BeautifulSoup(str(markup), "html.parser").svg


def texts(element) -> list[str]:
    return [node.get_text() for node in element.find_all("text")]


def test_a_bar_chart_is_an_image_named_by_its_title_and_description():
    chart = svg(
        charts.bar_chart(
            [("Saison 2026", 120), ("Saison 2027", Decimal("1234.5"))],
            title="Personnes accompagnées",
            description="Par saison ; les chiffres sont dans le tableau qui suit.",
        )
    )
    assert chart["role"] == "img"
    title_id, desc_id = chart["aria-labelledby"].split()
    assert chart.find("title", id=title_id).get_text() == "Personnes accompagnées"
    assert chart.find("desc", id=desc_id).get_text().startswith("Par saison")
    words = texts(chart)
    assert "Saison 2026" in words and "120" in words
    assert "1\u202f234,5" in words


def test_bars_are_as_long_as_their_values():
    chart = svg(
        charts.bar_chart([("a", 50), ("b", 100)], title="t", description="d", max_value=100)
    )
    bars = [rect for rect in chart.find_all("rect") if rect.get("fill", "").startswith("url(")]
    widths = [float(bar["width"]) for bar in bars]
    assert widths[1] == 2 * widths[0]


def test_a_missing_value_is_said_not_drawn():
    chart = svg(charts.bar_chart([("a", None)], title="t", description="d"))
    assert "non renseigné" in texts(chart)
    assert not [r for r in chart.find_all("rect") if r.get("fill", "").startswith("url(")]


def test_text_is_escaped():
    markup = str(charts.bar_chart([("<b>x</b>", 1)], title="A & B", description="<script>"))
    assert "<script>" not in markup and "<b>" not in markup
    assert "A &amp; B" in markup


def test_series_have_a_legend_a_pattern_each_and_their_name_beside_each_value():
    chart = svg(
        charts.grouped_bar_chart(
            ["Saison 2026", "Saison 2027"],
            [charts.Series("Personnes", [10, 20]), charts.Series("Retours", [5, None])],
            title="t",
            description="d",
        )
    )
    patterns = chart.find_all("pattern")
    assert len(patterns) == 2
    assert patterns[1].find("path")  # the second series is hatched, not only coloured
    words = texts(chart)
    assert {"Personnes", "Retours"} <= set(words)
    assert "Personnes\u00a0: 10" in words and "Retours\u00a0: non renseigné" in words
    for rect in chart.find_all("rect"):
        if rect.get("fill", "").startswith("url("):
            assert rect["stroke"] == charts.INK


def test_two_charts_on_one_page_do_not_share_ids():
    one = svg(charts.bar_chart([("a", 1)], title="Un", description="d"))
    two = svg(charts.bar_chart([("a", 1)], title="Deux", description="d"))
    ids = lambda chart: {node["id"] for node in chart.find_all(id=True)}  # noqa: E731
    assert not ids(one) & ids(two)


def test_a_fidelity_gap_of_at_least_the_threshold_is_said_in_words():
    chart = svg(
        charts.fidelity_chart(
            [
                charts.FidelityPoint("A — Aller vers", 4, 4 - GAP_HIGHLIGHT, "3 mois"),
                charts.FidelityPoint("B — Une offre", 2, 3, "3 mois"),
                ("C — Réaliste", 1, 4, "9 mois"),
                ("D — Équipe", 3, None, "9 mois"),
            ],
            title="Fidélité",
            description="d",
        )
    )
    words = texts(chart)
    notes = [word for word in words if word.startswith("⚠")]
    assert notes == [
        "⚠ Écart important\u00a0: la structure s'estime 2 niveaux plus haut",
        "⚠ Écart important\u00a0: la structure s'estime 3 niveaux plus bas",
    ]
    assert words.count("3 mois") == 1 and words.count("9 mois") == 1
    assert "Structure\u00a0: 2" in words and "Expert·e\u00a0: 3" in words
    assert "Expert·e\u00a0: non renseigné" in words
    assert any(re.match(r"^Échelle\u00a0: 1 = Pas encore, 2 = En partie", word) for word in words)


def test_gaps_in_words():
    assert charts.gap_words(None) == ""
    assert charts.gap_words(0) == "mêmes niveaux"
    assert charts.gap_words(1) == "la structure s'estime 1 niveau plus haut"
    assert charts.gap_words(-2) == "la structure s'estime 2 niveaux plus bas"
    assert charts.FidelityPoint("A", 3, 1).highlighted
    assert not charts.FidelityPoint("A", 3, 2).highlighted
    assert not charts.FidelityPoint("A", 3, None).highlighted


def test_numbers_are_written_the_french_way():
    assert charts.format_number(1234567) == "1\u202f234\u202f567"
    assert charts.format_number(Decimal("12.50")) == "12,5"
    assert charts.format_number(Decimal("100.00"), "%") == "100\u202f%"
    assert charts.format_number(-3) == "-3"
    assert charts.format_number(None) == "—"
