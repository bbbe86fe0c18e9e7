"""Writing the audit log. Services call `audit_log` inside their transaction."""

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

from portal.models import AuditLogEntry


def _jsonable(value: Any) -> Any:
    if isinstance(value, models.Model):
        return str(value)
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def changed_fields(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """`{field: [before, after]}` for the fields whose value differs."""
    return {
        name: [_jsonable(before.get(name)), _jsonable(after.get(name))]
        for name in sorted(set(before) | set(after))
        if before.get(name) != after.get(name)
    }


def snapshot(obj: models.Model, fields: list[str]) -> dict[str, Any]:
    return {name: getattr(obj, name) for name in fields}


def audit_log(
    *, actor, action: str, obj: models.Model, changes: dict[str, list[Any]] | None = None
) -> AuditLogEntry:
    """Record that `actor` did `action` (a slug such as "structure.update") on `obj`."""
    authenticated = actor is not None and getattr(actor, "is_authenticated", False)
    return AuditLogEntry.objects.create(
        actor=actor if authenticated else None,
        actor_label=(f"{actor} <{actor.email}>" if authenticated else "système"),
        action=action,
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
        object_id=str(obj.pk),
        object_repr=str(obj)[:250],
        changes=changes or {},
    )
