"""Who reads the full framework: it is A.CO.R's intellectual property."""

from portal.roles import Role, has_role

#: Members of a swarmed structure of any season (current or past) hold the referent or
#: participant role, derived from `modules.SwarmedMember` by `portal.roles.user_roles`.
FULL_FRAMEWORK_ROLES = (
    Role.ANSA,
    Role.HEAD_OF_NETWORK,
    Role.EXPERT,
    Role.EDITOR,
    Role.REFERENT,
    Role.PARTICIPANT,
)


def can_view_full_framework(user) -> bool:
    return bool(getattr(user, "is_superuser", False)) or has_role(user, *FULL_FRAMEWORK_ROLES)
