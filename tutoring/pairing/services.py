"""A season's pairing proposal: Ansa asks for it, reads why each pair is proposed, overrides any
row, then confirms it (each pair starts, both parties are told) or discards it. And the declared
conflicts of interest, which no proposal, override or pairing crosses.

The assignment itself is `tutoring.pairing.algorithm.propose` (exact, with scipy); this module
reads the profiles into its inputs and stores its answer. An expert's remaining capacity is their
capacity minus their running pairings in every season; an expert not available during the
season's training (`tutoring.profiles.selectors.is_available`) is left out.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from curriculum.models import ActionSheetPage
from modules.models import Season, SwarmedStructure
from portal.audit.services import audit_log
from portal.models import Structure, User
from tutoring.enums import ExpertiseLevel, NeedPriority, PairingStatus, ProposalStatus
from tutoring.models import (
    ExpertProfile,
    ExpertSheetLevel,
    NeedSheetPriority,
    Pairing,
    PairingConflict,
    PairingProposal,
    ProposalItem,
)
from tutoring.pairing import algorithm
from tutoring.pairing.lifecycle import pairing_start
from tutoring.permissions import can_manage_tutoring, is_expert
from tutoring.profiles.permissions import can_declare_conflict, can_remove_conflict
from tutoring.profiles.selectors import active_loads, is_available, tutors

MAX_CONFLICT_REASON = PairingConflict._meta.get_field("reason").max_length
MAX_OVERRIDE_REASON = ProposalItem._meta.get_field("override_reason").max_length


# --- Conflicts of interest -------------------------------------------------------------------


def conflict_declare(
    *, actor: User, expert: User, structure: Structure, reason: str
) -> PairingConflict:
    """Declare that the expert must not tutor the structure (Ansa, or the expert themself)."""
    if not can_declare_conflict(actor, expert):
        raise PermissionDenied
    reason = reason.strip()
    errors = {}
    if not is_expert(expert):
        errors["expert"] = _("Cette personne n'est pas expert·e A.CO.R.")
    if not reason:
        errors["reason"] = _(
            "Indiquez le motif du conflit d'intérêts (ancien employeur, lien familial, différend…)."
        )
    elif len(reason) > MAX_CONFLICT_REASON:
        errors["reason"] = _("Le motif compte %(count)s caractères : %(max)s au plus.") % {
            "count": len(reason),
            "max": MAX_CONFLICT_REASON,
        }
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        if PairingConflict.objects.filter(expert=expert, structure=structure).exists():
            raise ValidationError(
                {
                    "structure": _(
                        "Un conflit d'intérêts est déjà déclaré entre %(expert)s et %(structure)s."
                    )
                    % {"expert": expert, "structure": structure.name}
                }
            )
        conflict = PairingConflict.objects.create(
            expert=expert, structure=structure, reason=reason, declared_by=actor
        )
        audit_log(
            actor=actor,
            action="pairing_conflict.declare",
            obj=conflict,
            changes={"reason": [None, reason]},
        )
    return conflict


def conflict_remove(*, actor: User, conflict: PairingConflict) -> None:
    if not can_remove_conflict(actor):
        raise PermissionDenied
    with transaction.atomic():
        audit_log(
            actor=actor,
            action="pairing_conflict.remove",
            obj=conflict,
            changes={"reason": [conflict.reason, None]},
        )
        conflict.delete()


# --- Why a pair fits, in words ---------------------------------------------------------------


def _lower_first(label) -> str:
    text = str(label)
    return text[:1].lower() + text[1:]


def describe_reason(reason: dict) -> str:
    """« Fiche 8 — La prospection… : besoin prioritaire × référence sur la fiche »."""
    return _("Fiche %(number)s — %(title)s : %(need)s × %(level)s") % {
        "number": reason.get("sheet", "?"),
        "title": reason.get("title", ""),
        "need": _lower_first(NeedPriority(reason.get("need", 0)).label),
        "level": _lower_first(ExpertiseLevel(reason.get("level", 0)).label),
    }


def _sheets(ids) -> dict[int, tuple[int, str]]:
    return {
        pk: (number, title)
        for pk, number, title in ActionSheetPage.objects.filter(pk__in=set(ids)).values_list(
            "pk", "number", "title"
        )
    }


def reasons_json(reasons, sheets: dict[int, tuple[int, str]] | None = None) -> list[dict]:
    """The algorithm's reasons as stored on a proposal item and a pairing."""
    if sheets is None:
        sheets = _sheets(reason.sheet_id for reason in reasons)
    return [
        {
            "sheet": sheets.get(reason.sheet_id, (None, ""))[0],
            "sheet_id": reason.sheet_id,
            "title": sheets.get(reason.sheet_id, (None, ""))[1],
            "need": reason.need,
            "level": reason.level,
            "points": reason.points,
        }
        for reason in reasons
    ]


# --- Running the proposal --------------------------------------------------------------------


def unpaired_structures(season: Season) -> list[SwarmedStructure]:
    """The season's structures without a running pairing, by name."""
    running = Pairing.objects.filter(status=PairingStatus.ACTIVE).values("swarmed_structure_id")
    return list(
        season.swarmed.exclude(pk__in=running)
        .select_related("structure")
        .order_by("structure__name", "pk")
    )


def _priorities(swarmed_ids) -> dict[int, dict[int, int]]:
    priorities: dict[int, dict[int, int]] = {pk: {} for pk in swarmed_ids}
    for swarmed_id, sheet_id, priority in NeedSheetPriority.objects.filter(
        profile__swarmed_structure_id__in=list(swarmed_ids)
    ).values_list("profile__swarmed_structure_id", "sheet_id", "priority"):
        priorities[swarmed_id][sheet_id] = priority
    return priorities


def _levels(expert_ids) -> dict[int, dict[int, int]]:
    levels: dict[int, dict[int, int]] = {pk: {} for pk in expert_ids}
    for expert_id, sheet_id, level in ExpertSheetLevel.objects.filter(
        profile__user_id__in=list(expert_ids)
    ).values_list("profile__user_id", "sheet_id", "level"):
        levels[expert_id][sheet_id] = level
    return levels


@dataclass(frozen=True)
class Candidate:
    """An expert the proposal may use, with their running pairings and capacity."""

    expert: User
    load: int
    capacity: int

    @property
    def remaining(self) -> int:
        return max(self.capacity - self.load, 0)


def candidates_for(season: Season) -> list[Candidate]:
    """Experts with a profile, available for the season, with their load (all seasons)."""
    experts = [
        expert
        for expert in tutors().filter(expert_profile__isnull=False)
        if is_available(expert.expert_profile, season)
    ]
    loads = active_loads(expert.pk for expert in experts)
    return [
        Candidate(expert=expert, load=loads[expert.pk], capacity=expert.expert_profile.capacity)
        for expert in experts
    ]


def pairing_propose(*, actor: User, season: Season) -> PairingProposal:
    """Propose the optimal pairing of the season's unpaired structures with available experts.

    An earlier proposal of the season still to be examined is discarded: one draft at a time.
    """
    if not can_manage_tutoring(actor):
        raise PermissionDenied
    structures = unpaired_structures(season)
    if not structures:
        raise ValidationError(_("Toutes les structures de la saison ont déjà un binôme en cours."))
    candidates = candidates_for(season)
    by_id = {candidate.expert.pk: candidate for candidate in candidates}
    priorities = _priorities([swarmed.pk for swarmed in structures])
    levels = _levels(by_id)
    swarmed_of_structure = {swarmed.structure_id: swarmed.pk for swarmed in structures}
    conflicts = [
        (expert_id, swarmed_of_structure[structure_id])
        for expert_id, structure_id in PairingConflict.objects.filter(
            structure_id__in=list(swarmed_of_structure), expert_id__in=list(by_id)
        ).values_list("expert_id", "structure_id")
    ]
    answer = algorithm.propose(
        [algorithm.NeedInput(swarmed.pk, priorities[swarmed.pk]) for swarmed in structures],
        [
            algorithm.ExpertInput(
                expert_id=candidate.expert.pk,
                levels=levels[candidate.expert.pk],
                capacity=candidate.remaining,
                load=candidate.load,
            )
            for candidate in candidates
        ],
        conflicts=conflicts,
    )
    sheets = _sheets(reason.sheet_id for pair in answer.pairs for reason in pair.reasons)
    with transaction.atomic():
        superseded = list(
            PairingProposal.objects.select_for_update().filter(
                season=season, status=ProposalStatus.DRAFT
            )
        )
        for old in superseded:
            old.status = ProposalStatus.DISCARDED
            old.save(update_fields=["status"])
            audit_log(
                actor=actor,
                action="pairing_proposal.discard",
                obj=old,
                changes={"status": [ProposalStatus.DRAFT, ProposalStatus.DISCARDED]},
            )
        proposal = PairingProposal.objects.create(
            season=season, total_score=answer.total_score, created_by=actor
        )
        items = []
        for pair in answer.pairs:
            candidate = by_id.get(pair.expert_id)
            items.append(
                ProposalItem(
                    proposal=proposal,
                    swarmed_structure_id=pair.structure_id,
                    expert_id=pair.expert_id,
                    proposed_expert_id=pair.expert_id,
                    score=pair.score,
                    reasons=reasons_json(pair.reasons, sheets),
                    load=candidate.load if candidate else 0,
                    capacity=candidate.capacity if candidate else 0,
                )
            )
        ProposalItem.objects.bulk_create(items)
        audit_log(
            actor=actor,
            action="pairing_proposal.create",
            obj=proposal,
            changes={
                "structures": [None, len(items)],
                "unassigned": [None, len(answer.unassigned)],
                "total_score": [None, answer.total_score],
            },
        )
    return proposal


# --- Examining the proposal ------------------------------------------------------------------


def proposal_get(pk: int) -> PairingProposal | None:
    return PairingProposal.objects.select_related("season", "created_by").filter(pk=pk).first()


def proposal_items(proposal: PairingProposal) -> list[ProposalItem]:
    return list(
        proposal.items.select_related(
            "swarmed_structure__structure", "expert", "proposed_expert"
        ).order_by("swarmed_structure__structure__name", "pk")
    )


def expert_counts(items) -> Counter:
    """{expert id: structures this proposal gives them}."""
    return Counter(item.expert_id for item in items if item.expert_id)


def exceeds_capacity(item: ProposalItem, counts: Counter) -> bool:
    """The expert would follow more referents than their capacity if the proposal is confirmed."""
    return bool(item.expert_id) and item.load + counts[item.expert_id] > item.capacity


def _check_draft(proposal: PairingProposal) -> None:
    if proposal.status == ProposalStatus.CONFIRMED:
        raise ValidationError(
            _("Cette proposition est confirmée : elle ne peut plus être modifiée.")
        )
    if proposal.status == ProposalStatus.DISCARDED:
        raise ValidationError(
            _("Cette proposition est abandonnée : elle ne peut plus être modifiée.")
        )


def proposal_override(
    *, actor: User, item: ProposalItem, expert: User | None, reason: str
) -> ProposalItem:
    """Ansa gives the row another expert, with a reason; the row is explained again.

    A conflict of interest or a person who is not an expert is refused; going beyond the
    expert's capacity is allowed (Ansa is warned on the page: see `exceeds_capacity`).
    """
    if not can_manage_tutoring(actor):
        raise PermissionDenied
    reason = reason.strip()
    errors = {}
    swarmed = item.swarmed_structure
    if expert is None:
        errors["expert"] = _("Choisissez l'expert·e qui accompagnera cette structure.")
    elif not is_expert(expert):
        errors["expert"] = _("Cette personne n'est pas expert·e A.CO.R.")
    elif PairingConflict.objects.filter(expert=expert, structure_id=swarmed.structure_id).exists():
        errors["expert"] = _(
            "Un conflit d'intérêts est déclaré entre %(expert)s et %(structure)s : choisissez "
            "un·e autre expert·e."
        ) % {"expert": expert, "structure": swarmed.structure.name}
    elif expert.pk == item.expert_id:
        errors["expert"] = _("Cette personne est déjà l'expert·e de cette ligne.")
    if not reason:
        errors["reason"] = _("Indiquez pourquoi vous modifiez ce binôme : la décision sera tracée.")
    elif len(reason) > MAX_OVERRIDE_REASON:
        errors["reason"] = _("Le motif compte %(count)s caractères : %(max)s au plus.") % {
            "count": len(reason),
            "max": MAX_OVERRIDE_REASON,
        }
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        proposal = PairingProposal.objects.select_for_update().get(pk=item.proposal_id)
        _check_draft(proposal)
        locked = ProposalItem.objects.select_for_update().get(pk=item.pk)
        priorities = _priorities([swarmed.pk])[swarmed.pk]
        levels = _levels([expert.pk])[expert.pk]
        profile = ExpertProfile.objects.filter(user=expert).first()
        before = locked.expert_id
        locked.expert = expert
        locked.score = algorithm.fit_score(priorities, levels)
        locked.reasons = reasons_json(algorithm.explain(priorities, levels))
        locked.load = active_loads([expert.pk])[expert.pk]
        locked.capacity = profile.capacity if profile else 0
        locked.overridden = True
        locked.override_reason = reason
        locked.save()
        proposal.total_score = sum(proposal.items.values_list("score", flat=True))
        proposal.save(update_fields=["total_score"])
        audit_log(
            actor=actor,
            action="pairing_proposal.override",
            obj=proposal,
            changes={
                "structure": [None, str(swarmed.structure)],
                "expert": [before, expert.pk],
                "reason": [None, reason],
            },
        )
    locked.swarmed_structure = swarmed
    return locked


@dataclass
class Confirmation:
    """What confirming did: the pairings started, and the rows left aside with why."""

    pairings: list[Pairing] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    unassigned: int = 0


def proposal_confirm(*, actor: User, proposal: PairingProposal) -> Confirmation:
    """Start every proposed pair in one transaction; both parties are notified by each start.

    A structure paired in the meantime (or whose pair became impossible) is left aside with a
    message; a confirmed or discarded proposal cannot be confirmed.
    """
    if not can_manage_tutoring(actor):
        raise PermissionDenied
    result = Confirmation()
    with transaction.atomic():
        locked = PairingProposal.objects.select_for_update().get(pk=proposal.pk)
        if locked.status == ProposalStatus.CONFIRMED:
            raise ValidationError(_("Cette proposition est déjà confirmée."))
        if locked.status == ProposalStatus.DISCARDED:
            raise ValidationError(
                _("Cette proposition est abandonnée : elle ne peut être confirmée.")
            )
        items = proposal_items(locked)
        already = set(
            Pairing.objects.filter(
                status=PairingStatus.ACTIVE,
                swarmed_structure_id__in=[item.swarmed_structure_id for item in items],
            ).values_list("swarmed_structure_id", flat=True)
        )
        for item in items:
            structure = item.swarmed_structure.structure.name
            if item.expert is None:
                result.unassigned += 1
                continue
            if item.swarmed_structure_id in already:
                result.skipped.append(
                    _(
                        "%(structure)s a reçu un binôme depuis cette proposition : elle est "
                        "laissée de côté."
                    )
                    % {"structure": structure}
                )
                continue
            try:
                with transaction.atomic():
                    pairing = pairing_start(
                        actor=actor,
                        swarmed=item.swarmed_structure,
                        expert=item.expert,
                        item=item,
                        score=item.score,
                        reasons=item.reasons,
                    )
            except ValidationError as error:
                result.skipped.append(
                    _("%(structure)s est laissée de côté : %(reason)s")
                    % {"structure": structure, "reason": " ".join(error.messages)}
                )
                continue
            result.pairings.append(pairing)
        locked.status = ProposalStatus.CONFIRMED
        locked.confirmed_at = timezone.now()
        locked.save(update_fields=["status", "confirmed_at"])
        audit_log(
            actor=actor,
            action="pairing_proposal.confirm",
            obj=locked,
            changes={
                "status": [ProposalStatus.DRAFT, ProposalStatus.CONFIRMED],
                "pairings": [None, len(result.pairings)],
                "skipped": [None, len(result.skipped)],
            },
        )
    proposal.status, proposal.confirmed_at = locked.status, locked.confirmed_at
    return result


def proposal_discard(*, actor: User, proposal: PairingProposal) -> PairingProposal:
    if not can_manage_tutoring(actor):
        raise PermissionDenied
    with transaction.atomic():
        locked = PairingProposal.objects.select_for_update().get(pk=proposal.pk)
        _check_draft(locked)
        locked.status = ProposalStatus.DISCARDED
        locked.save(update_fields=["status"])
        audit_log(
            actor=actor,
            action="pairing_proposal.discard",
            obj=locked,
            changes={"status": [ProposalStatus.DRAFT, ProposalStatus.DISCARDED]},
        )
    return locked
