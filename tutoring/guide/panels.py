"""The guide on « Mon espace » (registered by tutoring/contrib.py): what waits for its editors.

Everyone in the editorial work sees their drafts and the entries in review (« à approuver » for
the head of network); the flags and reports counted are those of the entries they may edit.
"""

from django.http import HttpRequest

from portal.registry import register_dashboard_panel
from portal.roles import is_ansa
from tutoring.enums import EntryStatus, FlagStatus
from tutoring.guide import permissions
from tutoring.guide.models import AnonymisationFlag, GuideEntry, OutdatedReport

PANEL_LIMIT = 3


@register_dashboard_panel(
    order=33, name="Guide d'essaimage", template="tutoring/guide/manage/_panel.html"
)
def guide_panel(request: HttpRequest) -> dict | None:
    user = request.user
    if not permissions.can_edit_guide(user):
        return None
    sees_all = is_ansa(user) or permissions.is_head_of_network(user)
    editable = GuideEntry.objects.exclude(status=EntryStatus.RETIRED)
    if not sees_all:
        editable = editable.filter(owner=user)
    drafts = GuideEntry.objects.filter(owner=user, status=EntryStatus.DRAFT).order_by(
        "-updated_at", "-pk"
    )
    in_review = GuideEntry.objects.filter(status=EntryStatus.IN_REVIEW).order_by("updated_at", "pk")
    return {
        "drafts": list(drafts.only("pk", "title")[:PANEL_LIMIT]),
        "draft_count": drafts.count(),
        "in_review": list(in_review.only("pk", "title")[:PANEL_LIMIT]),
        "review_count": in_review.count(),
        "approver": permissions.is_head_of_network(user),
        "sees_all": sees_all,
        "open_flags": AnonymisationFlag.objects.filter(
            status=FlagStatus.OPEN, entry__in=editable
        ).count(),
        "open_reports": OutdatedReport.objects.filter(
            closed_at__isnull=True, entry__in=editable
        ).count(),
    }
