"""Ansa's hotline: a swarmed structure asks the programme team directly, in a ticket.

A ticket is open while Ansa has to answer. Ansa's reply makes it « en attente de votre réponse »
(waiting for the structure) unless Ansa marks it resolved in the same form; the structure's reply
makes it open again, even once resolved. Either side may mark it resolved. A ticket about the
method can be turned once, by Ansa, into a tutoring question asked in the name of its opener: it
is then resolved and points to the question. Each act is audited and notifies the other side.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from modules.models import SwarmedStructure
from portal.audit.services import audit_log
from portal.enums import NotificationCategory
from portal.models import User
from portal.notifications.services import notification_create
from portal.roles import Role, people_with_role
from portal.sanitiser import render_markdown
from tutoring.attachments import attachments_save, stored_files
from tutoring.enums import Scope, TicketStatus
from tutoring.hotline import permissions
from tutoring.models import Question, Ticket, TicketMessage
from tutoring.notify import notify
from tutoring.permissions import can_manage_tutoring, is_swarmed_member

MAX_SUBJECT = 200
MAX_MESSAGE = 10_000


def ticket_url(ticket: Ticket) -> str:
    return reverse("tutoring:ticket_detail", kwargs={"pk": ticket.pk})


# --- Checks and side effects -----------------------------------------------------------------


def _check_subject(errors: dict, subject: str) -> None:
    if not subject or not subject.strip():
        errors["subject"] = _("Donnez un objet à votre demande.")
    elif len(subject.strip()) > MAX_SUBJECT:
        errors["subject"] = _("L'objet compte %(length)s caractères : %(maximum)s au plus.") % {
            "length": len(subject.strip()),
            "maximum": MAX_SUBJECT,
        }


def _check_body(errors: dict, body: str) -> None:
    if not body or not body.strip():
        errors["body"] = _("Écrivez votre message.")
    elif len(body) > MAX_MESSAGE:
        errors["body"] = _(
            "Ce message compte %(length)s caractères : %(maximum)s au plus. Raccourcissez-le "
            "ou joignez un fichier."
        ) % {"length": len(body), "maximum": MAX_MESSAGE}


def _ansa_team(*, besides: User | None = None) -> list[User]:
    return [person for person in people_with_role(Role.ANSA) if person != besides]


def _structure_people(ticket: Ticket, *, besides: User | None = None) -> list[User]:
    members = ticket.swarmed_structure.members.select_related("user").order_by("role", "pk")
    return [member.user for member in members if member.user != besides]


def _notify(people, ticket: Ticket, **message) -> None:
    notify(people, ticket, url=ticket_url(ticket), **message)


def _lock(ticket: Ticket) -> Ticket:
    locked = Ticket.objects.select_for_update().get(pk=ticket.pk)
    locked.season = ticket.season
    locked.swarmed_structure = ticket.swarmed_structure
    return locked


def _message(
    *, actor: User, ticket: Ticket, body: str, from_ansa: bool, checked_uploads, written, now
) -> TicketMessage:
    message = TicketMessage.objects.create(
        ticket=ticket,
        author=actor,
        from_ansa=from_ansa,
        body=body,
        body_html=render_markdown(body),
        created_at=now,
    )
    message.saved_files = attachments_save(
        actor=actor, checked=list(checked_uploads), written=written, message=message
    )
    return message


# --- Opening a ticket (a structure's person) -------------------------------------------------


def ticket_create(
    *,
    actor: User,
    swarmed: SwarmedStructure,
    subject: str,
    body: str,
    checked_uploads=(),
) -> Ticket:
    """Open a ticket in the name of `swarmed`, with its first message and files (checked by
    `tutoring.attachments.check_uploads`); every member of Ansa's team is notified."""
    if not permissions.can_open_ticket(actor) or not is_swarmed_member(actor, swarmed):
        raise PermissionDenied
    errors: dict = {}
    _check_subject(errors, subject)
    _check_body(errors, body)
    if errors:
        raise ValidationError(errors)
    now = timezone.now()
    with stored_files() as written, transaction.atomic():
        ticket = Ticket.objects.create(
            season=swarmed.season,
            swarmed_structure=swarmed,
            opened_by=actor,
            subject=subject.strip(),
            status=TicketStatus.OPEN,
            created_at=now,
        )
        message = _message(
            actor=actor,
            ticket=ticket,
            body=body,
            from_ansa=False,
            checked_uploads=checked_uploads,
            written=written,
            now=now,
        )
        audit_log(
            actor=actor,
            action="ticket.create",
            obj=ticket,
            changes={
                "status": [None, ticket.status],
                "files": [None, len(message.saved_files)],
            },
        )
        _notify(
            _ansa_team(besides=actor),
            ticket,
            kind="ticket.created",
            title=_("Nouvelle demande à l'assistance de %(structure)s : %(subject)s")
            % {"structure": swarmed.structure.name, "subject": ticket.subject},
            body=_("%(name)s attend une réponse de l'équipe Ansa.") % {"name": actor},
        )
    return ticket


# --- Replying and resolving (either side) ----------------------------------------------------


def _status_after_reply(*, from_ansa: bool, resolve: bool) -> str:
    if resolve:
        return TicketStatus.RESOLVED
    return TicketStatus.WAITING if from_ansa else TicketStatus.OPEN


def ticket_reply(
    *,
    actor: User,
    ticket: Ticket,
    body: str,
    checked_uploads=(),
    resolve: bool = False,
) -> TicketMessage:
    """Add a message to the thread. Ansa's reply waits for the structure (or resolves the ticket
    when `resolve`); the structure's reply sends it back to Ansa, reopening it if resolved."""
    if not permissions.can_reply_ticket(actor, ticket):
        raise PermissionDenied
    errors: dict = {}
    _check_body(errors, body)
    if errors:
        raise ValidationError(errors)
    from_ansa = permissions.speaks_for_ansa(actor, ticket)
    now = timezone.now()
    with stored_files() as written, transaction.atomic():
        locked = _lock(ticket)
        before = locked.status
        message = _message(
            actor=actor,
            ticket=locked,
            body=body,
            from_ansa=from_ansa,
            checked_uploads=checked_uploads,
            written=written,
            now=now,
        )
        locked.status = _status_after_reply(from_ansa=from_ansa, resolve=resolve)
        locked.save(update_fields=["status", "updated_at"])
        audit_log(
            actor=actor,
            action="ticket.reply",
            obj=locked,
            changes={"status": [before, locked.status], "message": [None, message.pk]},
        )
        structure = locked.swarmed_structure.structure.name
        if from_ansa:
            title = (
                _("L'équipe Ansa a répondu et clos votre demande « %(subject)s »")
                if locked.status == TicketStatus.RESOLVED
                else _("L'équipe Ansa a répondu à votre demande « %(subject)s »")
            ) % {"subject": locked.subject}
            _notify(
                _structure_people(locked, besides=actor),
                locked,
                kind="ticket.answered",
                title=title,
            )
        else:
            reopened = before == TicketStatus.RESOLVED and locked.status == TicketStatus.OPEN
            _notify(
                _ansa_team(besides=actor),
                locked,
                kind="ticket.replied",
                title=(
                    _("%(structure)s a rouvert sa demande « %(subject)s »")
                    if reopened
                    else _("%(structure)s a répondu dans sa demande « %(subject)s »")
                )
                % {"structure": structure, "subject": locked.subject},
            )
    ticket.status = locked.status
    return message


def ticket_resolve(*, actor: User, ticket: Ticket) -> Ticket:
    """Mark the ticket resolved without a message (a reply of the structure reopens it)."""
    if not permissions.can_resolve_ticket(actor, ticket):
        raise PermissionDenied
    with transaction.atomic():
        locked = _lock(ticket)
        if locked.status == TicketStatus.RESOLVED:
            raise ValidationError(_("Cette demande est déjà résolue."))
        before = locked.status
        locked.status = TicketStatus.RESOLVED
        locked.save(update_fields=["status", "updated_at"])
        audit_log(
            actor=actor,
            action="ticket.resolve",
            obj=locked,
            changes={"status": [before, locked.status]},
        )
        if is_swarmed_member(actor, locked.swarmed_structure_id):
            people = _ansa_team(besides=actor)
            title = _("%(structure)s a marqué sa demande « %(subject)s » comme résolue") % {
                "structure": locked.swarmed_structure.structure.name,
                "subject": locked.subject,
            }
        else:
            people = _structure_people(locked, besides=actor)
            title = _("L'équipe Ansa a marqué votre demande « %(subject)s » comme résolue") % {
                "subject": locked.subject
            }
        _notify(people, locked, kind="ticket.resolved", title=title)
    ticket.status = locked.status
    return locked


# --- Turning a ticket into a tutoring question (Ansa) ----------------------------------------


def ticket_convert(
    *,
    actor: User,
    ticket: Ticket,
    title: str,
    body: str,
    sheet_ids: list[int],
    scope: str = Scope.PAIR,
) -> Question:
    """Ask the ticket as a tutoring question in the name of its opener; once only.

    `tutoring.qa.services.question_create` validates the question, links it to the ticket,
    resolves the ticket and records the CONVERTED step; here the opener is told where it went.
    """
    from tutoring.qa.services import question_create, question_url

    if not can_manage_tutoring(actor) or not permissions.can_see_ticket(actor, ticket):
        raise PermissionDenied
    if ticket.converted_question_id is not None:
        raise ValidationError(_("Cette demande a déjà été transformée en question."))
    with transaction.atomic():
        before = ticket.status
        question = question_create(
            actor=actor,
            swarmed=ticket.swarmed_structure,
            title=title,
            body=body,
            sheet_ids=sheet_ids,
            scope=scope,
            asked_by=ticket.opened_by,
            from_ticket=ticket,
        )
        ticket.refresh_from_db(fields=["status", "converted_question", "updated_at"])
        audit_log(
            actor=actor,
            action="ticket.convert",
            obj=ticket,
            changes={
                "status": [before, ticket.status],
                "converted_question": [None, question.pk],
            },
        )
        if ticket.opened_by is not None and ticket.opened_by != actor:
            notification_create(
                recipient=ticket.opened_by,
                category=NotificationCategory.TUTORING,
                kind="ticket.converted",
                title=_("Votre demande « %(subject)s » devient une question du tutorat")
                % {"subject": ticket.subject},
                body=_(
                    "L'équipe Ansa l'a posée en votre nom aux expert·es A.CO.R, car elle porte "
                    "sur la méthode. Suivez les réponses sur la page de la question."
                ),
                url=question_url(question),
                target=question,
            )
    return question
