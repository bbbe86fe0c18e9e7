"""People and trust in the browser: every demo account reaches its own dashboard, and a person
invited by e-mail joins a structure, sets up an authenticator app and logs in with its code.

axe-core runs on every page visited: no serious or critical violation is accepted.
"""

import re
import time

from allauth.mfa.totp.internal.auth import hotp_value, yield_hotp_counters_from_time
from playwright.sync_api import expect

from portal.demo import DEMO_PEOPLE
from portal.roles import Role
from portal.structures.demo import TREMPLIN
from tests.browser.conftest import assert_accessible
from tests.browser.journey import (  # noqa: F401  (fresh_rate_limits: an autouse fixture)
    DASHBOARD,
    LOGIN,
    field,
    fresh_rate_limits,
    h1_text,
    last_link,
    log_in,
    log_out,
    submit,
    visit,
)

TOTP_ACTIVATE = "/comptes/2fa/totp/activate/"
MFA_AUTHENTICATE = "/comptes/2fa/authenticate/"
TOTP_PERIOD = 30  # seconds, allauth's default MFA_TOTP_PERIOD

#: The heading of the panel each role finds on its dashboard.
ROLE_PANEL = {
    Role.ANSA: "Piloter le programme",
    Role.HEAD_OF_NETWORK: "Tête de réseau",
    Role.EXPERT: "Mes référents et mes séances",
    Role.REFERENT: "Ma structure dans la saison",
    Role.PARTICIPANT: "Participer à la saison",
    Role.APPLICANT: "Ma candidature",
    Role.COSIGNER: "Signatures demandées",
    Role.STEERING: "Suivi du programme",
    Role.EDITOR: "Contenus du site",
}


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
    visit(page, LOGIN)
    assert_accessible(page)

    for person in DEMO_PEOPLE:
        page.context.clear_cookies()  # a new visitor: no session left by the previous account
        visit(page, LOGIN)
        path = log_in(page, person.email)

        assert path == DASHBOARD, f"{person.email} landed on {path}"
        assert h1_text(page) == "Mon espace"
        panel = page.get_by_role("heading", level=2, name=ROLE_PANEL[person.role], exact=True)
        expect(panel, f"{person.email} has no « {ROLE_PANEL[person.role]} » panel").to_be_visible()
        assert_accessible(page)


def test_invited_person_joins_a_structure_sets_up_totp_and_logs_in_with_a_code(page, demo_site):
    invited = "camille.durand@exemple.test"
    password = "ruche-des-coteaux-2027"

    # 1. The referent, who manages their structure, invites a new person.
    visit(page, LOGIN)
    assert_accessible(page)
    assert log_in(page, "referent1@essaim.test") == DASHBOARD
    path = submit(page, page.get_by_role("link", name=TREMPLIN, exact=True))
    assert re.fullmatch(r"/structures/\d+/", path), path
    structure_path = path
    assert h1_text(page) == TREMPLIN
    assert_accessible(page)

    path = submit(page, page.get_by_role("link", name="Inviter une personne"))
    assert path == f"{structure_path}inviter/"
    assert_accessible(page)
    field(page, "Adresse électronique de la personne").fill(invited)
    field(page, "Fonction dans la structure").select_option(label="Salarié·e")
    assert submit(page, page.get_by_role("button", name="Envoyer l'invitation")) == structure_path
    expect(page.get_by_text(f"L'invitation est envoyée à {invited}.")).to_be_visible()
    assert_accessible(page)
    log_out(page)

    # 2. The invited person opens the link of the e-mail and creates an account.
    invitation_link = last_link("/structures/invitation/", invited)
    visit(page, invitation_link)
    assert h1_text(page) == f"Invitation à rejoindre {TREMPLIN}"
    assert_accessible(page)

    path = submit(page, page.get_by_role("link", name="Créer mon compte"))
    assert path == "/comptes/signup/"
    expect(field(page, "E-mail")).to_have_value(invited)
    assert_accessible(page)
    field(page, "Mot de passe").fill(password)
    field(page, "Mot de passe (confirmation)").fill(password)
    path = submit(page, page.locator("main form").get_by_role("button", name="Création de compte"))
    assert path == "/comptes/confirm-email/"
    assert_accessible(page)

    # 3. The verification link of the second e-mail confirms the address.
    visit(page, last_link("/comptes/confirm-email/", invited))
    assert_accessible(page)
    path = submit(page, page.locator("main form").get_by_role("button", name="Confirmer"))

    # 4. Logged in, the person is back on the invitation: joining takes one click.
    assert path == invitation_link
    assert h1_text(page) == f"Invitation à rejoindre {TREMPLIN}"
    assert_accessible(page)
    path = submit(page, page.get_by_role("button", name=f"Rejoindre {TREMPLIN}"))
    assert path == structure_path
    expect(page.get_by_text("Vous faites désormais partie de la structure")).to_contain_text(
        TREMPLIN
    )
    members = page.locator('section[aria-labelledby="structure-members"] tbody')
    expect(members.locator("tr").filter(has_text=invited)).to_contain_text("Salarié·e")
    assert_accessible(page)

    # 5. An authenticator app, set up with the secret the page shows.
    assert visit(page, "/mon-compte/") == "/mon-compte/"
    assert_accessible(page)
    path = submit(page, page.get_by_role("link", name="Double authentification"))
    assert path == "/comptes/2fa/"
    assert_accessible(page)
    path = submit(page, page.locator("main").get_by_role("link", name="Activer"))
    # Signing up is no proof of knowing the password: allauth asks for it before a new factor.
    assert path == "/comptes/reauthenticate/"
    assert_accessible(page)
    field(page, "Mot de passe").fill(password)
    path = submit(page, page.locator("main form").get_by_role("button", name="Confirmer"))
    assert path == TOTP_ACTIVATE
    assert_accessible(page)
    secret = page.locator("#authenticator_secret").input_value()
    assert re.fullmatch(r"[A-Z2-7]{16,}", secret), secret
    activation_code = _totp_code(secret)
    field(page, "Code de l'authentificateur").fill(activation_code)
    path = submit(page, page.locator("main form").get_by_role("button", name="Activer"))
    # The app is active; allauth then shows the recovery codes it has just generated.
    assert path == "/comptes/2fa/recovery-codes/"
    expect(page.get_by_text("Application d'authentification activée.")).to_be_visible()
    assert_accessible(page)
    log_out(page)

    # 6. From now on, the password is not enough: the app's code is asked for.
    visit(page, LOGIN)
    assert log_in(page, invited, password) == MFA_AUTHENTICATE
    assert_accessible(page)
    # allauth refuses a code used once already: wait for the next one if need be.
    field(page, "Code").fill(_totp_code(secret, used=activation_code))
    path = submit(page, page.locator("main form").get_by_role("button", name="Connexion"))
    assert path == DASHBOARD
    assert h1_text(page) == "Mon espace"
    panel = page.get_by_role("heading", level=2, name="Mes structures", exact=True)
    expect(panel).to_be_visible()
    expect(page.locator('section[aria-labelledby="panel-structures"]')).to_contain_text(TREMPLIN)
    assert_accessible(page)
