"""Pages of the pair's private space: the list of pairings, one pairing's page (who, since when,
why, its log and change requests), recording an exchange, asking for a change, and Ansa's pages
to end a pairing and to handle a change request.

Parse the request, call a selector or a service, render. A pairing's page answers 404 to anyone
outside the pair's space (another structure's people, an expert whose pairing ended), so neither
its existence nor its content leaks.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from modules.models import Season
from portal.forms import add_service_errors as _add_errors
from portal.roles import is_ansa
from portal.security import staff_page
from tutoring.enums import ChangeRequestStatus
from tutoring.models import Pairing, PairingChangeRequest
from tutoring.pairing import pairs
from tutoring.pairing.forms_pairs import (
    ACCEPT,
    ChangeRequestForm,
    ChangeRequestHandleForm,
    LogEntryForm,
    PairingEndForm,
    PairingFilterForm,
)
from tutoring.pairing.lifecycle import pairing_url
from tutoring.permissions import can_manage_tutoring, can_see_pair_space, can_use_tutoring

PAGE_SIZE = 25
LOG_PAGE_SIZE = 20


def _pairing(request: HttpRequest, pk: int) -> Pairing:
    pairing = pairs.pairing_get(pk=pk)
    if pairing is None or not can_see_pair_space(request.user, pairing):
        raise Http404
    return pairing


def _detail(pairing: Pairing, anchor: str = "") -> str:
    return pairing_url(pairing) + (f"#{anchor}" if anchor else "")


# --- The list --------------------------------------------------------------------------------


@require_GET
def pairing_list(request: HttpRequest) -> HttpResponse:
    """Ansa: every pairing, filtered; an expert: their running ones; a structure: its own."""
    user = request.user
    if not can_use_tutoring(user):
        raise PermissionDenied
    ansa = is_ansa(user)
    form = None
    filters: dict = {}
    if ansa:
        form = PairingFilterForm(
            request.GET or None,
            seasons=list(Season.objects.order_by("-call_opens_at")),
            experts=list(pairs.experts_with_pairings()),
        )
        if form.is_bound:
            form.is_valid()  # an unknown value shows its error; the valid filters still apply
            filters = {name: value for name, value in form.cleaned_data.items() if value}
    pairings = pairs.pairing_list_for(
        user,
        season=filters.get("season", ""),
        status=filters.get("status", ""),
        expert_id=filters.get("expert"),
    )
    page = Paginator(pairings, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "tutoring/pairs/list.html",
        {
            "page_obj": page,
            "rows": [(pairing, pairs.pairing_status(pairing)) for pairing in page],
            "form": form,
            "filtered": bool(filters),
            "is_ansa": ansa,
            "open_requests": list(pairs.open_change_requests()) if ansa else [],
        },
    )


# --- One pairing -----------------------------------------------------------------------------


@require_GET
def pairing_detail(request: HttpRequest, pk: int) -> HttpResponse:
    pairing = _pairing(request, pk)
    user = request.user
    log = Paginator(pairs.pairing_log(pairing), LOG_PAGE_SIZE).get_page(request.GET.get("page"))
    open_request = pairs.open_change_request_of(pairing)
    return render(
        request,
        "tutoring/pairs/detail.html",
        {
            "pairing": pairing,
            "structure": pairing.swarmed_structure.structure,
            "season": pairing.swarmed_structure.season,
            "status": pairs.pairing_status(pairing),
            "members": pairs.pair_members(pairing),
            "reasons": pairs.pairing_reasons(pairing),
            "page_obj": log,
            "requests": [
                (change, pairs.request_status(change))
                for change in pairs.change_requests_visible(user, pairing)
            ],
            "change_pending": open_request is not None,
            "can_add_log": pairs.can_add_log_entry(user, pairing),
            "can_request_change": open_request is None and pairs.can_request_change(user, pairing),
            "can_end": pairs.can_end_pairing(user, pairing),
            "can_handle": pairs.can_handle_change_request(user),
        },
    )


@require_http_methods(["GET", "POST"])
def log_entry_add(request: HttpRequest, pk: int) -> HttpResponse:
    pairing = _pairing(request, pk)
    if not pairing.is_active:
        messages.error(request, _("Ce binôme est terminé : son journal ne reçoit plus d'échange."))
        return redirect(_detail(pairing, "journal"))
    if not pairs.can_add_log_entry(request.user, pairing):
        raise PermissionDenied
    form = LogEntryForm(request.POST if request.method == "POST" else None)
    if form.is_bound:
        if form.is_valid():
            data = form.cleaned_data
            try:
                pairs.log_entry_add(
                    actor=request.user,
                    pairing=pairing,
                    happened_on=data["happened_on"],
                    duration_minutes=data["duration_minutes"],
                    channel=data["channel"],
                    sheet_ids=[sheet.pk for sheet in data["sheets"]],
                    notes=data["notes"],
                )
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(request, _("L'échange est consigné dans le journal du binôme."))
                return redirect(_detail(pairing, "journal"))
        else:
            _add_rule_errors(form, pairing)
    return render(request, "tutoring/pairs/log_entry_form.html", {"pairing": pairing, "form": form})


def _add_rule_errors(form: LogEntryForm, pairing: Pairing) -> None:
    """The programme's rules on the fields that parsed, so every error shows at once."""
    data = form.cleaned_data
    errors, _sheets = pairs.log_entry_validate(
        pairing=pairing,
        happened_on=data.get("happened_on"),
        duration_minutes=data.get("duration_minutes"),
        channel=data.get("channel", ""),
        sheet_ids=[sheet.pk for sheet in data.get("sheets", [])],
        notes=data.get("notes", ""),
    )
    for name, message in errors.items():
        if name not in form.errors:
            form.add_error(name, message)


@require_http_methods(["GET", "POST"])
def change_request_create(request: HttpRequest, pk: int) -> HttpResponse:
    pairing = _pairing(request, pk)
    user = request.user
    if not pairing.is_active:
        messages.error(request, _("Ce binôme est terminé : il n'y a plus rien à changer."))
        return redirect(_detail(pairing))
    if not pairs.can_request_change(user, pairing):
        raise PermissionDenied  # Ansa changes a pairing itself; it does not ask
    if pairs.open_change_request_of(pairing) is not None:
        messages.info(
            request,
            _(
                "Une demande de changement est déjà en cours d'examen par Ansa pour ce binôme : "
                "vous serez prévenu·e de sa réponse."
            ),
        )
        return redirect(_detail(pairing, "demandes"))
    form = ChangeRequestForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        try:
            pairs.change_request_create(
                actor=user, pairing=pairing, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(
                request,
                _(
                    "Votre demande est transmise à l'équipe Ansa ; vous serez prévenu·e de sa "
                    "réponse."
                ),
            )
            return redirect(_detail(pairing, "demandes"))
    return render(
        request, "tutoring/pairs/change_request_form.html", {"pairing": pairing, "form": form}
    )


# --- Ansa's pages ----------------------------------------------------------------------------


def _managed_pairing(request: HttpRequest, pk: int) -> Pairing:
    if not can_manage_tutoring(request.user):
        raise PermissionDenied
    pairing = pairs.pairing_get(pk=pk)
    if pairing is None:
        raise Http404
    return pairing


@staff_page
@require_http_methods(["GET", "POST"])
def pairing_end(request: HttpRequest, pk: int) -> HttpResponse:
    pairing = _managed_pairing(request, pk)
    if not pairing.is_active:
        messages.info(request, _("Ce binôme est déjà terminé."))
        return redirect(_detail(pairing))
    form = PairingEndForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        try:
            pairs.pairing_close(
                actor=request.user, pairing=pairing, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            _add_errors(form, error, default_field="reason")
        else:
            messages.success(
                request,
                _(
                    "Le binôme prend fin ; l'expert·e et la structure sont prévenus. Son "
                    "historique reste ici."
                ),
            )
            return redirect(_detail(pairing))
    return render(request, "tutoring/pairs/end_form.html", {"pairing": pairing, "form": form})


@staff_page
@require_http_methods(["GET", "POST"])
def change_request_handle(request: HttpRequest, pk: int) -> HttpResponse:
    if not pairs.can_handle_change_request(request.user):
        raise PermissionDenied
    change = pairs.change_request_get(pk=pk)
    if change is None:
        raise Http404
    pairing = change.pairing
    form = None
    if change.status == ChangeRequestStatus.OPEN:
        form = ChangeRequestHandleForm(
            request.POST if request.method == "POST" else None,
            experts=pairs.experts_for_change(pairing),
        )
        if form.is_bound and form.is_valid():
            response = _handle(request, form, change)
            if response is not None:
                return response
    elif request.method == "POST":
        messages.error(request, _("Cette demande a déjà été traitée."))
        return redirect(request.path)
    return render(
        request,
        "tutoring/pairs/change_request_handle.html",
        {
            "change": change,
            "change_status": pairs.request_status(change),
            "pairing": pairing,
            "status": pairs.pairing_status(pairing),
            "asked_by_expert": change.requested_by_id == pairing.expert_id,
            "form": form,
        },
    )


def _handle(
    request: HttpRequest, form: ChangeRequestHandleForm, change: PairingChangeRequest
) -> HttpResponse | None:
    data = form.cleaned_data
    accept = data["decision"] == ACCEPT
    try:
        handled = pairs.change_request_handle(
            actor=request.user,
            request=change,
            accept=accept,
            response=data["response"],
            new_expert=data["new_expert"] if accept else None,
        )
    except ValidationError as error:
        _add_errors(form, error)
        return None
    if handled.new_pairing is not None:
        messages.success(
            request,
            _("Demande acceptée : le nouveau binôme avec %(expert)s commence ; chacun est prévenu.")
            % {"expert": handled.new_pairing.expert},
        )
        return redirect(_detail(handled.new_pairing))
    if accept:
        messages.success(
            request,
            _(
                "Demande acceptée : le binôme a pris fin. La structure attend un nouvel·le "
                "expert·e."
            ),
        )
    else:
        messages.success(request, _("Demande refusée : la réponse est transmise."))
    return redirect(_detail(change.pairing, "demandes"))
