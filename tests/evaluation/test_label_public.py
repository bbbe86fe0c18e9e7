"""The public page of labelled structures: those whose label holds today, with their territory
and since when; no personal data; a suspended or withdrawn label takes the structure off."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from evaluation import services
from tests.evaluation.structure_factories import evaluated_structure, head_of_network
from tests.helpers import count_queries

pytestmark = pytest.mark.django_db

URL = "/evaluation/labellisees/"


def rows(response) -> list[list[str]]:
    page = BeautifulSoup(response.content, "html.parser")
    return [
        [cell.get_text(strip=True) for cell in row.find_all(["th", "td"])]
        for row in page.select("table tbody tr")
    ]


def labelled(name: str, *, decided_on: datetime.date, then=(), head=None, **structure):
    head = head or head_of_network()
    evaluated = evaluated_structure(accepted=True, name=name, **structure)
    services.label_decide(
        actor=head, structure=evaluated.swarmed.structure, action="grant",
        reason="Les principes sont appliqués.", report=evaluated.m3, decided_on=decided_on,
    )  # fmt: skip
    for action in then:
        services.label_decide(
            actor=head, structure=evaluated.swarmed.structure, action=action, reason="Revu."
        )
    return evaluated


def test_the_url_is_the_public_list_s():
    assert reverse("evaluation:labels_public") == URL


def test_a_visitor_reads_the_labelled_structures_with_their_territory_and_since_when(client):
    today = timezone.localdate()
    march = datetime.date(today.year - 1, 3, 12)
    first = datetime.date(today.year - 1, 4, 1)
    head = head_of_network()
    gave = labelled(
        "Emplois du Gave", decided_on=march, head=head, city="Oloron-Sainte-Marie",
        departement="64",
    )  # fmt: skip
    labelled("Atelier Garonne", decided_on=first, head=head, city="Agen", departement="47")
    labelled("Suspendue du Nord", decided_on=march, head=head, then=["suspend"])
    labelled("Retirée de l'Est", decided_on=march, head=head, then=["withdraw"])
    labelled("Rétablie de l'Ouest", decided_on=first, head=head, then=["suspend", "reinstate"])
    evaluated_structure(accepted=True, name="Jamais labellisée")

    response = client.get(URL)
    assert response.status_code == 200
    year = today.year - 1
    assert rows(response) == [
        ["Atelier Garonne", "Agen", "47", f"1er avril {year}"],
        ["Emplois du Gave", "Oloron-Sainte-Marie", "64", f"12 mars {year}"],
        ["Rétablie de l'Ouest", "Pau", "64", f"1er avril {year}"],
    ]
    content = response.content.decode()
    assert "label" in BeautifulSoup(content, "html.parser").select_one(".lead").parent.get_text()
    # No personal data: neither the referent, the expert nor the head of network.
    for person in (gave.referent, gave.expert, head):
        assert person.email not in content
        assert person.last_name not in content


def test_a_structure_disappears_when_its_label_is_suspended(client):
    evaluated = labelled("Emplois du Gave", decided_on=timezone.localdate())
    assert [row[0] for row in rows(client.get(URL))] == ["Emplois du Gave"]
    services.label_decide(
        actor=head_of_network(), structure=evaluated.swarmed.structure, action="suspend",
        reason="Plus de CRE.",
    )  # fmt: skip
    response = client.get(URL)
    assert rows(response) == []
    assert "Aucune structure n'est labellisée pour l'instant." in response.content.decode()


def test_the_public_page_has_one_h1_and_a_captioned_table(client):
    labelled("Emplois du Gave", decided_on=timezone.localdate())
    page = BeautifulSoup(client.get(URL).content, "html.parser")
    assert len(page.find_all("h1")) == 1
    assert page.table.caption.get_text(strip=True) == "1 structure labellisée aujourd'hui"
    assert all(th.get("scope") == "col" for th in page.table.thead.find_all("th"))


def test_the_public_page_s_queries_stay_the_same_with_ten_times_the_structures(client):
    head = head_of_network()
    today = timezone.localdate()
    labelled("Structure 0", decided_on=today, head=head)
    before = count_queries(client, URL)
    for index in range(1, 10):
        labelled(f"Structure {index}", decided_on=today, head=head, then=["suspend", "reinstate"])
    assert len(rows(client.get(URL))) == 10
    assert count_queries(client, URL) == before
