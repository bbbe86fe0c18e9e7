"""Reading structures, their members and invitations, with the joins each page needs."""

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from portal.enums import InvitationStatus
from portal.models import Invitation, Membership, Structure
from portal.roles import is_ansa, structure_ids


def _active_members_filter() -> Q:
    today = timezone.localdate()
    return Q(memberships__start_date__lte=today) & (
        Q(memberships__end_date__isnull=True) | Q(memberships__end_date__gte=today)
    )


def structure_list(*, user, kind: str = "", query: str = "") -> QuerySet[Structure]:
    """Every structure for Ansa, otherwise those the user belongs to; with member counts."""
    structures = Structure.objects.all()
    if not is_ansa(user):
        structures = structures.filter(pk__in=structure_ids(user))
    if kind:
        structures = structures.filter(kind=kind)
    if query:
        structures = structures.filter(
            Q(name__icontains=query) | Q(city__icontains=query) | Q(siret=query.replace(" ", ""))
        )
    return structures.annotate(
        member_count=Count("memberships", filter=_active_members_filter())
    ).order_by("name", "pk")


def structure_get(*, pk: int) -> Structure:
    return get_object_or_404(Structure, pk=pk)


def structure_siret_taken(*, siret: str, exclude_pk: int | None = None) -> bool:
    return Structure.objects.filter(siret=siret).exclude(pk=exclude_pk).exists()


def structure_active_members(*, structure: Structure) -> QuerySet[Membership]:
    return (
        Membership.objects.active()
        .filter(structure=structure)
        .select_related("user")
        .order_by("-is_admin", "user__last_name", "user__first_name", "pk")
    )


def structure_past_members(*, structure: Structure) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(structure=structure, end_date__lt=timezone.localdate())
        .select_related("user")
        .order_by("-end_date", "user__last_name", "pk")
    )


def structure_open_invitations(*, structure: Structure) -> QuerySet[Invitation]:
    """Invitations still waiting for an answer, including those whose link has expired."""
    return (
        Invitation.objects.filter(structure=structure, status=InvitationStatus.PENDING)
        .select_related("invited_by")
        .order_by("-created_at", "pk")
    )


def membership_get(*, pk: int) -> Membership:
    return get_object_or_404(Membership.objects.select_related("structure", "user"), pk=pk)


def invitation_get(*, pk: int) -> Invitation:
    return get_object_or_404(Invitation.objects.select_related("structure", "invited_by"), pk=pk)
