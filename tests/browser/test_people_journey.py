"""People and trust in the browser: every demo account reaches its own dashboard, and a person
invited by e-mail joins a structure, sets up an authenticator app and logs in with its code.

axe-core runs on every page visited: no serious or critical violation is accepted. E-mails are
read from Django's locmem outbox, which the live server (a thread of this process) fills.
"""

import re
import time
from urllib.parse import urlparse

import pytest
from allauth.mfa.totp.internal.auth import hotp_value, yield_hotp_counters_from_time
from django.conf import settings
from django.core import mail
from django.core.cache import cache
from playwright.sync_api import expect

from portal.demo import DEMO_PEOPLE
from portal.roles import Role
from portal.structures.demo import TREMPLIN
from tests.browser.conftest import assert_accessible

LOGIN = "/comptes/login/"
DASHBOARD = "/mon-espace/"
TOTP_ACTIVATE = "/comptes/2fa/totp/activate/"
MFA_AUTHENTICATE = "/comptes/2fa/authenticate/"
TOTP_PERIOD = 30  # seconds, allauth's default MFA_TOTP_PERIOD

#: The heading of the panel each role finds on its dashboard.
ROLE_PANEL = {
    Role.ANSA: "Piloter le programme",
    Role.HEAD_OF_NETWORK: "Tête de réseau",
    Role.EXPERT: "Mes référents et mes séances",
    Role.REFERENT: "Ma structure dans la saison",
    Role.PARTICIPANT: "Ma formation-action",
    Role.APPLICANT: "Ma candidature",
    Role.COSIGNER: "Signatures demandées",
    Role.STEERING: "Suivi du programme",
    Role.EDITOR: "Contenus du site",
}


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    # allauth counts logins per address and IP in the cache the live server shares with us.
    cache.clear()
    yield
    cache.clear()


def _is_page_response(response) -> bool:
    return response.request.is_navigation_request() and not 300 <= response.status < 400


def _submit(page, button) -> str:
    """Click a button or link, wait for the page it leads to, and return that page's path."""
    with page.expect_response(_is_page_response) as answer:
        button.click()
    response = answer.value
    page.wait_for_url(response.url)
    assert response.status == 200, f"{response.url} answered {response.status}"
    return urlparse(page.url).path


def _open(page, url: str) -> str:
    response = page.goto(url)
    assert response is not None and response.status == 200, f"{url} answered {response.status}"
    return urlparse(page.url).path


def _single_h1_text(page) -> str:
    headings = page.locator("h1")
    expect(headings).to_have_count(1)
    return headings.inner_text().strip()


def _field(page, label: str):
    """The field whose label is `label`, marked « (obligatoire) » or not."""
    return page.get_by_label(re.compile(rf"^{re.escape(label)}( \(obligatoire\))?$"))


def _log_in(page, email: str, password: str) -> str:
    _field(page, "E-mail").fill(email)
    _field(page, "Mot de passe").fill(password)
    return _submit(page, page.locator("main form").get_by_role("button", name="Connexion"))


def _log_out(page) -> None:
    _submit(page, page.locator("header").get_by_role("button", name="Se déconnecter"))
    expect(page.locator("header").get_by_role("link", name="Se connecter")).to_have_count(1)


def _last_link(prefix: str, recipient: str) -> str:
    """The path of the last link starting with `prefix` e-mailed to `recipient`."""
    bodies = [message.body for message in mail.outbox if recipient in message.to]
    assert bodies, f"no e-mail was sent to {recipient}"
    match = re.search(rf"https?://[^/\s]+({re.escape(prefix)}\S+)", bodies[-1])
    assert match, f"no {prefix} link in the last e-mail to {recipient}:\n{bodies[-1]}"
    return match.group(1)


def _wait_for_next_totp_period() -> None:
    time.sleep(TOTP_PERIOD - time.time() % TOTP_PERIOD + 0.5)


def _totp_code(secret: str, *, used: str | None = None) -> str:
    """A code the server will still accept when the form reaches it, and not the `used` one."""
    while True:
        if TOTP_PERIOD - time.time() % TOTP_PERIOD < 3:
            _wait_for_next_totp_period()  # the code would expire on its way
        counter = next(iter(yield_hotp_counters_from_time()))
        code = f"{hotp_value(secret, counter):06d}"
        if code != used:
            return code
        _wait_for_next_totp_period()


def test_each_demo_account_lands_on_its_own_dashboard(page, demo_site):
    response = page.goto(LOGIN)
    assert response is not None and response.status == 200
    assert_accessible(page)

    for person in DEMO_PEOPLE:
        page.context.clear_cookies()  # a new visitor: no session left by the previous account
        _open(page, LOGIN)
        path = _log_in(page, person.email, settings.ESSAIM_DEMO_PASSWORD)

        assert path == DASHBOARD, f"{person.email} landed on {path}"
        assert _single_h1_text(page) == "Mon espace"
        panel = page.get_by_role("heading", level=2, name=ROLE_PANEL[person.role], exact=True)
        expect(panel, f"{person.email} has no « {ROLE_PANEL[person.role]} » panel").to_be_visible()
        assert_accessible(page)


def test_invited_person_joins_a_structure_sets_up_totp_and_logs_in_with_a_code(page, demo_site):
    invited = "camille.durand@exemple.test"
    password = "ruche-des-coteaux-2027"

    # 1. The referent, who manages their structure, invites a new person.
    _open(page, LOGIN)
    assert_accessible(page)
    assert _log_in(page, "referent1@essaim.test", settings.ESSAIM_DEMO_PASSWORD) == DASHBOARD
    path = _submit(page, page.get_by_role("link", name=TREMPLIN, exact=True))
    assert re.fullmatch(r"/structures/\d+/", path), path
    structure_path = path
    assert _single_h1_text(page) == TREMPLIN
    assert_accessible(page)

    path = _submit(page, page.get_by_role("link", name="Inviter une personne"))
    assert path == f"{structure_path}inviter/"
    assert_accessible(page)
    _field(page, "Adresse électronique de la personne").fill(invited)
    _field(page, "Fonction dans la structure").select_option(label="Salarié·e")
    assert _submit(page, page.get_by_role("button", name="Envoyer l'invitation")) == structure_path
    expect(page.get_by_text(f"L'invitation est envoyée à {invited}.")).to_be_visible()
    assert_accessible(page)
    _log_out(page)

    # 2. The invited person opens the link of the e-mail and creates an account.
    invitation_link = _last_link("/structures/invitation/", invited)
    _open(page, invitation_link)
    assert _single_h1_text(page) == f"Invitation à rejoindre {TREMPLIN}"
    assert_accessible(page)

    path = _submit(page, page.get_by_role("link", name="Créer mon compte"))
    assert path == "/comptes/signup/"
    expect(_field(page, "E-mail")).to_have_value(invited)
    assert_accessible(page)
    _field(page, "Mot de passe").fill(password)
    _field(page, "Mot de passe (confirmation)").fill(password)
    path = _submit(page, page.locator("main form").get_by_role("button", name="Création de compte"))
    assert path == "/comptes/confirm-email/"
    assert_accessible(page)

    # 3. The verification link of the second e-mail confirms the address.
    _open(page, _last_link("/comptes/confirm-email/", invited))
    assert_accessible(page)
    path = _submit(page, page.locator("main form").get_by_role("button", name="Confirmer"))

    # 4. Logged in, the person is back on the invitation: joining takes one click.
    assert path == invitation_link
    assert _single_h1_text(page) == f"Invitation à rejoindre {TREMPLIN}"
    assert_accessible(page)
    path = _submit(page, page.get_by_role("button", name=f"Rejoindre {TREMPLIN}"))
    assert path == structure_path
    expect(page.get_by_text("Vous faites désormais partie de la structure")).to_contain_text(
        TREMPLIN
    )
    members = page.locator('section[aria-labelledby="structure-members"] tbody')
    expect(members.locator("tr").filter(has_text=invited)).to_contain_text("Salarié·e")
    assert_accessible(page)

    # 5. An authenticator app, set up with the secret the page shows.
    assert _open(page, "/mon-compte/") == "/mon-compte/"
    assert_accessible(page)
    path = _submit(page, page.get_by_role("link", name="Double authentification"))
    assert path == "/comptes/2fa/"
    assert_accessible(page)
    path = _submit(page, page.locator("main").get_by_role("link", name="Activer"))
    # Signing up is no proof of knowing the password: allauth asks for it before a new factor.
    assert path == "/comptes/reauthenticate/"
    assert_accessible(page)
    _field(page, "Mot de passe").fill(password)
    path = _submit(page, page.locator("main form").get_by_role("button", name="Confirmer"))
    assert path == TOTP_ACTIVATE
    assert_accessible(page)
    secret = page.locator("#authenticator_secret").input_value()
    assert re.fullmatch(r"[A-Z2-7]{16,}", secret), secret
    activation_code = _totp_code(secret)
    _field(page, "Code de l'authentificateur").fill(activation_code)
    path = _submit(page, page.locator("main form").get_by_role("button", name="Activer"))
    # The app is active; allauth then shows the recovery codes it has just generated.
    assert path == "/comptes/2fa/recovery-codes/"
    expect(page.get_by_text("Application d'authentification activée.")).to_be_visible()
    assert_accessible(page)
    _log_out(page)

    # 6. From now on, the password is not enough: the app's code is asked for.
    _open(page, LOGIN)
    assert _log_in(page, invited, password) == MFA_AUTHENTICATE
    assert_accessible(page)
    # allauth refuses a code used once already: wait for the next one if need be.
    _field(page, "Code").fill(_totp_code(secret, used=activation_code))
    path = _submit(page, page.locator("main form").get_by_role("button", name="Connexion"))
    assert path == DASHBOARD
    assert _single_h1_text(page) == "Mon espace"
    panel = page.get_by_role("heading", level=2, name="Mes structures", exact=True)
    expect(panel).to_be_visible()
    expect(page.locator('section[aria-labelledby="panel-structures"]')).to_contain_text(TREMPLIN)
    assert_accessible(page)
