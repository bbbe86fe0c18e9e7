"""Changing a person's account: profile, deletion requests (RGPD). Each change is audited."""

from functools import partial

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from portal.accounts.permissions import can_cancel_deletion_request, can_handle_deletion_request
from portal.audit.services import audit_log, changed_fields, snapshot
from portal.enums import DeletionRequestStatus
from portal.mail import absolute_url
from portal.models import AccountDeletionRequest, User

PROFILE_FIELDS = ["first_name", "last_name", "phone", "login_code_by_email"]
#: Erased when a deletion request is carried out; the e-mail stays as the login's tombstone.
ANONYMISED_FIELDS = ["first_name", "last_name", "phone"]
#: Stands for an erased value in the audit log, which must not keep what was erased.
ERASED = "[effacé]"


def user_update_profile(
    *, user: User, first_name: str, last_name: str, phone: str, login_code_by_email: bool
) -> dict[str, list]:
    """Save the person's own name, phone and login choice; returns (and audits) what changed."""
    with transaction.atomic():
        before = snapshot(user, PROFILE_FIELDS)
        user.first_name, user.last_name, user.phone = first_name, last_name, phone
        user.login_code_by_email = login_code_by_email
        changes = changed_fields(before, snapshot(user, PROFILE_FIELDS))
        if changes:
            user.save(update_fields=list(changes))
            audit_log(actor=user, action="user.update_profile", obj=user, changes=changes)
    return changes


def _email_team(*, subject: str, template: str, deletion_request_id: int) -> None:
    deletion_request = AccountDeletionRequest.objects.get(pk=deletion_request_id)
    link = absolute_url(reverse("accounts:deletion_requests"))
    with translation.override(settings.LANGUAGE_CODE):
        body = render_to_string(template, {"deletion_request": deletion_request, "link": link})
        send_mail(
            f"{settings.EMAIL_SUBJECT_PREFIX}{_(subject)}",
            body,
            None,
            [settings.ESSAIM_CONTACT_EMAIL],
        )


def deletion_request_create(*, user: User, reason: str = "") -> AccountDeletionRequest:
    """Record the person's request to erase their account and tell the programme team."""
    with transaction.atomic():
        # Lock the person so that two quick submissions make one request.
        User.objects.select_for_update().filter(pk=user.pk).first()
        if user.deletion_requests.filter(status=DeletionRequestStatus.PENDING).exists():
            raise ValidationError(_("Vous avez déjà une demande de suppression en cours."))
        deletion_request = AccountDeletionRequest.objects.create(
            user=user, email=user.email, reason=reason.strip()
        )
        audit_log(
            actor=user,
            action="account_deletion_request.create",
            obj=deletion_request,
            changes={"status": [None, DeletionRequestStatus.PENDING.value]},
        )
        transaction.on_commit(
            partial(
                _email_team,
                subject=gettext_noop("Demande de suppression de compte"),
                template="portal/accounts/emails/deletion_requested.txt",
                deletion_request_id=deletion_request.pk,
            )
        )
    return deletion_request


def deletion_request_cancel(
    *, user: User, deletion_request: AccountDeletionRequest
) -> AccountDeletionRequest:
    """The person withdraws their pending request; the team is told."""
    with transaction.atomic():
        deletion_request = AccountDeletionRequest.objects.select_for_update().get(
            pk=deletion_request.pk
        )
        if not can_cancel_deletion_request(user, deletion_request):
            raise PermissionDenied
        before = snapshot(deletion_request, ["status"])
        deletion_request.status = DeletionRequestStatus.CANCELLED
        deletion_request.save(update_fields=["status"])
        audit_log(
            actor=user,
            action="account_deletion_request.cancel",
            obj=deletion_request,
            changes=changed_fields(before, snapshot(deletion_request, ["status"])),
        )
        transaction.on_commit(
            partial(
                _email_team,
                subject=gettext_noop("Demande de suppression de compte annulée"),
                template="portal/accounts/emails/deletion_cancelled.txt",
                deletion_request_id=deletion_request.pk,
            )
        )
    return deletion_request


def _user_deactivate_and_anonymise(*, actor: User, user: User) -> None:
    user = User.objects.select_for_update().get(pk=user.pk)
    before = {
        "is_active": user.is_active,
        **{name: ERASED if getattr(user, name) else "" for name in ANONYMISED_FIELDS},
    }
    user.is_active = False
    for name in ANONYMISED_FIELDS:
        setattr(user, name, "")
    user.set_unusable_password()
    user.save(update_fields=["is_active", "password", *ANONYMISED_FIELDS])
    audit_log(
        actor=actor,
        action="user.deactivate_and_anonymise",
        obj=user,
        changes=changed_fields(before, snapshot(user, ["is_active", *ANONYMISED_FIELDS])),
    )


def deletion_request_complete(
    *, actor: User, deletion_request: AccountDeletionRequest
) -> AccountDeletionRequest:
    """Ansa carries out a request: the account is deactivated and its name and phone erased."""
    if not can_handle_deletion_request(actor, deletion_request):
        raise PermissionDenied
    with transaction.atomic():
        deletion_request = AccountDeletionRequest.objects.select_for_update().get(
            pk=deletion_request.pk
        )
        if deletion_request.status != DeletionRequestStatus.PENDING:
            raise ValidationError(_("Cette demande a déjà été traitée ou annulée."))
        fields = ["status", "handled_at"]
        before = snapshot(deletion_request, fields)
        deletion_request.status = DeletionRequestStatus.DONE
        deletion_request.handled_at = timezone.now()
        deletion_request.save(update_fields=fields)
        audit_log(
            actor=actor,
            action="account_deletion_request.complete",
            obj=deletion_request,
            changes=changed_fields(before, snapshot(deletion_request, fields)),
        )
        if deletion_request.user_id is not None:
            _user_deactivate_and_anonymise(actor=actor, user=deletion_request.user)
    return deletion_request
