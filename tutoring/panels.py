"""Dashboard panels of tutoring and the sheet page's questions (registered by tutoring/contrib.py).

Members see their expert, their questions and the hotline; experts the questions waiting for
them and the structures they tutor; Ansa what is unanswered, overdue or waiting for its team.
"""

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from curriculum.relations import RelatedItem, SheetRelation, register_sheet_relation
from modules.models import Season
from portal.registry import register_dashboard_panel
from portal.roles import is_ansa
from tutoring.enums import EscalationLevel, PairingStatus, QuestionStatus, TicketStatus
from tutoring.models import Pairing, PairingChangeRequest, Question, Ticket
from tutoring.permissions import is_expert, swarmed_ids
from tutoring.qa.permissions import questions_visible_to
from tutoring.qa.selectors import Filters, question_list

PANEL_LIMIT = 3


@register_dashboard_panel(order=30, name="Mon tutorat", template="tutoring/panels/member.html")
def member_panel(request: HttpRequest) -> dict | None:
    """The structure's expert, its questions waiting and its hotline requests."""
    own = swarmed_ids(request.user)
    if not own:
        return None
    pairing = (
        Pairing.objects.filter(swarmed_structure_id__in=own, status=PairingStatus.ACTIVE)
        .select_related("expert", "swarmed_structure__structure", "swarmed_structure__season")
        .order_by("-swarmed_structure__season__call_opens_at")
        .first()
    )
    questions = Question.objects.filter(swarmed_structure_id__in=own)
    return {
        "pairing": pairing,
        "waiting": questions.filter(status=QuestionStatus.OPEN).count(),
        "to_accept": questions.filter(
            status=QuestionStatus.ANSWERED, asked_by=request.user
        ).count(),
        "open_tickets": Ticket.objects.filter(swarmed_structure_id__in=own)
        .exclude(status=TicketStatus.RESOLVED)
        .count(),
    }


@register_dashboard_panel(
    order=31, name="Questions à répondre", template="tutoring/panels/expert.html"
)
def expert_panel(request: HttpRequest) -> dict | None:
    user = request.user
    if not is_expert(user):
        return None
    waiting = question_list(user, Filters(view="to_answer"))
    pairings = list(
        Pairing.objects.filter(expert=user, status=PairingStatus.ACTIVE).select_related(
            "swarmed_structure__structure", "swarmed_structure__season"
        )
    )
    return {
        "questions": list(waiting[:PANEL_LIMIT]),
        "count": waiting.count(),
        "pairings": pairings,
    }


@register_dashboard_panel(
    order=32, name="Tutorat du programme", template="tutoring/panels/ansa.html"
)
def ansa_panel(request: HttpRequest) -> dict | None:
    if not is_ansa(request.user):
        return None
    open_questions = Question.objects.filter(status=QuestionStatus.OPEN, hidden_at__isnull=True)
    seasons = list(
        Season.objects.filter(swarmed__isnull=False).distinct().order_by("-call_opens_at")[:2]
    )
    return {
        "unanswered": open_questions.count(),
        "overdue": open_questions.exclude(escalation=EscalationLevel.PAIRED).count(),
        "at_ansa": open_questions.filter(escalation=EscalationLevel.ANSA).count(),
        "open_tickets": Ticket.objects.exclude(status=TicketStatus.RESOLVED).count(),
        "change_requests": PairingChangeRequest.objects.filter(status="open").count(),
        "seasons": seasons,
    }


def _sheet_questions(sheet, user) -> list[RelatedItem]:
    if not (is_ansa(user) or is_expert(user) or swarmed_ids(user)):
        return []
    visible = questions_visible_to(
        user, Question.objects.filter(sheets=sheet, hidden_at__isnull=True)
    ).select_related("season")
    return [
        RelatedItem(
            title=question.title,
            url=reverse("tutoring:question_detail", kwargs={"pk": question.pk}),
            meta=_("%(status)s, %(season)s")
            % {"status": question.get_status_display(), "season": question.season.name},
        )
        for question in visible.order_by("-created_at")[:5]
    ]


register_sheet_relation(
    SheetRelation(
        key="tutoring_questions",
        label=gettext_lazy("Questions au tutorat sur cette fiche"),
        provider=_sheet_questions,
        empty_text=gettext_lazy("Aucune question que vous puissiez lire ne porte sur cette fiche."),
    )
)
