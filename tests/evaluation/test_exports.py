"""The exports of the evaluation: every report value, one row per structure × milestone ×
indicator, as CSV for French spreadsheets and as XLSX holding the same rows, safe from formula
injection, for Ansa and the head of network only; and the public open-data CSV, aggregated per
season without a name or a person's data, small cells kept secret."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from evaluation import exports, selectors, services
from evaluation.enums import Milestone
from portal.csv_export import safe_cell
from portal.roles import Role
from tests.evaluation.factories import (
    ansa,
    fidelity_answers,
    filled_report,
    principles,
    published_catalogue,
    scheduled_reports,
)
from tests.helpers import count_queries
from tests.modules.factories import (
    SwarmedMemberFactory,
    SwarmedStructureFactory,
    TrainingSeasonFactory,
)
from tests.portal.factories import UserFactory
from tests.tutoring.factories import referent_of

pytestmark = pytest.mark.django_db

CSV_URL = reverse("evaluation:export_csv")
XLSX_URL = reverse("evaluation:export_xlsx")
OPEN_URL = reverse("evaluation:open_data")
HEADER = [
    "Saison",
    "Structure",
    "Département",
    "Hypothèse",
    "Jalon",
    "À rendre le",
    "État du bilan",
    "Entretien téléphonique",
    "Version du catalogue",
    "Code de l'indicateur",
    "Libellé",
    "Unité",
    "Valeur",
]
#: Indicators asked at each milestone by the factories' catalogue.
ASKED = {"m3": 4, "m9": 4, "m18": 5}


@pytest.fixture
def catalogue(db):
    principles()
    return published_catalogue()


def season_started(days_ago: int, **kwargs):
    return TrainingSeasonFactory(
        training_start=timezone.localdate() - datetime.timedelta(days=days_ago), **kwargs
    )


def swarmed(season, *, name=None, departement="64", participants=0):
    extra = {"structure__name": name} if name else {}
    structure = SwarmedStructureFactory(season=season, structure__departement=departement, **extra)
    SwarmedMemberFactory(swarmed_structure=structure, referent=True)
    for _ in range(participants):
        SwarmedMemberFactory(swarmed_structure=structure)
    return structure


def csv_rows(response) -> list[list[str]]:
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


def xlsx_rows(response) -> list[list]:
    workbook = load_workbook(io.BytesIO(response.content))
    return [list(row) for row in workbook.active.iter_rows(values_only=True)]


def as_csv_text(value) -> str:
    """What the CSV writes for an XLSX cell (openpyxl reads dates back as date-times)."""
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return safe_cell(exports.text_cell(value))


@pytest.fixture
def season(catalogue):
    """Saison 2025: one structure with an accepted 3-month report and a 9-month draft, one
    whose 3-month report was a phone interview, one that has not started."""
    season = season_started(300, name="Saison 2025", slug="saison-2025")
    first = swarmed(season, name="Mission locale du Béarn", participants=1)
    second = swarmed(season, name="PLIE des Landes", departement="40")
    third = swarmed(season, name="Ville de Lons")
    reports = scheduled_reports(first)
    filled_report(
        reports[Milestone.APPROPRIATION],
        values={"people_supported": "24", "team_changes": "Deux CRE à mi-temps."},
        accepted=True,
    )
    services.report_save(
        actor=referent_of(first),
        report=reports[Milestone.IMPLEMENTATION],
        version=reports[Milestone.IMPLEMENTATION].version,
        values={"people_supported": "30", "returns_to_work": "11", "durable_jobs": ""},
        fidelity=fidelity_answers(),
    )
    phone = scheduled_reports(second)[Milestone.APPROPRIATION]
    services.report_record_phone_interview(
        actor=ansa(),
        report=phone,
        version=phone.version,
        values={"people_supported": "9", "returns_to_work": "3", "method_active": "yes"},
        fidelity=fidelity_answers(2),
        interview_note="Entretien avec la référente le 3 mars.",
    )
    return {"season": season, "structures": [first, second, third]}


# --- The rows ------------------------------------------------------------------------------------


def test_one_row_per_structure_milestone_and_indicator(client, season):
    client.force_login(ansa())
    rows = csv_rows(client.get(CSV_URL))
    assert rows[0] == HEADER
    assert len(rows) - 1 == 3 * sum(ASKED.values())
    keys = {(row[1], row[4], row[9]) for row in rows[1:]}
    assert len(keys) == len(rows) - 1
    m3 = {
        row[9]: row
        for row in rows[1:]
        if row[1] == "Mission locale du Béarn" and row[4] == "Appropriation (3 mois)"
    }
    assert set(m3) == {"people_supported", "returns_to_work", "method_active", "team_changes"}
    people = m3["people_supported"]
    assert people[0] == "Saison 2025"
    assert people[2] == "64"
    assert people[3] == "A"
    assert (
        people[5]
        == season["structures"][0].milestone_reports.get(milestone="m3").due_on.isoformat()
    )
    assert people[6] == "Accepté"
    assert people[7] == "non"
    assert people[8] == "1"
    assert people[10:] == ["Personnes accompagnées", "Nombre", "24"]
    assert m3["method_active"][12] == "oui"
    assert m3["team_changes"][12] == "Deux CRE à mi-temps."


def test_every_report_state_is_exported_with_what_it_holds(client, season):
    client.force_login(ansa())
    rows = csv_rows(client.get(CSV_URL))[1:]
    states = {(row[1], row[4]): row[6] for row in rows}
    assert states[("Mission locale du Béarn", "Mise en œuvre (9 mois)")] == "Brouillon"
    assert states[("Ville de Lons", "Appropriation (3 mois)")] == "À remplir"
    draft = {
        row[9]: row[12]
        for row in rows
        if row[1] == "Mission locale du Béarn" and row[4] == "Mise en œuvre (9 mois)"
    }
    assert draft["people_supported"] == "30"
    assert draft["durable_jobs"] == ""
    unstarted = [row[12] for row in rows if row[1] == "Ville de Lons"]
    assert unstarted and set(unstarted) == {""}


def test_a_phone_interview_is_marked_as_such(client, season):
    client.force_login(ansa())
    rows = csv_rows(client.get(CSV_URL))[1:]
    phone = {row[7] for row in rows if row[1] == "PLIE des Landes" and row[4].startswith("Appro")}
    assert phone == {"oui"}
    others = {row[7] for row in rows if row[1] == "PLIE des Landes" and not row[4].startswith("A")}
    assert others == {"non"}


def test_a_report_keeps_the_catalogue_version_it_answered(client, season):
    newer = published_catalogue()
    newer.indicators.filter(code="people_supported").update(label="Personnes suivies")
    # A structure joining now has reports scheduled against the new version.
    swarmed(season["season"], name="Centre social de Billère")
    services.reports_schedule(season["season"])
    client.force_login(ansa())
    rows = csv_rows(client.get(CSV_URL))[1:]
    accepted = [row for row in rows if row[1] == "Mission locale du Béarn" and row[6] == "Accepté"]
    assert {row[8] for row in accepted} == {"1"}
    assert "Personnes accompagnées" in {row[10] for row in accepted}
    joining = [row for row in rows if row[1] == "Centre social de Billère"]
    assert {row[8] for row in joining} == {"2"}
    assert "Personnes suivies" in {row[10] for row in joining}


def test_numbers_use_the_decimal_comma_of_french_spreadsheets(client, season):
    first = season["structures"][0]
    impact = first.milestone_reports.get(milestone=Milestone.IMPACT)
    filled_report(impact, values={"job_return_rate": "42.5"})
    client.force_login(ansa())
    rows = csv_rows(client.get(CSV_URL))[1:]
    rate = [row for row in rows if row[9] == "job_return_rate" and row[1] == first.structure.name]
    assert rate[0][12] == "42,5"
    assert rate[0][11] == "Taux (%)"


def test_cells_a_spreadsheet_would_run_are_neutralised(client, season):
    first = season["structures"][0]
    first.structure.name = '=HYPERLINK("http://x.test";"clic")'
    first.structure.save()
    report = first.milestone_reports.get(milestone=Milestone.IMPLEMENTATION)
    services.report_save(
        actor=referent_of(first),
        report=report,
        version=report.version,
        values={"people_supported": "30", "returns_to_work": "11"},
        fidelity=fidelity_answers(),
    )
    impact = first.milestone_reports.get(milestone=Milestone.IMPACT)
    filled_report(impact, values={"team_changes": "@SUM(A1:A9)"})
    client.force_login(ansa())
    rows = csv_rows(client.get(CSV_URL))[1:]
    names = {row[1] for row in rows}
    assert '\'=HYPERLINK("http://x.test";"clic")' in names
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)
    sheet = load_workbook(io.BytesIO(client.get(XLSX_URL).content)).active
    cells = [cell for row in sheet.iter_rows(min_row=2) for cell in row]
    risky = [cell for cell in cells if isinstance(cell.value, str) and cell.value[:1] in "=+-@"]
    assert risky
    assert all(cell.data_type == "s" and cell.quotePrefix for cell in risky)


def test_xlsx_is_readable_and_holds_the_same_rows_as_the_csv(client, season):
    client.force_login(ansa())
    response = client.get(XLSX_URL)
    assert response.status_code == 200
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml"
    )
    assert 'filename="evaluation-valeurs-' in response["Content-Disposition"]
    workbook = load_workbook(io.BytesIO(response.content))
    sheet = workbook.active
    assert sheet.freeze_panes == "A2"
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.column_dimensions["B"].width >= 30
    assert sheet.column_dimensions["K"].width >= 30
    rows = xlsx_rows(response)
    assert rows[0] == HEADER
    # Typed cells: a number is a number, a due date is a date.
    first = rows[1]
    assert isinstance(first[5], datetime.datetime)
    assert isinstance(first[8], int)
    as_text = [[as_csv_text(value) for value in row] for row in rows]
    assert as_text == csv_rows(client.get(CSV_URL))


def test_exports_follow_the_dashboards_filters(client, season):
    other = season_started(100, name="Saison 2026", slug="saison-2026")
    swarmed(other, name="Régie de quartier de Pau")
    services.reports_schedule(other)
    client.force_login(ansa())
    every = csv_rows(client.get(CSV_URL))[1:]
    assert {row[0] for row in every} == {"Saison 2025", "Saison 2026"}
    only = csv_rows(client.get(CSV_URL, {"saison": "saison-2026"}))[1:]
    assert {row[1] for row in only} == {"Régie de quartier de Pau"}
    landes = xlsx_rows(client.get(XLSX_URL, {"departement": "40"}))[1:]
    assert {row[1] for row in landes} == {"PLIE des Landes"}


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("ansa", 200),
        ("head_of_network", 200),
        ("steering", 403),
        ("referent", 403),
        ("expert", 403),
    ],
)
@pytest.mark.parametrize("url", [CSV_URL, XLSX_URL])
def test_only_ansa_and_the_head_of_network_export_the_values(client, season, who, status, url):
    users = {
        "ansa": ansa,
        "head_of_network": lambda: UserFactory(head_of_network=True),
        "steering": lambda: UserFactory(roles=[Role.STEERING]),
        "referent": lambda: referent_of(season["structures"][0]),
        "expert": lambda: UserFactory(expert=True),
    }
    client.force_login(users[who]())
    assert client.get(url).status_code == status


@pytest.mark.parametrize("url", [CSV_URL, XLSX_URL])
def test_anonymous_visitor_cannot_export_the_values(client, season, url):
    response = client.get(url)
    assert response.status_code == 302
    assert "next=" in response["Location"]


def _grow(count: int) -> None:
    seasons = [season_started(400), season_started(200)]
    for index in range(count):
        structure = swarmed(seasons[index % 2], departement="33")
        reports = scheduled_reports(structure)
        filled_report(reports[Milestone.APPROPRIATION], accepted=index % 2 == 0)


def test_export_queries_do_not_grow_with_ten_times_the_reports(client, catalogue):
    _grow(2)
    client.force_login(ansa())
    few = {url: count_queries(client, url) for url in (CSV_URL, XLSX_URL, OPEN_URL)}
    _grow(20)
    published_catalogue()  # reports of two catalogue versions now
    services.schedule_all()
    assert {url: count_queries(client, url) for url in (CSV_URL, XLSX_URL, OPEN_URL)} == few


# --- Open data -----------------------------------------------------------------------------------


def open_rows(response) -> list[list[str]]:
    return csv_rows(response)


@pytest.fixture
def open_programme(catalogue):
    """Saison 2024 with four structures, Saison 2025 with five, Saison 2026 with two."""
    seasons = [
        season_started(days, name=name, slug=name.lower().replace(" ", "-"))
        for days, name in ((800, "Saison 2024"), (450, "Saison 2025"), (120, "Saison 2026"))
    ]
    structures = []
    people = iter(range(10, 100, 3))
    for season, count in zip(seasons, (4, 5, 2), strict=True):
        for _index in range(count):
            structure = swarmed(season, participants=1)
            structures.append(structure)
            filled_report(
                scheduled_reports(structure)[Milestone.APPROPRIATION],
                values={"people_supported": str(next(people))},
                accepted=True,
            )
    return {"seasons": seasons, "structures": structures}


def test_open_data_is_public(client, open_programme):
    response = client.get(OPEN_URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]


def test_open_data_names_no_structure_and_no_person(client, open_programme):
    text = client.get(OPEN_URL).content.decode()
    for structure in open_programme["structures"]:
        assert structure.structure.name not in text
        for member in structure.members.select_related("user"):
            assert member.user.email not in text
            assert member.user.get_full_name() not in text
    assert "@" not in text


def test_open_data_adds_up_per_season_what_the_dashboard_adds_up(client, open_programme):
    header, *rows = open_rows(client.get(OPEN_URL))
    assert header[:4] == [
        "Saison",
        "Structures essaimées",
        "Structures toujours actives",
        "Professionnel·les formé·es",
    ]
    assert "Personnes accompagnées (people_supported)" in header
    column = header.index("Personnes accompagnées (people_supported)")
    per_season, _overall = selectors.programme_totals(
        open_programme["structures"], ["people_supported"]
    )
    published = {row[0]: row for row in rows}
    assert published["Saison 2025"][1:4] == ["5", "5", "10"]
    assert published["Saison 2025"][column] == exports.text_cell(
        per_season[1].sums["people_supported"]
    )
    # The merged row adds up its two seasons.
    merged = published["Saison 2024 + Saison 2026"]
    expected = per_season[0].sums["people_supported"] + per_season[2].sums["people_supported"]
    assert merged[column] == exports.text_cell(expected)


def test_a_season_of_fewer_than_three_structures_is_merged_never_shown_alone(
    client, open_programme
):
    _header, *rows = open_rows(client.get(OPEN_URL))
    names = [row[0] for row in rows]
    assert "Saison 2026" not in names
    merged = next(row for row in rows if "Saison 2026" in row[0])
    # Merged into the smallest season that stands alone.
    assert merged[0] == "Saison 2024 + Saison 2026"
    assert merged[1] == "6"
    assert all(int(row[1]) >= exports.SMALL_CELL for row in rows)
    # Every structure is counted once, and no total row could reveal a cell by subtraction.
    assert sum(int(row[1]) for row in rows) == 11
    assert len(rows) == 2


def test_a_sum_made_of_fewer_than_three_structures_is_kept_secret(client, open_programme):
    # Saison 2023: three structures, only two of which said how many durable jobs they count.
    season = season_started(600, name="Saison 2023", slug="saison-2023")
    for index in range(3):
        structure = swarmed(season)
        report = scheduled_reports(structure)[Milestone.IMPLEMENTATION]
        durable = "4" if index < 2 else ""
        values = {"people_supported": "12", "durable_jobs": durable}
        filled_report(report, values=values, accepted=True)
    header, *rows = open_rows(client.get(OPEN_URL))
    # Saison 2023 is now the smallest season standing alone: Saison 2026 joins it.
    row = next(row for row in rows if row[0] == "Saison 2023 + Saison 2026")
    assert row[header.index("Emplois durables (durable_jobs)")] == "secret"
    assert row[header.index("Personnes accompagnées (people_supported)")] != "secret"
    # Saison 2025's structures gave no durable job (not asked at 3 months): nothing, not zero.
    row = next(row for row in rows if row[0] == "Saison 2025")
    assert row[header.index("Emplois durables (durable_jobs)")] == ""


def test_no_row_at_all_when_the_programme_has_fewer_than_three_structures(client, catalogue):
    season = season_started(120)
    for _index in range(2):
        structure = swarmed(season)
        filled_report(scheduled_reports(structure)[Milestone.APPROPRIATION], accepted=True)
    header, *rows = open_rows(client.get(OPEN_URL))
    assert header[0] == "Saison"
    assert rows == []


@pytest.mark.parametrize(
    ("value", "cell"),
    [(Decimal("226.00"), "226"), (Decimal("12.50"), "12,5"), (Decimal("1000.00"), "1000")],
)
def test_numbers_are_written_without_useless_decimals(value, cell):
    from evaluation.exports import text_cell

    assert text_cell(value) == cell
