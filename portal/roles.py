"""Who is who in the programme: every role and structure-membership check goes through here.

Programme roles are Django groups of the same slug (created by a migration). A person's place
in a structure comes from their active memberships. Results are cached on the user object for
the request, so a page asks the database once whatever the number of checks.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ANSA = "ansa", _("Équipe programme Ansa")
    HEAD_OF_NETWORK = "head_of_network", _("Tête de réseau A.CO.R")
    EXPERT = "expert", _("Expert·e A.CO.R")
    REFERENT = "referent", _("Référent·e d'une structure essaimée")
    PARTICIPANT = "participant", _("Participant·e")
    APPLICANT = "applicant", _("Structure candidate")
    COSIGNER = "cosigner", _("Cosignataire")
    STEERING = "steering", _("Membre du comité de pilotage")
    EDITOR = "editor", _("Éditeur·rice de contenus")


#: Roles held through a group, granted by Ansa. The others follow from structures, seasons and
#: candidacies as those capabilities land (until then the demo gives them as groups too).
PROGRAMME_ROLES = frozenset(
    {Role.ANSA, Role.HEAD_OF_NETWORK, Role.EXPERT, Role.STEERING, Role.EDITOR}
)

#: Roles whose members run the programme; they must use a second factor when
#: ESSAIM_STAFF_MFA=required.
STAFF_ROLES = frozenset({Role.ANSA, Role.HEAD_OF_NETWORK})


def user_roles(user) -> frozenset[Role]:
    """The roles a user holds (one query, cached on the user).

    Programme roles come from groups; referent and participant also come from the person's
    place in a swarmed structure of any season, current or past (`modules.SwarmedMember`).
    """
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    cached = getattr(user, "_essaim_roles", None)
    if cached is None:
        from modules.models import SwarmedMember

        seasons = SwarmedMember.objects.filter(user=user).order_by().values_list("role", flat=True)
        names = set(user.groups.order_by().values_list("name", flat=True).union(seasons))
        cached = frozenset(role for role in Role if role.value in names)
        user._essaim_roles = cached
    return cached


def has_role(user, *roles: Role) -> bool:
    return bool(user_roles(user) & set(roles))


def is_programme_staff(user) -> bool:
    """Ansa's programme team or A.CO.R's head of network (superusers count as staff)."""
    return bool(getattr(user, "is_superuser", False)) or has_role(user, *STAFF_ROLES)


def is_ansa(user) -> bool:
    return bool(getattr(user, "is_superuser", False)) or has_role(user, Role.ANSA)


def _memberships(user) -> dict[int, bool]:
    """{structure id: is admin} for the user's active memberships (one query, cached)."""
    if not getattr(user, "is_authenticated", False):
        return {}
    cached = getattr(user, "_essaim_memberships", None)
    if cached is None:
        from portal.models import Membership

        cached = dict(
            Membership.objects.active().filter(user=user).values_list("structure_id", "is_admin")
        )
        user._essaim_memberships = cached
    return cached


def structure_ids(user, *, admin_only: bool = False) -> frozenset[int]:
    memberships = _memberships(user)
    return frozenset(sid for sid, admin in memberships.items() if admin or not admin_only)


def is_structure_member(user, structure) -> bool:
    return structure.pk in _memberships(user)


def is_structure_admin(user, structure) -> bool:
    return _memberships(user).get(structure.pk, False)


def forget(user) -> None:
    """Drop the cached roles and memberships after they changed within a request."""
    user = getattr(user, "_wrapped", user)  # request.user is a lazy proxy
    for attribute in ("_essaim_roles", "_essaim_memberships"):
        getattr(user, "__dict__", {}).pop(attribute, None)


def people_with_role(*roles: Role):
    """Active accounts holding one of these programme roles (through their group)."""
    from portal.models import User

    return User.objects.filter(
        groups__name__in=[role.value for role in roles], is_active=True
    ).distinct()
