"""A 3-month report from the first typed value to the label, then the programme's dashboard.

One journey on the demo, whose « Saison 2026 » started its training-action 95 days ago: the
3-month report of Tremplin Béarn is due and nobody has opened it yet (`evaluation.demo`).

1. The referent of Tremplin Béarn follows his dashboard to « Bilans d'étape » and opens the
   3-month report: the first milestone, nothing to pre-fill. He types part of the values and of
   the fidelity self-assessment; a negative count is refused with the error beside its field and
   in the summary, every other typed value kept; he corrects it, saves the draft and logs out.
   He comes back from his dashboard's late report, finds what he typed, completes it and sends
   it (« Enregistrer et transmettre »);
2. Ansa follows her dashboard's count of reports to review to the completeness matrix, where the
   report reads « Transmis »; sending it back without a comment is refused, with one it goes;
3. the referent reads Ansa's comment in the report's history, corrects the value it named, adds
   the difficulties it asked for and sends the report again;
4. Ansa accepts it;
5. the head of network opens the structure's page from the matrix: the fidelity chart and its
   table show the self-assessment; granting the label without a report to rely on is refused,
   with the accepted report it is granted; a visitor finds Tremplin Béarn on the public list of
   labelled structures, the suspended structure not there;
6. a member of the steering committee opens the programme dashboard: each chart with its table,
   the season's figures the sums of the structures' accepted values, no structure named; the
   matrix is not theirs (403), nor is a report (404).

axe-core runs on every page visited, the charts included: no serious or critical violation is
accepted.
"""

import re
from decimal import Decimal
from functools import partial
from urllib.parse import urlparse

from django.utils import timezone, translation
from playwright.sync_api import expect

from curriculum.models import Principle
from evaluation import demo, selectors
from evaluation.charts import format_number
from evaluation.enums import LabelAction, Milestone, ReportEventKind, ReportStatus
from evaluation.models import IndicatorValue, LabelDecision, MilestoneReport
from modules.models import SwarmedStructure
from portal.models import Structure
from portal.templatetags.essaim import long_date
from tests.browser import journey
from tests.browser.journey import (  # noqa: F401  (fresh_rate_limits: an autouse fixture)
    DASHBOARD,
    LOGIN,
    fresh_rate_limits,
    h1,
    is_page_response,
    words,
)

REFERENT = demo.JOURNEY_REFERENT
ANSA = "ansa@essaim.test"
HEAD = "tete-de-reseau@essaim.test"
STEERING = "copil@essaim.test"
STRUCTURE = demo.JOURNEY_STRUCTURE  # « Association Tremplin Béarn »
SEASON_NAME = "Saison 2026"
MILESTONE = str(Milestone.APPROPRIATION.label)  # « Appropriation (3 mois) »

HOME = "/evaluation/"
MATRIX = "/evaluation/completude/"
DASHBOARD_PAGE = "/evaluation/tableau-de-bord/"
PUBLIC_LABELS = "/evaluation/labellisees/"

#: What may follow a label in the report's form.
NOTE = r"(\s\((obligatoire|obligatoire pour transmettre|facultatif)\))?"

NEGATIVE = "Une valeur négative n'a pas de sens ici."
#: The first visit: (indicator label, typed value) for counts, (label, « Oui »/« Non ») for
#: yes/no questions; principles A and B with a level and a comment.
FIRST_NUMBERS = {"Retours à l'emploi": "4", "Entreprises au fichier": "18"}
FIRST_CHOICES = {"Les cinq axes de la méthode sont engagés": "Oui"}
FIRST_RATINGS = {
    "A": ("3", "Deux demi-journées de prospection par semaine, inscrites à l'agenda de l'équipe."),
    "B": ("2", "Une seule personne par offre, sauf pour deux employeurs qui réclament des CV."),
}
PEOPLE = "Personnes accompagnées"
PEOPLE_VALUE = "12"
#: The second visit completes the report.
SECOND_NUMBERS = {"Chargés de relation entreprises en poste": "2"}
SECOND_CHOICES = {
    "Un poste de chargé·e de relation entreprises est dédié": "Oui",
    "La période d'engagement réciproque est utilisée": "Oui",
    "Le fichier des entreprises est ouvert": "Oui",
    "La méthode est toujours appliquée": "Oui",
}
SECOND_RATINGS = {
    "C": ("3", "Les postes cibles sont fixés dès l'accueil, les offres traitées dans la journée."),
    "D": ("2", "Deux chargés de relation entreprises, mais encore deux fichiers d'entreprises."),
}
PRACTICE = (
    "L'équipe ne fait plus d'envoi de CV : chaque offre est présentée de vive voix à l'employeur."
)

RETURN_COMMENT = (
    "Le fichier compte sans doute plus de 18 entreprises si l'on ajoute celles des visites de "
    "mars : vérifiez ce chiffre, et dites en deux lignes ce qui a freiné l'équipe."
)
COMPANIES = "Entreprises au fichier"
COMPANIES_FIXED = "23"
DIFFICULTIES = (
    "Le fichier commun n'est tenu que par un des deux chargés ; l'autre note encore ses contacts "
    "dans son propre tableur."
)
LABEL_REASON = (
    "Le bilan d'appropriation montre une prospection planifiée et la règle « une offre, une "
    "personne » appliquée ; l'expert·e de la structure confirme ces pratiques lors des visites."
)


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


def _answered(page, url: str, status: int) -> None:
    response = page.goto(url)
    assert response is not None and response.status == status, f"{url}: {response.status}"
    journey.assert_accessible(page)


def _success(page, text: str) -> None:
    expect(page.get_by_role("status").filter(has_text=re.compile(words(text)))).to_be_visible()


def _field(page, label: str):
    """A text field of the report's form, whatever note follows its label."""
    return page.get_by_label(re.compile(rf"^{words(label)}{NOTE}$"))


def _group(page, legend: str):
    """A radio group, by the start of its legend."""
    return page.get_by_role("group", name=re.compile(rf"^{words(legend)}"))


def _choice(page, legend: str, answer: str):
    return _group(page, legend).get_by_label(answer, exact=True)


def _level(page, letter: str, level: str):
    """Principle `letter`'s radio for `level` (« 3 — Largement : … »)."""
    return _group(page, f"Principe {letter} —").get_by_label(re.compile(rf"^{level} — "))


def _comment(page, letter: str):
    return _field(page, f"Commentaire et éléments de preuve (principe {letter})")


def _fact(page, term: str):
    facts = page.locator("dl.question-facts")
    return facts.locator("dt", has_text=re.compile(rf"^{words(term)}$")).locator(
        "xpath=following-sibling::dd[1]"
    )


def _describes(page, locator, text: str) -> None:
    """`text` is in an element the field names in its aria-describedby."""
    described = (locator.get_attribute("aria-describedby") or "").split()
    assert any(
        re.search(words(text), page.locator(f"#{ident}").text_content() or "")
        for ident in described
    ), described


def _report() -> MilestoneReport:
    return MilestoneReport.objects.get(
        swarmed_structure__structure__name=STRUCTURE,
        swarmed_structure__season__slug=demo.CURRENT_SEASON_SLUG,
        milestone=demo.JOURNEY_MILESTONE,
    )


def _report_path(report: MilestoneReport) -> str:
    return f"/evaluation/bilans/{report.pk}/"


def _row(table, header: str):
    """The row of `table` whose row header is `header`."""
    return table.get_by_role("row").filter(
        has=table.page.get_by_role("rowheader", name=header, exact=True)
    )


def _values_table(page):
    return page.get_by_role("table", name=re.compile(r"^Valeurs de ce bilan"))


def _value_cell(page, label: str):
    """« Ce bilan »'s cell of an indicator in the report's page."""
    row = (
        _values_table(page)
        .get_by_role("row")
        .filter(has=page.get_by_role("rowheader", name=re.compile(rf"^{words(label)}")))
    )
    return row.get_by_role("cell").first


def _history(page):
    return page.get_by_role("region", name="Historique")


# --- 1. The referent fills the report over two visits ---------------------------------------


def _referent_opens_the_report(page, report: MilestoneReport) -> str:
    """From his dashboard to the report's form, the first time; returns the form's path."""
    assert report.status == ReportStatus.SCHEDULED and not report.values.exists()
    _log_in_from_start(page, REFERENT)
    panel = page.get_by_role("region", name="Mes bilans d'étape")
    expect(panel).to_contain_text("1 bilan en retard")
    assert submit(page, panel.get_by_role("link", name="Tous les bilans de ma structure")) == HOME
    expect(h1(page)).to_have_text("Bilans d'étape")
    table = page.get_by_role("table", name=f"Bilans d'étape de {STRUCTURE} ({SEASON_NAME})")
    row = _row(table, MILESTONE)
    expect(row).to_contain_text("En retard")
    with translation.override("fr"):
        due = long_date(report.due_on)
    expect(row).to_contain_text(due)
    form_path = f"{_report_path(report)}remplir/"
    link = row.get_by_role("link", name=f"Remplir le bilan {MILESTONE}", exact=True)
    assert submit(page, link) == form_path
    expect(h1(page)).to_have_text(f"Bilan d'étape : {MILESTONE}")
    expect(_fact(page, "Structure")).to_have_text(f"{STRUCTURE} ({SEASON_NAME})")
    expect(_fact(page, "À rendre le")).to_have_text(due)
    # The first milestone: no earlier report to pre-fill from, every field empty.
    expect(page.get_by_text("Les valeurs du bilan précédent sont reprises")).to_have_count(0)
    expect(page.get_by_text(re.compile(r"^Au bilan précédent"))).to_have_count(0)
    expect(_field(page, PEOPLE)).to_have_value("")
    expect(page.locator("main form input[type=radio]:checked")).to_have_count(0)
    return form_path


def _type_first_values(page, people: str) -> None:
    _field(page, PEOPLE).fill(people)
    for label, value in FIRST_NUMBERS.items():
        _field(page, label).fill(value)
    for legend, answer in FIRST_CHOICES.items():
        _choice(page, legend, answer).check()
    for letter, (level, comment) in FIRST_RATINGS.items():
        _level(page, letter, level).check()
        _comment(page, letter).fill(comment)


def _first_values_kept(page, people: str) -> None:
    expect(_field(page, PEOPLE)).to_have_value(people)
    for label, value in FIRST_NUMBERS.items():
        expect(_field(page, label)).to_have_value(value)
    for legend, answer in FIRST_CHOICES.items():
        expect(_choice(page, legend, answer)).to_be_checked()
    for letter, (level, comment) in FIRST_RATINGS.items():
        expect(_level(page, letter, level)).to_be_checked()
        expect(_comment(page, letter)).to_have_value(comment)


def _referent_first_visit(page, report: MilestoneReport) -> str:
    form_path = _referent_opens_the_report(page, report)
    _type_first_values(page, "-3")

    # A negative count: the draft is refused, the error beside the field and in the summary.
    path = _refused(page, page.get_by_role("button", name="Enregistrer le brouillon"))
    assert path == form_path
    summary = page.locator(".error-summary")
    expect(summary).to_contain_text("Le bilan ne peut pas être enregistré ou transmis tel quel")
    summary_link = summary.get_by_role("link", name=re.compile(words(f"{PEOPLE} — {NEGATIVE}")))
    expect(summary_link).to_have_attribute("href", "#id_ind_people_supported")
    people = _field(page, PEOPLE)
    expect(people).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#id_ind_people_supported_error")).to_have_text(NEGATIVE)
    _describes(page, people, NEGATIVE)
    # Only that error; what was typed is still there, nothing was saved.
    expect(page.locator(".field__error")).to_have_count(1)
    _first_values_kept(page, "-3")
    report.refresh_from_db()
    assert report.status == ReportStatus.SCHEDULED and not report.values.exists()

    people.fill(PEOPLE_VALUE)
    button = page.get_by_role("button", name="Enregistrer le brouillon")
    assert submit(page, button) == _report_path(report)
    _success(page, "Le brouillon est enregistré. Vous pourrez le reprendre quand vous voudrez.")
    expect(_fact(page, "État")).to_contain_text(str(ReportStatus.DRAFT.label))
    expect(_value_cell(page, PEOPLE)).to_have_text(PEOPLE_VALUE)
    actions = page.get_by_role("region", name="Ce que vous pouvez faire")
    expect(actions).to_contain_text("Pour transmettre le bilan, il manque encore")
    expect(actions.get_by_role("link", name="Reprendre le brouillon")).to_be_visible()
    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT
    saved = IndicatorValue.objects.get(report=report, indicator__code="people_supported")
    assert saved.number == Decimal(PEOPLE_VALUE)
    log_out(page)
    return form_path


def _referent_second_visit(page, report: MilestoneReport, form_path: str) -> None:
    _log_in_from_start(page, REFERENT)
    panel = page.get_by_role("region", name="Mes bilans d'étape")
    link = panel.get_by_role("link", name=re.compile(rf"^{words(MILESTONE)}, attendu le"))
    assert submit(page, link) == form_path
    # What he typed the first time is there.
    _first_values_kept(page, PEOPLE_VALUE)

    for label, value in SECOND_NUMBERS.items():
        _field(page, label).fill(value)
    for legend, answer in SECOND_CHOICES.items():
        _choice(page, legend, answer).check()
    for letter, (level, comment) in SECOND_RATINGS.items():
        _level(page, letter, level).check()
        _comment(page, letter).fill(comment)
    _field(page, "Ce qui a changé dans la pratique de l'équipe").fill(PRACTICE)

    button = page.get_by_role("button", name="Enregistrer et transmettre")
    assert submit(page, button) == _report_path(report)
    _success(page, "Le bilan est transmis à l'équipe Ansa.")
    expect(_fact(page, "État")).to_contain_text(str(ReportStatus.SUBMITTED.label))
    expect(page.get_by_role("region", name="Ce que vous pouvez faire")).to_have_count(0)
    expect(page.get_by_role("region", name="En quelques mots")).to_contain_text(PRACTICE)
    fidelity = page.get_by_role("table", name=re.compile(r"^Auto-évaluation de la structure"))
    for letter, (level, comment) in {**FIRST_RATINGS, **SECOND_RATINGS}.items():
        row = fidelity.get_by_role("row").filter(
            has=page.get_by_role("rowheader", name=re.compile(rf"^{letter} — "))
        )
        expect(row).to_contain_text(f"{level} — ")
        expect(row).to_contain_text(comment)
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED and report.submitted_by.email == REFERENT
    log_out(page)


# --- 2. and 4. Ansa reviews it ----------------------------------------------------------------


def _ansa_opens_the_submitted_report(page, report: MilestoneReport) -> None:
    _log_in_from_start(page, ANSA)
    panel = page.get_by_role("region", name="Bilans d'étape du programme")
    link = panel.get_by_role("link", name=re.compile(r"bilans? transmis à examiner$"))
    assert submit(page, link) == MATRIX
    expect(h1(page)).to_have_text("Complétude des bilans d'étape")
    table = page.get_by_role("table", name=re.compile(r"^État des bilans d'étape"))
    row = _row(table, STRUCTURE)
    expect(row).to_contain_text(SEASON_NAME)
    cell = row.get_by_role("link", name=f"Transmis — bilan {MILESTONE} de {STRUCTURE}")
    assert submit(page, cell) == _report_path(report)
    expect(h1(page)).to_have_text(f"Bilan d'étape {MILESTONE} — {STRUCTURE}")
    expect(_value_cell(page, PEOPLE)).to_have_text(PEOPLE_VALUE)


def _ansa_sends_it_back(page, report: MilestoneReport) -> None:
    _ansa_opens_the_submitted_report(page, report)
    review = page.get_by_role("region", name="Examen du bilan")
    review.get_by_label("Le renvoyer à la structure pour compléments").check()

    # Sent back without a word: refused, beside the comment and in the summary.
    path = _refused(page, review.get_by_role("button", name="Enregistrer l'examen"))
    assert path == f"{_report_path(report)}examen/"
    error = "Dites à la structure ce qu'elle doit compléter."
    expect(page.locator(".error-summary")).to_contain_text(error)
    review = page.get_by_role("region", name="Examen du bilan")
    comment = review.get_by_label("Commentaire à la structure")
    _describes(page, comment, error)
    expect(review.get_by_label("Le renvoyer à la structure pour compléments")).to_be_checked()
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED

    comment.fill(RETURN_COMMENT)
    assert submit(page, review.get_by_role("button", name="Enregistrer l'examen")) == (
        _report_path(report)
    )
    _success(page, "Le bilan est renvoyé à la structure avec votre commentaire.")
    expect(_fact(page, "État")).to_contain_text(str(ReportStatus.RETURNED.label))
    expect(page.get_by_role("region", name="Examen du bilan")).to_have_count(0)
    report.refresh_from_db()
    assert report.status == ReportStatus.RETURNED
    log_out(page)


def _ansa_accepts(page, report: MilestoneReport) -> None:
    _ansa_opens_the_submitted_report(page, report)
    expect(_value_cell(page, COMPANIES)).to_have_text(COMPANIES_FIXED)
    review = page.get_by_role("region", name="Examen du bilan")
    review.get_by_label("Accepter le bilan").check()
    assert submit(page, review.get_by_role("button", name="Enregistrer l'examen")) == (
        _report_path(report)
    )
    _success(page, "Le bilan est accepté.")
    expect(_fact(page, "État")).to_contain_text(str(ReportStatus.ACCEPTED.label))
    kinds = list(report.events.order_by("at", "pk").values_list("kind", flat=True))
    assert [kind for kind in kinds if kind != ReportEventKind.SAVED] == [
        ReportEventKind.SCHEDULED,
        ReportEventKind.SUBMITTED,
        ReportEventKind.RETURNED,
        ReportEventKind.SUBMITTED,
        ReportEventKind.ACCEPTED,
    ], kinds
    log_out(page)


# --- 3. The referent corrects and sends it again --------------------------------------------


def _referent_corrects(page, report: MilestoneReport, form_path: str) -> None:
    _log_in_from_start(page, REFERENT)
    panel = page.get_by_role("region", name="Mes bilans d'étape")
    expect(panel).to_contain_text("renvoyé pour compléments")
    assert submit(page, panel.get_by_role("link", name="Tous les bilans de ma structure")) == HOME
    table = page.get_by_role("table", name=f"Bilans d'étape de {STRUCTURE} ({SEASON_NAME})")
    row = _row(table, MILESTONE)
    expect(row).to_contain_text("Renvoyé")
    link = row.get_by_role("link", name=f"Consulter le bilan {MILESTONE} de {STRUCTURE}")
    assert submit(page, link) == _report_path(report)
    # Ansa's comment, in the report's history.
    history = _history(page)
    returned = history.get_by_role("listitem").filter(has_text=str(ReportEventKind.RETURNED.label))
    expect(returned).to_contain_text("par Clémence Vidal")
    expect(returned.locator("blockquote")).to_have_text(RETURN_COMMENT)

    actions = page.get_by_role("region", name="Ce que vous pouvez faire")
    assert submit(page, actions.get_by_role("link", name="Compléter le bilan")) == form_path
    expect(_field(page, COMPANIES)).to_have_value(FIRST_NUMBERS[COMPANIES])
    _field(page, COMPANIES).fill(COMPANIES_FIXED)
    _field(page, "Difficultés rencontrées").fill(DIFFICULTIES)
    button = page.get_by_role("button", name="Enregistrer et transmettre")
    assert submit(page, button) == _report_path(report)
    _success(page, "Le bilan est transmis à l'équipe Ansa.")
    expect(_fact(page, "État")).to_contain_text(str(ReportStatus.SUBMITTED.label))
    expect(_value_cell(page, COMPANIES)).to_have_text(COMPANIES_FIXED)
    expect(page.get_by_role("region", name="En quelques mots")).to_contain_text(DIFFICULTIES)
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED
    log_out(page)


# --- 5. The head of network grants the label ------------------------------------------------


def _head_grants_the_label(page, report: MilestoneReport) -> None:
    swarmed = SwarmedStructure.objects.get(pk=report.swarmed_structure_id)
    structure_path = f"/evaluation/structures/{swarmed.pk}/"
    _log_in_from_start(page, HEAD)
    assert visit(page, HOME) == HOME
    staff = page.get_by_role("region", name="Suivre l'évaluation du programme")
    link = staff.get_by_role("link", name=re.compile(r"^Complétude des bilans"))
    assert submit(page, link) == MATRIX
    table = page.get_by_role("table", name=re.compile(r"^État des bilans d'étape"))
    row = _row(table, STRUCTURE)
    expect(
        row.get_by_role("link", name=f"Accepté — bilan {MILESTONE} de {STRUCTURE}")
    ).to_be_visible()
    assert submit(page, row.get_by_role("link", name=STRUCTURE, exact=True)) == structure_path
    expect(h1(page)).to_have_text(f"Évaluation de {STRUCTURE}")

    # The fidelity chart, and the same levels in its table.
    fidelity = page.get_by_role("region", name="Fidélité aux principes d'action")
    chart = fidelity.get_by_role(
        "img", name=re.compile(words(f"Fidélité aux principes A à D : {STRUCTURE}"))
    )
    expect(chart).to_be_visible()
    levels = fidelity.get_by_role(
        "table", name="Niveaux de fidélité (de 1 à 4) estimés par la structure et par son expert·e"
    )
    ratings = {**FIRST_RATINGS, **SECOND_RATINGS}
    for principle in Principle.objects.order_by("letter"):
        level = ratings[principle.letter][0]
        row = _row(levels, f"{principle.letter} — {principle.title}")
        expect(row).to_contain_text(MILESTONE)
        expect(row.get_by_role("cell").nth(1)).to_have_text(level)
        expect(chart).to_contain_text(principle.letter)
    label = page.get_by_role("region", name="Label A.CO.R")
    expect(label).to_contain_text("État actuel : Non labellisée.")

    decide = f"{structure_path}label/"
    assert submit(page, page.get_by_role("link", name="Décider du label")) == decide
    expect(h1(page)).to_have_text(f"Label A.CO.R de {STRUCTURE}")
    expect(_group(page, "Décision").get_by_label("Label accordé")).to_be_checked()
    today = timezone.localdate()
    expect(_field(page, "Date de la décision")).to_have_value(today.isoformat())
    # Granting needs the fidelity assessment it relies on.
    _field(page, "Motivation").fill(LABEL_REASON)
    path = _refused(page, page.get_by_role("button", name="Enregistrer la décision"))
    assert path == decide
    error = "Choisissez le bilan de fidélité sur lequel la décision s'appuie."
    expect(page.locator(".error-summary")).to_contain_text(error)
    reports = _group(page, "Bilan de fidélité sur lequel la décision s'appuie")
    _describes(page, reports, error)
    expect(_field(page, "Motivation")).to_have_value(LABEL_REASON)
    assert not LabelDecision.objects.filter(structure_id=swarmed.structure_id).exists()

    relied = reports.get_by_label(
        re.compile(rf"^{words(f'{SEASON_NAME} · {MILESTONE} · accepté — structure : A3 B2 C3 D2')}")
    )
    relied.check()
    button = page.get_by_role("button", name="Enregistrer la décision")
    assert submit(page, button) == structure_path
    _success(page, f"Décision enregistrée pour {STRUCTURE} : label accordé.")
    label = page.get_by_role("region", name="Label A.CO.R")
    expect(label).to_contain_text("État actuel : Labellisée.")
    history = label.get_by_role("table", name=re.compile(r"^Historique des décisions de label"))
    granted = _row(history, str(LabelAction.GRANT.label))
    expect(granted).to_contain_text(LABEL_REASON)
    expect(granted).to_contain_text(MILESTONE)
    expect(granted).to_contain_text("Bernard Lassalle")
    decision = LabelDecision.objects.get(structure_id=swarmed.structure_id)
    assert decision.action == LabelAction.GRANT and decision.report_id == report.pk
    assert decision.decided_by.email == HEAD and decision.decided_on == today
    log_out(page)


def _visitor_reads_the_labelled_structures(page) -> None:
    assert visit(page, PUBLIC_LABELS) == PUBLIC_LABELS
    expect(h1(page)).to_have_text("Les structures labellisées A.CO.R")
    table = page.get_by_role("table", name=re.compile(r"structures? labellisées? aujourd'hui$"))
    structure = Structure.objects.get(name=STRUCTURE)
    row = _row(table, STRUCTURE)
    with translation.override("fr"):
        today = long_date(timezone.localdate())
    expect(row).to_contain_text(today)
    if structure.city:
        expect(row).to_contain_text(structure.city)
    expect(_row(table, demo.LABELLED_STRUCTURE)).to_have_count(1)
    expect(table.get_by_role("rowheader", name=demo.SUSPENDED_STRUCTURE)).to_have_count(0)
    names = {entry["structure"].name for entry in selectors.labelled_structures()}
    expect(table.locator("tbody tr")).to_have_count(len(names))


# --- 6. A member of the steering committee reads the dashboard -------------------------------


def _steering_reads_the_dashboard(page, report: MilestoneReport) -> None:
    _log_in_from_start(page, STEERING)
    assert visit(page, DASHBOARD_PAGE) == DASHBOARD_PAGE
    expect(h1(page)).to_have_text("Tableau de bord du programme")
    main = page.get_by_role("main")
    # Each figure: a chart drawn as an image with its name, then its table.
    people = page.get_by_role("region", name=PEOPLE, exact=True)
    expect(people.get_by_role("img", name=f"{PEOPLE} par saison")).to_be_visible()
    table = people.get_by_role("table", name=f"{PEOPLE} par saison")
    expect(table.get_by_role("columnheader", name="Saison")).to_be_visible()
    expect(_row(table, "Toutes les saisons")).to_have_count(1)
    # The season's figure is the sum of its structures' latest accepted values, this report's
    # 12 people among them.
    season = SwarmedStructure.objects.get(pk=report.swarmed_structure_id).season
    figures = selectors.structure_figures(selectors.dashboard_structures(season=season))
    expected = sum(
        (figure.values.get("people_supported") or Decimal(0) for figure in figures), Decimal(0)
    )
    assert expected >= Decimal(PEOPLE_VALUE)
    expect(_row(table, SEASON_NAME).get_by_role("cell")).to_have_text(format_number(expected))
    sections = page.locator("main section:has(svg[role=img])")
    assert sections.count() >= 4
    for index in range(sections.count()):
        expect(sections.nth(index).get_by_role("table")).to_have_count(1)

    # Filtered by season: still no name, still accessible.
    search = page.get_by_role("search", name="Filtrer les chiffres")
    search.get_by_label("Saison").select_option(label=SEASON_NAME)
    path = submit(page, search.get_by_role("button", name="Afficher"))
    assert path == DASHBOARD_PAGE
    expect(page.get_by_role("heading", name="En bref, pour ces filtres")).to_be_visible()
    # Aggregates only: no structure is named, here or on the filtered page.
    text = main.inner_text()
    named = [name for name in Structure.objects.values_list("name", flat=True) if name in text]
    assert not named, named
    expect(
        page.get_by_role("link", name=re.compile(r"^Toutes les valeurs des bilans"))
    ).to_have_count(0)

    # Nothing to reach beyond the aggregates.
    _answered(page, MATRIX, 403)
    _answered(page, _report_path(report), 404)
    log_out(page)


def test_fill_over_two_visits_send_back_correct_accept_label_and_read_the_dashboard(
    page, demo_site
):
    report = _report()

    # 1. The referent fills the 3-month report over two visits and sends it.
    form_path = _referent_first_visit(page, report)
    _referent_second_visit(page, report, form_path)

    # 2. Ansa sends it back with a comment.
    _ansa_sends_it_back(page, report)

    # 3. The referent reads the comment, corrects and sends it again.
    _referent_corrects(page, report, form_path)

    # 4. Ansa accepts it.
    _ansa_accepts(page, report)

    # 5. The head of network grants the label; the public list shows it.
    _head_grants_the_label(page, report)
    _visitor_reads_the_labelled_structures(page)

    # 6. The steering committee reads the dashboard.
    _steering_reads_the_dashboard(page, report)
