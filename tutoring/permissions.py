"""Who may do what in tutoring. Views and services ask here, never elsewhere.

- A swarmed structure's people (its `SwarmedMember`s, referent and participants) ask questions,
  open hotline tickets, read their pair's space.
- A.CO.R experts (and the head of network) read every question; the paired expert answers first,
  any expert once the question has escalated. The pair's private space (its log) is theirs while
  the pairing runs: a guardian grant follows the pairing and is withdrawn when it ends.
- Ansa's programme team runs the pairing, moderates, answers once a question reaches it, and reads
  everything, history included.
- Other visitors, the steering committee included, see nothing of tutoring.
"""

from modules.models import SwarmedMember, SwarmedStructure
from portal.roles import Role, has_role, is_ansa

PAIR_SPACE_PERMISSION = "tutoring.view_pair_space"


def _authenticated(user) -> bool:
    return bool(getattr(user, "is_authenticated", False))


def is_expert(user) -> bool:
    """A.CO.R's experts and head of network: they read every question."""
    return _authenticated(user) and has_role(user, Role.EXPERT, Role.HEAD_OF_NETWORK)


def swarmed_ids(user) -> frozenset[int]:
    """The swarmed structures (any season) the user is a member of (one query, cached)."""
    if not _authenticated(user):
        return frozenset()
    cached = getattr(user, "_essaim_swarmed", None)
    if cached is None:
        cached = frozenset(
            SwarmedMember.objects.filter(user=user).values_list("swarmed_structure_id", flat=True)
        )
        user._essaim_swarmed = cached
    return cached


def is_swarmed_member(user, swarmed: SwarmedStructure | int) -> bool:
    pk = swarmed if isinstance(swarmed, int) else swarmed.pk
    return pk in swarmed_ids(user)


def can_manage_tutoring(user) -> bool:
    """Ansa runs the pairing, the service levels, moderation and the hotline."""
    return is_ansa(user)


def can_see_pair_space(user, pairing) -> bool:
    """The pair's private space: its structure's people, its expert while it runs, Ansa."""
    if not _authenticated(user):
        return False
    if is_ansa(user) or is_swarmed_member(user, pairing.swarmed_structure_id):
        return True
    return user.has_perm(PAIR_SPACE_PERMISSION, pairing)


def can_use_tutoring(user) -> bool:
    """Whoever has a place in tutoring: members of a swarmed structure, experts, Ansa."""
    return is_ansa(user) or is_expert(user) or bool(swarmed_ids(user))
