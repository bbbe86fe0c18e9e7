"""The programme's roles, in one place. Each role is a Django group of the same slug."""

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


#: Roles whose members run the programme; they will be required to use a second factor.
STAFF_ROLES = frozenset({Role.ANSA, Role.HEAD_OF_NETWORK})


def user_roles(user) -> set[Role]:
    """The roles a user holds, read from their groups (one query, cached on the user)."""
    if not user.is_authenticated:
        return set()
    cached = getattr(user, "_essaim_roles", None)
    if cached is None:
        names = set(user.groups.values_list("name", flat=True))
        cached = {role for role in Role if role.value in names}
        user._essaim_roles = cached
    return cached


def has_role(user, *roles: Role) -> bool:
    return bool(user_roles(user) & set(roles))
