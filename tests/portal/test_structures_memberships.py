"""Memberships: a structure always keeps someone to manage it; endings are dated and explained."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import CharField
from django.urls import reverse
from django.utils import timezone

from portal.enums import MembershipRole
from portal.models import AuditLogEntry, Membership
from portal.roles import Role
from portal.structures import services
from tests.portal.factories import UserFactory
from tests.portal.structure_factories import MembershipFactory, StructureFactory, page_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin():
    return MembershipFactory(admin=True)


def test_last_admin_cannot_leave(admin):
    with pytest.raises(ValidationError) as error:
        services.membership_end(actor=admin.user, membership=admin, reason="Départ")
    assert "seule personne qui gère la structure" in error.value.messages[0]
    admin.refresh_from_db()
    assert admin.end_date is None


def test_last_admin_cannot_be_removed_by_ansa_either(admin):
    ansa = UserFactory(roles=[Role.ANSA])
    with pytest.raises(ValidationError):
        services.membership_end(actor=ansa, membership=admin, reason="Erreur")


def test_last_admin_cannot_be_demoted(admin):
    with pytest.raises(ValidationError) as error:
        services.membership_update(
            actor=admin.user, membership=admin, role=MembershipRole.DIRECTOR, is_admin=False
        )
    assert "is_admin" in error.value.message_dict
    admin.refresh_from_db()
    assert admin.is_admin


def test_an_admin_can_step_down_once_someone_else_manages_the_structure(admin):
    MembershipFactory(structure=admin.structure, admin=True)
    services.membership_update(
        actor=admin.user, membership=admin, role=MembershipRole.EMPLOYEE, is_admin=False
    )
    admin.refresh_from_db()
    assert not admin.is_admin
    assert admin.role == MembershipRole.EMPLOYEE


def test_an_ended_admin_does_not_count_as_the_other_admin(admin):
    MembershipFactory(structure=admin.structure, admin=True, ended=True)
    with pytest.raises(ValidationError):
        services.membership_end(actor=admin.user, membership=admin, reason="Départ")


def test_the_last_admin_sees_a_clear_french_error_on_the_page(client, home, admin):
    client.force_login(admin.user)
    response = client.post(
        reverse("structures:membership_end", args=[admin.pk]), {"reason": "Je pars"}
    )
    assert response.status_code == 200
    text = page_text(response)
    assert "Le formulaire contient des erreurs" in text
    assert "seule personne qui gère la structure : confiez d'abord la gestion" in text
    # What was typed is kept.
    assert "Je pars" in response.content.decode()


def test_the_last_admin_demoted_through_the_page_gets_the_error_on_the_field(client, home, admin):
    client.force_login(admin.user)
    response = client.post(
        reverse("structures:membership_update", args=[admin.pk]),
        {"role": MembershipRole.REFERENT},
    )
    assert response.status_code == 200
    assert "seule personne qui gère" in response.context["form"].errors["is_admin"][0]
    assert response.context["form"]["role"].value() == MembershipRole.REFERENT


def test_ending_a_membership_logs_its_reason_and_dates_it(client, home, admin):
    member = MembershipFactory(structure=admin.structure)
    client.force_login(admin.user)

    response = client.post(
        reverse("structures:membership_end", args=[member.pk]),
        {"reason": "Départ à la retraite"},
    )

    assert response.status_code == 302
    member.refresh_from_db()
    assert member.end_date == timezone.localdate() - datetime.timedelta(days=1)
    entry = AuditLogEntry.objects.get(action="membership.end")
    assert entry.changes["reason"] == [None, "Départ à la retraite"]
    assert entry.actor == admin.user


def test_a_reason_is_required_to_end_a_membership(client, home, admin):
    member = MembershipFactory(structure=admin.structure)
    client.force_login(admin.user)
    response = client.post(reverse("structures:membership_end", args=[member.pk]), {"reason": ""})
    assert response.status_code == 200
    assert response.context["form"].errors["reason"] == [
        str(CharField().error_messages["required"])
    ]
    assert response.context["form"].errors["reason"] != ["This field is required."]
    with pytest.raises(ValidationError):
        services.membership_end(actor=admin.user, membership=member, reason="  ")


def test_an_ended_member_loses_access_at_once(client, home, admin):
    member = MembershipFactory(structure=admin.structure)
    services.membership_end(actor=admin.user, membership=member, reason="Fin de contrat")
    client.force_login(member.user)
    assert client.get(reverse("structures:detail", args=[admin.structure_id])).status_code == 404


def test_a_membership_ended_the_day_it_began_leaves_only_its_audit_trail(admin):
    member = MembershipFactory(structure=admin.structure, start_date=timezone.localdate())
    services.membership_end(actor=admin.user, membership=member, reason="Invitée par erreur")
    assert not Membership.objects.filter(pk=member.pk).exists()
    assert AuditLogEntry.objects.filter(action="membership.end", object_id=str(member.pk)).exists()


def test_a_member_can_leave_by_themself(client, home, admin):
    member = MembershipFactory(structure=admin.structure)
    client.force_login(member.user)
    url = reverse("structures:membership_end", args=[member.pk])
    assert "Quitter" in page_text(client.get(url))

    response = client.post(url, {"reason": "Changement de poste"})

    assert response.status_code == 302
    assert response["Location"] == reverse("structures:list")
    member.refresh_from_db()
    assert member.end_date is not None


def test_a_member_without_admin_rights_cannot_change_or_end_others(client, home, admin):
    member = MembershipFactory(structure=admin.structure)
    client.force_login(member.user)
    assert client.get(reverse("structures:membership_update", args=[admin.pk])).status_code == 403
    assert client.get(reverse("structures:membership_end", args=[admin.pk])).status_code == 403
    with pytest.raises(PermissionDenied):
        services.membership_update(
            actor=member.user, membership=member, role=MembershipRole.DIRECTOR, is_admin=True
        )


def test_admin_changes_a_function_and_the_change_is_logged(client, home, admin):
    member = MembershipFactory(structure=admin.structure, role=MembershipRole.EMPLOYEE)
    client.force_login(admin.user)

    response = client.post(
        reverse("structures:membership_update", args=[member.pk]),
        {"role": MembershipRole.REFERENT, "is_admin": "on"},
    )

    assert response.status_code == 302
    member.refresh_from_db()
    assert (member.role, member.is_admin) == (MembershipRole.REFERENT, True)
    entry = AuditLogEntry.objects.get(action="membership.update")
    assert entry.changes == {"is_admin": [False, True], "role": ["employee", "referent"]}


def test_an_ended_membership_cannot_be_changed(client, home, admin):
    past = MembershipFactory(structure=admin.structure, ended=True)
    client.force_login(admin.user)
    assert client.get(reverse("structures:membership_update", args=[past.pk])).status_code == 404
    assert client.get(reverse("structures:membership_end", args=[past.pk])).status_code == 404
    with pytest.raises(ValidationError):
        services.membership_end(actor=admin.user, membership=past, reason="Encore")


def test_ansa_manages_the_members_of_any_structure(client, home, admin):
    member = MembershipFactory(structure=admin.structure)
    client.force_login(UserFactory(roles=[Role.ANSA]))
    url = reverse("structures:membership_end", args=[member.pk])
    response = client.post(url, {"reason": "Demande de la structure"})
    assert response.status_code == 302
    assert response["Location"] == reverse("structures:detail", args=[admin.structure_id])


def test_a_new_structure_has_no_admin_until_someone_joins(client, home):
    structure = StructureFactory()
    member = MembershipFactory(structure=structure)
    # Nobody manages it yet, so ending a plain membership breaks no rule.
    services.membership_end(
        actor=UserFactory(roles=[Role.ANSA]), membership=member, reason="Erreur de saisie"
    )
