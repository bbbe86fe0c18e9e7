"""Reading the tutoring profiles: the sheets they rate, an expert's availability and load."""

import datetime
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from curriculum.enums import Axis
from curriculum.models import ActionSheetPage
from modules.models import Season, SwarmedStructure
from portal.models import User
from portal.roles import Role, people_with_role
from tutoring.enums import PairingStatus
from tutoring.models import (
    ExpertAvailability,
    ExpertProfile,
    NeedsProfile,
    Pairing,
)

# --- The sheets ------------------------------------------------------------------------------


def action_sheets() -> list[ActionSheetPage]:
    """The 13 action sheets in the site's language, by number."""
    return list(
        ActionSheetPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
        .only("pk", "title", "number", "axis")
        .order_by("number", "pk")
    )


@dataclass(frozen=True)
class AxisGroup:
    axis: str
    label: str
    sheets: list


def by_axis(items: Iterable, sheet_of=lambda item: item) -> list[AxisGroup]:
    """Items (sheets, or anything `sheet_of` turns into one) grouped by axis, in Axis order."""
    groups = {value: [] for value in Axis.values}
    for item in items:
        groups.setdefault(sheet_of(item).axis, []).append(item)
    labels = dict(Axis.choices)
    return [
        AxisGroup(axis=axis, label=str(labels.get(axis, axis)), sheets=members)
        for axis, members in groups.items()
        if members
    ]


# --- Expert profiles -------------------------------------------------------------------------


def expert_get(user_id: int) -> User | None:
    """The person behind an expert profile (an expert or the head of network), with the profile."""
    expert = (
        people_with_role(Role.EXPERT, Role.HEAD_OF_NETWORK)
        .filter(pk=user_id)
        .select_related("expert_profile")
        .first()
    )
    return expert


def expert_profile_of(expert: User) -> ExpertProfile:
    """The expert's profile, or a blank one (not saved) when they have not filled it yet."""
    try:
        return expert.expert_profile
    except ExpertProfile.DoesNotExist:
        return ExpertProfile(user=expert)


def expert_levels(profile: ExpertProfile) -> dict[int, int]:
    if profile.pk is None:
        return {}
    return dict(profile.levels.values_list("sheet_id", "level"))


def availabilities_of(profile: ExpertProfile) -> list[ExpertAvailability]:
    if profile.pk is None:
        return []
    return list(profile.availabilities.order_by("starts_on", "pk"))


def season_window(season: Season, *, today: datetime.date | None = None):
    """The days a season's tutoring needs: its training, or today when its dates are not set."""
    today = today or timezone.localdate()
    start = season.training_start or today
    end = season.training_end or max(start, today)
    return start, max(start, end)


def is_available(
    profile: ExpertProfile, season: Season, *, today: datetime.date | None = None
) -> bool:
    """The one availability rule of pairing.

    An expert who gave no period is available; one who gave periods is available for a season
    when one of them overlaps the season's training (today when the training's dates are not
    set). Uses `profile.availabilities` as prefetched, if it is.
    """
    if profile.pk is None:
        return True
    periods = list(profile.availabilities.all())
    if not periods:
        return True
    start, end = season_window(season, today=today)
    return any(period.starts_on <= end and period.ends_on >= start for period in periods)


def active_loads(expert_ids: Iterable[int] | None = None) -> Counter:
    """{expert id: running pairings, all seasons together} (one query)."""
    pairings = Pairing.objects.filter(status=PairingStatus.ACTIVE)
    if expert_ids is not None:
        pairings = pairings.filter(expert_id__in=list(expert_ids))
    return Counter(
        dict(
            pairings.order_by()
            .values("expert_id")
            .annotate(n=Count("pk"))
            .values_list("expert_id", "n")
        )
    )


def tutors() -> QuerySet[User]:
    """The A.CO.R experts who can be paired (Role.EXPERT), with profile and periods."""
    return (
        people_with_role(Role.EXPERT)
        .select_related("expert_profile")
        .prefetch_related(
            Prefetch(
                "expert_profile__availabilities",
                queryset=ExpertAvailability.objects.order_by("starts_on", "pk"),
            )
        )
        .order_by("last_name", "first_name", "pk")
    )


@dataclass
class ExpertLoad:
    """An expert as Ansa's load view shows them."""

    expert: User
    profile: ExpertProfile | None
    active: list[Pairing]
    ended_count: int

    @property
    def capacity(self) -> int:
        return self.profile.capacity if self.profile else 0

    @property
    def load(self) -> int:
        return len(self.active)

    @property
    def over_capacity(self) -> bool:
        return self.load > self.capacity

    @property
    def free(self) -> int:
        return max(self.capacity - self.load, 0)

    @property
    def availabilities(self) -> list[ExpertAvailability]:
        return list(self.profile.availabilities.all()) if self.profile else []


def expert_loads() -> list[ExpertLoad]:
    """Every expert with their running pairings and ended count, the busiest first."""
    experts = (
        tutors()
        .annotate(ended_count=Count("tutorings", filter=Q(tutorings__status=PairingStatus.ENDED)))
        .prefetch_related(
            Prefetch(
                "tutorings",
                queryset=Pairing.objects.filter(status=PairingStatus.ACTIVE)
                .select_related("swarmed_structure__structure", "swarmed_structure__season")
                .order_by("started_on", "pk"),
                to_attr="active_pairings",
            )
        )
    )
    rows = []
    for expert in experts:
        profile = getattr(expert, "expert_profile", None)
        rows.append(
            ExpertLoad(
                expert=expert,
                profile=profile,
                active=expert.active_pairings,
                ended_count=expert.ended_count,
            )
        )
    # The busiest first: by running pairings, then by share of capacity used.
    rows.sort(
        key=lambda row: (
            -row.load,
            -(row.load / row.capacity if row.capacity else (float("inf") if row.load else 0)),
            row.expert.last_name,
            row.expert.first_name,
            row.expert.pk,
        )
    )
    return rows


# --- Needs profiles --------------------------------------------------------------------------


def swarmed_get(swarmed_id: int) -> SwarmedStructure | None:
    return (
        SwarmedStructure.objects.select_related("structure", "season", "candidacy")
        .filter(pk=swarmed_id)
        .first()
    )


def needs_priorities(profile: NeedsProfile) -> dict[int, int]:
    if profile.pk is None:
        return {}
    return dict(profile.priorities.values_list("sheet_id", "priority"))


def current_experts(swarmed: SwarmedStructure) -> list[User]:
    """The expert(s) tutoring the structure now."""
    return [
        pairing.expert
        for pairing in Pairing.objects.filter(
            swarmed_structure=swarmed, status=PairingStatus.ACTIVE
        ).select_related("expert")
    ]
