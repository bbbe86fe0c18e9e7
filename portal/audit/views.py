"""The audit log pages, for Ansa only: the filtered list, one object's history, the CSV export.

Read-only by design: there is no view that edits or deletes an entry.
"""

import csv
from collections.abc import Iterable, Iterator

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from portal.audit.forms import AuditFilterForm
from portal.audit.permissions import can_read_audit_log
from portal.audit.selectors import (
    audit_actions,
    audit_content_types,
    audit_entries_for_object,
    audit_entry_list,
    change_rows,
    content_type_label,
)
from portal.csv_export import safe_cell
from portal.models import AuditLogEntry
from portal.security import staff_page

ENTRIES_PER_PAGE = 50
#: Spreadsheets run cells that start with these as formulas.


def _check_reader(request: HttpRequest) -> None:
    if not can_read_audit_log(request.user):
        raise PermissionDenied


def _filter_form(request: HttpRequest) -> AuditFilterForm:
    form = AuditFilterForm(
        request.GET, actions=audit_actions(), content_types=audit_content_types()
    )
    form.is_valid()
    return form


def _page_of_rows(request: HttpRequest, entries) -> tuple:
    page_obj = Paginator(entries, ENTRIES_PER_PAGE).get_page(request.GET.get("page"))
    rows = [
        {
            "entry": entry,
            "object_type": content_type_label(entry.content_type),
            "changes": change_rows(entry),
        }
        for entry in page_obj
    ]
    return page_obj, rows


@staff_page
@require_GET
def audit_list(request: HttpRequest) -> HttpResponse:
    _check_reader(request)
    form = _filter_form(request)
    page_obj, rows = _page_of_rows(request, audit_entry_list(**form.filters()))
    return render(
        request,
        "portal/audit/audit_list.html",
        {"form": form, "page_obj": page_obj, "rows": rows},
    )


@staff_page
@require_GET
def audit_object(request: HttpRequest, content_type_id: int, object_id: str) -> HttpResponse:
    _check_reader(request)
    content_type = get_object_or_404(ContentType, pk=content_type_id)
    entries = audit_entries_for_object(content_type=content_type, object_id=object_id)
    page_obj, rows = _page_of_rows(request, entries)
    return render(
        request,
        "portal/audit/audit_object.html",
        {
            "page_obj": page_obj,
            "rows": rows,
            "object_type": content_type_label(content_type),
            "object_id": object_id,
            "object_repr": entries.values_list("object_repr", flat=True).first() or "",
        },
    )


class _Echo:
    """A file-like object whose `write` hands the line back, for streaming CSV."""

    def write(self, value: str) -> str:
        return value


def _csv_lines(entries: Iterable[AuditLogEntry]) -> Iterator[str]:
    # Semicolons and a byte-order mark: what spreadsheets set up for French open directly.
    writer = csv.writer(_Echo(), delimiter=";")
    yield "\ufeff"
    yield writer.writerow(
        [
            _("Date"),
            _("Auteur·rice"),
            _("Action"),
            _("Type d'objet"),
            _("Identifiant de l'objet"),
            _("Objet"),
            _("Champ"),
            _("Avant"),
            _("Après"),
        ]
    )
    for entry in entries:
        common = [
            timezone.localtime(entry.created_at).strftime("%Y-%m-%d %H:%M:%S"),
            entry.actor_label,
            entry.action,
            content_type_label(entry.content_type),
            entry.object_id,
            entry.object_repr,
        ]
        # One line per changed field, so the file sorts and filters like the page reads.
        for change in change_rows(entry) or [None]:
            values = [change.label, change.before, change.after] if change else ["", "", ""]
            yield writer.writerow([safe_cell(value) for value in [*common, *values]])


@staff_page
@require_GET
def audit_export(request: HttpRequest) -> HttpResponse:
    _check_reader(request)
    form = _filter_form(request)
    if form.errors:
        # Never export more than asked: show the errors on the list instead.
        return redirect(f"{reverse('audit:list')}?{request.GET.urlencode()}")
    entries = audit_entry_list(**form.filters()).iterator(chunk_size=2000)
    response = StreamingHttpResponse(_csv_lines(entries), content_type="text/csv; charset=utf-8")
    filename = f"journal-audit-{timezone.localdate():%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
