"""Who may read and edit the tutoring profiles, and declare conflicts of interest.

- An expert's profile: edited by the expert and Ansa; read by Ansa, the head of network, the
  other experts and the people of a structure this expert tutors now.
- A swarmed structure's needs: edited by its referent and Ansa; read by its people, the expert
  tutoring it now, Ansa and the head of network. Anyone else gets a 404.
- Conflicts of interest: Ansa declares and removes them; an expert may declare their own.
"""

from modules.models import SeasonRole, SwarmedMember, SwarmedStructure
from portal.models import User
from portal.roles import Role, has_role, is_ansa
from tutoring.enums import PairingStatus
from tutoring.models import Pairing
from tutoring.permissions import _authenticated, is_expert, swarmed_ids


def is_tutor(user) -> bool:
    """Someone who can hold an expert profile: an A.CO.R expert or the head of network."""
    return is_expert(user)


def _tutored_by(expert: User) -> frozenset[int]:
    """The swarmed structures the expert tutors now (one query, cached on the expert object)."""
    cached = getattr(expert, "_essaim_tutored", None)
    if cached is None:
        cached = frozenset(
            Pairing.objects.filter(expert=expert, status=PairingStatus.ACTIVE).values_list(
                "swarmed_structure_id", flat=True
            )
        )
        expert._essaim_tutored = cached
    return cached


def can_see_expert_profile(user, expert: User) -> bool:
    if not _authenticated(user):
        return False
    if is_ansa(user) or is_expert(user) or user.pk == expert.pk:
        return True
    return bool(swarmed_ids(user) & _tutored_by(expert))


def can_edit_expert_profile(user, expert: User) -> bool:
    return _authenticated(user) and (is_ansa(user) or (user.pk == expert.pk and is_tutor(user)))


def is_referent_of(user, swarmed: SwarmedStructure) -> bool:
    return (
        _authenticated(user)
        and swarmed.pk in swarmed_ids(user)
        and SwarmedMember.objects.filter(
            swarmed_structure=swarmed, user=user, role=SeasonRole.REFERENT
        ).exists()
    )


def can_see_needs_profile(user, swarmed: SwarmedStructure) -> bool:
    if not _authenticated(user):
        return False
    if is_ansa(user) or has_role(user, Role.HEAD_OF_NETWORK):
        return True
    if swarmed.pk in swarmed_ids(user):
        return True
    return is_expert(user) and swarmed.pk in _tutored_by(user)


def can_edit_needs_profile(user, swarmed: SwarmedStructure) -> bool:
    return is_ansa(user) or is_referent_of(user, swarmed)


def can_declare_conflict(user, expert: User) -> bool:
    """Ansa for any expert; an expert for themself (on their own profile)."""
    return is_ansa(user) or (_authenticated(user) and user.pk == expert.pk and is_tutor(user))


def can_remove_conflict(user) -> bool:
    """Only Ansa lifts a conflict: it protects the programme, whoever declared it."""
    return is_ansa(user)
