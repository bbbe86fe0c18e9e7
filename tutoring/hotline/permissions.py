"""Who may do what in the hotline: a swarmed structure's people and Ansa's programme team, no one
else. An expert has no business here (403 on the lists); anyone outside a ticket's structure gets
a 404 on it, so neither its existence nor its content leaks."""

from tutoring.models import Ticket
from tutoring.permissions import (
    _authenticated,
    can_manage_tutoring,
    is_swarmed_member,
    swarmed_ids,
)


def can_use_hotline(user) -> bool:
    """The hotline's pages: the people of a swarmed structure (any season) and Ansa."""
    return _authenticated(user) and (can_manage_tutoring(user) or bool(swarmed_ids(user)))


def can_open_ticket(user) -> bool:
    """A structure asks Ansa; Ansa does not open tickets to itself."""
    return bool(swarmed_ids(user))


def can_see_ticket(user, ticket: Ticket) -> bool:
    """The ticket's structure (its people of that season) and Ansa."""
    if not _authenticated(user):
        return False
    return can_manage_tutoring(user) or is_swarmed_member(user, ticket.swarmed_structure_id)


def can_reply_ticket(user, ticket: Ticket) -> bool:
    return can_see_ticket(user, ticket)


def can_resolve_ticket(user, ticket: Ticket) -> bool:
    """Either side may say the matter is settled."""
    return can_see_ticket(user, ticket)


def can_convert_ticket(user, ticket: Ticket) -> bool:
    """Ansa turns a ticket about the method into a tutoring question, once."""
    return can_manage_tutoring(user) and ticket.converted_question_id is None


def speaks_for_ansa(user, ticket: Ticket) -> bool:
    """Ansa writing in this ticket (someone of the structure writes as the structure)."""
    return can_manage_tutoring(user) and not is_swarmed_member(user, ticket.swarmed_structure_id)


def opener_can_ask(ticket: Ticket) -> bool:
    """A converted question is asked in the opener's name: they must still be of the structure."""
    opener = ticket.opened_by
    return opener is not None and is_swarmed_member(opener, ticket.swarmed_structure_id)
