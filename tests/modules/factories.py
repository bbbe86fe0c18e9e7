"""Factories of the training-action: seasons in training, swarmed structures and their people,
sessions and attendance.

`TrainingSeasonFactory()` is a season whose training runs now; `SwarmedStructureFactory(season=…)`
a selected structure (with its candidacy); `SwarmedMemberFactory(swarmed_structure=…)` a
participant, `(referent=True)` its referent; `TrainingSessionFactory(season=…)` a session that
starts in a week, `(held=True)` one that ended yesterday, `(cancelled=True)`;
`AttendanceFactory(session=…, member=…)`.
"""

import datetime

import factory
from django.utils import timezone

from candidacy.models import CandidacyState
from modules.models import (
    Attendance,
    AttendanceStatus,
    PlaceKind,
    SeasonRole,
    SessionStatus,
    SwarmedMember,
    SwarmedStructure,
    TrainingSession,
)
from tests.candidacy.factories import CandidacyFactory, SeasonFactory
from tests.portal.factories import UserFactory
from tests.portal.structure_factories import StructureFactory


def _days_ago(days: float) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=days)


class TrainingSeasonFactory(SeasonFactory):
    """A season selected months ago whose five-month training is under way."""

    call_opens_at = factory.LazyFunction(lambda: _days_ago(200))
    call_closes_at = factory.LazyFunction(lambda: _days_ago(140))
    selection_date = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(120))
    training_start = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(95))
    training_end = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(60))


class SwarmedStructureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SwarmedStructure

    season = factory.SubFactory(TrainingSeasonFactory)
    structure = factory.SubFactory(StructureFactory)
    candidacy = factory.SubFactory(
        CandidacyFactory,
        season=factory.SelfAttribute("..season"),
        structure=factory.SelfAttribute("..structure"),
        state=CandidacyState.SELECTED,
    )
    joined_at = factory.LazyFunction(lambda: _days_ago(100))


class SwarmedMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SwarmedMember

    class Params:
        referent = factory.Trait(role=SeasonRole.REFERENT)

    swarmed_structure = factory.SubFactory(SwarmedStructureFactory)
    user = factory.SubFactory(UserFactory)
    role = SeasonRole.PARTICIPANT
    joined_at = factory.LazyFunction(lambda: _days_ago(100))


class TrainingSessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TrainingSession
        skip_postgeneration_save = True

    class Params:
        held = factory.Trait(
            starts_at=factory.LazyFunction(lambda: _days_ago(1) - datetime.timedelta(hours=6)),
            ends_at=factory.LazyFunction(lambda: _days_ago(1)),
        )
        cancelled = factory.Trait(
            status=SessionStatus.CANCELLED, cancel_reason="Grève des transports."
        )

    season = factory.SubFactory(TrainingSeasonFactory)
    title = factory.Sequence(lambda n: f"Séance collective n° {n + 1}")
    starts_at = factory.LazyFunction(lambda: _days_ago(-7))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=6))
    place_kind = PlaceKind.PAU
    address = "Cité multimédia, 2 place de la République, 64000 Pau"

    @factory.post_generation
    def experts(session, create, extracted, **kwargs):
        """`experts=[user, …]`: the experts leading the session."""
        if create and extracted:
            session.experts.add(*extracted)


class AttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendance

    session = factory.SubFactory(TrainingSessionFactory, held=True)
    member = factory.SubFactory(SwarmedMemberFactory)
    status = AttendanceStatus.PRESENT
