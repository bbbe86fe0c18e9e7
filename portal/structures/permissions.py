"""Who may do what with a structure, its members and its invitations.

A structure's pages are for its active members and for Ansa; anyone else gets a 404, so a
structure's existence never leaks. Managing members is for the structure's administrators and
Ansa.
"""

from portal.models import Invitation, Membership, Structure
from portal.roles import is_ansa, is_structure_admin, is_structure_member


def can_create_structure(user) -> bool:
    return is_ansa(user)


def can_view_structure(user, structure: Structure) -> bool:
    return is_ansa(user) or is_structure_member(user, structure)


def can_update_structure(user, structure: Structure) -> bool:
    return is_ansa(user) or is_structure_admin(user, structure)


def can_manage_members(user, structure: Structure) -> bool:
    """Invite, re-send and revoke invitations, change or end memberships, see past members."""
    return is_ansa(user) or is_structure_admin(user, structure)


def can_invite_member(user, structure: Structure) -> bool:
    return can_manage_members(user, structure)


def can_update_membership(user, membership: Membership) -> bool:
    return can_manage_members(user, membership.structure)


def can_end_membership(user, membership: Membership) -> bool:
    """Managers end anyone's membership; a member may also leave by themself."""
    return can_manage_members(user, membership.structure) or (
        membership.user_id == getattr(user, "pk", None)
        and is_structure_member(user, membership.structure)
    )


def can_resend_invitation(user, invitation: Invitation) -> bool:
    return can_manage_members(user, invitation.structure)


def can_revoke_invitation(user, invitation: Invitation) -> bool:
    return can_manage_members(user, invitation.structure)
