"""Tutoring questions: asking, answering, accepting, escalating, scopes, moderation, pages."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from portal.models import AuditLogEntry, Notification
from tests.curriculum.factories import ActionSheetPageFactory
from tests.helpers import count_queries
from tests.modules.factories import SwarmedMemberFactory, SwarmedStructureFactory
from tests.portal.factories import UserFactory
from tests.tutoring.factories import (
    AnswerFactory,
    ExpertProfileFactory,
    PairingFactory,
    QuestionFactory,
    referent_of,
)
from tutoring.attachments import check_uploads
from tutoring.enums import EscalationLevel, QuestionEventKind, QuestionStatus, Scope
from tutoring.models import Question, TutoringSettings
from tutoring.qa import services
from tutoring.qa.permissions import can_answer, can_see_question, questions_visible_to
from tutoring.qa.selectors import similar_questions

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

pytestmark = pytest.mark.django_db


@pytest.fixture
def sheet():
    return ActionSheetPageFactory(number=8, title="La prospection et la captation des offres")


@pytest.fixture
def pairing():
    return PairingFactory()


@pytest.fixture
def referent(pairing):
    return referent_of(pairing.swarmed_structure)


def ask(referent, pairing, sheet, **overrides):
    values = {
        "actor": referent,
        "swarmed": pairing.swarmed_structure,
        "title": "Comment relancer un employeur silencieux ?",
        "body": "Un employeur ne répond plus depuis trois semaines.",
        "sheet_ids": [sheet.pk],
        "scope": Scope.PAIR,
    }
    values.update(overrides)
    return services.question_create(**values)


# --- Asking ----------------------------------------------------------------------------------


def test_question_goes_to_the_paired_expert_first(referent, pairing, sheet):
    question = ask(referent, pairing, sheet)
    assert question.pairing == pairing
    assert question.escalation == EscalationLevel.PAIRED
    assert question.escalates_at > timezone.now()
    assert Notification.objects.filter(recipient=pairing.expert, kind="question.asked").exists()
    assert question.events.filter(kind=QuestionEventKind.ASKED).exists()
    assert AuditLogEntry.objects.filter(action="question.create", object_id=str(question.pk))


def test_question_of_an_unpaired_structure_goes_to_the_experts_of_its_sheets(sheet):
    swarmed = SwarmedStructureFactory()
    asker = referent_of(swarmed)
    skilled = ExpertProfileFactory(levels={sheet: 3}).user
    other = ExpertProfileFactory().user
    question = services.question_create(
        actor=asker, swarmed=swarmed, title="Une question sans binôme", body="Texte.",
        sheet_ids=[sheet.pk],
    )  # fmt: skip
    assert question.escalation == EscalationLevel.EXPERTS
    assert Notification.objects.filter(recipient=skilled, kind="question.asked").exists()
    assert not Notification.objects.filter(recipient=other).exists()


def test_question_needs_at_least_one_sheet_and_a_body(referent, pairing, sheet):
    with pytest.raises(ValidationError) as error:
        ask(referent, pairing, sheet, sheet_ids=[], body="   ")
    assert set(error.value.message_dict) == {"sheets", "body"}
    assert not Question.objects.exists()


def test_oversized_question_is_refused(referent, pairing, sheet):
    with pytest.raises(ValidationError) as error:
        ask(referent, pairing, sheet, body="x" * (services.MAX_QUESTION + 1))
    assert "10000" in error.value.message_dict["body"][0]


def test_someone_outside_the_structure_cannot_ask_in_its_name(pairing, sheet):
    stranger = SwarmedMemberFactory().user
    with pytest.raises(PermissionDenied):
        ask(stranger, pairing, sheet)


def test_markdown_is_sanitised(referent, pairing, sheet):
    body = (
        "<script>alert(1)</script> [lien](javascript:alert(1)) [d](data:text/html;base64,xx) "
        '<img src=x onerror="alert(1)"> <svg onload="alert(1)"></svg>'
    )
    question = ask(referent, pairing, sheet, body=body)
    soup = BeautifulSoup(question.body_html, "html.parser")
    assert not soup.find_all(["script", "img", "svg"])
    assert all(
        not (link.get("href") or "").startswith(("javascript:", "data:"))
        for link in soup.find_all("a")
    )
    assert not any(attr.startswith("on") for tag in soup.find_all(True) for attr in tag.attrs)


def test_attachment_with_a_fake_type_is_refused():
    fake = SimpleUploadedFile(
        "rapport.pdf", b"just text, not a pdf", content_type="application/pdf"
    )
    with pytest.raises(ValidationError):
        check_uploads([fake])


def test_attachment_is_stored_privately_and_served_to_readers_only(
    client, referent, pairing, sheet, settings, tmp_path
):
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path},
        },
    }
    checked = check_uploads([SimpleUploadedFile("note.pdf", PDF, content_type="application/pdf")])
    question = ask(referent, pairing, sheet, checked_uploads=checked)
    attached = question.attachments.get()
    url = reverse("tutoring:attachment", kwargs={"pk": attached.pk})
    client.force_login(SwarmedMemberFactory().user)
    assert client.get(url).status_code == 404
    client.force_login(pairing.expert)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF


# --- Answering and accepting -----------------------------------------------------------------


def test_first_answer_stops_the_escalation_and_schedules_a_reminder(referent, pairing, sheet):
    question = ask(referent, pairing, sheet)
    services.answer_create(actor=pairing.expert, question=question, body="Appelez-le mardi.")
    question.refresh_from_db()
    assert question.status == QuestionStatus.ANSWERED
    assert question.escalates_at is None
    assert question.remind_accept_at is not None
    assert Notification.objects.filter(recipient=referent, kind="question.answered").exists()
    pairing.refresh_from_db()
    assert pairing.last_contact_at is not None


def test_only_the_paired_expert_answers_before_escalation(referent, pairing, sheet):
    question = ask(referent, pairing, sheet)
    other_expert = UserFactory(expert=True)
    assert can_answer(pairing.expert, question)
    assert not can_answer(other_expert, question)
    assert not can_answer(UserFactory(ansa=True), question)
    with pytest.raises(PermissionDenied):
        services.answer_create(actor=other_expert, question=question, body="Moi aussi.")


def test_any_expert_answers_once_escalated_and_ansa_at_the_last_hop(referent, pairing, sheet):
    question = ask(referent, pairing, sheet)
    other_expert, ansa = UserFactory(expert=True), UserFactory(ansa=True)
    question.escalation = EscalationLevel.EXPERTS
    assert can_answer(other_expert, question) and not can_answer(ansa, question)
    question.escalation = EscalationLevel.ANSA
    assert can_answer(ansa, question)


def test_only_the_asker_or_ansa_accepts_an_answer(referent, pairing, sheet):
    question = ask(referent, pairing, sheet)
    answer = services.answer_create(actor=pairing.expert, question=question, body="Réponse.")
    colleague = SwarmedMemberFactory(swarmed_structure=pairing.swarmed_structure).user
    with pytest.raises(PermissionDenied):
        services.answer_accept(actor=colleague, answer=answer)
    with pytest.raises(PermissionDenied):
        services.answer_accept(actor=pairing.expert, answer=answer)
    services.answer_accept(actor=referent, answer=answer)
    question.refresh_from_db()
    assert question.status == QuestionStatus.RESOLVED
    assert question.accepted_answer == answer
    assert question.remind_accept_at is None


def test_accepting_another_answer_replaces_the_first(referent, pairing, sheet):
    question = ask(referent, pairing, sheet)
    first = services.answer_create(actor=pairing.expert, question=question, body="Une.")
    second = services.answer_create(actor=pairing.expert, question=question, body="Deux.")
    services.answer_accept(actor=referent, answer=first)
    services.answer_accept(actor=UserFactory(ansa=True), answer=second)
    question.refresh_from_db()
    assert question.accepted_answer == second


def test_hidden_answer_cannot_be_accepted_and_hiding_the_accepted_one_unaccepts_it(
    referent, pairing, sheet
):
    ansa = UserFactory(ansa=True)
    question = ask(referent, pairing, sheet)
    answer = services.answer_create(actor=pairing.expert, question=question, body="Réponse.")
    services.answer_accept(actor=referent, answer=answer)
    services.post_hide(actor=ansa, post=answer, reason="Données personnelles d'un usager.")
    question.refresh_from_db()
    assert question.accepted_answer is None
    assert question.status == QuestionStatus.OPEN  # no visible answer left: it waits again
    assert question.escalates_at is not None
    answer.refresh_from_db()
    with pytest.raises(ValidationError):
        services.answer_accept(actor=referent, answer=answer)
    assert AuditLogEntry.objects.filter(action="answer.hide").exists()


def test_hiding_needs_a_reason_and_ansa(referent, pairing, sheet):
    question = ask(referent, pairing, sheet)
    with pytest.raises(PermissionDenied):
        services.post_hide(actor=pairing.expert, post=question, reason="Non.")
    with pytest.raises(ValidationError):
        services.post_hide(actor=UserFactory(ansa=True), post=question, reason=" ")


def test_closed_question_takes_no_answer_and_can_be_reopened(referent, pairing, sheet):
    question = ask(referent, pairing, sheet)
    services.question_close(actor=referent, question=question)
    question.refresh_from_db()
    assert question.escalates_at is None
    assert not can_answer(pairing.expert, question)
    with pytest.raises(PermissionDenied):
        services.answer_create(actor=pairing.expert, question=question, body="Trop tard.")
    services.question_reopen(actor=referent, question=question)
    question.refresh_from_db()
    assert question.status == QuestionStatus.OPEN
    assert question.escalates_at is not None


def test_duplicate_points_to_the_original_and_stops_escalation(referent, pairing, sheet):
    original = QuestionFactory(swarmed_structure=pairing.swarmed_structure, sheets=[sheet])
    question = ask(referent, pairing, sheet)
    with pytest.raises(ValidationError):
        services.question_mark_duplicate(actor=pairing.expert, question=question, original=question)
    services.question_mark_duplicate(actor=pairing.expert, question=question, original=original)
    question.refresh_from_db()
    assert question.status == QuestionStatus.DUPLICATE
    assert question.duplicate_of == original
    assert question.escalates_at is None


def test_edit_keeps_the_previous_version_and_refuses_a_stale_one(referent, pairing, sheet):
    question = ask(referent, pairing, sheet)
    services.question_edit(
        actor=referent, question=question, title=question.title, body="Nouveau texte.", version=1
    )
    revision = question.revisions.get()
    assert revision.body == "Un employeur ne répond plus depuis trois semaines."
    with pytest.raises(services.ConcurrentEdit):
        services.question_edit(
            actor=referent, question=question, title=question.title, body="Encore.", version=1
        )


# --- Escalation ------------------------------------------------------------------------------


def test_unanswered_question_escalates_to_experts_then_to_ansa(referent, pairing, sheet):
    skilled = ExpertProfileFactory(levels={sheet: 2}).user
    ansa = UserFactory(ansa=True)
    TutoringSettings.objects.create(season=pairing.swarmed_structure.season, expert_days=1)
    question = ask(referent, pairing, sheet)
    assert services.escalate_due(now=question.escalates_at - datetime.timedelta(minutes=1)) == 0
    assert services.escalate_due(now=question.escalates_at) == 1
    question.refresh_from_db()
    assert question.escalation == EscalationLevel.EXPERTS
    assert Notification.objects.filter(recipient=skilled, kind__startswith="question.escal")
    assert can_answer(skilled, question)
    assert services.escalate_due(now=question.escalates_at) == 1
    question.refresh_from_db()
    assert question.escalation == EscalationLevel.ANSA
    assert question.escalates_at is None
    assert Notification.objects.filter(recipient=ansa, kind__startswith="question.escal")
    kinds = list(question.events.values_list("kind", flat=True))
    assert kinds == ["asked", "escalated_experts", "escalated_ansa"]
    # The last hop: nothing more happens.
    assert services.escalate_due(now=timezone.now() + datetime.timedelta(days=60)) == 0


def test_answered_question_never_escalates(referent, pairing, sheet):
    question = ask(referent, pairing, sheet)
    services.answer_create(actor=pairing.expert, question=question, body="Réponse.")
    assert services.escalate_due(now=timezone.now() + datetime.timedelta(days=60)) == 0


def test_asker_is_reminded_once_to_accept_an_answer(referent, pairing, sheet):
    question = ask(referent, pairing, sheet)
    services.answer_create(actor=pairing.expert, question=question, body="Réponse.")
    question.refresh_from_db()
    later = question.remind_accept_at + datetime.timedelta(minutes=1)
    assert services.remind_accept_due(now=later) == 1
    assert services.remind_accept_due(now=later) == 0
    assert (
        Notification.objects.filter(recipient=referent, kind="question.accept_reminder").count()
        == 1
    )


# --- Scopes ----------------------------------------------------------------------------------


def test_pair_scope_is_read_by_the_structure_experts_and_ansa_only(referent, pairing, sheet):
    question = ask(referent, pairing, sheet)
    cohort_member = SwarmedMemberFactory(
        swarmed_structure=SwarmedStructureFactory(season=pairing.swarmed_structure.season)
    ).user
    assert can_see_question(referent, question)
    assert can_see_question(UserFactory(expert=True), question)
    assert can_see_question(UserFactory(ansa=True), question)
    assert not can_see_question(cohort_member, question)
    assert not can_see_question(UserFactory(), question)
    assert not can_see_question(UserFactory(roles=["steering"]), question)


def test_cohort_scope_is_read_by_the_season_not_by_other_seasons(referent, pairing, sheet):
    question = ask(referent, pairing, sheet, scope=Scope.COHORT)
    same_season = SwarmedMemberFactory(
        swarmed_structure=SwarmedStructureFactory(season=pairing.swarmed_structure.season)
    ).user
    other_season = SwarmedMemberFactory().user
    assert can_see_question(same_season, question)
    assert not can_see_question(other_season, question)
    assert list(questions_visible_to(same_season, Question.objects.all())) == [question]
    assert not questions_visible_to(other_season, Question.objects.all()).exists()


def test_programme_scope_is_read_by_every_member(referent, pairing, sheet):
    question = ask(referent, pairing, sheet, scope=Scope.PROGRAMME)
    assert can_see_question(SwarmedMemberFactory().user, question)


def test_scope_is_widened_only_with_the_askers_agreement(referent, pairing, sheet):
    ansa = UserFactory(ansa=True)
    question = ask(referent, pairing, sheet)
    proposal = services.scope_propose(
        actor=ansa, question=question, scope=Scope.PROGRAMME, reason="Utile à tous."
    )
    question.refresh_from_db()
    assert question.scope == Scope.PAIR
    with pytest.raises(PermissionDenied):
        services.scope_decide(actor=ansa, proposal=proposal, agree=True)
    services.scope_decide(actor=referent, proposal=proposal, agree=True)
    question.refresh_from_db()
    assert question.scope == Scope.PROGRAMME


def test_scope_cannot_be_narrowed_by_a_proposal(referent, pairing, sheet):
    question = ask(referent, pairing, sheet, scope=Scope.COHORT)
    with pytest.raises(ValidationError):
        services.scope_propose(
            actor=UserFactory(ansa=True), question=question, scope=Scope.PAIR, reason="Non."
        )


# --- Similar questions -----------------------------------------------------------------------


def test_similar_questions_share_words_and_respect_scopes(referent, pairing, sheet):
    mine = ask(referent, pairing, sheet, title="Relancer les employeurs après une visite")
    hidden_elsewhere = QuestionFactory(title="Relance des employeurs silencieux", sheets=[sheet])
    ask(referent, pairing, sheet, title="Organiser un café de l'emploi", body="Quel format ?")
    found = similar_questions(referent, "comment relancer un employeur")
    assert mine in found
    assert hidden_elsewhere not in found
    assert all("caf" not in question.title.lower() for question in found)
    assert hidden_elsewhere in similar_questions(pairing.expert, "relance employeur")


# --- Pages -----------------------------------------------------------------------------------


def test_question_page_is_404_outside_its_scope(client, referent, pairing, sheet):
    question = ask(referent, pairing, sheet)
    url = reverse("tutoring:question_detail", kwargs={"pk": question.pk})
    client.force_login(SwarmedMemberFactory().user)
    assert client.get(url).status_code == 404
    client.force_login(referent)
    assert client.get(url).status_code == 200


def test_asking_through_the_page_keeps_typed_text_on_error(client, referent, pairing, sheet):
    client.force_login(referent)
    response = client.post(
        reverse("tutoring:question_create"),
        {"swarmed": pairing.swarmed_structure.pk, "title": "Comment relancer ?", "body": "",
         "scope": "pair", "action": "ask"},
    )  # fmt: skip
    assert response.status_code == 200
    page = response.content.decode()
    assert "Comment relancer ?" in page
    assert "Choisissez au moins une fiche-action concernée." in page
    assert 'id="error-summary"' in page
    assert not Question.objects.exists()


def test_asking_through_the_page(client, referent, pairing, sheet):
    client.force_login(referent)
    response = client.post(
        reverse("tutoring:question_create"),
        {"swarmed": pairing.swarmed_structure.pk, "title": "Comment relancer un employeur ?",
         "body": "Il ne répond plus.", "sheets": [sheet.pk], "scope": "cohort", "action": "ask"},
    )  # fmt: skip
    question = Question.objects.get()
    assert response.url == reverse("tutoring:question_detail", kwargs={"pk": question.pk})
    assert question.scope == Scope.COHORT


def test_similar_search_without_javascript_keeps_the_form(client, referent, pairing, sheet):
    ask(referent, pairing, sheet, title="Relancer les employeurs après une visite")
    client.force_login(referent)
    response = client.post(
        reverse("tutoring:question_create"),
        {"swarmed": pairing.swarmed_structure.pk, "title": "Relancer un employeur",
         "body": "Mon brouillon", "action": "similar"},
    )  # fmt: skip
    page = response.content.decode()
    assert "Relancer les employeurs après une visite" in page
    assert "Mon brouillon" in page
    assert Question.objects.count() == 1


def test_similar_endpoint_answers_json(client, referent, pairing, sheet):
    ask(referent, pairing, sheet, title="Relancer les employeurs après une visite")
    client.force_login(referent)
    data = client.get(reverse("tutoring:question_similar"), {"q": "relance employeurs"}).json()
    assert [item["title"] for item in data["results"]] == [
        "Relancer les employeurs après une visite"
    ]


def test_empty_answer_is_refused_next_to_the_field(client, referent, pairing, sheet):
    question = ask(referent, pairing, sheet)
    client.force_login(pairing.expert)
    response = client.post(
        reverse("tutoring:answer_create", kwargs={"pk": question.pk}), {"body": ""}
    )
    assert response.status_code == 400
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one("#error-summary")
    assert soup.select_one("#id_body[aria-invalid=true]")


def test_accepting_through_the_page(client, referent, pairing, sheet):
    question = QuestionFactory(swarmed_structure=pairing.swarmed_structure, sheets=[sheet])
    answer = AnswerFactory(question=question)
    client.force_login(referent)
    client.post(
        reverse("tutoring:answer_accept", kwargs={"pk": question.pk, "answer_id": answer.pk})
    )
    question.refresh_from_db()
    assert question.accepted_answer == answer


@pytest.mark.parametrize("view", ["mine", "all"])
def test_member_lists_have_constant_query_counts(client, referent, pairing, sheet, view):
    url = reverse("tutoring:question_list") + f"?vue={view}"
    client.force_login(referent)
    QuestionFactory(swarmed_structure=pairing.swarmed_structure, sheets=[sheet], answered=True)
    few = count_queries(client, url)
    for _ in range(10):
        QuestionFactory(swarmed_structure=pairing.swarmed_structure, sheets=[sheet], answered=True)
    assert count_queries(client, url) == few


@pytest.mark.parametrize("role", ["expert", "ansa"])
def test_staff_lists_have_constant_query_counts(client, pairing, sheet, role):
    viewer = pairing.expert if role == "expert" else UserFactory(ansa=True)
    client.force_login(viewer)
    url = reverse("tutoring:question_list")
    QuestionFactory(swarmed_structure=pairing.swarmed_structure, sheets=[sheet])
    few = count_queries(client, url)
    for _ in range(10):
        QuestionFactory(swarmed_structure=SwarmedStructureFactory(), sheets=[sheet])
    assert count_queries(client, url) == few


def test_question_page_has_constant_query_count(client, referent, pairing, sheet):
    question = QuestionFactory(swarmed_structure=pairing.swarmed_structure, sheets=[sheet])
    url = reverse("tutoring:question_detail", kwargs={"pk": question.pk})
    client.force_login(referent)
    AnswerFactory(question=question)
    few = count_queries(client, url)
    for _ in range(10):
        AnswerFactory(question=question)
    assert count_queries(client, url) == few


def test_overdue_list_shows_escalated_questions_to_ansa(client, pairing, sheet):
    late = QuestionFactory(
        swarmed_structure=pairing.swarmed_structure, sheets=[sheet], title="Question en retard",
        escalation=EscalationLevel.EXPERTS,
    )  # fmt: skip
    QuestionFactory(swarmed_structure=pairing.swarmed_structure, sheets=[sheet], title="À l'heure")
    client.force_login(UserFactory(ansa=True))
    page = client.get(reverse("tutoring:question_list") + "?vue=overdue").content.decode()
    assert late.title in page
    assert "À l'heure" not in page
