"""Reading tutoring questions: the lists of each role, one question with everything around it."""

from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet

from curriculum.models import ActionSheetPage
from modules.models import Season
from portal.roles import is_ansa
from tutoring.enums import EscalationLevel, QuestionStatus
from tutoring.models import Answer, Attachment, Comment, Question
from tutoring.permissions import is_expert, swarmed_ids
from tutoring.qa import search
from tutoring.qa.permissions import questions_visible_to

#: The lists a role sees, its default first.
ROLE_VIEWS = {
    "ansa": ["unanswered", "overdue", "all"],
    "expert": ["to_answer", "all"],
    "member": ["mine", "all"],
}


def views_for(user) -> list[str]:
    if is_ansa(user):
        return ROLE_VIEWS["ansa"]
    if is_expert(user):
        return ROLE_VIEWS["expert"]
    return ROLE_VIEWS["member"]


def _listed(queryset: QuerySet[Question]) -> QuerySet[Question]:
    """What a list row needs, in a constant number of queries."""
    return (
        queryset.select_related(
            "season", "swarmed_structure__structure", "asked_by", "pairing__expert"
        )
        .prefetch_related(
            Prefetch("sheets", queryset=ActionSheetPage.objects.only("pk", "title", "number"))
        )
        .annotate(
            answer_count=Count("answers", filter=Q(answers__hidden_at__isnull=True), distinct=True)
        )
        .defer("body", "body_html", "search_text")
    )


@dataclass
class Filters:
    view: str
    sheet: int | None = None
    season: str = ""
    status: str = ""
    text: str = ""


def question_list(user, filters: Filters):
    """The questions of one list for this user, filtered; a queryset, or a ranked list on search."""
    questions = questions_visible_to(user, Question.objects.all())
    if filters.view == "mine":
        questions = questions.filter(swarmed_structure_id__in=swarmed_ids(user))
    elif filters.view == "to_answer":
        questions = (
            questions.filter(status=QuestionStatus.OPEN)
            .filter(
                Q(pairing__expert=user, pairing__status="active")
                | Q(
                    swarmed_structure__pairings__expert=user,
                    swarmed_structure__pairings__status="active",
                )
                | Q(escalation__in=[EscalationLevel.EXPERTS, EscalationLevel.ANSA])
            )
            .distinct()
        )
    elif filters.view == "unanswered":
        questions = questions.filter(status=QuestionStatus.OPEN)
    elif filters.view == "overdue":
        questions = questions.filter(status=QuestionStatus.OPEN).exclude(
            escalation=EscalationLevel.PAIRED
        )
    if filters.sheet:
        questions = questions.filter(sheets=filters.sheet)
    if filters.season:
        questions = questions.filter(season__slug=filters.season)
    if filters.status:
        questions = questions.filter(status=filters.status)
    if filters.view in {"to_answer", "unanswered", "overdue"}:
        questions = questions.order_by("escalates_at", "created_at", "pk")
    else:
        questions = questions.order_by("-created_at", "-pk")
    questions = _listed(questions)
    if filters.text:
        return search.search(questions, filters.text)
    return questions


def similar_questions(user, text: str, *, exclude: int | None = None, limit: int = 5) -> list:
    """Questions this user may read that share words with `text`, most similar first."""
    visible = questions_visible_to(user, Question.objects.filter(hidden_at__isnull=True))
    if exclude:
        visible = visible.exclude(pk=exclude)
    visible = visible.select_related("season").only(
        "pk", "title", "status", "created_at", "season__name", "search_text"
    )
    return list(search.search(visible, text, limit=limit))


def question_get(pk: int) -> Question | None:
    return (
        Question.objects.select_related(
            "season",
            "swarmed_structure__structure",
            "swarmed_structure__season",
            "asked_by",
            "pairing__expert",
            "module",
            "session",
            "duplicate_of",
            "accepted_answer",
        )
        .filter(pk=pk)
        .first()
    )


def question_thread(question: Question) -> dict:
    """Answers, comments, attachments, events and revisions count of a question, in few queries."""
    answers = list(
        question.answers.select_related("author")
        .prefetch_related(
            Prefetch("attachments", queryset=Attachment.objects.order_by("pk")),
            "revisions",
        )
        .order_by("created_at", "pk")
    )
    comments = list(question.comments.select_related("author").order_by("created_at", "pk"))
    by_answer: dict[int | None, list[Comment]] = {}
    for comment in comments:
        by_answer.setdefault(comment.answer_id, []).append(comment)
    for answer in answers:
        answer.thread_comments = by_answer.get(answer.pk, [])
    return {
        "answers": answers,
        "question_comments": by_answer.get(None, []),
        "attachments": list(question.attachments.order_by("pk")),
        "events": list(question.events.select_related("actor").order_by("at", "pk")),
        "revision_count": question.revisions.count(),
        "duplicates": list(question.duplicates.only("pk", "title")),
        "pending_scope": question.scope_proposals.filter(agreed__isnull=True).first(),
    }


def seasons_of(user) -> list[Season]:
    if is_ansa(user) or is_expert(user):
        return list(Season.objects.order_by("-call_opens_at"))
    return list(
        Season.objects.filter(swarmed__pk__in=swarmed_ids(user))
        .distinct()
        .order_by("-call_opens_at")
    )


def answer_get(pk: int) -> Answer | None:
    return Answer.objects.select_related("question__season", "author").filter(pk=pk).first()


def attachment_get(pk: int) -> Attachment | None:
    return (
        Attachment.objects.select_related("question", "answer__question")
        .filter(Q(question__isnull=False) | Q(answer__isnull=False))
        .filter(pk=pk)
        .first()
    )
