"""Dashboard panels of the evaluation (registered by evaluation/contrib.py).

A structure's people see their next report due and those late; Ansa the late reports and those
waiting for its review; an expert the reports of their structures waiting for a counter-rating.
"""

from django.http import HttpRequest
from django.utils import timezone

from evaluation import permissions
from evaluation.enums import OPEN_STATUSES, ReportStatus
from evaluation.models import MilestoneReport
from portal.registry import register_dashboard_panel
from tutoring.permissions import is_expert, swarmed_ids

PANEL_LIMIT = 3


def _with_structure(reports):
    return reports.select_related("swarmed_structure__structure", "swarmed_structure__season")


@register_dashboard_panel(
    order=40, name="Mes bilans d'étape", template="evaluation/reports/panel_member.html"
)
def member_panel(request: HttpRequest) -> dict | None:
    own = swarmed_ids(request.user)
    if not own:
        return None
    today = timezone.localdate()
    open_reports = _with_structure(
        MilestoneReport.objects.filter(swarmed_structure_id__in=own, status__in=OPEN_STATUSES)
    ).order_by("due_on")
    late = list(open_reports.filter(due_on__lt=today)[:PANEL_LIMIT])
    upcoming = open_reports.filter(due_on__gte=today).first()
    returned = open_reports.filter(status=ReportStatus.RETURNED).count()
    if not late and upcoming is None:
        return None
    return {
        "late": late,
        "late_count": open_reports.filter(due_on__lt=today).count(),
        "next": upcoming,
        "returned": returned,
    }


@register_dashboard_panel(
    order=41, name="Bilans d'étape du programme", template="evaluation/reports/panel_ansa.html"
)
def ansa_panel(request: HttpRequest) -> dict | None:
    if not permissions.can_manage_evaluation(request.user):
        return None
    today = timezone.localdate()
    return {
        "late": MilestoneReport.objects.filter(status__in=OPEN_STATUSES, due_on__lt=today).count(),
        "to_review": MilestoneReport.objects.filter(status=ReportStatus.SUBMITTED).count(),
    }


@register_dashboard_panel(
    order=42, name="Bilans à contre-évaluer", template="evaluation/reports/panel_expert.html"
)
def expert_panel(request: HttpRequest) -> dict | None:
    user = request.user
    if not is_expert(user):
        return None
    tutored = permissions.tutored_structure_ids(user)
    if not tutored:
        return None
    waiting = _with_structure(
        MilestoneReport.objects.filter(
            swarmed_structure_id__in=tutored,
            status__in=[ReportStatus.SUBMITTED, ReportStatus.ACCEPTED],
            fidelity_ratings__self_level__isnull=False,
            fidelity_ratings__expert_level__isnull=True,
        ).distinct()
    ).order_by("due_on")
    reports = list(waiting[: PANEL_LIMIT + 1])
    if not reports:
        return None
    return {
        "reports": reports[:PANEL_LIMIT],
        "more": len(reports) > PANEL_LIMIT,
        "count": waiting.count() if len(reports) > PANEL_LIMIT else len(reports),
    }


@register_dashboard_panel(
    order=43, name="Évaluation du programme", template="evaluation/reports/panel_programme.html"
)
def programme_panel(request: HttpRequest) -> dict | None:
    """The way in for those who read the programme's figures (A.CO.R, the steering committee)."""
    user = request.user
    if not permissions.can_see_dashboard(user):
        return None
    return {
        "reads_reports": permissions.reads_every_report(user),
        "decides_label": permissions.can_decide_label(user),
    }
