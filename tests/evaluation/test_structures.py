"""One structure's evaluation page: milestones, indicators over time, fidelity across milestones
(the structure's level beside its expert's, big gaps said in words), the label; who may open it."""

import re

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from evaluation.enums import GAP_HIGHLIGHT
from portal.roles import Role
from tests.evaluation.factories import filled_report
from tests.evaluation.structure_factories import counter_rate, evaluated_structure, head_of_network
from tests.helpers import count_queries
from tests.modules.factories import SwarmedMemberFactory
from tests.portal.factories import UserFactory

pytestmark = pytest.mark.django_db


def url(evaluated) -> str:
    return reverse("evaluation:structure", kwargs={"pk": evaluated.swarmed.pk})


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def fidelity_table(page: BeautifulSoup) -> dict[tuple[str, str], tuple[str, str, str]]:
    """{(milestone, letter): (structure, expert, gap words)} as the fidelity table shows them."""
    rows = {}
    for row in page.select("table.bilan-fidelity tbody tr"):
        milestone = row.find("td").get_text(strip=True)
        letter = row.find("th").get_text(strip=True)[0]
        cells = [cell.get_text(" ", strip=True) for cell in row.find_all("td")[1:]]
        rows[(milestone, letter)] = tuple(cells)
    return rows


@pytest.fixture
def evaluated():
    return evaluated_structure(
        accepted=True, name="Emplois du Gave", city="Oloron-Sainte-Marie", departement="64"
    )


def test_structure_page_shows_milestones_indicators_fidelity_and_label(client, evaluated):
    client.force_login(evaluated.referent)
    response = client.get(url(evaluated))
    assert response.status_code == 200
    page = soup(response)
    assert page.h1.get_text(strip=True) == "Évaluation de Emplois du Gave"
    assert len(page.find_all("h1")) == 1
    milestones = [row.th.get_text(strip=True) for row in page.select("#jalons ~ div tbody tr")]
    assert milestones == ["Appropriation (3 mois)", "Mise en œuvre (9 mois)", "Impact (18 mois)"]
    assert "Accepté" in page.select("#jalons ~ div tbody tr")[0].get_text()
    # Indicators: one column per report sent, with the catalogue version it answered.
    indicators = page.select_one("table.bilan-indicators")
    assert "catalogue v1" in indicators.thead.get_text()
    people = next(
        r for r in indicators.tbody.find_all("tr") if "Personnes accompagnées" in r.th.text
    )
    assert [td.get_text(strip=True) for td in people.find_all("td")] == ["20"]
    active = next(r for r in indicators.tbody.find_all("tr") if "toujours appliquée" in r.th.text)
    assert active.td.get_text(strip=True) == "Oui"
    assert "Non labellisée" in page.select_one("#label").find_next("p").get_text()
    assert page.find(
        "a", href=reverse("evaluation:structure_bilan_pdf", args=[evaluated.swarmed.pk])
    )
    # The referent does not decide the label nor counter-rate.
    assert not page.find("a", href=reverse("evaluation:label_decide", args=[evaluated.swarmed.pk]))
    assert not page.find(
        "a", href=reverse("evaluation:report_counter_rate", args=[evaluated.m3.pk])
    )


def test_a_draft_report_shows_neither_its_values_nor_its_ratings(client, evaluated):
    from evaluation import services
    from tests.evaluation.factories import fidelity_answers

    m9 = evaluated.reports["m9"]
    services.report_save(
        actor=evaluated.referent,
        report=m9,
        version=m9.version,
        values={"people_supported": "987"},
        fidelity=fidelity_answers(1),
    )
    client.force_login(evaluated.referent)
    page = soup(client.get(url(evaluated)))
    assert "987" not in page.select_one("table.bilan-indicators").get_text()
    assert {key[0] for key in fidelity_table(page)} == {"Appropriation (3 mois)"}


def test_fidelity_gap_of_two_levels_is_highlighted_in_words(client, evaluated):
    assert GAP_HIGHLIGHT == 2
    counter_rate(evaluated, {"A": 1, "B": 2, "C": 3, "D": 4})  # the structure said 3 everywhere
    client.force_login(evaluated.expert)
    page = soup(client.get(url(evaluated)))
    table = fidelity_table(page)
    a = table[("Appropriation (3 mois)", "A")]
    assert a[:2] == ("3", "1")
    assert a[2].startswith("⚠ Écart important")
    assert "la structure s'estime 2 niveaux plus haut" in a[2]
    assert table[("Appropriation (3 mois)", "B")][2] == "la structure s'estime 1 niveau plus haut"
    assert table[("Appropriation (3 mois)", "C")][2] == "mêmes niveaux"
    assert table[("Appropriation (3 mois)", "D")][2] == "la structure s'estime 1 niveau plus bas"
    highlighted = page.select("table.bilan-fidelity tr.gap-high")
    assert [row.th.get_text(strip=True)[0] for row in highlighted] == ["A"]
    # The chart says it too, in words.
    svg = page.select_one("#fidelite ~ figure svg, figure svg")
    assert "Écart important\u00a0: la structure s'estime 2 niveaux plus haut" in svg.get_text()
    assert svg.get_text().count("Écart important") == 1


def test_counter_rating_not_given_yet_is_said(client, evaluated):
    client.force_login(evaluated.referent)
    row = fidelity_table(soup(client.get(url(evaluated))))[("Appropriation (3 mois)", "A")]
    assert row == ("3", "contre-évaluation attendue", "—")


def test_fidelity_chart_has_role_title_desc_and_the_table_s_numbers(client, evaluated):
    counter_rate(evaluated, {"A": 1, "B": 2, "C": 3, "D": 4})
    m9 = evaluated.reports["m9"]
    filled_report(m9, actor=evaluated.referent, level=4)
    client.force_login(evaluated.expert)
    page = soup(client.get(url(evaluated)))
    svg = page.select_one("figure svg")
    assert svg["role"] == "img"
    title_id, desc_id = svg["aria-labelledby"].split()
    assert (
        svg.find("title", id=title_id).get_text()
        == "Fidélité aux principes A à D\u00a0: Emplois du Gave"
    )
    assert "tableau" in svg.find("desc", id=desc_id).get_text()
    # Read the chart's words in order: a milestone, a principle, then its two values.
    chart: dict[tuple[str, str], dict[str, str]] = {}
    milestone = letter = None
    for text in (node.get_text() for node in svg.find_all("text")):
        if text in {"Appropriation (3 mois)", "Mise en œuvre (9 mois)"}:
            milestone = text
        elif re.match(r"^[A-D] — ", text):
            letter = text[0]
        elif match := re.match(r"^(Structure|Expert·e)\u00a0: (.+)$", text):
            chart.setdefault((milestone, letter), {})[match.group(1)] = match.group(2)
    chart = {key: (values["Structure"], values["Expert·e"]) for key, values in chart.items()}
    table = {
        key: (own, expert if expert != "contre-évaluation attendue" else "non renseigné")
        for key, (own, expert, _gap) in fidelity_table(page).items()
    }
    assert len(table) == 8
    assert chart == table


def test_people_of_the_structure_its_experts_the_head_of_network_and_ansa_see_the_page(
    client, evaluated
):
    participant = SwarmedMemberFactory(swarmed_structure=evaluated.swarmed).user
    for user in (
        evaluated.referent,
        participant,
        evaluated.expert,
        head_of_network(),
        UserFactory(ansa=True),
    ):
        client.force_login(user)
        assert client.get(url(evaluated)).status_code == 200, user


def test_another_structure_s_people_and_experts_and_the_steering_committee_get_404(
    client, evaluated
):
    other = evaluated_structure(name="Autre structure")
    for user in (other.referent, other.expert, UserFactory(roles=[Role.STEERING])):
        client.force_login(user)
        assert client.get(url(evaluated)).status_code == 404, user
        pdf = reverse("evaluation:structure_bilan_pdf", args=[evaluated.swarmed.pk])
        assert client.get(pdf).status_code == 404, user


def test_an_unknown_structure_is_404_and_a_visitor_is_sent_to_log_in(client, evaluated):
    response = client.get(url(evaluated))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]
    client.force_login(UserFactory(ansa=True))
    assert client.get(reverse("evaluation:structure", args=[999999])).status_code == 404


def test_the_head_of_network_finds_the_label_decision_and_the_expert_the_counter_rating(
    client, evaluated
):
    client.force_login(head_of_network())
    page = soup(client.get(url(evaluated)))
    assert page.find("a", href=reverse("evaluation:label_decide", args=[evaluated.swarmed.pk]))
    client.force_login(evaluated.expert)
    page = soup(client.get(url(evaluated)))
    assert page.find("a", href=reverse("evaluation:report_counter_rate", args=[evaluated.m3.pk]))
    assert not page.find("a", href=reverse("evaluation:label_decide", args=[evaluated.swarmed.pk]))


def test_structure_page_queries_stay_the_same_with_ten_times_the_reports(client, evaluated):
    from evaluation import services

    head = head_of_network()
    counter_rate(evaluated, {"A": 1, "B": 2, "C": 3, "D": 4})
    services.label_decide(
        actor=head, structure=evaluated.swarmed.structure, action="grant", reason="Fidèle.",
        report=evaluated.m3,
    )  # fmt: skip
    client.force_login(head)
    before = count_queries(client, url(evaluated))
    filled_report(evaluated.reports["m9"], actor=evaluated.referent, accepted=True)
    filled_report(evaluated.reports["m18"], actor=evaluated.referent)
    for index in range(9):
        other = evaluated_structure(name=f"Structure voisine {index}")
        filled_report(other.reports["m9"], actor=other.referent)
    structure = evaluated.swarmed.structure
    for action in ["suspend", "reinstate"] * 5:
        services.label_decide(actor=head, structure=structure, action=action, reason="Revu.")
    assert count_queries(client, url(evaluated)) == before
