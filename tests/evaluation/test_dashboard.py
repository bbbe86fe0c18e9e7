"""The programme dashboard: per season and across seasons, each structure counts with the last
accepted value of its most advanced report; filters by season, département and hypothesis; the
steering committee reads aggregates only; each chart is followed by its data table; the page's
queries do not grow with the data."""

import datetime
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from evaluation import selectors, services
from evaluation.enums import Milestone
from evaluation.exports import counted_indicators
from portal.roles import Role
from tests.evaluation.factories import (
    ansa,
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

URL = reverse("evaluation:dashboard")
NBSP = "\u00a0"


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def catalogue(db):
    principles()
    return published_catalogue()


def season_started(days_ago: int, **kwargs):
    return TrainingSeasonFactory(
        training_start=timezone.localdate() - datetime.timedelta(days=days_ago), **kwargs
    )


def swarmed(season, *, departement="64", hypothesis="A", participants=0):
    traits = {"candidacy__hypothesis_b": True} if hypothesis == "B" else {}
    structure = SwarmedStructureFactory(season=season, structure__departement=departement, **traits)
    SwarmedMemberFactory(swarmed_structure=structure, referent=True)
    for _ in range(participants):
        SwarmedMemberFactory(swarmed_structure=structure)
    return structure


def report(structure, milestone=Milestone.APPROPRIATION):
    return scheduled_reports(structure)[milestone]


def figure_table(page: BeautifulSoup, key: str) -> dict[str, str]:
    """{season: value} of one figure's data table, « Toutes les saisons » included."""
    section = page.find("section", attrs={"aria-labelledby": f"figure-{key}"})
    table = section.find("table")
    return {
        row.find("th").get_text(strip=True): row.find("td").get_text(strip=True)
        for row in table.find_all("tr")
        if row.find("td")
    }


def steering():
    return UserFactory(roles=[Role.STEERING])


@pytest.fixture
def programme(catalogue):
    """Two seasons: the older with three structures (accepted 3- and 9-month reports, one
    stopped the method), the newer with two (one accepted, one only submitted)."""
    older = season_started(500, name="Saison 2025", slug="saison-2025")
    newer = season_started(120, name="Saison 2026", slug="saison-2026")
    first = swarmed(older, participants=2)
    second = swarmed(older, departement="40", participants=1)
    third = swarmed(older, hypothesis="B")
    fourth = swarmed(newer, departement="40")
    fifth = swarmed(newer)
    filled_report(report(first), values={"people_supported": "20"}, accepted=True)
    filled_report(
        report(first, Milestone.IMPLEMENTATION),
        values={"people_supported": "35", "returns_to_work": "12"},
        accepted=True,
    )
    filled_report(report(second), values={"people_supported": "10"}, accepted=True)
    filled_report(
        report(third),
        values={"people_supported": "7", "returns_to_work": "5", "method_active": "no"},
        accepted=True,
    )
    filled_report(report(fourth), values={"people_supported": "15"}, accepted=True)
    filled_report(report(fifth), values={"people_supported": "99"})  # submitted, not accepted
    return {
        "older": older,
        "newer": newer,
        "structures": [first, second, third, fourth, fifth],
    }


# --- The figures ---------------------------------------------------------------------------------


def test_sums_over_seasons_equal_the_sums_of_each_structures_figures(client, programme):
    client.force_login(ansa())
    page = soup(client.get(URL))
    figures = selectors.structure_figures(programme["structures"])
    for indicator in counted_indicators():
        expected = sum(
            (f.values.get(indicator.code, Decimal(0)) for f in figures), start=Decimal(0)
        )
        table = figure_table(page, f"ind-{indicator.code}")
        assert table["Toutes les saisons"] == f"{expected.normalize():f}".replace("\u202f", "")
        per_season = sum(
            Decimal(value)
            for season, value in table.items()
            if season != "Toutes les saisons" and value != "—"
        )
        assert per_season == expected


def test_only_accepted_reports_count(client, programme):
    client.force_login(ansa())
    table = figure_table(soup(client.get(URL)), "ind-people_supported")
    # 35 (the 9-month report) + 10 + 7, then 15; the submitted 99 is not counted.
    assert table == {"Saison 2025": "52", "Saison 2026": "15", "Toutes les saisons": "67"}


def test_the_most_advanced_accepted_milestone_wins(client, programme):
    client.force_login(ansa())
    page = soup(client.get(URL))
    # The first structure: 20 at 3 months, 35 at 9 months → 35 only, not 55.
    assert figure_table(page, "ind-people_supported")["Saison 2025"] == "52"
    # Its returns to work come from the 9-month report (12), the others' from their 3-month
    # reports (8 and 5).
    assert figure_table(page, "ind-returns_to_work") == {
        "Saison 2025": "25",
        "Saison 2026": "8",
        "Toutes les saisons": "33",
    }


def test_a_figure_nobody_has_reported_yet_reads_as_a_dash_not_zero(client, programme):
    client.force_login(ansa())
    page = soup(client.get(URL))
    # Durable jobs are asked from 9 months on: only the first structure has an accepted one.
    assert figure_table(page, "ind-durable_jobs") == {
        "Saison 2025": "5",
        "Saison 2026": "—",
        "Toutes les saisons": "5",
    }
    section = page.find("section", attrs={"aria-labelledby": "figure-ind-durable_jobs"})
    assert "non renseigné" in section.find("svg").get_text()


def test_structures_active_and_professionals_trained(client, programme):
    client.force_login(ansa())
    page = soup(client.get(URL))
    assert figure_table(page, "structures") == {
        "Saison 2025": "3",
        "Saison 2026": "2",
        "Toutes les saisons": "5",
    }
    # The third structure said it stopped applying the method; one without accepted report counts.
    assert figure_table(page, "active")["Saison 2025"] == "2"
    assert figure_table(page, "active")["Saison 2026"] == "2"
    # Referents and participants: 3 + 2 + 1 in the older season, 1 + 1 in the newer.
    assert figure_table(page, "professionals") == {
        "Saison 2025": "6",
        "Saison 2026": "2",
        "Toutes les saisons": "8",
    }


def test_labels_come_from_the_current_catalogue(client, programme):
    current = services.current_catalogue()
    current.indicators.filter(code="people_supported").update(label="Personnes suivies")
    client.force_login(ansa())
    page = soup(client.get(URL))
    assert page.find(id="figure-ind-people_supported").get_text(strip=True) == "Personnes suivies"
    # Indicators not counted in the totals (a rate, a yes/no, a text) have no figure.
    assert page.find(id="figure-ind-job_return_rate") is None
    assert page.find(id="figure-ind-team_changes") is None


def test_each_figure_says_what_it_counts(client, programme):
    client.force_login(ansa())
    text = soup(client.get(URL)).get_text(" ")
    assert "dernière valeur acceptée de chaque structure" in text
    section = soup(client.get(URL)).find(
        "section", attrs={"aria-labelledby": "figure-ind-people_supported"}
    )
    assert "bilan le plus avancé" in section.get_text(" ")


def test_each_chart_is_followed_by_its_data_table(client, programme):
    client.force_login(ansa())
    page = soup(client.get(URL))
    sections = page.select("section[aria-labelledby^=figure-]")
    assert len(sections) == 2 + len(counted_indicators()) + 1
    for section in sections:
        svg = section.find("svg")
        assert svg["role"] == "img"
        title_id, desc_id = svg["aria-labelledby"].split()
        assert svg.find(id=title_id).get_text() and svg.find(id=desc_id).get_text()
        table = svg.find_next("table")
        assert table.find_parent("section") is section
        assert table.caption.get_text(strip=True)
        assert all(th.get("scope") in {"col", "row"} for th in table.find_all("th"))
        # The chart writes the same figures as its table.
        for season, value in figure_table(page, section["aria-labelledby"][7:]).items():
            if season != "Toutes les saisons":
                assert (value if value != "—" else "non renseigné") in svg.get_text()
    assert len(page.find_all("h1")) == 1


def test_no_structure_yet_says_so(client, catalogue):
    client.force_login(ansa())
    page = soup(client.get(URL))
    assert "Aucune structure n'a encore été essaimée" in page.get_text()
    assert page.find("svg") is None


# --- Filters -------------------------------------------------------------------------------------


def test_filter_by_season(client, programme):
    client.force_login(ansa())
    page = soup(client.get(URL, {"saison": "saison-2026"}))
    assert figure_table(page, "ind-people_supported") == {
        "Saison 2026": "15",
        "Toutes les saisons": "15",
    }


def test_filter_by_departement(client, programme):
    client.force_login(ansa())
    page = soup(client.get(URL, {"departement": "40"}))
    assert figure_table(page, "structures") == {
        "Saison 2025": "1",
        "Saison 2026": "1",
        "Toutes les saisons": "2",
    }
    assert figure_table(page, "ind-people_supported")["Toutes les saisons"] == "25"


def test_filter_by_hypothesis(client, programme):
    client.force_login(ansa())
    page = soup(client.get(URL, {"hypothese": "B"}))
    assert figure_table(page, "structures") == {"Saison 2025": "1", "Toutes les saisons": "1"}
    assert figure_table(page, "ind-people_supported")["Toutes les saisons"] == "7"
    page = soup(client.get(URL, {"hypothese": "A", "saison": "saison-2025"}))
    assert figure_table(page, "ind-people_supported")["Toutes les saisons"] == "45"


def test_filters_matching_nothing_say_so(client, programme):
    client.force_login(ansa())
    page = soup(client.get(URL, {"hypothese": "B", "saison": "saison-2026"}))
    assert "Aucune structure essaimée ne correspond à ces filtres." in page.get_text()


def test_an_unknown_filter_value_is_a_clear_error_next_to_the_field(client, programme):
    client.force_login(ansa())
    page = soup(client.get(URL, {"saison": "saison-1999", "departement": "40"}))
    field = page.find(id="id_saison")
    assert "id_saison_error" in field["aria-describedby"]
    assert (
        f"Cette saison n'existe pas{NBSP}: choisissez-la"
        in page.find(id="id_saison_error").get_text()
    )
    assert page.find(id="error-summary").find("a", href="#id_saison")
    assert page.find(id="id_departement").find("option", selected=True)["value"] == "40"
    assert page.find("svg") is None


def test_export_links_carry_the_filters(client, programme):
    client.force_login(ansa())
    page = soup(client.get(URL, {"saison": "saison-2025", "hypothese": "A"}))
    link = page.find(
        "a", href=lambda href: href and href.startswith(reverse("evaluation:export_csv"))
    )
    assert "saison=saison-2025" in link["href"] and "hypothese=A" in link["href"]


# --- Who reads it --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("ansa", 200),
        ("head_of_network", 200),
        ("steering", 200),
        ("referent", 403),
        ("expert", 403),
        ("participant", 403),
    ],
)
def test_who_reads_the_dashboard(client, programme, who, status):
    users = {
        "ansa": ansa,
        "head_of_network": lambda: UserFactory(head_of_network=True),
        "steering": steering,
        "referent": lambda: referent_of(programme["structures"][0]),
        "expert": lambda: UserFactory(expert=True),
        "participant": lambda: programme["structures"][0].members.exclude(role="referent")[0].user,
    }
    client.force_login(users[who]())
    assert client.get(URL).status_code == status


def test_anonymous_visitor_is_sent_to_login(client, programme):
    response = client.get(URL)
    assert response.status_code == 302
    assert "next=" in response["Location"]


def test_steering_committee_sees_aggregates_only(client, programme):
    client.force_login(steering())
    response = client.get(URL)
    text = response.content.decode()
    for structure in programme["structures"]:
        assert structure.structure.name not in text
        for member in structure.members.select_related("user"):
            assert member.user.email not in text
            assert member.user.get_full_name() not in text
    page = soup(response)
    assert figure_table(page, "ind-people_supported")["Toutes les saisons"] == "67"
    # No link to a structure's report or bilan, nor to the exports that name them.
    hrefs = [a["href"] for a in page.select("main a[href]")]
    assert not [href for href in hrefs if "/bilans/" in href or "/structures/" in href]
    assert reverse("evaluation:export_csv") not in text
    assert reverse("evaluation:export_xlsx") not in text
    assert reverse("evaluation:open_data") in text


# --- Queries -------------------------------------------------------------------------------------


def _grow(seasons: list, count: int) -> None:
    for index in range(count):
        season = seasons[index % len(seasons)]
        structure = swarmed(season, departement=str(10 + index % 5), participants=1)
        reports = scheduled_reports(structure)
        filled_report(reports[Milestone.APPROPRIATION], accepted=True)
        filled_report(reports[Milestone.IMPLEMENTATION], accepted=index % 2 == 0)


def test_queries_do_not_grow_with_ten_times_the_structures_and_reports(client, catalogue):
    seasons = [season_started(500), season_started(120)]
    _grow(seasons, 2)
    client.force_login(ansa())
    few = count_queries(client, URL)
    filtered = count_queries(client, f"{URL}?departement=10&hypothese=A")
    _grow([*seasons, season_started(300)], 20)
    assert count_queries(client, URL) == few
    assert count_queries(client, f"{URL}?departement=10&hypothese=A") == filtered
