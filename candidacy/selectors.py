"""Read-only queries of candidacies, each shaped for one page."""

from django.db import models
from django.db.models import Case, Count, IntegerField, Prefetch, Q, QuerySet, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from candidacy import criteria
from candidacy.models import (
    AcorOpinion,
    Candidacy,
    CandidacyState,
    Decision,
    Review,
    SignatureRequest,
    Transition,
)
from candidacy.permissions import NEVER_SUBMITTED_STATES
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
        Candidacy.objects.exclude(state__in=NEVER_SUBMITTED_STATES, submitted_at__isnull=True)
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
        # The workflow's order (as `CandidacyState` lists it), not the slugs' alphabet.
        "state": Case(
            *(When(state=state, then=rank) for rank, state in enumerate(CandidacyState.values)),
            output_field=IntegerField(),
        ),
    }.get(filters.get("sort", ""), "-submitted_at")
    return queryset.order_by(ordering, "pk")


# --- Ansa's and A.CO.R's side ---------------------------------------------------------------


class PrecheckOutcome(models.TextChoices):
    """The pre-check of a whole dossier in one word, to sort Ansa's list."""

    BLOCKING = "blocking", _("Bloquant")
    TO_JUDGE = "to_judge", _("À apprécier")
    COMPLETE = "complete", _("Complet")


def precheck_outcome(hypothesis: str, answers: dict) -> PrecheckOutcome:
    """Blocking if a mandatory rule is broken; complete if every rule that answers can settle is
    met (only the written answers remain to be read, as in every dossier); to judge otherwise: an
    answer left out, a non-mandatory rule not met, or a point a rule flags (a short calendar).

    Pure computation on the stored answers: no query, so a list can run it on every row.
    """
    results = criteria.precheck(hypothesis, answers)
    if any(check.blocking for _criterion, check in results):
        return PrecheckOutcome.BLOCKING
    for criterion, check in results:
        if check.status == criteria.Status.MET:
            continue
        if check.status != criteria.Status.TO_JUDGE:
            return PrecheckOutcome.TO_JUDGE
        answered = criteria.from_storage(criterion, answers.get(criterion.code, {}))
        if criterion.rule(answered).status != criteria.Status.MET:
            return PrecheckOutcome.TO_JUDGE
    return PrecheckOutcome.COMPLETE


def staff_seasons() -> QuerySet[Season]:
    """Seasons, the one whose call opened last first (the list's default)."""
    return Season.objects.order_by("-call_opens_at", "-pk")


def staff_departements(*, season: Season | None) -> list[str]:
    """The départements of the dossiers Ansa sees in `season`, for the list's filter."""
    return list(
        staff_candidacies(season=season)
        .order_by("departement")
        .values_list("departement", flat=True)
        .distinct()
    )


def season_selection_counts(season: Season) -> dict[str, int]:
    """Structures already selected, and those prepared to be selected but not yet notified."""
    return season.candidacies.aggregate(
        selected=Count("pk", filter=Q(state=CandidacyState.SELECTED)),
        prepared=Count(
            "pk",
            filter=Q(
                prepared_decision=Decision.SELECTED,
                decided_at__isnull=True,
                state__in=[CandidacyState.UNDER_REVIEW, CandidacyState.SHORTLISTED],
            ),
        ),
    )


def staff_candidacy_get(*, reference) -> Candidacy:
    """One dossier with everything its staff page shows; raises Candidacy.DoesNotExist."""
    return (
        Candidacy.objects.select_related("season", "structure", "acor_opinion__author")
        .prefetch_related(
            "evidence",
            Prefetch(
                "signatures",
                queryset=SignatureRequest.objects.select_related("signed_by").order_by(
                    "act", "signer_role", "sent_at", "pk"
                ),
            ),
            Prefetch("history", queryset=Transition.objects.select_related("actor")),
            Prefetch(
                "reviews",
                queryset=Review.objects.select_related("reviewer").order_by("updated_at", "pk"),
            ),
        )
        .get(reference=reference)
    )


def acor_opinion_of(candidacy: Candidacy) -> AcorOpinion | None:
    # A missing reverse one-to-one raises an AttributeError subclass.
    return getattr(candidacy, "acor_opinion", None)


def decision_candidacies(*, season: Season) -> QuerySet[Candidacy]:
    """The season's dossiers that can receive, or have received, Ansa's decision."""
    return (
        season.candidacies.filter(
            state__in=[
                CandidacyState.UNDER_REVIEW,
                CandidacyState.SHORTLISTED,
                CandidacyState.SELECTED,
                CandidacyState.NOT_SELECTED,
            ]
        )
        .select_related("season", "structure", "acor_opinion")
        .order_by("structure__name", "pk")
    )
