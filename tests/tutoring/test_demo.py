"""The tutoring demo: experts with profiles, the season's pairs and about forty questions in every
state, the hotline — loaded once for the whole module, as the load takes a while.

Only the loaders tutoring needs run (people, structures, site, framework, modules' pages, seasons
and candidacies, the training), then tutoring's own, twice.
"""

import datetime
import io

import pytest
from django.apps import apps
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from modules.models import Season
from portal.enums import DeliveryMode
from portal.models import AuditLogEntry, Notification, User
from portal.registry import demo_loaders
from tutoring import demo as tutoring_demo
from tutoring import sla
from tutoring.demo_content import UNPAIRED
from tutoring.enums import (
    ChangeRequestStatus,
    EscalationLevel,
    PairingStatus,
    QuestionEventKind,
    QuestionStatus,
    Scope,
    TicketStatus,
)
from tutoring.models import (
    ExpertProfile,
    LogEntry,
    NeedsProfile,
    Pairing,
    PairingChangeRequest,
    PairingConflict,
    PostRevision,
    Question,
    ScopeProposal,
    Ticket,
)
from tutoring.permissions import can_see_pair_space

#: Where tutoring's loader sits in load_demo, after the training-action's.
TUTORING_ORDER = 70


def load_until_tutoring() -> None:
    stdout = io.StringIO()
    for loader in demo_loaders():
        if loader.order < TUTORING_ORDER:
            loader.load(stdout)


def row_counts() -> dict[str, int]:
    models = [*apps.get_app_config("tutoring").get_models(), Notification]
    return {model._meta.label: model.objects.count() for model in models}


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo loaded once, rolled back when the module's tests are done."""
    media = tmp_path_factory.mktemp("media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media), transaction.atomic():
        load_until_tutoring()
        first, second = io.StringIO(), io.StringIO()
        tutoring_demo.load(first)
        counts = row_counts()
        tutoring_demo.load(second)
        yield {
            "first": first.getvalue(),
            "second": second.getvalue(),
            "counts": counts,
            "season": Season.objects.get(slug="saison-2026"),
        }
        transaction.set_rollback(True)


@pytest.fixture
def season(demo, db):
    return demo["season"]


def test_loading_the_demo_again_changes_nothing(demo, db):
    assert demo["counts"]["tutoring.Question"] >= 35
    assert row_counts() == demo["counts"]
    assert demo["first"] == demo["second"]
    assert "tutorat\u00a0: 5 profils d'expert·es, 4 binômes en cours" in demo["first"]


def test_every_expert_has_a_profile_with_strengths_on_some_sheets(season):
    experts = User.objects.filter(groups__name="expert")
    assert experts.count() == 5
    assert set(ExpertProfile.objects.values_list("user__email", flat=True)) == {
        f"expert{number}@essaim.test" for number in range(1, 6)
    }
    available = 0
    for profile in ExpertProfile.objects.prefetch_related("levels", "availabilities"):
        assert 2 <= profile.capacity <= 3
        assert profile.bio
        levels = [level.level for level in profile.levels.all()]
        assert 3 <= len(levels) <= 13 and levels.count(3) >= 1, profile
        for period in profile.availabilities.all():
            assert period.starts_on <= season.training_start
            assert period.ends_on >= season.training_end
        available += bool(profile.availabilities.all())
    assert 0 < available < 5


def test_every_structure_of_the_season_has_its_needs_in_its_own_words(season):
    for swarmed in season.swarmed.select_related("needs_profile", "candidacy"):
        profile = swarmed.needs_profile
        assert profile.problems.startswith(swarmed.candidacy.needs.strip())
        assert len(profile.problems) > len(swarmed.candidacy.needs) + 100
        assert profile.priorities.filter(priority=3).exists()
    assert PairingConflict.objects.get().reason


def test_two_structures_are_left_for_ansa_to_pair(season):
    paired = Pairing.objects.filter(status=PairingStatus.ACTIVE).values_list(
        "swarmed_structure__structure__name", flat=True
    )
    names = set(season.swarmed.values_list("structure__name", flat=True))
    assert len(names) == 6
    assert set(UNPAIRED) <= names
    assert names - set(paired) == set(UNPAIRED)
    conflict = PairingConflict.objects.get()
    assert conflict.structure.name in UNPAIRED
    tremplin = Pairing.objects.get(
        status=PairingStatus.ACTIVE, swarmed_structure__structure__name="Association Tremplin Béarn"
    )
    assert tremplin.expert.email == "expert1@essaim.test"


def test_each_pair_shows_why_it_was_formed(season):
    for pairing in Pairing.objects.all():
        assert pairing.reasons, pairing
        assert sum(reason["points"] for reason in pairing.reasons) == pairing.score
        assert [reason["points"] for reason in pairing.reasons] == sorted(
            (reason["points"] for reason in pairing.reasons), reverse=True
        )
        assert {"sheet", "sheet_id", "title", "need", "level", "points"} <= set(pairing.reasons[0])


def test_every_running_pairing_opens_its_space_to_its_expert_only_while_it_runs(season):
    pairings = list(Pairing.objects.select_related("expert"))
    assert len([p for p in pairings if p.status == PairingStatus.ACTIVE]) == 4
    for pairing in pairings:
        expert = User.objects.get(pk=pairing.expert_id)
        assert can_see_pair_space(expert, pairing) == pairing.is_active, pairing


def test_an_ended_pairing_keeps_its_reason_and_the_structure_has_a_new_expert(season):
    ended = Pairing.objects.get(status=PairingStatus.ENDED)
    assert ended.end_reason and ended.ended_on
    successor = Pairing.objects.get(
        swarmed_structure=ended.swarmed_structure, status=PairingStatus.ACTIVE
    )
    assert successor.expert != ended.expert
    assert ended.started_on < ended.ended_on <= successor.started_on
    assert ended.log_entries.exists()
    assert ended.questions.exists()


def test_pairs_log_their_exchanges_and_their_last_contact_follows(season):
    now = timezone.now()
    for pairing in Pairing.objects.all():
        entries = list(pairing.log_entries.prefetch_related("sheets"))
        assert 2 <= len(entries) <= 4, pairing
        assert all(entry.sheets.all() and entry.notes_html for entry in entries)
        assert pairing.last_contact_at is not None
        assert pairing.last_contact_at <= now
        assert timezone.localdate(pairing.last_contact_at) >= max(e.happened_on for e in entries)
    request = PairingChangeRequest.objects.get()
    assert request.status == ChangeRequestStatus.OPEN and request.pairing.is_active


def test_questions_in_every_state_across_the_sheets(season):
    questions = Question.objects.filter(season=season)
    assert questions.count() >= 35
    assert set(questions.values_list("status", flat=True)) == set(QuestionStatus.values)
    resolved = questions.filter(status=QuestionStatus.RESOLVED)
    assert resolved.count() >= 15
    assert all(q.accepted_answer and q.accepted_answer.question_id == q.pk for q in resolved)
    assert set(questions.values_list("sheets__number", flat=True)) == set(range(1, 14))
    assert set(questions.values_list("swarmed_structure__structure__name", flat=True)) == set(
        season.swarmed.values_list("structure__name", flat=True)
    )
    scopes = list(questions.values_list("scope", flat=True))
    assert set(scopes) == set(Scope.values)
    assert scopes.count(Scope.PAIR) < scopes.count(Scope.COHORT) + scopes.count(Scope.PROGRAMME)
    assert questions.filter(module__isnull=False).count() >= 2
    assert questions.filter(session__isnull=False).exists()


def test_every_question_names_at_least_one_sheet(season):
    assert not Question.objects.filter(season=season, sheets__isnull=True).exists()


def test_open_questions_wait_at_every_level_with_deadlines_the_timing_rule_gives(season):
    now = timezone.now()
    levels = season.tutoring_settings
    assert (levels.expert_days, levels.experts_days, levels.accept_reminder_days) == (3, 2, 5)
    open_questions = Question.objects.filter(season=season, status=QuestionStatus.OPEN)
    assert set(open_questions.values_list("escalation", flat=True)) == set(EscalationLevel.values)
    for question in open_questions:
        if question.escalation == EscalationLevel.ANSA:
            assert question.escalates_at is None
        else:
            assert question.escalates_at > now, question
    escalated = open_questions.exclude(escalation=EscalationLevel.PAIRED)
    assert escalated.filter(events__kind=QuestionEventKind.ESCALATED_EXPERTS).exists()
    assert escalated.filter(events__kind=QuestionEventKind.ESCALATED_ANSA).exists()
    paired = open_questions.get(
        escalation=EscalationLevel.PAIRED, swarmed_structure__structure__name__contains="Tremplin"
    )
    assert paired.escalates_at == sla.add_working_days(paired.created_at, levels.expert_days)


def test_escalated_questions_were_answered_by_other_experts(season):
    escalated = Question.objects.filter(
        season=season, events__kind=QuestionEventKind.ESCALATED_EXPERTS, answers__isnull=False
    ).distinct()
    assert escalated.exists()
    for question in escalated:
        escalation = question.events.get(kind=QuestionEventKind.ESCALATED_EXPERTS).at
        first = question.answers.order_by("created_at").first()
        assert first.created_at > escalation
        if question.pairing:
            assert first.author_id != question.pairing.expert_id


def test_answers_come_hours_to_days_after_the_question_and_nothing_is_in_the_future(season):
    now = timezone.now()
    questions = Question.objects.filter(season=season).prefetch_related("answers", "events")
    oldest = min(q.created_at for q in questions)
    assert now - oldest > datetime.timedelta(days=60)
    for question in questions:
        assert question.created_at < now
        for answer in question.answers.all():
            assert question.created_at < answer.created_at < now
        moments = [event.at for event in question.events.all()]
        assert moments == sorted(moments) and moments[-1] < now, question
        assert question.events.all()[0].kind == QuestionEventKind.ASKED


def test_accept_reminders_go_only_to_answers_waiting_for_days(season):
    waiting = Question.objects.filter(season=season, status=QuestionStatus.ANSWERED)
    reminded = waiting.filter(events__kind=QuestionEventKind.ACCEPT_REMINDER)
    assert reminded.count() == 1
    assert reminded.get().remind_accept_at is None
    assert waiting.exclude(pk=reminded.get().pk).filter(
        remind_accept_at__gt=timezone.now()
    ).count() == (waiting.count() - 1)


def test_moderation_edits_duplicates_and_widening_are_in_the_story(season):
    questions = Question.objects.filter(season=season)
    hidden = questions.get(hidden_at__isnull=False)
    assert hidden.hidden_reason and hidden.status == QuestionStatus.CLOSED
    assert hidden.events.filter(kind=QuestionEventKind.HIDDEN).exists()
    edited = PostRevision.objects.filter(question__season=season)
    assert edited.count() == 1 and edited.get().question.version == 2
    assert PostRevision.objects.filter(answer__question__season=season).exists()
    for duplicate in questions.filter(status=QuestionStatus.DUPLICATE):
        assert duplicate.duplicate_of.status == QuestionStatus.RESOLVED
    assert questions.filter(comments__isnull=False).distinct().count() >= 5
    assert ScopeProposal.objects.filter(agreed=True).get().question.scope == Scope.PROGRAMME
    assert ScopeProposal.objects.filter(agreed__isnull=True).get().question.scope == Scope.PAIR


def test_hotline_tickets_in_every_status_and_one_turned_into_a_question(season):
    tickets = Ticket.objects.filter(season=season)
    assert tickets.count() == 4
    assert set(tickets.values_list("status", flat=True)) == set(TicketStatus.values)
    converted = tickets.get(converted_question__isnull=False)
    assert converted.status == TicketStatus.RESOLVED
    question = converted.converted_question
    assert question.asked_by == converted.opened_by
    assert question.events.filter(kind=QuestionEventKind.CONVERTED).exists()
    for ticket in tickets:
        assert ticket.messages.exists()
        assert ticket.messages.first().created_at == ticket.created_at


def test_past_notifications_are_read_and_never_e_mailed_again(season):
    notifications = Notification.objects.filter(category="tutoring")
    assert notifications.exists()
    assert not notifications.exclude(delivery=DeliveryMode.OFF).filter(emailed_at=None).exists()
    old = notifications.filter(created_at__lt=timezone.now() - datetime.timedelta(days=8))
    assert old.exists() and not old.filter(read_at=None).exists()
    assert notifications.filter(read_at=None).exists()
    assert not LogEntry.objects.filter(happened_on__gt=timezone.localdate()).exists()
    assert NeedsProfile.objects.count() == 6


def test_every_part_of_the_story_went_through_its_service(season):
    actions = set(AuditLogEntry.objects.values_list("action", flat=True))
    assert {
        "expert_profile.save",
        "expert_profile.availability_add",
        "needs_profile.save",
        "pairing_conflict.declare",
        "pairing.start",
        "pairing.end",
        "log_entry.add",
        "pairing_change_request.create",
        "ticket.create",
        "ticket.reply",
        "ticket.resolve",
        "ticket.convert",
        "question.create",
        "answer.create",
        "answer.accept",
        "question.escalate",
    } <= actions
