"""The signed link of an invitation: who it is for is in the database, the link only points to it.

The token carries the invitation's id and its current nonce, signed with a timestamp. Re-sending
changes the nonce, so only the latest link works; the timestamp bounds the link's life even if
the database row were to say otherwise.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.core import signing

from portal.models import Invitation

SALT = "essaim.invitation"
VALIDITY = timedelta(days=14)


class InvalidToken(Exception):
    """Tampered, truncated or not an invitation token at all."""


class ExpiredToken(Exception):
    """Correctly signed, but older than the validity period."""


@dataclass(frozen=True)
class TokenData:
    invitation_id: int
    nonce: str


def make_token(invitation: Invitation) -> str:
    return signing.dumps({"id": invitation.pk, "nonce": str(invitation.nonce)}, salt=SALT)


def read_token(token: str) -> TokenData:
    try:
        data = signing.loads(token, salt=SALT, max_age=VALIDITY)
    except signing.SignatureExpired as error:
        raise ExpiredToken from error
    except signing.BadSignature as error:
        raise InvalidToken from error
    if not (
        isinstance(data, dict)
        and isinstance(data.get("id"), int)
        and isinstance(data.get("nonce"), str)
    ):
        raise InvalidToken
    return TokenData(invitation_id=data["id"], nonce=data["nonce"])
