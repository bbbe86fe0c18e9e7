"""CSV exports as French spreadsheets open them, safe from formula injection."""

import csv
import io
from collections.abc import Iterable

from django.http import HttpResponse
from django.utils import timezone

#: A cell starting with one of these is read as a formula by spreadsheets.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str:
    """The value as text, with a leading apostrophe when a spreadsheet would run it."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_PREFIXES) else text


def local_minute(moment) -> str:
    """« 2026-11-23 14:05 » in Europe/Paris, or "" without a moment."""
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else ""


def csv_response(header: Iterable, rows: Iterable[Iterable], *, filename: str) -> HttpResponse:
    """An attachment with semicolons and a byte-order mark, every cell made safe."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow([safe_cell(value) for value in header])
    for row in rows:
        writer.writerow([safe_cell(value) for value in row])
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
