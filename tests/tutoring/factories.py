"""Factories of tutoring.

`ExpertProfileFactory(levels={sheet: 3})` an expert with their expertise; `NeedsProfileFactory(
swarmed_structure=…, priorities={sheet: 2})`; `PairingFactory(swarmed_structure=…, expert=…)` a
running pairing with its guardian grants (`(ended=True)` one that ended);
`QuestionFactory(swarmed_structure=…, sheets=[…])` an open question of the structure's referent,
`(answered=True)` with an answer by the paired expert; `AnswerFactory(question=…)`;
`TicketFactory(swarmed_structure=…)`; `LogEntryFactory(pairing=…)`.
"""

import datetime

import factory
from django.utils import timezone

from modules.models import SeasonRole
from tests.modules.factories import SwarmedMemberFactory, SwarmedStructureFactory
from tests.portal.factories import UserFactory
from tutoring.enums import Channel, PairingStatus, QuestionStatus, Scope, TicketStatus
from tutoring.models import (
    Answer,
    ExpertProfile,
    ExpertSheetLevel,
    LogEntry,
    NeedSheetPriority,
    NeedsProfile,
    Pairing,
    Question,
    Ticket,
    TicketMessage,
)
from tutoring.pairing.lifecycle import grant_pair_space
from tutoring.qa.search import normalise


def referent_of(swarmed):
    """The structure's referent, created when it has none."""
    member = swarmed.members.filter(role=SeasonRole.REFERENT).select_related("user").first()
    if member is None:
        member = SwarmedMemberFactory(swarmed_structure=swarmed, referent=True)
    return member.user


class ExpertProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExpertProfile
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory, expert=True)
    bio = "Chargée de relation entreprises à Pau depuis dix ans."
    capacity = 3

    @factory.post_generation
    def levels(profile, create, extracted, **kwargs):
        """`levels={sheet: level}`."""
        for sheet, level in (extracted or {}).items():
            ExpertSheetLevel.objects.create(profile=profile, sheet=sheet, level=level)


class NeedsProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NeedsProfile
        skip_postgeneration_save = True

    swarmed_structure = factory.SubFactory(SwarmedStructureFactory)
    problems = "Nos chargés de relation entreprises manquent de méthode pour relancer."

    @factory.post_generation
    def priorities(profile, create, extracted, **kwargs):
        """`priorities={sheet: priority}`."""
        for sheet, priority in (extracted or {}).items():
            NeedSheetPriority.objects.create(profile=profile, sheet=sheet, priority=priority)


class PairingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pairing
        skip_postgeneration_save = True

    class Params:
        ended = factory.Trait(
            status=PairingStatus.ENDED,
            ended_on=factory.LazyFunction(timezone.localdate),
            end_reason="L'experte a quitté A.CO.R.",
        )

    swarmed_structure = factory.SubFactory(SwarmedStructureFactory)
    expert = factory.SubFactory(UserFactory, expert=True)
    started_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=60))

    @factory.post_generation
    def grants(pairing, create, extracted, **kwargs):
        if create and pairing.status == PairingStatus.ACTIVE:
            referent_of(pairing.swarmed_structure)
            grant_pair_space(pairing)


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question
        skip_postgeneration_save = True

    class Params:
        answered = factory.Trait(status=QuestionStatus.ANSWERED, escalates_at=None)

    swarmed_structure = factory.SubFactory(SwarmedStructureFactory)
    season = factory.SelfAttribute("swarmed_structure.season")
    asked_by = factory.LazyAttribute(lambda o: referent_of(o.swarmed_structure))
    pairing = factory.LazyAttribute(
        lambda o: o.swarmed_structure.pairings.filter(status=PairingStatus.ACTIVE).first()
    )
    title = factory.Sequence(lambda n: f"Comment relancer un employeur silencieux ? ({n + 1})")
    body = "Un employeur ne répond plus depuis **trois semaines**."
    body_html = "<p>Un employeur ne répond plus depuis <strong>trois semaines</strong>.</p>"
    search_text = factory.LazyAttribute(lambda o: normalise(f"{o.title} {o.body}"))
    scope = Scope.PAIR
    escalates_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=3))

    @factory.post_generation
    def sheets(question, create, extracted, **kwargs):
        """`sheets=[sheet, …]` (at least one in real life)."""
        if create and extracted:
            question.sheets.add(*extracted)

    @factory.post_generation
    def answer(question, create, extracted, **kwargs):
        if create and question.status == QuestionStatus.ANSWERED and not question.answers.exists():
            AnswerFactory(question=question)


class AnswerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Answer

    question = factory.SubFactory(QuestionFactory)
    author = factory.LazyAttribute(
        lambda o: o.question.pairing.expert if o.question.pairing else UserFactory(expert=True)
    )
    body = "Appelez-le un mardi matin et proposez une visite."
    body_html = "<p>Appelez-le un mardi matin et proposez une visite.</p>"


class TicketFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Ticket
        skip_postgeneration_save = True

    swarmed_structure = factory.SubFactory(SwarmedStructureFactory)
    season = factory.SelfAttribute("swarmed_structure.season")
    opened_by = factory.LazyAttribute(lambda o: referent_of(o.swarmed_structure))
    subject = factory.Sequence(lambda n: f"Accès aux outils du module ({n + 1})")
    status = TicketStatus.OPEN

    @factory.post_generation
    def message(ticket, create, extracted, **kwargs):
        if create:
            TicketMessage.objects.create(
                ticket=ticket,
                author=ticket.opened_by,
                body=extracted or "Je n'arrive pas à ouvrir la grille d'entretien.",
                body_html="<p>Je n'arrive pas à ouvrir la grille d'entretien.</p>",
            )


class LogEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LogEntry

    pairing = factory.SubFactory(PairingFactory)
    happened_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=2))
    duration_minutes = 45
    channel = Channel.PHONE
    notes = "Point sur la prospection du mois."
    notes_html = "<p>Point sur la prospection du mois.</p>"
    recorded_by = factory.SelfAttribute("pairing.expert")
