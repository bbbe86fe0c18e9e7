"""The demo's season under way: six structures, three sessions held, work in every state.

Only the loaders the training-action needs run (people, structures, site, framework, modules'
pages, seasons and candidacies, then the training); each load takes a while, so each test
checks one whole story.
"""

import io
from itertools import pairwise

import pytest
from django.apps import apps
from django.contrib.auth import authenticate
from django.db import transaction
from django.test import override_settings
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Locale, Page

from modules.demo_content import RESOURCES_COLLECTION
from modules.models import (
    Attendance,
    AttendanceStatus,
    ModuleLead,
    ModulePage,
    Season,
    SessionKind,
    Submission,
    SubmissionEvent,
    SubmissionStatus,
    SwarmedMember,
    TrainingSession,
)
from portal.models import User
from portal.registry import demo_loaders

#: modules.demo.load_training's place in load_demo.
TRAINING_ORDER = 60


def load_training_demo() -> str:
    stdout = io.StringIO()
    for loader in demo_loaders():
        if loader.order <= TRAINING_ORDER:
            loader.load(stdout)
    return stdout.getvalue()


def row_counts() -> dict[str, int]:
    models = [
        *apps.get_app_config("modules").get_models(),
        *apps.get_app_config("candidacy").get_models(),
        *apps.get_app_config("portal").get_models(),
        Page,
        get_document_model(),
    ]
    return {model._meta.label: model.objects.count() for model in models}


@pytest.fixture(scope="module")
def loaded_demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The training demo loaded once for the module, rolled back when its tests are done."""
    media = tmp_path_factory.mktemp("media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media), transaction.atomic():
        yield media, load_training_demo()
        transaction.set_rollback(True)


@pytest.fixture
def demo(loaded_demo, db, settings):
    settings.MEDIA_ROOT, output = loaded_demo
    return output


def test_running_the_demo_twice_changes_nothing(demo):
    before = row_counts()
    assert before["modules.Attendance"] > 0
    load_training_demo()
    assert row_counts() == before


def test_the_season_under_way(demo, settings):
    season = Season.objects.get(slug="saison-2026")
    assert "formation-action : Saison 2026, 6 structures" in demo

    swarmed = list(season.swarmed.prefetch_related("members__user"))
    assert len(swarmed) == 6
    for structure in swarmed:
        members = list(structure.members.all())
        assert 1 <= len(members) <= 3, structure
        assert [m.role for m in members].count("referent") == 1, structure
        assert structure.candidacy.state == "selected"
        assert structure.candidacy.agreement.signature.status == "signed"
    newcomers = User.objects.filter(season_memberships__swarmed_structure__season=season).exclude(
        email__endswith="@essaim.test"
    )
    assert newcomers.count() >= 4
    for user in newcomers:
        assert user.email.endswith("@exemple.test")
        assert authenticate(email=user.email, password=settings.ESSAIM_DEMO_PASSWORD) == user

    leads = {
        (lead.expert.email, lead.module.number)
        for lead in ModuleLead.objects.filter(season=season).select_related("expert", "module")
    }
    assert leads == {
        ("expert1@essaim.test", 1),
        ("expert1@essaim.test", 2),
        ("expert2@essaim.test", 3),
        ("expert2@essaim.test", 4),
        ("expert3@essaim.test", 5),
    }

    now = timezone.now()
    sessions = TrainingSession.objects.filter(season=season)
    held = list(sessions.filter(ends_at__lt=now, kind=SessionKind.COLLECTIVE).order_by("starts_at"))
    assert [s.module.number for s in held] == [1, 2, 3]
    assert {s.place_kind for s in held} == {"paris", "pau", "online"}
    assert all(s.experts.exists() and s.sheets.exists() for s in held)
    upcoming = sessions.filter(starts_at__gt=now, kind=SessionKind.COLLECTIVE)
    assert sorted(s.module.number for s in upcoming) == [4, 5]
    assert sessions.filter(kind=SessionKind.SITE_VISIT).count() == 1
    exchange_day = sessions.get(kind=SessionKind.EXCHANGE_DAY)
    assert timezone.localtime(exchange_day.starts_at).date() == season.exchange_day

    # Attendance: everyone in the season when a session took place is marked for it.
    members = list(SwarmedMember.objects.filter(swarmed_structure__season=season))
    statuses = set()
    for session in held:
        marked = dict(Attendance.objects.filter(session=session).values_list("member_id", "status"))
        expected = {m.pk for m in members if m.joined_at <= session.starts_at}
        assert set(marked) == expected, session
        statuses |= set(marked.values())
    assert statuses == set(AttendanceStatus.values)
    late_joiners = [m for m in members if m.joined_at > held[0].starts_at]
    assert late_joiners, "someone joined after the first session"
    assert not Attendance.objects.filter(session=held[0], member__in=late_joiners).exists()
    absent_twice = [
        m
        for m in members
        if any(
            pair == ("absent", "absent")
            for pair in pairwise(
                Attendance.objects.filter(member=m)
                .order_by("session__starts_at")
                .values_list("status", flat=True)
            )
        )
    ]
    assert absent_twice


def test_intersession_work_in_every_state_of_its_review(demo):
    season = Season.objects.get(slug="saison-2026")
    now = timezone.now()
    assignments = list(season.assignments.select_related("module").order_by("module__number"))
    assert [a.module.number for a in assignments] == [1, 2, 3, 4]
    assert 1 <= sum(a.due_at < now for a in assignments) <= 2
    assert all("<h3>" in a.instructions_html for a in assignments)

    submissions = Submission.objects.filter(assignment__season=season)
    assert set(submissions.values_list("status", flat=True)) == set(SubmissionStatus.values)
    for submission in submissions.exclude(status=SubmissionStatus.DRAFT):
        events = list(submission.events.all())
        assert events[0].kind == SubmissionEvent.Kind.SUBMITTED
        assert events[-1].kind == submission.status
        assert all(event.at <= now for event in events)
        assert submission.text_html
    reworked = SubmissionEvent.objects.filter(
        submission__assignment__season=season, kind=SubmissionEvent.Kind.CHANGES_REQUESTED
    )
    assert reworked.exists()
    for event in reworked:
        assert event.actor.email.startswith("expert")
        assert "<strong>" in event.comment_html
    resubmitted = submissions.filter(round=2)
    assert resubmitted.exists()


def test_five_modules_with_sheets_resources_and_their_translations(demo, client):
    french = list(ModulePage.objects.filter(locale__language_code="fr").order_by("number"))
    assert [m.number for m in french] == [1, 2, 3, 4, 5]
    for module in french:
        assert 2 <= module.sheets.count() <= 4, module
        assert 1 <= len(module.resources) <= 2, module
        assert module.assignment_text and module.objectives and module.programme
        assert module.search_description == module.summary
        english = module.get_translation(Locale.objects.get(language_code="en"))
        assert english.title != module.title
        assert english.live
        for block in module.resources:
            document = block.value["document"]
            assert document.collection.name == RESOURCES_COLLECTION
            with document.file.open("rb") as handle:
                assert handle.read(4) == b"%PDF"

    page = french[0]
    anonymous = client.get(page.url).content.decode()
    assert page.resources[0].value["document"].url not in anonymous
    client.force_login(User.objects.get(email="gaelle.le-goff@exemple.test"))
    member = client.get(page.url).content.decode()
    assert page.resources[0].value["document"].url in member
    response = client.get(page.resources[0].value["document"].url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    module_4 = client.get(french[3].url).content.decode()
    assert "Prochaines séances de ce module" in module_4
    assert "Module 4 — " in module_4
