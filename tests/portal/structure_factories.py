"""Factories of structures, memberships and invitations.

`StructureFactory(with_admin=True)` gives a structure managed by a new person;
`MembershipFactory(admin=True)`, `InvitationFactory(expired=True)`.
"""

import datetime

import factory
from django.utils import timezone

from portal.enums import InvitationStatus, MembershipRole, StructureKind
from portal.models import Invitation, Membership, Structure
from portal.structures.tokens import VALIDITY
from tests.portal.factories import UserFactory


class StructureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Structure
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Structure d'essai {n:03d}")
    kind = StructureKind.OPERATOR
    city = "Pau"
    postal_code = "64000"
    departement = "64"

    @factory.post_generation
    def with_admin(structure, create, extracted, **kwargs):
        if extracted:
            MembershipFactory(structure=structure, admin=True)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    class Params:
        admin = factory.Trait(is_admin=True, role=MembershipRole.DIRECTOR)
        # Began long enough ago for an ending to leave a past member behind.
        ended = factory.Trait(
            start_date=factory.LazyFunction(
                lambda: timezone.localdate() - datetime.timedelta(days=60)
            ),
            end_date=factory.LazyFunction(
                lambda: timezone.localdate() - datetime.timedelta(days=1)
            ),
        )

    user = factory.SubFactory(UserFactory)
    structure = factory.SubFactory(StructureFactory)
    role = MembershipRole.EMPLOYEE
    is_admin = False
    start_date = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=30))


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitation

    class Params:
        expired = factory.Trait(
            expires_at=factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(hours=1))
        )
        revoked = factory.Trait(status=InvitationStatus.REVOKED)

    structure = factory.SubFactory(StructureFactory)
    email = factory.Sequence(lambda n: f"invitee{n}@essaim.test")
    role = MembershipRole.REFERENT
    is_admin = False
    invited_by = factory.SubFactory(UserFactory)
    sent_at = factory.LazyFunction(timezone.now)
    expires_at = factory.LazyFunction(lambda: timezone.now() + VALIDITY)


def page_text(response) -> str:
    """The visible text of a page, with French non-breaking spaces read as plain spaces."""
    from bs4 import BeautifulSoup

    text = BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)
    return " ".join(text.replace("\u00a0", " ").split())
