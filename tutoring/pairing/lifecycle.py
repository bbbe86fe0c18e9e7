"""A pairing's life: it starts (from a confirmed proposal or Ansa's choice) and ends with a reason.

The pair's private space follows the pairing through guardian grants: while it runs, its expert
and the structure's people hold `view_pair_space` on it; when it ends the expert's grant goes, so
the expert sees nothing new of that structure's private items, while Ansa keeps reading the whole
history.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from modules.models import SwarmedStructure
from portal.audit.services import audit_log
from portal.models import User
from portal.permissions import grant, revoke
from tutoring.enums import PairingStatus
from tutoring.models import Pairing, PairingConflict, ProposalItem
from tutoring.notify import notify as notify_people
from tutoring.permissions import PAIR_SPACE_PERMISSION, can_manage_tutoring, is_expert


def pair_people(pairing: Pairing) -> list[User]:
    """The structure's people in the season (referent first)."""
    return [
        member.user
        for member in pairing.swarmed_structure.members.select_related("user").order_by("role")
    ]


def grant_pair_space(pairing: Pairing) -> None:
    for person in [pairing.expert, *pair_people(pairing)]:
        grant(user=person, permission=PAIR_SPACE_PERMISSION, obj=pairing)


def pairing_url(pairing: Pairing) -> str:
    return reverse("tutoring:pairing_detail", kwargs={"pk": pairing.pk})


def pairing_start(
    *,
    actor: User,
    swarmed: SwarmedStructure,
    expert: User,
    item: ProposalItem | None = None,
    score: float = 0,
    reasons: list | None = None,
    notify: bool = True,
) -> Pairing:
    """Pair the structure with the expert; a running pairing of the structure must end first."""
    if not can_manage_tutoring(actor):
        raise PermissionDenied
    if not is_expert(expert):
        raise ValidationError({"expert": _("Cette personne n'est pas expert·e A.CO.R.")})
    if PairingConflict.objects.filter(expert=expert, structure_id=swarmed.structure_id).exists():
        raise ValidationError(
            {
                "expert": _(
                    "Un conflit d'intérêts est déclaré entre cet·te expert·e et la structure."
                )
            }
        )
    with transaction.atomic():
        if Pairing.objects.filter(swarmed_structure=swarmed, status=PairingStatus.ACTIVE).exists():
            raise ValidationError(
                _("%(structure)s a déjà un binôme en cours : terminez-le d'abord.")
                % {"structure": swarmed.structure.name}
            )
        pairing = Pairing.objects.create(
            swarmed_structure=swarmed,
            expert=expert,
            proposal_item=item,
            score=score,
            reasons=reasons or [],
            created_by=actor,
        )
        grant_pair_space(pairing)
        audit_log(
            actor=actor,
            action="pairing.start",
            obj=pairing,
            changes={"expert": [None, str(expert)], "structure": [None, str(swarmed.structure)]},
        )
        if notify:
            _notify_start(pairing)
    return pairing


def _notify_start(pairing: Pairing) -> None:
    url = pairing_url(pairing)
    structure = pairing.swarmed_structure.structure.name
    notify_people(
        [pairing.expert],
        pairing,
        url=url,
        kind="pairing.started",
        title=_("Vous accompagnez désormais %(structure)s") % {"structure": structure},
        body=_(
            "Ansa vous a confié le tutorat de cette structure. Son profil de besoins et l'espace "
            "du binôme vous attendent ; vous pouvez demander un changement en le motivant."
        ),
    )
    notify_people(
        pair_people(pairing),
        pairing,
        url=url,
        kind="pairing.started",
        title=_("Votre expert·e A.CO.R : %(expert)s") % {"expert": pairing.expert},
        body=_(
            "Posez-lui vos questions depuis le portail. Si ce binôme ne convient pas, vous "
            "pouvez demander un changement en le motivant."
        ),
    )


def pairing_end(*, actor: User, pairing: Pairing, reason: str, notify: bool = True) -> Pairing:
    """End the pairing (the reason is mandatory); its history stays, the expert's access goes."""
    if not can_manage_tutoring(actor):
        raise PermissionDenied
    if not reason.strip():
        raise ValidationError({"reason": _("Indiquez pourquoi ce binôme prend fin.")})
    with transaction.atomic():
        locked = Pairing.objects.select_for_update().get(pk=pairing.pk)
        if locked.status != PairingStatus.ACTIVE:
            raise ValidationError(_("Ce binôme est déjà terminé."))
        locked.status = PairingStatus.ENDED
        locked.ended_on = timezone.localdate()
        locked.end_reason = reason.strip()
        locked.save(update_fields=["status", "ended_on", "end_reason"])
        revoke(user=locked.expert, permission=PAIR_SPACE_PERMISSION, obj=locked)
        audit_log(
            actor=actor,
            action="pairing.end",
            obj=locked,
            changes={
                "status": [PairingStatus.ACTIVE, PairingStatus.ENDED],
                "reason": [None, reason],
            },
        )
        if notify:
            structure = locked.swarmed_structure.structure.name
            notify_people(
                [locked.expert, *pair_people(locked)],
                locked,
                url=pairing_url(locked),
                kind="pairing.ended",
                title=_("Le binôme %(structure)s — %(expert)s prend fin")
                % {"structure": structure, "expert": locked.expert},
                body=_("Motif : %(reason)s") % {"reason": locked.end_reason},
            )
    return locked


def active_pairing_of(swarmed: SwarmedStructure | int) -> Pairing | None:
    pk = swarmed if isinstance(swarmed, int) else swarmed.pk
    return (
        Pairing.objects.select_related("expert")
        .filter(swarmed_structure_id=pk, status=PairingStatus.ACTIVE)
        .first()
    )


def touch_last_contact(pairing: Pairing, at=None) -> None:
    """Any exchange of the pair (an answer, a log entry) moves its last contact forward."""
    at = at or timezone.now()
    Pairing.objects.filter(pk=pairing.pk).exclude(last_contact_at__gt=at).update(last_contact_at=at)
