"""Demo structures: each demo account belongs where its role says; loading twice is safe."""

import io

import pytest

from portal.demo import load_people
from portal.models import Membership, Structure
from portal.structures.demo import DEMO_STRUCTURES, load_structures

pytestmark = pytest.mark.django_db


def memberships_of(email: str) -> list[tuple[str, str, bool]]:
    return [
        (m.structure.name, m.role, m.is_admin)
        for m in Membership.objects.active().filter(user__email=email).select_related("structure")
    ]


def test_demo_accounts_belong_to_their_structures_and_reloading_changes_nothing():
    load_people(io.StringIO())
    load_structures(io.StringIO())
    counts = (Structure.objects.count(), Membership.objects.count())
    load_structures(io.StringIO())

    assert (Structure.objects.count(), Membership.objects.count()) == counts
    assert Structure.objects.count() == len(DEMO_STRUCTURES)
    referent1 = memberships_of("referent1@essaim.test")
    assert referent1 == [("Association Tremplin Béarn", "referent", True)]
    assert memberships_of("participant1@essaim.test") == [
        ("Association Tremplin Béarn", "employee", False)
    ]
    assert memberships_of("referent2@essaim.test")[0][0] == (
        "Communauté d'agglomération du Val de Loire"
    )
    assert memberships_of("tete-de-reseau@essaim.test") == [("A.CO.R", "director", True)]
    for number in (1, 2, 3):
        assert memberships_of(f"expert{number}@essaim.test") == [("A.CO.R", "cre", False)]


def test_every_demo_structure_with_members_has_someone_to_manage_it():
    load_people(io.StringIO())
    load_structures(io.StringIO())
    for structure in Structure.objects.filter(memberships__isnull=False).distinct():
        assert structure.memberships.active().filter(is_admin=True).exists(), structure.name


def test_demo_structures_load_even_without_the_demo_accounts():
    load_structures(io.StringIO())
    assert Structure.objects.count() == len(DEMO_STRUCTURES)
    assert not Membership.objects.exists()
