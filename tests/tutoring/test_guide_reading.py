"""Reading the guide d'essaimage: chapters by sheet, entries, editions, differences, search."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection

from curriculum.relations import related_sections
from portal.roles import Role
from tests.conftest import require_service
from tests.helpers import count_queries
from tests.modules.factories import SwarmedMemberFactory
from tests.portal.factories import UserFactory
from tests.tutoring.guide_factories import (
    GuideEditionFactory,
    GuidePageFactory,
    accepted_question,
    ansa,
    head_of_network,
    published_edition,
)
from tests.tutoring.guide_reading_factories import (
    approved_entry,
    promoted_entry,
    reading_sheets,
    reedit,
)
from tutoring.enums import EntryKind, Scope, TerritoryKind
from tutoring.guide import services
from tutoring.guide.reading import announced
from tutoring.guide.selectors import word_diff

pytestmark = pytest.mark.django_db


# --- The world --------------------------------------------------------------------------------


@pytest.fixture
def sheets(home):
    return reading_sheets(home)


@pytest.fixture
def guide(home, sheets):
    return GuidePageFactory(
        parent=home,
        access_text="Le guide complet s'ouvre aux structures d'une saison : écrivez à Ansa.",
        foreword="<p>Mot de la tête de réseau pour cette saison.</p>",
        body="<p>Comment lire ce guide, fiche par fiche.</p>",
    )


def url(guide, name: str = "", *args) -> str:
    return guide.url + (guide.reverse_subpage(name, args=args) if name else "")


def soup(response) -> BeautifulSoup:
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def text_of(response) -> str:
    return " ".join(soup(response).get_text(" ").split())


READERS = {
    "anonymous": lambda: None,
    "steering": lambda: UserFactory(roles=[Role.STEERING]),
    "content_editor": lambda: UserFactory(editor=True),
    "referent_of_another_season": lambda: SwarmedMemberFactory(referent=True).user,
    "expert": lambda: UserFactory(expert=True),
    "head_of_network": head_of_network,
    "ansa": ansa,
}
NETWORK = {"referent_of_another_season", "expert", "head_of_network", "ansa"}


def login(client, reader: str):
    user = READERS[reader]()
    if user is not None:
        client.force_login(user)
    return user


@pytest.fixture
def edition(guide, sheets):
    """Sheet 1 has a pitfall, a FAQ (also about sheet 8) and a public good practice; sheet 8
    a public case."""
    s1, s8 = sheets[1], sheets[8]
    approved_entry(sheets=[s1], kind=EntryKind.PITFALL, title="Accueillir sans écouter")
    approved_entry(
        sheets=[s1, s8],
        kind=EntryKind.FAQ,
        title="Que dire d'un employeur au premier accueil ?",
        body="Parlez des postes repérés chez les employeurs du territoire.",
    )
    approved_entry(
        sheets=[s1], kind=EntryKind.GOOD_PRACTICE, title="Trois postes cibles", public=True
    )
    approved_entry(
        sheets=[s8],
        kind=EntryKind.CASE,
        title="Relancer un employeur après la visite",
        body="Une relance par SMS, puis un appel.",
        public=True,
    )
    return published_edition()


# --- Chapters ---------------------------------------------------------------------------------


def test_index_lists_the_chapters_in_sheet_order_grouped_by_axis(client, guide, edition):
    page = soup(client.get(url(guide)))
    assert len(page.find_all("h1")) == 1
    headings = [
        h3.get_text(strip=True)
        for h3 in page.select(".guide-chapters")[0].find_all_previous("h3", limit=1)
    ]
    assert headings == ["Avec le chercheur d'emploi"]
    chapters = [li.a.get_text(strip=True) for li in page.select(".guide-chapters li")]
    assert chapters == [
        "Fiche 1 · L'accueil",
        "Fiche 2 · La période d'engagement réciproque",
        "Fiche 8 · La prospection et la captation des offres",
    ]
    axes = [
        h3.get_text(strip=True) for h3 in page.select("section[aria-labelledby=chapters-title] h3")
    ]
    assert axes == ["Avec le chercheur d'emploi", "Avec les entreprises"]


def test_index_shows_the_frozen_foreword_introduction_and_the_current_marker(
    client, guide, edition
):
    guide.foreword = "<p>Un avant-propos réécrit après la publication.</p>"
    guide.save_revision().publish()
    text = text_of(client.get(url(guide)))
    assert "Édition en vigueur" in text
    assert edition.name in text and edition.season.name in text
    assert "Mot de la tête de réseau pour cette saison." in text
    assert "Comment lire ce guide, fiche par fiche." in text
    assert "Un avant-propos réécrit" not in text


def test_chapter_lists_its_entries_by_type_in_the_types_order(client, guide, edition):
    client.force_login(ansa())
    page = soup(client.get(url(guide, "chapter", 1)))
    assert page.h1.get_text(strip=True) == "Fiche 1 · L'accueil"
    kinds = [h2.contents[0].strip() for h2 in page.select(".guide-kind h2")]
    assert kinds == ["Question fréquente", "Bonne pratique", "Piège à éviter"]
    titles = [h3.get_text(strip=True) for h3 in page.select(".guide-entry h3")]
    assert titles == [
        "Que dire d'un employeur au premier accueil ?",
        "Trois postes cibles",
        "Accueillir sans écouter",
    ]
    faq = page.select(".guide-entry")[0]
    assert "Parlez des postes repérés chez les employeurs du territoire." in faq.get_text()
    assert "Concerne aussi" in faq.get_text() and "Fiche 8" in faq.get_text()
    sheet_link = page.find("a", string="Lire la fiche-action 1 dans le référentiel")
    assert sheet_link["href"] == sheets_url(guide, 1)


def sheets_url(guide, number):
    from curriculum.models import ActionSheetPage

    return ActionSheetPage.objects.get(number=number).url


def test_an_entry_about_two_sheets_is_read_also_in_the_other_chapter(client, guide, edition):
    client.force_login(ansa())
    page = soup(client.get(url(guide, "chapter", 8)))
    filed = [h3.get_text(strip=True) for h3 in page.select(".guide-entry h3")]
    assert filed == ["Relancer un employeur après la visite"]
    see_also = page.find(id="see-also-title").find_parent("section")
    assert "Que dire d'un employeur au premier accueil ?" in see_also.get_text()
    assert "classée dans la fiche 1" in see_also.get_text()


def test_an_empty_chapter_says_so_and_an_unknown_one_is_404(client, guide, edition):
    assert "Aucune entrée de ce chapitre" in text_of(client.get(url(guide, "chapter", 2)))
    assert client.get(url(guide, "chapter", 5)).status_code == 404
    assert client.get(url(guide, "edition_chapter", "inconnue", 1)).status_code == 404
    draft = GuideEditionFactory()
    for name, args in [("edition", ()), ("edition_chapter", (1,)), ("edition_entry", (1,))]:
        assert client.get(url(guide, name, draft.slug, *args)).status_code == 404


def test_the_index_says_so_when_no_edition_is_published(client, guide, sheets):
    page = soup(client.get(url(guide)))
    assert "Aucune édition du guide n'est encore publiée" in page.get_text()
    assert not page.find("a", href="/tutorat/guide/")
    client.force_login(ansa())
    assert soup(client.get(url(guide))).find("a", href="/tutorat/guide/")
    assert client.get(url(guide, "chapter", 1)).status_code == 404


# --- Who reads what -----------------------------------------------------------------------------


@pytest.mark.parametrize("reader", READERS)
def test_the_network_reads_everything_and_others_the_public_selection(
    client, guide, edition, reader
):
    login(client, reader)
    index = text_of(client.get(url(guide)))
    chapter = text_of(client.get(url(guide, "chapter", 1)))
    private = client.get(url(guide, "entry", entry_id("Accueillir sans écouter")))
    public = client.get(url(guide, "entry", entry_id("Trois postes cibles")))
    assert public.status_code == 200
    assert "Trois postes cibles" in chapter
    if reader in NETWORK:
        assert "4 entrées dans cette édition" in index
        assert "Accueillir sans écouter" in chapter
        assert private.status_code == 200
        assert "Vous lisez la sélection ouverte au public" not in index
    else:
        assert "2 entrées ouvertes au public dans cette édition" in index
        assert "Accueillir sans écouter" not in chapter
        assert private.status_code == 404
        assert "écrivez à Ansa" in index  # the page's own words on how to reach the rest
        assert ("Se connecter pour lire le guide complet" in index) == (reader == "anonymous")


def entry_id(title: str) -> int:
    from tutoring.guide.models import GuideEntry

    return GuideEntry.objects.get(title=title).pk


@pytest.mark.parametrize("reader", READERS)
def test_the_pdf_is_offered_to_the_network_only(client, guide, edition, reader):
    login(client, reader)
    pdf = url(guide, "edition_pdf", edition.slug)
    assert bool(soup(client.get(url(guide))).find("a", href=pdf)) == (reader in NETWORK)


def test_the_public_selection_shows_in_search_and_counts_too(client, guide, edition):
    text = text_of(client.get(url(guide) + "?q=employeur"))
    assert "1 entrée trouvée" in text
    assert "Relancer un employeur après la visite" in text
    assert "Que dire d'un employeur" not in text


# --- Entries ------------------------------------------------------------------------------------


@pytest.fixture
def private_question(sheets):
    return accepted_question(
        sheets=[sheets[2]],
        scope=Scope.PAIR,
        title="Notre directrice Zéphyrine Quillet hésite sur la PER",
        body="Le conseil départemental de Brocéliande-sur-Oust refuse la troisième période.",
    )


@pytest.fixture
def rewritten(guide, sheets, private_question):
    entry = promoted_entry(
        private_question,
        title="Quand le prescripteur refuse une troisième période",
        body="Proposez un bilan à trois avec le prescripteur avant la fin de la deuxième.",
        sheets=[sheets[2]],
        territory_kind=TerritoryKind.RURAL,
    )
    services.entry_set_public(actor=head_of_network(), entry=entry, public=True)
    published_edition()
    return entry


@pytest.mark.parametrize("reader", ["anonymous", "referent_of_another_season", "ansa"])
def test_an_entry_never_shows_its_source_questions(client, rewritten, guide, reader):
    login(client, reader)
    for address in (url(guide), url(guide, "chapter", 2), url(guide, "entry", rewritten.pk)):
        html = client.get(address).content.decode()
        assert "Zéphyrine" not in html and "Quillet" not in html
        assert "Brocéliande" not in html
        assert "hésite sur la PER" not in html


def test_an_entry_shows_its_provenance_as_a_reader_may_see_it(client, rewritten, guide):
    entry = rewritten
    expert = entry.contributors.get()
    text = text_of(client.get(url(guide, "entry", entry.pk)))
    assert "Proposez un bilan à trois avec le prescripteur" in text
    assert "Question fréquente" in text
    assert "Fiche 2 · La période d'engagement réciproque" in text
    assert entry.season.name in text
    assert "Territoire rural" in text
    assert "hypothèse A" in text
    assert expert.get_full_name() in text
    assert "Réécrite à partir d'une question posée au tutorat, qui reste privée." in text


@pytest.mark.parametrize(
    ("reader", "report", "back_office"),
    [
        ("anonymous", False, False),
        ("steering", False, False),
        ("referent_of_another_season", True, False),
        ("expert", True, True),
        ("ansa", True, True),
    ],
)
def test_entry_links_to_report_it_outdated_and_to_the_back_office(
    client, guide, edition, reader, report, back_office
):
    login(client, reader)
    pk = entry_id("Trois postes cibles")
    page = soup(client.get(url(guide, "entry", pk)))
    assert bool(page.find("a", href=f"/tutorat/guide/entrees/{pk}/depassee/")) == report
    assert bool(page.find("a", href=f"/tutorat/guide/entrees/{pk}/")) == back_office


def test_an_entry_outside_the_edition_is_404(client, guide, edition, sheets):
    client.force_login(ansa())
    draft = approved_entry(sheets=[sheets[1]], title="Approuvée après la publication")
    assert client.get(url(guide, "entry", draft.pk)).status_code == 404
    assert client.get(url(guide, "entry", 999999)).status_code == 404
    assert client.get(url(guide, "edition_entry", "inconnue", draft.pk)).status_code == 404


# --- Editions -----------------------------------------------------------------------------------


@pytest.fixture
def two_editions(guide, sheets, edition):
    """A second edition: one entry re-edited, one retired, one added."""
    reedit(
        entry_obj("Relancer un employeur après la visite"),
        body="Une relance par SMS, puis un appel le mardi matin.",
    )
    services.entry_transition(
        actor=ansa(),
        entry=entry_obj("Accueillir sans écouter"),
        action="retire",
        text="Redit par la fiche elle-même.",
    )
    approved_entry(sheets=[sheets[2]], kind=EntryKind.FAQ, title="Combien de périodes signer ?")
    newer = published_edition()
    return edition, newer


def entry_obj(title: str):
    from tutoring.guide.models import GuideEntry

    return GuideEntry.objects.get(title=title)


def test_an_older_edition_stays_readable_with_its_frozen_text(client, guide, two_editions):
    older, newer = two_editions
    client.force_login(ansa())
    pk = entry_id("Relancer un employeur après la visite")
    old = text_of(client.get(url(guide, "edition_entry", older.slug, pk)))
    assert "Une relance par SMS, puis un appel." in old
    assert "le mardi matin" not in old
    assert "Vous lisez une édition antérieure du guide" in old
    assert "Lire cette entrée dans l'édition en vigueur" in old
    assert "le mardi matin" in text_of(client.get(url(guide, "entry", pk)))

    old_index = soup(client.get(url(guide, "edition", older.slug)))
    assert old_index.find("meta", attrs={"name": "robots"})
    assert old_index.find("a", string=lambda s: s and newer.name in s)["href"] == url(guide)
    old_chapter = text_of(client.get(url(guide, "edition_chapter", older.slug, 1)))
    assert "Accueillir sans écouter" in old_chapter  # retired since, still in its edition
    assert "Accueillir sans écouter" not in text_of(client.get(url(guide, "chapter", 1)))


def test_the_editions_page_lists_them_newest_first_with_the_current_marked(
    client, guide, two_editions
):
    older, newer = two_editions
    rows = soup(client.get(url(guide, "editions"))).select("table.guide-editions tbody tr")
    assert [row.th.a.get_text(strip=True) for row in rows] == [newer.name, older.name]
    assert "En vigueur" in rows[0].th.get_text() and "En vigueur" not in rows[1].th.get_text()
    # The public counts only its selection: two entries in each edition.
    assert [row.find_all("td")[-1].get_text(strip=True) for row in rows] == ["2", "2"]
    client.force_login(ansa())
    rows = soup(client.get(url(guide, "editions"))).select("table.guide-editions tbody tr")
    assert [row.find_all("td")[-1].get_text(strip=True) for row in rows] == ["4", "4"]


def test_the_diff_shows_entries_added_changed_and_removed(client, guide, two_editions):
    older, newer = two_editions
    client.force_login(ansa())
    page = soup(client.get(url(guide, "compare") + f"?de={older.slug}&a={newer.slug}"))
    summary = page.select_one(".guide-diff-summary").get_text(" ", strip=True)
    assert "1 entrée ajoutée" in summary and "1 entrée modifiée" in summary
    assert "1 entrée retirée" in summary and "2 entrées inchangées" in summary
    section = page.find(id="diff-title").find_parent("section")
    added = section.find("h3", string="Entrées ajoutées").find_next("ul")
    assert "Combien de périodes signer ?" in added.get_text()
    removed = section.find("h3", string="Entrées retirées").find_next("ul")
    assert "Accueillir sans écouter" in removed.get_text()
    change = section.select_one(".guide-change")
    assert [ins.get_text(" ", strip=True) for ins in change.select(".guide-diff__body ins")] == [
        "ajouté\u00a0: appel le mardi matin. (fin de l'ajout)"
    ]
    assert [d.get_text(" ", strip=True) for d in change.select(".guide-diff__body del")] == [
        "supprimé\u00a0: appel. (fin de la suppression)"
    ]


def test_the_diff_announces_insertions_and_deletions_to_screen_readers():
    html = str(announced(word_diff("un deux <trois>", "un quatre <trois>")))
    assert html == (
        'un <del><span class="visually-hidden">supprimé\u00a0: </span>deux'
        '<span class="visually-hidden"> (fin de la suppression)</span></del> '
        '<ins><span class="visually-hidden">ajouté\u00a0: </span>quatre'
        '<span class="visually-hidden"> (fin de l&#x27;ajout)</span></ins> &lt;trois&gt;'
    )


def test_the_public_diff_compares_only_the_public_selection(client, guide, two_editions):
    older, newer = two_editions
    text = text_of(client.get(url(guide, "compare") + f"?de={older.slug}&a={newer.slug}"))
    assert "1 entrée modifiée" in text
    assert "Aucune entrée retirée" in text  # the retired one was never public
    assert "Accueillir sans écouter" not in text


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ("?de=&a=", "de", "Choisissez l'édition de départ."),
        ("?de={older}", "a", "Choisissez l'édition d'arrivée."),
        ("?de=inconnue&a={newer}", "de", "Cette édition n'existe pas ou n'est pas publiée."),
        ("?de={newer}&a={newer}", "a", "Choisissez deux éditions différentes."),
    ],
)
def test_bad_comparisons_show_the_form_again_with_a_french_error(
    client, guide, two_editions, query, field, message
):
    older, newer = two_editions
    address = url(guide, "compare") + query.format(older=older.slug, newer=newer.slug)
    page = soup(client.get(address))
    error = page.find(id=f"id_{field}_error")
    assert error.get_text(strip=True) == message
    assert f"id_{field}_error" in page.find(id=f"id_{field}")["aria-describedby"]
    assert message in page.select_one(".error-summary").get_text()
    assert not page.select(".guide-diff-summary")


def test_the_compare_page_without_parameters_offers_the_last_two_editions(
    client, guide, two_editions
):
    older, newer = two_editions
    page = soup(client.get(url(guide, "compare")))
    assert not page.select(".error-summary")
    assert page.find(id="id_de").find("option", selected=True)["value"] == older.slug
    assert page.find(id="id_a").find("option", selected=True)["value"] == newer.slug


# --- Search -------------------------------------------------------------------------------------


def result_titles(page) -> list[str]:
    return [
        li.select_one(".card__title").get_text(strip=True)
        for li in page.select(".guide-results li")
    ]


def test_search_by_type_lists_that_type_with_each_chapter(client, guide, edition):
    client.force_login(ansa())
    page = soup(client.get(url(guide) + "?type=faq"))
    results = page.select(".guide-results li")
    assert result_titles(page) == ["Que dire d'un employeur au premier accueil ?"]
    assert "Fiche 1 · L'accueil" in results[0].get_text()


def test_search_by_words_ranks_titles_first(client, guide, edition):
    client.force_login(ansa())
    page = soup(client.get(url(guide) + "?q=employeurs+relance"))
    titles = [
        li.select_one(".card__title").get_text(strip=True)
        for li in page.select(".guide-results li")
    ]
    assert titles == [
        "Relancer un employeur après la visite",
        "Que dire d'un employeur au premier accueil ?",
    ]
    assert page.find(id="id_q")["value"] == "employeurs relance"


def test_a_bad_type_is_refused_in_french_beside_the_field(client, guide, edition):
    page = soup(client.get(url(guide) + "?type=inconnu&q=employeur"))
    assert page.find(id="id_type_error").get_text(strip=True) == "Choisissez un type de la liste."
    assert page.find(id="id_q")["value"] == "employeur"
    assert not page.select(".guide-results")


@pytest.fixture
def postgresql():
    """PostgreSQL's French search: CI runs on it; a quick SQLite run skips the test."""
    if connection.vendor != "postgresql":
        require_service("DATABASE_URL")
        pytest.skip("DATABASE_URL does not point at PostgreSQL.")


def test_french_full_text_search_stems_words_on_postgresql(postgresql, client, guide, edition):
    client.force_login(ansa())
    page = soup(client.get(url(guide) + "?q=relances+visites"))
    titles = [
        li.select_one(".card__title").get_text(strip=True)
        for li in page.select(".guide-results li")
    ]
    assert titles == ["Relancer un employeur après la visite"]


# --- Around the sheet ---------------------------------------------------------------------------


def guide_section(sheet, user):
    return next(s for s in related_sections(sheet, user) if s["key"] == "guide_entries")


def test_the_sheet_page_lists_the_current_editions_entries_on_that_sheet(
    client, guide, edition, sheets
):
    section = guide_section(sheets[8], ansa())
    assert section["label"] == "Dans le guide d'essaimage"
    assert [(item.title, item.meta) for item in section["items"]] == [
        ("Relancer un employeur après la visite", "Cas concret"),
        ("Que dire d'un employeur au premier accueil ?", "Question fréquente"),
    ]
    assert section["items"][0].url == url(guide, "entry", entry_id(section["items"][0].title))
    client.force_login(SwarmedMemberFactory(referent=True).user)
    region = soup(client.get(sheets[8].url)).select_one(".related-region")
    assert region.find("h3", string="Dans le guide d'essaimage")
    assert region.find("a", href=section["items"][0].url)


def test_the_sheet_relation_lists_only_what_the_reader_may_read(guide, edition, sheets):
    steering = UserFactory(roles=[Role.STEERING])
    assert [item.title for item in guide_section(sheets[1], steering)["items"]] == [
        "Trois postes cibles"
    ]
    assert guide_section(sheets[2], ansa())["items"] == []


def test_the_sheet_relation_is_empty_before_any_edition(guide, sheets):
    approved_entry(sheets=[sheets[1]])
    assert guide_section(sheets[1], ansa())["items"] == []


def test_a_long_list_on_the_sheet_ends_with_the_whole_chapter(guide, sheets):
    for n in range(10):
        approved_entry(sheets=[sheets[1]], title=f"Entrée {n}")
    published_edition()
    items = guide_section(sheets[1], ansa())["items"]
    assert len(items) == 9
    assert items[-1].url == url(guide, "chapter", 1)
    assert items[-1].meta == "10 entrées"


# --- Query counts -------------------------------------------------------------------------------


def grow(sheets, factor: int) -> None:
    for _ in range(factor):
        approved_entry(sheets=[sheets[1], sheets[8]], kind=EntryKind.FAQ, title=None)
        approved_entry(sheets=[sheets[8]], kind=EntryKind.CASE, public=True)


@pytest.mark.parametrize("reader", ["anonymous", "referent_of_another_season", "ansa"])
def test_query_counts_stay_the_same_with_ten_times_the_entries(client, guide, sheets, reader):
    login(client, reader)
    first_case = approved_entry(sheets=[sheets[8]], kind=EntryKind.CASE, public=True)
    grow(sheets, 1)
    small = published_edition()
    grow(sheets, 1)
    published_edition()

    def addresses(older):
        pk = first_case.pk
        return [
            url(guide),
            url(guide) + "?q=visite+entreprise&type=faq",
            url(guide, "chapter", 8),
            url(guide, "entry", pk),
            url(guide, "edition_entry", older.slug, pk),
            url(guide, "editions"),
            url(guide, "compare") + f"?de={older.slug}&a={small.slug}",
        ]

    few = [count_queries(client, address) for address in addresses(small)]
    grow(sheets, 10)
    published_edition()
    reedit(first_case, body="Un texte réécrit pour la nouvelle édition.")
    grow(sheets, 10)
    published_edition()
    many = [count_queries(client, address) for address in addresses(small)]
    assert many == few


def test_the_sheet_relation_queries_stay_the_same(guide, sheets):
    from django.db import connection as db
    from django.test.utils import CaptureQueriesContext

    grow(sheets, 1)
    published_edition()
    reader = ansa()
    guide_section(sheets[8], reader)
    with CaptureQueriesContext(db) as few:
        guide_section(sheets[8], reader)
    grow(sheets, 10)
    published_edition()
    with CaptureQueriesContext(db) as many:
        guide_section(sheets[8], reader)
    assert len(many) == len(few)


# --- Every page ---------------------------------------------------------------------------------


@pytest.mark.parametrize("reader", ["anonymous", "ansa"])
def test_every_reading_page_has_one_h1_and_breadcrumbs_to_the_guide(
    client, guide, two_editions, reader
):
    older, newer = two_editions
    login(client, reader)
    pk = entry_id("Trois postes cibles")
    for address in (
        url(guide),
        url(guide) + "?q=postes",
        url(guide, "edition", older.slug),
        url(guide, "chapter", 1),
        url(guide, "edition_chapter", older.slug, 1),
        url(guide, "entry", pk),
        url(guide, "edition_entry", older.slug, pk),
        url(guide, "editions"),
        url(guide, "compare"),
        url(guide, "compare") + f"?de={older.slug}&a={newer.slug}",
    ):
        page = soup(client.get(address))
        assert len(page.find_all("h1")) == 1, address
        crumbs = page.select_one("nav.breadcrumbs")
        assert crumbs.find("a", href=url(guide)), address


def test_the_guide_page_previews_in_the_admin_with_and_without_an_edition(guide, sheets):
    assert guide.make_preview_request().status_code == 200
    approved_entry(sheets=[sheets[1]], public=True, title="Lue dans l'aperçu")
    published_edition()
    preview = guide.make_preview_request()
    assert "Fiche 1 · L'accueil" in BeautifulSoup(preview.content, "html.parser").get_text()
