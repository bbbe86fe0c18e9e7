"""Structures: who creates and edits them, what their card accepts, who sees them."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from portal.enums import StructureKind
from portal.models import AuditLogEntry, Structure
from portal.roles import Role
from portal.structures import services
from portal.structures.forms import StructureForm
from tests.helpers import count_queries
from tests.portal.factories import UserFactory
from tests.portal.structure_factories import (
    InvitationFactory,
    MembershipFactory,
    StructureFactory,
    page_text,
)

pytestmark = pytest.mark.django_db

VALID_SIRET = "73282932000074"


def card(**overrides) -> dict:
    return {
        "name": "Association Essai Emploi",
        "kind": StructureKind.OPERATOR,
        "siret": "",
        "address": "",
        "postal_code": "",
        "city": "",
        "departement": "",
        "website": "",
        **overrides,
    }


@pytest.fixture
def ansa(client):
    user = UserFactory(roles=[Role.ANSA])
    client.force_login(user)
    return user


# The card's fields, checked by the form


def test_siret_typed_with_spaces_is_kept_as_fourteen_digits():
    form = StructureForm(data=card(siret="732 829 320 00074"))
    assert form.is_valid(), form.errors
    assert form.cleaned_data["siret"] == VALID_SIRET


def test_siret_field_lets_people_type_the_spaces():
    html = str(StructureForm()["siret"])
    assert 'maxlength="20"' in html


@pytest.mark.parametrize(
    ("siret", "message"),
    [
        ("732 829 320 00075", "n'est pas valide"),
        ("7328293200007", "14 chiffres"),
        ("7328293200007A", "14 chiffres"),
    ],
)
def test_wrong_siret_is_refused_in_french(siret, message):
    form = StructureForm(data=card(siret=siret))
    assert not form.is_valid()
    assert message in form.errors["siret"][0]


def test_siret_is_optional():
    assert StructureForm(data=card(siret="")).is_valid()


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("64", "64"), ("2A", "2A"), ("2b", "2B"), ("971", "971"), ("976", "976"), ("1", "01")],
)
def test_departement_accepts_metropolitan_corsican_and_overseas_numbers(typed, stored):
    form = StructureForm(data=card(departement=typed))
    assert form.is_valid(), form.errors
    assert form.cleaned_data["departement"] == stored


@pytest.mark.parametrize("typed", ["20", "96", "00", "977", "2C", "Pau"])
def test_departement_that_does_not_exist_is_refused(typed):
    form = StructureForm(data=card(departement=typed))
    assert not form.is_valid()
    assert "Ce département n'existe pas" in form.errors["departement"][0]


def test_postal_code_has_five_digits():
    form = StructureForm(data=card(postal_code="6400"))
    assert not form.is_valid()
    assert "5 chiffres" in form.errors["postal_code"][0]


# Creating and editing


@pytest.mark.django_db
def test_ansa_creates_a_structure_and_the_audit_log_records_it(client, home, ansa):
    response = client.post(
        reverse("structures:create"),
        card(siret="732 829 320 00074", departement="2a", website="tremplin.example.org"),
    )

    structure = Structure.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("structures:detail", args=[structure.pk])
    assert structure.siret == VALID_SIRET
    assert structure.departement == "2A"
    assert structure.website == "https://tremplin.example.org"
    entry = AuditLogEntry.objects.get(action="structure.create")
    assert entry.actor == ansa
    assert entry.changes["siret"] == [None, VALID_SIRET]


@pytest.mark.django_db
def test_siret_already_used_by_another_structure_is_refused(client, home, ansa):
    StructureFactory(siret=VALID_SIRET)

    response = client.post(reverse("structures:create"), card(siret="732 829 320 00074"))

    assert response.status_code == 200
    assert Structure.objects.count() == 1
    assert response.context["form"].errors["siret"] == ["Une structure porte déjà ce numéro SIRET."]


@pytest.mark.django_db
def test_service_refuses_a_siret_taken_by_another_structure():
    ansa = UserFactory(roles=[Role.ANSA])
    StructureFactory(siret=VALID_SIRET)
    with pytest.raises(ValidationError) as error:
        services.structure_create(actor=ansa, name="Doublon", kind="operator", siret=VALID_SIRET)
    assert "siret" in error.value.message_dict


@pytest.mark.django_db
def test_a_structure_keeps_its_own_siret_when_its_card_is_edited(client, home, ansa):
    structure = StructureFactory(siret=VALID_SIRET)
    response = client.post(
        reverse("structures:update", args=[structure.pk]),
        card(name="Nouveau nom", siret=VALID_SIRET),
    )
    assert response.status_code == 302
    structure.refresh_from_db()
    assert structure.name == "Nouveau nom"


@pytest.mark.django_db
def test_only_ansa_creates_structures(client, home):
    client.force_login(UserFactory(roles=[Role.REFERENT]))
    assert client.get(reverse("structures:create")).status_code == 403
    assert client.post(reverse("structures:create"), card()).status_code == 403
    with pytest.raises(PermissionDenied):
        services.structure_create(actor=UserFactory(), name="Refusée", kind="operator")
    assert not Structure.objects.exists()


@pytest.mark.django_db
def test_structure_admin_edits_their_card_and_the_change_is_logged(client, home):
    membership = MembershipFactory(admin=True, structure__name="Ancien nom")
    client.force_login(membership.user)

    response = client.post(
        reverse("structures:update", args=[membership.structure_id]),
        card(name="Nouveau nom", city="Orthez"),
    )

    assert response.status_code == 302
    entry = AuditLogEntry.objects.get(action="structure.update")
    assert entry.changes["name"] == ["Ancien nom", "Nouveau nom"]
    assert entry.changes["city"] == ["Pau", "Orthez"]
    assert entry.actor == membership.user


@pytest.mark.django_db
def test_member_without_admin_rights_cannot_edit_the_card(client, home):
    membership = MembershipFactory()
    client.force_login(membership.user)
    url = reverse("structures:update", args=[membership.structure_id])
    assert client.get(url).status_code == 403
    assert client.post(url, card(name="Piraté")).status_code == 403


@pytest.mark.django_db
def test_editing_with_errors_keeps_typed_values_and_summarises_errors_in_french(client, home, ansa):
    structure = StructureFactory(name="Nom enregistré")
    response = client.post(
        reverse("structures:update", args=[structure.pk]),
        card(name="Nom tapé", siret="732 829 320 00075", departement="99"),
    )

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    summary = soup.select_one("#error-summary")
    assert summary["role"] == "alert"
    summary_text = summary.get_text(" ", strip=True).replace("\u00a0", " ")
    assert "Ce numéro SIRET n'est pas valide" in summary_text
    assert "Ce département n'existe pas" in summary_text
    siret = soup.select_one("input[name=siret]")
    assert siret["value"] == "732 829 320 00075" or siret["value"] == "73282932000075"
    assert siret["aria-invalid"] == "true"
    assert soup.select_one("input[name=name]")["value"] == "Nom tapé"
    assert soup.select_one("input[name=departement]")["value"] == "99"
    # The heading still names the saved structure, not what was typed.
    assert soup.h1.get_text() == "Modifier la fiche de Nom enregistré"
    structure.refresh_from_db()
    assert structure.name == "Nom enregistré"


# Seeing a structure


@pytest.mark.django_db
def test_members_see_the_card_and_the_members_with_their_function_and_dates(client, home):
    structure = StructureFactory(name="Association Tremplin", siret=VALID_SIRET)
    admin = MembershipFactory(structure=structure, admin=True, user__last_name="Admin")
    member = MembershipFactory(structure=structure, user__last_name="Salariée")
    MembershipFactory(structure=structure, ended=True, user__last_name="Partie")
    InvitationFactory(structure=structure, email="attendue@essaim.test")
    client.force_login(member.user)

    response = client.get(reverse("structures:detail", args=[structure.pk]))

    text = page_text(response)
    assert response.status_code == 200
    assert VALID_SIRET in text
    assert str(admin.user) in text
    assert "Directeur·rice général·e" in text
    assert "Salarié·e" in text
    assert member.start_date.strftime("%Y") in text
    # Pending invitations and past members are for the structure's administrators.
    assert "attendue@essaim.test" not in text
    assert "Partie" not in text
    assert "Inviter une personne" not in text


@pytest.mark.django_db
def test_admins_also_see_pending_invitations_and_past_members(client, home):
    admin = MembershipFactory(admin=True)
    MembershipFactory(structure=admin.structure, ended=True, user__last_name="Partie")
    InvitationFactory(structure=admin.structure, email="attendue@essaim.test")
    InvitationFactory(structure=admin.structure, email="expiree@essaim.test", expired=True)
    InvitationFactory(structure=admin.structure, email="revoquee@essaim.test", revoked=True)
    client.force_login(admin.user)

    text = page_text(client.get(reverse("structures:detail", args=[admin.structure_id])))

    assert "attendue@essaim.test" in text
    assert "expiree@essaim.test" in text
    assert "Lien expiré le" in text
    assert "revoquee@essaim.test" not in text
    assert "Partie" in text
    assert "Inviter une personne" in text


@pytest.mark.django_db
def test_member_of_one_structure_gets_404_on_every_page_of_another(client, home):
    mine = MembershipFactory(admin=True)
    other = StructureFactory(name="Structure Secrète")
    other_member = MembershipFactory(structure=other, admin=True)
    invitation = InvitationFactory(structure=other)
    client.force_login(mine.user)

    urls = [
        reverse("structures:detail", args=[other.pk]),
        reverse("structures:update", args=[other.pk]),
        reverse("structures:invite", args=[other.pk]),
        reverse("structures:membership_update", args=[other_member.pk]),
        reverse("structures:membership_end", args=[other_member.pk]),
        reverse("structures:invitation_resend", args=[invitation.pk]),
        reverse("structures:invitation_revoke", args=[invitation.pk]),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 404, url
        assert "Structure Secrète" not in response.content.decode()
    for url in urls[1:]:
        response = client.post(url, {"reason": "x", "role": "employee", "name": "x"})
        assert response.status_code == 404, url
    other.refresh_from_db()
    assert other.name == "Structure Secrète"


@pytest.mark.django_db
def test_anonymous_visitor_is_sent_to_login_without_the_structure_name(client, home):
    structure = StructureFactory(name="Structure Secrète")
    response = client.get(reverse("structures:detail", args=[structure.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "Secr" not in response["Location"]


# The list


@pytest.mark.django_db
def test_ansa_lists_every_structure_filters_by_kind_and_searches_by_name(client, home, ansa):
    StructureFactory(name="Association Tremplin Béarn", kind=StructureKind.OPERATOR)
    StructureFactory(name="Communauté d'agglomération du Val", kind=StructureKind.COLLECTIVITE)
    StructureFactory(name="PLIE des Cévennes", kind=StructureKind.PRESCRIBER)
    url = reverse("structures:list")

    assert "3 structures" in page_text(client.get(url))
    by_kind = page_text(client.get(url, {"kind": StructureKind.COLLECTIVITE}))
    assert "Communauté d'agglomération du Val" in by_kind
    assert "Tremplin" not in by_kind
    by_name = page_text(client.get(url, {"q": "tremplin"}))
    assert "Association Tremplin Béarn" in by_name
    assert "PLIE" not in by_name
    assert "Aucune structure ne correspond" in page_text(client.get(url, {"q": "zzz"}))


@pytest.mark.django_db
def test_list_is_paginated_and_pages_keep_the_filters(client, home, ansa):
    for number in range(30):
        StructureFactory(name=f"Opérateur {number:02d}", kind=StructureKind.OPERATOR)
    StructureFactory(name="Collectivité", kind=StructureKind.COLLECTIVITE)

    first = client.get(reverse("structures:list"), {"kind": StructureKind.OPERATOR})
    second = client.get(reverse("structures:list"), {"kind": StructureKind.OPERATOR, "page": 2})

    assert len(first.context["page_obj"].object_list) == 25
    assert "kind=operator&amp;page=2" in first.content.decode()
    assert len(second.context["page_obj"].object_list) == 5


@pytest.mark.django_db
def test_people_outside_ansa_list_only_their_own_structures(client, home):
    membership = MembershipFactory(structure__name="Ma structure")
    StructureFactory(name="Structure voisine")
    MembershipFactory(user=membership.user, ended=True, structure__name="Ancienne structure")
    client.force_login(membership.user)

    text = page_text(client.get(reverse("structures:list")))

    assert "Ma structure" in text
    assert "Structure voisine" not in text
    assert "Ancienne structure" not in text
    assert "Créer une structure" not in text


@pytest.mark.django_db
def test_list_explains_what_will_appear_to_someone_without_structure(client, home):
    client.force_login(UserFactory())
    text = page_text(client.get(reverse("structures:list")))
    assert "Vous ne faites encore partie d'aucune structure" in text


# Query counts


def grow(structure=None, *, count: int) -> None:
    for _ in range(count):
        target = structure or StructureFactory()
        MembershipFactory(structure=target)
        MembershipFactory(structure=target, ended=True)
        InvitationFactory(structure=target)


@pytest.mark.django_db
def test_list_query_count_stays_the_same_as_structures_grow(client, home, ansa):
    grow(count=2)
    url = reverse("structures:list")
    before = count_queries(client, url)
    grow(count=30)
    assert count_queries(client, url) == before


@pytest.mark.django_db
def test_detail_query_count_stays_the_same_as_members_grow(client, home):
    admin = MembershipFactory(admin=True)
    grow(admin.structure, count=1)
    client.force_login(admin.user)
    url = reverse("structures:detail", args=[admin.structure_id])
    before = count_queries(client, url)
    grow(admin.structure, count=15)
    assert count_queries(client, url) == before


# The dashboard panel (registered by the portal's owner in portal/contrib.py)


def test_dashboard_panel_lists_my_structures_and_invitations_waiting_for_me(rf):
    from portal.structures.dashboard import my_structures_panel

    membership = MembershipFactory(structure__name="Ma structure")
    InvitationFactory(email=membership.user.email, structure__name="Structure qui m'invite")
    InvitationFactory(email=membership.user.email, expired=True)
    MembershipFactory(user=membership.user, ended=True)
    request = rf.get("/")
    request.user = membership.user

    panel = my_structures_panel(request)

    assert [m.structure.name for m in panel["memberships"]] == ["Ma structure"]
    assert [i["structure"].name for i in panel["invitations"]] == ["Structure qui m'invite"]
    assert panel["invitations"][0]["url"].startswith("/structures/invitation/")


def test_dashboard_panel_renders_on_the_dashboard(client, home, monkeypatch):
    from portal import registry
    from portal.structures.dashboard import my_structures_panel

    monkeypatch.setattr(registry, "_dashboard_panels", {})
    registry.register_dashboard_panel(
        order=15, name="Mes structures", template="portal/structures/dashboard_panel.html"
    )(my_structures_panel)
    membership = MembershipFactory(structure__name="Ma structure", admin=True)
    client.force_login(membership.user)

    text = page_text(client.get(reverse("portal:dashboard")))

    assert "Ma structure — Directeur·rice général·e (vous gérez la structure)" in text
    client.force_login(UserFactory())
    assert "Vous ne faites partie d'aucune structure" in page_text(
        client.get(reverse("portal:dashboard"))
    )
