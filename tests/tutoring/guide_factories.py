"""Factories of the guide d'essaimage.

`GuidePageFactory(parent=home)` the guide's Wagtail page; `GuideEntryFactory(sheets=[…])` a draft
entry (no source question), `(approved=True)` approved by a head of network, `(public=True)` also
opened to the public; `GuideEditionFactory(season=…)` a draft edition; `published_edition(
season=…, entries=[…])` approves what is given and publishes an edition through the services, as
Ansa would; `accepted_question(…)` an answered question whose answer is accepted.
"""

import factory

from portal.models import User
from tests.cms_pages.factories import PageFactory
from tests.curriculum.factories import ActionSheetPageFactory
from tests.modules.factories import TrainingSeasonFactory
from tests.portal.factories import UserFactory
from tests.tutoring.factories import QuestionFactory
from tutoring.enums import EditionStatus, EntryKind, EntryStatus, QuestionStatus
from tutoring.guide import services
from tutoring.guide.models import GuideEdition, GuideEntry, GuidePage
from tutoring.qa.search import normalise


class GuidePageFactory(PageFactory):
    class Meta:
        model = GuidePage

    title = "Guide d'essaimage"
    slug = "guide-essaimage"
    intro = "Ce que les structures essaimées ont appris, saison après saison."
    body = "<p>Introduction du guide.</p>"
    foreword = "<p>Avant-propos de la tête de réseau.</p>"


def head_of_network() -> User:
    return User.objects.filter(groups__name="head_of_network").first() or UserFactory(
        head_of_network=True
    )


def ansa() -> User:
    return User.objects.filter(groups__name="ansa").first() or UserFactory(ansa=True)


def _approve(entry: GuideEntry) -> None:
    if entry.status == EntryStatus.DRAFT:
        services.entry_transition(actor=entry.owner, entry=entry, action="submit")
        services.entry_transition(actor=head_of_network(), entry=entry, action="approve")
        entry.refresh_from_db()


class GuideEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GuideEntry
        skip_postgeneration_save = True

    kind = EntryKind.GOOD_PRACTICE
    title = factory.Sequence(lambda n: f"Préparer la première visite d'entreprise ({n + 1})")
    body = "Arrivez avec **une seule** question sur les besoins de recrutement."
    body_html = factory.LazyAttribute(
        lambda o: (
            "<p>Arrivez avec <strong>une seule</strong> question sur les besoins de "
            "recrutement.</p>"
            if o.body == GuideEntryFactory.body
            else f"<p>{o.body}</p>"
        )
    )
    owner = factory.SubFactory(UserFactory, expert=True)
    created_by = factory.SelfAttribute("owner")

    @factory.post_generation
    def sheets(entry, create, extracted, **kwargs):
        """`sheets=[sheet, …]`; one new sheet when none is given."""
        if not create:
            return
        entry.sheets.set(extracted or [ActionSheetPageFactory()])
        services._save_revision(entry, actor=entry.owner)

    @factory.post_generation
    def approved(entry, create, extracted, **kwargs):
        """`approved=True`: submitted by its owner and approved by a head of network."""
        if create and extracted:
            _approve(entry)

    @factory.post_generation
    def public(entry, create, extracted, **kwargs):
        """`public=True`: approved and opened to the public by the head of network."""
        if create and extracted:
            _approve(entry)
            services.entry_set_public(actor=head_of_network(), entry=entry, public=True)
            entry.refresh_from_db()


class GuideEditionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GuideEdition

    season = factory.SubFactory(TrainingSeasonFactory)
    name = factory.Sequence(lambda n: f"Édition {2020 + n}")
    slug = factory.Sequence(lambda n: f"edition-{2020 + n}")
    status = EditionStatus.DRAFT


def published_edition(*, season=None, entries=(), actor=None) -> GuideEdition:
    """Publish an edition of the given (approved) entries as Ansa; its PDF is not built here."""
    actor = actor or ansa()
    edition = GuideEditionFactory(**({"season": season} if season else {}))
    for entry in entries:
        entry.refresh_from_db()
        assert entry.approved_revision_id, "publish only approved entries"
    return services.edition_publish(actor=actor, edition=edition, version=edition.version)


def accepted_question(**kwargs):
    """An answered question (by the paired expert or a new one) whose answer is accepted."""
    kwargs.setdefault("answered", True)
    question = QuestionFactory(**kwargs)
    answer = question.answers.first()
    question.accepted_answer = answer
    question.status = QuestionStatus.RESOLVED
    question.search_text = normalise(f"{question.title} {question.body}")
    question.save()
    return question


__all__ = [
    "GuideEditionFactory",
    "GuideEntryFactory",
    "GuidePageFactory",
    "accepted_question",
    "ansa",
    "head_of_network",
    "published_edition",
]
