"""The entry criteria of a territorial candidacy, and who signs what.

This is the one place where the programme's entry rules live (brief §5). Read it top to bottom:

1. the two hypotheses and the statuses a criterion can take;
2. one block per criterion, in the brief's order: A1 to A5 for an operator and its prescribing
   collectivité, B1 to B3 for a collectivité transforming its own services. Each block lists the
   questions the applicant answers, the documents they attach, and the rule applied to the answers;
3. the pre-check and the list of what still stops a submission;
4. the signature table;
5. the plumbing that stores answers in a JSONField and reads them back.

What a criterion's check can say:

- « Rempli » (MET): the answers satisfy the rule.
- « Incomplet » (MISSING): a required question has no answer yet. A draft may be saved like
  this; it cannot be submitted (see `submission_blockers`).
- « Non rempli » (UNMET): the answers contradict the rule. When the rule is mandatory the check
  is *blocking*: the candidacy cannot be submitted as it stands, whatever else is added.
  Otherwise Ansa weighs it during the review.
- « À apprécier par Ansa » (TO_JUDGE): the objective part is satisfied and a written answer
  (strategy, fit with the method, operational framework) waits for a person to read it.

Which rules block, and why. Only rules that the brief states as a condition of entry, and that a
plain answer can settle, block:

- A1, operator of collectivités or of the public employment service: hypothesis A is built for
  such operators; another structure belongs to no consortium the call can fund.
- A1, no structural deficit, and A1, at least 2 FTE: the brief gives them as preconditions of a
  stable model, the second with a figure.
- A4, the board supports the swarming: the président signs the candidacy on the board's behalf
  (brief §5, in bold); without that support there is nobody to sign, so submitting would only
  leave the candidacy stuck before its signature.
- A5, the public contract allows the method now or will in its next specifications: the brief
  offers exactly these two ways; with neither, the prescriber cannot pay for the new practice.
- A5, a calendar with a start and an end, the end after the start: the commitment signed by the
  prescriber and the operator must carry a realistic calendar (in bold). Whether the dates are
  realistic is Ansa's call; a calendar shorter than the five-month formation-action is pointed
  out to Ansa, not blocked.
- B1, stable teams or a plan for a dedicated team: the brief's own "or"; with neither, nobody
  would apply the method.
- B3, the collectivité commits its teams: this is what its président signs (in bold).

Left to Ansa's judgement, never blocking: A2 (roadmap, public, past work with the public
employment service: the brief lists them without making any one decisive), A3 and B2 (company
strategy), and the fit of the method with the structure's plan or strategy (A4, B3).

The signatures themselves (président, prescriber and operator) are collected after submission,
on the frozen candidacy; they are described by `SIGNATURES` at the end of this file.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from django.db import models
from django.utils.translation import gettext_lazy as _


class Hypothesis(models.TextChoices):
    A = "A", _("Hypothèse A — un opérateur et sa collectivité prescriptrice")
    B = "B", _("Hypothèse B — une collectivité qui transforme ses propres services")


class Status(models.TextChoices):
    MET = "met", _("Rempli")
    MISSING = "missing", _("Incomplet")
    UNMET = "unmet", _("Non rempli")
    TO_JUDGE = "to_judge", _("À apprécier par Ansa")


# ---------------------------------------------------------------------------------------------
# Building blocks
# ---------------------------------------------------------------------------------------------


class QuestionKind(StrEnum):
    """The kind of answer a question expects; forms build their fields from it."""

    INTEGER = "integer"
    DECIMAL = "decimal"
    BOOLEAN = "boolean"
    CHOICE = "choice"
    TEXT = "text"
    DATE = "date"


@dataclass(frozen=True)
class Question:
    key: str
    label: str
    kind: QuestionKind
    help_text: str = ""
    required: bool = True
    choices: tuple[tuple[str, str], ...] = ()
    min_value: int | Decimal | None = None

    @property
    def judged_by_ansa(self) -> bool:
        """A required written answer: a person has to read it, no rule can."""
        return self.kind == QuestionKind.TEXT and self.required


@dataclass(frozen=True)
class EvidenceKind:
    """A document the applicant attaches to support a criterion."""

    key: str
    label: str
    help_text: str = ""
    required: bool = True


@dataclass(frozen=True)
class Check:
    """The result of a criterion: its status, what to tell the applicant, and whether it blocks.

    `blocking` means the answers break a mandatory rule: the candidacy cannot be submitted as
    it stands. Missing answers are never blocking in this sense (a draft can always be saved),
    though they too stop a submission.
    """

    status: Status
    reasons: tuple[str, ...] = ()
    blocking: bool = False


def verdict(*, blocking=(), unmet=(), to_judge=()) -> Check:
    """What a rule concludes: broken mandatory rules first, then other unmet rules, then hints."""
    if blocking:
        return Check(Status.UNMET, tuple(blocking), blocking=True)
    if unmet:
        return Check(Status.UNMET, tuple(unmet))
    if to_judge:
        return Check(Status.TO_JUDGE, tuple(to_judge))
    return Check(Status.MET)


@dataclass(frozen=True)
class Criterion:
    code: str
    title: str
    explanation: str
    questions: tuple[Question, ...]
    evidence: tuple[EvidenceKind, ...]
    # The rule: receives the answers given so far (unanswered questions are absent) and
    # only judges what it can see. Missing answers and written answers are handled in `check`.
    rule: Callable[[dict], Check] = field(repr=False)

    @property
    def hypothesis(self) -> Hypothesis:
        return Hypothesis(self.code[0])

    def question(self, key: str) -> Question:
        for question in self.questions:
            if question.key == key:
                return question
        raise KeyError(f"{self.code} has no question {key!r}")

    def missing_questions(self, answers: dict) -> list[Question]:
        """The required questions without an answer (answers in either form, see `check`)."""
        answered = from_storage(self, answers)
        return [q for q in self.questions if q.required and q.key not in answered]

    def check(self, answers: dict) -> Check:
        """This criterion's status for the answers given, cleaned or as stored in JSON."""
        answered = from_storage(self, answers)
        result = self.rule(answered)
        # A broken mandatory rule shows at once, even in a draft: no point answering the rest.
        if result.blocking:
            return result
        missing = self.missing_questions(answered)
        if missing:
            reasons = result.reasons + tuple(
                _("Question sans réponse : « %(label)s »") % {"label": q.label} for q in missing
            )
            return Check(Status.MISSING, reasons)
        if result.status == Status.UNMET:
            return result
        if any(q.judged_by_ansa for q in self.questions):
            reasons = (*result.reasons, _("Vos réponses rédigées seront lues par Ansa."))
            return Check(Status.TO_JUDGE, reasons)
        return result


# ---------------------------------------------------------------------------------------------
# Hypothesis A: an operator working for a collectivité (the territorial consortium)
# ---------------------------------------------------------------------------------------------

# --- A1 · A stable economic and organisational model -----------------------------------------

# The brief's threshold, counted before the structure enters the swarming.
MINIMUM_FTE = Decimal(2)


def stable_model_rule(answers: dict) -> Check:
    blocking = []
    if answers.get("public_operator") is False:
        blocking.append(
            _(
                "L'hypothèse A s'adresse aux structures qui accompagnent des personnes pour le "
                "compte de collectivités ou du service public de l'emploi."
            )
        )
    fte_count = answers.get("fte_count")
    if fte_count is not None and fte_count < MINIMUM_FTE:
        blocking.append(
            _(
                "Il faut au moins deux salariés en équivalent temps plein avant d'entrer dans "
                "l'essaimage."
            )
        )
    if answers.get("structural_deficit") is True:
        blocking.append(
            _(
                "Une structure en déficit structurel ne peut pas candidater : la "
                "transposition de la méthode demande des finances stables."
            )
        )
    return verdict(blocking=blocking)


A1 = Criterion(
    code="A1",
    title=_("Un modèle économique et une organisation solides"),
    explanation=_(
        "La structure accompagne déjà des personnes éloignées de l'emploi pour des collectivités "
        "ou pour le service public de l'emploi. Ses comptes ne sont pas durablement déficitaires "
        "et elle emploie au moins deux salariés en équivalent temps plein."
    ),
    questions=(
        Question(
            key="public_operator",
            label=_(
                "Accompagnez-vous des personnes éloignées de l'emploi pour le compte de "
                "collectivités ou du service public de l'emploi ?"
            ),
            kind=QuestionKind.BOOLEAN,
            help_text=_(
                "Par exemple dans le cadre d'un marché ou d'une convention avec un département, "
                "une agglomération, un PLIE ou France Travail."
            ),
        ),
        Question(
            key="fte_count",
            label=_("Effectif salarié actuel, en équivalents temps plein (ETP)"),
            kind=QuestionKind.DECIMAL,
            help_text=_("Deux salariés à mi-temps comptent pour un ETP."),
            min_value=Decimal(0),
        ),
        Question(
            key="structural_deficit",
            label=_("Votre structure est-elle en déficit structurel ?"),
            kind=QuestionKind.BOOLEAN,
            help_text=_(
                "Le déficit est structurel quand les charges dépassent les produits exercice "
                "après exercice ; une perte isolée n'en fait pas partie."
            ),
        ),
    ),
    evidence=(
        EvidenceKind(
            key="annual_accounts",
            label=_("Derniers comptes annuels"),
            help_text=_("Bilan et compte de résultat du dernier exercice clos."),
        ),
    ),
    rule=stable_model_rule,
)


# --- A2 · Missions aimed at solutions for job seekers ----------------------------------------

# Not blocking: the brief lists three signs without making any one of them decisive. A "no" is
# shown to the applicant and weighed by Ansa.


def employment_missions_rule(answers: dict) -> Check:
    unmet = []
    if answers.get("roadmap_employment") is False:
        unmet.append(
            _(
                "La feuille de route de la structure devrait l'engager dans des actions pour "
                "l'emploi."
            )
        )
    if answers.get("public_unemployed") is False:
        unmet.append(
            _(
                "La méthode s'adresse à des personnes sans emploi : Ansa examinera si elle "
                "convient au public que vous accompagnez."
            )
        )
    return verdict(unmet=unmet)


A2 = Criterion(
    code="A2",
    title=_("Des missions tournées vers l'emploi des personnes accompagnées"),
    explanation=_(
        "Le projet de la structure l'engage dans des actions pour l'emploi, elle accompagne des "
        "personnes sans emploi et elle a déjà travaillé avec le service public de l'emploi."
    ),
    questions=(
        Question(
            key="roadmap_employment",
            label=_(
                "Votre feuille de route ou votre projet de structure prévoit-il des actions pour "
                "l'emploi ?"
            ),
            kind=QuestionKind.BOOLEAN,
        ),
        Question(
            key="public_unemployed",
            label=_("Les personnes que vous accompagnez sont-elles sans emploi ?"),
            kind=QuestionKind.BOOLEAN,
            help_text=_(
                "Demandeurs d'emploi de longue durée, bénéficiaires du RSA, jeunes sans emploi…"
            ),
        ),
        Question(
            key="spe_relations",
            label=_("Qu'avez-vous déjà mené avec le service public de l'emploi ?"),
            kind=QuestionKind.TEXT,
            help_text=_(
                "Conventions, accompagnements partagés, comités locaux… avec France Travail, une "
                "mission locale, Cap emploi ou un PLIE."
            ),
        ),
    ),
    evidence=(
        EvidenceKind(
            key="roadmap",
            label=_("Feuille de route ou projet de structure"),
            required=False,
        ),
    ),
    rule=employment_missions_rule,
)


# --- A3 · A company-oriented strategy (B2 asks the same) -------------------------------------

# A matter of judgement only: the rule has nothing to decide, Ansa reads the answer.


def no_objective_rule(answers: dict) -> Check:
    return verdict()


def company_strategy(code: str) -> Criterion:
    return Criterion(
        code=code,
        title=_("Une stratégie tournée vers les entreprises"),
        explanation=_(
            "La structure voit dans un lien suivi avec les entreprises du secteur marchand le "
            "premier levier pour que les personnes accompagnées retrouvent un emploi."
        ),
        questions=(
            Question(
                key="company_strategy",
                label=_(
                    "Quelle place les entreprises tiennent-elles aujourd'hui dans votre "
                    "accompagnement vers l'emploi, et quelle place voulez-vous leur donner ?"
                ),
                kind=QuestionKind.TEXT,
                help_text=_(
                    "Décrivez vos contacts avec les employeurs du territoire et ce que vous en "
                    "attendez."
                ),
            ),
        ),
        evidence=(),
        rule=no_objective_rule,
    )


A3 = company_strategy("A3")


# --- A4 · The structure commits to transposing « Opportunités emploi » -----------------------


def operator_commitment_rule(answers: dict) -> Check:
    blocking = []
    if answers.get("board_support") is False:
        blocking.append(
            _(
                "Sans le soutien du conseil d'administration, le président ou la présidente ne "
                "peut pas signer la candidature."
            )
        )
    return verdict(blocking=blocking)


A4 = Criterion(
    code="A4",
    title=_("L'adhésion de la structure à la méthode"),
    explanation=_(
        "La structure juge la méthode « Opportunités emploi » cohérente avec son plan "
        "d'action et son conseil d'administration soutient l'essaimage : le président ou la "
        "présidente signe la candidature en son nom."
    ),
    questions=(
        Question(
            key="method_fit",
            label=_("En quoi la méthode d'A.CO.R s'accorde-t-elle avec votre plan d'action ?"),
            kind=QuestionKind.TEXT,
        ),
        Question(
            key="board_support",
            label=_(
                "Votre conseil d'administration soutient-il l'entrée de la structure dans "
                "l'essaimage ?"
            ),
            kind=QuestionKind.BOOLEAN,
            help_text=_("Le président ou la présidente signera la candidature en son nom."),
        ),
    ),
    evidence=(
        EvidenceKind(
            key="board_deliberation",
            label=_("Délibération du conseil d'administration"),
            required=False,
        ),
    ),
    rule=operator_commitment_rule,
)


# --- A5 · The prescribing collectivité backs the method in its public contract ---------------


class ContractRoute(models.TextChoices):
    CURRENT = "current", _("Le marché en cours autorise déjà ce changement de pratique")
    NEXT = "next", _("Le cahier des charges du prochain marché l'inscrira")
    NEITHER = "neither", _("Ni l'un ni l'autre pour le moment")


# The formation-action lasts five months; a shorter calendar deserves a second look.
FORMATION_ACTION_DAYS = 150


def prescriber_commitment_rule(answers: dict) -> Check:
    blocking = []
    to_judge = []
    if answers.get("public_contract") == ContractRoute.NEITHER:
        blocking.append(
            _(
                "La collectivité prescriptrice doit permettre la méthode dans son marché, celui "
                "en cours ou le prochain, avant que la candidature soit déposée."
            )
        )
    start, end = answers.get("start_date"), answers.get("end_date")
    if start and end and end <= start:
        blocking.append(_("La fin du calendrier doit venir après son début."))
    elif start and end and (end - start).days < FORMATION_ACTION_DAYS:
        to_judge.append(
            _(
                "Le calendrier dure moins que les cinq mois de la formation-action : Ansa "
                "vérifiera qu'il reste réaliste."
            )
        )
    return verdict(blocking=blocking, to_judge=to_judge)


A5 = Criterion(
    code="A5",
    title=_("L'engagement de la collectivité prescriptrice"),
    explanation=_(
        "La collectivité qui oriente les personnes vers l'opérateur et le finance soutient la "
        "méthode : son marché actuel permet le changement de pratique, ou le prochain "
        "l'inscrira dans son cahier des charges. Elle signe avec l'opérateur un engagement "
        "territorial qui fixe le cadre de travail et un calendrier réaliste."
    ),
    questions=(
        Question(
            key="public_contract",
            label=_(
                "Le marché de la collectivité prescriptrice permet-il d'appliquer la méthode ?"
            ),
            kind=QuestionKind.CHOICE,
            help_text=_("Le marché public ou la convention qui vous lie à la collectivité."),
            choices=tuple(ContractRoute.choices),
        ),
        Question(
            key="operational_framework",
            label=_("Cadre opérationnel convenu avec la collectivité prescriptrice"),
            kind=QuestionKind.TEXT,
            help_text=_(
                "Qui fait quoi, quelles personnes vous seront orientées, comment vous rendrez "
                "compte des résultats."
            ),
        ),
        Question(
            key="start_date",
            label=_("Début prévu de la transposition"),
            kind=QuestionKind.DATE,
        ),
        Question(
            key="end_date",
            label=_("Fin prévue de la transposition"),
            kind=QuestionKind.DATE,
            help_text=_(
                "Ce calendrier figurera dans l'engagement territorial signé par la collectivité "
                "et par votre structure."
            ),
        ),
    ),
    evidence=(
        EvidenceKind(
            key="contract_extract",
            label=_("Extrait du marché public ou cahier des charges"),
            help_text=_(
                "Les clauses du marché en cours, ou le projet de cahier des charges du prochain."
            ),
        ),
    ),
    rule=prescriber_commitment_rule,
)


# ---------------------------------------------------------------------------------------------
# Hypothesis B: a collectivité transforming its own services
# ---------------------------------------------------------------------------------------------

# --- B1 · Stable teams, or a plan for a dedicated team ---------------------------------------


class TeamPlan(models.TextChoices):
    STABLE = "stable", _("Nos équipes actuelles, dont l'organisation est stable")
    ADHOC = "adhoc", _("Une équipe dédiée à la méthode, que nous allons créer")
    NEITHER = "neither", _("Ni l'une ni l'autre pour le moment")


def teams_rule(answers: dict) -> Check:
    blocking = []
    if answers.get("team_plan") == TeamPlan.NEITHER:
        blocking.append(
            _(
                "La collectivité doit s'appuyer sur des équipes stables ou prévoir une équipe "
                "dédiée à la méthode."
            )
        )
    return verdict(blocking=blocking)


B1 = Criterion(
    code="B1",
    title=_("Des équipes stables ou une équipe dédiée"),
    explanation=_(
        "Pour ses missions de retour à l'emploi, la collectivité compte sur une organisation et "
        "des équipes stables, ou bien elle prévoit de constituer une équipe consacrée à la "
        "méthode."
    ),
    questions=(
        Question(
            key="team_plan",
            label=_("Quelle équipe appliquera la méthode ?"),
            kind=QuestionKind.CHOICE,
            choices=tuple(TeamPlan.choices),
        ),
        Question(
            key="team_size",
            label=_("Nombre d'agents qui appliqueront la méthode"),
            kind=QuestionKind.INTEGER,
            required=False,
            min_value=1,
        ),
        Question(
            key="team_description",
            label=_("Comment cette équipe est-elle, ou sera-t-elle, organisée ?"),
            kind=QuestionKind.TEXT,
            help_text=_("Rattachement, métiers, recrutement parmi les agents ou à l'extérieur."),
            required=False,
        ),
    ),
    evidence=(
        EvidenceKind(
            key="team_chart",
            label=_("Organigramme du service ou projet d'équipe"),
            required=False,
        ),
    ),
    rule=teams_rule,
)


# --- B2 · A company-oriented strategy (as A3) ------------------------------------------------

B2 = company_strategy("B2")


# --- B3 · The collectivité commits to transposing the method ---------------------------------


def collectivite_commitment_rule(answers: dict) -> Check:
    blocking = []
    if answers.get("teams_committed") is False:
        blocking.append(
            _(
                "Sans l'engagement de ses équipes, la collectivité ne peut pas transposer la "
                "méthode et son président ou sa présidente ne peut pas signer la candidature."
            )
        )
    return verdict(blocking=blocking)


B3 = Criterion(
    code="B3",
    title=_("L'engagement de la collectivité dans la transformation"),
    explanation=_(
        "La collectivité juge la méthode cohérente avec sa stratégie et y engage ses équipes ; "
        "son président ou sa présidente signe la candidature. La transformation s'étend sur "
        "trois ans, avec la formation des agents et une réorganisation des services."
    ),
    questions=(
        Question(
            key="strategy_fit",
            label=_("En quoi la méthode d'A.CO.R rejoint-elle la stratégie de la collectivité ?"),
            kind=QuestionKind.TEXT,
        ),
        Question(
            key="teams_committed",
            label=_("La collectivité engage-t-elle ses équipes dans la transformation ?"),
            kind=QuestionKind.BOOLEAN,
            help_text=_(
                "Formation des agents, nouvelle organisation de l'accueil et des déplacements, "
                "outils internes à revoir."
            ),
        ),
        Question(
            key="change_plan",
            label=_("Comment comptez-vous conduire le changement sur trois ans ?"),
            kind=QuestionKind.TEXT,
            required=False,
        ),
    ),
    evidence=(
        EvidenceKind(
            key="executive_decision",
            label=_("Délibération ou décision de la collectivité"),
            required=False,
        ),
    ),
    rule=collectivite_commitment_rule,
)


# ---------------------------------------------------------------------------------------------
# The criteria of each hypothesis, the pre-check, and what stops a submission
# ---------------------------------------------------------------------------------------------

CRITERIA: dict[Hypothesis, tuple[Criterion, ...]] = {
    Hypothesis.A: (A1, A2, A3, A4, A5),
    Hypothesis.B: (B1, B2, B3),
}

_BY_CODE = {criterion.code: criterion for group in CRITERIA.values() for criterion in group}


def criteria_for(hypothesis: Hypothesis | str) -> tuple[Criterion, ...]:
    return CRITERIA[Hypothesis(hypothesis)]


def get_criterion(code: str) -> Criterion:
    try:
        return _BY_CODE[code]
    except KeyError:
        raise KeyError(f"No entry criterion {code!r}") from None


# Answers of a candidacy: {criterion code: {question key: value}}, cleaned or as stored.
Answers = dict[str, dict[str, object]]


def precheck(hypothesis: Hypothesis | str, answers: Answers) -> list[tuple[Criterion, Check]]:
    """Each criterion of the hypothesis with its status, in the brief's order."""
    return [
        (criterion, criterion.check(answers.get(criterion.code, {})))
        for criterion in criteria_for(hypothesis)
    ]


def submission_blockers(
    hypothesis: Hypothesis | str, answers: Answers, evidence_keys: set[str]
) -> list[str]:
    """Everything that stops the candidacy from being submitted, as messages for the applicant.

    Three things block: a mandatory rule the answers break, a required question left
    unanswered, a required document not attached (`evidence_keys`: the keys of the documents
    attached so far). An empty list means the candidacy can be submitted.
    """
    messages = []
    for criterion, result in precheck(hypothesis, answers):
        if result.blocking:
            messages += [
                _("Critère %(code)s : %(reason)s") % {"code": criterion.code, "reason": reason}
                for reason in result.reasons
            ]
        for question in criterion.missing_questions(answers.get(criterion.code, {})):
            messages.append(
                _("Critère %(code)s : répondez à la question « %(label)s ».")
                % {"code": criterion.code, "label": question.label}
            )
        for evidence in criterion.evidence:
            if evidence.required and evidence.key not in evidence_keys:
                messages.append(
                    _("Critère %(code)s : joignez la pièce « %(label)s ».")
                    % {"code": criterion.code, "label": evidence.label}
                )
    return messages


# ---------------------------------------------------------------------------------------------
# Signatures in a season (brief §5)
# ---------------------------------------------------------------------------------------------


class SignatureAct(models.TextChoices):
    CANDIDACY = "candidacy", _("Candidature")
    COMMITMENT = "territorial_commitment", _("Engagement territorial")
    AGREEMENT = "participation_agreement", _("Convention de participation")


class SignerRole(models.TextChoices):
    PRESIDENT = "president", _("Président·e de la structure candidate")
    PRESCRIBER = "prescriber", _("Représentant·e de la collectivité prescriptrice")
    OPERATOR = "operator", _("Représentant·e de l'opérateur")
    DIRECTOR_GENERAL = "director_general", _("Directeur·rice général·e")


@dataclass(frozen=True)
class SignatureRule:
    act: SignatureAct
    hypotheses: tuple[Hypothesis, ...]
    # Everyone listed must sign.
    signers: tuple[SignerRole, ...]
    # Signed on the frozen candidacy, before Ansa's selection; otherwise after selection.
    with_candidacy: bool


SIGNATURES: tuple[SignatureRule, ...] = (
    # The président of the operator (A) or of the collectivité (B), for the board or the
    # collectivité's executive.
    SignatureRule(
        act=SignatureAct.CANDIDACY,
        hypotheses=(Hypothesis.A, Hypothesis.B),
        signers=(SignerRole.PRESIDENT,),
        with_candidacy=True,
    ),
    # The consortium of hypothesis A: framework and calendar, validated by both sides.
    SignatureRule(
        act=SignatureAct.COMMITMENT,
        hypotheses=(Hypothesis.A,),
        signers=(SignerRole.PRESCRIBER, SignerRole.OPERATOR),
        with_candidacy=True,
    ),
    # Once selected, the directeur général signs and names the referent and participants.
    SignatureRule(
        act=SignatureAct.AGREEMENT,
        hypotheses=(Hypothesis.A, Hypothesis.B),
        signers=(SignerRole.DIRECTOR_GENERAL,),
        with_candidacy=False,
    ),
)


def required_signatures(hypothesis: Hypothesis | str) -> list[tuple[SignatureAct, SignerRole]]:
    """The signatures a candidacy needs before Ansa's selection, in signing order."""
    hypothesis = Hypothesis(hypothesis)
    return [
        (rule.act, signer)
        for rule in SIGNATURES
        if rule.with_candidacy and hypothesis in rule.hypotheses
        for signer in rule.signers
    ]


# ---------------------------------------------------------------------------------------------
# Plumbing: answers in a JSONField
# ---------------------------------------------------------------------------------------------

# Answers are stored as JSON: decimals as strings, dates as ISO strings, the rest as is. Blank
# answers are not stored. Writing is strict (a wrong key or type is a bug); reading is tolerant
# of questions or choices dropped since the answer was saved, which then count as unanswered.


def clean_for_storage(criterion: Criterion, cleaned: dict) -> dict:
    """The JSON-ready form of one criterion's cleaned answers."""
    stored = {}
    for key, value in cleaned.items():
        question = criterion.question(key)
        if _is_blank(value):
            continue
        _validate(question, value)
        if question.kind == QuestionKind.DECIMAL:
            value = str(value)
        elif question.kind == QuestionKind.DATE:
            value = value.isoformat()
        elif question.kind == QuestionKind.TEXT:
            value = value.strip()
        stored[key] = value
    return stored


def from_storage(criterion: Criterion, stored: dict) -> dict:
    """One criterion's answers as Python values, from the stored or the cleaned form."""
    answers = {}
    for question in criterion.questions:
        value = stored.get(question.key)
        if _is_blank(value):
            continue
        value = _to_python(question, value)
        if value is not None:
            answers[question.key] = value
    return answers


def _is_blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _to_python(question: Question, value):
    if question.kind == QuestionKind.INTEGER:
        return _integer(question, value)
    if question.kind == QuestionKind.DECIMAL:
        return _decimal(question, value)
    if question.kind == QuestionKind.BOOLEAN:
        if not isinstance(value, bool):
            raise ValueError(f"{question.key}: expected a boolean, got {value!r}")
        return value
    if question.kind == QuestionKind.DATE:
        if isinstance(value, datetime.date):
            return value
        return datetime.date.fromisoformat(value)
    if question.kind == QuestionKind.CHOICE:
        return value if value in _choice_values(question) else None
    return value.strip()


def _integer(question: Question, value) -> int:
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise ValueError(f"{question.key}: expected an integer, got {value!r}")
    return int(value)


def _decimal(question: Question, value) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, Decimal | int | float | str):
        raise ValueError(f"{question.key}: expected a decimal, got {value!r}")
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        number = None
    if number is None or not number.is_finite():
        raise ValueError(f"{question.key}: expected a decimal, got {value!r}")
    return number


def _choice_values(question: Question) -> set[str]:
    return {value for value, _label in question.choices}


def _validate(question: Question, value) -> None:
    expected = {
        QuestionKind.INTEGER: int,
        QuestionKind.DECIMAL: Decimal | int,
        QuestionKind.BOOLEAN: bool,
        QuestionKind.CHOICE: str,
        QuestionKind.TEXT: str,
        QuestionKind.DATE: datetime.date,
    }[question.kind]
    wrong_type = not isinstance(value, expected) or (
        isinstance(value, bool) and question.kind != QuestionKind.BOOLEAN
    )
    if wrong_type or isinstance(value, datetime.datetime):
        raise ValueError(f"{question.key}: {value!r} is not a {question.kind} answer")
    if question.kind == QuestionKind.CHOICE and value not in _choice_values(question):
        raise ValueError(f"{question.key}: {value!r} is not one of the choices")
    if question.min_value is not None and value < question.min_value:
        raise ValueError(f"{question.key}: {value!r} is below {question.min_value}")
