"""The guide's demo: last season's structures and accepted questions, « Édition 2025 » published
with about thirty rewritten and anonymised entries, its later changes, and « Édition 2026 » in
preparation with entries in every state — loaded once for the whole module, as the load takes a
while.

Every loader before the guide's runs (people, structures, site, framework, training, seasons and
candidacies, tutoring), then the guide's own, twice.
"""

import datetime
import io
import re

import pytest
from django.apps import apps
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.db.models import Count
from django.test import override_settings
from django.utils import timezone
from wagtail.models import Locale, Page

from modules.models import Season, SeasonRole, SwarmedMember, SwarmedStructure
from portal.models import Notification, User
from portal.registry import demo_loaders
from portal.roles import Role
from tutoring.enums import (
    EditionStatus,
    EntryEventKind,
    EntryKind,
    EntryStatus,
    FlagKind,
    FlagStatus,
    QuestionStatus,
)
from tutoring.guide import anonymisation, permissions, selectors, services
from tutoring.guide import demo as guide_demo
from tutoring.guide import demo_content as content
from tutoring.guide.models import GuideEdition, GuideEntry, GuidePage, OutdatedReport
from tutoring.models import Question

#: Where the guide's loader sits in load_demo, after tutoring's.
GUIDE_ORDER = 80
EXPERTS = {f"expert{number}@essaim.test" for number in range(1, 6)}


def load_until_guide() -> None:
    stdout = io.StringIO()
    for loader in demo_loaders():
        if loader.order < GUIDE_ORDER:
            loader.load(stdout)


def row_counts() -> dict[str, int]:
    models = [
        *apps.get_app_config("tutoring").get_models(),
        Notification,
        User,
        Season,
        SwarmedStructure,
        SwarmedMember,
        Page,
    ]
    return {model._meta.label: model.objects.count() for model in models}


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo loaded once, rolled back when the module's tests are done."""
    media = tmp_path_factory.mktemp("media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media), transaction.atomic():
        load_until_guide()
        first, second = io.StringIO(), io.StringIO()
        guide_demo.load(first)
        counts = row_counts()
        guide_demo.load(second)
        yield {"first": first.getvalue(), "second": second.getvalue(), "counts": counts}
        transaction.set_rollback(True)


@pytest.fixture
def last_season(demo, db):
    return Season.objects.get(slug=content.SEASON_SLUG)


@pytest.fixture
def current_season(demo, db):
    return Season.objects.get(slug=guide_demo.CURRENT_SEASON_SLUG)


@pytest.fixture
def last_edition(last_season):
    return GuideEdition.objects.get(season=last_season)


@pytest.fixture
def current_edition(current_season):
    return GuideEdition.objects.get(season=current_season)


def person(email: str) -> User:
    return User.objects.get(email=email)


def entry_titled(title: str) -> GuideEntry:
    return GuideEntry.objects.get(title=title)


def test_loading_the_demo_again_changes_nothing(demo, db):
    assert row_counts() == demo["counts"]
    assert demo["first"] == demo["second"]
    assert "Saison 2025 terminée, 4 structures, 8 personnes, 32 questions" in demo["first"]
    assert "Édition 2025 publiée le " in demo["first"]
    assert "Édition 2026 en préparation" in demo["first"]


def test_the_guide_page_is_in_the_menu_in_french_and_english(demo, db):
    french = GuidePage.objects.live().get(locale__language_code="fr")
    assert french.show_in_menus
    assert french.intro and french.body and french.access_text
    assert "tête de réseau" in french.foreword
    english = french.get_translation(Locale.objects.get(language_code="en"))
    assert english.live and english.title == "Swarming guide"
    assert english.foreword != french.foreword
    # The edition froze the French page's texts, as they stood.
    last = GuideEdition.objects.get(slug=guide_demo.EDITION_2025_SLUG)
    assert last.foreword_html == french.foreword and last.introduction_html == french.body
    assert french.url == guide_demo.GUIDE_URL


def test_the_guide_page_opens_on_the_published_edition(demo, db, client):
    public = client.get(guide_demo.GUIDE_URL)
    assert public.status_code == 200
    client.force_login(person(guide_demo.REFERENT_2025))
    network = client.get(guide_demo.GUIDE_URL)
    assert network.status_code == 200
    assert "Édition 2025" in network.content.decode()


def test_last_season_is_finished_with_its_own_structures_of_both_hypotheses(last_season):
    today = timezone.localdate()
    current = Season.objects.get(slug=guide_demo.CURRENT_SEASON_SLUG)
    assert last_season.name == "Saison 2025"
    assert last_season.training_start < last_season.training_end < last_season.exchange_day < today
    assert last_season.exchange_day < current.training_start
    swarmed = list(last_season.swarmed.select_related("structure", "candidacy"))
    assert len(swarmed) == 4
    assert {item.candidacy.hypothesis for item in swarmed} == {"A", "B"}
    assert not {item.structure_id for item in swarmed} & set(
        current.swarmed.values_list("structure_id", flat=True)
    )
    for item in swarmed:
        assert item.members.filter(role=SeasonRole.REFERENT).count() == 1, item
        assert item.joined_at.date() < last_season.training_start


def test_a_referent_of_last_season_is_a_demo_account_of_the_network(last_season, last_edition):
    referent = person(guide_demo.REFERENT_2025)
    member = SwarmedMember.objects.get(user=referent)
    assert member.role == SeasonRole.REFERENT
    assert member.swarmed_structure.season == last_season
    assert list(referent.groups.values_list("name", flat=True)) == [Role.REFERENT.value]
    assert permissions.is_network_member(referent)
    assert selectors.edition_items(last_edition, referent).count() == last_edition.items.count()


def test_last_seasons_questions_were_answered_by_the_experts_and_accepted(last_season):
    questions = Question.objects.filter(season=last_season).select_related("accepted_answer")
    assert 28 <= questions.count() <= 35
    assert set(questions.values_list("status", flat=True)) == {QuestionStatus.RESOLVED}
    start, end = last_season.training_start, last_season.training_end
    for question in questions:
        assert question.accepted_answer.author.email in EXPERTS, question
        assert start <= timezone.localdate(question.created_at) <= end, question
        assert question.events.filter(kind="accepted").exists(), question
    assert len(set(questions.values_list("sheets__number", flat=True))) == 13
    assert len(set(questions.values_list("accepted_answer__author", flat=True))) == 5


def test_last_edition_is_published_with_about_thirty_entries_over_most_sheets(
    last_season, last_edition, current_season
):
    assert last_edition.slug == guide_demo.EDITION_2025_SLUG
    assert last_edition.status == EditionStatus.PUBLISHED
    assert last_edition.published_by.email == content.ANSA
    published = timezone.localdate(last_edition.published_at)
    assert last_season.exchange_day < published < current_season.training_start
    items = list(last_edition.items.all())
    assert 28 <= len(items) <= 32
    assert len({item.chapter for item in items}) >= 11
    assert {item.kind for item in items} == set(EntryKind.values)
    assert [credit["name"] for credit in last_edition.acknowledgements]
    assert len(last_edition.chapters) == 13


def test_every_published_entry_is_a_rewritten_text_with_nothing_personal_left(last_edition):
    masked = kept = 0
    for item in last_edition.items.select_related("revision", "entry"):
        entry, revision = item.entry, item.revision
        assert not entry.flags.filter(status=FlagStatus.OPEN).exists(), entry
        kept_passages = {flag.text.lower() for flag in entry.flags.filter(status=FlagStatus.KEPT)}
        assert all(flag.reason for flag in entry.flags.filter(status=FlagStatus.KEPT))
        masked += entry.flags.filter(status=FlagStatus.MASKED).count()
        kept += len(kept_passages)
        # What the check would find in the published text is only what was kept on purpose.
        known = anonymisation.known_names(source_texts=services._source_texts(entry))
        found = anonymisation.find(f"{revision.title}\n\n{revision.body}", known)
        assert {finding.text.lower() for finding in found} <= kept_passages, entry
        # Rewritten, not the pre-filled questions and answers, and a real guide entry's length.
        assert revision.number > 1
        assert revision.body != entry.revisions.get(number=1).body
        assert 80 <= len(anonymisation.WORD.findall(revision.body)) <= 200, entry
        assert not re.search(r"\w [:;!?]", revision.body), entry  # French no-break spaces
    assert masked >= 6 and 3 <= kept <= 6


def test_the_anonymisation_check_finds_exactly_what_each_entry_says_it_resolves(last_season):
    for spec in content.ENTRIES:
        entry = GuideEntry.objects.get(season=last_season, title=spec["title"])
        declared = {passage.lower() for passage in {**spec.get("mask", {}), **spec.get("keep", {})}}
        assert {flag.text.lower() for flag in entry.flags.all()} == declared, spec["key"]


def test_entries_trace_back_to_their_questions_and_experts(last_edition):
    for item in last_edition.items.select_related("entry__season"):
        entry = item.entry
        sources = list(entry.source_questions.select_related("accepted_answer"))
        assert sources and all(question.season_id == entry.season_id for question in sources)
        assert set(entry.contributors.all()) == {q.accepted_answer.author for q in sources}
        assert entry.territory_kind and entry.hypothesis in {"A", "B"}
        kinds = set(entry.events.values_list("kind", flat=True))
        assert {
            EntryEventKind.PROMOTED,
            EntryEventKind.EDITED,
            EntryEventKind.SUBMITTED,
            EntryEventKind.APPROVED,
            EntryEventKind.PUBLISHED,
        } <= kinds, entry
    merged = GuideEntry.objects.annotate(count=Count("source_questions")).filter(count=2)
    assert merged.count() == 2


def test_the_head_of_network_approved_every_entry_and_opened_a_third_to_the_public(
    last_edition,
):
    head = person(content.HEAD)
    items = list(last_edition.items.select_related("entry"))
    assert all(item.entry.approved_by == head for item in items)
    public = [item for item in items if item.is_public]
    assert len(items) / 4 <= len(public) <= len(items) / 2
    assert selectors.edition_items(last_edition, AnonymousUser()).count() == len(public)
    assert all(
        item.entry.events.filter(kind=EntryEventKind.MADE_PUBLIC, actor=head).exists()
        for item in public
    )
    sent_back = GuideEntry.objects.filter(events__kind=EntryEventKind.SENT_BACK)
    assert sent_back.filter(season=last_edition.season).exists()


def test_the_story_happened_in_the_past_in_order(last_season, last_edition):
    now = timezone.now()
    for entry in GuideEntry.objects.filter(season=last_season):
        moments = list(entry.events.order_by("pk").values_list("at", flat=True))
        assert moments == sorted(moments), entry
        assert timezone.localdate(moments[0]) > last_season.training_end
        assert moments[-1] < now
        assert entry.created_at == moments[0]
    old = now - datetime.timedelta(days=7)
    assert not Notification.objects.filter(
        kind__startswith="guide.", created_at__lt=old, read_at__isnull=True
    ).exists()
    assert not Notification.objects.filter(
        recipient__season_memberships__swarmed_structure__season=last_season,
        read_at__isnull=True,
    ).exists()


def test_since_its_publication_the_guide_has_moved_on(last_edition, current_season):
    updated = entry_titled(guide_demo.UPDATED_TITLE)
    item = last_edition.items.get(entry=updated)
    assert updated.status == EntryStatus.APPROVED
    assert updated.approved_revision_id != item.revision_id  # the edition stays as it was
    assert content.UPDATED["replace"][1] in updated.approved_revision.body
    assert content.UPDATED["replace"][1] not in item.revision.body
    closed = OutdatedReport.objects.get(entry=updated)
    assert closed.closed_at and closed.response
    assert closed.reported_by.email == guide_demo.REFERENT_2025

    revised = entry_titled(guide_demo.REVISED_TITLE)
    assert revised.status == EntryStatus.IN_REVIEW
    assert revised.approved_revision_id == last_edition.items.get(entry=revised).revision_id

    retired = entry_titled(guide_demo.RETIRED_TITLE)
    assert retired.status == EntryStatus.RETIRED and retired.retired_reason

    reports = selectors.open_outdated_reports()
    assert [report.entry.title for report in reports] == [guide_demo.OUTDATED_TITLE]

    checked = GuideEntry.objects.filter(checked_season=current_season)
    assert checked.count() == len(content.CHECKED)
    assert selectors.last_season() == current_season  # not next season, not started yet
    due = selectors.review_due(selectors.last_season())
    assert due.exists() and not due.filter(pk__in=checked).exists()


def test_the_current_edition_is_in_preparation_with_entries_in_every_state(
    current_season, current_edition
):
    assert current_edition.slug == guide_demo.EDITION_2026_SLUG
    assert current_edition.status == EditionStatus.DRAFT
    entries = GuideEntry.objects.filter(season=current_season)
    assert set(entries.values_list("status", flat=True)) == {
        EntryStatus.DRAFT,
        EntryStatus.IN_REVIEW,
        EntryStatus.APPROVED,
    }

    draft = entry_titled(guide_demo.DRAFT_WITH_FLAGS_TITLE)
    assert draft.status == EntryStatus.DRAFT
    assert set(draft.flags.filter(status=FlagStatus.OPEN).values_list("kind", flat=True)) == {
        FlagKind.PERSON,
        FlagKind.PHONE,
        FlagKind.PLACE,
    }
    review = entry_titled(guide_demo.IN_REVIEW_TITLE)
    assert review.status == EntryStatus.IN_REVIEW
    assert not review.flags.filter(status=FlagStatus.OPEN).exists()
    assert review.comments.filter(author__email=content.HEAD).exists()
    approved = entry_titled(guide_demo.APPROVED_TITLE)
    assert approved.status == EntryStatus.APPROVED and approved.is_public
    assert approved.approved_by.email == content.HEAD
    sent_back = entry_titled(guide_demo.SENT_BACK_TITLE)
    assert sent_back.status == EntryStatus.DRAFT
    assert sent_back.events.filter(kind=EntryEventKind.SENT_BACK).exists()
    promoted = entry_titled(guide_demo.PROMOTED_TITLE)
    assert promoted.revisions.count() == 1 and promoted.flags.filter(status=FlagStatus.OPEN)

    assert selectors.current_edition().slug == guide_demo.EDITION_2025_SLUG
    assert services.publish_blockers(current_edition) == []


def test_a_question_of_this_season_is_left_for_an_expert_to_promote(current_season):
    question = Question.objects.get(
        season=current_season, title=guide_demo.PROMOTABLE_QUESTION_TITLE
    )
    assert question.status == QuestionStatus.RESOLVED
    assert not question.guide_entries.exists()
    assert permissions.can_promote(person("expert5@essaim.test"), question)


def test_ansa_and_the_head_of_network_can_finish_and_publish_the_current_edition(
    current_edition, last_edition
):
    """What the browser journey does, through the services."""
    ansa, head = person(content.ANSA), person(content.HEAD)
    draft = entry_titled(guide_demo.DRAFT_WITH_FLAGS_TITLE)
    for flag in draft.flags.filter(status=FlagStatus.OPEN).select_related("entry"):
        services.flag_resolve(actor=ansa, flag=flag, mask=True)
    services.entry_transition(
        actor=ansa, entry=GuideEntry.objects.get(pk=draft.pk), action="submit"
    )
    for title in (guide_demo.DRAFT_WITH_FLAGS_TITLE, guide_demo.IN_REVIEW_TITLE):
        services.entry_transition(actor=head, entry=entry_titled(title), action="approve")
    edition = GuideEdition.objects.get(pk=current_edition.pk)
    services.edition_publish(actor=ansa, edition=edition, version=edition.version)

    diff = selectors.edition_diff(last_edition, edition, ansa)
    added = {item.revision.title for item in diff.added}
    assert {guide_demo.APPROVED_TITLE, guide_demo.IN_REVIEW_TITLE} <= added
    assert [change["new"].entry.title for change in diff.changed] == [guide_demo.UPDATED_TITLE]
    assert [item.entry.title for item in diff.removed] == [guide_demo.RETIRED_TITLE]
    referent = person(guide_demo.REFERENT_2025)
    assert selectors.edition_items(edition, referent).count() == edition.items.count()
    assert selectors.current_edition() == edition
