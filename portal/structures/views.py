"""Structure pages: parse the request, call a selector or a service, render.

A structure the user may not see answers 404 on every URL under it, so its name never leaks;
a member without management rights gets 403 on the management pages of their own structure.
"""

import copy
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from portal.enums import InvitationStatus
from portal.models import Invitation, Membership, Structure
from portal.roles import is_ansa
from portal.structures import permissions, selectors, services
from portal.structures.forms import (
    InvitationForm,
    MembershipEndForm,
    MembershipForm,
    StructureFilterForm,
    StructureForm,
)
from portal.structures.tokens import ExpiredToken, InvalidToken, read_token

STRUCTURES_PER_PAGE = 25


def _visible_structure(request: HttpRequest, pk: int) -> Structure:
    structure = selectors.structure_get(pk=pk)
    if not permissions.can_view_structure(request.user, structure):
        raise Http404
    return structure


def _visible_membership(request: HttpRequest, pk: int) -> Membership:
    membership = selectors.membership_get(pk=pk)
    if not permissions.can_view_structure(request.user, membership.structure):
        raise Http404
    if membership.end_date is not None and membership.end_date < timezone.localdate():
        raise Http404  # an ended membership has nothing left to change
    return membership


def _visible_invitation(request: HttpRequest, pk: int) -> Invitation:
    invitation = selectors.invitation_get(pk=pk)
    if not permissions.can_view_structure(request.user, invitation.structure):
        raise Http404
    return invitation


def _bound(form_class, request: HttpRequest, **kwargs):
    return form_class(request.POST if request.method == "POST" else None, **kwargs)


# Structures


@require_GET
def structure_list(request: HttpRequest) -> HttpResponse:
    filters = StructureFilterForm(request.GET)
    kind = query = ""
    if filters.is_valid():
        kind = filters.cleaned_data["kind"]
        query = filters.cleaned_data["q"].strip()
    structures = selectors.structure_list(user=request.user, kind=kind, query=query)
    page = Paginator(structures, STRUCTURES_PER_PAGE).get_page(request.GET.get("page"))
    querystring = urlencode({key: value for key, value in (("q", query), ("kind", kind)) if value})
    return render(
        request,
        "portal/structures/structure_list.html",
        {
            "filters": filters,
            "page_obj": page,
            "filtered": bool(kind or query),
            "querystring": querystring,
            "can_create": permissions.can_create_structure(request.user),
        },
    )


@require_http_methods(["GET", "POST"])
def structure_create(request: HttpRequest) -> HttpResponse:
    if not permissions.can_create_structure(request.user):
        raise PermissionDenied
    form = _bound(StructureForm, request)
    if form.is_bound and form.is_valid():
        try:
            structure = services.structure_create(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("La structure est créée."))
            return redirect("structures:detail", pk=structure.pk)
    return render(
        request, "portal/structures/structure_form.html", {"form": form, "structure": None}
    )


@require_GET
def structure_detail(request: HttpRequest, pk: int) -> HttpResponse:
    structure = _visible_structure(request, pk)
    can_manage = permissions.can_manage_members(request.user, structure)
    context = {
        "structure": structure,
        "members": selectors.structure_active_members(structure=structure),
        "can_update": permissions.can_update_structure(request.user, structure),
        "can_manage": can_manage,
        "invitations": selectors.structure_open_invitations(structure=structure)
        if can_manage
        else [],
        "past_members": selectors.structure_past_members(structure=structure) if can_manage else [],
        "expired": InvitationStatus.EXPIRED.value,
    }
    return render(request, "portal/structures/structure_detail.html", context)


@require_http_methods(["GET", "POST"])
def structure_update(request: HttpRequest, pk: int) -> HttpResponse:
    structure = _visible_structure(request, pk)
    if not permissions.can_update_structure(request.user, structure):
        raise PermissionDenied
    # The form writes what was typed onto its instance; the page keeps showing the saved card.
    form = _bound(StructureForm, request, instance=copy.copy(structure))
    if form.is_bound and form.is_valid():
        try:
            services.structure_update(
                actor=request.user, structure=structure, data=form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("La fiche de la structure est enregistrée."))
            return redirect("structures:detail", pk=structure.pk)
    return render(
        request, "portal/structures/structure_form.html", {"form": form, "structure": structure}
    )


# Memberships


@require_http_methods(["GET", "POST"])
def membership_update(request: HttpRequest, pk: int) -> HttpResponse:
    membership = _visible_membership(request, pk)
    if not permissions.can_update_membership(request.user, membership):
        raise PermissionDenied
    form = _bound(
        MembershipForm, request, initial={"role": membership.role, "is_admin": membership.is_admin}
    )
    if form.is_bound and form.is_valid():
        try:
            services.membership_update(
                actor=request.user, membership=membership, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("La fonction de %(name)s est enregistrée.") % {"name": membership.user}
            )
            return redirect("structures:detail", pk=membership.structure_id)
    return render(
        request,
        "portal/structures/membership_form.html",
        {"form": form, "membership": membership, "structure": membership.structure},
    )


@require_http_methods(["GET", "POST"])
def membership_end(request: HttpRequest, pk: int) -> HttpResponse:
    membership = _visible_membership(request, pk)
    if not permissions.can_end_membership(request.user, membership):
        raise PermissionDenied
    form = _bound(MembershipEndForm, request)
    if form.is_bound and form.is_valid():
        try:
            services.membership_end(actor=request.user, membership=membership, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            structure = membership.structure
            if membership.user_id == request.user.pk:
                messages.success(request, _("Vous ne faites plus partie de cette structure."))
            else:
                messages.success(
                    request,
                    _("%(name)s ne fait plus partie de la structure.") % {"name": membership.user},
                )
            if membership.user_id == request.user.pk and not is_ansa(request.user):
                return redirect("structures:list")
            return redirect("structures:detail", pk=structure.pk)
    return render(
        request,
        "portal/structures/membership_end.html",
        {
            "form": form,
            "membership": membership,
            "structure": membership.structure,
            "is_self": membership.user_id == request.user.pk,
        },
    )


# Invitations


@require_http_methods(["GET", "POST"])
def invite(request: HttpRequest, pk: int) -> HttpResponse:
    structure = _visible_structure(request, pk)
    if not permissions.can_invite_member(request.user, structure):
        raise PermissionDenied
    form = _bound(InvitationForm, request)
    if form.is_bound and form.is_valid():
        try:
            invitation = services.invitation_create(
                actor=request.user, structure=structure, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("L'invitation est envoyée à %(email)s.") % {"email": invitation.email},
            )
            return redirect("structures:detail", pk=structure.pk)
    return render(
        request, "portal/structures/invitation_form.html", {"form": form, "structure": structure}
    )


def _invitation_action(request: HttpRequest, pk: int, *, action: str) -> HttpResponse:
    invitation = _visible_invitation(request, pk)
    if action == "resend":
        allowed = permissions.can_resend_invitation(request.user, invitation)
    else:
        allowed = permissions.can_revoke_invitation(request.user, invitation)
    if not allowed:
        raise PermissionDenied
    if request.method == "POST":
        try:
            if action == "resend":
                services.invitation_resend(actor=request.user, invitation=invitation)
                done = _(
                    "Une nouvelle invitation est envoyée à %(email)s ; "
                    "le lien précédent ne fonctionne plus."
                )
            else:
                services.invitation_revoke(actor=request.user, invitation=invitation)
                done = _("L'invitation de %(email)s est révoquée : son lien ne fonctionne plus.")
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, done % {"email": invitation.email})
        return redirect("structures:detail", pk=invitation.structure_id)
    return render(
        request,
        "portal/structures/invitation_confirm.html",
        {"invitation": invitation, "structure": invitation.structure, "action": action},
    )


@require_http_methods(["GET", "POST"])
def invitation_resend(request: HttpRequest, pk: int) -> HttpResponse:
    return _invitation_action(request, pk, action="resend")


@require_http_methods(["GET", "POST"])
def invitation_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    return _invitation_action(request, pk, action="revoke")


#: HTTP status of the page explaining why an invitation cannot be accepted.
REFUSAL_STATUS = {
    InvitationStatus.ACCEPTED: 410,
    InvitationStatus.REVOKED: 410,
    InvitationStatus.EXPIRED: 410,
    services.REPLACED: 410,
    services.WRONG_ACCOUNT: 403,
    services.ALREADY_MEMBER: 409,
}


@login_not_required
@never_cache
@require_http_methods(["GET", "POST"])
def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    """The link of the e-mail: explain, then let the invited person join in one click."""
    try:
        data = read_token(token)
    except ExpiredToken:
        return render(
            request,
            "portal/structures/invitation_unavailable.html",
            {"reason": InvitationStatus.EXPIRED.value, "invitation": None},
            status=410,
        )
    except InvalidToken:
        return render(request, "portal/structures/invitation_invalid.html", status=400)
    invitation = (
        Invitation.objects.select_related("structure", "invited_by")
        .filter(pk=data.invitation_id)
        .first()
    )
    if invitation is None:
        return render(request, "portal/structures/invitation_invalid.html", status=404)

    user = request.user
    refusal = services.invitation_refusal(invitation, nonce=data.nonce, user=user)
    if refusal is None and request.method == "POST":
        if not user.is_authenticated:
            return redirect_to_login(request.path)
        try:
            membership = services.invitation_accept(
                user=user, invitation=invitation, nonce=data.nonce
            )
        except services.InvitationUnavailable as error:
            refusal = error.reason
        else:
            messages.success(
                request,
                _("Bienvenue ! Vous faites désormais partie de la structure « %(structure)s ».")
                % {"structure": invitation.structure},
            )
            return redirect("structures:detail", pk=membership.structure_id)
    if refusal is not None:
        return render(
            request,
            "portal/structures/invitation_unavailable.html",
            {"reason": refusal, "invitation": invitation},
            status=REFUSAL_STATUS[refusal],
        )
    here = request.path
    signup_query = urlencode({"email": invitation.email, "next": here})
    return render(
        request,
        "portal/structures/invitation_accept.html",
        {
            "invitation": invitation,
            "signup_url": f"{reverse('account_signup')}?{signup_query}",
            "login_url": f"{reverse('account_login')}?{urlencode({'next': here})}",
        },
    )
