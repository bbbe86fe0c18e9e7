"""Progress pages: Ansa's cohort dashboard (its drill-down per structure and its CSV export) and a
member's own progress page. What each figure means is written in modules/selectors/progress.py.

The cohort pages are staff pages (Ansa and A.CO.R's head of network): anyone else gets 403 before
the season is looked up; a structure of another season answers 404. A member's page shows their
own structure only: the referent sees each of its people, a participant sees themself and the
structure's work.
"""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from modules.models import Season, SeasonRole, SwarmedMember, TrainingSession
from modules.selectors import progress as selectors
from portal.csv_export import csv_response, local_minute
from portal.security import staff_page

#: Spreadsheets run cells that start with these as formulas.


def optional_url(name: str, *args, **kwargs) -> str | None:
    """The URL of a page that may not be routed yet (built by another part of the issue)."""
    try:
        return reverse(name, args=args or None, kwargs=kwargs or None)
    except NoReverseMatch:
        return None


def session_url(session: TrainingSession) -> str | None:
    return optional_url("modules:session_detail", session.pk)


def sees_whole_structure(member: SwarmedMember) -> bool:
    """The referent follows each of the structure's people; a participant, themself."""
    return member.role == SeasonRole.REFERENT


def _season(slug: str) -> Season:
    return get_object_or_404(Season, slug=slug)


# --- Ansa's cohort dashboard ---------------------------------------------------------------------


@staff_page
@require_GET
def cohort(request: HttpRequest, slug: str) -> HttpResponse:
    season = _season(slug)
    progress = selectors.season_progress(season=season)
    return render(
        request,
        "modules/progress/cohort.html",
        {
            "season": season,
            "progress": progress,
            "absentees_url": optional_url("modules:absentees", season.slug),
            "assignments_url": optional_url("modules:assignment_list", season=season.slug),
        },
    )


@staff_page
@require_GET
def cohort_structure(request: HttpRequest, slug: str, swarmed_id: int) -> HttpResponse:
    season = _season(slug)
    progress = selectors.season_progress(season=season, swarmed_id=swarmed_id)
    if not progress.structures:
        raise Http404
    structure = progress.structures[0]
    return render(
        request,
        "modules/progress/cohort_structure.html",
        {
            "season": season,
            "progress": progress,
            "structure": structure,
            "people": structure.people,
            "show_structure_coverage": True,
            "attendance_rows": selectors.by_session(progress.sessions, structure.people),
            "attendance_caption": _("Présences de chaque personne aux séances tenues"),
            "work_caption": _("Travaux d'intersession de la structure et leur état"),
            "work_rows": [
                (
                    row,
                    optional_url(
                        "modules:submission_review",
                        assignment_id=row.assignment.pk,
                        swarmed_id=structure.swarmed.pk,
                    )
                    if row.submission
                    else None,
                )
                for row in structure.work
            ],
        },
    )


@staff_page
@require_GET
def cohort_csv(request: HttpRequest, slug: str) -> HttpResponse:
    season = _season(slug)
    progress = selectors.season_progress(season=season)
    header = [
        _("Structure"),
        _("Département"),
        _("Personnes"),
        _("Séances attendues"),
        _("Séances suivies"),
        _("Taux d'assiduité (%)"),
        _("Travaux validés"),
        _("Travaux remis en attente de relecture"),
        _("Travaux à reprendre"),
        _("Travaux de la saison"),
        _("Fiches couvertes"),
        _("Fiches du référentiel"),
        _("Dernière activité"),
    ]
    rows = (
        (
            row.swarmed.structure.name,
            row.swarmed.structure.departement,
            len(row.people),
            row.expected_count,
            row.attended_count,
            "" if row.rate is None else row.rate,
            row.validated,
            row.awaiting_review,
            row.changes_requested,
            row.assignments_total,
            row.sheets_covered,
            row.sheets_total,
            local_minute(row.last_activity),
        )
        for row in progress.structures
    )
    name = f"suivi-{season.slug}-{timezone.localdate():%Y-%m-%d}"
    return csv_response(header, rows, filename=f"{name}.csv")


# --- A member's own progress ---------------------------------------------------------------------


@require_GET
def my_progress(request: HttpRequest) -> HttpResponse:
    memberships = selectors.memberships_of(request.user)
    if not memberships:
        return render(request, "modules/progress/mine.html", {"member": None})
    by_slug = {member.swarmed_structure.season.slug: member for member in memberships}
    member = by_slug.get(request.GET.get("saison", ""), memberships[0])
    season = member.swarmed_structure.season
    progress = selectors.season_progress(season=season, swarmed_id=member.swarmed_structure_id)
    structure = progress.structures[0]
    whole = sees_whole_structure(member)
    people = tuple(person for person in structure.people if whole or person.member.pk == member.pk)
    upcoming = selectors.next_session(season)
    return render(
        request,
        "modules/progress/mine.html",
        {
            "member": member,
            "season": season,
            "other_memberships": [other for other in memberships if other.pk != member.pk],
            "progress": progress,
            "structure": structure,
            "people": people,
            "me": next(person for person in structure.people if person.member.pk == member.pk),
            "show_structure_coverage": whole,
            "attendance_rows": selectors.by_session(progress.sessions, people),
            "attendance_caption": _("Présences aux séances tenues de la saison"),
            "work_caption": _("Travaux d'intersession de votre structure et leur état"),
            "next_session": upcoming,
            "next_session_url": session_url(upcoming) if upcoming else None,
            "calendar_url": optional_url("modules:season_calendar", season.slug),
            "work_rows": [
                (row, optional_url("modules:submission", assignment_id=row.assignment.pk))
                for row in structure.work
            ],
        },
    )
