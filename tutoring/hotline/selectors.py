"""Reading the hotline: who sees which tickets, in which order, with what beside them.

Each function returns its rows in a fixed number of queries, whatever the number of tickets.
"""

from dataclasses import dataclass

from django.db.models import Case, Count, IntegerField, Max, Prefetch, QuerySet, Value, When

from modules.models import Season
from portal.models import Structure
from tutoring.enums import TicketStatus
from tutoring.models import Attachment, Ticket, TicketMessage
from tutoring.permissions import _authenticated, can_manage_tutoring, swarmed_ids

#: Open (Ansa has to answer) first, then waiting (the structure has to), then resolved.
STATUS_RANK = Case(
    When(status=TicketStatus.OPEN, then=Value(0)),
    When(status=TicketStatus.WAITING, then=Value(1)),
    default=Value(2),
    output_field=IntegerField(),
)


@dataclass(frozen=True)
class Filters:
    status: str = ""
    season: str = ""  # a season's slug
    structure: int | None = None

    @property
    def active(self) -> bool:
        return bool(self.status or self.season or self.structure)


def _rows(queryset: QuerySet[Ticket]) -> QuerySet[Ticket]:
    return (
        queryset.select_related("season", "swarmed_structure__structure", "opened_by")
        .annotate(
            rank=STATUS_RANK,
            message_count=Count("messages", distinct=True),
            last_message_at=Max("messages__created_at"),
        )
        .order_by("rank", "-updated_at", "-pk")
    )


def tickets_visible_to(user) -> QuerySet[Ticket]:
    """Every ticket for Ansa; the tickets of one's swarmed structures (all seasons) otherwise."""
    if not _authenticated(user):
        return Ticket.objects.none()
    if can_manage_tutoring(user):
        return Ticket.objects.all()
    return Ticket.objects.filter(swarmed_structure_id__in=swarmed_ids(user))


def ticket_list(user, filters: Filters | None = None) -> QuerySet[Ticket]:
    """The tickets the user may read, open and waiting first, then by latest activity."""
    tickets = tickets_visible_to(user)
    filters = filters or Filters()
    if filters.status:
        tickets = tickets.filter(status=filters.status)
    if filters.season:
        tickets = tickets.filter(season__slug=filters.season)
    if filters.structure:
        tickets = tickets.filter(swarmed_structure__structure_id=filters.structure)
    return _rows(tickets)


def tickets_of_member(user) -> QuerySet[Ticket]:
    """A structure member's tickets for their dashboard (those still in progress come first)."""
    if not swarmed_ids(user):
        return Ticket.objects.none()
    return _rows(Ticket.objects.filter(swarmed_structure_id__in=swarmed_ids(user)))


def open_tickets_count() -> int:
    """Tickets waiting for Ansa's answer: Ansa's dashboard panel."""
    return Ticket.objects.filter(status=TicketStatus.OPEN).count()


def ticket_get(pk: int) -> Ticket | None:
    return (
        Ticket.objects.select_related(
            "season", "swarmed_structure__structure", "opened_by", "converted_question"
        )
        .filter(pk=pk)
        .first()
    )


def ticket_messages(ticket: Ticket) -> list[TicketMessage]:
    """The thread, oldest first, with each message's author and files (three queries)."""
    return list(
        ticket.messages.select_related("author")
        .prefetch_related(
            Prefetch("attachments", queryset=Attachment.objects.order_by("uploaded_at", "pk"))
        )
        .order_by("created_at", "pk")
    )


def first_message(ticket: Ticket) -> TicketMessage | None:
    return ticket.messages.order_by("created_at", "pk").first()


def attachment_get(pk: int) -> Attachment | None:
    """A file of a hotline message (files of questions and answers are served elsewhere)."""
    return (
        Attachment.objects.select_related("message__ticket")
        .filter(pk=pk, message__isnull=False)
        .first()
    )


def filter_seasons() -> list[Season]:
    return list(Season.objects.order_by("-call_opens_at"))


def filter_structures() -> list[Structure]:
    """Structures swarmed in some season: the only ones that can have tickets."""
    return list(Structure.objects.filter(swarmings__isnull=False).distinct().order_by("name"))
