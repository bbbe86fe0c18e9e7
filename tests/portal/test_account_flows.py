"""Accounts through allauth: sign-up with verification, login, throttling, second factors."""

import re

import pytest
from allauth.mfa.totp.internal.auth import (
    TOTP,
    generate_totp_secret,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.core import mail
from django.core.cache import cache

from portal.roles import Role
from tests.portal.factories import PASSWORD, UserFactory

LOGIN = "/comptes/login/"


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


def verified_user(**kwargs):
    from allauth.account.models import EmailAddress

    user = UserFactory(**kwargs)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def log_in(client, email, password=PASSWORD):
    return client.post(LOGIN, {"login": email, "password": password})


@pytest.mark.django_db
def test_signup_requires_email_verification_then_logs_in(client, home):
    response = client.post(
        "/comptes/signup/",
        {
            "email": "nouvelle@essaim.test",
            "password1": "une-phrase-de-passe-solide",
            "password2": "une-phrase-de-passe-solide",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/comptes/confirm-email/"
    assert "_auth_user_id" not in client.session

    (message,) = mail.outbox
    assert message.to == ["nouvelle@essaim.test"]
    assert message.subject.startswith("[Essaim]")
    link = re.search(r"https?://[^/\s]+(/comptes/confirm-email/[^\s]+)", message.body).group(1)

    client.get(link)
    response = client.post(link)

    assert response.status_code == 302
    assert client.get("/mon-espace/").status_code == 200


@pytest.mark.django_db
def test_unverified_address_cannot_log_in(client, home):
    UserFactory(email="pas-verifiee@essaim.test")
    response = log_in(client, "pas-verifiee@essaim.test")
    assert response["Location"] == "/comptes/confirm-email/"
    assert client.get("/mon-espace/").status_code == 302


@pytest.mark.django_db
def test_login_lands_on_the_personal_dashboard(client, home):
    user = verified_user()
    response = log_in(client, user.email)
    assert response.status_code == 302
    assert response["Location"] == "/mon-espace/"


@pytest.mark.django_db
def test_repeated_failed_logins_are_throttled_with_a_french_message(client, home):
    user = verified_user()
    for _ in range(5):
        response = log_in(client, user.email, "mauvais-mot-de-passe")
        assert "Trop de tentatives" not in response.content.decode()
    response = log_in(client, user.email, "mauvais-mot-de-passe")
    assert "Trop de tentatives de connexion ont échoué" in response.content.decode()
    # Even the right password is refused while throttled.
    response = log_in(client, user.email)
    assert response.status_code == 200
    assert client.get("/mon-espace/").status_code == 302


@pytest.mark.django_db
def test_repeated_password_resets_are_throttled(client, home):
    user = verified_user()
    statuses = [
        client.post("/comptes/password/reset/", {"email": user.email}).status_code for _ in range(6)
    ]
    assert statuses[:3] == [302, 302, 302]
    assert statuses[-1] == 429
    response = client.post("/comptes/password/reset/", {"email": user.email})
    assert "Trop de tentatives" in response.content.decode()


@pytest.mark.django_db
def test_admin_login_goes_through_allauth(client, home):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/comptes/login/?next=")


def totp_code(secret: str) -> str:
    counter = next(iter(yield_hotp_counters_from_time()))
    return f"{hotp_value(secret, counter):06d}"


@pytest.mark.django_db
class TestStaffMFA:
    def staff(self, client):
        from django.contrib.auth.models import Group, Permission

        user = verified_user(roles=[Role.ANSA])
        Group.objects.get(name=Role.ANSA.value).permissions.add(
            Permission.objects.get(codename="access_admin")
        )
        client.force_login(user)
        return user

    def test_staff_without_mfa_cannot_reach_the_admin_when_required(self, client, home, settings):
        settings.ESSAIM_STAFF_MFA = "required"
        self.staff(client)
        response = client.get("/admin/")
        assert response.status_code == 302
        assert response["Location"] == "/comptes/2fa/totp/activate/"

    def test_staff_with_mfa_reaches_the_admin_when_required(self, client, home, settings):
        settings.ESSAIM_STAFF_MFA = "required"
        user = self.staff(client)
        TOTP.activate(user, generate_totp_secret())
        assert client.get("/admin/").status_code == 200

    def test_staff_reaches_the_admin_without_mfa_when_optional(self, client, home, settings):
        settings.ESSAIM_STAFF_MFA = "optional"
        self.staff(client)
        assert client.get("/admin/").status_code == 200

    def test_staff_without_mfa_reach_no_page_behind_a_login_but_their_account_pages(
        self, client, home, settings
    ):
        settings.ESSAIM_STAFF_MFA = "required"
        self.staff(client)
        for url in ("/mon-espace/", "/structures/nouvelle/", "/journal/", "/en/mon-espace/"):
            response = client.get(url)
            assert response.status_code == 302, url
            assert response["Location"].endswith("/comptes/2fa/totp/activate/"), url
        # allauth asks for the password again before a second factor is added: no loop.
        response = client.get("/comptes/2fa/totp/activate/")
        assert response["Location"].startswith("/comptes/reauthenticate/")
        assert client.get(response["Location"]).status_code == 200
        assert client.get("/comptes/email/").status_code == 200
        assert client.get("/").status_code == 200

    def test_other_roles_are_not_forced(self, client, home, settings):
        settings.ESSAIM_STAFF_MFA = "required"
        client.force_login(verified_user(roles=[Role.EXPERT]))
        assert client.get("/mon-espace/").status_code == 200

    def test_login_with_totp_asks_for_the_code(self, client, home):
        user = verified_user()
        secret = generate_totp_secret()
        TOTP.activate(user, secret)

        response = log_in(client, user.email)
        assert response["Location"] == "/comptes/2fa/authenticate/"
        assert client.get("/mon-espace/").status_code == 302

        response = client.post("/comptes/2fa/authenticate/", {"code": totp_code(secret)})
        assert response.status_code == 302
        assert client.get("/mon-espace/").status_code == 200


@pytest.mark.django_db
def test_opt_in_login_code_by_email(client, home):
    user = verified_user(login_code_by_email=True)

    response = log_in(client, user.email)

    assert response["Location"] == "/comptes/login/code/confirm/"
    assert client.get("/mon-espace/").status_code == 302
    code = re.search(r"\b([A-Z0-9]{4}-[A-Z0-9]{4})\b", mail.outbox[-1].body).group(1)
    response = client.post("/comptes/login/code/confirm/", {"code": code})
    assert response.status_code == 302
    assert client.get("/mon-espace/").status_code == 200


@pytest.mark.django_db
def test_repeated_signups_from_one_address_are_throttled(client, home):
    statuses = [
        client.post(
            "/comptes/signup/",
            {"email": f"personne{n}@essaim.test", "password1": "x", "password2": "x"},
        ).status_code
        for n in range(11)
    ]
    assert 429 not in statuses[:10]
    assert statuses[-1] == 429
