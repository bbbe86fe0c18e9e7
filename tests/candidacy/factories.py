"""Factories of seasons and candidacies.

`SeasonFactory()` has its call open now; `SeasonFactory(closed=True)` or `(upcoming=True)`.
`CandidacyFactory()` is a draft of hypothesis A; `CandidacyFactory(submitted=True)`,
`(under_review=True)`, `(shortlisted=True)`, `(hypothesis_b=True)`, `(complete=True)` for
answers that satisfy every criterion, `(with_applicant=True)` for a member of the structure.
"""

import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from candidacy.criteria import ContractRoute, Hypothesis, TeamPlan, clean_for_storage, criteria_for
from candidacy.models import Candidacy, CandidacyState, Review, Transition
from modules.models import Season
from tests.portal.factories import UserFactory
from tests.portal.structure_factories import MembershipFactory, StructureFactory

COMPLETE_ANSWERS = {
    Hypothesis.A: {
        "A1": {"public_operator": True, "fte_count": Decimal("4.5"), "structural_deficit": False},
        "A2": {
            "roadmap_employment": True,
            "public_unemployed": True,
            "spe_relations": "Ateliers communs avec l'agence France Travail du bassin.",
        },
        "A3": {"company_strategy": "Deux salariés rencontrent des employeurs chaque semaine."},
        "A4": {"method_fit": "Notre plan d'action vise l'emploi durable.", "board_support": True},
        "A5": {
            "public_contract": ContractRoute.CURRENT,
            "operational_framework": "Le département oriente quarante personnes par an.",
            "start_date": datetime.date(2027, 1, 4),
            "end_date": datetime.date(2027, 12, 17),
        },
    },
    Hypothesis.B: {
        "B1": {"team_plan": TeamPlan.ADHOC, "team_size": 4},
        "B2": {"company_strategy": "Un agent par secteur suit les employeurs du territoire."},
        "B3": {"strategy_fit": "La méthode prolonge notre pacte local.", "teams_committed": True},
    },
}


def stored_answers(hypothesis: str, answers: dict | None = None) -> dict:
    """Answers in their JSON form, as `Candidacy.answers` holds them."""
    answers = COMPLETE_ANSWERS[Hypothesis(hypothesis)] if answers is None else answers
    by_code = {criterion.code: criterion for criterion in criteria_for(hypothesis)}
    return {code: clean_for_storage(by_code[code], values) for code, values in answers.items()}


def _in_days(days: int) -> factory.LazyFunction:
    return factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=days))


class SeasonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Season
        django_get_or_create = ("slug",)

    class Params:
        closed = factory.Trait(call_opens_at=_in_days(-60), call_closes_at=_in_days(-1))
        upcoming = factory.Trait(call_opens_at=_in_days(10), call_closes_at=_in_days(70))

    name = factory.Sequence(lambda n: f"Saison {2027 + n}")
    slug = factory.Sequence(lambda n: f"saison-{2027 + n}")
    call_opens_at = _in_days(-10)
    call_closes_at = _in_days(50)


class CandidacyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Candidacy
        skip_postgeneration_save = True

    class Params:
        hypothesis_b = factory.Trait(hypothesis=Hypothesis.B, prescriber_name="")
        complete = factory.Trait(
            answers=factory.LazyAttribute(lambda o: stored_answers(o.hypothesis))
        )
        submitted = factory.Trait(
            state=CandidacyState.SUBMITTED,
            submitted_at=factory.LazyFunction(timezone.now),
            answers=factory.LazyAttribute(lambda o: stored_answers(o.hypothesis)),
        )
        under_review = factory.Trait(
            state=CandidacyState.UNDER_REVIEW,
            submitted_at=factory.LazyFunction(timezone.now),
            answers=factory.LazyAttribute(lambda o: stored_answers(o.hypothesis)),
        )
        shortlisted = factory.Trait(
            state=CandidacyState.SHORTLISTED,
            submitted_at=factory.LazyFunction(timezone.now),
            answers=factory.LazyAttribute(lambda o: stored_answers(o.hypothesis)),
        )

    season = factory.SubFactory(SeasonFactory, slug="saison-essai", name="Saison d'essai")
    structure = factory.SubFactory(StructureFactory)
    hypothesis = Hypothesis.A
    prescriber_name = "Département des Pyrénées-Atlantiques"
    departement = "64"
    territory = "Communauté de communes de Lacq-Orthez"
    answers = factory.LazyFunction(dict)

    @factory.post_generation
    def with_applicant(candidacy, create, extracted, **kwargs):
        """`with_applicant=True` adds a member; the person is then `candidacy.applicant`."""
        if extracted:
            candidacy.applicant = MembershipFactory(structure=candidacy.structure, admin=True).user


class TransitionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Transition

    candidacy = factory.SubFactory(CandidacyFactory, submitted=True)
    from_state = CandidacyState.DRAFT
    to_state = CandidacyState.SUBMITTED
    actor = factory.SubFactory(UserFactory)


class ReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Review

    candidacy = factory.SubFactory(CandidacyFactory, under_review=True)
    reviewer = factory.SubFactory(UserFactory, ansa=True)
    scores = factory.LazyFunction(lambda: {"A1": {"score": 3, "comment": "Solide."}})
    recommendation = "select"
    comment = "Un dossier sérieux, à retenir."
