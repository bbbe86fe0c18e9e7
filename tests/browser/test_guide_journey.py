"""The guide d'essaimage from question to PDF: promoted, anonymised, approved, published, read.

One journey on the demo, whose « Édition 2026 » is in preparation for « Saison 2026 »:

1. an expert of A.CO.R opens a question of the season whose answer (hers) was accepted and that
   no entry comes from yet, proposes it for the guide: the form is pre-filled from the question
   (type, title, sheets); she creates the draft, whose page lists the passages copied from the
   private question as data to anonymise;
2. Ansa follows the dashboard's count of data to anonymise to the draft of the edition that still
   names a person, a phone number and a commune: she masks the person with her own words; keeping
   the commune without a reason is refused with the error beside the field, then kept with one;
   submitting is refused while the phone number is left; she masks it, rewrites the sentence that
   held it and submits the entry for review;
3. the head of network finds it « à approuver » on the dashboard, approves it and opens it to the
   public;
4. Ansa opens the draft « Édition 2026 »: the preview by chapter holds the entry, nothing blocks
   the publication; she publishes it;
5. the referent of « Saison 2025 » opens the guide: « Édition 2026 » is the edition in force; she
   opens the entry's chapter by its sheet, reads it (masked, kept, rewritten), then downloads the
   PDF: the waiting page follows the build until the file comes;
6. a visitor reads only the entries opened to the public.

Celery runs eagerly in tests: publishing builds the PDF at once. The referent comes, as the
network usually does, before a worker has built it: the test puts the PDF back to « waiting »,
holds the page's status requests while the real task builds it (the live server shares SQLite's
in-memory database with the test), then lets the page see it ready.

axe-core runs on every page visited: no serious or critical violation is accepted.
"""

import re
from functools import partial
from urllib.parse import urlparse

from playwright.sync_api import expect

from curriculum.models import PdfStatus
from tests.browser import journey
from tests.browser.journey import (  # noqa: F401  (fresh_rate_limits: an autouse fixture)
    DASHBOARD,
    LOGIN,
    field,
    fresh_rate_limits,
    h1,
    is_page_response,
    words,
)
from tutoring.enums import EditionStatus, EntryKind, EntryStatus, FlagKind, FlagStatus
from tutoring.guide import demo
from tutoring.guide.models import AnonymisationFlag, GuideEdition, GuideEntry, GuidePdf
from tutoring.guide.tasks import build_guide_pdf
from tutoring.models import Question
from tutoring.qa.forms import sheet_queryset

EXPERT = "expert5@essaim.test"  # Amaia Duhalde: her answer to the promotable question was accepted
EXPERT_NAME = "Amaia Duhalde"
ANSA = "ansa@essaim.test"
HEAD = "tete-de-reseau@essaim.test"
REFERENT_2025 = demo.REFERENT_2025

QUESTIONS = "/tutorat/questions/"
ENTRY = re.compile(r"/tutorat/guide/entrees/(\d+)/")
EDITION_NAME = "Édition 2026"
SEASON_NAME = "Saison 2026"

#: The promotable question's sheet, and one it is not about.
PROMOTED_SHEET = 10
OTHER_SHEET = 8

DRAFT = demo.DRAFT_WITH_FLAGS_TITLE  # « Revenir vers une entreprise qui a dit non », sheet 8
DRAFT_SHEET = 8
PERSON_REPLACEMENT = "Un CRE de la structure"
KEEP_REASON = (
    "Une ville de trente mille habitants, citée pour situer l'exemple\u00a0: elle ne désigne ni "
    "l'entreprise ni la personne."
)
PHONE_SENTENCE = "L'employeur peut rappeler directement le CRE au [téléphone]."
REWRITTEN_SENTENCE = "L'employeur garde le numéro direct du CRE pour le rappeler."
EDIT_NOTE = "Phrase du numéro de téléphone réécrite"


# --- Moving around --------------------------------------------------------------------------

# axe-core checks every page this journey reaches.
submit = partial(journey.submit, accessible=True)
visit = partial(journey.visit, accessible=True)
log_in = partial(journey.log_in, accessible=True)
log_out = partial(journey.log_out, accessible=True)


def _log_in_from_start(page, email: str) -> None:
    visit(page, LOGIN)
    assert log_in(page, email) == DASHBOARD


def _refused(page, button) -> str:
    """Click a button whose form comes back with errors (400); check the page, return its path."""
    with page.expect_response(is_page_response) as answer:
        button.click()
    response = answer.value
    page.wait_for_url(response.url)
    assert response.status == 400, f"{response.url} answered {response.status}"
    journey.assert_accessible(page)
    return urlparse(response.url).path


def _success(page, text: str) -> None:
    expect(page.get_by_role("status").filter(has_text=re.compile(words(text)))).to_be_visible()


def _fact(page, term: str):
    """The value of the entry's fact `term` (« État », « Responsable »…)."""
    facts = page.locator("dl.question-facts")
    return facts.locator("dt", has_text=re.compile(rf"^{words(term)}$")).locator(
        "xpath=following-sibling::dd[1]"
    )


def _entry_id(path: str) -> int:
    match = ENTRY.fullmatch(path)
    assert match, path
    return int(match.group(1))


def _sheet_title(number: int) -> str:
    return sheet_queryset().get(number=number).title


def _sheet_label(number: int) -> str:
    """A sheet as the editorial pages name it."""
    return f"Fiche {number} — {_sheet_title(number)}"


def _sheet_link(number: int) -> str:
    """A sheet's chapter as the reading pages name it."""
    return f"Fiche {number} · {_sheet_title(number)}"


def _flags_table(page):
    return page.get_by_role("table", name="Passages repérés par la vérification d'anonymisation")


def _flag_row(page, text: str):
    return _flags_table(page).get_by_role("row").filter(has=page.get_by_text(text, exact=True))


def _flag(entry_id: int, kind: str) -> AnonymisationFlag:
    return AnonymisationFlag.objects.get(entry_id=entry_id, kind=kind)


def _describes(page, locator, text: str) -> None:
    """`text` is in an element the field names in its aria-describedby."""
    described = (locator.get_attribute("aria-describedby") or "").split()
    assert any(
        re.search(words(text), page.locator(f"#{ident}").text_content() or "")
        for ident in described
    ), described


# --- 1. An expert promotes an answered question ---------------------------------------------


def _expert_promotes(page) -> int:
    """Returns the new entry's id."""
    question = Question.objects.get(title=demo.PROMOTABLE_QUESTION_TITLE)
    assert question.season.name == SEASON_NAME and question.accepted_answer is not None
    assert not question.guide_entries.exists()
    _log_in_from_start(page, EXPERT)
    url = f"{QUESTIONS}{question.pk}/"
    assert visit(page, url) == url
    expect(h1(page)).to_have_text(demo.PROMOTABLE_QUESTION_TITLE)

    assert submit(page, page.get_by_role("link", name="Proposer pour le guide")) == (
        "/tutorat/guide/proposer/"
    )
    expect(h1(page)).to_have_text("Proposer une entrée pour le guide")
    chosen = page.get_by_role("region", name="La question reprise")
    expect(chosen.get_by_role("link", name=demo.PROMOTABLE_QUESTION_TITLE)).to_be_visible()
    expect(chosen).to_contain_text(f"réponse acceptée de {EXPERT_NAME}")
    # Pre-filled from the question: a frequent question, its title, its sheets.
    kind = page.get_by_role("group", name=re.compile(r"^Type d'entrée"))
    expect(kind.get_by_label(str(EntryKind.FAQ.label), exact=True)).to_be_checked()
    expect(field(page, "Titre de l'entrée")).to_have_value(demo.PROMOTABLE_QUESTION_TITLE)
    sheets = page.get_by_role("group", name=re.compile(r"^Fiches-actions de l'entrée"))
    expect(sheets.get_by_label(_sheet_label(PROMOTED_SHEET), exact=True)).to_be_checked()
    expect(sheets.get_by_label(_sheet_label(OTHER_SHEET), exact=True)).not_to_be_checked()
    expect(sheets.get_by_role("checkbox", checked=True)).to_have_count(1)
    expect(
        page.get_by_text(re.compile(words(f"Saison d'origine : {SEASON_NAME}.")))
    ).to_be_visible()

    path = submit(page, page.get_by_role("button", name="Créer le brouillon"))
    entry_id = _entry_id(path)
    _success(page, "Le brouillon de l'entrée est créé à partir des questions choisies.")
    _success(page, "à anonymiser sont à traiter avant la relecture.")
    expect(h1(page)).to_have_text(demo.PROMOTABLE_QUESTION_TITLE)
    expect(_fact(page, "État")).to_have_text(str(EntryStatus.DRAFT.label))
    expect(_fact(page, "Type")).to_have_text(str(EntryKind.FAQ.label))
    expect(_fact(page, "Responsable")).to_have_text(EXPERT_NAME)
    expect(_fact(page, "Fiches-actions")).to_have_text(_sheet_label(PROMOTED_SHEET))
    # The text starts from the question's words: the check flags them as copied.
    anonymisation = page.get_by_role("region", name="Anonymisation")
    expect(anonymisation).to_contain_text(
        re.compile(r"passages? peu(ven)?t identifier une personne")
    )
    copied = _flags_table(page).get_by_role(
        "row", name=re.compile(rf"^{re.escape(str(FlagKind.VERBATIM.label))}")
    )
    expect(copied.first).to_contain_text(str(FlagStatus.OPEN.label))
    expect(copied.first.get_by_role("button", name="Masquer")).to_be_visible()
    provenance = page.get_by_role("region", name="Provenance")
    expect(provenance.get_by_role("link", name=demo.PROMOTABLE_QUESTION_TITLE)).to_have_attribute(
        "href", f"{QUESTIONS}{question.pk}/"
    )
    expect(provenance).to_contain_text(EXPERT_NAME)
    entry = GuideEntry.objects.get(pk=entry_id)
    assert entry.status == EntryStatus.DRAFT and entry.owner.email == EXPERT
    assert list(entry.source_questions.all()) == [question]
    assert entry.flags.filter(kind=FlagKind.VERBATIM, status=FlagStatus.OPEN).exists()
    log_out(page)
    return entry_id


# --- 2. Ansa resolves the flags and submits -------------------------------------------------


def _ansa_opens_the_draft(page, promoted_id: int) -> int:
    """From the dashboard's count of data to anonymise; returns the draft's id."""
    _log_in_from_start(page, ANSA)
    panel = page.get_by_role("region", name="Guide d'essaimage")
    link = panel.get_by_role("link", name=re.compile(r"données? à anonymiser à traiter$"))
    assert submit(page, link) == "/tutorat/guide/"
    expect(h1(page)).to_have_text("Entrées du guide d'essaimage")
    expect(field(page, "Avec des données à anonymiser non traitées")).to_be_checked()
    table = page.get_by_role("table", name=re.compile(r"^Entrées du guide"))
    # The expert's new draft waits there too.
    promoted = table.get_by_role("row").filter(
        has=page.get_by_role("link", name=demo.PROMOTABLE_QUESTION_TITLE, exact=True)
    )
    expect(promoted).to_contain_text(EXPERT_NAME)
    expect(promoted.get_by_role("link")).to_have_attribute(
        "href", f"/tutorat/guide/entrees/{promoted_id}/"
    )
    row = table.get_by_role("row").filter(has=page.get_by_role("link", name=DRAFT, exact=True))
    expect(row).to_contain_text("3 données à anonymiser")
    expect(row).to_contain_text(str(EntryStatus.DRAFT.label))
    path = submit(page, row.get_by_role("link", name=DRAFT, exact=True))
    expect(h1(page)).to_have_text(DRAFT)
    return _entry_id(path)


def _ansa_resolves_and_submits(page, entry_id: int) -> None:
    entry_path = f"/tutorat/guide/entrees/{entry_id}/"
    person = _flag(entry_id, FlagKind.PERSON)
    place = _flag(entry_id, FlagKind.PLACE)
    phone = _flag(entry_id, FlagKind.PHONE)
    anonymisation = page.get_by_role("region", name="Anonymisation")
    expect(anonymisation).to_contain_text("3 passages peuvent identifier")
    expect(page.get_by_role("region", name="Le texte")).to_contain_text(person.text)

    # The person, masked with Ansa's own words.
    row = _flag_row(page, person.text)
    expect(row.get_by_role("rowheader")).to_have_text(str(FlagKind.PERSON.label))
    replacement = row.get_by_label("Remplacer par", exact=True)
    expect(replacement).to_have_value("[une personne]")
    replacement.fill(PERSON_REPLACEMENT)
    path = submit(page, row.get_by_role("button", name="Masquer"))
    assert path == entry_path
    _success(page, "Le passage est masqué partout dans l'entrée.")
    text = page.get_by_role("region", name="Le texte")
    expect(text).not_to_contain_text(person.text)
    expect(text).to_contain_text(PERSON_REPLACEMENT)
    row = _flag_row(page, person.text)
    expect(row).to_contain_text(str(FlagStatus.MASKED.label))
    expect(row).to_contain_text(re.compile(words(f"Remplacé par « {PERSON_REPLACEMENT} »")))

    # The commune: kept, but not without a reason.
    row = _flag_row(page, place.text)
    path = _refused(page, row.get_by_role("button", name="Conserver"))
    assert path == f"/tutorat/guide/donnees/{place.pk}/"
    error = "Dites pourquoi ce passage peut rester tel quel."
    expect(page.get_by_role("alert").filter(has_text=error).first).to_be_visible()
    row = _flag_row(page, place.text)
    reason = row.get_by_label(re.compile(r"^Pourquoi le conserver"))
    expect(row.locator(".field__error")).to_have_text(error)
    _describes(page, reason, error)
    expect(reason).to_have_attribute("aria-invalid", "true")
    place.refresh_from_db()
    assert place.status == FlagStatus.OPEN
    reason.fill(KEEP_REASON)
    assert submit(page, row.get_by_role("button", name="Conserver")) == entry_path
    _success(page, "Le passage est conservé")
    row = _flag_row(page, place.text)
    expect(row).to_contain_text(str(FlagStatus.KEPT.label))
    expect(row).to_contain_text(re.compile(words(f"Conservé : {KEEP_REASON}")))

    # Submitting is refused while the phone number is left.
    relecture = page.get_by_role("region", name="Relecture et publication")
    path = _refused(page, relecture.get_by_role("button", name="Soumettre à la relecture"))
    assert path == f"/tutorat/guide/entrees/{entry_id}/action/"
    refusal = re.compile(r"1 donnée à anonymiser reste à traiter")
    expect(page.locator(".error-summary")).to_contain_text(refusal)
    relecture = page.get_by_role("region", name="Relecture et publication")
    expect(relecture.get_by_role("alert")).to_contain_text(refusal)
    assert GuideEntry.objects.get(pk=entry_id).status == EntryStatus.DRAFT

    # The phone number, masked as proposed; then the sentence that held it rewritten.
    row = _flag_row(page, phone.text)
    expect(row.get_by_label("Remplacer par", exact=True)).to_have_value("[téléphone]")
    assert submit(page, row.get_by_role("button", name="Masquer")) == entry_path
    expect(page.get_by_role("region", name="Anonymisation")).to_contain_text(
        "Tous les passages repérés ont été traités."
    )
    expect(page.get_by_role("region", name="Le texte")).to_contain_text(PHONE_SENTENCE)

    path = submit(page, page.get_by_role("link", name="Modifier le texte"))
    assert path == f"{entry_path}modifier/"
    expect(h1(page)).to_have_text("Modifier l'entrée")
    body = field(page, "Texte de l'entrée")
    current = body.input_value()
    assert PHONE_SENTENCE in current and phone.text not in current
    body.fill(current.replace(PHONE_SENTENCE, REWRITTEN_SENTENCE))
    field(page, "Note de version").fill(EDIT_NOTE)
    assert submit(page, page.get_by_role("button", name="Enregistrer", exact=True)) == entry_path
    _success(page, "L'entrée est enregistrée ; sa version précédente reste dans l'historique.")
    text = page.get_by_role("region", name="Le texte")
    expect(text).to_contain_text(REWRITTEN_SENTENCE)
    expect(text).not_to_contain_text("[téléphone]")
    # The kept commune stays kept once the check runs again on the new text.
    expect(page.get_by_role("region", name="Anonymisation")).to_contain_text(
        "Tous les passages repérés ont été traités."
    )

    relecture = page.get_by_role("region", name="Relecture et publication")
    button = relecture.get_by_role("button", name="Soumettre à la relecture")
    assert submit(page, button) == entry_path
    _success(page, "C'est fait : « Soumettre à la relecture ».")
    expect(_fact(page, "État")).to_have_text(str(EntryStatus.IN_REVIEW.label))
    expect(page.get_by_role("button", name="Soumettre à la relecture")).to_have_count(0)
    statuses = dict(
        AnonymisationFlag.objects.filter(entry_id=entry_id).values_list("kind", "status")
    )
    assert statuses == {
        FlagKind.PERSON: FlagStatus.MASKED,
        FlagKind.PLACE: FlagStatus.KEPT,
        FlagKind.PHONE: FlagStatus.MASKED,
    }, statuses
    log_out(page)


# --- 3. The head of network approves --------------------------------------------------------


def _head_approves(page, entry_id: int) -> None:
    _log_in_from_start(page, HEAD)
    panel = page.get_by_role("region", name="Guide d'essaimage")
    expect(panel.get_by_role("heading", name="À approuver")).to_be_visible()
    path = submit(page, panel.get_by_role("link", name=DRAFT, exact=True))
    assert path == f"/tutorat/guide/entrees/{entry_id}/"
    expect(_fact(page, "État")).to_have_text(str(EntryStatus.IN_REVIEW.label))
    expect(page.get_by_role("region", name="Anonymisation")).to_contain_text(
        "Tous les passages repérés ont été traités."
    )

    relecture = page.get_by_role("region", name="Relecture et publication")
    assert submit(page, relecture.get_by_role("button", name="Approuver", exact=True)) == path
    _success(page, "C'est fait : « Approuver ».")
    expect(_fact(page, "État")).to_have_text(str(EntryStatus.APPROVED.label))
    expect(_fact(page, "Version approuvée")).to_contain_text("approuvée par Bernard Lassalle")
    expect(_fact(page, "Lecture")).to_have_text("Réservée au réseau")

    relecture = page.get_by_role("region", name="Relecture et publication")
    assert submit(page, relecture.get_by_role("button", name="L'ouvrir au public")) == path
    _success(page, "L'entrée sera lisible par le public dans les prochaines éditions.")
    expect(_fact(page, "Lecture")).to_have_text("Ouverte au public")
    entry = GuideEntry.objects.get(pk=entry_id)
    assert entry.status == EntryStatus.APPROVED and entry.is_public
    assert entry.approved_revision == entry.revisions.order_by("-number").first()
    log_out(page)


# --- 4. Ansa publishes the season's edition -------------------------------------------------


def _ansa_publishes(page) -> None:
    edition = GuideEdition.objects.get(slug=demo.EDITION_2026_SLUG)
    assert edition.status == EditionStatus.DRAFT
    _log_in_from_start(page, ANSA)
    assert visit(page, "/tutorat/guide/") == "/tutorat/guide/"
    nav = page.get_by_role("navigation", name="Travail éditorial du guide")
    assert (
        submit(page, nav.get_by_role("link", name="Éditions", exact=True))
        == "/tutorat/guide/editions/"
    )
    drafts = page.get_by_role("region", name="En préparation")
    path = submit(page, drafts.get_by_role("link", name=EDITION_NAME, exact=True))
    assert path == f"/tutorat/guide/editions/{edition.pk}/"
    expect(h1(page)).to_have_text(EDITION_NAME)

    before = page.get_by_role("region", name="Avant de publier")
    expect(before).to_contain_text("Rien n'empêche de publier cette édition.")
    preview = page.get_by_role("region", name="Aperçu : les chapitres, fiche par fiche")
    chapter = preview.get_by_role(
        "region", name=re.compile(rf"^{words(_sheet_label(DRAFT_SHEET))}")
    )
    item = chapter.get_by_role("listitem").filter(
        has=page.get_by_role("link", name=DRAFT, exact=True)
    )
    expect(item).to_contain_text("ouverte au public")
    # The expert's draft has no approved version: it is not in the edition.
    expect(preview.get_by_role("link", name=demo.PROMOTABLE_QUESTION_TITLE)).to_have_count(0)

    assert submit(page, before.get_by_role("button", name="Publier l'édition")) == path
    _success(page, f"L'édition « {EDITION_NAME} » est publiée : son contenu est figé")
    expect(page.locator("dl.event-facts dt", has_text="Publiée")).to_be_visible()
    expect(page.get_by_role("button", name="Publier l'édition")).to_have_count(0)
    expect(page.get_by_role("link", name="Lire cette édition")).to_have_attribute(
        "href", f"{demo.GUIDE_URL}editions/{demo.EDITION_2026_SLUG}/"
    )
    edition.refresh_from_db()
    assert edition.status == EditionStatus.PUBLISHED
    assert edition.items.filter(entry__title=DRAFT, is_public=True).exists()
    # Celery runs eagerly here: publishing has built the PDF already.
    assert GuidePdf.objects.get(edition=edition).status == PdfStatus.READY
    log_out(page)


# --- 5. A referent of another season reads it and downloads the PDF -------------------------


def _referent_reads(page) -> None:
    _log_in_from_start(page, REFERENT_2025)
    assert visit(page, demo.GUIDE_URL) == demo.GUIDE_URL
    expect(h1(page)).to_have_text("Guide d'essaimage")
    note = page.locator(".guide-edition-note")
    expect(note.get_by_text("Édition en vigueur", exact=True)).to_be_visible()
    expect(note).to_contain_text(re.compile(words(f"{EDITION_NAME} · {SEASON_NAME} · publiée le")))
    # The network reads everything: no note about the public selection.
    expect(page.get_by_text("Vous lisez la sélection ouverte au public")).to_have_count(0)

    chapters = page.get_by_role("region", name="Le guide, fiche par fiche")
    link = chapters.get_by_role("link", name=_sheet_link(DRAFT_SHEET), exact=True)
    chapter_path = f"{demo.GUIDE_URL}fiches/{DRAFT_SHEET}/"
    assert submit(page, link) == chapter_path
    expect(h1(page)).to_have_text(_sheet_link(DRAFT_SHEET))
    article = page.get_by_role("article", name=DRAFT, exact=True)
    expect(article).to_contain_text(PERSON_REPLACEMENT)
    expect(article).to_contain_text(REWRITTEN_SENTENCE)
    expect(article).not_to_contain_text("Samir Haddad")
    expect(article).not_to_contain_text("[téléphone]")

    entry = GuideEntry.objects.get(title=DRAFT)
    entry_path = f"{demo.GUIDE_URL}entrees/{entry.pk}/"
    assert submit(page, article.get_by_role("link", name=DRAFT, exact=True)) == entry_path
    expect(h1(page)).to_have_text(DRAFT)
    provenance = page.get_by_role("region", name="D'où vient cette entrée")
    expect(provenance).to_contain_text(EXPERT_NAME)
    expect(provenance).to_contain_text("Réécrite à partir d'une question posée au tutorat")
    # Source questions stay private: nothing links to tutoring.
    expect(page.locator(f"main a[href^='{QUESTIONS}']")).to_have_count(0)
    assert visit(page, demo.GUIDE_URL) == demo.GUIDE_URL


def _referent_downloads_the_pdf(page) -> None:
    edition = GuideEdition.objects.get(slug=demo.EDITION_2026_SLUG)
    pdf = GuidePdf.objects.get(edition=edition)
    # The referent comes before a worker has built it, as the network usually does.
    GuidePdf.objects.filter(pk=pdf.pk).update(
        status=PdfStatus.PENDING, progress=0, file="", built_at=None
    )
    # The page's status requests wait until the build is over (see the module's docstring).
    held: list = []
    released = False

    def hold(route) -> None:
        if released:
            route.continue_()
        else:
            held.append(route)

    page.route("**/pdf/etat/", hold)

    link = page.get_by_role("link", name=re.compile(r"^Télécharger cette édition"))
    pdf_path = f"{demo.GUIDE_URL}editions/{demo.EDITION_2026_SLUG}/pdf/"
    assert submit(page, link) == pdf_path
    expect(h1(page)).to_have_text(f"PDF du guide d'essaimage · {EDITION_NAME}")
    bar = page.get_by_role("progressbar", name="Avancement")
    expect(bar).to_have_js_property("value", 0)
    label = page.locator("[data-pdf-label]")
    expect(label).to_have_attribute("role", "status")
    expect(label).to_contain_text(re.compile(words("État : en attente")))

    # The worker's run.
    assert build_guide_pdf.delay(pdf.pk).get() == "built"
    released = True
    for route in held:
        route.continue_()

    expect(label).to_have_text("Le PDF est prêt.")
    expect(bar).to_have_js_property("value", 100)
    download_link = page.get_by_role("link", name="Télécharger le PDF", exact=True)
    expect(download_link).to_be_focused()
    with page.expect_download() as download:
        download_link.click()
    assert download.value.suggested_filename == f"guide-essaimage-{demo.EDITION_2026_SLUG}.pdf"
    assert download.value.path().read_bytes().startswith(b"%PDF")
    page.unroute("**/pdf/etat/")
    assert visit(page, demo.GUIDE_URL) == demo.GUIDE_URL
    log_out(page)


# --- 6. A visitor reads the public selection ------------------------------------------------


def _visitor_reads_the_public_selection(page) -> None:
    edition = GuideEdition.objects.get(slug=demo.EDITION_2026_SLUG)
    items = edition.items.select_related("revision")
    public = [item for item in items if item.is_public]
    private = [item for item in items if not item.is_public]
    assert public and private

    assert visit(page, demo.GUIDE_URL) == demo.GUIDE_URL
    expect(page.get_by_text("Vous lisez la sélection ouverte au public")).to_be_visible()
    expect(
        page.get_by_text(f"{len(public)} entrées ouvertes au public dans cette édition.")
    ).to_be_visible()
    expect(page.get_by_role("link", name=re.compile(r"^Télécharger cette édition"))).to_have_count(
        0
    )
    chapters = page.get_by_role("region", name="Le guide, fiche par fiche")
    in_chapter = sum(1 for item in public if item.chapter == DRAFT_SHEET)
    chapter = chapters.get_by_role("listitem").filter(
        has=page.get_by_role("link", name=_sheet_link(DRAFT_SHEET), exact=True)
    )
    expect(chapter).to_contain_text(re.compile(rf"—\s{in_chapter} entrées?\s*$"))

    # Every good practice the visitor finds is one opened to the public, the new one among them.
    search = page.get_by_role("search", name="Chercher dans le guide")
    field(page, "Type d'entrée").select_option(EntryKind.GOOD_PRACTICE.value)
    assert submit(page, search.get_by_role("button", name="Chercher")) == demo.GUIDE_URL
    results = page.get_by_role("region", name=re.compile(r"entrées? trouvées?"))
    titles = sorted(text.strip() for text in results.locator(".card__title").all_inner_texts())
    expected = sorted(
        item.revision.title for item in public if item.kind == EntryKind.GOOD_PRACTICE
    )
    assert titles == expected, titles
    assert DRAFT in titles

    # An entry kept for the network is not there for the visitor.
    hidden = private[0]
    response = page.goto(f"{demo.GUIDE_URL}entrees/{hidden.entry_id}/")
    assert response is not None and response.status == 404
    expect(page.get_by_text(hidden.revision.title)).to_have_count(0)
    journey.assert_accessible(page)


def test_promote_anonymise_approve_publish_read_and_download(page, demo_site):
    # 1. An expert proposes her answered question for the guide.
    promoted = _expert_promotes(page)

    # 2. Ansa resolves the draft's flags (one refusal each way) and submits it.
    draft = _ansa_opens_the_draft(page, promoted)
    _ansa_resolves_and_submits(page, draft)

    # 3. The head of network approves it and opens it to the public.
    _head_approves(page, draft)

    # 4. Ansa publishes « Édition 2026 ».
    _ansa_publishes(page)

    # 5. A referent of last season reads it by sheet and downloads the PDF.
    _referent_reads(page)
    _referent_downloads_the_pdf(page)

    # 6. A visitor sees only what is open to the public.
    _visitor_reads_the_public_selection(page)
