"""The indicator catalogue: Ansa prepares a new version (add, change, remove indicators) and
publishes it with a note; A.CO.R reads it; a report keeps the version it answered, so publishing
never changes a report already begun."""

from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from evaluation import services
from evaluation.enums import Milestone, ReportStatus, Unit
from evaluation.models import CatalogueVersion, Indicator
from portal.roles import Role
from tests.evaluation.factories import (
    ALL,
    ansa,
    filled_report,
    principles,
    published_catalogue,
    scheduled_reports,
)
from tests.helpers import count_queries
from tests.modules.factories import SwarmedStructureFactory
from tests.portal.factories import UserFactory
from tests.tutoring.factories import referent_of

pytestmark = pytest.mark.django_db

CATALOGUE = reverse("evaluation:catalogue")
ADD = reverse("evaluation:indicator_add")
PUBLISH = reverse("evaluation:catalogue_publish")


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def edit_url(indicator) -> str:
    return reverse("evaluation:indicator_edit", kwargs={"pk": indicator.pk})


def indicator_post(**changes) -> dict:
    data = {
        "code": "pmsmp",
        "label": "Périodes de mise en situation en milieu professionnel",
        "definition": "Nombre de PMSMP signées sur la période.",
        "unit": Unit.COUNT,
        "milestones": [Milestone.IMPLEMENTATION, Milestone.IMPACT],
        "required": "on",
        "target": "",
        "in_totals": "on",
        "position": "10",
    }
    data.update(changes)
    return data


@pytest.fixture
def current():
    principles()
    return published_catalogue()


@pytest.fixture
def team(client):
    person = ansa()
    client.force_login(person)
    return person


# --- Reading ---------------------------------------------------------------------------------


@pytest.mark.parametrize("role", [Role.HEAD_OF_NETWORK, Role.EXPERT])
def test_acor_reads_the_catalogue_in_force_without_the_means_to_change_it(client, current, role):
    client.force_login(UserFactory(roles=[role]))

    response = client.get(CATALOGUE)

    assert response.status_code == 200
    page = soup(response)
    table = page.find("table")
    assert table.caption.get_text(strip=True) == f"Indicateurs de la version {current.number}"
    header = [th.get_text(strip=True) for th in table.thead.find_all("th")]
    assert header[:7] == [
        "Code", "Indicateur et définition", "Unité", "Jalons", "Obligatoire", "Cible",
        "Dans les totaux",
    ]  # fmt: skip
    rate = next(tr for tr in table.tbody.find_all("tr") if "job_return_rate" in tr.get_text())
    cells = [td.get_text(" ", strip=True) for td in rate.find_all("td")]
    assert "Taux (%)" in cells and "Impact (18 mois)" in cells and "40\u00a0%" in cells
    assert not page.find("a", href=ADD)
    assert not page.find("button", string="Préparer une nouvelle version")


@pytest.mark.parametrize("role", [Role.REFERENT, Role.STEERING, Role.APPLICANT])
def test_others_are_refused_the_catalogue(client, current, role):
    client.force_login(UserFactory(roles=[role]))
    assert client.get(CATALOGUE).status_code == 403


@pytest.mark.parametrize("name", ["indicator_add", "catalogue_publish"])
def test_acor_cannot_change_the_catalogue(client, current, name):
    client.force_login(UserFactory(head_of_network=True))
    draft = services.catalogue_draft(actor=ansa())

    assert client.post(reverse(f"evaluation:{name}"), indicator_post(note="x")).status_code == 403
    assert client.post(CATALOGUE, {"action": "draft"}).status_code == 403
    assert client.get(edit_url(draft.indicators.first())).status_code == 403
    assert not CatalogueVersion.objects.get(pk=draft.pk).is_published


def test_catalogue_queries_stay_the_same_with_ten_times_the_indicators(client, current, team):
    services.catalogue_draft(actor=team)
    few = count_queries(client, CATALOGUE)
    for number in range(3):
        version = published_catalogue(number=10 + number)
        for position in range(60):
            Indicator.objects.create(
                catalogue=version, code=f"extra_{position}", label=f"Indicateur {position}",
                unit=Unit.COUNT, milestones=ALL, position=position,
            )  # fmt: skip
    CatalogueVersion.objects.filter(published_at__isnull=True).delete()
    services.catalogue_draft(actor=team)
    assert count_queries(client, CATALOGUE) == few


# --- Preparing a version ---------------------------------------------------------------------


def test_ansa_adds_an_indicator_to_a_new_version_copied_from_the_one_in_force(
    client, current, team
):
    response = client.post(ADD, indicator_post())

    assert response.status_code == 302
    draft = CatalogueVersion.objects.get(published_at__isnull=True)
    assert draft.number == current.number + 1
    codes = set(draft.indicators.values_list("code", flat=True))
    assert codes == set(current.indicators.values_list("code", flat=True)) | {"pmsmp"}
    added = draft.indicators.get(code="pmsmp")
    assert added.milestones == ["m9", "m18"] and added.required and added.in_totals
    assert not current.indicators.filter(code="pmsmp").exists()
    page = soup(client.get(CATALOGUE))
    assert "pmsmp" in page.find(id="brouillon").get_text()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"code": "people_supported"}, "code", "porte déjà ce code"),
        ({"code": "Retours à l'emploi"}, "code", "Lettres sans accent"),
        ({"label": ""}, "label", "Donnez le libellé"),
        ({"milestones": []}, "milestones", "au moins un jalon"),
        ({"unit": Unit.RATE, "target": "120"}, "target", "entre 0 et 100"),
        ({"target": "beaucoup"}, "target", "nombre"),
    ],
)
def test_a_bad_indicator_is_refused_beside_its_field_and_leaves_no_draft_behind(
    client, current, team, changes, field, message
):
    response = client.post(ADD, indicator_post(**changes))

    assert response.status_code == 400
    assert message in soup(response).find(id=f"id_{field}_error").get_text()
    assert soup(response).find(id="error-summary")
    assert not CatalogueVersion.objects.filter(published_at__isnull=True).exists()


def test_ansa_changes_and_removes_indicators_of_the_draft_only(client, current, team):
    draft = services.catalogue_draft(actor=team)
    rate = draft.indicators.get(code="job_return_rate")

    page = soup(client.get(edit_url(rate)))
    assert page.find(id="id_target")["value"] == "40,00"
    changed = client.post(
        edit_url(rate),
        indicator_post(code="job_return_rate", label="Taux de sortie en emploi", unit=Unit.RATE,
                       target="45,5", milestones=["m18"]),
    )  # fmt: skip
    removed = client.post(edit_url(draft.indicators.get(code="team_changes")), {"action": "delete"})

    assert (changed.status_code, removed.status_code) == (302, 302)
    rate.refresh_from_db()
    assert (rate.label, rate.target) == ("Taux de sortie en emploi", Decimal("45.5"))
    assert not draft.indicators.filter(code="team_changes").exists()
    assert current.indicators.get(code="job_return_rate").label == "Taux de retour à l'emploi"
    assert current.indicators.filter(code="team_changes").exists()
    # A published version's indicator no longer opens.
    assert client.get(edit_url(current.indicators.first())).status_code == 404


def test_publishing_needs_a_note_then_the_draft_is_the_catalogue_in_force(client, current, team):
    draft = services.catalogue_draft(actor=team)

    refused = client.post(PUBLISH, {"note": "  "})
    assert refused.status_code == 400
    assert "Dites en une phrase ce qui change." in soup(refused).find(id="id_note_error").get_text()
    assert services.current_catalogue() == current

    published = client.post(PUBLISH, {"note": "Ajout des PMSMP."})
    assert published.status_code == 302
    draft.refresh_from_db()
    assert draft.is_published and draft.published_by == team
    assert services.current_catalogue() == draft
    versions = soup(client.get(CATALOGUE)).find(id="versions-title").find_parent("section")
    assert "Ajout des PMSMP." in versions.get_text()


def test_an_empty_version_cannot_be_published(client, current, team):
    draft = services.catalogue_draft(actor=team)
    draft.indicators.all().delete()

    response = client.post(PUBLISH, {"note": "Tout retirer."})

    assert response.status_code == 400
    assert (
        "Un catalogue vide ne peut pas être publié."
        in soup(response).find(id="error-summary").get_text()
    )
    assert not CatalogueVersion.objects.get(pk=draft.pk).is_published


# --- Versions and reports --------------------------------------------------------------------


def test_a_report_keeps_the_version_it_answered_after_a_new_one_is_published(client, current, team):
    swarmed = SwarmedStructureFactory()
    reports = scheduled_reports(swarmed)
    sent = filled_report(reports[Milestone.APPROPRIATION])
    begun = reports[Milestone.IMPLEMENTATION]
    services.report_save(
        actor=referent_of(swarmed), report=begun, version=begun.version,
        values={"people_supported": "4"}, fidelity={},
    )  # fmt: skip
    untouched = reports[Milestone.IMPACT]

    client.post(ADD, indicator_post(milestones=ALL))
    client.post(PUBLISH, {"note": "Ajout des PMSMP."})
    new = services.current_catalogue()

    sent.refresh_from_db()
    begun.refresh_from_db()
    untouched.refresh_from_db()
    assert new != current
    assert (sent.catalogue, begun.catalogue) == (current, current)
    assert sent.status == ReportStatus.SUBMITTED
    assert untouched.catalogue == new  # nobody had written in it yet
    assert "pmsmp" not in [indicator.code for indicator in services.report_indicators(sent)]
    assert "pmsmp" in [indicator.code for indicator in services.report_indicators(untouched)]
    assert sent.values.count() == len(services.report_indicators(sent))
    # The begun report's form still asks the version it answers.
    client.force_login(referent_of(swarmed))
    page = soup(client.get(reverse("evaluation:report_edit", kwargs={"pk": begun.pk})))
    assert page.find(id="id_ind_pmsmp") is None
    assert f"version {current.number}" in page.get_text()
    detail = soup(client.get(reverse("evaluation:report", kwargs={"pk": sent.pk})))
    assert f"version {current.number}" in detail.get_text()
