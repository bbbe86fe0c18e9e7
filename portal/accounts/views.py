"""The person's own account page, their data export and deletion request; Ansa's request list."""

import json

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from portal.accounts import selectors, services
from portal.accounts.forms import DeletionRequestForm, ProfileForm
from portal.accounts.permissions import can_handle_deletion_request
from portal.models import AccountDeletionRequest
from portal.security import staff_page


@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    user = request.user
    if request.method == "POST":
        form = ProfileForm(request.POST)
        if form.is_valid():
            changes = services.user_update_profile(user=user, **form.cleaned_data)
            if changes:
                messages.success(request, _("Vos informations sont enregistrées."))
            else:
                messages.info(request, _("Rien n'a changé : vos informations sont à jour."))
            return redirect("accounts:profile")
    else:
        form = ProfileForm(
            initial={
                "first_name": user.first_name,
                "last_name": user.last_name,
                "phone": user.phone,
            }
        )
    return render(
        request,
        "portal/accounts/profile.html",
        {
            "form": form,
            "memberships": selectors.user_active_memberships(user=user),
            "pending_deletion": selectors.user_pending_deletion_request(user=user),
        },
    )


@never_cache
@require_GET
def data_export(request: HttpRequest) -> HttpResponse:
    data = selectors.user_personal_data(user=request.user)
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    filename = f"essaim-mes-donnees-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_http_methods(["GET", "POST"])
def delete_request(request: HttpRequest) -> HttpResponse:
    if selectors.user_pending_deletion_request(user=request.user) is not None:
        messages.info(request, _("Votre demande de suppression est déjà en cours de traitement."))
        return redirect("accounts:profile")
    form = DeletionRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.deletion_request_create(user=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(
                request,
                _(
                    "Votre demande de suppression est enregistrée. L'équipe Ansa la traitera "
                    "dans un délai d'un mois, comme le prévoit le RGPD ; d'ici là, vous "
                    "pouvez l'annuler depuis cette page."
                ),
            )
        return redirect("accounts:profile")
    return render(request, "portal/accounts/delete_request.html", {"form": form})


@require_http_methods(["GET", "POST"])
def delete_cancel(request: HttpRequest) -> HttpResponse:
    pending = selectors.user_pending_deletion_request(user=request.user)
    if request.method == "POST":
        if pending is None:
            messages.info(request, _("Vous n'avez aucune demande de suppression en cours."))
        else:
            services.deletion_request_cancel(user=request.user, deletion_request=pending)
            messages.success(
                request,
                _("Votre demande de suppression est annulée ; votre compte reste actif."),
            )
        return redirect("accounts:profile")
    return render(request, "portal/accounts/delete_cancel.html", {"pending_deletion": pending})


def _check_handler(request: HttpRequest) -> None:
    if not can_handle_deletion_request(request.user):
        raise PermissionDenied


@staff_page
@require_GET
def deletion_requests(request: HttpRequest) -> HttpResponse:
    _check_handler(request)
    return render(
        request,
        "portal/accounts/deletion_requests.html",
        {
            "pending_requests": selectors.deletion_requests_pending(),
            "closed_requests": selectors.deletion_requests_closed(),
        },
    )


@staff_page
@require_http_methods(["GET", "POST"])
def deletion_done(request: HttpRequest, pk: int) -> HttpResponse:
    _check_handler(request)
    deletion_request = get_object_or_404(
        AccountDeletionRequest.objects.select_related("user"), pk=pk
    )
    if request.method == "POST":
        try:
            services.deletion_request_complete(
                actor=request.user, deletion_request=deletion_request
            )
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(
                request,
                _("La demande de %(email)s est traitée : le compte est désactivé et anonymisé.")
                % {"email": deletion_request.email},
            )
        return redirect("accounts:deletion_requests")
    return render(
        request, "portal/accounts/deletion_done.html", {"deletion_request": deletion_request}
    )
