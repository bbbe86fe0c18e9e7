"""Dashboard panels of the training-action (registered on import by modules/contrib.py).

Each panel returns None when it has nothing for the person, so the dashboard only shows what
concerns them: members of a season see « Ma formation-action », experts the sessions they lead
and the work waiting for their review, Ansa and A.CO.R's head of network the cohort dashboards.
"""

from django.http import HttpRequest
from django.urls import reverse

from modules.selectors import progress as selectors
from modules.views.progress import optional_url, session_url
from portal.registry import register_dashboard_panel
from portal.roles import Role, has_role, is_programme_staff

#: How many of the expert's next sessions and waiting submissions the panel lists.
PANEL_LIMIT = 3


@register_dashboard_panel(
    order=20, name="Ma formation-action", template="modules/panels/my_training.html"
)
def my_training_panel(request: HttpRequest) -> dict | None:
    """The next session, the work due next and where the person stands, in their latest season."""
    user = request.user
    if not has_role(user, Role.REFERENT, Role.PARTICIPANT):
        return None
    memberships = selectors.memberships_of(user)
    if not memberships:
        return None
    member = memberships[0]
    season = member.swarmed_structure.season
    progress = selectors.season_progress(season=season, swarmed_id=member.swarmed_structure_id)
    structure = progress.structures[0]
    me = next(person for person in structure.people if person.member.pk == member.pk)
    upcoming = selectors.next_session(season)
    due = structure.work_due[0] if structure.work_due else None
    return {
        "member": member,
        "season": season,
        "structure": structure,
        "me": me,
        "sheets_total": len(progress.sheets),
        "next_session": upcoming,
        "next_session_url": session_url(upcoming) if upcoming else None,
        "due": due,
        "due_url": (
            optional_url("modules:submission", assignment_id=due.assignment.pk) if due else None
        ),
        "progress_url": reverse("modules:my_progress"),
    }


@register_dashboard_panel(
    order=21, name="Mes séances et travaux à relire", template="modules/panels/expert.html"
)
def expert_panel(request: HttpRequest) -> dict | None:
    """The sessions the expert leads next and the work waiting for their review."""
    user = request.user
    if not has_role(user, Role.EXPERT, Role.HEAD_OF_NETWORK):
        return None
    sessions = selectors.sessions_led(user, limit=PANEL_LIMIT)
    to_review = selectors.submissions_to_review(user)
    if not sessions and not to_review and not selectors.leads_in_current_season(user):
        return None
    return {
        "sessions": [(session, session_url(session)) for session in sessions],
        "to_review": [
            (
                submission,
                optional_url(
                    "modules:submission_review",
                    assignment_id=submission.assignment_id,
                    swarmed_id=submission.swarmed_structure_id,
                ),
            )
            for submission in to_review[:PANEL_LIMIT]
        ],
        "to_review_count": len(to_review),
    }


@register_dashboard_panel(
    order=22, name="Suivi de la formation-action", template="modules/panels/cohort.html"
)
def cohort_panel(request: HttpRequest) -> dict | None:
    """Links to the cohort dashboard of each season in training."""
    if not is_programme_staff(request.user):
        return None
    seasons = selectors.seasons_in_training()
    if not seasons:
        return None
    return {"seasons": seasons}
