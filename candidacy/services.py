"""Every act on a candidacy: start, edit, evidence, signatures, submission, review, decision.

The state machine is the `TRANSITIONS` table below: a transition not listed there is refused,
whoever asks. Each act checks who may do it, runs in one transaction, is written to the audit
log and notifies the people concerned once the transaction commits.
"""

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial

import filetype
from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from candidacy import criteria, permissions
from candidacy.criteria import Hypothesis, SignatureAct, SignerRole
from candidacy.models import (
    ALLOWED_EVIDENCE_TYPES,
    FINAL_STATES,
    MAX_EVIDENCE_BYTES,
    AcorOpinion,
    Candidacy,
    CandidacyState,
    Decision,
    Evidence,
    Opinion,
    ParticipationAgreement,
    Recommendation,
    Review,
    SignatureRequest,
    SignatureStatus,
    Transition,
)
from modules.models import (
    MAX_PEOPLE_PER_STRUCTURE,
    Season,
    SeasonRole,
    SwarmedMember,
    SwarmedStructure,
)
from portal.audit.services import audit_log
from portal.enums import NotificationCategory
from portal.mail import absolute_url, templated_email
from portal.models import Membership, Structure, User
from portal.notifications.services import notification_create
from portal.roles import forget

S = CandidacyState


class ConcurrentEdit(Exception):
    """Someone saved the candidacy since this person opened it."""


# --- The state machine ---------------------------------------------------------------------


@dataclass(frozen=True)
class Move:
    name: str
    sources: frozenset[str]
    target: str
    #: "applicant" (a member of the candidate structure) or "ansa" (Ansa's programme team).
    by: str


TRANSITIONS = {
    move.name: move
    for move in (
        Move("submit", frozenset({S.DRAFT}), S.SUBMITTED, "applicant"),
        Move("resubmit", frozenset({S.INFO_REQUESTED}), S.RESUBMITTED, "applicant"),
        Move("start_review", frozenset({S.SUBMITTED, S.RESUBMITTED}), S.UNDER_REVIEW, "ansa"),
        Move("request_info", frozenset({S.UNDER_REVIEW}), S.INFO_REQUESTED, "ansa"),
        Move("shortlist", frozenset({S.UNDER_REVIEW}), S.SHORTLISTED, "ansa"),
        Move("select", frozenset({S.UNDER_REVIEW, S.SHORTLISTED}), S.SELECTED, "ansa"),
        Move("reject", frozenset({S.UNDER_REVIEW, S.SHORTLISTED}), S.NOT_SELECTED, "ansa"),
        Move(
            "withdraw",
            frozenset(set(S.values) - FINAL_STATES),
            S.WITHDRAWN,
            "applicant",
        ),
    )
}


def allowed_moves(user: User, candidacy: Candidacy) -> list[str]:
    """The moves `user` may make on `candidacy` now (what the interface offers)."""
    return [
        move.name
        for move in TRANSITIONS.values()
        if candidacy.state in move.sources and _may_move(user, candidacy, move)
    ]


def _may_move(user: User, candidacy: Candidacy, move: Move) -> bool:
    if move.by == "applicant":
        return permissions.is_applicant(user, candidacy)
    return permissions.can_decide(user)


def _transition(
    *,
    actor: User | None,
    candidacy: Candidacy,
    move_name: str,
    message: str = "",
    visible_to_applicant: bool = True,
    check_actor: bool = True,
) -> Transition:
    """Apply one move of the table to a locked candidacy; anything else is refused."""
    move = TRANSITIONS[move_name]
    if candidacy.state not in move.sources:
        raise ValidationError(
            _("Cette action n'est pas possible pour une candidature à l'état « %(state)s ».")
            % {"state": candidacy.get_state_display()}
        )
    if check_actor and not _may_move(actor, candidacy, move):
        raise PermissionDenied
    previous = candidacy.state
    candidacy.state = move.target
    candidacy.save(update_fields=["state", "updated_at"])
    step = Transition.objects.create(
        candidacy=candidacy,
        from_state=previous,
        to_state=move.target,
        actor=actor,
        message=message,
        visible_to_applicant=visible_to_applicant,
    )
    audit_log(
        actor=actor,
        action=f"candidacy.{move.name}",
        obj=candidacy,
        changes={"state": [previous, move.target]},
    )
    return step


def _lock(candidacy: Candidacy) -> Candidacy:
    return (
        Candidacy.objects.select_for_update()
        .select_related("season", "structure")
        .get(pk=candidacy.pk)
    )


# --- Starting and editing -------------------------------------------------------------------


def candidacy_start(
    *,
    actor: User,
    season: Season,
    structure: Structure,
    hypothesis: str,
    territory: str,
    departement: str,
    prescriber_name: str = "",
) -> Candidacy:
    """Open a draft for `structure`, of which `actor` must be an active member."""
    if not permissions.can_apply_for(actor, structure):
        raise PermissionDenied
    if not season.call_is_open():
        raise ValidationError(_("L'appel à territoires de cette saison n'est pas ouvert."))
    errors = _identity_errors(hypothesis, territory, departement, prescriber_name)
    if errors:
        raise ValidationError(errors)
    try:
        with transaction.atomic():
            candidacy = Candidacy.objects.create(
                season=season,
                structure=structure,
                hypothesis=hypothesis,
                territory=territory.strip(),
                departement=departement.strip().upper(),
                prescriber_name=prescriber_name.strip() if hypothesis == Hypothesis.A else "",
                created_by=actor,
            )
            audit_log(
                actor=actor,
                action="candidacy.start",
                obj=candidacy,
                changes={"hypothesis": [None, hypothesis], "structure": [None, structure.pk]},
            )
    except IntegrityError as error:
        raise ValidationError(
            _("Cette structure a déjà une candidature en cours pour cette saison.")
        ) from error
    return candidacy


def candidacy_start_with_new_structure(
    *,
    actor: User,
    season: Season,
    structure: dict,
    member_role: str,
    hypothesis: str,
    territory: str,
    departement: str,
    prescriber_name: str = "",
) -> Candidacy:
    """Apply for a structure not yet in Essaim: it is created, managed by `actor`, in one go.

    `structure` holds the card's fields (name, kind, siret, city, departement). Errors about
    the new structure are keyed `structure_<field>`, apart from the candidacy's own fields.
    """
    from portal.audit.services import changed_fields
    from portal.audit.services import snapshot as audit_snapshot
    from portal.enums import MembershipRole
    from portal.structures.services import (
        STRUCTURE_FIELDS,
        _normalise_structure,
        _save_structure,
        _validate_structure,
    )

    if not getattr(actor, "is_authenticated", False):
        raise PermissionDenied
    if not season.call_is_open():
        raise ValidationError(_("L'appel à territoires de cette saison n'est pas ouvert."))
    card = Structure(**{name: structure.get(name, "") for name in STRUCTURE_FIELDS})
    _normalise_structure(card)
    errors = {}
    try:
        _validate_structure(card)
    except ValidationError as error:
        errors = {f"structure_{name}": value for name, value in error.message_dict.items()}
    if member_role not in MembershipRole.values:
        errors["member_role"] = _("Choisissez votre fonction dans la structure.")
    errors.update(_identity_errors(hypothesis, territory, departement, prescriber_name))
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        try:
            _save_structure(card)
        except ValidationError as error:
            raise ValidationError(
                {f"structure_{name}": value for name, value in error.message_dict.items()}
            ) from error
        membership = Membership.objects.create(
            user=actor, structure=card, role=member_role, is_admin=True
        )
        audit_log(
            actor=actor,
            action="structure.create",
            obj=card,
            changes=changed_fields({}, audit_snapshot(card, STRUCTURE_FIELDS)),
        )
        audit_log(
            actor=actor,
            action="membership.create",
            obj=membership,
            changes={"role": [None, member_role], "is_admin": [None, True]},
        )
        forget(actor)
        return candidacy_start(
            actor=actor,
            season=season,
            structure=card,
            hypothesis=hypothesis,
            territory=territory,
            departement=departement,
            prescriber_name=prescriber_name,
        )


def _identity_errors(hypothesis, territory, departement, prescriber_name) -> dict[str, str]:
    errors = {}
    if hypothesis not in Hypothesis.values:
        errors["hypothesis"] = _("Choisissez l'hypothèse A ou B.")
    if not territory.strip():
        errors["territory"] = _("Indiquez le territoire concerné.")
    code = departement.strip().upper()
    if not (code.isdigit() and len(code) in (2, 3)) and code not in ("2A", "2B"):
        errors["departement"] = _("Saisissez un numéro de département, par exemple 64 ou 2A.")
    if hypothesis == Hypothesis.A and not prescriber_name.strip():
        errors["prescriber_name"] = _(
            "En hypothèse A, indiquez la collectivité prescriptrice pour laquelle vous intervenez."
        )
    return errors


def _save_applicant_change(
    *, actor: User, candidacy: Candidacy, version: int, fields: dict, action: str
) -> Candidacy:
    """Save fields with optimistic locking, voiding signatures if the content changed."""
    if not permissions.can_edit(actor, candidacy):
        raise PermissionDenied
    with transaction.atomic():
        locked = _lock(candidacy)
        if locked.version != version:
            raise ConcurrentEdit
        if not locked.is_editable:
            raise ValidationError(_("Cette candidature ne peut plus être modifiée."))
        before = content_hash(locked)
        changes = {}
        for name, value in fields.items():
            if getattr(locked, name) != value:
                changes[name] = [getattr(locked, name), value]
                setattr(locked, name, value)
        if not changes:
            return locked
        locked.version += 1
        locked.save()
        audit_log(actor=actor, action=action, obj=locked, changes=_redacted(changes))
        if content_hash(locked) != before:
            _void_signatures(locked, actor=actor)
    return locked


def _redacted(changes: dict) -> dict:
    """Audit entries record which fields changed, not the applicant's text itself."""
    return {name: ["…", "…"] for name in changes}


def candidacy_update_identity(
    *, actor: User, candidacy: Candidacy, version: int, data: dict
) -> Candidacy:
    errors = _identity_errors(
        candidacy.hypothesis,
        data.get("territory", ""),
        data.get("departement", ""),
        data.get("prescriber_name", ""),
    )
    if errors:
        raise ValidationError(errors)
    fields = {
        "territory": data["territory"].strip(),
        "departement": data["departement"].strip().upper(),
        "prescriber_name": (
            data.get("prescriber_name", "").strip() if candidacy.hypothesis == Hypothesis.A else ""
        ),
        "needs": data.get("needs", "").strip(),
    }
    return _save_applicant_change(
        actor=actor, candidacy=candidacy, version=version, fields=fields, action="candidacy.update"
    )


def candidacy_save_answers(
    *, actor: User, candidacy: Candidacy, version: int, code: str, cleaned: dict
) -> Candidacy:
    """Store the answers to one criterion (a draft: nothing here blocks saving)."""
    criterion = criteria.get_criterion(code)
    if criterion.hypothesis != candidacy.hypothesis:
        raise ValidationError(_("Ce critère ne concerne pas l'hypothèse de cette candidature."))
    answers = dict(candidacy.answers)
    answers[code] = criteria.clean_for_storage(criterion, cleaned)
    return _save_applicant_change(
        actor=actor,
        candidacy=candidacy,
        version=version,
        fields={"answers": answers},
        action=f"candidacy.answers.{code}",
    )


# --- Evidence --------------------------------------------------------------------------------


def check_upload(uploaded) -> tuple[str, str]:
    """(content type, extension) of an acceptable upload, judged by its bytes, not its name."""
    if uploaded.size > MAX_EVIDENCE_BYTES:
        raise ValidationError(
            _("Le fichier dépasse la taille maximale de %(size)s Mo.")
            % {"size": MAX_EVIDENCE_BYTES // (1024 * 1024)}
        )
    if uploaded.size == 0:
        raise ValidationError(_("Le fichier est vide."))
    uploaded.seek(0)
    head = uploaded.read(8192)
    uploaded.seek(0)
    kind = filetype.guess(head)
    if kind is None or kind.mime not in ALLOWED_EVIDENCE_TYPES:
        raise ValidationError(
            _(
                "Ce type de fichier n'est pas accepté : déposez un PDF, un document bureautique "
                "(Word, Excel, OpenDocument) ou une image PNG ou JPEG."
            )
        )
    return kind.mime, ALLOWED_EVIDENCE_TYPES[kind.mime]


def evidence_add(
    *, actor: User, candidacy: Candidacy, version: int, code: str, kind: str, uploaded
) -> Evidence:
    if not permissions.can_edit(actor, candidacy):
        raise PermissionDenied
    criterion = criteria.get_criterion(code)
    if kind not in {evidence.key for evidence in criterion.evidence}:
        raise ValidationError({"kind": _("Choisissez une pièce dans la liste.")})
    content_type, extension = check_upload(uploaded)
    digest = hashlib.sha256()
    for chunk in uploaded.chunks():
        digest.update(chunk)
    uploaded.seek(0)
    with transaction.atomic():
        locked = _lock(candidacy)
        if locked.version != version:
            raise ConcurrentEdit
        if not locked.is_editable:
            raise ValidationError(_("Cette candidature ne peut plus être modifiée."))
        before = content_hash(locked)
        evidence = Evidence(
            candidacy=locked,
            criterion=code,
            kind=kind,
            original_name=uploaded.name[-200:],
            content_type=content_type,
            extension=extension,
            size=uploaded.size,
            sha256=digest.hexdigest(),
            uploaded_by=actor,
        )
        evidence.file.save("upload", uploaded, save=False)
        try:
            # Nothing half-saved: if anything below fails, the stored file goes too.
            evidence.save()
            locked.version += 1
            locked.save(update_fields=["version", "updated_at"])
            audit_log(
                actor=actor,
                action="candidacy.evidence.add",
                obj=locked,
                changes={"evidence": [None, f"{code}/{kind}"]},
            )
            if content_hash(locked) != before:
                _void_signatures(locked, actor=actor)
        except Exception:
            evidence.file.delete(save=False)
            raise
    return evidence


def evidence_remove(*, actor: User, evidence: Evidence, version: int) -> None:
    candidacy = evidence.candidacy
    if not permissions.can_edit(actor, candidacy):
        raise PermissionDenied
    with transaction.atomic():
        locked = _lock(candidacy)
        if locked.version != version:
            raise ConcurrentEdit
        if not locked.is_editable:
            raise ValidationError(_("Cette candidature ne peut plus être modifiée."))
        storage, name = evidence.file.storage, evidence.file.name
        evidence.delete()
        locked.version += 1
        locked.save(update_fields=["version", "updated_at"])
        audit_log(
            actor=actor,
            action="candidacy.evidence.remove",
            obj=locked,
            changes={"evidence": [f"{evidence.criterion}/{evidence.kind}", None]},
        )
        _void_signatures(locked, actor=actor)
        transaction.on_commit(partial(storage.delete, name))


# --- The signed content ----------------------------------------------------------------------


def snapshot(candidacy: Candidacy) -> dict:
    """Everything a signer commits to, in a canonical form (what the hash covers)."""
    structure = candidacy.structure
    return {
        "reference": str(candidacy.reference),
        "season": candidacy.season.name,
        "structure": {
            "name": structure.name,
            "siret": structure.siret,
            "city": structure.city,
            "departement": structure.departement,
        },
        "hypothesis": candidacy.hypothesis,
        "prescriber_name": candidacy.prescriber_name,
        "territory": candidacy.territory,
        "departement": candidacy.departement,
        "needs": candidacy.needs,
        "answers": candidacy.answers,
        "evidence": [
            {"criterion": e.criterion, "kind": e.kind, "name": e.original_name, "sha256": e.sha256}
            for e in candidacy.evidence.order_by("criterion", "kind", "sha256", "pk")
        ],
    }


def hash_snapshot(data: dict) -> str:
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def content_hash(candidacy: Candidacy) -> str:
    return hash_snapshot(snapshot(candidacy))


# --- Signatures ------------------------------------------------------------------------------

SIGNATURE_SALT = "essaim.signature"
SIGNATURE_VALIDITY = 60 * 60 * 24 * 30


def signature_token(request: SignatureRequest) -> str:
    return signing.dumps({"id": request.pk, "nonce": str(request.nonce)}, salt=SIGNATURE_SALT)


def signature_from_token(token: str) -> SignatureRequest | None:
    """The request a link points to, or None if the link is forged, expired or replaced."""
    try:
        data = signing.loads(token, salt=SIGNATURE_SALT, max_age=SIGNATURE_VALIDITY)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("id"), int):
        return None
    request = (
        SignatureRequest.objects.select_related("candidacy__season", "candidacy__structure")
        .filter(pk=data["id"])
        .first()
    )
    if request is None or str(request.nonce) != data.get("nonce"):
        return None
    return request


def signature_link(request: SignatureRequest) -> str:
    return absolute_url(reverse("candidacy:sign", kwargs={"token": signature_token(request)}))


def signature_invite(
    *,
    actor: User,
    candidacy: Candidacy,
    act: str,
    signer_role: str,
    full_name: str,
    email: str,
    organisation: str,
) -> SignatureRequest:
    """Ask a named person to sign an act of the candidacy; any previous request is replaced."""
    if act == SignatureAct.AGREEMENT:
        allowed = permissions.can_invite_agreement_signer(actor, candidacy)
        wanted = [(SignatureAct.AGREEMENT, SignerRole.DIRECTOR_GENERAL)]
    else:
        allowed = permissions.can_edit(actor, candidacy)
        wanted = criteria.required_signatures(candidacy.hypothesis)
    if not allowed:
        raise PermissionDenied
    errors = {}
    if (act, signer_role) not in wanted:
        errors["signer_role"] = _("Cette signature n'est pas demandée pour cette candidature.")
    if not full_name.strip():
        errors["full_name"] = _("Indiquez le nom de la personne qui signe.")
    if not organisation.strip():
        errors["organisation"] = _("Indiquez l'organisme que cette personne représente.")
    try:
        from django.core.validators import validate_email

        validate_email(email.strip())
    except ValidationError:
        errors["email"] = _("Saisissez une adresse électronique valide.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        locked = _lock(candidacy)
        for previous in locked.signatures.filter(
            act=act, signer_role=signer_role, status=SignatureStatus.PENDING
        ):
            previous.status = SignatureStatus.REVOKED
            previous.save(update_fields=["status"])
        if locked.signatures.filter(
            act=act, signer_role=signer_role, status=SignatureStatus.SIGNED
        ).exists():
            raise ValidationError(_("Cette signature a déjà été donnée sur la version actuelle."))
        request = SignatureRequest.objects.create(
            candidacy=locked,
            act=act,
            signer_role=signer_role,
            full_name=full_name.strip(),
            email=email.strip().lower(),
            organisation=organisation.strip(),
            invited_by=actor,
        )
        audit_log(
            actor=actor,
            action="signature.invite",
            obj=request,
            changes={"act": [None, act], "signer_role": [None, signer_role]},
        )
        transaction.on_commit(partial(signature_send_email, request_id=request.pk))
    return request


def signature_send_email(*, request_id: int) -> None:
    request = SignatureRequest.objects.select_related(
        "candidacy__structure", "candidacy__season", "invited_by"
    ).get(pk=request_id)
    if request.status != SignatureStatus.PENDING:
        return
    with translation.override(settings.LANGUAGE_CODE):
        templated_email(
            to=[request.email],
            subject=_("[Essaim] Signature demandée : %(act)s de %(structure)s")
            % {"act": request.get_act_display(), "structure": request.candidacy.structure},
            template="candidacy/signature_request",
            context={"request": request, "link": signature_link(request)},
        ).send()


def signature_refusal(request: SignatureRequest, user: User) -> str | None:
    """Why `user` cannot answer this request now, or None."""
    from portal.structures.services import is_invited_address

    if request.status != SignatureStatus.PENDING:
        return request.status
    if not is_invited_address(user, request.email):
        return "wrong_account"
    candidacy = request.candidacy
    if request.act == SignatureAct.AGREEMENT:
        if candidacy.state != S.SELECTED:
            return "not_selected"
    elif not candidacy.is_editable:
        return "frozen"
    return None


def signature_sign(
    *, user: User, request: SignatureRequest, seen_hash: str, method: str
) -> SignatureRequest:
    """Sign the exact version the signer saw; a version changed meanwhile is refused."""
    with transaction.atomic():
        candidacy = _lock(request.candidacy)
        locked = SignatureRequest.objects.select_for_update().get(pk=request.pk)
        locked.candidacy = candidacy
        refusal = signature_refusal(locked, user)
        if refusal is not None:
            raise PermissionDenied(refusal)
        data = snapshot(candidacy)
        digest = hash_snapshot(data)
        if digest != seen_hash:
            raise ConcurrentEdit
        locked.status = SignatureStatus.SIGNED
        locked.signed_by = user
        locked.answered_at = timezone.now()
        locked.content_hash = digest
        locked.snapshot = data
        locked.method = method
        locked.save()
        audit_log(
            actor=user,
            action="signature.sign",
            obj=locked,
            changes={
                "status": [SignatureStatus.PENDING.value, locked.status],
                "hash": [None, digest],
            },
        )
        _notify_applicants(
            candidacy,
            kind="signature.signed",
            title=_("%(name)s a signé : %(act)s")
            % {"name": locked.full_name, "act": locked.get_act_display()},
        )
    return locked


def signature_decline(*, user: User, request: SignatureRequest, reason: str) -> SignatureRequest:
    if not reason.strip():
        raise ValidationError({"reason": _("Expliquez en quelques mots pourquoi vous refusez.")})
    with transaction.atomic():
        locked = SignatureRequest.objects.select_for_update().get(pk=request.pk)
        refusal = signature_refusal(locked, user)
        if refusal is not None:
            raise PermissionDenied(refusal)
        locked.status = SignatureStatus.DECLINED
        locked.signed_by = user
        locked.answered_at = timezone.now()
        locked.decline_reason = reason.strip()
        locked.save()
        audit_log(
            actor=user,
            action="signature.decline",
            obj=locked,
            changes={"status": [SignatureStatus.PENDING.value, locked.status]},
        )
        _notify_applicants(
            locked.candidacy,
            kind="signature.declined",
            title=_("%(name)s a refusé de signer : %(act)s")
            % {"name": locked.full_name, "act": locked.get_act_display()},
            body=locked.decline_reason,
        )
    return locked


def _void_signatures(candidacy: Candidacy, *, actor: User | None) -> int:
    """Any change after a signature voids every candidacy signature and tells the signers."""
    voided = list(
        candidacy.signatures.exclude(act=SignatureAct.AGREEMENT).filter(
            status=SignatureStatus.SIGNED
        )
    )
    now = timezone.now()
    for request in voided:
        request.status = SignatureStatus.VOIDED
        request.voided_at = now
        request.save(update_fields=["status", "voided_at"])
        audit_log(
            actor=actor,
            action="signature.void",
            obj=request,
            changes={"status": [SignatureStatus.SIGNED.value, SignatureStatus.VOIDED.value]},
        )
        transaction.on_commit(partial(signature_voided_email, request_id=request.pk))
    if voided:
        _notify_applicants(
            candidacy,
            kind="signature.voided",
            title=_("La candidature a changé : les signatures sont à redemander"),
        )
    return len(voided)


def signature_voided_email(*, request_id: int) -> None:
    request = SignatureRequest.objects.select_related("candidacy__structure").get(pk=request_id)
    with translation.override(settings.LANGUAGE_CODE):
        templated_email(
            to=[request.email],
            subject=_("[Essaim] Votre signature a été annulée : la candidature a changé"),
            template="candidacy/signature_voided",
            context={"request": request},
        ).send()


def signatures_on_current_version(candidacy: Candidacy) -> dict[tuple[str, str], SignatureRequest]:
    """{(act, role): request} of the signatures valid for the candidacy as it is now."""
    current = content_hash(candidacy)
    return {
        (request.act, request.signer_role): request
        for request in candidacy.signatures.filter(status=SignatureStatus.SIGNED)
        if request.content_hash == current
    }


def missing_signatures(candidacy: Candidacy) -> list[tuple[str, str]]:
    valid = signatures_on_current_version(candidacy)
    return [
        pair for pair in criteria.required_signatures(candidacy.hypothesis) if pair not in valid
    ]


# --- Submission ------------------------------------------------------------------------------


def submission_blockers(candidacy: Candidacy) -> list[str]:
    """Everything that prevents submission now, in French; empty when it can go."""
    problems = []
    if not candidacy.season.call_is_open():
        problems.append(
            _("L'appel à territoires est clos : la candidature ne peut plus être déposée.")
        )
    evidence_keys = {f"{e.criterion}/{e.kind}" for e in candidacy.evidence.all()}
    evidence_keys |= {e.kind for e in candidacy.evidence.all()}
    problems += criteria.submission_blockers(candidacy.hypothesis, candidacy.answers, evidence_keys)
    for act, role in missing_signatures(candidacy):
        problems.append(
            _("Signature manquante sur la version actuelle : %(act)s, %(role)s.")
            % {"act": SignatureAct(act).label, "role": SignerRole(role).label.lower()}
        )
    return problems


def candidacy_submit(
    *, actor: User, candidacy: Candidacy, version: int, answer: str = ""
) -> Candidacy:
    """Submit a draft, or resubmit it with the answer to Ansa's request for information."""
    with transaction.atomic():
        locked = _lock(candidacy)
        if locked.version != version:
            raise ConcurrentEdit
        if not permissions.is_applicant(actor, locked):
            raise PermissionDenied
        problems = submission_blockers(locked)
        if problems:
            raise ValidationError(problems)
        if locked.state == S.INFO_REQUESTED:
            if not answer.strip():
                raise ValidationError(
                    {"answer": _("Répondez à la demande de compléments avant de renvoyer.")}
                )
            _transition(actor=actor, candidacy=locked, move_name="resubmit", message=answer.strip())
        else:
            _transition(actor=actor, candidacy=locked, move_name="submit")
            locked.submitted_at = timezone.now()
            locked.save(update_fields=["submitted_at"])
        _notify_ansa(
            locked,
            kind=f"candidacy.{locked.state}",
            title=_("Candidature déposée : %(structure)s") % {"structure": locked.structure},
        )
    return locked


def candidacy_withdraw(
    *, actor: User, candidacy: Candidacy, reason: str, delete_data: bool = False
) -> Candidacy:
    """The applicant withdraws (before any decision) and may ask for the data to be erased."""
    with transaction.atomic():
        locked = _lock(candidacy)
        if locked.state == S.SELECTED or (locked.prepared_decision and locked.decided_at):
            raise ValidationError(_("Une candidature retenue ne peut plus être retirée ici."))
        _transition(actor=actor, candidacy=locked, move_name="withdraw", message=reason.strip())
        locked.withdrawn_reason = reason.strip()
        locked.decided_at = timezone.now()
        if delete_data:
            locked.deletion_requested_at = timezone.now()
        locked.save(update_fields=["withdrawn_reason", "decided_at", "deletion_requested_at"])
        for request in locked.signatures.filter(status=SignatureStatus.PENDING):
            request.status = SignatureStatus.REVOKED
            request.save(update_fields=["status"])
        if locked.submitted_at is not None:
            _notify_ansa(
                locked,
                kind="candidacy.withdrawn",
                title=_("Candidature retirée : %(structure)s") % {"structure": locked.structure},
            )
        if delete_data:
            anonymise(locked)
    return locked


# --- Review by Ansa, opinion of A.CO.R -------------------------------------------------------


def candidacy_move(
    *, actor: User, candidacy: Candidacy, move_name: str, message: str = ""
) -> Candidacy:
    """A move made by Ansa from the dossier page (review, request information, shortlist)."""
    if move_name not in {"start_review", "request_info", "shortlist"}:
        raise ValidationError(_("Cette action se fait par la préparation des décisions."))
    if move_name == "request_info" and not message.strip():
        raise ValidationError({"message": _("Écrivez la question posée au territoire.")})
    with transaction.atomic():
        locked = _lock(candidacy)
        _transition(actor=actor, candidacy=locked, move_name=move_name, message=message.strip())
        if move_name == "request_info":
            _notify_applicants(
                locked,
                kind="candidacy.info_requested",
                title=_("Ansa demande un complément sur votre candidature"),
                body=message.strip(),
            )
        elif move_name == "start_review":
            _notify_applicants(
                locked,
                kind="candidacy.under_review",
                title=_("Votre candidature est en cours d'instruction"),
            )
    return locked


def review_save(
    *, actor: User, candidacy: Candidacy, scores: dict, recommendation: str, comment: str
) -> Review:
    if not permissions.can_review(actor, candidacy):
        raise PermissionDenied
    codes = {criterion.code for criterion in criteria.criteria_for(candidacy.hypothesis)}
    errors = {}
    clean_scores = {}
    for code, entry in scores.items():
        if code not in codes:
            continue
        score = entry.get("score")
        if score in (None, ""):
            continue
        if int(score) not in range(4):
            errors[f"score_{code}"] = _("La note va de 0 à 3.")
        clean_scores[code] = {"score": int(score), "comment": (entry.get("comment") or "").strip()}
    if recommendation not in Recommendation.values:
        errors["recommendation"] = _("Choisissez une recommandation.")
    if not comment.strip():
        errors["comment"] = _("Rédigez un avis d'ensemble.")
    if errors:
        raise ValidationError(errors)
    review, _created = Review.objects.update_or_create(
        candidacy=candidacy,
        reviewer=actor,
        defaults={"scores": clean_scores, "recommendation": recommendation, "comment": comment},
    )
    audit_log(
        actor=actor,
        action="candidacy.review",
        obj=candidacy,
        changes={"recommendation": [None, recommendation]},
    )
    return review


def opinion_save(*, actor: User, candidacy: Candidacy, opinion: str, comment: str) -> AcorOpinion:
    if not permissions.can_give_opinion(actor, candidacy):
        raise PermissionDenied
    errors = {}
    if opinion not in Opinion.values:
        errors["opinion"] = _("Choisissez un avis.")
    if not comment.strip():
        errors["comment"] = _("Motivez l'avis en quelques lignes.")
    if errors:
        raise ValidationError(errors)
    record, _created = AcorOpinion.objects.update_or_create(
        candidacy=candidacy, defaults={"author": actor, "opinion": opinion, "comment": comment}
    )
    audit_log(
        actor=actor,
        action="candidacy.acor_opinion",
        obj=candidacy,
        changes={"opinion": [None, opinion]},
    )
    return record


# --- Decisions -------------------------------------------------------------------------------


def decision_prepare(*, actor: User, candidacy: Candidacy, decision: str, reason: str) -> Candidacy:
    """Prepare (not yet notify) the decision on one dossier."""
    if not permissions.can_decide(actor):
        raise PermissionDenied
    if decision not in Decision.values and decision != "":
        raise ValidationError({"decision": _("Choisissez une décision.")})
    if candidacy.state not in (S.UNDER_REVIEW, S.SHORTLISTED):
        raise ValidationError(
            _("Seules les candidatures instruites peuvent recevoir une décision.")
        )
    if decision == Decision.NOT_SELECTED and not reason.strip():
        raise ValidationError({"reason": _("Indiquez le motif communiqué au territoire.")})
    with transaction.atomic():
        locked = _lock(candidacy)
        locked.prepared_decision = decision
        locked.decision_reason = reason.strip()
        locked.save(update_fields=["prepared_decision", "decision_reason", "updated_at"])
        audit_log(
            actor=actor,
            action="candidacy.decision.prepare",
            obj=locked,
            changes={"prepared_decision": [None, decision]},
        )
    return locked


def capacity_problems(season: Season) -> list[str]:
    selected = season.candidacies.filter(
        Q(state=S.SELECTED) | Q(prepared_decision=Decision.SELECTED, decided_at__isnull=True)
    ).count()
    problems = []
    if selected > season.capacity_max:
        problems.append(
            _("%(count)s structures retenues : la saison en accueille au plus %(max)s.")
            % {"count": selected, "max": season.capacity_max}
        )
    return problems


def decisions_notify(*, actor: User, season: Season) -> list[Candidacy]:
    """Notify every prepared decision of the season at once, within its capacity."""
    if not permissions.can_decide(actor):
        raise PermissionDenied
    with transaction.atomic():
        Season.objects.select_for_update().get(pk=season.pk)
        problems = capacity_problems(season)
        if problems:
            raise ValidationError(problems)
        pending = list(
            season.candidacies.select_for_update()
            .select_related("structure", "season")
            .filter(decided_at__isnull=True, state__in=[S.UNDER_REVIEW, S.SHORTLISTED])
            .exclude(prepared_decision="")
        )
        if not pending:
            raise ValidationError(_("Aucune décision préparée n'attend d'être notifiée."))
        now = timezone.now()
        for candidacy in pending:
            move = "select" if candidacy.prepared_decision == Decision.SELECTED else "reject"
            _transition(
                actor=actor, candidacy=candidacy, move_name=move, message=candidacy.decision_reason
            )
            candidacy.decided_at = now
            candidacy.save(update_fields=["decided_at"])
            _notify_decision(candidacy)
    return pending


def decision_message(candidacy: Candidacy, decision: str | None = None) -> tuple[str, str]:
    """(title, body) of the message announcing `decision` (by default, the notified one).

    Ansa's decisions page previews exactly these texts before they are sent.
    """
    if decision is None:
        decision = Decision.SELECTED if candidacy.state == S.SELECTED else Decision.NOT_SELECTED
    if decision == Decision.SELECTED:
        title = _("Votre candidature est retenue pour la %(season)s") % {"season": candidacy.season}
        body = _(
            "Félicitations : votre territoire rejoint la saison. Il reste à faire signer la "
            "convention de participation par votre directeur ou directrice générale, qui "
            "désignera le ou la référente et au plus trois personnes en tout."
        )
    else:
        title = _("Votre candidature n'est pas retenue pour la %(season)s") % {
            "season": candidacy.season
        }
        body = _("Motif communiqué par Ansa : %(reason)s") % {"reason": candidacy.decision_reason}
    return title, body


def _notify_decision(candidacy: Candidacy) -> None:
    title, body = decision_message(candidacy)
    _notify_applicants(candidacy, kind=f"candidacy.{candidacy.state}", title=title, body=body)


# --- Participation agreement -----------------------------------------------------------------


def agreement_sign(
    *,
    user: User,
    request: SignatureRequest,
    referent: User,
    participants: Iterable[User],
    method: str,
) -> ParticipationAgreement:
    """The DG signs: the referent and up to 3 people in total join the season."""
    participants = [person for person in participants if person.pk != referent.pk]
    people = [referent, *participants]
    candidacy = request.candidacy
    errors = {}
    if len(people) > MAX_PEOPLE_PER_STRUCTURE:
        errors["participants"] = _("Au plus %(max)s personnes en tout, référent·e compris·e.") % {
            "max": MAX_PEOPLE_PER_STRUCTURE
        }
    member_ids = set(
        Membership.objects.active()
        .filter(structure=candidacy.structure)
        .values_list("user_id", flat=True)
    )
    if any(person.pk not in member_ids for person in people):
        errors["participants"] = _("Choisissez des personnes membres de la structure.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        locked_candidacy = _lock(candidacy)
        locked = SignatureRequest.objects.select_for_update().get(pk=request.pk)
        locked.candidacy = locked_candidacy
        if locked.act != SignatureAct.AGREEMENT:
            raise PermissionDenied
        refusal = signature_refusal(locked, user)
        if refusal is not None:
            raise PermissionDenied(refusal)
        text = {
            "candidacy": str(locked_candidacy.reference),
            "structure": locked_candidacy.structure.name,
            "season": locked_candidacy.season.name,
            "director": {"id": user.pk, "name": user.get_full_name(), "email": user.email},
            "people": [
                {
                    "user": person.pk,
                    "full_name": person.get_full_name(),
                    "email": person.email,
                    "role": SeasonRole.REFERENT if person == referent else SeasonRole.PARTICIPANT,
                }
                for person in people
            ],
        }
        digest = hash_snapshot(text)
        locked.status = SignatureStatus.SIGNED
        locked.signed_by = user
        locked.answered_at = timezone.now()
        locked.content_hash = digest
        locked.snapshot = text
        locked.method = method
        locked.save()
        agreement = ParticipationAgreement.objects.create(
            candidacy=locked_candidacy,
            director=user,
            people=text["people"],
            signature=locked,
            content_hash=digest,
        )
        swarmed = SwarmedStructure.objects.create(
            season=locked_candidacy.season,
            structure=locked_candidacy.structure,
            candidacy=locked_candidacy,
        )
        for entry, person in zip(text["people"], people, strict=True):
            SwarmedMember.objects.create(swarmed_structure=swarmed, user=person, role=entry["role"])
            forget(person)
            notification_create(
                recipient=person,
                category=NotificationCategory.CANDIDACY,
                kind="season.joined",
                title=_("Vous rejoignez la %(season)s d'Essaim") % {"season": swarmed.season},
                body=_("Le référentiel complet et l'espace de la saison vous sont ouverts."),
                url=reverse("portal:dashboard"),
            )
        audit_log(
            actor=user,
            action="agreement.sign",
            obj=agreement,
            changes={"hash": [None, digest], "people": [None, [p.pk for p in people]]},
        )
        _notify_ansa(
            locked_candidacy,
            kind="agreement.signed",
            title=_("Convention signée : %(structure)s rejoint la %(season)s")
            % {"structure": locked_candidacy.structure, "season": locked_candidacy.season},
        )
    return agreement


# --- Personal data ---------------------------------------------------------------------------


def anonymise(candidacy: Candidacy) -> None:
    """Erase what identifies people in a dossier; keep only anonymous facts."""
    for evidence in candidacy.evidence.all():
        storage, name = evidence.file.storage, evidence.file.name
        evidence.delete()
        transaction.on_commit(partial(storage.delete, name))
    candidacy.answers = {}
    candidacy.needs = ""
    candidacy.withdrawn_reason = ""
    candidacy.decision_reason = ""
    candidacy.anonymised_at = timezone.now()
    candidacy.save()
    candidacy.signatures.update(
        full_name="—", email="anonyme@invalid", snapshot=None, decline_reason="", organisation="—"
    )
    candidacy.history.update(message="")
    candidacy.reviews.all().delete()
    AcorOpinion.objects.filter(candidacy=candidacy).delete()
    audit_log(actor=None, action="candidacy.anonymise", obj=candidacy, changes={})


def anonymise_expired(now=None) -> int:
    """Anonymise dossiers not selected (or withdrawn) once their season's retention has passed."""
    now = now or timezone.now()
    count = 0
    candidates = Candidacy.objects.select_related("season").filter(
        state__in=[S.NOT_SELECTED, S.WITHDRAWN],
        anonymised_at__isnull=True,
        decided_at__isnull=False,
    )
    for candidacy in candidates:
        if candidacy.decided_at + candidacy.season.retention_delta() <= now:
            with transaction.atomic():
                anonymise(_lock(candidacy))
            count += 1
    return count


# --- Notifications ---------------------------------------------------------------------------


def _applicants(candidacy: Candidacy) -> list[User]:
    return list(
        User.objects.filter(
            memberships__in=Membership.objects.active().filter(structure=candidacy.structure),
            is_active=True,
        ).distinct()
    )


def _notify_applicants(candidacy: Candidacy, *, kind: str, title: str, body: str = "") -> None:
    url = reverse("candidacy:detail", kwargs={"reference": candidacy.reference})
    for person in _applicants(candidacy):
        notification_create(
            recipient=person,
            category=NotificationCategory.CANDIDACY,
            kind=kind,
            title=title,
            body=body,
            url=url,
            target=candidacy,
        )


def _notify_ansa(candidacy: Candidacy, *, kind: str, title: str) -> None:
    from portal.roles import Role

    url = reverse("candidacy:staff_detail", kwargs={"reference": candidacy.reference})
    for person in User.objects.filter(groups__name=Role.ANSA.value, is_active=True):
        notification_create(
            recipient=person,
            category=NotificationCategory.CANDIDACY,
            kind=kind,
            title=title,
            url=url,
            target=candidacy,
        )
