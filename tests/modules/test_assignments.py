"""Intersession work: Ansa sets it, a structure's people write it together and hand it in, the
module's expert reviews it (validated / to rework, with the history of each round), reminders go
before the due date and when it is overdue — and nobody outside sees another structure's work."""

import datetime
import zoneinfo
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from modules.models import Assignment, Submission, SubmissionEvent, SubmissionFile, SubmissionStatus
from modules.services import assignments as services
from portal.models import Notification
from tests.helpers import close_response, count_queries
from tests.modules.factories import (
    AssignmentFactory,
    ModuleLeadFactory,
    ModulePageFactory,
    SubmissionFactory,
    SwarmedMemberFactory,
    SwarmedStructureFactory,
    TrainingSeasonFactory,
)
from tests.portal.factories import UserFactory

pytestmark = pytest.mark.django_db

#: The smallest file a PDF reader and `filetype` both take for a PDF.
PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


def pdf(name: str = "plan-de-prospection.pdf", content: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture(autouse=True)
def clean_submission_files():
    """Files stored by a test go with it (the database rolls back, the storage does not)."""
    yield
    for attached in SubmissionFile.objects.all():
        attached.file.storage.delete(attached.file.name)


@pytest.fixture
def world():
    season = TrainingSeasonFactory(slug="saison-travaux", name="Saison des travaux")
    module = ModulePageFactory(number=1, title="Aller vers les entreprises")
    other_module = ModulePageFactory(number=2, title="Fidéliser les entreprises")
    ours = SwarmedStructureFactory(season=season, structure__name="Tremplin Béarn")
    theirs = SwarmedStructureFactory(season=season, structure__name="Val de Loire Emploi")
    return SimpleNamespace(
        season=season,
        module=module,
        ours=ours,
        theirs=theirs,
        assignment=AssignmentFactory(
            season=season, module=module, title="Cartographier vos employeurs"
        ),
        ansa=UserFactory(ansa=True),
        lead=ModuleLeadFactory(season=season, module=module).expert,
        # Leads another module of the season: not this one's work.
        other_lead=ModuleLeadFactory(season=season, module=other_module).expert,
        # An A.CO.R expert with no module in this season.
        expert=UserFactory(expert=True),
        head=UserFactory(head_of_network=True),
        referent=SwarmedMemberFactory(swarmed_structure=ours, referent=True).user,
        participant=SwarmedMemberFactory(swarmed_structure=ours).user,
        stranger=SwarmedMemberFactory(swarmed_structure=theirs, referent=True).user,
    )


def submission_url(assignment) -> str:
    return reverse("modules:submission", kwargs={"assignment_id": assignment.pk})


def review_url(assignment, swarmed) -> str:
    return reverse(
        "modules:submission_review",
        kwargs={"assignment_id": assignment.pk, "swarmed_id": swarmed.pk},
    )


def list_url(season) -> str:
    return reverse("modules:assignment_list", kwargs={"season": season.slug})


def edit_url(season, module) -> str:
    return reverse(
        "modules:assignment_edit", kwargs={"season": season.slug, "module_id": module.pk}
    )


def save_text(client, assignment, text: str, version: int):
    return client.post(
        submission_url(assignment), {"action": "save", "text": text, "version": version}
    )


def submit(client, assignment, version: int):
    return client.post(submission_url(assignment), {"action": "submit", "submit-version": version})


def ours(world) -> Submission:
    return Submission.objects.get(assignment=world.assignment, swarmed_structure=world.ours)


# --- Who may open what -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("ansa", 200),
        ("lead", 200),
        ("other_lead", 200),  # leads a module of the season: sees the statuses
        ("expert", 403),
        ("head", 403),
        ("referent", 200),
        ("stranger", 200),  # their own structure's list
        ("anonymous", 302),
    ],
)
def test_season_list_permissions(client, world, who, status):
    if who != "anonymous":
        client.force_login(getattr(world, who))
    assert client.get(list_url(world.season)).status_code == status


def test_ansa_and_leading_experts_see_every_structure_a_member_only_theirs(client, world):
    SubmissionFactory(assignment=world.assignment, swarmed_structure=world.theirs, submitted=True)
    for reviewer in (world.ansa, world.lead):
        client.force_login(reviewer)
        text = soup(client.get(list_url(world.season))).get_text()
        assert "Tremplin Béarn" in text and "Val de Loire Emploi" in text
        assert "Remis, en attente de relecture" in text
    client.force_login(world.referent)
    page = soup(client.get(list_url(world.season)))
    assert "Val de Loire Emploi" not in page.get_text()
    assert "Remis, en attente de relecture" not in page.get_text()
    assert page.find("a", href=submission_url(world.assignment))


def test_review_links_only_for_the_modules_an_expert_leads(client, world):
    client.force_login(world.other_lead)
    page = soup(client.get(list_url(world.season)))
    assert not page.find("a", href=review_url(world.assignment, world.ours))
    client.force_login(world.lead)
    page = soup(client.get(list_url(world.season)))
    assert page.find("a", href=review_url(world.assignment, world.ours))


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("ansa", 200),
        ("lead", 403),
        ("expert", 403),
        ("head", 403),
        ("referent", 403),
        ("anonymous", 302),
    ],
)
def test_only_ansa_sets_assignments(client, world, who, status):
    if who != "anonymous":
        client.force_login(getattr(world, who))
    url = edit_url(world.season, world.module)
    assert client.get(url).status_code == status
    response = client.post(url, {"title": "Piraté", "instructions": "x", "due_at": ""})
    assert response.status_code == status
    world.assignment.refresh_from_db()
    assert world.assignment.title == "Cartographier vos employeurs"


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("referent", 200),
        ("participant", 200),
        ("stranger", 200),  # their own structure's deliverable, never ours
        ("ansa", 302),  # reviewers are sent to the season's table
        ("lead", 302),
        ("other_lead", 403),
        ("expert", 403),
        ("anonymous", 302),
    ],
)
def test_submission_page_permissions(client, world, who, status):
    SubmissionFactory(assignment=world.assignment, swarmed_structure=world.ours, text="Secret")
    if who != "anonymous":
        client.force_login(getattr(world, who))
    response = client.get(submission_url(world.assignment))
    assert response.status_code == status
    if status == 200:
        assert ("Secret" in response.content.decode()) == (who != "stranger")


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("ansa", 200),
        ("lead", 200),
        ("other_lead", 403),
        ("expert", 403),
        ("head", 403),
        ("referent", 403),  # their own work: they read it on their page, never review it
        ("stranger", 404),  # another structure's work does not exist for them
        ("anonymous", 302),
    ],
)
def test_review_page_permissions(client, world, who, status):
    SubmissionFactory(assignment=world.assignment, swarmed_structure=world.ours, submitted=True)
    if who != "anonymous":
        client.force_login(getattr(world, who))
    url = review_url(world.assignment, world.ours)
    assert client.get(url).status_code == status
    response = client.post(url, {"decision": "validated", "comment": ""})
    assert response.status_code == (302 if status == 200 else status)
    assert ours(world).status == (
        SubmissionStatus.VALIDATED if who in ("ansa", "lead") else SubmissionStatus.SUBMITTED
    )


def test_a_structure_of_another_season_is_404_on_review(client, world):
    elsewhere = SwarmedStructureFactory(season=TrainingSeasonFactory(slug="autre-saison"))
    client.force_login(world.ansa)
    assert client.get(review_url(world.assignment, elsewhere)).status_code == 404


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("referent", 200),
        ("participant", 200),
        ("ansa", 200),
        ("lead", 200),
        ("other_lead", 404),
        ("expert", 404),
        ("head", 404),
        ("stranger", 404),
        ("anonymous", 302),
    ],
)
def test_files_are_served_to_the_structure_and_its_reviewers_only(client, world, who, status):
    attached = services.submission_add_file(
        actor=world.referent, assignment=world.assignment, swarmed=world.ours, uploaded=pdf()
    )
    services.submission_submit(
        actor=world.referent, assignment=world.assignment, swarmed=world.ours, version=1
    )
    if who != "anonymous":
        client.force_login(getattr(world, who))
    url = reverse(
        "modules:submission_file",
        kwargs={"assignment_id": world.assignment.pk, "file_id": attached.pk},
    )
    response = client.get(url)
    assert response.status_code == status
    if status == 200:
        assert b"".join(response.streaming_content) == PDF
        assert "attachment" in response["Content-Disposition"]
        assert response["X-Content-Type-Options"] == "nosniff"
        close_response(response)


def test_reviewers_see_nothing_of_a_round_not_handed_in(client, world):
    attached = services.submission_add_file(
        actor=world.referent, assignment=world.assignment, swarmed=world.ours, uploaded=pdf()
    )
    services.submission_save_text(
        actor=world.referent,
        assignment=world.assignment,
        swarmed=world.ours,
        text="Brouillon entre nous.",
        version=1,
    )
    url = reverse(
        "modules:submission_file",
        kwargs={"assignment_id": world.assignment.pk, "file_id": attached.pk},
    )
    client.force_login(world.lead)
    assert client.get(url).status_code == 404
    page = client.get(review_url(world.assignment, world.ours)).content.decode()
    assert "Brouillon entre nous" not in page and "plan-de-prospection" not in page
    client.force_login(world.participant)
    response = client.get(url)
    assert response.status_code == 200
    close_response(response)


# --- Setting an assignment ---------------------------------------------------------------------


def test_ansa_sets_an_assignment_in_paris_time(client, world):
    module = ModulePageFactory(number=3, title="Accompagner les chercheurs d'emploi")
    day = timezone.localdate() + datetime.timedelta(days=20)
    client.force_login(world.ansa)
    response = client.post(
        edit_url(world.season, module),
        {
            "title": "Relire une PER",
            "instructions": "Relisez **une** période d'engagement réciproque.",
            "due_at": f"{day.isoformat()}T18:30",
        },
    )
    assert response.status_code == 302
    assignment = Assignment.objects.get(season=world.season, module=module)
    local = assignment.due_at.astimezone(zoneinfo.ZoneInfo("Europe/Paris"))
    assert (local.date(), local.hour, local.minute) == (day, 18, 30)
    assert assignment.instructions_html == (
        "<p>Relisez <strong>une</strong> période d'engagement réciproque.</p>"
    )
    # The season's members hear of it.
    assert Notification.objects.filter(recipient=world.stranger, kind="assignment.created").exists()


def test_a_due_date_outside_the_season_is_refused(client, world):
    module = ModulePageFactory(number=4)
    late = world.season.training_end + datetime.timedelta(days=1)
    client.force_login(world.ansa)
    response = client.post(
        edit_url(world.season, module),
        {"title": "Trop tard", "instructions": "x", "due_at": f"{late.isoformat()}T10:00"},
    )
    assert response.status_code == 200
    assert "pendant la formation-action" in soup(response).find(id="error-summary").get_text()
    # What was typed stays in the form.
    assert soup(response).find("input", {"name": "title"})["value"] == "Trop tard"
    assert not Assignment.objects.filter(module=module).exists()


def test_moving_the_due_date_rearms_the_reminders(world):
    assignment = world.assignment
    assignment.reminded_before_at = timezone.now()
    assignment.save()
    services.assignment_save(
        actor=world.ansa,
        season=world.season,
        module=world.module,
        title=assignment.title,
        instructions=assignment.instructions,
        due_at=assignment.due_at + datetime.timedelta(days=2),
    )
    assignment.refresh_from_db()
    assert assignment.reminded_before_at is None


# --- Writing together --------------------------------------------------------------------------


def test_edit_conflict_keeps_the_typed_text(client, world):
    client.force_login(world.participant)
    assert save_text(client, world.assignment, "Version de Camille.", 1).status_code == 302
    client.force_login(world.referent)
    # The referent opened the page before Camille saved: their form still says version 1.
    response = save_text(client, world.assignment, "Version du référent.", 1)
    assert response.status_code == 200
    page = soup(response)
    assert page.find(id="conflict")
    # (A textarea's first line break is not part of its value.)
    assert page.find("textarea", {"name": "text"}).get_text().lstrip("\n") == "Version du référent."
    assert page.find("input", {"name": "version"})["value"] == "2"
    assert "Version de Camille." in page.find(id="conflict").get_text()
    assert ours(world).text == "Version de Camille."
    # Saving again, knowingly, keeps the referent's version.
    assert save_text(client, world.assignment, "Version du référent.", 2).status_code == 302
    assert ours(world).text == "Version du référent."


def test_a_file_of_a_fake_type_is_refused_and_nothing_is_stored(client, world, monkeypatch):
    storage = SubmissionFile._meta.get_field("file").storage
    saved = []
    monkeypatch.setattr(storage, "save", lambda *args, **kwargs: saved.append(args))
    client.force_login(world.referent)
    response = client.post(
        submission_url(world.assignment),
        {"action": "upload", "file": pdf("rapport.pdf", b"#!/bin/sh\nrm -rf /\n" * 20)},
    )
    assert response.status_code == 200
    summary = soup(response).find(id="error-summary")
    assert "type de fichier n'est pas accepté" in summary.get_text()
    assert not SubmissionFile.objects.exists()
    assert saved == []


def test_a_real_file_is_stored_privately_and_listed(client, world):
    client.force_login(world.participant)
    response = client.post(submission_url(world.assignment), {"action": "upload", "file": pdf()})
    assert response.status_code == 302
    attached = SubmissionFile.objects.get()
    assert attached.content_type == "application/pdf"
    assert attached.original_name == "plan-de-prospection.pdf"
    assert attached.file.name.startswith("formation/travaux/")
    assert "plan-de-prospection" not in attached.file.name
    assert (
        "plan-de-prospection.pdf" in client.get(submission_url(world.assignment)).content.decode()
    )


def test_submit_review_resubmit_validate_keeps_the_history(client, world):
    assignment = world.assignment
    client.force_login(world.referent)
    save_text(client, assignment, "Premier jet : **dix** employeurs.", 1)
    assert submit(client, assignment, 2).status_code == 302
    submission = ours(world)
    assert (submission.status, submission.round) == (SubmissionStatus.SUBMITTED, 1)
    assert Notification.objects.filter(recipient=world.lead, kind="submission.submitted").exists()
    assert Notification.objects.filter(
        recipient=world.participant, kind="submission.submitted"
    ).exists()
    assert not Notification.objects.filter(recipient=world.other_lead).exists()

    # While the expert reads, the text is frozen.
    assert save_text(client, assignment, "Changement en douce.", 2).status_code == 302
    assert ours(world).text == "Premier jet : **dix** employeurs."

    client.force_login(world.lead)
    response = client.post(
        review_url(assignment, world.ours), {"decision": "changes_requested", "comment": ""}
    )
    assert response.status_code == 200
    assert "Expliquez ce qui est à reprendre" in soup(response).get_text()
    response = client.post(
        review_url(assignment, world.ours),
        {"decision": "changes_requested", "comment": "Ajoutez les **secteurs** visés."},
    )
    assert response.status_code == 302
    assert ours(world).status == SubmissionStatus.CHANGES_REQUESTED
    assert Notification.objects.filter(
        recipient=world.referent, kind="submission.changes_requested"
    ).exists()

    client.force_login(world.participant)
    assert "secteurs" in client.get(submission_url(assignment)).content.decode()
    save_text(client, assignment, "Second jet : dix employeurs, trois secteurs.", 2)
    assert submit(client, assignment, 3).status_code == 302
    submission = ours(world)
    assert (submission.status, submission.round) == (SubmissionStatus.SUBMITTED, 2)

    client.force_login(world.lead)
    client.post(review_url(assignment, world.ours), {"decision": "validated", "comment": ""})
    submission = ours(world)
    assert submission.status == SubmissionStatus.VALIDATED

    events = list(submission.events.order_by("at", "pk"))
    assert [(event.kind, event.round) for event in events] == [
        ("submitted", 1),
        ("changes_requested", 1),
        ("submitted", 2),
        ("validated", 2),
    ]
    assert "<strong>dix</strong>" in events[0].text_html
    assert "Second jet" in events[2].text_html
    assert "<strong>secteurs</strong>" in events[1].comment_html
    history = soup(client.get(review_url(assignment, world.ours))).find(
        "section", attrs={"aria-labelledby": "history-title"}
    )
    assert "Premier jet" in history.get_text() and "Second jet" in history.get_text()


def test_a_validated_submission_cannot_be_edited(client, world):
    submission = SubmissionFactory(
        assignment=world.assignment, swarmed_structure=world.ours, validated=True
    )
    client.force_login(world.referent)
    page = soup(client.get(submission_url(world.assignment)))
    assert not page.find("textarea")
    assert not page.find("input", {"name": "file"})
    response = save_text(client, world.assignment, "Réécriture", submission.version)
    assert response.status_code == 302
    assert ours(world).text == submission.text
    with pytest.raises(ValidationError, match="validé"):
        services.submission_save_text(
            actor=world.referent,
            assignment=world.assignment,
            swarmed=world.ours,
            text="Réécriture",
            version=submission.version,
        )
    with pytest.raises(ValidationError):
        services.submission_add_file(
            actor=world.referent, assignment=world.assignment, swarmed=world.ours, uploaded=pdf()
        )
    assert not SubmissionFile.objects.exists()


@pytest.mark.parametrize("status", [SubmissionStatus.DRAFT, SubmissionStatus.VALIDATED])
def test_only_a_submitted_deliverable_can_be_reviewed(world, status):
    submission = SubmissionFactory(
        assignment=world.assignment, swarmed_structure=world.ours, status=status
    )
    with pytest.raises(ValidationError):
        services.submission_review(
            actor=world.lead, submission=submission, decision="validated", comment=""
        )
    assert ours(world).status == status
    assert not SubmissionEvent.objects.exists()


def test_another_structures_member_cannot_write_into_ours(world):
    with pytest.raises(PermissionDenied):
        services.submission_save_text(
            actor=world.stranger,
            assignment=world.assignment,
            swarmed=world.ours,
            text="Intrusion",
            version=1,
        )
    with pytest.raises(PermissionDenied):
        services.submission_review(
            actor=world.other_lead,
            submission=SubmissionFactory(
                assignment=world.assignment, swarmed_structure=world.ours, submitted=True
            ),
            decision="validated",
            comment="",
        )


def test_an_empty_deliverable_cannot_be_handed_in(world):
    with pytest.raises(ValidationError, match="vide"):
        services.submission_submit(
            actor=world.referent, assignment=world.assignment, swarmed=world.ours, version=1
        )


# --- Markdown is sanitised ---------------------------------------------------------------------


def test_markdown_of_the_deliverable_and_the_review_is_sanitised(client, world):
    client.force_login(world.referent)
    attack = (
        "<script>alert('x')</script>\n\n"
        "[clic](javascript:alert(1))\n\n"
        '<img src=x onerror="alert(2)">'
    )
    save_text(client, world.assignment, attack, 1)
    submission = ours(world)
    page = soup(client.get(submission_url(world.assignment)))
    preview = page.find(id="apercu").find(class_="rich-text")
    for html in (submission.text_html, str(preview)):
        assert "<script" not in html
        assert "javascript:" not in html
        assert "<img" not in html
    # The source stays readable as text in the textarea, never as markup.
    assert not page.find("script", string=lambda text: text and "alert" in text)
    assert not page.find("img", src="x")
    submit(client, world.assignment, submission.version)
    event = services.submission_review(
        actor=world.lead,
        submission=ours(world),
        decision="changes_requested",
        comment='<script>alert("r")</script> [x](javascript:void(0))',
    )
    assert "<script" not in event.comment_html
    assert "javascript:" not in event.comment_html
    assigned = services.assignment_save(
        actor=world.ansa,
        season=world.season,
        module=world.module,
        title="Titre",
        instructions="<script>alert(3)</script>",
        due_at=world.assignment.due_at,
    )
    assert "<script" not in assigned.instructions_html


# --- Reminders ---------------------------------------------------------------------------------


@pytest.fixture
def due(world):
    """The assignment's due date; ours has not handed in, theirs has."""
    SubmissionFactory(assignment=world.assignment, swarmed_structure=world.theirs, submitted=True)
    return world.assignment.due_at


def reminded(kind: str) -> set:
    return set(Notification.objects.filter(kind=kind).values_list("recipient__email", flat=True))


def test_reminder_before_the_due_date_goes_once_to_those_who_have_not_handed_in(world, due):
    assert services.send_assignment_reminders(now=due - datetime.timedelta(days=5)) == 0
    assert services.send_assignment_reminders(now=due - datetime.timedelta(days=2)) == 2
    assert reminded("assignment.reminder") == {world.referent.email, world.participant.email}
    assert services.send_assignment_reminders(now=due - datetime.timedelta(days=1)) == 0
    world.assignment.refresh_from_db()
    assert world.assignment.reminded_before_at == due - datetime.timedelta(days=2)


def test_reminder_days_come_from_the_settings(world, due, settings):
    settings.ESSAIM_ASSIGNMENT_REMINDER_DAYS = 7
    assert services.send_assignment_reminders(now=due - datetime.timedelta(days=6)) == 2


def test_overdue_reminder_goes_once_and_copies_the_leading_experts(world, due):
    assert services.send_assignment_reminders(now=due + datetime.timedelta(hours=1)) == 3
    assert reminded("assignment.overdue") == {world.referent.email, world.participant.email}
    assert reminded("assignment.overdue_copy") == {world.lead.email}
    copy = Notification.objects.get(kind="assignment.overdue_copy")
    assert "Tremplin Béarn" in copy.body and "Val de Loire" not in copy.body
    assert services.send_assignment_reminders(now=due + datetime.timedelta(days=1)) == 0
    assert world.stranger.email not in reminded("assignment.overdue")


def test_no_reminder_for_validated_work(world, due):
    SubmissionFactory(assignment=world.assignment, swarmed_structure=world.ours, validated=True)
    assert services.send_assignment_reminders(now=due - datetime.timedelta(days=1)) == 0
    assert services.send_assignment_reminders(now=due + datetime.timedelta(days=1)) == 0
    assert not Notification.objects.filter(kind__startswith="assignment.").exists()


def test_work_to_rework_is_still_reminded(world, due):
    SubmissionFactory(
        assignment=world.assignment,
        swarmed_structure=world.ours,
        status=SubmissionStatus.CHANGES_REQUESTED,
    )
    assert services.send_assignment_reminders(now=due - datetime.timedelta(days=1)) == 2


def test_the_celery_task_sends_the_reminders(world, due, monkeypatch):
    from modules.tasks import assignment_reminders

    later = due + datetime.timedelta(hours=2)
    monkeypatch.setattr(services.timezone, "now", lambda: later)
    assert assignment_reminders.delay().get() == 3


# --- Query counts ------------------------------------------------------------------------------


def _season_with(structures: int):
    season = TrainingSeasonFactory(slug=f"saison-{structures}", name=f"Saison {structures}")
    modules = [ModulePageFactory(number=number) for number in (1, 2, 3)]
    assignments = [AssignmentFactory(season=season, module=module) for module in modules]
    lead = ModuleLeadFactory(season=season, module=modules[0]).expert
    for index in range(structures):
        swarmed = SwarmedStructureFactory(season=season)
        SwarmedMemberFactory(swarmed_structure=swarmed, referent=True)
        for assignment in assignments[: index % 3 + 1]:
            SubmissionFactory(assignment=assignment, swarmed_structure=swarmed, submitted=True)
    return season, lead


@pytest.mark.parametrize("who", ["ansa", "lead"])
def test_season_list_queries_do_not_grow_with_structures(client, who):
    ansa = UserFactory(ansa=True)
    counts = []
    for structures in (3, 12):
        season, lead = _season_with(structures)
        client.force_login(ansa if who == "ansa" else lead)
        counts.append(count_queries(client, list_url(season)))
    assert counts[0] == counts[1]


# --- On the demo -------------------------------------------------------------------------------


def test_every_page_renders_on_the_demo_season(client, settings, tmp_path):
    """The demo's season under way, its work in every state, seen by each role."""
    import io

    from modules.models import Season
    from portal.models import User
    from portal.registry import demo_loaders

    settings.MEDIA_ROOT = tmp_path
    for loader in demo_loaders():
        if loader.order <= 60:  # up to modules.demo.load_training
            loader.load(io.StringIO())
    season = Season.objects.get(slug="saison-2026")
    submissions = list(Submission.objects.filter(assignment__season=season))
    assert {submission.status for submission in submissions} >= {
        SubmissionStatus.SUBMITTED,
        SubmissionStatus.VALIDATED,
    }
    people = {email: User.objects.get(email=f"{email}@essaim.test") for email in (
        "ansa", "expert1", "referent1", "participant1"
    )}  # fmt: skip
    client.force_login(people["ansa"])
    assert client.get(list_url(season)).status_code == 200
    for submission in submissions:
        url = review_url(submission.assignment, submission.swarmed_structure)
        assert client.get(url).status_code == 200
    for assignment in season.assignments.all():
        assert client.get(edit_url(season, assignment.module)).status_code == 200
    for who in ("expert1", "referent1", "participant1"):
        client.force_login(people[who])
        assert client.get(list_url(season)).status_code == 200
    for assignment in season.assignments.all():
        assert client.get(submission_url(assignment)).status_code == 200
