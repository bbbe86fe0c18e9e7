"""What the training-action's pages read for their reader (a handful of queries per page).

The pages' outline is public; what depends on a season (its calendar, its next sessions, its
dated work) is for the people who follow that season: its members, the experts leading one of
its modules, Ansa and A.CO.R's head of network.
"""

from dataclasses import dataclass

from django.db.models import Prefetch, Q
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from curriculum.models import ActionSheetPage
from modules.models import (
    Assignment,
    ModulePage,
    Season,
    SessionStatus,
    SwarmedMember,
    TrainingActionPage,
    TrainingSession,
)
from portal.roles import Role, has_role, is_ansa


@dataclass(frozen=True)
class FollowedSeason:
    season: Season
    calendar_url: str
    #: The reader's own season (they are one of its members), not one they run or lead in.
    is_member: bool


def _url(name: str, *args) -> str:
    """The URL of a working page of the season, or "" while it is not routed."""
    try:
        return reverse(f"modules:{name}", args=args)
    except NoReverseMatch:
        return ""


def season_calendar_url(season: Season) -> str:
    return _url("season_calendar", season.slug) or f"/formation/saison/{season.slug}/calendrier/"


def followed_seasons(user) -> list[FollowedSeason]:
    """The seasons whose calendar the user follows, the latest first (two queries at most)."""
    if not getattr(user, "is_authenticated", False):
        return []
    own = set(
        SwarmedMember.objects.filter(user=user).values_list("swarmed_structure__season", flat=True)
    )
    condition = Q(pk__in=own) | Q(module_leads__expert=user)
    if is_ansa(user) or has_role(user, Role.HEAD_OF_NETWORK):
        # Those who run the programme follow every season whose training is not over.
        condition |= Q(training_start__isnull=False, training_end__gte=timezone.localdate())
    seasons = Season.objects.filter(condition).distinct().order_by("-training_start", "-pk")
    return [
        FollowedSeason(
            season=season, calendar_url=season_calendar_url(season), is_member=season.pk in own
        )
        for season in seasons
    ]


def in_language(sheets: list[ActionSheetPage], locale) -> list[ActionSheetPage]:
    """Each sheet in the page's language where it is translated, otherwise as it is (one query)."""
    foreign = [sheet.translation_key for sheet in sheets if sheet.locale_id != locale.pk]
    if not foreign:
        return sheets
    translated = {
        sheet.translation_key: sheet
        for sheet in ActionSheetPage.objects.live()
        .public()
        .filter(locale=locale, translation_key__in=foreign)
        .select_related("locale")
    }
    return [translated.get(sheet.translation_key, sheet) for sheet in sheets]


def _published_sheets() -> Prefetch:
    sheets = ActionSheetPage.objects.live().public().select_related("locale")
    return Prefetch("sheets", queryset=sheets.order_by("number"), to_attr="published_sheets")


def module_outlines(page: TrainingActionPage) -> list[ModulePage]:
    """The training-action's modules in order, each with `covered_sheets` in the page's language."""
    modules = list(
        ModulePage.objects.child_of(page)
        .live()
        .public()
        .order_by("number")
        .prefetch_related(_published_sheets())
    )
    every_sheet = in_language([s for m in modules for s in m.published_sheets], page.locale)
    position = 0
    for module in modules:
        count = len(module.published_sheets)
        module.covered_sheets = every_sheet[position : position + count]
        position += count
    return modules


def module_sheets(module: ModulePage) -> list[ActionSheetPage]:
    sheets = list(module.sheets.live().public().select_related("locale").order_by("number"))
    return in_language(sheets, module.locale)


def upcoming_sessions(module: ModulePage, followed: list[FollowedSeason]) -> list[TrainingSession]:
    """The module's scheduled sessions not yet over, in the followed seasons (two queries).

    Sessions belong to the module's source page; its translations share its translation key.
    """
    if not followed:
        return []
    sessions = list(
        TrainingSession.objects.filter(
            module__translation_key=module.translation_key,
            season__in=[item.season for item in followed],
            status=SessionStatus.SCHEDULED,
            ends_at__gt=timezone.now(),
        )
        .select_related("season")
        .prefetch_related("experts")
        .order_by("starts_at")
    )
    for session in sessions:
        session.detail_url = _url("session_detail", session.pk)
    return sessions


def season_assignments(module: ModulePage, followed: list[FollowedSeason]) -> list[Assignment]:
    """The module's dated intersession work in the followed seasons (one query).

    `work_url` leads a member to their structure's deliverable, the others to the season's work.
    """
    if not followed:
        return []
    member_of = {item.season.pk for item in followed if item.is_member}
    assignments = list(
        Assignment.objects.filter(
            module__translation_key=module.translation_key,
            season__in=[item.season for item in followed],
        )
        .select_related("season")
        .order_by("due_at")
    )
    for assignment in assignments:
        assignment.work_url = (
            _url("submission", assignment.pk)
            if assignment.season_id in member_of
            else _url("assignment_list", assignment.season.slug)
        )
    return assignments
