"""Who may do what with accounts and their deletion requests."""

from portal.enums import DeletionRequestStatus
from portal.models import AccountDeletionRequest
from portal.roles import is_ansa


def _is_active_person(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def can_handle_deletion_request(
    user, deletion_request: AccountDeletionRequest | None = None
) -> bool:
    """Ansa's programme team sees and processes deletion requests (RGPD), whoever made them."""
    return _is_active_person(user) and is_ansa(user)


def can_cancel_deletion_request(user, deletion_request: AccountDeletionRequest) -> bool:
    """A person withdraws their own request while it waits."""
    return (
        _is_active_person(user)
        and deletion_request.user_id == user.pk
        and deletion_request.status == DeletionRequestStatus.PENDING
    )
