"""Attendance: a session's sheet (Ansa and the experts leading it, during or after the session)
and the season's absentee report with its CSV export (Ansa; A.CO.R's head of network reads it).

On the sheet, the season's own people (referents and participants) get 403; anyone else who may
not mark gets 404, so a session's address tells nothing to outsiders.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods

from modules import permissions
from modules.forms_attendance import AttendanceSheetForm
from modules.models import AttendanceStatus, Season, TrainingSession
from modules.services import attendance
from portal.csv_export import csv_response
from portal.roles import is_ansa, is_programme_staff
from portal.security import staff_page

#: Spreadsheets run cells that start with these as formulas.


def _session_to_mark(request: HttpRequest, uid) -> TrainingSession:
    session = TrainingSession.objects.select_related("season", "module").filter(uid=uid).first()
    if session is None:
        raise Http404
    if not permissions.can_mark_attendance(request.user, session):
        if permissions.is_season_member(request.user, session.season):
            raise PermissionDenied
        raise Http404
    return session


@require_http_methods(["GET", "POST"])
def attendance_sheet(request: HttpRequest, uid) -> HttpResponse:
    session = _session_to_mark(request, uid)
    members = list(attendance.expected_members(session))
    rows = attendance.session_attendances(session)
    form = AttendanceSheetForm(
        request.POST if request.method == "POST" else None, members=members, attendances=rows
    )
    if form.is_bound and form.is_valid():
        statuses = form.statuses()
        try:
            changed = (
                attendance.attendance_mark(actor=request.user, session=session, statuses=statuses)
                if statuses
                else []
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if changed:
                messages.success(
                    request,
                    ngettext(
                        "Présence enregistrée pour %(count)s personne.",
                        "Présences enregistrées pour %(count)s personnes.",
                        len(changed),
                    )
                    % {"count": len(changed)},
                )
            else:
                messages.info(request, _("Aucune présence n'a changé."))
            return redirect("modules:attendance_sheet", uid=session.uid)
    return render(
        request,
        "modules/attendance/sheet.html",
        {
            "session": session,
            "season": session.season,
            "refusal": attendance.attendance_refusal(session),
            "form": form,
            "groups": form.groups(),
            "expected_count": len(members),
            "marked_count": sum(1 for member in members if member.pk in rows),
            "can_see_report": is_programme_staff(request.user),
        },
    )


# --- The absentee report -----------------------------------------------------------------------


def _legend() -> list[tuple[str, str]]:
    return [
        *((attendance.STATUS_MARKS[status], status.label) for status in AttendanceStatus),
        (attendance.NOT_MARKED_MARK, _("non relevé")),
        (attendance.NOT_EXPECTED_MARK, _("non attendu·e (entré·e dans la saison après)")),
    ]


@staff_page
@require_GET
def absentees(request: HttpRequest, slug: str) -> HttpResponse:
    season = get_object_or_404(Season, slug=slug)
    report = attendance.absentee_report(season)
    return render(
        request,
        "modules/attendance/absentees.html",
        {
            "season": season,
            "report": report,
            "series": attendance.ABSENCE_SERIES,
            "legend": _legend(),
            # A.CO.R's head of network reads the report; only Ansa opens every sheet from it.
            "can_mark": is_ansa(request.user),
        },
    )


def _cell_text(cell: attendance.Cell) -> str:
    text = cell.label
    if cell.automatic:
        text = _("%(status)s (automatique)") % {"status": text}
    if cell.in_series:
        text = _("%(status)s, absences consécutives") % {"status": text}
    return text


@staff_page
@require_GET
def absentees_csv(request: HttpRequest, slug: str) -> HttpResponse:
    season = get_object_or_404(Season, slug=slug)
    report = attendance.absentee_report(season)
    header = (
        _("Structure"),
        _("Personne"),
        _("Rôle"),
        *(
            f"{timezone.localtime(session.starts_at):%d/%m/%Y} — {session.title}"
            for session in report.sessions
        ),
        _("Absences"),
        _("Absences excusées"),
        _("Retards"),
        _("Plus longue série d'absences consécutives"),
    )
    rows = (
        (
            group.name,
            str(row.member.user),
            row.member.get_role_display(),
            *(_cell_text(cell) for cell in row.cells),
            row.absences,
            row.excused,
            row.late,
            row.longest_series,
        )
        for group in report.groups
        for row in group.rows
    )
    name = f"absences-{season.slug}-{timezone.localdate():%Y-%m-%d}"
    return csv_response(header, rows, filename=f"{name}.csv")
