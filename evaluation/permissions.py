"""Who may see and do what in the evaluation. Views and services ask here, never elsewhere.

- A swarmed structure's people (its referent and participants) fill and submit their own
  structure's reports; nobody else's (404).
- A.CO.R's experts read the reports of the structures they tutor (a pairing of that season) and
  counter-rate their fidelity; the head of network reads every report and decides the label.
- Ansa reads everything, reviews (accepts or sends back), records phone interviews, edits the
  catalogue and the milestone offsets.
- The steering committee reads the programme dashboard: aggregates only, never one structure's
  report or a person's data.
"""

from portal.roles import Role, has_role, is_ansa
from tutoring.guide.permissions import is_head_of_network
from tutoring.permissions import _authenticated, is_swarmed_member


def tutored_structure_ids(user) -> frozenset[int]:
    """The swarmed structures this expert tutors or tutored (one query, cached)."""
    if not _authenticated(user) or not has_role(user, Role.EXPERT, Role.HEAD_OF_NETWORK):
        return frozenset()
    cached = getattr(user, "_essaim_tutored", None)
    if cached is None:
        from tutoring.models import Pairing

        cached = frozenset(
            Pairing.objects.filter(expert=user).values_list("swarmed_structure_id", flat=True)
        )
        user._essaim_tutored = cached
    return cached


def can_manage_evaluation(user) -> bool:
    """Ansa runs the evaluation: catalogue, offsets, reviews, phone interviews."""
    return is_ansa(user)


def reads_every_report(user) -> bool:
    return is_ansa(user) or is_head_of_network(user)


def can_see_report(user, report) -> bool:
    if not _authenticated(user):
        return False
    if reads_every_report(user):
        return True
    sid = report.swarmed_structure_id
    return is_swarmed_member(user, sid) or sid in tutored_structure_ids(user)


def can_see_structure_evaluation(user, swarmed) -> bool:
    """One structure's evaluation page and bilan: as its reports (its people, its experts, the
    head of network, Ansa)."""
    if not _authenticated(user):
        return False
    sid = getattr(swarmed, "pk", swarmed)
    return (
        reads_every_report(user)
        or is_swarmed_member(user, sid)
        or sid in tutored_structure_ids(user)
    )


def can_edit_report(user, report) -> bool:
    """The structure's people fill their report while it is in their hands."""
    from evaluation.enums import OPEN_STATUSES

    return report.status in OPEN_STATUSES and is_swarmed_member(user, report.swarmed_structure_id)


def can_record_phone_interview(user, report) -> bool:
    from evaluation.enums import OPEN_STATUSES, Milestone

    return (
        report.milestone == Milestone.APPROPRIATION
        and report.status in OPEN_STATUSES
        and is_ansa(user)
    )


def can_review_report(user, report) -> bool:
    from evaluation.enums import ReportStatus

    return report.status == ReportStatus.SUBMITTED and is_ansa(user)


def can_counter_rate(user, report) -> bool:
    """The structure's expert (or the head of network) counter-rates a report once sent."""
    from evaluation.enums import ReportStatus

    if report.status not in {ReportStatus.SUBMITTED, ReportStatus.ACCEPTED}:
        return False
    return is_head_of_network(user) or report.swarmed_structure_id in tutored_structure_ids(user)


def can_decide_label(user) -> bool:
    return is_head_of_network(user)


def can_see_dashboard(user) -> bool:
    """The programme's aggregates: Ansa, A.CO.R's head of network, the steering committee."""
    return reads_every_report(user) or has_role(user, Role.STEERING)


def can_export(user) -> bool:
    """Every value of every report: Ansa and the head of network only."""
    return reads_every_report(user)
