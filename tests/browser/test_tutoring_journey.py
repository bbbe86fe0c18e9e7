"""Tutoring from every side: Ansa pairs, a referent asks, the experts answer, time moves.

One journey on the demo's « Saison 2026 », under way, where Tremplin Béarn's referent is paired
with expert1 and two structures are left for Ansa to pair:

1. Ansa asks Essaim for a pairing proposal from the season's page: each unpaired structure gets
   an expert with the reasons (the sheets where needs meet expertise, the score, the load); Ansa
   chooses another expert for one of them, with a reason, then confirms; the season's page shows
   both structures paired and the experts are notified;
2. the referent asks a question: while the title is typed, the page's small script lists the
   similar questions already asked, among them one of another structure shared with the whole
   programme; the referent asks anyway, about one sheet, for the pair only;
3. the paired expert finds it among the questions to answer and answers it;
4. the referent accepts the answer;
5. a second question stays unanswered: the test moves time past its deadline and runs what
   Celery beat runs (`escalate_due`); another expert, who is not the pair's, finds it among the
   questions to answer, sees who is now expected to answer, answers, and reads the hop in the
   question's history.

A second test: a referent of another structure gets the « page introuvable » for Tremplin
Béarn's pair-only question, and finds it neither in the lists nor among the similar questions.

axe-core runs on every page visited: no serious or critical violation is accepted.
"""

import datetime
import re
from functools import partial
from urllib.parse import quote, urlparse

from playwright.sync_api import expect

from modules.models import SwarmedStructure
from portal.models import Notification, User
from portal.structures.demo import TREMPLIN
from tests.browser import journey
from tests.browser.conftest import assert_accessible
from tests.browser.journey import (  # noqa: F401  (fresh_rate_limits: an autouse fixture)
    DASHBOARD,
    LOGIN,
    field,
    fresh_rate_limits,
    h1,
    words,
)
from tutoring import demo_content as demo
from tutoring.enums import EscalationLevel, QuestionStatus, Scope
from tutoring.models import Pairing, ProposalItem, Question
from tutoring.pairing.lifecycle import pairing_url
from tutoring.qa import services as qa
from tutoring.qa.forms import sheet_queryset

SEASON = "saison-2026"
SEASON_NAME = "Saison 2026"
SEASON_PAIRING = f"/tutorat/binomes/saison/{SEASON}/"
QUESTIONS = "/tutorat/questions/"
ASK = "/tutorat/questions/nouvelle/"
TO_ANSWER = "/tutorat/questions/?vue=to_answer"
ALL_QUESTIONS = "/tutorat/questions/?vue=all"
QUESTION = re.compile(r"/tutorat/questions/(\d+)/")

ANSA = "ansa@essaim.test"
REFERENT = "referent1@essaim.test"  # Karim Benali, Tremplin Béarn
PAIRED_EXPERT = "expert1@essaim.test"
PAIRED_EXPERT_NAME = "Nadia Etcheverry"
SHEET_EXPERT = "expert2@essaim.test"  # not Tremplin Béarn's expert; reference on sheet 12
SHEET_EXPERT_NAME = "Julien Carrère"
OUTSIDER = "referent2@essaim.test"  # Élodie, of another structure of the season

UNPAIRED = [demo.HAUTES_VIGNES, demo.BOURG]
OVERRIDDEN = demo.BOURG
OVERRIDE_REASON = (
    "Odile Brunet commence par l'accueil et la PER\u00a0: Mathieu Hourcade l'a déjà aidée au "
    "module 3, elle le connaît."
)

#: Shared with the whole programme by another structure: Tremplin Béarn's referent may read it.
KNOWN_QUESTION = next(spec["title"] for spec in demo.QUESTIONS if spec["key"] == "premier-cafe")
TITLE = "Quel format choisir pour un premier café de l'emploi\u00a0?"
BODY = (
    "Nous voulons inviter **six entreprises** d'Orthez à un premier café de l'emploi en juin. "
    "Faut-il un matin ou une fin de journée, et combien de personnes par table\u00a0?"
)
SHEET = 10  # Les cafés de l'emploi
ANSWER = (
    "Un matin, une heure et demie, des tables de quatre\u00a0: **trois personnes par "
    "entreprise** au plus. Rappelez chaque entreprise dans la semaine."
)

LATE_TITLE = "Croiser une offre de cariste quand trois personnes la veulent"
LATE_BODY = (
    "Une entreprise de logistique d'Orthez nous confie une offre de cariste. Trois personnes que "
    "nous suivons ont le CACES\u00a0: comment choisir celle à qui la proposer\u00a0?"
)
LATE_SHEET = 12  # Le croisement des offres et des personnes
LATE_ANSWER = (
    "Croisez en équipe, lundi\u00a0: à compétences égales, proposez-la à la personne la plus "
    "éloignée de l'emploi, et dites aux deux autres pourquoi."
)

PRIVATE_TITLE = "Un conseiller veut quitter l'équipe avant la fin de la saison"


# --- Moving around --------------------------------------------------------------------------

# axe-core checks every page this journey reaches.
submit = partial(journey.submit, accessible=True)
visit = partial(journey.visit, accessible=True)
log_in = partial(journey.log_in, accessible=True)
log_out = partial(journey.log_out, accessible=True)


def _log_in_from_start(page, email: str) -> None:
    visit(page, LOGIN)
    assert log_in(page, email) == DASHBOARD


def _success(page, text: str) -> None:
    expect(page.get_by_role("status").filter(has_text=re.compile(words(text)))).to_be_visible()


def _fact(page, term: str):
    """The value of the question's fact `term` (« État », « Qui doit répondre »…)."""
    facts = page.locator("dl.question-facts")
    return facts.locator("dt", has_text=re.compile(rf"^{words(term)}$")).locator(
        "xpath=following-sibling::dd[1]"
    )


def _name(email: str) -> str:
    return str(User.objects.get(email=email))


def _question_id(path: str) -> int:
    match = QUESTION.fullmatch(path)
    assert match, path
    return int(match.group(1))


def _card(page, title: str):
    """The card of the question `title` in a list."""
    return page.locator("li.question-card").filter(
        has=page.get_by_role("link", name=title, exact=True)
    )


# --- 1. Pairing -----------------------------------------------------------------------------


def _ansa_asks_for_a_proposal(page) -> dict[str, str]:
    """From the season's page; returns the expert proposed for each unpaired structure."""
    _log_in_from_start(page, ANSA)
    assert visit(page, SEASON_PAIRING) == SEASON_PAIRING
    expect(h1(page)).to_have_text(f"Binômes de tutorat de la {SEASON_NAME}")
    structures = page.get_by_role("table", name=re.compile("^Structures essaimées de la"))
    for name in UNPAIRED:
        row = structures.get_by_role("row", name=re.compile(rf"^{re.escape(name)}"))
        expect(row).to_contain_text("sans binôme")
    tremplin = structures.get_by_role("row", name=re.compile(rf"^{re.escape(TREMPLIN)}"))
    expect(tremplin).to_contain_text(PAIRED_EXPERT_NAME)

    path = submit(page, page.get_by_role("button", name="Proposer un appariement"))
    assert re.fullmatch(r"/tutorat/binomes/propositions/\d+/", path), path
    _success(page, "Voici la proposition d'appariement")
    expect(h1(page)).to_have_text(re.compile("^Proposition d'appariement du "))

    table = page.get_by_role("table", name="Binômes proposés, structure par structure")
    # The structures already paired are left as they are.
    expect(table.get_by_role("row", name=re.compile(re.escape(TREMPLIN)))).to_have_count(0)
    proposed = {}
    for name in UNPAIRED:
        row = table.get_by_role("row", name=re.compile(rf"^{re.escape(name)}"))
        cells = row.get_by_role("cell")
        expert = cells.nth(0).get_by_role("link")
        expect(expert).to_have_count(1)
        proposed[name] = expert.inner_text().strip()
        # Why: the sheets where needs meet expertise, each worth points, and the score.
        reasons = cells.nth(1)
        expect(reasons.get_by_role("listitem").first).to_contain_text(
            re.compile(r"^Fiche \d+ — .+\s:\s.+ × .+\(\d+ points?\)$")
        )
        expect(reasons).to_contain_text(re.compile(words("Adéquation :") + r"\s\d+ points"))
        # The expert's load.
        expect(cells.nth(2)).to_contain_text(re.compile(r"binômes? sur \d+ avec cette proposition"))
        expect(cells.nth(2)).to_contain_text(re.compile(r"dont \d+ déjà en cours"))
    # Sophie Larrieu's declared conflict keeps her from the Hautes-Vignes.
    assert proposed[demo.HAUTES_VIGNES] != _name(demo.SOPHIE), proposed
    return proposed


def _ansa_overrides_one_pair(page, proposed: dict[str, str]) -> str:
    """Ansa gives Bourg-Sainte-Aline another expert, with a reason; returns their name."""
    proposal = urlparse(page.url).path
    chosen = demo.MATHIEU if proposed[OVERRIDDEN] != _name(demo.MATHIEU) else demo.NADIA
    chosen_name = _name(chosen)
    table = page.get_by_role("table", name="Binômes proposés, structure par structure")
    link = table.get_by_role("link", name=f"Choisir un·e autre expert·e pour {OVERRIDDEN}")
    path = submit(page, link)
    assert re.fullmatch(r"/tutorat/binomes/propositions/\d+/binomes/\d+/modifier/", path), path
    expect(h1(page)).to_have_text(f"Modifier le binôme proposé pour {OVERRIDDEN}")

    # Without a reason, nothing changes and the error sits beside the field.
    field(page, "Expert·e").select_option(str(User.objects.get(email=chosen).pk))
    assert submit(page, page.get_by_role("button", name="Enregistrer ce choix")) == path
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Indiquez pourquoi vous modifiez ce binôme")
    reason = field(page, "Motif de la modification")
    error_id = reason.get_attribute("aria-describedby") or ""
    assert any(
        "Indiquez pourquoi" in (page.locator(f"#{ident}").text_content() or "")
        for ident in error_id.split()
    ), error_id
    expect(field(page, "Expert·e")).to_have_value(str(User.objects.get(email=chosen).pk))
    item = ProposalItem.objects.get(
        proposal_id=int(proposal.strip("/").rsplit("/", 1)[1]),
        swarmed_structure__structure__name=OVERRIDDEN,
    )
    assert str(item.expert) == proposed[OVERRIDDEN] and not item.overridden

    reason.fill(OVERRIDE_REASON)
    assert submit(page, page.get_by_role("button", name="Enregistrer ce choix")) == proposal
    _success(page, f"{OVERRIDDEN} sera accompagnée par {chosen_name}.")
    table = page.get_by_role("table", name="Binômes proposés, structure par structure")
    row = table.get_by_role("row", name=re.compile(rf"^{re.escape(OVERRIDDEN)}"))
    expect(row.get_by_role("cell").nth(0).get_by_role("link")).to_have_text(chosen_name)
    expect(row).to_contain_text("modifié par Ansa")
    expect(row).to_contain_text(re.compile(words(f"Proposition initiale : {proposed[OVERRIDDEN]}")))
    expect(row).to_contain_text(re.compile(words(f"Motif : {OVERRIDE_REASON}")))
    expect(page.get_by_text(re.compile(r"^1 binôme modifié par Ansa$"))).to_be_visible()
    return chosen_name


def _ansa_confirms(page, experts: dict[str, str]) -> None:
    path = submit(page, page.get_by_role("button", name="Confirmer la proposition"))
    assert path == SEASON_PAIRING
    _success(page, "La proposition est confirmée : 2 binômes commencent")
    structures = page.get_by_role("table", name=re.compile("^Structures essaimées de la"))
    for name, expert in experts.items():
        row = structures.get_by_role("row", name=re.compile(rf"^{re.escape(name)}"))
        expect(row.get_by_role("link", name=expert, exact=True)).to_be_visible()
        expect(row).not_to_contain_text("sans binôme")
    expect(
        page.get_by_text("Toutes les structures de la saison ont un binôme en cours.")
    ).to_be_visible()
    log_out(page)


def _both_parties_were_notified(experts: dict[str, str]) -> None:
    """Each new pair's expert and referent got a tutoring notification of its start."""
    for name, expert in experts.items():
        pairing = Pairing.objects.select_related("expert").get(
            swarmed_structure__season__slug=SEASON,
            swarmed_structure__structure__name=name,
            status="active",
        )
        assert str(pairing.expert) == expert
        swarmed = SwarmedStructure.objects.get(season__slug=SEASON, structure__name=name)
        referent = swarmed.members.get(role="referent").user
        for person in (pairing.expert, referent):
            assert Notification.objects.filter(
                recipient=person,
                kind="pairing.started",
                category="tutoring",
                url=pairing_url(pairing),
            ).exists(), f"{person} was not told the pairing of {name} started"


# --- 2 to 4. A question, its answer, its acceptance -----------------------------------------


def _referent_asks(page) -> str:
    """The referent asks, seeing the similar questions while typing; returns the question's path."""
    _log_in_from_start(page, REFERENT)
    assert visit(page, QUESTIONS) == QUESTIONS
    assert submit(page, page.get_by_role("link", name="Poser une question")) == ASK
    expect(h1(page)).to_have_text("Poser une question à votre expert·e")

    field(page, "Titre de la question").press_sequentially(TITLE)
    similar = page.get_by_role("region", name="Questions proches déjà posées")
    known = Question.objects.get(title=KNOWN_QUESTION)
    link = similar.get_by_role("link", name=KNOWN_QUESTION, exact=True)
    expect(link).to_be_visible(timeout=5_000)
    expect(link).to_have_attribute("href", f"{QUESTIONS}{known.pk}/")
    # The page was not reloaded: what was typed is still there.
    expect(field(page, "Titre de la question")).to_have_value(TITLE)
    assert_accessible(page)

    # Typing the body asks for similar questions again: let that answer arrive before leaving the
    # page, so no request of the live server is cut off mid-way (it would keep its connection).
    with page.expect_response(lambda response: "/tutorat/questions/similaires/" in response.url):
        field(page, "Votre question").fill(BODY)
    page.wait_for_load_state("networkidle")
    sheets = page.get_by_role("group", name=re.compile(rf"^{words('Fiches-actions concernées')}"))
    sheets.get_by_label(re.compile(rf"^Fiche {SHEET} — ")).check()
    scope = page.get_by_role("group", name="Qui peut lire la question ?")
    expect(scope.get_by_label(str(Scope.PAIR.label), exact=True)).to_be_checked()
    path = submit(page, page.get_by_role("button", name="Poser la question"))
    _question_id(path)
    _success(page, "Votre question est posée.")
    expect(h1(page)).to_have_text(TITLE)
    expect(_fact(page, "État")).to_have_text(str(QuestionStatus.OPEN.label))
    expect(_fact(page, "Qui doit répondre")).to_contain_text(str(EscalationLevel.PAIRED.label))
    expect(_fact(page, "Expert·e du binôme")).to_have_text(PAIRED_EXPERT_NAME)
    expect(page.locator(".question-post strong", has_text="six entreprises")).to_be_visible()
    log_out(page)
    return path


def _open_from_to_answer(page, email: str, title: str):
    """The expert logs in and opens `title` from « À répondre »; returns its path and its card."""
    _log_in_from_start(page, email)
    assert visit(page, TO_ANSWER) == QUESTIONS
    expect(page.get_by_role("link", name="À répondre")).to_have_attribute("aria-current", "page")
    card = _card(page, title)
    expect(card).to_contain_text(str(QuestionStatus.OPEN.label))
    card_text = card.inner_text()
    path = submit(page, card.get_by_role("link", name=title, exact=True))
    _question_id(path)
    expect(h1(page)).to_have_text(title)
    return path, card_text


def _answer(page, question: str, email: str, text: str) -> None:
    field(page, "Votre réponse").fill(text)
    assert submit(page, page.get_by_role("button", name="Publier la réponse")) == question
    _success(page, "Votre réponse est publiée.")
    expect(_fact(page, "État")).to_have_text(str(QuestionStatus.ANSWERED.label))
    answers = page.get_by_role("region", name=re.compile(r"^1 réponse$"))
    expect(
        answers.get_by_role("heading", name=re.compile(f"^Réponse de {_name(email)}"))
    ).to_be_visible()


def _referent_accepts(page, question: str) -> None:
    _log_in_from_start(page, REFERENT)
    assert visit(page, question) == question
    answer = page.get_by_role("article", name=re.compile(f"Réponse de {PAIRED_EXPERT_NAME}"))
    expect(answer.locator("strong", has_text="trois personnes par entreprise")).to_be_visible()
    assert submit(page, answer.get_by_role("button", name="Accepter cette réponse")) == question
    _success(page, "Réponse acceptée : elle pourra nourrir le guide d'essaimage.")
    answer = page.get_by_role("article", name=re.compile(f"Réponse de {PAIRED_EXPERT_NAME}"))
    expect(answer.get_by_role("heading")).to_contain_text("Réponse acceptée")
    expect(answer.get_by_role("button", name="Accepter cette réponse")).to_have_count(0)
    expect(_fact(page, "État")).to_have_text(str(QuestionStatus.RESOLVED.label))
    history = page.get_by_role("region", name="Historique de la question")
    expect(history.get_by_role("listitem").last).to_contain_text(
        f"Réponse acceptée ({_name(REFERENT)})"
    )
    log_out(page)


# --- 5. Escalation --------------------------------------------------------------------------


def _tremplin() -> SwarmedStructure:
    return SwarmedStructure.objects.select_related("season", "structure").get(
        season__slug=SEASON, structure__name=TREMPLIN
    )


def _sheet_id(number: int) -> int:
    return sheet_queryset().get(number=number).pk


def _a_question_left_unanswered_past_its_deadline() -> Question:
    """Asked through the service (the browser's way is the journey's second step), then the
    clock moves past its deadline and Celery beat's task runs."""
    question = qa.question_create(
        actor=User.objects.get(email=REFERENT),
        swarmed=_tremplin(),
        title=LATE_TITLE,
        body=LATE_BODY,
        sheet_ids=[_sheet_id(LATE_SHEET)],
        scope=Scope.COHORT,
    )
    assert question.escalation == EscalationLevel.PAIRED
    deadline = question.escalates_at
    qa.escalate_due(now=deadline - datetime.timedelta(minutes=1))
    question.refresh_from_db()
    assert question.escalation == EscalationLevel.PAIRED, "escalated before its deadline"
    qa.escalate_due(now=deadline + datetime.timedelta(minutes=1))
    question.refresh_from_db()
    assert question.escalation == EscalationLevel.EXPERTS
    expert = User.objects.get(email=SHEET_EXPERT)
    assert Notification.objects.filter(
        recipient=expert, kind="question.escalated_experts", url=f"{QUESTIONS}{question.pk}/"
    ).exists()
    return question


def _another_expert_answers_it(page, question: Question) -> None:
    path, card = _open_from_to_answer(page, SHEET_EXPERT, LATE_TITLE)
    assert path == f"{QUESTIONS}{question.pk}/"
    expected_from = re.compile(words(f"Qui doit répondre : {EscalationLevel.EXPERTS.label}"))
    assert expected_from.search(card), card
    assert "transmise plus largement le" in card, card  # to Ansa, next
    expect(_fact(page, "Qui doit répondre")).to_contain_text(str(EscalationLevel.EXPERTS.label))
    expect(_fact(page, "Expert·e du binôme")).to_have_text(PAIRED_EXPERT_NAME)
    history = page.get_by_role("region", name="Historique de la question")
    expect(history).to_contain_text("Transmise aux expert·es des fiches")
    # Not the pair's expert: the page says their answer adds to the pair's.
    expect(
        page.get_by_text(re.compile("^Votre réponse s'ajoute à celle de l'expert·e du binôme"))
    ).to_be_visible()

    _answer(page, path, SHEET_EXPERT, LATE_ANSWER)
    # In time order; the hop is dated at the moved clock, after the real one of the answer.
    items = page.get_by_role("region", name="Historique de la question").get_by_role("listitem")
    expect(items).to_have_count(3)
    expect(items.nth(0)).to_contain_text(f"Question posée ({_name(REFERENT)})")
    expect(items.nth(1)).to_contain_text(f"Réponse publiée ({SHEET_EXPERT_NAME})")
    expect(items.nth(2)).to_contain_text("Transmise aux expert·es des fiches")
    log_out(page)


def test_pairing_question_answer_acceptance_and_escalation(page, demo_site):
    # 1. Ansa runs the pairing, changes one pair with a reason, confirms.
    proposed = _ansa_asks_for_a_proposal(page)
    chosen = _ansa_overrides_one_pair(page, proposed)
    experts = {**proposed, OVERRIDDEN: chosen}
    _ansa_confirms(page, experts)
    _both_parties_were_notified(experts)

    # 2. The referent asks, seeing similar questions while typing.
    question = _referent_asks(page)

    # 3. The paired expert finds it among the questions to answer, and answers.
    assert _open_from_to_answer(page, PAIRED_EXPERT, TITLE)[0] == question
    _answer(page, question, PAIRED_EXPERT, ANSWER)
    log_out(page)

    # 4. The referent accepts the answer.
    _referent_accepts(page, question)

    # 5. Another question escalates after the delay; an expert of its sheet answers it.
    late = _a_question_left_unanswered_past_its_deadline()
    _another_expert_answers_it(page, late)


def test_outsider_gets_not_found_for_a_pair_only_question(page, demo_site):
    private = qa.question_create(
        actor=User.objects.get(email=REFERENT),
        swarmed=_tremplin(),
        title=PRIVATE_TITLE,
        body="Il nous l'a dit hier\u00a0; nous ne savons pas encore comment le remplacer.",
        sheet_ids=[_sheet_id(13)],
        scope=Scope.PAIR,
    )
    url = f"{QUESTIONS}{private.pk}/"
    _log_in_from_start(page, OUTSIDER)

    response = page.goto(url)
    assert response is not None and response.status == 404
    expect(h1(page)).to_have_text("Page introuvable")
    expect(page.get_by_text(PRIVATE_TITLE)).to_have_count(0)
    assert_accessible(page)

    # Nor is it listed, nor suggested as a similar question.
    assert visit(page, f"{ALL_QUESTIONS}&q={quote(PRIVATE_TITLE)}") == QUESTIONS
    expect(page.get_by_role("link", name=PRIVATE_TITLE)).to_have_count(0)
    assert PRIVATE_TITLE not in _similar_titles(page, PRIVATE_TITLE)
    log_out(page)

    # Tremplin Béarn's own people read it, and find it both ways.
    _log_in_from_start(page, REFERENT)
    assert visit(page, url) == url
    expect(h1(page)).to_have_text(PRIVATE_TITLE)
    assert visit(page, f"{ALL_QUESTIONS}&q={quote(PRIVATE_TITLE)}") == QUESTIONS
    expect(_card(page, PRIVATE_TITLE)).to_have_count(1)
    assert PRIVATE_TITLE in _similar_titles(page, PRIVATE_TITLE)


def _similar_titles(page, text: str) -> list[str]:
    """What the ask form's script would suggest for `text`, as the logged-in person."""
    response = page.request.get(f"{QUESTIONS}similaires/?q={quote(text)}")
    assert response.ok, response.status
    return [item["title"] for item in response.json()["results"]]
