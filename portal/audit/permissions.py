"""Who may read the audit log. Nobody may change it: there is no predicate for that."""

from portal.roles import is_ansa


def can_read_audit_log(user) -> bool:
    """Ansa's programme team (and superusers) read the whole log; everybody else reads none."""
    return bool(getattr(user, "is_authenticated", False) and user.is_active and is_ansa(user))
