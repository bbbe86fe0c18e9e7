"""Tutoring questions and answers: asking, answering, accepting, closing, escalating, moderating.

A swarmed structure's person asks; the paired expert answers first. Unanswered after the season's
service level, the question goes to every expert of its sheets, then to Ansa (`escalate_due`, run
by Celery beat; the timing rule is `tutoring.sla`). Every step is a `QuestionEvent` and an audit
entry; every edit keeps the text before it (`PostRevision`); nothing is deleted, Ansa hides a post
with a reason. Questions and their accepted answers become the swarming guide.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from curriculum.models import ActionSheetPage
from modules.models import ModulePage, SwarmedStructure, TrainingSession
from portal.audit.services import audit_log
from portal.models import User
from portal.roles import Role, is_ansa, people_with_role
from portal.sanitiser import render_markdown
from tutoring import sla
from tutoring.attachments import attachments_save, stored_files
from tutoring.enums import (
    SCOPE_ORDER,
    EscalationLevel,
    QuestionEventKind,
    QuestionStatus,
    Scope,
)
from tutoring.models import (
    Answer,
    Comment,
    ExpertSheetLevel,
    PostRevision,
    Question,
    QuestionEvent,
    ScopeProposal,
    Ticket,
    TicketStatus,
    TutoringSettings,
)
from tutoring.notify import notify
from tutoring.pairing.lifecycle import active_pairing_of, touch_last_contact
from tutoring.permissions import is_swarmed_member
from tutoring.qa import permissions
from tutoring.qa.search import normalise

MAX_TITLE = 200
MAX_QUESTION = 10_000
MAX_ANSWER = 20_000
MAX_COMMENT = 5_000
MIN_TITLE = 10
#: States in which nothing more is expected: no escalation, no reminder, no new answer.
FINISHED = frozenset({QuestionStatus.CLOSED, QuestionStatus.DUPLICATE})


class ConcurrentEdit(Exception):
    """Someone saved the post since this person opened it."""


# --- Settings and helpers --------------------------------------------------------------------


def tutoring_settings_for(season) -> TutoringSettings:
    return TutoringSettings.objects.get_or_create(season=season)[0]


def tutoring_settings_save(*, actor: User, form) -> TutoringSettings:
    """Save a season's service levels (a validated `TutoringSettingsForm`); open deadlines stay."""
    if not is_ansa(actor):
        raise PermissionDenied
    before = {name: form.initial.get(name) for name in form.changed_data}
    with transaction.atomic():
        saved = form.save()
        audit_log(
            actor=actor,
            action="tutoring_settings.update",
            obj=saved,
            changes={name: [before[name], form.cleaned_data[name]] for name in form.changed_data},
        )
    return saved


def question_url(question: Question) -> str:
    return reverse("tutoring:question_detail", kwargs={"pk": question.pk})


def _event(question: Question, kind: str, *, actor=None, detail: str = "", at=None) -> None:
    QuestionEvent.objects.create(
        question=question, kind=kind, actor=actor, detail=detail[:500], at=at or timezone.now()
    )


def _check_text(errors: dict, field: str, text: str, *, maximum: int, empty: str) -> None:
    if not text or not text.strip():
        errors[field] = empty
    elif len(text) > maximum:
        errors[field] = _(
            "Ce texte compte %(length)s caractères : %(maximum)s au plus. Raccourcissez-le "
            "ou joignez un fichier."
        ) % {"length": len(text), "maximum": maximum}


def _notify(people, question: Question, **message) -> None:
    notify(people, question, url=question_url(question), **message)


def _structure_people(question: Question) -> list[User]:
    return [
        member.user
        for member in question.swarmed_structure.members.select_related("user").order_by("role")
    ]


def experts_of_sheets(question: Question) -> list[User]:
    """The experts who declared expertise on one of the question's sheets (all experts if none)."""
    sheets = list(question.sheets.values_list("pk", flat=True))
    experts = people_with_role(Role.EXPERT)
    skilled = experts.filter(
        pk__in=ExpertSheetLevel.objects.filter(sheet_id__in=sheets, level__gte=1).values(
            "profile__user_id"
        )
    )
    return list(skilled) or list(experts)


def _search_text(title: str, body: str) -> str:
    return normalise(f"{title} {body}")


# --- Asking ----------------------------------------------------------------------------------


def question_validate(
    *, title: str, body: str, sheet_ids: list[int], scope: str, swarmed: SwarmedStructure
) -> tuple[dict, list[ActionSheetPage]]:
    errors: dict = {}
    if not title or not title.strip():
        errors["title"] = _("Donnez un titre à votre question.")
    elif len(title.strip()) < MIN_TITLE:
        errors["title"] = _("Un titre de %(minimum)s caractères au moins aide à la retrouver.") % {
            "minimum": MIN_TITLE
        }
    elif len(title) > MAX_TITLE:
        errors["title"] = _("Le titre compte %(maximum)s caractères au plus.") % {
            "maximum": MAX_TITLE
        }
    _check_text(errors, "body", body, maximum=MAX_QUESTION, empty=_("Écrivez votre question."))
    sheets = list(ActionSheetPage.objects.filter(pk__in=sheet_ids or []))
    if not sheets:
        errors["sheets"] = _("Choisissez au moins une fiche-action concernée.")
    if scope not in Scope.values:
        errors["scope"] = _("Choisissez qui peut lire la question.")
    return errors, sheets


def question_create(
    *,
    actor: User,
    swarmed: SwarmedStructure,
    title: str,
    body: str,
    sheet_ids: list[int],
    scope: str = Scope.PAIR,
    module_id: int | None = None,
    session_id: int | None = None,
    checked_uploads=(),
    asked_by: User | None = None,
    from_ticket: Ticket | None = None,
) -> Question:
    """Ask a question in the name of `asked_by` (the actor, or for Ansa the ticket's author)."""
    asker = asked_by or actor
    if from_ticket is not None:
        if not is_ansa(actor):
            raise PermissionDenied
    elif not permissions.can_ask(actor, swarmed):
        raise PermissionDenied
    if not is_swarmed_member(asker, swarmed):
        raise ValidationError(_("La personne qui pose la question doit appartenir à la structure."))
    errors, sheets = question_validate(
        title=title, body=body, sheet_ids=sheet_ids, scope=scope, swarmed=swarmed
    )
    module = ModulePage.objects.filter(pk=module_id).first() if module_id else None
    session = (
        TrainingSession.objects.filter(pk=session_id, season_id=swarmed.season_id).first()
        if session_id
        else None
    )
    if session_id and session is None:
        errors["session"] = _("Choisissez une séance de votre saison.")
    if errors:
        raise ValidationError(errors)
    now = timezone.now()
    pairing = active_pairing_of(swarmed)
    level = EscalationLevel.PAIRED if pairing else EscalationLevel.EXPERTS
    levels = tutoring_settings_for(swarmed.season)
    with stored_files() as written, transaction.atomic():
        question = Question.objects.create(
            season=swarmed.season,
            swarmed_structure=swarmed,
            asked_by=asker,
            pairing=pairing,
            title=title.strip(),
            body=body,
            body_html=render_markdown(body),
            search_text=_search_text(title, body),
            module=module,
            session=session,
            scope=scope,
            escalation=level,
            escalates_at=sla.escalation_deadline(
                since=now,
                level=level,
                expert_days=levels.expert_days,
                experts_days=levels.experts_days,
            ),
            created_at=now,
        )
        question.sheets.set(sheets)
        attachments_save(
            actor=asker, checked=list(checked_uploads), written=written, question=question
        )
        _event(question, QuestionEventKind.ASKED, actor=asker, at=now)
        if from_ticket is not None:
            locked = Ticket.objects.select_for_update().get(pk=from_ticket.pk)
            if locked.converted_question_id:
                raise ValidationError(_("Cette demande a déjà été transformée en question."))
            locked.converted_question = question
            locked.status = TicketStatus.RESOLVED
            locked.save(update_fields=["converted_question", "status", "updated_at"])
            _event(
                question,
                QuestionEventKind.CONVERTED,
                actor=actor,
                detail=_("Demande « %(subject)s »") % {"subject": locked.subject},
                at=now,
            )
        audit_log(
            actor=actor,
            action="question.create",
            obj=question,
            changes={"scope": [None, scope], "escalation": [None, level]},
        )
        title_text = _("Nouvelle question de %(structure)s : %(title)s") % {
            "structure": swarmed.structure.name,
            "title": question.title,
        }
        if pairing:
            _notify(
                [pairing.expert],
                question,
                kind="question.asked",
                title=title_text,
                body=_("Vous êtes l'expert·e de ce binôme : à vous de répondre en premier."),
            )
        else:
            _notify(
                experts_of_sheets(question),
                question,
                kind="question.asked",
                title=title_text,
                body=_("Cette structure n'a pas encore d'expert·e attitré·e : toute réponse aide."),
            )
    return question


# --- Answering and commenting ----------------------------------------------------------------


def answer_create(*, actor: User, question: Question, body: str, checked_uploads=()) -> Answer:
    if not permissions.can_answer(actor, question):
        raise PermissionDenied
    errors: dict = {}
    _check_text(errors, "body", body, maximum=MAX_ANSWER, empty=_("Écrivez votre réponse."))
    if errors:
        raise ValidationError(errors)
    now = timezone.now()
    with stored_files() as written, transaction.atomic():
        locked = Question.objects.select_for_update().get(pk=question.pk)
        if locked.status in FINISHED:
            raise ValidationError(_("Cette question est close : elle ne reçoit plus de réponse."))
        answer = Answer.objects.create(
            question=locked,
            author=actor,
            body=body,
            body_html=render_markdown(body),
            created_at=now,
        )
        attachments_save(actor=actor, checked=list(checked_uploads), written=written, answer=answer)
        first = locked.first_answered_at is None
        changes = {}
        if locked.status == QuestionStatus.OPEN:
            levels = tutoring_settings_for(locked.season)
            locked.status = QuestionStatus.ANSWERED
            locked.escalates_at = None
            locked.remind_accept_at = sla.accept_reminder_at(
                answered_at=now, accept_reminder_days=levels.accept_reminder_days
            )
            changes["status"] = [QuestionStatus.OPEN, QuestionStatus.ANSWERED]
        if first:
            locked.first_answered_at = now
        locked.save()
        _event(locked, QuestionEventKind.ANSWERED, actor=actor, at=now)
        audit_log(actor=actor, action="answer.create", obj=answer, changes=changes)
        if locked.pairing and locked.pairing.expert_id == actor.pk:
            touch_last_contact(locked.pairing, now)
        _notify(
            [person for person in _structure_people(locked) if person.pk != actor.pk],
            locked,
            kind="question.answered",
            title=_("%(author)s a répondu à « %(title)s »")
            % {"author": actor, "title": locked.title},
            body=_(
                "Si la réponse vous convient, acceptez-la : elle nourrira le guide d'essaimage."
            ),
        )
    question.refresh_from_db()
    return answer


def comment_create(
    *, actor: User, question: Question, body: str, answer: Answer | None = None
) -> Comment:
    if not permissions.can_comment(actor, question):
        raise PermissionDenied
    if answer is not None and answer.question_id != question.pk:
        raise PermissionDenied
    errors: dict = {}
    _check_text(errors, "body", body, maximum=MAX_COMMENT, empty=_("Écrivez votre commentaire."))
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        comment = Comment.objects.create(
            question=question,
            answer=answer,
            author=actor,
            body=body,
            body_html=render_markdown(body),
        )
        audit_log(actor=actor, action="comment.create", obj=comment)
        recipients = {person.pk: person for person in _structure_people(question)}
        if question.pairing:
            recipients[question.pairing.expert_id] = question.pairing.expert
        if answer is not None and answer.author_id:
            recipients[answer.author_id] = answer.author
        recipients.pop(actor.pk, None)
        _notify(
            recipients.values(),
            question,
            kind="question.commented",
            title=_("Nouveau commentaire sur « %(title)s »") % {"title": question.title},
        )
    return comment


# --- Editing (with visible history) ----------------------------------------------------------


def question_edit(
    *, actor: User, question: Question, title: str, body: str, version: int
) -> Question:
    if not permissions.can_edit_question(actor, question):
        raise PermissionDenied
    errors, _sheets = question_validate(
        title=title,
        body=body,
        sheet_ids=list(question.sheets.values_list("pk", flat=True)),
        scope=question.scope,
        swarmed=question.swarmed_structure,
    )
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        locked = Question.objects.select_for_update().get(pk=question.pk)
        if locked.version != version:
            raise ConcurrentEdit
        if locked.title == title.strip() and locked.body == body:
            return locked
        PostRevision.objects.create(
            question=locked, title=locked.title, body=locked.body, body_html=locked.body_html,
            edited_by=actor,
        )  # fmt: skip
        locked.title = title.strip()
        locked.body = body
        locked.body_html = render_markdown(body)
        locked.search_text = _search_text(locked.title, body)
        locked.version += 1
        locked.save()
        _event(locked, QuestionEventKind.EDITED, actor=actor, detail=_("La question"))
        audit_log(actor=actor, action="question.edit", obj=locked, changes={"body": ["…", "…"]})
    return locked


def answer_edit(*, actor: User, answer: Answer, body: str, version: int) -> Answer:
    if not permissions.can_edit_answer(actor, answer):
        raise PermissionDenied
    errors: dict = {}
    _check_text(errors, "body", body, maximum=MAX_ANSWER, empty=_("Écrivez votre réponse."))
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        locked = Answer.objects.select_for_update().get(pk=answer.pk)
        if locked.version != version:
            raise ConcurrentEdit
        if locked.body == body:
            return locked
        PostRevision.objects.create(
            answer=locked, body=locked.body, body_html=locked.body_html, edited_by=actor
        )
        locked.body = body
        locked.body_html = render_markdown(body)
        locked.version += 1
        locked.save()
        _event(locked.question, QuestionEventKind.EDITED, actor=actor, detail=_("Une réponse"))
        audit_log(actor=actor, action="answer.edit", obj=locked, changes={"body": ["…", "…"]})
    return locked


# --- Accepting, closing, duplicates ----------------------------------------------------------


def answer_accept(*, actor: User, answer: Answer) -> Question:
    """The asker (or Ansa) marks the answer that settles the question; one at a time."""
    question = answer.question
    if not permissions.can_accept(actor, question):
        raise PermissionDenied
    if answer.hidden_at:
        raise ValidationError(_("Une réponse masquée ne peut pas être acceptée."))
    with transaction.atomic():
        locked = Question.objects.select_for_update().get(pk=question.pk)
        if locked.status in FINISHED:
            raise ValidationError(_("Cette question est close."))
        previous = locked.accepted_answer_id
        locked.accepted_answer = answer
        locked.status = QuestionStatus.RESOLVED
        locked.escalates_at = None
        locked.remind_accept_at = None
        locked.save()
        _event(locked, QuestionEventKind.ACCEPTED, actor=actor, detail=str(answer.author or ""))
        audit_log(
            actor=actor,
            action="answer.accept",
            obj=locked,
            changes={"accepted_answer": [previous, answer.pk]},
        )
        if answer.author_id and answer.author_id != actor.pk:
            _notify(
                [answer.author],
                locked,
                kind="answer.accepted",
                title=_("Votre réponse à « %(title)s » est acceptée") % {"title": locked.title},
            )
    return locked


def _restart_escalation(question: Question, now) -> None:
    """An open question waits again for an answer at its current level."""
    levels = tutoring_settings_for(question.season)
    question.status = QuestionStatus.OPEN
    question.escalates_at = sla.escalation_deadline(
        since=now,
        level=question.escalation,
        expert_days=levels.expert_days,
        experts_days=levels.experts_days,
    )


def _visible_answers(question: Question):
    return question.answers.filter(hidden_at__isnull=True)


def question_close(*, actor: User, question: Question, reason: str = "") -> Question:
    if not permissions.can_close(actor, question):
        raise PermissionDenied
    with transaction.atomic():
        locked = Question.objects.select_for_update().get(pk=question.pk)
        if locked.status in FINISHED:
            raise ValidationError(_("Cette question est déjà close."))
        previous = locked.status
        locked.status = QuestionStatus.CLOSED
        locked.escalates_at = None
        locked.remind_accept_at = None
        locked.save()
        _event(locked, QuestionEventKind.CLOSED, actor=actor, detail=reason)
        audit_log(
            actor=actor,
            action="question.close",
            obj=locked,
            changes={"status": [previous, "closed"]},
        )
    return locked


def question_reopen(*, actor: User, question: Question) -> Question:
    if not permissions.can_close(actor, question):
        raise PermissionDenied
    now = timezone.now()
    with transaction.atomic():
        locked = Question.objects.select_for_update().get(pk=question.pk)
        if locked.status not in FINISHED:
            raise ValidationError(_("Cette question n'est pas close."))
        previous = locked.status
        locked.duplicate_of = None
        if locked.accepted_answer_id:
            locked.status = QuestionStatus.RESOLVED
        elif _visible_answers(locked).exists():
            locked.status = QuestionStatus.ANSWERED
        else:
            _restart_escalation(locked, now)
        locked.save()
        _event(locked, QuestionEventKind.REOPENED, actor=actor)
        audit_log(
            actor=actor,
            action="question.reopen",
            obj=locked,
            changes={"status": [previous, locked.status]},
        )
    return locked


def question_mark_duplicate(*, actor: User, question: Question, original: Question) -> Question:
    if not permissions.can_mark_duplicate(actor, question):
        raise PermissionDenied
    errors = {}
    if original.pk == question.pk:
        errors["original"] = _("Une question ne peut pas être le doublon d'elle-même.")
    elif original.duplicate_of_id == question.pk or original.status == QuestionStatus.DUPLICATE:
        errors["original"] = _(
            "Cette question est elle-même un doublon : choisissez la question d'origine."
        )
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        locked = Question.objects.select_for_update().get(pk=question.pk)
        previous = locked.status
        locked.status = QuestionStatus.DUPLICATE
        locked.duplicate_of = original
        locked.escalates_at = None
        locked.remind_accept_at = None
        locked.save()
        _event(
            locked,
            QuestionEventKind.DUPLICATE,
            actor=actor,
            detail=_("Doublon de « %(title)s »") % {"title": original.title},
        )
        audit_log(
            actor=actor,
            action="question.duplicate",
            obj=locked,
            changes={"status": [previous, "duplicate"], "duplicate_of": [None, original.pk]},
        )
        _notify(
            [person for person in _structure_people(locked) if person.pk != actor.pk],
            locked,
            kind="question.duplicate",
            title=_("Votre question « %(title)s » a déjà une réponse ailleurs")
            % {"title": locked.title},
            body=_("Elle rejoint la question « %(original)s ».") % {"original": original.title},
        )
    return locked


# --- Visibility ------------------------------------------------------------------------------


def scope_propose(*, actor: User, question: Question, scope: str, reason: str) -> ScopeProposal:
    """Ansa proposes a wider audience; the asker decides (`scope_decide`)."""
    if not permissions.can_propose_scope(actor, question):
        raise PermissionDenied
    errors = {}
    if scope not in Scope.values or SCOPE_ORDER.index(scope) <= SCOPE_ORDER.index(question.scope):
        errors["scope"] = _("Choisissez une visibilité plus large que l'actuelle.")
    if not reason.strip():
        errors["reason"] = _("Expliquez à la personne pourquoi l'élargir.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        if question.scope_proposals.filter(agreed__isnull=True).exists():
            raise ValidationError(_("Une proposition attend déjà la réponse de la personne."))
        proposal = ScopeProposal.objects.create(
            question=question, scope=scope, reason=reason.strip(), proposed_by=actor
        )
        _event(question, QuestionEventKind.SCOPE_PROPOSED, actor=actor, detail=Scope(scope).label)
        audit_log(
            actor=actor,
            action="question.scope_propose",
            obj=question,
            changes={"scope": [question.scope, scope]},
        )
        if question.asked_by:
            _notify(
                [question.asked_by],
                question,
                kind="question.scope_proposed",
                title=_("Ansa propose d'élargir la lecture de « %(title)s »")
                % {"title": question.title},
                body=proposal.reason,
            )
    return proposal


def scope_decide(*, actor: User, proposal: ScopeProposal, agree: bool) -> ScopeProposal:
    question = proposal.question
    if not permissions.can_decide_scope(actor, question):
        raise PermissionDenied
    with transaction.atomic():
        locked = ScopeProposal.objects.select_for_update().get(pk=proposal.pk)
        if locked.agreed is not None:
            raise ValidationError(_("Cette proposition a déjà reçu une réponse."))
        locked.agreed = agree
        locked.decided_at = timezone.now()
        locked.save(update_fields=["agreed", "decided_at"])
        previous = question.scope
        if agree:
            Question.objects.filter(pk=question.pk).update(scope=locked.scope)
            question.scope = locked.scope
        _event(
            question,
            QuestionEventKind.SCOPE_WIDENED if agree else QuestionEventKind.SCOPE_DECLINED,
            actor=actor,
            detail=Scope(locked.scope).label,
        )
        audit_log(
            actor=actor,
            action="question.scope_agree" if agree else "question.scope_decline",
            obj=question,
            changes={"scope": [previous, question.scope]},
        )
        if locked.proposed_by:
            _notify(
                [locked.proposed_by],
                question,
                kind="question.scope_decided",
                title=(
                    _("Élargissement accepté : « %(title)s »")
                    if agree
                    else _("Élargissement refusé : « %(title)s »")
                )
                % {"title": question.title},
            )
    return locked


# --- Moderation ------------------------------------------------------------------------------


def post_hide(*, actor: User, post: Question | Answer | Comment, reason: str) -> None:
    """Ansa hides a post with a reason; it stays in the database and in the audit log."""
    if not permissions.can_moderate(actor):
        raise PermissionDenied
    if not reason.strip():
        raise ValidationError({"reason": _("Indiquez le motif du masquage.")})
    if post.hidden_at:
        raise ValidationError(_("Ce message est déjà masqué."))
    now = timezone.now()
    question = post if isinstance(post, Question) else post.question
    with transaction.atomic():
        type(post).objects.filter(pk=post.pk).update(hidden_at=now, hidden_reason=reason.strip())
        post.hidden_at, post.hidden_reason = now, reason.strip()
        if isinstance(post, Answer):
            locked = Question.objects.select_for_update().get(pk=question.pk)
            if locked.accepted_answer_id == post.pk:
                locked.accepted_answer = None
                locked.status = QuestionStatus.ANSWERED
            if locked.status not in FINISHED and not _visible_answers(locked).exists():
                _restart_escalation(locked, now)
                locked.remind_accept_at = None
            locked.save()
        _event(question, QuestionEventKind.HIDDEN, actor=actor, detail=reason.strip())
        audit_log(
            actor=actor,
            action=f"{type(post).__name__.lower()}.hide",
            obj=post,
            changes={"hidden_reason": [None, reason.strip()]},
        )


# --- Escalation and reminders (Celery beat) --------------------------------------------------


def escalate_due(*, now=None) -> int:
    """Move every open question whose deadline passed one level up; returns how many moved."""
    now = now or timezone.now()
    moved = 0
    due = Question.objects.filter(
        status=QuestionStatus.OPEN, escalates_at__lte=now, hidden_at__isnull=True
    ).exclude(escalation=EscalationLevel.ANSA)
    for pk in due.values_list("pk", flat=True):
        with transaction.atomic():
            question = (
                Question.objects.select_for_update(of=("self",))
                .select_related("season", "swarmed_structure__structure")
                .filter(pk=pk, status=QuestionStatus.OPEN, escalates_at__lte=now)
                .first()
            )
            if question is None:  # answered or moved by another worker meanwhile
                continue
            _escalate(question, now)
            moved += 1
    return moved


def _escalate(question: Question, now) -> None:
    target = sla.next_level(question.escalation)
    if target is None:
        question.escalates_at = None
        question.save(update_fields=["escalates_at"])
        return
    levels = tutoring_settings_for(question.season)
    previous = question.escalation
    question.escalation = target
    question.escalates_at = sla.escalation_deadline(
        since=now, level=target, expert_days=levels.expert_days, experts_days=levels.experts_days
    )
    question.save(update_fields=["escalation", "escalates_at", "updated_at"])
    structure = question.swarmed_structure.structure.name
    if target == EscalationLevel.EXPERTS:
        kind = QuestionEventKind.ESCALATED_EXPERTS
        recipients = experts_of_sheets(question)
        title = _("Question sans réponse de %(structure)s : %(title)s")
        body = _(
            "L'expert·e du binôme n'a pas répondu dans le délai : votre expertise est demandée."
        )
    else:
        kind = QuestionEventKind.ESCALATED_ANSA
        recipients = list(people_with_role(Role.ANSA))
        title = _("Question toujours sans réponse de %(structure)s : %(title)s")
        body = _(
            "Ni l'expert·e du binôme ni les expert·es des fiches n'ont répondu dans les délais."
        )
    _event(question, kind, at=now)
    audit_log(
        actor=None,
        action="question.escalate",
        obj=question,
        changes={"escalation": [previous, target]},
    )
    _notify(
        recipients,
        question,
        kind=f"question.{kind}",
        title=title % {"structure": structure, "title": question.title},
        body=body,
    )
    if question.asked_by:
        _notify(
            [question.asked_by],
            question,
            kind=f"question.{kind}",
            title=_("Votre question « %(title)s » est transmise plus largement")
            % {"title": question.title},
            body=_("Elle attend toujours une réponse : %(who)s la reçoivent maintenant.")
            % {"who": EscalationLevel(target).label},
        )


def remind_accept_due(*, now=None) -> int:
    """Remind askers to accept an answer that came K working days ago; once per question."""
    now = now or timezone.now()
    reminded = 0
    due = Question.objects.filter(
        status=QuestionStatus.ANSWERED, remind_accept_at__lte=now, asked_by__isnull=False
    )
    for pk in due.values_list("pk", flat=True):
        with transaction.atomic():
            question = (
                Question.objects.select_for_update(of=("self",))
                .filter(pk=pk, status=QuestionStatus.ANSWERED, remind_accept_at__lte=now)
                .select_related("asked_by")
                .first()
            )
            if question is None:
                continue
            question.remind_accept_at = None
            question.save(update_fields=["remind_accept_at"])
            _event(question, QuestionEventKind.ACCEPT_REMINDER, at=now)
            _notify(
                [question.asked_by],
                question,
                kind="question.accept_reminder",
                title=_("Une réponse à « %(title)s » vous attend") % {"title": question.title},
                body=_(
                    "Si elle vous a aidé·e, acceptez-la ; sinon, dites en commentaire ce qui "
                    "manque."
                ),
            )
            reminded += 1
    return reminded
