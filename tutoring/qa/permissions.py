"""Who may read and act on tutoring questions. Views and services ask here, never elsewhere.

Reading: A.CO.R's experts and head of network and Ansa read every question; a swarmed
structure's people read their own structure's questions, the questions of their season's cohort
shared with the cohort, and those shared with the whole programme. Nobody else reads any (404).
Hidden questions are read only by Ansa and the structure that asked them.

Answering: the expert of the structure's running pairing first; once the question has escalated,
any expert; once it reached Ansa, Ansa too. Accepting and closing: the asker or Ansa.
"""

from django.db.models import Q, QuerySet

from modules.models import SwarmedStructure
from portal.roles import is_ansa
from tutoring.enums import EscalationLevel, PairingStatus, QuestionStatus, Scope
from tutoring.models import Answer, Pairing, Question
from tutoring.permissions import (
    _authenticated,
    can_manage_tutoring,
    is_expert,
    is_swarmed_member,
    swarmed_ids,
)


def reads_everything(user) -> bool:
    return is_ansa(user) or is_expert(user)


def questions_visible_to(user, queryset: QuerySet[Question]) -> QuerySet[Question]:
    """The part of `queryset` the user may read (one query, whatever the data)."""
    if not _authenticated(user):
        return queryset.none()
    if is_ansa(user):
        return queryset
    if is_expert(user):
        return queryset.filter(hidden_at__isnull=True)
    own = swarmed_ids(user)
    if not own:
        return queryset.none()
    seasons = SwarmedStructure.objects.filter(pk__in=own).values("season_id")
    shared = Q(hidden_at__isnull=True) & (
        Q(scope=Scope.PROGRAMME) | Q(scope=Scope.COHORT, season_id__in=seasons)
    )
    return queryset.filter(Q(swarmed_structure_id__in=own) | shared)


def can_see_question(user, question: Question) -> bool:
    if not _authenticated(user):
        return False
    if is_ansa(user) or is_swarmed_member(user, question.swarmed_structure_id):
        return True
    if question.hidden_at:
        return False
    if is_expert(user) or (question.scope == Scope.PROGRAMME and swarmed_ids(user)):
        return True
    if question.scope == Scope.COHORT:
        return SwarmedStructure.objects.filter(
            pk__in=swarmed_ids(user), season_id=question.season_id
        ).exists()
    return False


def can_ask(user, swarmed: SwarmedStructure) -> bool:
    """The structure's people (referent or participant) ask in its name."""
    return is_swarmed_member(user, swarmed)


def is_paired_expert(user, question: Question) -> bool:
    """The expert of the pairing in force when it was asked, or of the structure's current one."""
    if not _authenticated(user):
        return False
    pairing = question.pairing
    if pairing is not None and pairing.is_active and pairing.expert_id == user.pk:
        return True
    return Pairing.objects.filter(
        swarmed_structure_id=question.swarmed_structure_id,
        status=PairingStatus.ACTIVE,
        expert=user,
    ).exists()


def can_answer(user, question: Question) -> bool:
    if question.status in {QuestionStatus.CLOSED, QuestionStatus.DUPLICATE} or question.hidden_at:
        return False
    if is_paired_expert(user, question):
        return True
    if question.escalation in {EscalationLevel.EXPERTS, EscalationLevel.ANSA} and is_expert(user):
        return True
    if question.status != QuestionStatus.OPEN and is_expert(user):
        # Once answered, other experts may add their view: the guide gains from it.
        return True
    return question.escalation == EscalationLevel.ANSA and is_ansa(user)


def can_comment(user, question: Question) -> bool:
    return can_see_question(user, question) and not question.hidden_at


def is_asker(user, question: Question) -> bool:
    return _authenticated(user) and question.asked_by_id == user.pk


def can_accept(user, question: Question) -> bool:
    return is_asker(user, question) or is_ansa(user)


def can_close(user, question: Question) -> bool:
    return is_asker(user, question) or is_ansa(user)


def can_edit_question(user, question: Question) -> bool:
    return (is_asker(user, question) or is_ansa(user)) and not question.hidden_at


def can_edit_answer(user, answer: Answer) -> bool:
    authored = _authenticated(user) and answer.author_id == user.pk
    return (authored or is_ansa(user)) and not answer.hidden_at


def can_mark_duplicate(user, question: Question) -> bool:
    return is_ansa(user) or is_expert(user)


def can_moderate(user) -> bool:
    return can_manage_tutoring(user)


def can_propose_scope(user, question: Question) -> bool:
    return can_manage_tutoring(user)


def can_decide_scope(user, question: Question) -> bool:
    return is_asker(user, question)
