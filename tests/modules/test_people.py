"""The season's people: a referent and at most three people per structure, the experts of each
module; Ansa manages them from a staff page."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from modules.models import ModuleLead, ModulePage, SeasonRole, SwarmedMember, TrainingActionPage
from modules.services import people as services
from portal.enums import NotificationCategory
from portal.models import AuditLogEntry, Notification, User
from portal.roles import Role, has_role
from tests.cms_pages.factories import PageFactory
from tests.helpers import count_queries
from tests.modules.factories import (
    AttendanceFactory,
    SwarmedMemberFactory,
    SwarmedStructureFactory,
    TrainingSeasonFactory,
    TrainingSessionFactory,
)
from tests.portal.factories import UserFactory
from tests.portal.structure_factories import MembershipFactory, page_text


class TrainingActionPageFactory(PageFactory):
    class Meta:
        model = TrainingActionPage

    title = "La formation-action"
    slug = "formation-action"


@pytest.fixture
def module(home):
    action = TrainingActionPageFactory(parent=home)
    page = ModulePage(
        title="Fidéliser les entreprises",
        slug="fideliser",
        number=2,
        summary="Garder le lien avec les employeurs.",
        objectives="<p>Un suivi régulier.</p>",
    )
    action.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def season(db):
    return TrainingSeasonFactory(slug="saison-essai", name="Saison d'essai")


@pytest.fixture
def ansa(db):
    return UserFactory(ansa=True)


@pytest.fixture
def swarmed(season):
    return SwarmedStructureFactory(season=season, structure__name="Tremplin Béarn")


def colleague(swarmed, **kwargs):
    """An active member of the structure in the portal, not yet in the season."""
    return MembershipFactory(structure=swarmed.structure, **kwargs).user


@pytest.fixture
def referent(swarmed):
    return SwarmedMemberFactory(
        swarmed_structure=swarmed, user=colleague(swarmed), referent=True
    ).user


def add(ansa, swarmed, user, role=SeasonRole.PARTICIPANT):
    return services.member_add(actor=ansa, swarmed_structure=swarmed, user=user, role=role)


# --- Enrolment limits --------------------------------------------------------------------------


def test_fourth_person_of_a_structure_is_refused(ansa, swarmed, referent):
    add(ansa, swarmed, colleague(swarmed))
    add(ansa, swarmed, colleague(swarmed))
    with pytest.raises(ValidationError) as raised:
        add(ansa, swarmed, colleague(swarmed))
    assert "3" in raised.value.messages[0]
    assert swarmed.members.count() == 3


def test_second_referent_is_refused(ansa, swarmed, referent):
    with pytest.raises(ValidationError) as raised:
        add(ansa, swarmed, colleague(swarmed), role=SeasonRole.REFERENT)
    assert list(raised.value.message_dict) == ["role"]
    assert swarmed.members.filter(role=SeasonRole.REFERENT).count() == 1


def test_the_referent_is_named_first(ansa, swarmed):
    with pytest.raises(ValidationError) as raised:
        add(ansa, swarmed, colleague(swarmed))
    assert list(raised.value.message_dict) == ["role"]
    member = add(ansa, swarmed, colleague(swarmed), role=SeasonRole.REFERENT)
    assert member.role == SeasonRole.REFERENT


def test_only_people_of_the_structure_join_it(ansa, swarmed, referent):
    stranger = UserFactory()
    former = colleague(swarmed, ended=True)
    for person in (stranger, former):
        with pytest.raises(ValidationError) as raised:
            add(ansa, swarmed, person)
        assert list(raised.value.message_dict) == ["user"]


def test_nobody_joins_twice(ansa, swarmed, referent):
    with pytest.raises(ValidationError) as raised:
        add(ansa, swarmed, referent)
    assert list(raised.value.message_dict) == ["user"]


def test_late_joiner_joins_now_so_earlier_sessions_are_not_counted_against_them(
    ansa, swarmed, referent
):
    held = TrainingSessionFactory(season=swarmed.season, held=True)
    before = timezone.now()
    member = add(ansa, swarmed, colleague(swarmed))
    assert member.joined_at >= before
    assert member.joined_at > held.ends_at


def test_adding_a_person_is_audited_notified_and_gives_the_role(ansa, swarmed, referent):
    person = colleague(swarmed)
    assert not has_role(person, Role.PARTICIPANT)
    member = add(ansa, swarmed, person)
    assert AuditLogEntry.objects.filter(action="season_member.add", object_id=str(member.pk))
    assert Notification.objects.filter(
        recipient=person, category=NotificationCategory.TRAINING, kind="season.joined"
    ).exists()
    person.refresh_from_db()
    assert has_role(person, Role.PARTICIPANT)


@pytest.mark.parametrize("role", ["expert", "referent", "head_of_network"])
def test_only_ansa_manages_the_people(role, swarmed, referent, module):
    actor = UserFactory(roles=[Role(role)])
    with pytest.raises(PermissionDenied):
        add(actor, swarmed, colleague(swarmed))
    member = SwarmedMember.objects.get(user=referent)
    with pytest.raises(PermissionDenied):
        services.member_remove(actor=actor, member=member)
    with pytest.raises(PermissionDenied):
        services.referent_change(actor=actor, member=member)
    with pytest.raises(PermissionDenied):
        services.module_lead_set(actor=actor, season=swarmed.season, module=module, experts=[])


# --- Removing and changing the referent ---------------------------------------------------------


def test_referent_cannot_be_removed(ansa, swarmed, referent):
    member = SwarmedMember.objects.get(user=referent)
    with pytest.raises(ValidationError):
        services.member_remove(actor=ansa, member=member)
    assert SwarmedMember.objects.filter(pk=member.pk).exists()


def test_participant_with_attendance_keeps_their_history(ansa, swarmed, referent):
    member = add(ansa, swarmed, colleague(swarmed))
    AttendanceFactory(member=member, session__season=swarmed.season)
    with pytest.raises(ValidationError):
        services.member_remove(actor=ansa, member=member)
    assert SwarmedMember.objects.filter(pk=member.pk).exists()


def test_participant_is_removed_and_audited(ansa, swarmed, referent):
    member = add(ansa, swarmed, colleague(swarmed))
    services.member_remove(actor=ansa, member=member)
    assert not SwarmedMember.objects.filter(pk=member.pk).exists()
    assert AuditLogEntry.objects.filter(action="season_member.remove", object_id=str(member.pk))


def test_changing_the_referent_keeps_exactly_one(ansa, swarmed, referent):
    member = add(ansa, swarmed, colleague(swarmed))
    services.referent_change(actor=ansa, member=member)
    roles = dict(swarmed.members.values_list("user_id", "role"))
    assert roles == {referent.pk: SeasonRole.PARTICIPANT, member.user_id: SeasonRole.REFERENT}
    assert AuditLogEntry.objects.filter(action="season_member.referent_change").count() == 1
    former = User.objects.get(pk=referent.pk)
    successor = User.objects.get(pk=member.user_id)
    assert has_role(successor, Role.REFERENT) and not has_role(successor, Role.PARTICIPANT)
    assert has_role(former, Role.PARTICIPANT) and not has_role(former, Role.REFERENT)


# --- Module leads ------------------------------------------------------------------------------


def test_module_leads_are_set_to_the_chosen_experts(ansa, season, module):
    first, second = UserFactory(expert=True), UserFactory(expert=True)
    services.module_lead_set(actor=ansa, season=season, module=module, experts=[first, second])
    services.module_lead_set(actor=ansa, season=season, module=module, experts=[second])
    assert list(ModuleLead.objects.values_list("expert_id", flat=True)) == [second.pk]
    assert AuditLogEntry.objects.filter(action="module_lead.set").count() == 2
    assert Notification.objects.filter(recipient=first, kind="module.lead").count() == 1


def test_only_experts_lead_a_module(ansa, season, module, referent):
    with pytest.raises(ValidationError):
        services.module_lead_set(actor=ansa, season=season, module=module, experts=[referent])
    assert not ModuleLead.objects.exists()


# --- The staff page ------------------------------------------------------------------------------


def people_url(season) -> str:
    return reverse("modules:season_people", args=[season.slug])


@pytest.fixture
def roles(ansa, swarmed, referent, season, module):
    leading = UserFactory(expert=True)
    ModuleLead.objects.create(season=season, module=module, expert=leading)
    other = TrainingSeasonFactory(slug="saison-autre")
    return {
        "ansa": (ansa, 200),
        "head_of_network": (UserFactory(head_of_network=True), 403),
        "leading_expert": (leading, 403),
        "other_expert": (UserFactory(expert=True), 403),
        "referent": (referent, 403),
        "referent_of_another_structure": (
            SwarmedMemberFactory(swarmed_structure__season=season, referent=True).user,
            403,
        ),
        "referent_of_another_season": (
            SwarmedMemberFactory(swarmed_structure__season=other, referent=True).user,
            403,
        ),
    }


@pytest.mark.parametrize(
    "who",
    [
        "ansa",
        "head_of_network",
        "leading_expert",
        "other_expert",
        "referent",
        "referent_of_another_structure",
        "referent_of_another_season",
    ],
)
def test_only_ansa_opens_the_people_page(client, roles, season, who):
    user, expected = roles[who]
    client.force_login(user)
    assert client.get(people_url(season)).status_code == expected
    response = client.post(people_url(season), {"action": "member_add"})
    assert response.status_code == (404 if expected == 200 else expected)


def test_anonymous_visitor_is_sent_to_log_in(client, season):
    response = client.get(people_url(season))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_people_page_lists_structures_members_and_modules(client, ansa, swarmed, referent, module):
    colleague(swarmed, user__first_name="Inès", user__last_name="Etcheverry")
    client.force_login(ansa)
    text = page_text(client.get(people_url(swarmed.season)))
    assert "Tremplin Béarn" in text
    assert str(referent) in text
    assert "Inès Etcheverry" in text  # among the people who may be added
    assert "Module 2 — Fidéliser les entreprises" in text


def test_ansa_adds_a_person_from_the_page(client, ansa, swarmed, referent):
    person = colleague(swarmed)
    client.force_login(ansa)
    prefix = f"add-{swarmed.pk}"
    response = client.post(
        people_url(swarmed.season),
        {
            "action": "member_add",
            "swarmed": swarmed.pk,
            f"{prefix}-user": person.pk,
            f"{prefix}-role": SeasonRole.PARTICIPANT,
        },
    )
    assert response.status_code == 302
    assert SwarmedMember.objects.filter(user=person, role=SeasonRole.PARTICIPANT).exists()


def test_refused_addition_shows_its_error_by_the_form(client, ansa, swarmed, referent):
    person = colleague(swarmed)
    client.force_login(ansa)
    prefix = f"add-{swarmed.pk}"
    response = client.post(
        people_url(swarmed.season),
        {
            "action": "member_add",
            "swarmed": swarmed.pk,
            f"{prefix}-user": person.pk,
            f"{prefix}-role": SeasonRole.REFERENT,
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="error-summary"' in html
    assert f'id="id_{prefix}-role_error"' in html
    assert not SwarmedMember.objects.filter(user=person).exists()


def test_another_seasons_structure_is_404(client, ansa, swarmed, referent):
    other = SwarmedStructureFactory(season=TrainingSeasonFactory(slug="saison-autre"))
    client.force_login(ansa)
    response = client.post(
        people_url(swarmed.season), {"action": "member_add", "swarmed": other.pk}
    )
    assert response.status_code == 404
    member = SwarmedMemberFactory(swarmed_structure=other, referent=True)
    response = client.post(
        people_url(swarmed.season), {"action": "member_remove", "member": member.pk}
    )
    assert response.status_code == 404


def test_ansa_sets_module_leads_from_the_page(client, ansa, season, module):
    expert = UserFactory(expert=True)
    client.force_login(ansa)
    response = client.post(
        people_url(season),
        {"action": "module_leads", "module": module.pk, f"leads-{module.pk}-experts": [expert.pk]},
    )
    assert response.status_code == 302
    assert ModuleLead.objects.filter(season=season, module=module, expert=expert).exists()


def test_people_page_query_count_stays_the_same_with_more_structures(client, ansa, season, module):
    def add_structures(count):
        for _ in range(count):
            swarmed = SwarmedStructureFactory(season=season)
            SwarmedMemberFactory(swarmed_structure=swarmed, user=colleague(swarmed), referent=True)
            colleague(swarmed)

    client.force_login(ansa)
    add_structures(2)
    few = count_queries(client, people_url(season))
    add_structures(6)
    assert count_queries(client, people_url(season)) == few


@pytest.mark.django_db
def test_season_groups_follow_the_role_held():
    from django.contrib.auth.models import Group

    from modules.signals import sync_season_groups
    from tests.modules.factories import SwarmedMemberFactory

    member = SwarmedMemberFactory(role="referent")
    assert member.user.groups.filter(name="referent").exists()
    member.role = "participant"
    member.save()
    names = set(member.user.groups.values_list("name", flat=True))
    assert "participant" in names and "referent" not in names
    member.delete()
    sync_season_groups(member.user)
    assert not member.user.groups.filter(name__in=["participant", "referent"]).exists()
    assert Group.objects.filter(name="referent").exists()
