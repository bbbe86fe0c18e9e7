"""The personal dashboard's « Mes structures » panel (registered in portal/contrib.py)."""

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from portal.enums import InvitationStatus
from portal.models import Invitation, Membership
from portal.structures.tokens import make_token


def my_structures_panel(request: HttpRequest) -> dict | None:
    """The structures the person belongs to, and the invitations waiting for their answer."""
    user = request.user
    memberships = list(Membership.objects.active().filter(user=user).select_related("structure"))
    # The person is logged in with the invited address, so the link is theirs to follow.
    invitations = [
        {
            "structure": invitation.structure,
            "url": reverse("structures:accept", args=[make_token(invitation)]),
        }
        for invitation in Invitation.objects.filter(
            email__iexact=user.email,
            status=InvitationStatus.PENDING,
            expires_at__gt=timezone.now(),
        ).select_related("structure")
    ]
    return {"memberships": memberships, "invitations": invitations}
