"""Who may do what in the training-action. Views and services ask here, never elsewhere.

- Members of a season: the people of its swarmed structures (`SwarmedMember`), referent or
  participant. They see the season's sessions, resources and their own structure's work only.
- Ansa's programme team runs the season: sessions, people, attendance, assignments.
- A.CO.R experts: those leading a module in the season (`ModuleLead`) mark attendance of the
  sessions they lead (or are named on) and review that module's intersession work.
"""

from modules.models import ModuleLead, Season, SwarmedMember, TrainingSession
from portal.roles import Role, has_role, is_ansa


def _authenticated(user) -> bool:
    return bool(getattr(user, "is_authenticated", False))


def member_of(user, season: Season) -> SwarmedMember | None:
    """The user's place in the season (referent or participant), or None."""
    if not _authenticated(user):
        return None
    return (
        SwarmedMember.objects.select_related("swarmed_structure__structure")
        .filter(user=user, swarmed_structure__season=season)
        .first()
    )


def is_season_member(user, season: Season) -> bool:
    return member_of(user, season) is not None


def can_manage_season(user) -> bool:
    return is_ansa(user)


def leads_module(user, season: Season, module_id: int) -> bool:
    return (
        _authenticated(user)
        and ModuleLead.objects.filter(season=season, module_id=module_id, expert=user).exists()
    )


def can_mark_attendance(user, session: TrainingSession) -> bool:
    """Ansa, or an expert leading the session or its module in the season."""
    if is_ansa(user):
        return True
    if not (_authenticated(user) and has_role(user, Role.EXPERT, Role.HEAD_OF_NETWORK)):
        return False
    if session.experts.filter(pk=user.pk).exists():
        return True
    return session.module_id is not None and leads_module(user, session.season, session.module_id)


def can_see_season(user, season: Season) -> bool:
    """The season's calendar and resources: its members, its experts, Ansa and A.CO.R."""
    if is_ansa(user) or has_role(user, Role.HEAD_OF_NETWORK):
        return True
    if _authenticated(user) and ModuleLead.objects.filter(season=season, expert=user).exists():
        return True
    return is_season_member(user, season)
