import pytest
from django.urls import reverse

from portal.roles import Role
from tests.portal.factories import UserFactory


@pytest.mark.django_db
def test_dashboard_greets_and_lists_roles(client, home):
    user = UserFactory(first_name="Nadia", roles=[Role.EXPERT])
    client.force_login(user)

    html = client.get(reverse("portal:dashboard")).content.decode()

    assert "Bonjour Nadia." in html
    assert "<li>Expert·e A.CO.R</li>" in html


@pytest.mark.django_db
def test_dashboard_without_role_explains_what_comes_next(client, home):
    client.force_login(UserFactory())
    html = client.get(reverse("portal:dashboard")).content.decode()
    assert "Aucun rôle ne vous est encore attribué" in html


@pytest.mark.django_db
def test_dashboard_shows_panels_contributed_by_apps(client, home, monkeypatch):
    from portal import registry

    monkeypatch.setattr(registry, "_dashboard_panels", {})
    registry.register_dashboard_panel(order=1, name="essai", template="portal/tests/panel.html")(
        lambda request: {"greeting": f"Panneau pour {request.user.email}"}
    )
    registry.register_dashboard_panel(order=2, name="masqué", template="portal/tests/panel.html")(
        lambda request: None
    )
    user = UserFactory()
    client.force_login(user)

    html = client.get(reverse("portal:dashboard")).content.decode()

    assert html.count('class="test-panel"') == 1
    assert f"Panneau pour {user.email}" in html


ROLE_HEADINGS = [
    (Role.ANSA, "Piloter le programme"),
    (Role.HEAD_OF_NETWORK, "Tête de réseau"),
    (Role.EXPERT, "Mes référents et mes séances"),
    (Role.REFERENT, "Ma structure dans la saison"),
    (Role.PARTICIPANT, "Participer à la saison"),
    (Role.APPLICANT, "Ma candidature"),
    (Role.COSIGNER, "Signatures demandées"),
    (Role.STEERING, "Suivi du programme"),
    (Role.EDITOR, "Contenus du site"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("role", "heading"), ROLE_HEADINGS)
def test_each_role_lands_on_its_own_dashboard(client, home, role, heading):
    client.force_login(UserFactory(roles=[role]))
    html = client.get(reverse("portal:dashboard")).content.decode()
    assert f">{heading}</h2>" in html
    others = [other for _, other in ROLE_HEADINGS if other != heading]
    assert not [other for other in others if f">{other}</h2>" in html]
