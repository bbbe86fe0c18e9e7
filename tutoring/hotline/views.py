"""Pages of Ansa's hotline: the tickets, opening one, its thread with the reply form, its files,
and turning it into a tutoring question.

Parse the request, call a selector or a service, render. The lists are for a swarmed structure's
people and Ansa (403 for anyone else); a ticket, and each of its files, answers 404 to anyone
outside its structure but Ansa, so neither its existence nor its content leaks.
"""

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from portal.files import private_file_response
from portal.forms import add_service_errors as _add_errors
from tutoring.attachments import check_uploads
from tutoring.enums import TicketStatus
from tutoring.hotline import permissions, selectors, services
from tutoring.hotline.forms import (
    ANSA_STATUS_LABELS,
    ConvertForm,
    ReplyForm,
    TicketFilterForm,
    TicketForm,
)
from tutoring.models import Ticket
from tutoring.permissions import can_manage_tutoring
from tutoring.selectors import swarmed_structures_of

PAGE_SIZE = 20


# --- A ticket's state in words and marks -----------------------------------------------------


@dataclass(frozen=True)
class Status:
    """As shown: words, a mark beside them, and a style (never the colour alone)."""

    slug: str
    label: str
    mark: str


MARKS = {
    TicketStatus.OPEN: ("pending", "○"),
    TicketStatus.WAITING: ("to_judge", "◐"),
    TicketStatus.RESOLVED: ("done", "✓"),
}


def status_of(ticket: Ticket, *, for_ansa: bool) -> Status:
    """Each side reads the state from where it stands (« waiting » is the structure's turn)."""
    slug, mark = MARKS[ticket.status]
    label = ANSA_STATUS_LABELS[ticket.status] if for_ansa else ticket.get_status_display()
    return Status(slug=slug, label=str(label), mark=mark)


def _ticket(request: HttpRequest, pk: int) -> Ticket:
    ticket = selectors.ticket_get(pk)
    if ticket is None or not permissions.can_see_ticket(request.user, ticket):
        raise Http404
    return ticket


def _files_chosen(request: HttpRequest) -> bool:
    return any(request.FILES.getlist("files"))


def _check_files(form, request: HttpRequest) -> list[tuple] | None:
    """The files checked by their bytes, or None (with the error beside the field)."""
    try:
        return check_uploads(request.FILES.getlist("files"))
    except ValidationError as error:
        form.add_error("files", error)
        return None


# --- The tickets -----------------------------------------------------------------------------


@require_GET
def ticket_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not permissions.can_use_hotline(user):
        raise PermissionDenied
    for_ansa = can_manage_tutoring(user)
    form = None
    filters = selectors.Filters()
    if for_ansa:
        form = TicketFilterForm(
            request.GET or None,
            seasons=selectors.filter_seasons(),
            structures=selectors.filter_structures(),
        )
        if form.is_bound and form.is_valid():
            data = form.cleaned_data
            filters = selectors.Filters(
                status=data["etat"], season=data["saison"], structure=data["structure"]
            )
    page = Paginator(selectors.ticket_list(user, filters), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    for ticket in page.object_list:
        ticket.shown_status = status_of(ticket, for_ansa=for_ansa)
    return render(
        request,
        "tutoring/hotline/ticket_list.html",
        {
            "for_ansa": for_ansa,
            "form": form,
            "filtered": filters.active,
            "page_obj": page,
            "tickets": page.object_list,
            "can_open": permissions.can_open_ticket(user),
        },
    )


# --- Opening a ticket ------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def ticket_create(request: HttpRequest) -> HttpResponse:
    structures = swarmed_structures_of(request.user)
    if not structures:
        raise PermissionDenied
    if request.method != "POST":
        return _render_create(request, TicketForm(structures=structures))
    form = TicketForm(request.POST, request.FILES, structures=structures)
    checked = _check_files(form, request)
    if form.is_valid() and checked is not None:
        chosen = form.cleaned_data.get("swarmed", structures[0].pk)
        swarmed = next(swarmed for swarmed in structures if swarmed.pk == chosen)
        try:
            ticket = services.ticket_create(
                actor=request.user,
                swarmed=swarmed,
                subject=form.cleaned_data["subject"],
                body=form.cleaned_data["body"],
                checked_uploads=checked,
            )
        except ValidationError as error:
            _add_errors(form, error, default_field="body")
        else:
            messages.success(
                request,
                _(
                    "Votre demande est transmise à l'équipe Ansa. Vous serez prévenu·e de sa "
                    "réponse ; vous pouvez compléter la demande ci-dessous."
                ),
            )
            return redirect(services.ticket_url(ticket))
    form.files_lost(_files_chosen(request))
    return _render_create(request, form)


def _render_create(request: HttpRequest, form: TicketForm) -> HttpResponse:
    return render(request, "tutoring/hotline/ticket_form.html", {"form": form})


# --- One ticket ------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def ticket_detail(request: HttpRequest, pk: int) -> HttpResponse:
    ticket = _ticket(request, pk)
    user = request.user
    for_ansa = permissions.speaks_for_ansa(user, ticket)
    form = ReplyForm(from_ansa=for_ansa)
    if request.method == "POST":
        action = request.POST.get("action", "")
        if action == "resolve":
            return _resolve(request, ticket)
        if action == "reply":
            form = ReplyForm(request.POST, request.FILES, from_ansa=for_ansa)
            response = _reply(request, ticket, form)
            if response is not None:
                return response
        else:
            return redirect(services.ticket_url(ticket))
    return render(
        request,
        "tutoring/hotline/ticket_detail.html",
        {
            "ticket": ticket,
            "status": status_of(ticket, for_ansa=for_ansa),
            "for_ansa": for_ansa,
            "thread": selectors.ticket_messages(ticket),
            "form": form,
            "can_resolve": permissions.can_resolve_ticket(user, ticket)
            and ticket.status != TicketStatus.RESOLVED,
            "can_convert": permissions.can_convert_ticket(user, ticket),
            "question_url": _question_url(ticket),
        },
    )


def _question_url(ticket: Ticket) -> str:
    if ticket.converted_question_id is None:
        return ""
    return reverse("tutoring:question_detail", kwargs={"pk": ticket.converted_question_id})


def _reply(request: HttpRequest, ticket: Ticket, form: ReplyForm) -> HttpResponse | None:
    checked = _check_files(form, request)
    if form.is_valid() and checked is not None:
        try:
            services.ticket_reply(
                actor=request.user,
                ticket=ticket,
                body=form.cleaned_data["body"],
                checked_uploads=checked,
                resolve=form.cleaned_data["resolve"],
            )
        except ValidationError as error:
            _add_errors(form, error, default_field="body")
        else:
            messages.success(request, _reply_confirmation(ticket))
            return redirect(services.ticket_url(ticket) + "#dernier-message")
    form.files_lost(_files_chosen(request))
    return None


def _reply_confirmation(ticket: Ticket) -> str:
    if ticket.status == TicketStatus.RESOLVED:
        return _("Votre message est envoyé et la demande est marquée comme résolue.")
    if ticket.status == TicketStatus.WAITING:
        return _("Votre réponse est envoyée : la demande attend maintenant la structure.")
    return _("Votre message est envoyé à l'équipe Ansa.")


def _resolve(request: HttpRequest, ticket: Ticket) -> HttpResponse:
    try:
        services.ticket_resolve(actor=request.user, ticket=ticket)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request,
            _(
                "La demande est marquée comme résolue. Un nouveau message de la structure la "
                "rouvrira."
            ),
        )
    return redirect(services.ticket_url(ticket))


# --- Files -----------------------------------------------------------------------------------


@require_GET
def ticket_attachment(request: HttpRequest, pk: int) -> HttpResponse:
    """A message's file, as an attachment, to the ticket's structure and Ansa only."""
    attached = selectors.attachment_get(pk)
    if attached is None or not permissions.can_see_ticket(request.user, attached.message.ticket):
        raise Http404
    return private_file_response(
        attached.file, filename=attached.original_name, content_type=attached.content_type
    )


# --- Turning a ticket into a tutoring question (Ansa) ----------------------------------------


@require_http_methods(["GET", "POST"])
def ticket_convert(request: HttpRequest, pk: int) -> HttpResponse:
    # Not a `staff_page`: outside the ticket it answers 404 like the ticket itself; its own
    # structure's people are refused (403). Staff's second factor is still required by
    # StaffMFAMiddleware, as on every page behind a login.
    ticket = _ticket(request, pk)
    if not can_manage_tutoring(request.user):
        raise PermissionDenied
    if ticket.converted_question_id is not None:
        messages.error(request, _("Cette demande a déjà été transformée en question."))
        return redirect(services.ticket_url(ticket))
    opener_can_ask = permissions.opener_can_ask(ticket)
    if request.method == "POST" and opener_can_ask:
        form = ConvertForm(request.POST)
        if form.is_valid():
            try:
                question = services.ticket_convert(
                    actor=request.user,
                    ticket=ticket,
                    title=form.cleaned_data["title"],
                    body=form.cleaned_data["body"],
                    sheet_ids=[sheet.pk for sheet in form.cleaned_data["sheets"]],
                    scope=form.cleaned_data["scope"],
                )
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(
                    request,
                    _(
                        "La demande est devenue une question du tutorat, posée au nom de "
                        "%(name)s, qui en est prévenu·e. La demande est résolue."
                    )
                    % {"name": ticket.opened_by},
                )
                return redirect(reverse("tutoring:question_detail", kwargs={"pk": question.pk}))
    else:
        first = selectors.first_message(ticket)
        form = ConvertForm(initial={"title": ticket.subject, "body": first.body if first else ""})
    return render(
        request,
        "tutoring/hotline/ticket_convert.html",
        {"ticket": ticket, "form": form, "opener_can_ask": opener_can_ask},
    )
