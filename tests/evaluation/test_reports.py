"""Milestone reports as each role meets them: the structure's people fill their report at 3, 9 and
18 months (pre-filled with the previous values, checked with French errors beside each field,
nothing half-saved) and submit it; Ansa reviews it (accepts, or sends it back with a comment kept
in the history) or records a phone interview instead; experts read their structures' reports; and
nobody outside learns another structure's report exists."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from evaluation import services
from evaluation.enums import (
    Milestone,
    ReportEventKind,
    ReportSource,
    ReportStatus,
    Unit,
)
from evaluation.models import Indicator, IndicatorValue, MilestoneReport, ReportFile
from portal.models import Notification
from portal.roles import Role
from tests.evaluation.factories import (
    ALL,
    ansa,
    fidelity_answers,
    filled_report,
    principles,
    published_catalogue,
    scheduled_reports,
)
from tests.helpers import close_response, count_queries
from tests.modules.factories import (
    SwarmedMemberFactory,
    SwarmedStructureFactory,
    TrainingSeasonFactory,
)
from tests.portal.factories import UserFactory
from tests.tutoring.factories import PairingFactory, referent_of

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
HOME = reverse("evaluation:home")
MATRIX = reverse("evaluation:matrix")


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def url(name: str, report) -> str:
    return reverse(f"evaluation:{name}", kwargs={"pk": report.pk})


def error_of(response, field: str) -> str:
    """The error written beside a field (its `…_error` block), empty if none."""
    found = soup(response).find(id=f"id_{field}_error")
    return found.get_text(" ", strip=True) if found else ""


def summary(response) -> str:
    found = soup(response).find(id="error-summary")
    return found.get_text(" ", strip=True) if found else ""


def complete_post(report, **changes) -> dict:
    """Every field of a complete 3-month report, as the form posts it."""
    data = {
        "version": str(report.version),
        "ind_people_supported": "20",
        "ind_returns_to_work": "8",
        "ind_method_active": "yes",
        "ind_team_changes": "Une chargée de relation entreprises recrutée.",
        "practice_changes": "Les visites d'entreprise sont devenues hebdomadaires.",
        "difficulties": "Peu de temps pour les cafés-rencontres.",
    }
    if report.milestone != Milestone.APPROPRIATION:
        data.pop("ind_team_changes")
        data["ind_durable_jobs"] = "5"
    for letter, (level, comment) in fidelity_answers(3).items():
        data[f"fid_{letter}_level"] = level
        data[f"fid_{letter}_comment"] = comment
    data.update(changes)
    return data


@pytest.fixture
def catalogue():
    principles()
    return published_catalogue()


@pytest.fixture
def swarmed(catalogue):
    return SwarmedStructureFactory()


@pytest.fixture
def reports(swarmed):
    return scheduled_reports(swarmed)


@pytest.fixture
def referent(swarmed):
    return referent_of(swarmed)


@pytest.fixture
def expert(swarmed):
    return PairingFactory(swarmed_structure=swarmed).expert


@pytest.fixture
def team():
    return ansa()


# --- Each person's reports -------------------------------------------------------------------


def test_a_referent_sees_their_reports_by_milestone_with_due_date_state_and_fill_button(
    client, reports, referent
):
    client.force_login(referent)

    response = client.get(HOME)

    assert response.status_code == 200
    page = soup(response)
    rows = page.select("tbody tr")
    assert [row.th.get_text(strip=True) for row in rows] == [m.label for m in Milestone]
    m3 = reports[Milestone.APPROPRIATION]
    assert f"{m3.due_on.day}" in rows[0].get_text()
    assert "En retard" in rows[0].get_text()  # due a few days ago, nothing sent
    assert "Pas encore dû" in rows[2].get_text()
    fill = page.find("a", href=url("report_edit", m3))
    assert fill.get_text(" ", strip=True).startswith("Remplir")


def test_an_expert_sees_the_reports_of_the_structures_they_tutor_only(client, reports, expert):
    other = SwarmedStructureFactory()
    scheduled_reports(other)
    client.force_login(expert)

    response = client.get(HOME)

    assert response.status_code == 200
    text = soup(response).get_text()
    assert reports[Milestone.APPROPRIATION].swarmed_structure.structure.name in text
    assert other.structure.name not in text


def test_ansa_and_the_head_of_network_are_shown_the_matrix_and_the_catalogue(client, team):
    for person in (team, UserFactory(head_of_network=True)):
        client.force_login(person)
        page = soup(client.get(HOME))
        assert page.find("a", href=MATRIX)
        assert page.find("a", href=reverse("evaluation:catalogue"))


@pytest.mark.parametrize("role", [Role.STEERING, Role.APPLICANT, Role.EDITOR, Role.COSIGNER])
def test_other_roles_are_refused_the_reports_home(client, role):
    client.force_login(UserFactory(roles=[role]))
    assert client.get(HOME).status_code == 403


def test_home_queries_stay_the_same_with_ten_times_the_structures(client, catalogue):
    expert = UserFactory(expert=True)
    season = TrainingSeasonFactory()

    def tutor(count: int) -> None:
        for _ in range(count):
            swarmed = SwarmedStructureFactory(season=season)
            PairingFactory(swarmed_structure=swarmed, expert=expert)
            scheduled_reports(swarmed)
            expert.__dict__.pop("_essaim_tutored", None)

    tutor(1)
    client.force_login(expert)
    few = count_queries(client, HOME)
    tutor(9)
    assert count_queries(client, HOME) == few


# --- The completeness matrix -----------------------------------------------------------------


def _states_season():
    """Six structures of one season, one per state of their 3-month report."""
    today = timezone.localdate()
    season = TrainingSeasonFactory(slug="saison-etats")
    dues = {
        "Pas dû": today + datetime.timedelta(days=60),
        "Dû": today + datetime.timedelta(days=5),
        "En retard": today - datetime.timedelta(days=5),
        "Renvoyé": today - datetime.timedelta(days=5),
        "Transmis": today - datetime.timedelta(days=5),
        "Accepté": today - datetime.timedelta(days=5),
    }
    for name in dues:
        SwarmedStructureFactory(season=season, structure__name=name)
    services.reports_schedule(season)
    made = {}
    for name, due in dues.items():
        report = MilestoneReport.objects.get(
            swarmed_structure__season=season,
            swarmed_structure__structure__name=name,
            milestone=Milestone.APPROPRIATION,
        )
        MilestoneReport.objects.filter(pk=report.pk).update(due_on=due)
        made[name] = MilestoneReport.objects.get(pk=report.pk)
    for name in ("Renvoyé", "Transmis", "Accepté"):
        made[name] = filled_report(made[name], accepted=name == "Accepté")
    services.report_review(
        actor=ansa(), report=made["Renvoyé"], accept=False, comment="Ajoutez les PMSMP."
    )
    return season, made


def test_the_matrix_shows_each_state_in_words_with_a_mark_and_links_to_the_report(
    client, catalogue, team
):
    _season, made = _states_season()
    client.force_login(team)

    response = client.get(MATRIX)

    assert response.status_code == 200
    page = soup(response)
    table = page.find("table")
    assert table.caption.get_text(strip=True)
    assert all(th.get("scope") for th in table.find_all("th"))
    expected = {
        "Pas dû": "Pas encore dû",
        "Dû": "À rendre",
        "En retard": "En retard",
        "Renvoyé": "Renvoyé",
        "Transmis": "Transmis",
        "Accepté": "Accepté",
    }
    for name, words in expected.items():
        row = next(tr for tr in table.tbody.find_all("tr") if tr.th.get_text(strip=True) == name)
        cell = row.find_all("td")[1]  # after the season: the 3-month report
        link = cell.find("a", href=url("report", made[name]))
        assert words in link.get_text(" ", strip=True)
        assert link.find(attrs={"aria-hidden": "true"}).get_text(strip=True)  # a mark, not colour
    counts = [li.get_text() for li in page.find(id="counts-title").find_parent("section")("li")]
    assert "! En retard\u00a0: 1" in counts
    assert "○ Pas encore dû\u00a0: 13" in counts  # 6 × 9 and 18 months, and one 3-month report


def test_the_matrix_filters_by_season(client, catalogue, team):
    season, _made = _states_season()
    other = SwarmedStructureFactory(structure__name="Autre saison")
    scheduled_reports(other)
    client.force_login(team)

    everything = client.get(MATRIX).content.decode()
    filtered = client.get(MATRIX, {"saison": season.slug}).content.decode()

    assert "Autre saison" in everything
    assert "Autre saison" not in filtered
    assert "En retard" in filtered


@pytest.mark.parametrize("role", [Role.EXPERT, Role.REFERENT, Role.STEERING])
def test_only_ansa_and_the_head_of_network_open_the_matrix(client, role):
    client.force_login(UserFactory(roles=[role]))
    assert client.get(MATRIX).status_code == 403


def test_matrix_queries_stay_the_same_with_ten_times_the_structures(client, catalogue, team):
    season = TrainingSeasonFactory()

    def swarm(count: int) -> None:
        for _ in range(count):
            swarmed = SwarmedStructureFactory(season=season)
            filled_report(scheduled_reports(swarmed)[Milestone.APPROPRIATION])

    swarm(2)
    client.force_login(team)
    few = count_queries(client, MATRIX)
    swarm(18)
    assert count_queries(client, MATRIX) == few


# --- Filling a report ------------------------------------------------------------------------


def test_the_form_asks_every_indicator_of_its_milestone_with_a_field_per_unit(
    client, reports, referent
):
    client.force_login(referent)

    page = soup(client.get(url("report_edit", reports[Milestone.APPROPRIATION])))

    count = page.find(id="id_ind_people_supported")
    assert count.name == "input" and count["inputmode"] == "numeric"
    assert "obligatoire pour transmettre" in count.find_parent("div").get_text()
    assert [radio["value"] for radio in page.find_all("input", {"name": "ind_method_active"})] == [
        "yes",
        "no",
    ]
    assert page.find(id="id_ind_team_changes").name == "textarea"
    assert page.find(id="id_ind_durable_jobs") is None  # asked at 9 and 18 months only
    levels = page.find_all("input", {"name": "fid_A_level"})
    assert [level["value"] for level in levels] == ["1", "2", "3", "4"]
    assert "A niveau 3" in page.find("label", {"for": levels[2]["id"]}).get_text()
    assert page.find("input", {"type": "hidden", "name": "version"})
    assert page.find("button", string="Enregistrer le brouillon")
    assert page.find("button", string="Enregistrer et transmettre")


def test_the_rate_field_shows_its_unit_and_the_definition_as_help(client, catalogue, swarmed):
    Indicator.objects.filter(catalogue=catalogue, code="people_supported").update(
        definition="Toute personne reçue au moins deux fois."
    )
    report = scheduled_reports(swarmed)[Milestone.IMPACT]
    client.force_login(referent_of(swarmed))

    page = soup(client.get(url("report_edit", report)))

    rate = page.find(id="id_ind_job_return_rate")
    assert page.find(id="id_ind_job_return_rate_unit").get_text(strip=True) == "%"
    assert "id_ind_job_return_rate_unit" in rate["aria-describedby"]
    help_text = page.find(id="id_ind_people_supported_helptext").get_text(strip=True)
    assert help_text == "Toute personne reçue au moins deux fois."


def test_the_next_report_is_prefilled_with_the_previous_values_shown_beside_each_field(
    client, reports, referent
):
    filled_report(
        reports[Milestone.APPROPRIATION], values={"people_supported": "1200"}, accepted=True
    )
    m9 = reports[Milestone.IMPLEMENTATION]
    client.force_login(referent)

    page = soup(client.get(url("report_edit", m9)))

    field = page.find(id="id_ind_people_supported")
    assert field["value"] == "1200"
    beside = page.find(id="id_ind_people_supported_previous").get_text(" ", strip=True)
    assert "Appropriation (3 mois)" in beside and "1200" in beside
    assert "id_ind_people_supported_previous" in field["aria-describedby"]
    assert page.find("input", {"name": "ind_method_active", "value": "yes"}).has_attr("checked")
    assert page.find(id="id_ind_durable_jobs").get("value") in (None, "")  # not asked before


def test_a_saved_draft_shows_its_own_values_not_the_previous_ones(client, reports, referent):
    filled_report(reports[Milestone.APPROPRIATION], accepted=True)
    m9 = reports[Milestone.IMPLEMENTATION]
    services.report_save(
        actor=referent, report=m9, version=m9.version, values={"people_supported": ""}, fidelity={}
    )
    client.force_login(referent)

    page = soup(client.get(url("report_edit", m9)))

    assert page.find(id="id_ind_people_supported").get("value") in (None, "")


def test_a_draft_is_saved_half_filled_and_kept(client, reports, referent):
    report = reports[Milestone.APPROPRIATION]
    client.force_login(referent)

    response = client.post(
        url("report_edit", report),
        {"version": report.version, "ind_people_supported": "14", "fid_B_level": "2",
         "action": "save"},
    )  # fmt: skip

    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT
    assert report.catalogue is not None
    value = IndicatorValue.objects.get(report=report, indicator__code="people_supported")
    assert value.number == 14
    page = soup(client.get(url("report_edit", report)))
    assert page.find(id="id_ind_people_supported")["value"] == "14"
    assert page.find("input", {"name": "fid_B_level", "value": "2"}).has_attr("checked")


def _days_indicator(catalogue) -> Indicator:
    return Indicator.objects.create(
        catalogue=catalogue,
        code="delay_first_contract",
        label="Délai de l'accueil au premier contrat",
        unit=Unit.DAYS,
        milestones=ALL,
        position=20,
    )


@pytest.mark.parametrize(
    ("field", "typed", "message"),
    [
        ("people_supported", "-3", "Une valeur négative n'a pas de sens ici."),
        ("people_supported", "douze", "Saisissez un nombre, par exemple 12 ou 12,5."),
        ("delay_first_contract", "12,5", "Saisissez un nombre entier."),
        ("method_active", "peut-être", "Répondez par oui ou par non."),
    ],
)
def test_bad_values_are_refused_in_french_beside_the_field_and_nothing_is_saved(
    client, catalogue, reports, referent, field, typed, message
):
    _days_indicator(catalogue)
    report = reports[Milestone.APPROPRIATION]
    client.force_login(referent)

    response = client.post(
        url("report_edit", report), complete_post(report, **{f"ind_{field}": typed})
    )

    assert response.status_code == 400
    assert message in error_of(response, f"ind_{field}")
    assert message in summary(response)
    if field != "method_active":  # what was typed is still there
        assert soup(response).find(id=f"id_ind_{field}")["value"] == typed
    assert (
        soup(response).find(id="id_practice_changes").get_text().strip().startswith("Les visites")
    )
    report.refresh_from_db()
    assert (report.status, report.version) == (ReportStatus.SCHEDULED, 1)
    assert not report.values.exists() and not report.fidelity_ratings.exists()


def test_a_rate_above_one_hundred_is_refused(client, reports, referent):
    report = reports[Milestone.IMPACT]
    client.force_login(referent)

    response = client.post(
        url("report_edit", report), complete_post(report, ind_job_return_rate="120")
    )

    assert response.status_code == 400
    assert "Un taux est compris entre 0 et 100\u00a0%." in error_of(response, "ind_job_return_rate")
    assert not IndicatorValue.objects.filter(report=report).exists()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"ind_durable_jobs": "9", "ind_returns_to_work": "8"}, "ind_durable_jobs"),
        ({"ind_returns_to_work": "25", "ind_people_supported": "20"}, "ind_returns_to_work"),
    ],
)
def test_durable_jobs_never_exceed_returns_to_work_nor_returns_the_people_supported(
    client, reports, referent, changes, field
):
    report = reports[Milestone.IMPLEMENTATION]
    client.force_login(referent)

    response = client.post(url("report_edit", report), complete_post(report, **changes))

    assert response.status_code == 400
    assert "Ne peut pas dépasser" in error_of(response, field)
    assert not IndicatorValue.objects.filter(report=report).exists()


def test_submit_is_refused_while_required_values_or_self_ratings_are_missing(
    client, reports, referent
):
    report = reports[Milestone.APPROPRIATION]
    client.force_login(referent)
    data = complete_post(report, ind_returns_to_work="", fid_C_level="", action="submit")

    response = client.post(url("report_edit", report), data)

    assert response.status_code == 400
    assert "obligatoire pour transmettre" in error_of(response, "ind_returns_to_work")
    assert "Situez la structure sur ce principe." in error_of(response, "fid_C_level")
    assert "Le brouillon est enregistré" in response.content.decode()
    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT  # the draft is kept, not sent
    assert report.values.get(indicator__code="people_supported").number == 20
    # The page carries the saved version: the next save goes through.
    assert soup(response).find("input", {"name": "version"})["value"] == str(report.version)


def test_a_complete_report_is_saved_and_sent_to_ansa_in_one_go(client, reports, referent, team):
    report = reports[Milestone.APPROPRIATION]
    client.force_login(referent)

    response = client.post(url("report_edit", report), complete_post(report, action="submit"))

    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED
    assert report.submitted_by == referent
    assert Notification.objects.filter(recipient=team, kind="evaluation.submitted").exists()


def test_evidence_files_are_attached_and_served_to_those_who_read_the_report(
    client, reports, referent, expert
):
    report = reports[Milestone.APPROPRIATION]
    client.force_login(referent)
    files = [
        SimpleUploadedFile("compte-rendu.pdf", PDF, content_type="application/pdf"),
        SimpleUploadedFile("suivi.pdf", PDF, content_type="application/pdf"),
    ]

    client.post(url("report_edit", report), {**complete_post(report), "files": files})

    stored = list(ReportFile.objects.filter(report=report).order_by("original_name"))
    assert [f.original_name for f in stored] == ["compte-rendu.pdf", "suivi.pdf"]
    for reader in (referent, expert):
        client.force_login(reader)
        response = client.get(url("report_file", stored[0]))
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == PDF
        close_response(response)
    client.force_login(referent_of(SwarmedStructureFactory()))
    assert client.get(url("report_file", stored[0])).status_code == 404


def test_a_file_that_is_not_what_it_claims_is_refused_and_nothing_is_saved(
    client, reports, referent
):
    report = reports[Milestone.APPROPRIATION]
    client.force_login(referent)
    fake = SimpleUploadedFile(
        "tableau.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf"
    )

    response = client.post(url("report_edit", report), {**complete_post(report), "files": [fake]})

    assert response.status_code == 400
    assert "tableau.pdf" in error_of(response, "files")
    assert not ReportFile.objects.exists()
    assert not IndicatorValue.objects.filter(report=report).exists()


def test_a_save_over_someone_elses_keeps_what_was_typed_and_says_so(client, reports, referent):
    report = reports[Milestone.APPROPRIATION]
    colleague = SwarmedMemberFactory(swarmed_structure=report.swarmed_structure).user
    stale = complete_post(report, ind_people_supported="31")
    services.report_save(
        actor=colleague, report=report, version=1, values={"people_supported": "7"}, fidelity={}
    )
    client.force_login(referent)

    response = client.post(url("report_edit", report), stale)

    assert response.status_code == 409
    assert "Quelqu'un d'autre a enregistré ce bilan" in response.content.decode()
    page = soup(response)
    assert page.find(id="id_ind_people_supported")["value"] == "31"
    assert page.find("input", {"name": "version"})["value"] == "2"
    assert report.values.get(indicator__code="people_supported").number == 7


def test_a_submitted_report_no_longer_opens_for_editing(client, reports, referent):
    report = filled_report(reports[Milestone.APPROPRIATION])
    client.force_login(referent)

    response = client.get(url("report_edit", report))
    posted = client.post(url("report_edit", report), complete_post(report))

    assert response.status_code == 302 and response["Location"] == url("report", report)
    assert posted.status_code == 302
    assert MilestoneReport.objects.get(pk=report.pk).version == report.version


def test_edit_queries_stay_the_same_with_ten_times_the_data(client, catalogue, referent, reports):
    filled_report(reports[Milestone.APPROPRIATION], accepted=True)
    m9 = reports[Milestone.IMPLEMENTATION]
    client.force_login(referent)
    few = count_queries(client, url("report_edit", m9))
    for position in range(30):
        Indicator.objects.create(
            catalogue=catalogue, code=f"extra_{position}", label=f"Indicateur {position}",
            unit=Unit.COUNT, milestones=ALL, position=100 + position,
        )  # fmt: skip
    for _ in range(9):
        filled_report(scheduled_reports(SwarmedStructureFactory())[Milestone.APPROPRIATION])
    services.report_save(
        actor=referent,
        report=m9,
        version=m9.version,
        values={f"extra_{position}": "3" for position in range(30)},
        fidelity=fidelity_answers(2),
    )
    assert count_queries(client, url("report_edit", m9)) == few


# --- Submitting from the report's page -------------------------------------------------------


def test_the_report_page_lists_what_is_missing_before_it_can_be_sent(client, reports, referent):
    report = reports[Milestone.APPROPRIATION]
    services.report_save(
        actor=referent, report=report, version=1, values={"people_supported": "3"}, fidelity={}
    )
    client.force_login(referent)

    page = soup(client.get(url("report", report)))

    actions = page.find(id="actions-title").find_parent("section").get_text(" ", strip=True)
    assert "Retours à l'emploi" in actions and "Fidélité au principe A" in actions
    assert page.find("form", action=url("report_submit", report)) is None


def test_the_submit_button_sends_a_complete_draft_and_a_stale_page_is_refused(
    client, reports, referent
):
    report = reports[Milestone.APPROPRIATION]
    client.force_login(referent)
    client.post(url("report_edit", report), complete_post(report))
    report.refresh_from_db()

    stale = client.post(url("report_submit", report), {"version": report.version - 1})
    assert stale.status_code == 302
    assert MilestoneReport.objects.get(pk=report.pk).status == ReportStatus.DRAFT

    sent = client.post(url("report_submit", report), {"version": report.version})
    assert sent.status_code == 302
    assert MilestoneReport.objects.get(pk=report.pk).status == ReportStatus.SUBMITTED


def test_the_submit_button_on_an_incomplete_draft_shows_the_errors_beside_the_fields(
    client, reports, referent
):
    report = reports[Milestone.APPROPRIATION]
    services.report_save(
        actor=referent, report=report, version=1, values={"people_supported": "3"}, fidelity={}
    )
    client.force_login(referent)

    response = client.post(url("report_submit", report), {"version": 2})

    assert response.status_code == 400
    assert "obligatoire pour transmettre" in error_of(response, "ind_returns_to_work")
    assert soup(response).find(id="id_ind_people_supported")["value"] == "3"
    assert MilestoneReport.objects.get(pk=report.pk).status == ReportStatus.DRAFT


# --- The review loop -------------------------------------------------------------------------


def test_sending_back_needs_a_comment_then_the_structure_reads_it_fixes_resubmits_and_ansa_accepts(
    client, reports, referent, team
):
    report = filled_report(reports[Milestone.APPROPRIATION])
    client.force_login(team)

    refused = client.post(url("report_review", report), {"decision": "return", "comment": " "})
    assert refused.status_code == 400
    assert "Dites à la structure ce qu'elle doit compléter." in error_of(refused, "comment")
    assert MilestoneReport.objects.get(pk=report.pk).status == ReportStatus.SUBMITTED

    returned = client.post(
        url("report_review", report),
        {"decision": "return", "comment": "Précisez le nombre de PMSMP."},
    )
    assert returned.status_code == 302
    report.refresh_from_db()
    assert report.status == ReportStatus.RETURNED

    client.force_login(referent)
    page = client.get(url("report", report)).content.decode()
    assert "Précisez le nombre de PMSMP." in page
    assert client.get(HOME).content.decode().count("Compléter") >= 1
    fixed = client.post(
        url("report_edit", report),
        complete_post(report, ind_people_supported="22", action="submit"),
    )
    assert fixed.status_code == 302
    assert MilestoneReport.objects.get(pk=report.pk).status == ReportStatus.SUBMITTED

    client.force_login(team)
    accepted = client.post(url("report_review", report), {"decision": "accept", "comment": ""})
    assert accepted.status_code == 302
    report.refresh_from_db()
    assert report.status == ReportStatus.ACCEPTED
    kinds = list(report.events.values_list("kind", flat=True))
    assert kinds[-4:] == [
        ReportEventKind.RETURNED,
        ReportEventKind.SAVED,
        ReportEventKind.SUBMITTED,
        ReportEventKind.ACCEPTED,
    ]
    assert kinds.index(ReportEventKind.RETURNED) < kinds.index(ReportEventKind.ACCEPTED)
    assert kinds.count(ReportEventKind.SUBMITTED) == 2
    history = soup(client.get(url("report", report))).find(id="history-title").find_parent()
    assert "Précisez le nombre de PMSMP." in history.get_text()


def test_the_head_of_network_reads_a_report_but_does_not_review_it(client, reports):
    report = filled_report(reports[Milestone.APPROPRIATION])
    client.force_login(UserFactory(head_of_network=True))

    assert client.get(url("report", report)).status_code == 200
    assert client.post(url("report_review", report), {"decision": "accept"}).status_code == 403
    assert MilestoneReport.objects.get(pk=report.pk).status == ReportStatus.SUBMITTED


def test_only_a_submitted_report_is_reviewed(client, reports, team):
    client.force_login(team)
    report = reports[Milestone.APPROPRIATION]

    response = client.post(url("report_review", report), {"decision": "accept"})

    assert response.status_code == 302
    assert MilestoneReport.objects.get(pk=report.pk).status == ReportStatus.SCHEDULED


# --- The phone interview ---------------------------------------------------------------------


def test_ansa_records_a_phone_interview_as_the_3_month_report_marked_as_such(client, reports, team):
    report = reports[Milestone.APPROPRIATION]
    client.force_login(team)
    data = complete_post(report)

    missing_note = client.post(url("report_phone", report), data)
    assert missing_note.status_code == 400
    assert "Dites avec qui et quand" in error_of(missing_note, "interview_note")
    assert not IndicatorValue.objects.filter(report=report).exists()

    response = client.post(
        url("report_phone", report),
        {**data, "interview_note": "Avec la référente, le 3 mars au téléphone."},
    )

    assert response.status_code == 302
    report.refresh_from_db()
    assert (report.source, report.status) == (ReportSource.PHONE, ReportStatus.ACCEPTED)
    detail = client.get(url("report", report)).content.decode()
    assert "Entretien téléphonique" in detail
    assert "Avec la référente, le 3 mars au téléphone." in detail
    matrix = soup(client.get(MATRIX))
    assert "entretien téléphonique" in matrix.find("table").get_text()


def test_the_phone_interview_is_for_the_3_month_report_only(client, reports, team):
    client.force_login(team)
    assert client.get(url("report_phone", reports[Milestone.IMPLEMENTATION])).status_code == 403
    page = soup(client.get(url("report", reports[Milestone.APPROPRIATION])))
    assert page.find("a", href=url("report_phone", reports[Milestone.APPROPRIATION]))


# --- Reading a report ------------------------------------------------------------------------


def test_the_report_shows_its_values_beside_the_previous_ones_and_its_catalogue_version(
    client, reports, referent, catalogue
):
    filled_report(reports[Milestone.APPROPRIATION], values={"people_supported": "12"})
    m9 = filled_report(reports[Milestone.IMPLEMENTATION], values={"people_supported": "30"})
    client.force_login(referent)

    page = soup(client.get(url("report", m9)))

    row = next(
        tr for tr in page.find_all("tr") if tr.th and "Personnes accompagnées" in tr.th.get_text()
    )
    cells = [td.get_text(" ", strip=True) for td in row.find_all("td")]
    assert cells[0] == "30" and cells[1].startswith("12")
    assert f"version {catalogue.number}" in page.get_text()


def test_a_gap_of_two_levels_between_structure_and_expert_is_highlighted(
    client, reports, expert, team
):
    report = filled_report(reports[Milestone.APPROPRIATION], level=4)
    services.fidelity_counter_rate(
        actor=expert,
        report=report,
        ratings={"A": ("2", "Pas encore vu en entreprise."), "B": ("3", ""), "C": ("4", ""),
                 "D": ("4", "")},
    )  # fmt: skip
    client.force_login(team)

    page = soup(client.get(url("report", report)))

    rows = {
        tr.th.get_text(strip=True)[0]: tr
        for tr in page.find(id="fidelity-title").find_parent().tbody.find_all("tr")
    }
    assert "à discuter" in rows["A"].get_text()
    assert rows["A"].find("strong")
    assert "à discuter" not in rows["B"].get_text() and "1 niveau" in rows["B"].get_text()
    assert "aucun" in rows["C"].get_text()
    assert "Pas encore vu en entreprise." in rows["A"].get_text()


def test_the_expert_of_the_structure_is_offered_the_counter_rating(client, reports, expert):
    report = filled_report(reports[Milestone.APPROPRIATION])
    client.force_login(expert)

    page = soup(client.get(url("report", report)))

    assert page.find("a", href=url("report_counter_rate", report))
    assert page.find("a", href=url("report_edit", report)) is None


def test_detail_queries_stay_the_same_with_ten_times_the_data(client, reports, referent, team):
    report = filled_report(reports[Milestone.IMPLEMENTATION])
    report = services.report_review(actor=team, report=report, accept=False, comment="Complétez.")
    client.force_login(team)
    few = count_queries(client, url("report", report))
    for _ in range(9):
        filled_report(scheduled_reports(SwarmedStructureFactory())[Milestone.APPROPRIATION])
    filled_report(reports[Milestone.APPROPRIATION])
    for _ in range(5):
        report = services.report_save(
            actor=referent, report=report, version=report.version, values={}, fidelity={},
            uploads=[SimpleUploadedFile("piece.pdf", PDF, content_type="application/pdf")],
        )  # fmt: skip
    assert report.files.count() == 5 and report.events.count() > 8
    assert count_queries(client, url("report", report)) == few


# --- Another structure's report --------------------------------------------------------------


@pytest.fixture
def outsiders(catalogue):
    """A referent of another structure, an expert who does not tutor it, a steering member."""
    return {
        "referent": referent_of(SwarmedStructureFactory()),
        "expert": PairingFactory().expert,
        "steering": UserFactory(roles=[Role.STEERING]),
    }


@pytest.mark.parametrize("who", ["referent", "expert", "steering"])
def test_another_structures_report_is_404_on_every_url(client, reports, outsiders, who):
    report = filled_report(reports[Milestone.APPROPRIATION])
    stored = ReportFile.objects.create(
        report=report, original_name="x.pdf", content_type="application/pdf", size=3,
        file="evaluation/x.pdf",
    )  # fmt: skip
    client.force_login(outsiders[who])

    for name in ("report", "report_edit", "report_phone", "report_counter_rate"):
        assert client.get(url(name, report)).status_code == 404, name
    assert client.post(url("report_edit", report), complete_post(report)).status_code == 404
    assert client.post(url("report_submit", report), {"version": 1}).status_code == 404
    assert client.post(url("report_review", report), {"decision": "accept"}).status_code == 404
    assert client.get(url("report_file", stored)).status_code == 404
    assert MilestoneReport.objects.get(pk=report.pk).status == ReportStatus.SUBMITTED


# --- Accessibility of the pages --------------------------------------------------------------


def _check_page(client, address: str, status: int = 200) -> None:
    response = client.get(address) if isinstance(address, str) else address
    assert response.status_code == status, address
    page = soup(response)
    main = page.select_one("main")
    assert len(page.select("h1")) == 1, address
    ids = [tag["id"] for tag in page.select("[id]")]
    assert len(ids) == len(set(ids)), (address, sorted({i for i in ids if ids.count(i) > 1}))
    for field in main.select("input:not([type=hidden]), select, textarea"):
        assert page.select_one(f'label[for="{field.get("id")}"]'), (address, field.get("name"))
    for tag in main.select("[aria-describedby]"):
        for target in tag["aria-describedby"].split():
            assert page.find(id=target), (address, target)
    for table in main.select("table"):
        assert table.caption is not None and table.select("th[scope]"), address


def test_every_report_page_has_one_h1_unique_ids_labelled_fields_and_captioned_tables(
    client, catalogue, reports, referent, expert, team
):
    filled_report(reports[Milestone.APPROPRIATION], accepted=True)
    m9 = filled_report(reports[Milestone.IMPLEMENTATION])
    m18 = reports[Milestone.IMPACT]
    other = scheduled_reports(SwarmedStructureFactory())[Milestone.APPROPRIATION]
    draft = services.catalogue_draft(actor=team)
    season = reports[Milestone.APPROPRIATION].swarmed_structure.season

    client.force_login(referent)
    for address in (HOME, url("report", m18), url("report_edit", m18)):
        _check_page(client, address)
    bad = client.post(
        url("report_edit", m18),
        complete_post(m18, ind_people_supported="-1", ind_method_active="?", fid_A_level="9"),
    )
    _check_page(client, bad, 400)
    client.force_login(expert)
    _check_page(client, HOME)
    client.force_login(team)
    for address in (
        HOME,
        MATRIX,
        url("report", m9),
        url("report_phone", other),
        reverse("evaluation:catalogue"),
        reverse("evaluation:indicator_add"),
        reverse("evaluation:indicator_edit", kwargs={"pk": draft.indicators.first().pk}),
        reverse("evaluation:season_settings", kwargs={"slug": season.slug}),
    ):
        _check_page(client, address)
    _check_page(client, client.post(url("report_review", m9), {"decision": "return"}), 400)
    _check_page(client, client.post(url("report_phone", other), {"version": 1}), 400)
