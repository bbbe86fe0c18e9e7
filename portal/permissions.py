"""Per-object grants (django-guardian) and the one way to filter a queryset by them.

A candidacy to its co-signers, a pairing to its two parties, a private thread to its
participants, a report to its structure: services grant and revoke; views list what
`objects_visible_to` returns.
"""

from django.db.models import Model, QuerySet
from guardian.shortcuts import assign_perm, get_objects_for_user, remove_perm

from portal.roles import is_programme_staff


def grant(*, user, permission: str, obj: Model) -> None:
    assign_perm(permission, user, obj)


def revoke(*, user, permission: str, obj: Model) -> None:
    remove_perm(permission, user, obj)


def objects_visible_to(user, queryset: QuerySet, permission: str) -> QuerySet:
    """The part of `queryset` the user may see: all of it for programme staff, else their grants.

    One query, whatever the number of objects: guardian filters with a subquery on its
    permission tables (user and group grants), so callers keep their select_related.
    """
    if not getattr(user, "is_authenticated", False):
        return queryset.none()
    if is_programme_staff(user):
        return queryset
    return get_objects_for_user(
        user, permission, klass=queryset, accept_global_perms=False, with_superuser=False
    )


def may(user, permission: str, obj: Model) -> bool:
    """Whether the user holds `permission` on this very object (staff hold all)."""
    if not getattr(user, "is_authenticated", False):
        return False
    return is_programme_staff(user) or user.has_perm(permission, obj)
