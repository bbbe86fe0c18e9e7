"""Read-only queries of candidacies, each shaped for one page."""

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from candidacy.models import Candidacy, CandidacyState, Review
from modules.models import Season
from portal.models import Structure
from portal.roles import structure_ids


def candidacies_of(user) -> QuerySet[Candidacy]:
    """The candidacies of the structures `user` belongs to."""
    if not getattr(user, "is_authenticated", False):
        return Candidacy.objects.none()
    return Candidacy.objects.filter(structure_id__in=structure_ids(user)).select_related(
        "season", "structure"
    )


def candidacy_get(*, reference) -> Candidacy | None:
    """One dossier by its reference (the UUID of its URLs), or None."""
    return (
        Candidacy.objects.select_related("season", "structure").filter(reference=reference).first()
    )


def structures_to_apply_for(user, season) -> QuerySet[Structure]:
    """The structures of `user` without a candidacy in progress for `season`."""
    taken = (
        Candidacy.objects.filter(season=season)
        .exclude(state=CandidacyState.WITHDRAWN)
        .values("structure_id")
    )
    return (
        Structure.objects.filter(pk__in=structure_ids(user)).exclude(pk__in=taken).order_by("name")
    )


def open_seasons() -> QuerySet[Season]:
    """The seasons whose call for territories is open now."""
    now = timezone.now()
    return Season.objects.filter(call_opens_at__lte=now, call_closes_at__gt=now).order_by(
        "call_closes_at"
    )


def staff_candidacies(*, season=None, filters: dict | None = None) -> QuerySet[Candidacy]:
    """Ansa's list: submitted dossiers (never drafts), with what the table shows."""
    filters = filters or {}
    queryset = (
        Candidacy.objects.exclude(state=CandidacyState.DRAFT, submitted_at__isnull=True)
        .select_related("season", "structure", "acor_opinion")
        .annotate(
            signed_count=Count("signatures", filter=Q(signatures__status="signed"), distinct=True),
            review_count=Count("reviews", distinct=True),
        )
        .prefetch_related(Prefetch("reviews", queryset=Review.objects.select_related("reviewer")))
    )
    if season is not None:
        queryset = queryset.filter(season=season)
    if filters.get("state"):
        queryset = queryset.filter(state=filters["state"])
    if filters.get("hypothesis"):
        queryset = queryset.filter(hypothesis=filters["hypothesis"])
    if filters.get("departement"):
        queryset = queryset.filter(departement=filters["departement"].upper())
    ordering = {
        "structure": "structure__name",
        "-submitted": "-submitted_at",
        "submitted": "submitted_at",
        "departement": "departement",
        "state": "state",
    }.get(filters.get("sort", ""), "-submitted_at")
    return queryset.order_by(ordering, "pk")
