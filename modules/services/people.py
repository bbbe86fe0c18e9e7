"""The people of a season: each swarmed structure's referent and participants, and the A.CO.R
experts leading each module. Ansa manages them; every change is audited.

A structure sends at most `MAX_PEOPLE_PER_STRUCTURE` people in total, exactly one of them its
referent: the first person named is the referent, the referent cannot leave without a successor
(`referent_change`). Whoever joins gets `joined_at = now`: sessions held before are not counted
against them (the late-enrolment rule of attendance).
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from modules import permissions
from modules.models import (
    MAX_PEOPLE_PER_STRUCTURE,
    ModuleLead,
    ModulePage,
    Season,
    SeasonRole,
    SwarmedMember,
    SwarmedStructure,
)
from modules.services.sessions import expert_choices
from portal.audit.services import audit_log
from portal.enums import NotificationCategory
from portal.models import Membership, User
from portal.notifications.services import notification_create
from portal.roles import forget

# --- Reading -----------------------------------------------------------------------------------


@dataclass
class StructurePeople:
    swarmed: SwarmedStructure
    members: list[SwarmedMember]
    #: Active members of the structure in the portal who are not yet in the season.
    candidates: list[User] = field(default_factory=list)

    @property
    def referent(self) -> SwarmedMember | None:
        return next((m for m in self.members if m.role == SeasonRole.REFERENT), None)

    @property
    def is_full(self) -> bool:
        return len(self.members) >= MAX_PEOPLE_PER_STRUCTURE


def season_people(*, season: Season) -> list[StructurePeople]:
    """Each swarmed structure with its members (referent first) and who could still join."""
    swarmed = list(
        SwarmedStructure.objects.filter(season=season)
        .select_related("structure")
        .prefetch_related("members__user")
        .order_by("structure__name")
    )
    memberships = (
        Membership.objects.active()
        .filter(structure__in=[item.structure_id for item in swarmed], user__is_active=True)
        .select_related("user")
        .order_by("user__last_name", "user__first_name", "user__email")
    )
    by_structure: dict[int, list[User]] = {}
    for membership in memberships:
        by_structure.setdefault(membership.structure_id, []).append(membership.user)
    rows = []
    for item in swarmed:
        members = sorted(item.members.all(), key=lambda m: (m.role != SeasonRole.REFERENT, m.pk))
        taken = {member.user_id for member in members}
        candidates = [
            user for user in by_structure.get(item.structure_id, []) if user.pk not in taken
        ]
        rows.append(StructurePeople(swarmed=item, members=members, candidates=candidates))
    return rows


def season_modules() -> QuerySet[ModulePage]:
    return ModulePage.objects.live().order_by("number", "path")


def module_leads(*, season: Season) -> dict[int, list[User]]:
    """{module id: experts leading it in the season}."""
    leads: dict[int, list[User]] = {}
    for lead in ModuleLead.objects.filter(season=season).select_related("expert"):
        leads.setdefault(lead.module_id, []).append(lead.expert)
    return leads


# --- Acts ------------------------------------------------------------------------------------


def _check_manager(actor: User) -> None:
    if not permissions.can_manage_season(actor):
        raise PermissionDenied


def _lock(swarmed: SwarmedStructure) -> SwarmedStructure:
    # Two additions at once must not both pass the count: they queue on the structure's row.
    return (
        SwarmedStructure.objects.select_for_update()
        .select_related("season", "structure")
        .get(pk=swarmed.pk)
    )


def member_add(
    *, actor: User, swarmed_structure: SwarmedStructure, user: User, role: str
) -> SwarmedMember:
    """Add a person of the structure to the season, as its referent or a participant."""
    _check_manager(actor)
    if role not in SeasonRole.values:
        raise ValidationError({"role": _("Choisissez le rôle de la personne dans la saison.")})
    with transaction.atomic():
        swarmed = _lock(swarmed_structure)
        members = list(swarmed.members.all())
        if any(member.user_id == user.pk for member in members):
            raise ValidationError({"user": _("Cette personne participe déjà à la saison.")})
        is_member = (
            Membership.objects.active()
            .filter(structure=swarmed.structure, user=user, user__is_active=True)
            .exists()
        )
        if not is_member:
            raise ValidationError({"user": _("Choisissez une personne membre de la structure.")})
        if len(members) >= MAX_PEOPLE_PER_STRUCTURE:
            raise ValidationError(
                _(
                    "Une structure envoie au plus %(max)s personnes à la formation-action, "
                    "référent·e compris·e : retirez quelqu'un avant d'ajouter une personne."
                )
                % {"max": MAX_PEOPLE_PER_STRUCTURE}
            )
        has_referent = any(member.role == SeasonRole.REFERENT for member in members)
        if role == SeasonRole.REFERENT and has_referent:
            raise ValidationError(
                {
                    "role": _(
                        "La structure a déjà son ou sa référent·e : ajoutez la personne comme "
                        "participant·e, puis changez de référent·e si besoin."
                    )
                }
            )
        if role == SeasonRole.PARTICIPANT and not has_referent:
            raise ValidationError(
                {"role": _("Nommez d'abord le ou la référent·e de la structure.")}
            )
        member = SwarmedMember.objects.create(
            swarmed_structure=swarmed, user=user, role=role, joined_at=timezone.now()
        )
        audit_log(
            actor=actor,
            action="season_member.add",
            obj=member,
            changes={"user": [None, user.pk], "role": [None, role]},
        )
        forget(user)
        notification_create(
            recipient=user,
            category=NotificationCategory.TRAINING,
            kind="season.joined",
            title=_("Vous rejoignez la formation-action de la %(season)s")
            % {"season": swarmed.season},
            body=_("Vous y représentez %(structure)s comme %(role)s.")
            % {"structure": swarmed.structure, "role": member.get_role_display().lower()},
            url=reverse("modules:season_calendar", args=[swarmed.season.slug]),
        )
    return member


def member_remove(*, actor: User, member: SwarmedMember) -> None:
    """Take a participant off the season, before any attendance was recorded for them."""
    _check_manager(actor)
    with transaction.atomic():
        swarmed = _lock(member.swarmed_structure)
        member = SwarmedMember.objects.select_related("user").get(pk=member.pk)
        if member.role == SeasonRole.REFERENT:
            raise ValidationError(
                _(
                    "Le ou la référent·e ne peut pas être retiré·e : nommez d'abord un·e autre "
                    "référent·e."
                )
            )
        if member.attendances.exists():
            raise ValidationError(
                _(
                    "%(name)s a déjà des présences enregistrées : la retirer effacerait son "
                    "historique de la saison."
                )
                % {"name": member.user}
            )
        audit_log(
            actor=actor,
            action="season_member.remove",
            obj=member,
            changes={"user": [member.user_id, None], "role": [member.role, None]},
        )
        user = member.user
        member.delete()
        forget(user)
        notification_create(
            recipient=user,
            category=NotificationCategory.TRAINING,
            kind="season.left",
            title=_("Vous ne participez plus à la formation-action de la %(season)s")
            % {"season": swarmed.season},
            body=_("L'équipe Ansa vous a retiré·e des participant·es de %(structure)s.")
            % {"structure": swarmed.structure},
        )


def _drop_role_group(user: User, role: str) -> None:
    """The group of a season role the person no longer holds anywhere goes (modules/signals.py
    adds the new role's group on save, and removes a group only when a place is deleted)."""
    if not SwarmedMember.objects.filter(user=user, role=role).exists():
        user.groups.remove(*Group.objects.filter(name=role))
    forget(user)


def referent_change(*, actor: User, member: SwarmedMember) -> SwarmedMember:
    """Make a participant their structure's referent; the former referent stays a participant."""
    _check_manager(actor)
    with transaction.atomic():
        swarmed = _lock(member.swarmed_structure)
        member = SwarmedMember.objects.select_related("user").get(pk=member.pk)
        if member.role == SeasonRole.REFERENT:
            raise ValidationError(_("Cette personne est déjà la ou le référent·e."))
        former = swarmed.members.select_related("user").filter(role=SeasonRole.REFERENT).first()
        # One referent at a time (a database constraint): the former steps down first.
        if former is not None:
            former.role = SeasonRole.PARTICIPANT
            former.save(update_fields=["role"])
            _drop_role_group(former.user, SeasonRole.REFERENT)
        member.role = SeasonRole.REFERENT
        member.save(update_fields=["role"])
        _drop_role_group(member.user, SeasonRole.PARTICIPANT)
        audit_log(
            actor=actor,
            action="season_member.referent_change",
            obj=swarmed,
            changes={"referent": [former.user_id if former else None, member.user_id]},
        )
        notification_create(
            recipient=member.user,
            category=NotificationCategory.TRAINING,
            kind="season.referent",
            title=_("Vous êtes référent·e de %(structure)s pour la %(season)s")
            % {"structure": swarmed.structure, "season": swarmed.season},
            url=reverse("modules:season_calendar", args=[swarmed.season.slug]),
        )
    return member


def module_lead_set(
    *, actor: User, season: Season, module: ModulePage, experts: Iterable[User]
) -> list[User]:
    """The experts leading `module` in `season` become exactly `experts`."""
    _check_manager(actor)
    experts = list(experts)
    wanted = {expert.pk for expert in experts}
    allowed = set(expert_choices().filter(pk__in=wanted).values_list("pk", flat=True))
    if wanted - allowed:
        raise ValidationError({"experts": _("Choisissez des expert·es d'A.CO.R.")})
    with transaction.atomic():
        current = set(
            ModuleLead.objects.select_for_update()
            .filter(season=season, module=module)
            .values_list("expert_id", flat=True)
        )
        added, removed = wanted - current, current - wanted
        if not (added or removed):
            return experts
        ModuleLead.objects.filter(season=season, module=module, expert_id__in=removed).delete()
        ModuleLead.objects.bulk_create(
            [ModuleLead(season=season, module=module, expert_id=pk) for pk in sorted(added)]
        )
        audit_log(
            actor=actor,
            action="module_lead.set",
            obj=season,
            changes={f"experts of module {module.number}": [sorted(current), sorted(wanted)]},
        )
        for expert in experts:
            if expert.pk in added:
                notification_create(
                    recipient=expert,
                    category=NotificationCategory.TRAINING,
                    kind="module.lead",
                    title=_("Vous animez le module « %(module)s » de la %(season)s")
                    % {"module": module.title, "season": season},
                    url=reverse("modules:season_calendar", args=[season.slug]),
                )
    return experts
