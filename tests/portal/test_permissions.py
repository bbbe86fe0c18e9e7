"""Object grants: a person sees exactly what was granted to them, in one query."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.models import Structure
from portal.permissions import grant, may, objects_visible_to, revoke
from portal.roles import Role, is_programme_staff, is_structure_admin, structure_ids
from tests.portal.factories import UserFactory

VIEW = "portal.view_structure"


def make_structures(count: int) -> list[Structure]:
    return [Structure.objects.create(name=f"Structure {n}", kind="operator") for n in range(count)]


@pytest.mark.django_db
def test_person_sees_only_objects_granted_to_them():
    mine, other = make_structures(2)
    user = UserFactory()
    grant(user=user, permission=VIEW, obj=mine)

    visible = objects_visible_to(user, Structure.objects.all(), VIEW)

    assert list(visible) == [mine]
    assert may(user, VIEW, mine)
    assert not may(user, VIEW, other)


@pytest.mark.django_db
def test_revoked_grant_hides_the_object():
    (structure,) = make_structures(1)
    user = UserFactory()
    grant(user=user, permission=VIEW, obj=structure)
    revoke(user=user, permission=VIEW, obj=structure)
    user = type(user).objects.get(pk=user.pk)  # guardian caches permissions per instance
    assert not objects_visible_to(user, Structure.objects.all(), VIEW).exists()


@pytest.mark.django_db
def test_programme_staff_see_everything_and_anonymous_nothing():
    from django.contrib.auth.models import AnonymousUser

    make_structures(3)
    assert objects_visible_to(UserFactory(ansa=True), Structure.objects.all(), VIEW).count() == 3
    assert not objects_visible_to(AnonymousUser(), Structure.objects.all(), VIEW).exists()


@pytest.mark.django_db
def test_filtering_costs_one_query_however_many_grants():
    user = UserFactory()

    def listing_queries() -> int:
        with CaptureQueriesContext(connection) as queries:
            list(objects_visible_to(user, Structure.objects.all(), VIEW))
        return len(queries)

    for structure in make_structures(3):
        grant(user=user, permission=VIEW, obj=structure)
    listing_queries()  # warm the content-type and permission caches
    few = listing_queries()
    assert few == 1
    for structure in make_structures(40):
        grant(user=user, permission=VIEW, obj=structure)
    assert listing_queries() == few
    assert objects_visible_to(user, Structure.objects.all(), VIEW).count() == 43


@pytest.mark.django_db
def test_roles_come_from_groups_and_memberships():
    from portal.enums import MembershipRole
    from portal.models import Membership

    (structure,) = make_structures(1)
    expert = UserFactory(roles=[Role.EXPERT])
    head = UserFactory(roles=[Role.HEAD_OF_NETWORK])
    Membership.objects.create(
        user=expert, structure=structure, role=MembershipRole.CRE, is_admin=True
    )

    assert not is_programme_staff(expert)
    assert is_programme_staff(head)
    assert structure_ids(expert) == {structure.pk}
    assert is_structure_admin(expert, structure)
    assert not is_structure_admin(head, structure)


@pytest.mark.django_db
def test_forget_clears_the_cache_behind_the_request_proxy():
    from django.utils.functional import SimpleLazyObject

    from portal.roles import forget, user_roles

    user = UserFactory()
    lazy = SimpleLazyObject(lambda: user)
    assert user_roles(lazy) == frozenset()
    user.groups.add(*type(user).groups.field.related_model.objects.filter(name="expert"))
    forget(lazy)
    assert user_roles(lazy) == {Role.EXPERT}
