"""The pair's private space: its page, the tutoring log, the end of a pairing, change requests.

A running pairing's space is read by its structure's people, its expert (through the guardian
grant that follows the pairing) and Ansa; once it ends, the expert's grant goes and Ansa keeps
reading the whole history. The pair records its exchanges outside the portal in the log (each
one moves the last contact forward); either party may ask Ansa for a change with a reason, one
open request at a time; Ansa accepts it (the pairing ends, a new one may start) or declines it
with a response. The start and end themselves live in `tutoring.pairing.lifecycle`.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Prefetch, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from curriculum.models import ActionSheetPage
from modules.models import SeasonRole, SwarmedMember
from portal.audit.services import audit_log
from portal.enums import NotificationCategory
from portal.models import User
from portal.notifications.services import notification_create
from portal.roles import Role, is_ansa, people_with_role
from portal.sanitiser import render_markdown
from portal.templatetags.essaim import long_date
from tutoring.enums import (
    ChangeRequestStatus,
    Channel,
    ExpertiseLevel,
    NeedPriority,
    PairingStatus,
)
from tutoring.models import LogEntry, Pairing, PairingChangeRequest, PairingConflict
from tutoring.pairing.lifecycle import pairing_end, pairing_start, pairing_url, touch_last_contact
from tutoring.permissions import (
    _authenticated,
    can_manage_tutoring,
    can_see_pair_space,
    is_swarmed_member,
    swarmed_ids,
)

#: An exchange lasts at least a minute and at most ten hours (a visit day).
MIN_DURATION = 1
MAX_DURATION = 600
MAX_NOTES = LogEntry._meta.get_field("notes").max_length
MAX_REQUEST_REASON = PairingChangeRequest._meta.get_field("reason").max_length
MAX_RESPONSE = PairingChangeRequest._meta.get_field("response").max_length
MAX_END_REASON = Pairing._meta.get_field("end_reason").max_length

# The messages a form shows before its service would: one wording for both.
DATE_REQUIRED = gettext_lazy("Indiquez la date de l'échange.")
DURATION_REQUIRED = gettext_lazy("Indiquez la durée de l'échange, en minutes.")
CHANNEL_REQUIRED = gettext_lazy("Choisissez comment l'échange a eu lieu.")
REQUEST_REASON_REQUIRED = gettext_lazy(
    "Expliquez pourquoi vous demandez un changement : Ansa en a besoin pour y donner suite."
)
DECLINE_RESPONSE_REQUIRED = gettext_lazy(
    "Expliquez votre refus : la personne qui a demandé le changement lira cette réponse."
)
END_REASON_REQUIRED = gettext_lazy("Indiquez pourquoi ce binôme prend fin.")


# --- Who may do what -------------------------------------------------------------------------
# Predicates of this part, beside `tutoring.permissions` (which holds the pair space's reading).


def is_pair_expert(user, pairing: Pairing) -> bool:
    """The expert of this pairing while it runs (an ended pairing's expert has no say)."""
    return _authenticated(user) and pairing.is_active and pairing.expert_id == user.pk


def can_add_log_entry(user, pairing: Pairing) -> bool:
    """The pair (its expert, the structure's people) and Ansa, while the pairing runs."""
    return pairing.is_active and can_see_pair_space(user, pairing)


def can_request_change(user, pairing: Pairing) -> bool:
    """Either party of a running pairing: its expert or one of the structure's people."""
    return pairing.is_active and (
        is_pair_expert(user, pairing) or is_swarmed_member(user, pairing.swarmed_structure_id)
    )


def can_end_pairing(user, pairing: Pairing) -> bool:
    return pairing.is_active and can_manage_tutoring(user)


def can_handle_change_request(user) -> bool:
    return can_manage_tutoring(user)


def _request_side(user, pairing: Pairing) -> str:
    """Whose change requests the user reads: "all" (Ansa), "expert", "structure" or ""."""
    if is_ansa(user):
        return "all"
    if not can_see_pair_space(user, pairing):
        return ""
    if pairing.expert_id == user.pk:
        return "expert"
    return "structure" if is_swarmed_member(user, pairing.swarmed_structure_id) else ""


def _on_side(request: PairingChangeRequest, pairing: Pairing, side: str) -> bool:
    asked_by_expert = request.requested_by_id == pairing.expert_id
    if side == "all":
        return True
    if side == "expert":
        return asked_by_expert
    return side == "structure" and not asked_by_expert


def can_read_change_request(user, request: PairingChangeRequest, pairing: Pairing) -> bool:
    """Ansa reads every request; each party reads those of its own side only.

    A referent may ask for another expert because the tutoring goes badly: the expert does not
    read that reason, nor does the structure read an expert's.
    """
    return _on_side(request, pairing, _request_side(user, pairing))


# --- Reading ---------------------------------------------------------------------------------


def action_sheets() -> QuerySet[ActionSheetPage]:
    """The thirteen action sheets in the site's language, by number."""
    return ActionSheetPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by(
        "number", "pk"
    )


def _pairings() -> QuerySet[Pairing]:
    return Pairing.objects.select_related(
        "swarmed_structure__structure", "swarmed_structure__season", "expert"
    )


def pairing_get(*, pk: int) -> Pairing | None:
    return _pairings().filter(pk=pk).first()


def pair_members(pairing: Pairing) -> list[SwarmedMember]:
    """The structure's people in the pairing's season, referent first."""
    members = pairing.swarmed_structure.members.select_related("user").order_by(
        "user__last_name", "user__first_name"
    )
    return sorted(members, key=lambda member: member.role != SeasonRole.REFERENT)


def pairing_log(pairing: Pairing) -> QuerySet[LogEntry]:
    """The pair's exchanges, newest first, with what a row shows (constant queries)."""
    return (
        LogEntry.objects.filter(pairing=pairing)
        .select_related("recorded_by")
        .prefetch_related(
            Prefetch("sheets", queryset=ActionSheetPage.objects.only("pk", "number", "title"))
        )
        .order_by("-happened_on", "-created_at", "-pk")
    )


def change_requests_visible(user, pairing: Pairing) -> list[PairingChangeRequest]:
    side = _request_side(user, pairing)  # once: a grant check is a query
    if not side:
        return []
    requests = PairingChangeRequest.objects.filter(pairing=pairing).select_related(
        "requested_by", "handled_by"
    )
    return [request for request in requests if _on_side(request, pairing, side)]


def open_change_request_of(pairing: Pairing) -> PairingChangeRequest | None:
    return PairingChangeRequest.objects.filter(
        pairing=pairing, status=ChangeRequestStatus.OPEN
    ).first()


def change_request_get(*, pk: int) -> PairingChangeRequest | None:
    return (
        PairingChangeRequest.objects.select_related(
            "requested_by",
            "handled_by",
            "pairing__swarmed_structure__structure",
            "pairing__swarmed_structure__season",
            "pairing__expert",
        )
        .filter(pk=pk)
        .first()
    )


def pairings_of_expert(user) -> QuerySet[Pairing]:
    """The expert's running pairings with their structure and last contact (dashboard panel)."""
    if not _authenticated(user):
        return Pairing.objects.none()
    return (
        _pairings()
        .filter(expert=user, status=PairingStatus.ACTIVE)
        .order_by("swarmed_structure__structure__name", "pk")
    )


def pairing_of_member(user) -> Pairing | None:
    """The running pairing of the user's swarmed structure in their latest season, if any."""
    if not _authenticated(user):
        return None
    member = (
        SwarmedMember.objects.filter(user=user)
        .order_by("-swarmed_structure__season__call_opens_at", "-pk")
        .values("swarmed_structure_id")
        .first()
    )
    if member is None:
        return None
    return (
        _pairings()
        .filter(swarmed_structure_id=member["swarmed_structure_id"], status=PairingStatus.ACTIVE)
        .first()
    )


def open_change_requests() -> QuerySet[PairingChangeRequest]:
    """Ansa's to-do: the requests waiting for an answer, oldest first."""
    return (
        PairingChangeRequest.objects.filter(status=ChangeRequestStatus.OPEN)
        .select_related(
            "requested_by",
            "pairing__swarmed_structure__structure",
            "pairing__swarmed_structure__season",
            "pairing__expert",
        )
        .order_by("created_at", "pk")
    )


def pairing_list_for(
    user, *, season: str = "", status: str = "", expert_id: int | None = None
) -> QuerySet[Pairing]:
    """The pairings a user may list: all for Ansa (filtered), an expert's running ones, a
    structure's own (running or ended)."""
    pairings = _pairings().order_by("-started_on", "swarmed_structure__structure__name", "pk")
    if is_ansa(user):
        if season:
            pairings = pairings.filter(swarmed_structure__season__slug=season)
        if status:
            pairings = pairings.filter(status=status)
        if expert_id:
            pairings = pairings.filter(expert_id=expert_id)
        return pairings
    if not _authenticated(user):
        return pairings.none()
    return pairings.filter(
        Q(expert=user, status=PairingStatus.ACTIVE) | Q(swarmed_structure_id__in=swarmed_ids(user))
    )


def experts_with_pairings() -> QuerySet[User]:
    """The experts who tutor or tutored someone (Ansa's list filter)."""
    return (
        User.objects.filter(tutorings__isnull=False)
        .distinct()
        .order_by("last_name", "first_name", "email")
    )


def experts_for_change(pairing: Pairing) -> list[User]:
    """Who could take the structure over, with their load and whether a conflict is declared."""
    experts = list(
        people_with_role(Role.EXPERT, Role.HEAD_OF_NETWORK)
        .exclude(pk=pairing.expert_id)
        .select_related("expert_profile")
        .annotate(
            load=Count(
                "tutorings",
                filter=Q(tutorings__status=PairingStatus.ACTIVE),
                distinct=True,
            )
        )
        .order_by("last_name", "first_name", "email")
    )
    conflicts = set(
        PairingConflict.objects.filter(
            structure_id=pairing.swarmed_structure.structure_id
        ).values_list("expert_id", flat=True)
    )
    for expert in experts:
        profile = getattr(expert, "expert_profile", None)
        expert.capacity = profile.capacity if profile is not None else None
        expert.in_conflict = expert.pk in conflicts
    return experts


@dataclass(frozen=True)
class Reason:
    """A sheet where the structure's need met the expert's expertise, as shown on the page."""

    number: int | None
    title: str
    need: str
    level: str
    points: float | None


def _label(choices, value) -> str:
    try:
        return str(choices(value).label)
    except (TypeError, ValueError):
        return "—"


def pairing_reasons(pairing: Pairing) -> list[Reason]:
    """The pairing's stored reasons in words (they come from the proposal that formed it)."""
    reasons = []
    for reason in pairing.reasons or []:
        if not isinstance(reason, dict):
            continue
        points = reason.get("points")
        reasons.append(
            Reason(
                number=reason.get("sheet"),
                title=str(reason.get("title") or ""),
                need=_label(NeedPriority, reason.get("need")),
                level=_label(ExpertiseLevel, reason.get("level")),
                points=points if isinstance(points, int | float) else None,
            )
        )
    return reasons


# --- The tutoring log ------------------------------------------------------------------------


def contact_time(day: datetime.date) -> datetime.datetime:
    """When an exchange on `day` counts as the last contact: now if today, else that day's end."""
    if day >= timezone.localdate():
        return timezone.now()
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(23, 59, 59)))


def log_entry_validate(
    *,
    pairing: Pairing,
    happened_on: datetime.date | None,
    duration_minutes: int | None,
    channel: str,
    sheet_ids: list[int],
    notes: str,
) -> tuple[dict, list[ActionSheetPage]]:
    errors: dict = {}
    today = timezone.localdate()
    if happened_on is None:
        errors["happened_on"] = DATE_REQUIRED
    elif happened_on > today:
        errors["happened_on"] = _(
            "Cette date est dans le futur : consignez l'échange une fois qu'il a eu lieu."
        )
    elif happened_on < pairing.started_on:
        errors["happened_on"] = _(
            "Le binôme a commencé le %(start)s : l'échange ne peut pas être antérieur."
        ) % {"start": long_date(pairing.started_on)}
    if duration_minutes is None:
        errors["duration_minutes"] = DURATION_REQUIRED
    elif not MIN_DURATION <= duration_minutes <= MAX_DURATION:
        errors["duration_minutes"] = _(
            "Indiquez une durée de %(minimum)s à %(maximum)s minutes (10 heures au plus)."
        ) % {"minimum": MIN_DURATION, "maximum": MAX_DURATION}
    if channel not in Channel.values:
        errors["channel"] = CHANNEL_REQUIRED
    wanted = {int(pk) for pk in sheet_ids or []}
    sheets = list(action_sheets().filter(pk__in=wanted)) if wanted else []
    if len(sheets) != len(wanted):
        errors["sheets"] = _("Choisissez parmi les fiches-actions du référentiel.")
    if len(notes or "") > MAX_NOTES:
        errors["notes"] = _("Les notes comptent %(length)s caractères : %(maximum)s au plus.") % {
            "length": len(notes),
            "maximum": MAX_NOTES,
        }
    return errors, sheets


def log_entry_add(
    *,
    actor: User,
    pairing: Pairing,
    happened_on: datetime.date | None,
    duration_minutes: int | None,
    channel: str,
    sheet_ids: list[int],
    notes: str,
) -> LogEntry:
    """Record an exchange of the pair outside the portal; its day moves the last contact on."""
    if not can_see_pair_space(actor, pairing):
        raise PermissionDenied  # an ended pairing's expert lost their grant with it
    if not pairing.is_active:
        raise ValidationError(_("Ce binôme est terminé : son journal ne reçoit plus d'échange."))
    errors, sheets = log_entry_validate(
        pairing=pairing,
        happened_on=happened_on,
        duration_minutes=duration_minutes,
        channel=channel,
        sheet_ids=sheet_ids,
        notes=notes,
    )
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        locked = Pairing.objects.select_for_update().get(pk=pairing.pk)
        if locked.status != PairingStatus.ACTIVE:
            raise ValidationError(
                _("Ce binôme est terminé : son journal ne reçoit plus d'échange.")
            )
        entry = LogEntry.objects.create(
            pairing=locked,
            happened_on=happened_on,
            duration_minutes=duration_minutes,
            channel=channel,
            notes=notes or "",
            notes_html=render_markdown(notes or ""),
            recorded_by=actor,
        )
        entry.sheets.set(sheets)
        touch_last_contact(locked, contact_time(happened_on))
        audit_log(
            actor=actor,
            action="log_entry.add",
            obj=entry,
            changes={
                # The notes are the pair's: the audit says that an exchange was logged, not what.
                "happened_on": [None, happened_on.isoformat()],
                "duration_minutes": [None, duration_minutes],
                "channel": [None, channel],
            },
        )
    return entry


# --- Ending a pairing (Ansa) -----------------------------------------------------------------


def _settle_open_requests(*, actor: User, pairing: Pairing, response: str) -> None:
    """A pairing that ends answers the change request still open on it."""
    now = timezone.now()
    for request in PairingChangeRequest.objects.select_for_update().filter(
        pairing=pairing, status=ChangeRequestStatus.OPEN
    ):
        request.status = ChangeRequestStatus.ACCEPTED
        request.response = response[:MAX_RESPONSE]
        request.handled_by = actor
        request.handled_at = now
        request.save(update_fields=["status", "response", "handled_by", "handled_at"])
        audit_log(
            actor=actor,
            action="pairing_change_request.accept",
            obj=request,
            changes={"status": [ChangeRequestStatus.OPEN, ChangeRequestStatus.ACCEPTED]},
        )


def pairing_close(*, actor: User, pairing: Pairing, reason: str) -> Pairing:
    """End the pairing from its page (`lifecycle.pairing_end`); an open request is settled."""
    if not can_manage_tutoring(actor):
        raise PermissionDenied
    if not (reason or "").strip():
        raise ValidationError({"reason": END_REASON_REQUIRED})
    if len(reason.strip()) > MAX_END_REASON:
        raise ValidationError(
            {
                "reason": _("Le motif compte %(maximum)s caractères au plus.")
                % {"maximum": MAX_END_REASON}
            }
        )
    with transaction.atomic():
        ended = pairing_end(actor=actor, pairing=pairing, reason=reason)
        _settle_open_requests(
            actor=actor,
            pairing=ended,
            response=_("Ansa a mis fin au binôme : %(reason)s") % {"reason": ended.end_reason},
        )
    return ended


# --- Change requests -------------------------------------------------------------------------


def _request_url(request: PairingChangeRequest) -> str:
    return reverse("tutoring:change_request_handle", kwargs={"pk": request.pk})


def change_request_create(*, actor: User, pairing: Pairing, reason: str) -> PairingChangeRequest:
    """One of the pair asks Ansa for a change, with a reason; one open request per pairing."""
    if not can_request_change(actor, pairing):
        raise PermissionDenied
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": REQUEST_REASON_REQUIRED})
    if len(reason) > MAX_REQUEST_REASON:
        raise ValidationError(
            {
                "reason": _("Le motif compte %(length)s caractères : %(maximum)s au plus.")
                % {"length": len(reason), "maximum": MAX_REQUEST_REASON}
            }
        )
    with transaction.atomic():
        # Locking the pairing serialises two parties asking at the same moment.
        locked = Pairing.objects.select_for_update().get(pk=pairing.pk)
        if locked.status != PairingStatus.ACTIVE:
            raise ValidationError(_("Ce binôme est terminé : il n'y a plus rien à changer."))
        if PairingChangeRequest.objects.filter(
            pairing=locked, status=ChangeRequestStatus.OPEN
        ).exists():
            raise ValidationError(
                _(
                    "Une demande de changement est déjà en cours d'examen par Ansa pour ce "
                    "binôme : vous serez prévenu·e de sa réponse."
                )
            )
        request = PairingChangeRequest.objects.create(
            pairing=locked, requested_by=actor, reason=reason
        )
        audit_log(
            actor=actor,
            action="pairing_change_request.create",
            obj=request,
            changes={"status": [None, ChangeRequestStatus.OPEN]},
        )
        structure = pairing.swarmed_structure.structure.name
        side = (
            _("l'expert·e %(expert)s") % {"expert": pairing.expert}
            if actor.pk == pairing.expert_id
            else _("%(person)s, de la structure") % {"person": actor}
        )
        for person in people_with_role(Role.ANSA):
            notification_create(
                recipient=person,
                category=NotificationCategory.TUTORING,
                kind="pairing.change_requested",
                title=_("Demande de changement du binôme %(structure)s — %(expert)s")
                % {"structure": structure, "expert": pairing.expert},
                body=_("Demandée par %(side)s. Motif : %(reason)s")
                % {"side": side, "reason": reason[:500]},
                url=_request_url(request),
                target=request,
            )
    return request


def _end_reason_for(request: PairingChangeRequest) -> str:
    text = _("Changement demandé : %(reason)s") % {"reason": " ".join(request.reason.split())}
    if len(text) > MAX_END_REASON:
        text = text[: MAX_END_REASON - 1] + "…"
    return text


def change_request_handle(
    *,
    actor: User,
    request: PairingChangeRequest,
    accept: bool,
    response: str,
    new_expert: User | None,
) -> PairingChangeRequest:
    """Ansa accepts (the pairing ends; with `new_expert`, a new one starts) or declines (with a
    response). The requester is told either way; nothing is kept of a half-done change."""
    if not can_handle_change_request(actor):
        raise PermissionDenied
    response = (response or "").strip()
    errors: dict = {}
    if not accept and not response:
        errors["response"] = DECLINE_RESPONSE_REQUIRED
    elif len(response) > MAX_RESPONSE:
        errors["response"] = _("La réponse compte %(length)s caractères : %(maximum)s au plus.") % {
            "length": len(response),
            "maximum": MAX_RESPONSE,
        }
    if not accept and new_expert is not None:
        errors["new_expert"] = _("Ne choisissez un·e nouvel·le expert·e que si vous acceptez.")
    pairing = request.pairing
    if accept and new_expert is not None and new_expert.pk == pairing.expert_id:
        errors["new_expert"] = _(
            "C'est l'expert·e du binôme actuel : choisissez-en un·e autre, ou personne pour "
            "l'instant."
        )
    if errors:
        raise ValidationError(errors)
    new_pairing = None
    with transaction.atomic():
        locked = PairingChangeRequest.objects.select_for_update().get(pk=request.pk)
        if locked.status != ChangeRequestStatus.OPEN:
            raise ValidationError(_("Cette demande a déjà été traitée."))
        if accept:
            if Pairing.objects.filter(pk=pairing.pk, status=PairingStatus.ACTIVE).exists():
                pairing = pairing_end(actor=actor, pairing=pairing, reason=_end_reason_for(locked))
            if new_expert is not None:
                try:
                    new_pairing = pairing_start(
                        actor=actor, swarmed=pairing.swarmed_structure, expert=new_expert
                    )
                except ValidationError as error:
                    # The conflict or role refusal goes beside the form's field.
                    if hasattr(error, "error_dict") and "expert" in error.error_dict:
                        raise ValidationError({"new_expert": error.error_dict["expert"]}) from None
                    raise
        locked.status = ChangeRequestStatus.ACCEPTED if accept else ChangeRequestStatus.DECLINED
        locked.response = response
        locked.handled_by = actor
        locked.handled_at = timezone.now()
        locked.save(update_fields=["status", "response", "handled_by", "handled_at"])
        audit_log(
            actor=actor,
            action=f"pairing_change_request.{'accept' if accept else 'decline'}",
            obj=locked,
            changes={
                "status": [ChangeRequestStatus.OPEN, locked.status],
                "new_expert": [None, str(new_expert) if new_pairing else None],
            },
        )
        _notify_requester(locked, pairing=pairing, new_pairing=new_pairing)
    locked.pairing = pairing
    locked.new_pairing = new_pairing
    return locked


def _notify_requester(
    request: PairingChangeRequest, *, pairing: Pairing, new_pairing: Pairing | None
) -> None:
    requester = request.requested_by
    if requester is None or not requester.is_active:
        return
    was_expert = requester.pk == pairing.expert_id
    structure = pairing.swarmed_structure.structure.name
    if request.status == ChangeRequestStatus.DECLINED:
        title = _("Votre demande de changement du binôme %(structure)s est refusée") % {
            "structure": structure
        }
        body = _("Réponse d'Ansa : %(response)s") % {"response": request.response}
        url = pairing_url(pairing)
    else:
        title = _("Votre demande de changement du binôme %(structure)s est acceptée") % {
            "structure": structure
        }
        if was_expert:
            body = _("Le binôme prend fin : vous ne suivez plus cette structure.")
            url = reverse("tutoring:pairing_list")
        elif new_pairing is not None:
            body = _("Votre nouvel·le expert·e A.CO.R : %(expert)s.") % {
                "expert": new_pairing.expert
            }
            url = pairing_url(new_pairing)
        else:
            body = _("Le binôme prend fin ; Ansa vous proposera bientôt un·e autre expert·e.")
            url = pairing_url(pairing)
        if request.response:
            body = f"{body} " + _("Réponse d'Ansa : %(response)s") % {"response": request.response}
    notification_create(
        recipient=requester,
        category=NotificationCategory.TUTORING,
        kind=f"pairing.change_{request.status}",
        title=title,
        body=body,
        url=url,
        target=request,
    )


# --- Statuses in words and marks -------------------------------------------------------------


@dataclass(frozen=True)
class Status:
    """A state as shown: words and a mark beside them (a status never rests on colour)."""

    slug: str
    label: str


def pairing_status(pairing: Pairing) -> Status:
    slug = "met" if pairing.is_active else "revoked"
    return Status(slug=slug, label=str(pairing.get_status_display()))


REQUEST_SLUGS = {
    ChangeRequestStatus.OPEN: "pending",
    ChangeRequestStatus.ACCEPTED: "done",
    ChangeRequestStatus.DECLINED: "declined",
}


def request_status(request: PairingChangeRequest) -> Status:
    return Status(slug=REQUEST_SLUGS[request.status], label=str(request.get_status_display()))
