"""Who may open which URL. Every protected URL of Essaim has its row here."""

import pytest
from django.urls import reverse

from portal.roles import Role
from tests.portal.factories import UserFactory

PUBLIC_URLS = ["/", "/en/", "/recherche/?q=essaim", "/sante/"]

ANONYMOUS = "anonymous"
ALL_ROLES = [ANONYMOUS, *Role]

# URL name -> roles that get the page (the others get a redirect to log in or a 403).
PROTECTED = {
    "portal:dashboard": set(Role),
    "wagtailadmin_home": {Role.EDITOR, Role.ANSA, Role.HEAD_OF_NETWORK},
}


def login_as(client, role):
    if role == ANONYMOUS:
        return None
    user = UserFactory(roles=[role])
    if role in PROTECTED["wagtailadmin_home"]:
        from django.contrib.auth.models import Group, Permission

        group = Group.objects.get(name=role.value)
        group.permissions.add(
            Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
        )
    client.force_login(user)
    return user


@pytest.mark.django_db
@pytest.mark.parametrize("role", ALL_ROLES)
@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_public_urls_open_to_everyone(client, home, role, url):
    login_as(client, role)
    assert client.get(url).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/comptes/login/", "/comptes/signup/", "/comptes/password/reset/"])
def test_account_pages_open_to_anonymous_visitors(client, home, url):
    assert client.get(url).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("role", ALL_ROLES)
@pytest.mark.parametrize("name", PROTECTED)
def test_protected_urls(client, home, role, name):
    login_as(client, role)
    url = reverse(name)
    response = client.get(url)
    if role != ANONYMOUS and role in PROTECTED[name]:
        assert response.status_code == 200
    elif role == ANONYMOUS:
        assert response.status_code == 302
        assert response["Location"].startswith(f"{reverse('account_login')}?next=")
    else:
        # Wagtail sends people without admin access back to the site with a message.
        assert response.status_code in (302, 403)
