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
    Assignment,
    Attendance,
    AttendanceStatus,
    ModuleLead,
    ModulePage,
    PlaceKind,
    SeasonRole,
    SessionStatus,
    Submission,
    SubmissionStatus,
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


# --- Modules and intersession work (added with the assignments' pages) ------------------------


class ModulePageFactory(factory.django.DjangoModelFactory):
    """A module page, published under the tree's root unless `parent=` is given."""

    class Meta:
        model = ModulePage

    title = factory.Sequence(lambda n: f"Module de formation {n + 1}")
    slug = factory.Sequence(lambda n: f"module-{n + 1}")
    number = factory.Sequence(lambda n: n % 5 + 1)
    summary = "La démarche « aller vers » les entreprises du territoire."
    objectives = "<p>Construire un plan de prospection.</p>"
    live = True

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        from wagtail.models import Page

        page = model_class(*args, **kwargs)
        (parent or Page.get_first_root_node()).add_child(instance=page)
        return page


class ModuleLeadFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ModuleLead

    season = factory.SubFactory(TrainingSeasonFactory)
    module = factory.SubFactory(ModulePageFactory)
    expert = factory.SubFactory(UserFactory, expert=True)


class AssignmentFactory(factory.django.DjangoModelFactory):
    """A module's intersession work, due in ten days (Paris time, at 18:00)."""

    class Meta:
        model = Assignment

    season = factory.SubFactory(TrainingSeasonFactory)
    module = factory.SubFactory(ModulePageFactory)
    title = factory.Sequence(lambda n: f"Cartographier les employeurs du bassin ({n + 1})")
    instructions = "Listez **dix employeurs** que vous n'avez jamais rencontrés."
    instructions_html = (
        "<p>Listez <strong>dix employeurs</strong> que vous n'avez jamais rencontrés.</p>"
    )
    due_at = factory.LazyFunction(
        lambda: (
            timezone.localtime().replace(hour=18, minute=0, second=0, microsecond=0)
            + datetime.timedelta(days=10)
        )
    )


class SubmissionFactory(factory.django.DjangoModelFactory):
    """A structure's deliverable; `(submitted=True)`, `(validated=True)`."""

    class Meta:
        model = Submission

    class Params:
        submitted = factory.Trait(
            status=SubmissionStatus.SUBMITTED, submitted_at=factory.LazyFunction(timezone.now)
        )
        validated = factory.Trait(
            status=SubmissionStatus.VALIDATED, submitted_at=factory.LazyFunction(timezone.now)
        )

    assignment = factory.SubFactory(AssignmentFactory)
    swarmed_structure = factory.SubFactory(
        SwarmedStructureFactory, season=factory.SelfAttribute("..assignment.season")
    )
    text = "Nous avons rencontré **trois** employeurs."
    text_html = "<p>Nous avons rencontré <strong>trois</strong> employeurs.</p>"
