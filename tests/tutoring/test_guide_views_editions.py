"""The guide's editions, periodic review, provenance figures, outdated reports and the panel."""

import datetime
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from tests.curriculum.factories import ActionSheetPageFactory
from tests.helpers import count_queries
from tests.modules.factories import SwarmedMemberFactory, TrainingSeasonFactory
from tests.portal.factories import UserFactory
from tests.tutoring.guide_factories import (
    GuideEditionFactory,
    GuideEntryFactory,
    GuidePageFactory,
    accepted_question,
    ansa,
    head_of_network,
    published_edition,
)
from tutoring.enums import EditionStatus, EntryKind, EntryStatus, FlagKind
from tutoring.guide import services
from tutoring.guide.models import AnonymisationFlag, GuideEdition, OutdatedReport

pytestmark = pytest.mark.django_db

EDITIONS_URL = reverse("tutoring:guide_editions")
REVIEW_URL = reverse("tutoring:guide_review")
STATS_URL = reverse("tutoring:guide_stats")


def manage_url(edition) -> str:
    return reverse("tutoring:guide_edition_manage", kwargs={"pk": edition.pk})


def outdated_url(entry) -> str:
    return reverse("tutoring:guide_entry_outdated", kwargs={"pk": entry.pk})


@pytest.fixture
def people():
    return SimpleNamespace(
        ansa=ansa(),
        head_of_network=head_of_network(),
        owner=UserFactory(expert=True),
        other_expert=UserFactory(expert=True),
        referent=SwarmedMemberFactory(referent=True).user,
        outsider=UserFactory(),
    )


def login(client, people, role: str) -> None:
    if role != "anonymous":
        client.force_login(getattr(people, role))


@pytest.fixture
def sheets():
    return [
        ActionSheetPageFactory(number=3, title="La proposition de poste"),
        ActionSheetPageFactory(number=8, title="La prospection et la captation des offres"),
    ]


def soup_of(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


# --- Editions -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "status", "form"),
    [
        ("ansa", 200, True),
        ("head_of_network", 200, False),
        ("other_expert", 200, False),
        ("referent", 403, False),
        ("anonymous", 302, False),
    ],
)
def test_ansa_manages_editions_acor_reads_them(client, people, role, status, form):
    edition = GuideEditionFactory()
    login(client, people, role)
    response = client.get(EDITIONS_URL)
    assert response.status_code == status
    assert client.get(manage_url(edition)).status_code == status
    if status == 200:
        assert (soup_of(response).select_one("#id_name") is not None) == form


def test_ansa_prepares_the_edition_of_a_season_without_one(client, people):
    taken = GuideEditionFactory().season
    free = TrainingSeasonFactory(name="Saison 2031")
    client.force_login(people.ansa)
    options = {o["value"] for o in soup_of(client.get(EDITIONS_URL)).select("#id_season option")}
    assert str(free.pk) in options and str(taken.pk) not in options
    response = client.post(
        EDITIONS_URL, {"season": free.pk, "name": "Édition 2031", "note": "Treize chapitres."}
    )
    edition = GuideEdition.objects.get(season=free)
    assert response["Location"] == manage_url(edition)
    assert (edition.slug, edition.status) == ("edition-2031", EditionStatus.DRAFT)


def test_creating_an_edition_refuses_bad_input_and_keeps_it(client, people):
    existing = GuideEditionFactory(name="Édition 2030", slug="edition-2030")
    season = TrainingSeasonFactory()
    client.force_login(people.ansa)
    response = client.post(EDITIONS_URL, {"season": existing.season.pk, "name": "", "note": "Mot"})
    assert response.status_code == 400
    soup = soup_of(response)
    assert "Choisissez une saison qui n" in soup.select_one("#id_season_error").get_text()
    assert "Nommez l" in soup.select_one("#id_name_error").get_text()
    assert soup.select_one("#error-summary")
    assert soup.select_one("#id_note").get_text().strip() == "Mot"
    response = client.post(EDITIONS_URL, {"season": season.pk, "name": "Édition 2030"})
    assert "Une édition porte déjà ce nom." in soup_of(response).select_one("#id_name_error").text
    assert GuideEdition.objects.count() == 1


def test_only_ansa_creates_or_publishes_an_edition(client, people):
    edition = GuideEditionFactory()
    season = TrainingSeasonFactory()
    for role in ("head_of_network", "other_expert"):
        login(client, people, role)
        assert client.post(EDITIONS_URL, {"season": season.pk, "name": "X"}).status_code == 403
        publish = reverse("tutoring:guide_edition_publish", kwargs={"pk": edition.pk})
        assert client.post(publish, {"publish-version": edition.version}).status_code == 403
        assert client.post(manage_url(edition), {"version": 1, "note": "x"}).status_code == 403
        assert "Publier l'édition" not in client.get(manage_url(edition)).content.decode()
    edition.refresh_from_db()
    assert edition.status == EditionStatus.DRAFT and edition.note == ""


def test_preview_groups_the_entries_by_chapter_in_sheet_order_and_by_type(client, people, sheets):
    proposal, prospecting = sheets
    pitfall = GuideEntryFactory(sheets=[prospecting], kind=EntryKind.PITFALL, approved=True,
                                title="Démarcher un grand groupe")  # fmt: skip
    faq = GuideEntryFactory(sheets=[prospecting], kind=EntryKind.FAQ, approved=True,
                            title="Combien de visites par semaine ?")  # fmt: skip
    both = GuideEntryFactory(sheets=[prospecting, proposal], approved=True,
                             title="Présenter une seule personne")  # fmt: skip
    GuideEntryFactory(sheets=[proposal], title="Brouillon jamais approuvé")
    edition = GuideEditionFactory()
    client.force_login(people.ansa)
    soup = soup_of(client.get(manage_url(edition)))
    chapters = soup.select("#preview-title ~ section")
    assert [c.h3.get_text(" ", strip=True).split(" (")[0] for c in chapters] == [
        "Fiche 3 — La proposition de poste",
        "Fiche 8 — La prospection et la captation des offres",
    ]
    assert [a.get_text() for a in chapters[0].select("li a")] == [both.title]
    assert [a.get_text() for a in chapters[1].select("li a")] == [faq.title, pitfall.title]
    assert [h.get_text() for h in chapters[1].select("h4")] == ["Question fréquente",
                                                                "Piège à éviter"]  # fmt: skip
    assert both.title in chapters[1].get_text()  # « voir aussi »
    assert "Brouillon jamais approuvé" not in soup.get_text()
    assert "brouillon : 1" in soup.get_text().replace("\u00a0", " ")
    assert soup.find("button", string="Publier l'édition")


def test_publication_is_blocked_while_an_approved_entry_has_an_open_flag(client, people, sheets):
    entry = GuideEntryFactory(sheets=sheets[:1], approved=True)
    AnonymisationFlag.objects.create(entry=entry, kind=FlagKind.PHONE, text="05 59 12 34 56")
    edition = GuideEditionFactory()
    client.force_login(people.ansa)
    message = "1 entrée approuvée a des données à anonymiser non traitées."
    page = client.get(manage_url(edition)).content.decode()
    assert escape(message) in page
    assert "Publier l'édition</button>" not in page
    publish = reverse("tutoring:guide_edition_publish", kwargs={"pk": edition.pk})
    response = client.post(publish, {"publish-version": edition.version})
    assert response.status_code == 400
    summary = soup_of(response).select_one("#error-summary")
    assert message in summary.get_text()
    edition.refresh_from_db()
    assert edition.status == EditionStatus.DRAFT
    assert not edition.items.exists()


def test_publishing_freezes_the_edition_and_links_its_reading_page(client, people, home, sheets):
    guide = GuidePageFactory(parent=home)
    entry = GuideEntryFactory(sheets=sheets[1:], approved=True, public=True)
    edition = GuideEditionFactory()
    client.force_login(people.ansa)
    publish = reverse("tutoring:guide_edition_publish", kwargs={"pk": edition.pk})
    response = client.post(publish, {"publish-version": edition.version})
    assert response["Location"] == manage_url(edition)
    edition.refresh_from_db()
    assert edition.status == EditionStatus.PUBLISHED
    assert list(edition.items.values_list("entry_id", flat=True)) == [entry.pk]
    entry.refresh_from_db()
    assert entry.status == EntryStatus.PUBLISHED
    page = client.get(manage_url(edition)).content.decode()
    assert guide.url + guide.reverse_subpage("edition", kwargs={"slug": edition.slug}) in page
    assert "1 entrée, dont 1 ouverte au public" in page.replace("\u00a0", " ")
    assert "Publier l'édition</button>" not in page


def test_publishing_from_a_stale_page_is_refused(client, people, sheets):
    GuideEntryFactory(sheets=sheets[:1], approved=True)
    edition = GuideEditionFactory()
    stale = edition.version
    services.edition_update(actor=people.ansa, edition=edition, version=stale, note="Nouveau mot")
    client.force_login(people.ansa)
    publish = reverse("tutoring:guide_edition_publish", kwargs={"pk": edition.pk})
    response = client.post(publish, {"publish-version": stale})
    assert response.status_code == 409
    assert "L'édition a changé" in soup_of(response).select_one("#error-summary").get_text()
    edition.refresh_from_db()
    assert edition.status == EditionStatus.DRAFT


def test_the_edition_note_is_locked_against_concurrent_edits(client, people):
    edition = GuideEditionFactory()
    opened_at = edition.version
    services.edition_update(actor=people.ansa, edition=edition, version=opened_at,
                            note="Le mot d'une collègue.")  # fmt: skip
    client.force_login(people.ansa)
    response = client.post(manage_url(edition), {"version": opened_at, "note": "Mon mot tapé."})
    assert response.status_code == 409
    soup = soup_of(response)
    assert "Le mot d'une collègue." in soup.select_one("#conflict").get_text()
    assert soup.select_one("#id_note").get_text().strip() == "Mon mot tapé."
    edition.refresh_from_db()
    assert edition.note == "Le mot d'une collègue."
    version = soup.select_one('input[name="version"]')["value"]
    assert client.post(manage_url(edition), {"version": version, "note": "Mon mot tapé."})[
        "Location"
    ] == manage_url(edition)
    edition.refresh_from_db()
    assert edition.note == "Mon mot tapé."


def test_an_overlong_note_is_refused_beside_the_field(client, people):
    edition = GuideEditionFactory()
    client.force_login(people.ansa)
    response = client.post(manage_url(edition), {"version": edition.version, "note": "x" * 5001})
    assert response.status_code == 400
    soup = soup_of(response)
    assert soup.select_one("#id_note[aria-invalid=true]")
    assert soup.select_one("#error-summary a[href='#id_note']")
    edition.refresh_from_db()
    assert edition.note == ""


def test_edition_preview_has_constant_query_count(client, people, sheets):
    def add_entries(count: int) -> None:
        for n in range(count):
            GuideEntryFactory(sheets=[sheets[n % 2], ActionSheetPageFactory()], approved=True,
                              kind=list(EntryKind)[n % 4])  # fmt: skip
        GuideEntryFactory(sheets=sheets[:1])

    add_entries(1)
    edition = GuideEditionFactory()
    client.force_login(people.ansa)
    few = count_queries(client, manage_url(edition))
    add_entries(10)
    assert count_queries(client, manage_url(edition)) == few


def test_editions_list_has_constant_query_count(client, people, sheets):
    entry = GuideEntryFactory(sheets=sheets[:1], approved=True)
    published_edition(entries=[entry])
    GuideEditionFactory()
    client.force_login(people.ansa)
    few = count_queries(client, EDITIONS_URL)
    for _ in range(5):
        published_edition(entries=[entry])
    assert count_queries(client, EDITIONS_URL) == few


# --- The periodic review ------------------------------------------------------------------------


@pytest.fixture
def season():
    """The newest season under way: the one the review checks for."""
    return TrainingSeasonFactory(training_start=timezone.localdate() - datetime.timedelta(days=5))


def test_review_lists_entries_not_checked_for_the_season_and_open_reports(
    client, people, sheets, season
):
    due = GuideEntryFactory(sheets=sheets[:1], approved=True, title="Entrée à revoir")
    done = GuideEntryFactory(sheets=sheets[:1], approved=True, title="Entrée déjà revue")
    services.entry_check(actor=people.ansa, entry=done, season=season)
    GuideEntryFactory(sheets=sheets[:1], title="Brouillon hors revue")
    report = OutdatedReport.objects.create(
        entry=done, reported_by=people.referent, reason="La loi a changé en janvier."
    )
    client.force_login(people.other_expert)
    page = client.get(REVIEW_URL).content.decode()
    assert escape(due.title) in page
    assert escape(done.title) not in page.split('id="reports-title"')[0]
    assert "Brouillon hors revue" not in page
    assert report.reason in page
    assert season.name in page


def test_checking_from_the_review_comes_back_to_it(client, people, sheets, season):
    entry = GuideEntryFactory(sheets=sheets[:1], approved=True)
    client.force_login(people.owner)
    response = client.post(
        reverse("tutoring:guide_entry_check", kwargs={"pk": entry.pk}), {"next": REVIEW_URL}
    )
    assert response["Location"] == REVIEW_URL
    entry.refresh_from_db()
    assert entry.checked_season == season
    due = soup_of(client.get(REVIEW_URL)).select("tbody th a")
    assert entry.title not in [link.get_text() for link in due]


def test_checking_never_sends_back_elsewhere(client, people, sheets, season):
    entry = GuideEntryFactory(sheets=sheets[:1], approved=True)
    client.force_login(people.owner)
    response = client.post(
        reverse("tutoring:guide_entry_check", kwargs={"pk": entry.pk}),
        {"next": "https://ailleurs.example/"},
    )
    assert response["Location"] == reverse("tutoring:guide_entry", kwargs={"pk": entry.pk})


@pytest.mark.parametrize(("role", "status"), [("referent", 403), ("anonymous", 302)])
def test_review_is_for_editors(client, people, role, status):
    login(client, people, role)
    assert client.get(REVIEW_URL).status_code == status


def test_review_has_constant_query_count(client, people, sheets, season):
    def add(count: int) -> None:
        for _ in range(count):
            entry = GuideEntryFactory(sheets=sheets[:1], approved=True)
            OutdatedReport.objects.create(entry=entry, reported_by=UserFactory(), reason="Vieux")

    add(1)
    client.force_login(people.ansa)
    few = count_queries(client, REVIEW_URL)
    add(10)
    assert count_queries(client, REVIEW_URL) == few


# --- Reporting an outdated entry ----------------------------------------------------------------


@pytest.fixture
def published(sheets):
    entry = GuideEntryFactory(sheets=sheets[:1], approved=True, title="Le titre publié")
    published_edition(entries=[entry])
    return entry


def test_a_reader_of_the_network_reports_a_published_entry(client, people, home, published):
    guide = GuidePageFactory(parent=home)
    services.entry_update(
        actor=published.owner, entry=published, version=published.version, kind=published.kind,
        title="Un titre encore en brouillon", body="Texte en cours.",
        sheet_ids=list(published.sheets.values_list("pk", flat=True)),
    )  # fmt: skip
    client.force_login(people.referent)
    page = client.get(outdated_url(published)).content.decode()
    assert "Le titre publié" in page
    assert "encore en brouillon" not in page
    response = client.post(outdated_url(published), {"reason": "Le dispositif a disparu."})
    assert response["Location"] == guide.url + guide.reverse_subpage(
        "entry", kwargs={"entry_id": published.pk}
    )
    report = OutdatedReport.objects.get()
    assert (report.entry, report.reported_by) == (published, people.referent)


def test_without_a_guide_page_the_reader_goes_back_to_the_dashboard(client, people, published):
    client.force_login(people.referent)
    response = client.post(outdated_url(published), {"reason": "Plus d'actualité."})
    assert response["Location"] == reverse("portal:dashboard")


def test_a_report_needs_a_reason_beside_the_field(client, people, published):
    client.force_login(people.referent)
    response = client.post(outdated_url(published), {"reason": "   "})
    assert response.status_code == 400
    soup = soup_of(response)
    assert "Dites ce qui n" in soup.select_one("#id_reason_error").get_text()
    assert soup.select_one("#id_reason[aria-invalid=true]")
    assert soup.select_one("#error-summary a[href='#id_reason']")
    assert not OutdatedReport.objects.exists()


def test_an_entry_in_no_published_edition_is_404_to_readers(client, people, sheets):
    draft = GuideEntryFactory(sheets=sheets[:1], title="Brouillon confidentiel")
    client.force_login(people.referent)
    assert client.get(outdated_url(draft)).status_code == 404
    assert client.post(outdated_url(draft), {"reason": "x"}).status_code == 404
    client.force_login(people.other_expert)
    assert client.get(outdated_url(draft)).status_code == 200
    assert not OutdatedReport.objects.exists()


@pytest.mark.parametrize(("role", "status"), [("outsider", 403), ("anonymous", 302)])
def test_people_outside_the_network_cannot_report(client, people, published, role, status):
    login(client, people, role)
    assert client.get(outdated_url(published)).status_code == status
    assert client.post(outdated_url(published), {"reason": "x"}).status_code == status
    assert not OutdatedReport.objects.exists()


# --- Provenance figures -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "status"),
    [("ansa", 200), ("head_of_network", 200), ("other_expert", 403), ("anonymous", 302)],
)
def test_provenance_figures_are_for_ansa_and_the_head_of_network(client, people, role, status):
    login(client, people, role)
    assert client.get(STATS_URL).status_code == status


def test_figures_count_questions_and_entries_per_sheet_and_experts_per_season(
    client, people, sheets
):
    prospecting = sheets[1]
    old = accepted_question(sheets=[prospecting])
    recent = accepted_question(sheets=[prospecting])
    services.entry_promote(actor=people.ansa, questions=[recent], sheet_ids=[prospecting.pk])
    client.force_login(people.head_of_network)
    soup = soup_of(client.get(STATS_URL))
    tables = soup.select("table")
    assert all(table.caption for table in tables)
    rows = {row.th.get_text(strip=True): [td.get_text() for td in row.select("td")]
            for row in tables[0].select("tbody tr")}  # fmt: skip
    assert rows["Fiche 8 — La prospection et la captation des offres"] == ["2", "1"]
    assert rows["Fiche 3 — La proposition de poste"] == ["0", "0"]
    experts = {row.th.get_text(strip=True): [td.get_text() for td in row.select("td")]
               for row in tables[1].select("tbody tr")}  # fmt: skip
    assert experts[str(recent.accepted_answer.author)] == ["1", "1"]

    soup = soup_of(client.get(STATS_URL, {"saison": old.season.slug}))
    assert old.season.name in soup.select("table")[0].caption.get_text()
    rows = {row.th.get_text(strip=True): [td.get_text() for td in row.select("td")]
            for row in soup.select("table")[0].select("tbody tr")}  # fmt: skip
    assert rows["Fiche 8 — La prospection et la captation des offres"] == ["1", "0"]


# --- The dashboard panel ------------------------------------------------------------------------


def test_the_panel_shows_an_experts_drafts_and_what_is_in_review(client, people, sheets):
    mine = GuideEntryFactory(owner=people.owner, sheets=sheets[:1], title="Mon brouillon à moi")
    GuideEntryFactory(sheets=sheets[:1], title="Le brouillon d'un autre")
    in_review = GuideEntryFactory(sheets=sheets[:1], title="Entrée soumise")
    services.entry_transition(actor=people.ansa, entry=in_review, action="submit")
    AnonymisationFlag.objects.create(entry=mine, kind=FlagKind.EMAIL, text="a@exemple.fr")
    client.force_login(people.owner)
    soup = soup_of(client.get(reverse("portal:dashboard")))
    panel = soup.select_one("#panel-guide").parent
    text = panel.get_text(" ").replace("\u00a0", " ")
    assert mine.title in text
    assert "Le brouillon d'un autre" not in text
    assert "En relecture" in text and in_review.title in text
    assert "1 donnée à anonymiser à traiter" in text
    assert panel.find("a", href=reverse("tutoring:guide_entries"))


def test_the_head_of_network_sees_what_awaits_approval(client, people, sheets):
    entry = GuideEntryFactory(sheets=sheets[:1], title="Entrée à approuver")
    services.entry_transition(actor=entry.owner, entry=entry, action="submit")
    client.force_login(people.head_of_network)
    panel = soup_of(client.get(reverse("portal:dashboard"))).select_one("#panel-guide").parent
    assert "À approuver" in panel.get_text()
    assert entry.title in panel.get_text()


def test_readers_of_the_guide_get_no_editorial_panel(client, people):
    client.force_login(people.referent)
    assert 'id="panel-guide"' not in client.get(reverse("portal:dashboard")).content.decode()


def test_an_unknown_season_is_reported_and_every_season_shown(client, people, sheets):
    client.force_login(people.ansa)
    soup = soup_of(client.get(STATS_URL, {"saison": "nulle-part"}))
    assert soup.select_one("#id_saison_error")
    assert soup.select_one("#error-summary a[href='#id_saison']")
    assert "toutes saisons" in soup.select("table")[0].caption.get_text()


def test_figures_have_constant_query_count(client, people, sheets):
    def add(count: int) -> None:
        for n in range(count):
            question = accepted_question(sheets=[sheets[n % 2]])
            services.entry_promote(actor=people.ansa, questions=[question])

    add(1)
    client.force_login(people.ansa)
    few = count_queries(client, STATS_URL)
    add(10)
    assert count_queries(client, STATS_URL) == few


# --- Accessibility of the pages ------------------------------------------------------------------


def test_every_editorial_page_has_one_h1_unique_ids_and_labelled_fields(client, people, sheets):
    TrainingSeasonFactory(training_start=timezone.localdate())
    question = accepted_question(sheets=sheets[:1])
    entry = services.entry_promote(actor=people.ansa, questions=[question])
    AnonymisationFlag.objects.create(entry=entry, kind=FlagKind.PLACE, text="Orthez")
    OutdatedReport.objects.create(entry=entry, reported_by=people.referent, reason="Vieux.")
    approved = GuideEntryFactory(sheets=sheets[1:], approved=True)
    edition = published_edition(entries=[approved])
    draft = GuideEditionFactory()
    client.force_login(people.ansa)
    urls = [
        reverse("tutoring:guide_entries"),
        reverse("tutoring:guide_promote") + f"?question={question.pk}",
        reverse("tutoring:guide_entry", kwargs={"pk": entry.pk}),
        reverse("tutoring:guide_entry_edit", kwargs={"pk": entry.pk}),
        reverse("tutoring:guide_entry_history", kwargs={"pk": entry.pk}),
        outdated_url(entry),
        REVIEW_URL,
        EDITIONS_URL,
        manage_url(draft),
        manage_url(edition),
        STATS_URL,
    ]
    for url in urls:
        soup = soup_of(client.get(url))
        main = soup.select_one("main")
        assert len(soup.select("h1")) == 1, url
        ids = [tag["id"] for tag in soup.select("[id]")]
        assert len(ids) == len(set(ids)), (url, sorted({i for i in ids if ids.count(i) > 1}))
        for field in main.select("input:not([type=hidden]), select, textarea"):
            labelled = soup.select_one(f'label[for="{field.get("id")}"]')
            assert labelled is not None, (url, field.get("name"))
        for table in main.select("table"):
            assert table.caption is not None and table.select("th[scope]"), url
