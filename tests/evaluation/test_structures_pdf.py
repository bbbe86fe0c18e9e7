"""The structure's bilan as a PDF: cover, milestones, indicators over time, fidelity (chart and
table) and the label's history, in French, for the people who may open the structure's page."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from evaluation import services
from evaluation.pdf import bilan_html, pdf_filename
from tests.evaluation.structure_factories import counter_rate, evaluated_structure, head_of_network

pytestmark = pytest.mark.django_db


@pytest.fixture
def evaluated():
    evaluated = evaluated_structure(accepted=True, name="Emplois du Gave", city="Oloron")
    counter_rate(evaluated, {"A": 1, "B": 3, "C": 3, "D": 3})
    services.label_decide(
        actor=head_of_network(), structure=evaluated.swarmed.structure, action="grant",
        reason="Les quatre principes sont appliqués.", report=evaluated.m3,
    )  # fmt: skip
    return evaluated


def url(evaluated) -> str:
    return reverse("evaluation:structure_bilan_pdf", kwargs={"pk": evaluated.swarmed.pk})


def test_the_bilan_renders_as_a_pdf_with_the_structure_s_name(client, evaluated):
    client.force_login(evaluated.referent)
    response = client.get(url(evaluated))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert pdf_filename(evaluated.swarmed) in response["Content-Disposition"]
    assert response.content.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert "Emplois du Gave" in text
    assert "Les bilans d'étape" in text
    assert "Personnes accompagnées" in text
    assert "Écart important" in text
    assert "Label accordé" in text
    assert [item.title for item in reader.outline] == [
        "Les bilans d'étape",
        "Les indicateurs au fil des jalons",
        "La fidélité aux principes d'action",
        "Le label A.CO.R",
    ]
    assert reader.metadata.title == "Bilan d'évaluation · Emplois du Gave"


def test_the_bilan_s_html_holds_the_chart_and_its_table_in_french(evaluated):
    html = bilan_html(evaluated.swarmed)
    assert '<html lang="fr">' in html
    assert 'role="img"' in html and "<title id=" in html and "<desc id=" in html
    assert 'class="table bilan-fidelity"' in html
    assert "Les quatre principes sont appliqués." in html


def test_another_structure_s_bilan_is_404(client, evaluated):
    other = evaluated_structure(name="Autre structure")
    for user in (other.referent, other.expert):
        client.force_login(user)
        assert client.get(url(evaluated)).status_code == 404
    client.force_login(evaluated.expert)
    assert client.get(url(evaluated)).status_code == 200
