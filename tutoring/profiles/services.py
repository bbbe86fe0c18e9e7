"""Changing the tutoring profiles: an expert's expertise, capacity and availability, and a swarmed
structure's needs.

Both profiles are edited with optimistic locking on `version`: whoever saves a profile someone
else saved since they opened it gets `ConcurrentEdit`, and nothing is written. A structure's needs
profile starts from what it wrote in its candidacy.
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from curriculum.models import ActionSheetPage
from modules.models import SwarmedStructure
from portal.audit.services import audit_log, changed_fields
from portal.models import User
from tutoring.enums import ExpertiseLevel, NeedPriority
from tutoring.models import (
    ExpertAvailability,
    ExpertProfile,
    ExpertSheetLevel,
    NeedSheetPriority,
    NeedsProfile,
)
from tutoring.profiles.permissions import (
    can_edit_expert_profile,
    can_edit_needs_profile,
    is_tutor,
)

MAX_BIO = ExpertProfile._meta.get_field("bio").max_length
MAX_PROBLEMS = NeedsProfile._meta.get_field("problems").max_length
MAX_NOTE = ExpertAvailability._meta.get_field("note").max_length
MIN_CAPACITY = 0
MAX_CAPACITY = 20


class ConcurrentEdit(Exception):
    """Someone saved the profile since this person opened it."""


def sheet_field(sheet_id: int) -> str:
    """The form field (and error key) of a sheet's level or priority."""
    return f"sheet_{sheet_id}"


def _check_scale(values: dict[int, int], allowed, errors: dict) -> None:
    known = set(ActionSheetPage.objects.filter(pk__in=list(values)).values_list("pk", flat=True))
    for sheet_id, value in values.items():
        if sheet_id not in known:
            errors[sheet_field(sheet_id)] = _("Cette fiche-action n'existe pas.")
        elif value not in allowed:
            errors[sheet_field(sheet_id)] = _("Choisissez un niveau dans la liste.")


def _save_scale(model, profile, values: dict[int, int], attribute: str) -> dict[int, list[int]]:
    """Store the non-zero values (a zero removes the row); return {sheet id: [before, after]}."""
    before = dict(model.objects.filter(profile=profile).values_list("sheet_id", attribute))
    changes = {}
    for sheet_id, value in values.items():
        old = before.get(sheet_id, 0)
        if old == value:
            continue
        changes[sheet_id] = [old, value]
        if value == 0:
            model.objects.filter(profile=profile, sheet_id=sheet_id).delete()
        else:
            model.objects.update_or_create(
                profile=profile, sheet_id=sheet_id, defaults={attribute: value}
            )
    return changes


# --- Expert profiles -------------------------------------------------------------------------


def expert_profile_save(
    *,
    actor: User,
    user: User,
    bio: str,
    capacity: int | None,
    levels: dict[int, int],
    version: int,
) -> ExpertProfile:
    """Save the expert's profile as seen at `version`; someone saved since: ConcurrentEdit."""
    if not can_edit_expert_profile(actor, user) or not is_tutor(user):
        raise PermissionDenied
    errors = {}
    if len(bio) > MAX_BIO:
        errors["bio"] = _("La présentation compte %(count)s caractères : %(max)s au plus.") % {
            "count": len(bio),
            "max": MAX_BIO,
        }
    if capacity is None:
        errors["capacity"] = _("Indiquez combien de référent·es vous pouvez suivre en même temps.")
    elif not MIN_CAPACITY <= capacity <= MAX_CAPACITY:
        errors["capacity"] = _("Indiquez un nombre entre %(min)s et %(max)s.") % {
            "min": MIN_CAPACITY,
            "max": MAX_CAPACITY,
        }
    _check_scale(levels, set(ExpertiseLevel.values), errors)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        ExpertProfile.objects.get_or_create(user=user)
        locked = ExpertProfile.objects.select_for_update().get(user=user)
        if locked.version != version:
            raise ConcurrentEdit
        changes = changed_fields(
            {"bio": locked.bio, "capacity": locked.capacity},
            {"bio": bio, "capacity": capacity},
        )
        level_changes = _save_scale(ExpertSheetLevel, locked, levels, "level")
        if level_changes:
            changes["levels"] = [None, {str(k): v for k, v in level_changes.items()}]
        if not changes:
            return locked
        locked.bio = bio
        locked.capacity = capacity
        locked.version += 1
        locked.save()
        audit_log(actor=actor, action="expert_profile.save", obj=locked, changes=changes)
    return locked


def availability_add(
    *,
    actor: User,
    user: User,
    starts_on: datetime.date | None,
    ends_on: datetime.date | None,
    note: str = "",
) -> ExpertAvailability:
    """Add a period when the expert can tutor (with periods, they are available only then)."""
    if not can_edit_expert_profile(actor, user) or not is_tutor(user):
        raise PermissionDenied
    errors = {}
    if starts_on is None:
        errors["starts_on"] = _("Indiquez le premier jour de la période.")
    if ends_on is None:
        errors["ends_on"] = _("Indiquez le dernier jour de la période.")
    if starts_on and ends_on and ends_on < starts_on:
        errors["ends_on"] = _("La période doit se terminer le jour où elle commence ou après.")
    if len(note) > MAX_NOTE:
        errors["note"] = _("La précision compte %(count)s caractères : %(max)s au plus.") % {
            "count": len(note),
            "max": MAX_NOTE,
        }
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        profile, _created = ExpertProfile.objects.get_or_create(user=user)
        period = ExpertAvailability.objects.create(
            profile=profile, starts_on=starts_on, ends_on=ends_on, note=note.strip()
        )
        audit_log(
            actor=actor,
            action="expert_profile.availability_add",
            obj=profile,
            changes={"availability": [None, f"{starts_on.isoformat()} → {ends_on.isoformat()}"]},
        )
    return period


def availability_remove(*, actor: User, availability: ExpertAvailability) -> None:
    profile = availability.profile
    if not can_edit_expert_profile(actor, profile.user):
        raise PermissionDenied
    with transaction.atomic():
        label = f"{availability.starts_on.isoformat()} → {availability.ends_on.isoformat()}"
        availability.delete()
        audit_log(
            actor=actor,
            action="expert_profile.availability_remove",
            obj=profile,
            changes={"availability": [label, None]},
        )


# --- Needs profiles --------------------------------------------------------------------------


def needs_profile_for(swarmed: SwarmedStructure) -> NeedsProfile:
    """The structure's needs profile, created on first use with the needs of its candidacy."""
    profile = NeedsProfile.objects.filter(swarmed_structure=swarmed).first()
    if profile is not None:
        return profile
    problems = (swarmed.candidacy.needs or "")[:MAX_PROBLEMS]
    profile, _created = NeedsProfile.objects.get_or_create(
        swarmed_structure=swarmed, defaults={"problems": problems}
    )
    return profile


def needs_profile_save(
    *,
    actor: User,
    swarmed: SwarmedStructure,
    problems: str,
    priorities: dict[int, int],
    version: int,
) -> NeedsProfile:
    """Save the structure's needs as seen at `version`; someone saved since: ConcurrentEdit."""
    if not can_edit_needs_profile(actor, swarmed):
        raise PermissionDenied
    errors = {}
    if len(problems) > MAX_PROBLEMS:
        errors["problems"] = _("Le texte compte %(count)s caractères : %(max)s au plus.") % {
            "count": len(problems),
            "max": MAX_PROBLEMS,
        }
    _check_scale(priorities, set(NeedPriority.values), errors)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        needs_profile_for(swarmed)
        locked = NeedsProfile.objects.select_for_update().get(swarmed_structure=swarmed)
        if locked.version != version:
            raise ConcurrentEdit
        changes = {}
        if locked.problems != problems:
            changes["problems"] = ["…", "…"]
        priority_changes = _save_scale(NeedSheetPriority, locked, priorities, "priority")
        if priority_changes:
            changes["priorities"] = [None, {str(k): v for k, v in priority_changes.items()}]
        if not changes:
            return locked
        locked.problems = problems
        locked.updated_by = actor
        locked.version += 1
        locked.save()
        audit_log(actor=actor, action="needs_profile.save", obj=locked, changes=changes)
    return locked
