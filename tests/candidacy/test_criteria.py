"""The entry criteria of a candidacy, read as the programme's rules (brief §5)."""

import datetime
import json
from decimal import Decimal

import pytest

from candidacy.criteria import (
    CRITERIA,
    SIGNATURES,
    Check,
    ContractRoute,
    Hypothesis,
    SignatureAct,
    SignerRole,
    Status,
    TeamPlan,
    clean_for_storage,
    criteria_for,
    from_storage,
    get_criterion,
    precheck,
    required_signatures,
    submission_blockers,
)

NBSP = "\u00a0"

A_EVIDENCE = {"annual_accounts", "contract_extract"}


def complete_a_answers() -> dict:
    return {
        "A1": {
            "public_operator": True,
            "fte_count": Decimal("2"),
            "structural_deficit": False,
        },
        "A2": {
            "roadmap_employment": True,
            "public_unemployed": True,
            "spe_relations": "Ateliers communs avec l'agence France Travail d'Orthez.",
        },
        "A3": {"company_strategy": "Deux salariés visitent des entreprises chaque semaine."},
        "A4": {"method_fit": "Notre plan d'action vise l'emploi durable.", "board_support": True},
        "A5": {
            "public_contract": ContractRoute.CURRENT,
            "operational_framework": "Le département oriente quarante personnes par an.",
            "start_date": datetime.date(2027, 1, 4),
            "end_date": datetime.date(2027, 12, 17),
        },
    }


def complete_b_answers() -> dict:
    return {
        "B1": {"team_plan": TeamPlan.ADHOC, "team_size": 4},
        "B2": {"company_strategy": "Un agent par secteur suit les employeurs du bassin."},
        "B3": {
            "strategy_fit": "Le plan départemental d'insertion vise l'emploi.",
            "teams_committed": True,
        },
    }


def check(code: str, **answers) -> Check:
    return get_criterion(code).check(answers)


def text(reasons) -> str:
    return " ".join(str(reason) for reason in reasons)


# --- The two hypotheses --------------------------------------------------------------------


def test_hypothesis_a_has_five_criteria_and_b_three_in_brief_order():
    assert [c.code for c in criteria_for(Hypothesis.A)] == ["A1", "A2", "A3", "A4", "A5"]
    assert [c.code for c in criteria_for("B")] == ["B1", "B2", "B3"]


def test_get_criterion_finds_each_code_and_refuses_unknown_ones():
    assert get_criterion("A5").title == "L'engagement de la collectivité prescriptrice"
    assert get_criterion("B1").hypothesis == Hypothesis.B
    with pytest.raises(KeyError):
        get_criterion("C1")


def test_question_keys_are_unique_per_criterion_and_evidence_keys_per_hypothesis():
    for criteria in CRITERIA.values():
        for criterion in criteria:
            keys = [question.key for question in criterion.questions]
            assert len(keys) == len(set(keys)), criterion.code
        evidence = [kind.key for criterion in criteria for kind in criterion.evidence]
        assert len(evidence) == len(set(evidence))


def test_complete_hypothesis_a_candidacy_can_be_submitted():
    results = {c.code: r.status for c, r in precheck(Hypothesis.A, complete_a_answers())}
    assert results == {
        "A1": Status.MET,
        "A2": Status.TO_JUDGE,
        "A3": Status.TO_JUDGE,
        "A4": Status.TO_JUDGE,
        "A5": Status.TO_JUDGE,
    }
    assert submission_blockers(Hypothesis.A, complete_a_answers(), A_EVIDENCE) == []


def test_complete_hypothesis_b_candidacy_can_be_submitted():
    results = {c.code: r.status for c, r in precheck(Hypothesis.B, complete_b_answers())}
    assert results == {"B1": Status.MET, "B2": Status.TO_JUDGE, "B3": Status.TO_JUDGE}
    assert submission_blockers(Hypothesis.B, complete_b_answers(), set()) == []


# --- A1: a stable economic and organisational model ----------------------------------------


def test_A1_fewer_than_two_fte_blocks_submission():
    answers = complete_a_answers()
    answers["A1"]["fte_count"] = Decimal("1.5")

    result = get_criterion("A1").check(answers["A1"])

    assert result.status == Status.UNMET
    assert result.blocking
    assert submission_blockers(Hypothesis.A, answers, A_EVIDENCE) == [
        f"Critère A1{NBSP}: Il faut au moins deux salariés en équivalent temps plein avant "
        "d'entrer dans l'essaimage."
    ]


def test_A1_two_fte_operator_without_deficit_is_met():
    result = check("A1", public_operator=True, fte_count=Decimal(2), structural_deficit=False)
    assert result == Check(Status.MET)


def test_A1_structural_deficit_blocks_even_before_the_other_answers():
    result = check("A1", structural_deficit=True)
    assert result.status == Status.UNMET
    assert result.blocking
    assert "déficit structurel" in text(result.reasons)


def test_A1_structure_working_for_neither_collectivites_nor_spe_blocks():
    result = check("A1", public_operator=False, fte_count=Decimal(8), structural_deficit=False)
    assert result.blocking
    assert "collectivités ou du service public de l'emploi" in text(result.reasons)


def test_A1_lists_every_broken_rule():
    result = check("A1", public_operator=False, fte_count=Decimal(1), structural_deficit=True)
    assert len(result.reasons) == 3


def test_A1_requires_the_last_annual_accounts():
    blockers = submission_blockers(Hypothesis.A, complete_a_answers(), {"contract_extract"})
    assert blockers == [
        f"Critère A1{NBSP}: joignez la pièce «{NBSP}Derniers comptes annuels{NBSP}»."
    ]


# --- A2: missions aimed at solutions for job seekers ---------------------------------------


def test_A2_a_public_in_work_is_unmet_but_left_to_ansa():
    answers = complete_a_answers()
    answers["A2"]["public_unemployed"] = False

    result = get_criterion("A2").check(answers["A2"])

    assert result.status == Status.UNMET
    assert not result.blocking
    assert submission_blockers(Hypothesis.A, answers, A_EVIDENCE) == []


def test_A2_past_work_with_the_spe_is_read_by_ansa():
    result = get_criterion("A2").check(complete_a_answers()["A2"])
    assert result.status == Status.TO_JUDGE
    assert text(result.reasons) == "Vos réponses rédigées seront lues par Ansa."


# --- A3 and B2: a company-oriented strategy ------------------------------------------------


def test_A3_company_strategy_is_judged_by_ansa_once_written():
    assert check("A3").status == Status.MISSING
    assert check("A3", company_strategy="   ").status == Status.MISSING
    assert check("A3", company_strategy="Visites hebdomadaires.").status == Status.TO_JUDGE


def test_A3_and_B2_ask_the_same_question():
    a3, b2 = get_criterion("A3"), get_criterion("B2")
    assert a3.questions == b2.questions
    assert a3.title == b2.title


# --- A4: the operator's commitment ---------------------------------------------------------


def test_A4_board_withholding_its_support_blocks():
    result = check("A4", method_fit="Cohérent avec notre projet.", board_support=False)
    assert result.status == Status.UNMET
    assert result.blocking
    assert "conseil d'administration" in text(result.reasons)


def test_A4_board_deliberation_is_welcome_but_optional():
    evidence = {kind.key: kind.required for kind in get_criterion("A4").evidence}
    assert evidence == {"board_deliberation": False}


# --- A5: the prescribing collectivité's commitment -----------------------------------------


def test_A5_neither_current_nor_next_contract_blocks():
    answers = complete_a_answers()
    answers["A5"]["public_contract"] = ContractRoute.NEITHER

    result = get_criterion("A5").check(answers["A5"])

    assert result.status == Status.UNMET
    assert result.blocking
    assert submission_blockers(Hypothesis.A, answers, A_EVIDENCE) == [
        f"Critère A5{NBSP}: La collectivité prescriptrice doit permettre la méthode dans son "
        "marché, celui en cours ou le prochain, avant que la candidature soit déposée."
    ]


@pytest.mark.parametrize("route", [ContractRoute.CURRENT, ContractRoute.NEXT])
def test_A5_current_contract_or_next_specifications_is_enough(route):
    answers = complete_a_answers()["A5"]
    answers["public_contract"] = route
    result = get_criterion("A5").check(answers)
    assert result.status == Status.TO_JUDGE  # the operational framework is read by Ansa
    assert not result.blocking


@pytest.mark.parametrize("end", [datetime.date(2027, 1, 4), datetime.date(2026, 12, 1)])
def test_A5_calendar_ending_on_or_before_its_start_blocks(end):
    answers = complete_a_answers()["A5"]
    answers["end_date"] = end
    result = get_criterion("A5").check(answers)
    assert result.blocking
    assert text(result.reasons) == "La fin du calendrier doit venir après son début."


def test_A5_calendar_needs_both_dates_before_submission():
    answers = complete_a_answers()
    del answers["A5"]["end_date"]

    assert get_criterion("A5").check(answers["A5"]).status == Status.MISSING
    assert submission_blockers(Hypothesis.A, answers, A_EVIDENCE) == [
        f"Critère A5{NBSP}: répondez à la question «{NBSP}Fin prévue de la transposition{NBSP}»."
    ]


def test_A5_calendar_shorter_than_the_formation_action_is_pointed_out_not_blocked():
    answers = complete_a_answers()["A5"]
    answers["end_date"] = datetime.date(2027, 3, 31)
    result = get_criterion("A5").check(answers)
    assert result.status == Status.TO_JUDGE
    assert not result.blocking
    assert "moins que les cinq mois de la formation-action" in text(result.reasons)


# --- B1: stable teams or a dedicated team --------------------------------------------------


def test_B1_adhoc_team_plan_is_enough():
    assert check("B1", team_plan=TeamPlan.ADHOC) == Check(Status.MET)


def test_B1_stable_teams_are_enough():
    assert check("B1", team_plan=TeamPlan.STABLE).status == Status.MET


def test_B1_neither_stable_teams_nor_adhoc_plan_blocks():
    answers = complete_b_answers()
    answers["B1"]["team_plan"] = TeamPlan.NEITHER

    result = get_criterion("B1").check(answers["B1"])

    assert result.status == Status.UNMET
    assert result.blocking
    assert submission_blockers(Hypothesis.B, answers, set()) == [
        f"Critère B1{NBSP}: La collectivité doit s'appuyer sur des équipes stables ou prévoir "
        "une équipe dédiée à la méthode."
    ]


def test_B1_team_size_and_description_are_optional():
    assert [q.key for q in get_criterion("B1").questions if q.required] == ["team_plan"]


# --- B3: the collectivité's commitment -----------------------------------------------------


def test_B3_teams_not_committed_blocks():
    result = check("B3", strategy_fit="Cohérent.", teams_committed=False)
    assert result.status == Status.UNMET
    assert result.blocking


# --- Drafts and submission -----------------------------------------------------------------


def test_missing_answers_never_block_a_draft_but_block_submission():
    results = precheck(Hypothesis.A, {})

    assert {result.status for _criterion, result in results} == {Status.MISSING}
    assert not any(result.blocking for _criterion, result in results)
    blockers = submission_blockers(Hypothesis.A, {}, set())
    assert len(blockers) == 3 + 3 + 1 + 2 + 4 + 2  # every required question, then the documents
    assert blockers[0] == (
        f"Critère A1{NBSP}: répondez à la question «{NBSP}Accompagnez-vous des personnes "
        "éloignées de l'emploi pour le compte de collectivités ou du service public de "
        f"l'emploi{NBSP}?{NBSP}»."
    )


def test_missing_answers_are_named_in_the_draft_precheck():
    result = check("A1", public_operator=True, structural_deficit=False)
    assert result.status == Status.MISSING
    assert result.reasons == (
        f"Question sans réponse{NBSP}: «{NBSP}Effectif salarié actuel, en équivalents temps "
        f"plein (ETP){NBSP}»",
    )


def test_no_is_an_answer_not_a_missing_one():
    result = check("A1", public_operator=True, fte_count=Decimal(3), structural_deficit=False)
    assert result.status == Status.MET


def test_a_blocking_rule_lists_the_missing_answers_too_at_submission():
    answers = {"A1": {"fte_count": Decimal(1)}}
    a1_blockers = [m for m in submission_blockers(Hypothesis.A, answers, set()) if "A1" in m]
    assert len(a1_blockers) == 1 + 2 + 1  # the broken rule, two questions, the accounts


def test_optional_documents_are_never_required():
    blockers = submission_blockers(Hypothesis.B, complete_b_answers(), set())
    assert blockers == []


# --- Storage in a JSONField ----------------------------------------------------------------


def test_json_roundtrip_of_answers():
    answers = complete_a_answers()

    stored = {
        code: clean_for_storage(get_criterion(code), values) for code, values in answers.items()
    }
    reloaded = json.loads(json.dumps(stored))

    assert reloaded["A1"]["fte_count"] == "2"
    assert reloaded["A5"]["start_date"] == "2027-01-04"
    for code, values in answers.items():
        assert from_storage(get_criterion(code), reloaded[code]) == values
    assert precheck(Hypothesis.A, reloaded) == precheck(Hypothesis.A, answers)


def test_checks_accept_stored_answers_directly():
    result = check("A1", public_operator=True, fte_count="1.75", structural_deficit=False)
    assert result.blocking
    result = check(
        "A5",
        public_contract="next",
        operational_framework="Cadre.",
        start_date="2027-01-04",
        end_date="2026-01-04",
    )
    assert result.blocking


def test_blank_answers_are_not_stored():
    stored = clean_for_storage(
        get_criterion("B1"), {"team_plan": "adhoc", "team_size": None, "team_description": " "}
    )
    assert stored == {"team_plan": "adhoc"}


@pytest.mark.parametrize(
    ("code", "cleaned"),
    [
        ("A1", {"unknown": True}),
        ("A1", {"fte_count": "2"}),  # the form must hand over a Decimal
        ("A1", {"fte_count": Decimal("-1")}),
        ("A1", {"public_operator": "yes"}),
        ("A5", {"public_contract": "maybe"}),
        ("A5", {"start_date": "2027-01-04"}),
        ("B1", {"team_size": True}),
    ],
)
def test_clean_for_storage_refuses_what_a_form_should_have_caught(code, cleaned):
    with pytest.raises((KeyError, ValueError)):
        clean_for_storage(get_criterion(code), cleaned)


def test_reading_ignores_questions_and_choices_dropped_since_saving():
    stored = {"team_plan": "outsourced", "retired_question": 3, "team_size": 2}
    assert from_storage(get_criterion("B1"), stored) == {"team_size": 2}


def test_reading_refuses_corrupt_values():
    with pytest.raises(ValueError):
        from_storage(get_criterion("A1"), {"fte_count": "deux"})


# --- Signatures ----------------------------------------------------------------------------


def test_hypothesis_a_candidacy_is_signed_by_the_president_then_prescriber_and_operator():
    assert required_signatures(Hypothesis.A) == [
        (SignatureAct.CANDIDACY, SignerRole.PRESIDENT),
        (SignatureAct.COMMITMENT, SignerRole.PRESCRIBER),
        (SignatureAct.COMMITMENT, SignerRole.OPERATOR),
    ]


def test_hypothesis_b_candidacy_is_signed_by_the_president_alone():
    assert required_signatures("B") == [(SignatureAct.CANDIDACY, SignerRole.PRESIDENT)]


def test_participation_agreement_is_signed_by_the_director_general_after_selection():
    (agreement,) = [rule for rule in SIGNATURES if rule.act == SignatureAct.AGREEMENT]
    assert agreement.signers == (SignerRole.DIRECTOR_GENERAL,)
    assert set(agreement.hypotheses) == {Hypothesis.A, Hypothesis.B}
    assert not agreement.with_candidacy
