"""Reading the audit log: filtered lists, one object's history, the choices of the filters."""

import contextlib
import datetime
from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Q, QuerySet
from django.utils.text import capfirst

from portal.models import AuditLogEntry


def audit_entry_list(
    *,
    action: str = "",
    actor_email: str = "",
    content_type: ContentType | None = None,
    date_from: datetime.date | None = None,
    date_to: datetime.date | None = None,
) -> QuerySet[AuditLogEntry]:
    """Entries matching the filters, newest first; dates are days in the site's time zone."""
    entries = AuditLogEntry.objects.select_related("content_type")
    if action:
        entries = entries.filter(action=action)
    if actor_email:
        # The label keeps the address as it was when the person acted; the account may be gone.
        entries = entries.filter(
            Q(actor_label__icontains=actor_email) | Q(actor__email__icontains=actor_email)
        )
    if content_type is not None:
        entries = entries.filter(content_type=content_type)
    if date_from is not None:
        entries = entries.filter(created_at__date__gte=date_from)
    if date_to is not None:
        entries = entries.filter(created_at__date__lte=date_to)
    return entries.order_by("-created_at", "-pk")


def audit_entries_for_object(
    *, content_type: ContentType, object_id: str
) -> QuerySet[AuditLogEntry]:
    return (
        AuditLogEntry.objects.select_related("content_type")
        .filter(content_type=content_type, object_id=object_id)
        .order_by("-created_at", "-pk")
    )


def audit_actions() -> list[str]:
    """The actions written so far, for the filter (one query)."""
    return list(
        AuditLogEntry.objects.order_by("action").values_list("action", flat=True).distinct()
    )


def audit_content_types() -> list[ContentType]:
    """The object types the log mentions, by label (one query)."""
    types = ContentType.objects.filter(
        pk__in=AuditLogEntry.objects.values("content_type").distinct()
    )
    return sorted(types, key=content_type_label)


def content_type_label(content_type: ContentType) -> str:
    model = content_type.model_class()
    if model is None:
        return content_type.model
    return str(capfirst(model._meta.verbose_name))


@dataclass(frozen=True)
class ChangeRow:
    field: str
    label: str
    before: Any
    after: Any


def change_rows(entry: AuditLogEntry) -> list[ChangeRow]:
    """The entry's changes, one row per field, labelled with the field's verbose name.

    Reads the model's metadata, never the database: `content_type` comes with the entry.
    """
    model = entry.content_type.model_class()
    rows = []
    for name, values in sorted((entry.changes or {}).items()):
        if isinstance(values, list | tuple) and len(values) == 2:
            before, after = values
        else:
            # Written by hand rather than by `changed_fields`: show it as it is.
            before, after = None, values
        label = name
        if model is not None:
            with contextlib.suppress(FieldDoesNotExist):
                label = str(capfirst(model._meta.get_field(name).verbose_name))
        rows.append(ChangeRow(field=name, label=label, before=before, after=after))
    return rows
