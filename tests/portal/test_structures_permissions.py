"""Who may open each structure URL: predicates, then every URL for every kind of person.

A structure the person is not part of answers 404 (its name never shows); a member without
management rights gets 403 on the management pages of their own structure.
"""

import pytest
from django.urls import reverse

from portal.roles import Role
from portal.structures import permissions, tokens
from tests.portal.factories import UserFactory
from tests.portal.structure_factories import (
    InvitationFactory,
    MembershipFactory,
    StructureFactory,
)

pytestmark = pytest.mark.django_db

ANONYMOUS = "anonymous"
OUTSIDER = "outsider"  # logged in, member of no structure
OTHER_ADMIN = "other_admin"  # manages another structure
MEMBER = "member"  # member of the structure, without management rights
ADMIN = "admin"  # manages the structure
ANSA = "ansa"  # Ansa's programme team, not a member
INVITEE = "invitee"  # the person the invitation was sent to, with an account

#: URL name -> expected GET status per person (302 = sent to log in).
EXPECTED = {
    "list": {ANONYMOUS: 302, OUTSIDER: 200, OTHER_ADMIN: 200, MEMBER: 200, ADMIN: 200, ANSA: 200},
    "create": {ANONYMOUS: 302, OUTSIDER: 403, OTHER_ADMIN: 403, MEMBER: 403, ADMIN: 403, ANSA: 200},
    "detail": {ANONYMOUS: 302, OUTSIDER: 404, OTHER_ADMIN: 404, MEMBER: 200, ADMIN: 200, ANSA: 200},
    "update": {ANONYMOUS: 302, OUTSIDER: 404, OTHER_ADMIN: 404, MEMBER: 403, ADMIN: 200, ANSA: 200},
    "invite": {ANONYMOUS: 302, OUTSIDER: 404, OTHER_ADMIN: 404, MEMBER: 403, ADMIN: 200, ANSA: 200},
    "membership_update": {
        ANONYMOUS: 302,
        OUTSIDER: 404,
        OTHER_ADMIN: 404,
        MEMBER: 403,
        ADMIN: 200,
        ANSA: 200,
    },
    "membership_end": {
        ANONYMOUS: 302,
        OUTSIDER: 404,
        OTHER_ADMIN: 404,
        MEMBER: 403,
        ADMIN: 200,
        ANSA: 200,
    },
    "invitation_resend": {
        ANONYMOUS: 302,
        OUTSIDER: 404,
        OTHER_ADMIN: 404,
        MEMBER: 403,
        ADMIN: 200,
        ANSA: 200,
    },
    "invitation_revoke": {
        ANONYMOUS: 302,
        OUTSIDER: 404,
        OTHER_ADMIN: 404,
        MEMBER: 403,
        ADMIN: 200,
        ANSA: 200,
    },
    # Public: the invited person sees the invitation; anyone else logged in is refused.
    "accept": {
        ANONYMOUS: 200,
        OUTSIDER: 403,
        OTHER_ADMIN: 403,
        MEMBER: 403,
        ADMIN: 403,
        ANSA: 403,
        INVITEE: 200,
    },
}


@pytest.fixture
def world():
    structure = StructureFactory(name="Structure Observée")
    admin = MembershipFactory(structure=structure, admin=True)
    colleague = MembershipFactory(structure=structure)
    member = MembershipFactory(structure=structure)
    invitation = InvitationFactory(structure=structure, email="invitee@exemple.fr")
    people = {
        OUTSIDER: UserFactory(),
        OTHER_ADMIN: MembershipFactory(admin=True).user,
        MEMBER: member.user,
        ADMIN: admin.user,
        ANSA: UserFactory(roles=[Role.ANSA]),
        INVITEE: UserFactory(email="invitee@exemple.fr"),
    }
    urls = {
        "list": reverse("structures:list"),
        "create": reverse("structures:create"),
        "detail": reverse("structures:detail", args=[structure.pk]),
        "update": reverse("structures:update", args=[structure.pk]),
        "invite": reverse("structures:invite", args=[structure.pk]),
        "membership_update": reverse("structures:membership_update", args=[colleague.pk]),
        "membership_end": reverse("structures:membership_end", args=[colleague.pk]),
        "invitation_resend": reverse("structures:invitation_resend", args=[invitation.pk]),
        "invitation_revoke": reverse("structures:invitation_revoke", args=[invitation.pk]),
        "accept": reverse("structures:accept", args=[tokens.make_token(invitation)]),
    }
    return people, urls


@pytest.mark.parametrize(
    ("name", "person"), [(name, person) for name, row in EXPECTED.items() for person in row]
)
def test_structure_urls_per_person(client, home, world, name, person):
    people, urls = world
    if person != ANONYMOUS:
        client.force_login(people[person])

    response = client.get(urls[name])

    assert response.status_code == EXPECTED[name][person]
    if response.status_code == 302:
        assert response["Location"].startswith(f"{reverse('account_login')}?next=")
    if response.status_code == 404:
        assert "Structure Observée" not in response.content.decode()


def test_a_member_may_open_the_page_to_leave_their_own_structure(client, home):
    member = MembershipFactory()
    client.force_login(member.user)
    response = client.get(reverse("structures:membership_end", args=[member.pk]))
    assert response.status_code == 200


# The predicates on their own


def test_ansa_sees_creates_and_manages_any_structure():
    ansa = UserFactory(roles=[Role.ANSA])
    structure = StructureFactory()
    assert permissions.can_create_structure(ansa)
    assert permissions.can_view_structure(ansa, structure)
    assert permissions.can_update_structure(ansa, structure)
    assert permissions.can_manage_members(ansa, structure)


@pytest.mark.parametrize("role", [Role.HEAD_OF_NETWORK, Role.EXPERT, Role.REFERENT, Role.STEERING])
def test_other_programme_roles_see_only_their_own_structures(role):
    user = UserFactory(roles=[role])
    structure = StructureFactory()
    assert not permissions.can_create_structure(user)
    assert not permissions.can_view_structure(user, structure)


def test_a_member_sees_but_does_not_manage_their_structure():
    membership = MembershipFactory()
    user, structure = membership.user, membership.structure
    assert permissions.can_view_structure(user, structure)
    assert not permissions.can_update_structure(user, structure)
    assert not permissions.can_invite_member(user, structure)
    assert permissions.can_end_membership(user, membership)
    assert not permissions.can_update_membership(user, membership)


def test_an_admin_manages_their_structure_only():
    membership = MembershipFactory(admin=True)
    other = InvitationFactory()
    assert permissions.can_update_structure(membership.user, membership.structure)
    assert permissions.can_invite_member(membership.user, membership.structure)
    assert not permissions.can_revoke_invitation(membership.user, other)
    assert not permissions.can_resend_invitation(membership.user, other)


def test_an_ended_membership_gives_no_access():
    membership = MembershipFactory(ended=True, is_admin=True)
    assert not permissions.can_view_structure(membership.user, membership.structure)
    assert not permissions.can_end_membership(membership.user, membership)


def test_anonymous_visitors_are_allowed_nothing():
    from django.contrib.auth.models import AnonymousUser

    structure = StructureFactory()
    anonymous = AnonymousUser()
    assert not permissions.can_create_structure(anonymous)
    assert not permissions.can_view_structure(anonymous, structure)
    assert not permissions.can_manage_members(anonymous, structure)
