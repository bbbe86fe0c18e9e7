"""The portal's records: people, structures, notifications, audit log."""

from portal.models.audit import AuditLogEntry
from portal.models.notifications import Notification, NotificationPreference
from portal.models.structures import Invitation, Membership, Structure
from portal.models.users import AccountDeletionRequest, User, UserManager

__all__ = [
    "AccountDeletionRequest",
    "AuditLogEntry",
    "Invitation",
    "Membership",
    "Notification",
    "NotificationPreference",
    "Structure",
    "User",
    "UserManager",
]
