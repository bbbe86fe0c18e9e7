"""The expert's counter-rating of a sent report: the structure's level and comment shown beside a
1–4 scale with each level's descriptor; only the structure's expert or the head of network."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from evaluation.enums import ReportEventKind
from evaluation.models import FidelityRating
from portal.models import AuditLogEntry
from tests.evaluation.factories import fidelity_answers
from tests.evaluation.structure_factories import evaluated_structure, head_of_network
from tests.helpers import count_queries
from tests.portal.factories import UserFactory

pytestmark = pytest.mark.django_db


def url(report) -> str:
    return reverse("evaluation:report_counter_rate", kwargs={"pk": report.pk})


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def answers(**levels) -> dict[str, str]:
    data = {}
    for letter in "ABCD":
        data[f"exp_{letter}_level"] = str(levels.get(letter, 2))
        data[f"exp_{letter}_comment"] = f"Observé lors de la visite ({letter})."
    return data


@pytest.fixture
def evaluated():
    return evaluated_structure(name="Emplois du Gave")


def test_the_form_shows_the_structure_s_level_and_comment_and_each_level_s_descriptor(
    client, evaluated
):
    client.force_login(evaluated.expert)
    response = client.get(url(evaluated.m3))
    assert response.status_code == 200
    page = soup(response)
    assert len(page.find_all("h1")) == 1
    section = page.find("h2", id="principe-A").parent
    assert "Niveau estimé par la structure\u00a0: 3 · Largement" in section.get_text(
        " ", strip=True
    )
    assert "«\u00a0Exemple pour A\u00a0»" in section.get_text()
    group = section.find("fieldset")
    assert group.legend.get_text(" ", strip=True).startswith("Votre niveau pour le principe A")
    labels = [label.get_text(strip=True) for label in group.find_all("label")]
    assert labels == [
        "1 · Pas encore — A niveau 1",
        "2 · En partie — A niveau 2",
        "3 · Largement — A niveau 3",
        "4 · Pleinement — A niveau 4",
    ]
    for radio in group.find_all("input", type="radio"):
        assert page.find("label", attrs={"for": radio["id"]})
    assert page.find("label", attrs={"for": "id_exp_A_comment"})


def test_the_expert_counter_rates_and_the_gaps_appear_on_the_structure_s_page(client, evaluated):
    client.force_login(evaluated.expert)
    response = client.post(url(evaluated.m3), answers(A=1, B=3, C=4, D=2))
    structure_url = reverse("evaluation:structure", args=[evaluated.swarmed.pk])
    assert response.status_code == 302
    assert response["Location"] == structure_url + "#fidelite"
    ratings = {r.principle.letter: r for r in FidelityRating.objects.filter(report=evaluated.m3)}
    assert {letter: r.expert_level for letter, r in ratings.items()} == {
        "A": 1, "B": 3, "C": 4, "D": 2,
    }  # fmt: skip
    assert ratings["A"].gap == 2 and ratings["C"].gap == -1
    assert ratings["A"].expert == evaluated.expert
    assert ratings["A"].expert_comment == "Observé lors de la visite (A)."
    assert evaluated.m3.events.filter(kind=ReportEventKind.COUNTER_RATED).exists()
    assert AuditLogEntry.objects.filter(action="evaluation.counter_rate").count() == 1
    page = client.get(structure_url, follow=True)
    assert "Contre-évaluation enregistrée" in page.content.decode()
    assert "Écart important" in page.content.decode()


def test_a_missing_level_is_said_beside_its_field_and_nothing_is_lost_nor_saved(client, evaluated):
    client.force_login(evaluated.expert)
    data = answers(A=1)
    data["exp_B_level"] = ""
    data["exp_C_level"] = "7"
    data["exp_A_comment"] = "Je garde ce que j'ai écrit."
    response = client.post(url(evaluated.m3), data)
    assert response.status_code == 400
    page = soup(response)
    summary = page.select_one("#error-summary")
    assert summary is not None
    assert [a["href"] for a in summary.find_all("a")] == ["#id_exp_B_level", "#id_exp_C_level"]
    group = page.find("fieldset", id="id_exp_B_level")
    assert group["aria-describedby"] == "id_exp_B_level_error"
    assert "Choisissez un niveau de l'échelle." in group.get_text()
    assert (
        page.find("textarea", id="id_exp_A_comment").get_text().strip()
        == "Je garde ce que j'ai écrit."
    )
    assert page.find("input", id="id_exp_A_level_0").has_attr("checked")
    assert not FidelityRating.objects.filter(
        report=evaluated.m3, expert_level__isnull=False
    ).exists()


def test_the_head_of_network_may_counter_rate_too(client, evaluated):
    client.force_login(head_of_network())
    assert client.post(url(evaluated.m3), answers()).status_code == 302
    assert FidelityRating.objects.filter(report=evaluated.m3, expert_level=2).count() == 4


def test_the_expert_of_another_structure_gets_404(client, evaluated):
    other = evaluated_structure(name="Autre structure")
    client.force_login(other.expert)
    assert client.get(url(evaluated.m3)).status_code == 404
    assert client.post(url(evaluated.m3), answers()).status_code == 404
    assert not FidelityRating.objects.filter(expert_level__isnull=False).exists()


def test_a_referent_ansa_and_a_participant_cannot_counter_rate(client, evaluated):
    for user in (evaluated.referent, UserFactory(ansa=True)):
        client.force_login(user)
        assert client.get(url(evaluated.m3)).status_code == 403, user
        assert client.post(url(evaluated.m3), answers()).status_code == 403, user
    assert not FidelityRating.objects.filter(expert_level__isnull=False).exists()


def test_a_report_not_yet_sent_cannot_be_counter_rated(client, evaluated):
    from evaluation import services

    m9 = evaluated.reports["m9"]
    services.report_save(
        actor=evaluated.referent, report=m9, version=m9.version, values={},
        fidelity=fidelity_answers(2),
    )  # fmt: skip
    client.force_login(evaluated.expert)
    assert client.get(url(m9)).status_code == 403


def test_the_form_s_queries_do_not_grow_with_other_reports(client, evaluated):
    client.force_login(evaluated.expert)
    before = count_queries(client, url(evaluated.m3))
    for index in range(5):
        evaluated_structure(name=f"Structure voisine {index}")
    assert count_queries(client, url(evaluated.m3)) == before
