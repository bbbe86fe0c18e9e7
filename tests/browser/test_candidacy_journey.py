"""A territory applies, gets its signatures, is selected and signs its participation agreement.

One journey across every side of the call for territories, on the demo data:

1. the applicant opens a hypothesis A candidacy for a structure created on the way, fills part
   of it, attaches a real PDF and leaves;
2. back on a second visit, they finish the criteria and invite the président, the prescriber
   and themself (the operator's representative) to sign;
3. each signer opens the link of their e-mail, reads the frozen dossier and signs it;
4. the applicant submits;
5. Ansa starts the review and asks a question;
6. the applicant answers, which resubmits the dossier;
7. Ansa selects it and notifies the season's decisions;
8. the applicant invites two colleagues to the structure, then, as directeur général, signs the
   participation agreement naming themself referent and the two colleagues participants;
9. one of those participants now reads the whole framework.

axe-core runs on every page visited: no serious or critical violation is accepted.
"""

import re
from functools import partial

from playwright.sync_api import expect

from tests.browser import journey
from tests.browser.journey import (  # noqa: F401  (fresh_rate_limits: an autouse fixture)
    DASHBOARD,
    LOGIN,
    field,
    fresh_rate_limits,
    h1,
    last_link,
    words,
)

MY_CANDIDACIES = "/candidatures/"
CALL = "/appel-a-territoires/"
SIGNATURE_LINK = "/candidatures/signature/"
STAFF_LIST = "/candidatures/instruction/"

APPLICANT = "candidat@essaim.test"
APPLICANT_NAME = "Aurélie Fontaine"
PRESIDENT = "president@essaim.test"
PRESCRIBER = "prescripteur@essaim.test"
ANSA = "ansa@essaim.test"
COLLEAGUES = ("lea.garnier@exemple.test", "yanis.morel@exemple.test")
COLLEAGUE_PASSWORD = "ruche-des-causses-2027"

STRUCTURE = "Ruche Emploi des Causses"
PRESCRIBING_BODY = "Communauté de communes Causses-Aigoual"
TERRITORY = "Pays des Causses"
SHEET = "Fiche 9 · La fidélisation des entreprises"
QUESTION = "Pouvez-vous préciser le nombre de personnes que la communauté de communes orientera ?"

SIGNERS = {
    "president": "Candidature — Président·e de la structure candidate",
    "prescriber": "Engagement territorial — Représentant·e de la collectivité prescriptrice",
    "operator": "Engagement territorial — Représentant·e de l'opérateur",
}

# The smallest file `filetype` recognises as a PDF: its magic bytes and a minimal body.
MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
)


# --- Moving around --------------------------------------------------------------------------

# axe-core checks every page this journey reaches.
submit = partial(journey.submit, accessible=True)
visit = partial(journey.visit, accessible=True)
log_in = partial(journey.log_in, accessible=True)
log_out = partial(journey.log_out, accessible=True)


def _choose(page, question: str, option: str) -> None:
    """Tick `option` in the radio group whose legend starts with `question`."""
    group = page.get_by_role("group", name=re.compile(rf"^{words(question)}"))
    group.get_by_label(option, exact=True).check()


def _success(page, text: str) -> None:
    expect(page.get_by_text(text).first).to_be_visible()


def _log_in_from_start(page, email: str, password: str | None = None) -> None:
    visit(page, LOGIN)
    assert log_in(page, email, password) == DASHBOARD


def _step(page, code: str):
    """The link to one step of the dossier, in its list of steps."""
    steps = page.get_by_role("navigation", name="Étapes du dossier")
    return steps.get_by_role("link", name=re.compile(rf"^{re.escape(code)}\b"))


def _open_sheet(page) -> None:
    """One sheet of the framework, reached from the framework's home."""
    assert visit(page, "/referentiel/") == "/referentiel/"
    submit(page, page.get_by_role("link", name=SHEET))
    expect(h1(page)).to_have_text(SHEET.split(" · ")[1])


def _resume(page) -> str:
    """From the applicant's list of candidacies, open the journey's dossier."""
    assert visit(page, MY_CANDIDACIES) == MY_CANDIDACIES
    link = page.get_by_role(
        "link", name=re.compile(rf"^(Reprendre|Voir) — {re.escape(STRUCTURE)},")
    )
    return submit(page, link)


# --- The steps of the journey ---------------------------------------------------------------


def _first_visit(page, evidence_pdf) -> str:
    """Open the candidacy with a new structure, fill identity, A1 with its accounts, A2."""
    _log_in_from_start(page, APPLICANT)
    assert visit(page, CALL) == CALL
    path = submit(page, page.get_by_role("link", name="Déposer une candidature"))
    assert path == "/candidatures/nouvelle/saison-2027/"
    # Passerelles Emploi Cévennes already has its 2027 dossier: this one is for a new structure.
    expect(page.get_by_text("Vous avez déjà une candidature pour cette saison")).to_be_visible()

    _choose(page, "Structure candidate", "Une structure qui n'est pas encore inscrite sur Essaim")
    field(page, "Nom de la structure").fill(STRUCTURE)
    _choose(page, "Type de structure", "Un opérateur (association, entreprise, régie…)")
    field(page, "Commune du siège").fill("Meyrueis")
    field(page, "Département du siège").fill("48")
    field(page, "Votre fonction dans la structure").select_option(label="Directeur·rice général·e")
    _choose(
        page,
        "Hypothèse de candidature",
        "Hypothèse A — un opérateur et sa collectivité prescriptrice",
    )
    field(page, "Territoire concerné").fill(TERRITORY)
    field(page, "Département du territoire").fill("48")
    field(page, "Collectivité prescriptrice").fill(PRESCRIBING_BODY)
    path = submit(page, page.get_by_role("button", name="Ouvrir la candidature"))
    dossier = path
    assert re.fullmatch(r"/candidatures/[0-9a-f-]{36}/", dossier), dossier
    expect(h1(page)).to_have_text(f"Candidature de {STRUCTURE}")
    _success(page, "Votre candidature est ouverte.")

    assert submit(page, _step(page, "Identité du dossier")) == f"{dossier}identite/"
    expect(field(page, "Territoire concerné")).to_have_value(TERRITORY)
    field(page, "Vos besoins et vos difficultés").fill(
        "Structurer nos contacts avec les employeurs et suivre les personnes dans l'emploi."
    )
    path = submit(page, page.get_by_role("button", name="Enregistrer et continuer"))
    assert path == f"{dossier}criteres/A1/"
    _success(page, "L'identité du dossier est enregistrée.")

    _choose(page, "Accompagnez-vous des personnes éloignées de l'emploi", "Oui")
    field(page, "Effectif salarié actuel, en équivalents temps plein (ETP)").fill("4,5")
    _choose(page, "Votre structure est-elle en déficit structurel ?", "Non")
    assert submit(page, page.get_by_role("button", name="Enregistrer", exact=True)) == path
    _success(page, "Vos réponses au critère A1 sont enregistrées. Pré-vérification : Rempli.")

    # The accounts, as a real PDF: its type is judged by its bytes.
    field(page, "Fichier").set_input_files(evidence_pdf)
    assert submit(page, page.get_by_role("button", name="Ajouter la pièce")) == path
    _success(page, "La pièce « comptes-2026.pdf » est ajoutée au dossier.")
    pieces = page.get_by_role("table", name="Pièces jointes à ce critère")
    expect(pieces.get_by_role("row", name=re.compile("comptes-2026.pdf"))).to_contain_text(
        "Derniers comptes annuels"
    )

    assert submit(page, _step(page, "A2")) == f"{dossier}criteres/A2/"
    _choose(page, "Votre feuille de route ou votre projet de structure", "Oui")
    _choose(page, "Les personnes que vous accompagnez sont-elles sans emploi ?", "Oui")
    field(page, "Qu'avez-vous déjà mené avec le service public de l'emploi ?").fill(
        "Une permanence partagée chaque semaine avec l'agence France Travail de Florac."
    )
    path = submit(page, page.get_by_role("button", name="Enregistrer et continuer"))
    assert path == f"{dossier}criteres/A3/"
    log_out(page)
    return dossier


def _second_visit(page, dossier: str, evidence_pdf) -> None:
    """Resume the dossier, answer A3 to A5 with the contract's extract, invite the signers."""
    _log_in_from_start(page, APPLICANT)
    assert _resume(page) == dossier
    # What the first visit saved: identity, A1 and A2 (a written answer, for Ansa to judge).
    expect(page.get_by_text("3 étapes remplies sur 7")).to_be_visible()

    assert submit(page, _step(page, "A3")) == f"{dossier}criteres/A3/"
    field(
        page,
        "Quelle place les entreprises tiennent-elles aujourd'hui dans votre accompagnement vers "
        "l'emploi, et quelle place voulez-vous leur donner ?",
    ).fill("Une chargée de relation entreprises rencontre vingt employeurs du causse chaque mois.")
    path = submit(page, page.get_by_role("button", name="Enregistrer et continuer"))
    assert path == f"{dossier}criteres/A4/"
    field(page, "En quoi la méthode d'A.CO.R s'accorde-t-elle avec votre plan d'action ?").fill(
        "Notre projet associatif fait du retour direct à l'emploi sa priorité pour 2027-2030."
    )
    _choose(page, "Votre conseil d'administration soutient-il", "Oui")
    path = submit(page, page.get_by_role("button", name="Enregistrer et continuer"))
    assert path == f"{dossier}criteres/A5/"
    _choose(
        page,
        "Le marché de la collectivité prescriptrice permet-il",
        "Le cahier des charges du prochain marché l'inscrira",
    )
    field(page, "Cadre opérationnel convenu avec la collectivité prescriptrice").fill(
        "La communauté de communes orientera vers nous les allocataires du RSA du territoire ; "
        "un comité trimestriel suivra les résultats."
    )
    field(page, "Début prévu de la transposition").fill("2027-09-01")
    field(page, "Fin prévue de la transposition").fill("2028-06-30")
    assert submit(page, page.get_by_role("button", name="Enregistrer", exact=True)) == path
    _success(page, "Vos réponses au critère A5 sont enregistrées.")
    field(page, "Fichier").set_input_files(evidence_pdf.with_name("extrait-marche.pdf"))
    assert submit(page, page.get_by_role("button", name="Ajouter la pièce")) == path
    _success(page, "La pièce « extrait-marche.pdf » est ajoutée au dossier.")

    signatories = f"{dossier}signataires/"
    assert submit(page, _step(page, "Signataires")) == signatories
    for key, name, email, organisation in (
        ("president", "Hélène Rouvier", PRESIDENT, STRUCTURE),
        ("prescriber", "Marc Dubreuil", PRESCRIBER, PRESCRIBING_BODY),
        # The applicant represents the operator: they invite themself.
        ("operator", APPLICANT_NAME, APPLICANT, STRUCTURE),
    ):
        line = page.get_by_role("region", name=SIGNERS[key])
        field(line, "Nom et prénom").fill(name)
        field(line, "Adresse électronique").fill(email)
        expect(field(line, "Organisme représenté")).to_have_value(organisation)
        button = line.get_by_role("button", name=re.compile("^Envoyer l'invitation à signer"))
        assert submit(page, button) == signatories
        _success(page, f"L'invitation à signer est envoyée à {email}.")
        expect(page.get_by_role("region", name=SIGNERS[key])).to_contain_text(
            "En attente de signature"
        )
    log_out(page)


def _sign(page, email: str) -> None:
    """The signer opens the link of their e-mail, logs in, reads the frozen dossier and signs."""
    link = last_link(SIGNATURE_LINK, email)
    visit(page, link)
    # The link shows nothing of the dossier until its holder logs in with the invited address.
    expect(page.get_by_text(TERRITORY)).to_have_count(0)
    submit(page, page.get_by_role("link", name="J'ai déjà un compte : me connecter"))
    assert log_in(page, email) == link
    expect(h1(page)).to_contain_text(f"de {STRUCTURE}")
    expect(page.get_by_text(TERRITORY).first).to_be_visible()
    expect(page.locator("#version-fingerprint")).to_have_text(re.compile(r"^[0-9a-f]{64}$"))
    page.get_by_role("checkbox", name=re.compile("^Je certifie avoir lu cette version")).check()
    assert submit(page, page.get_by_role("button", name="Signer", exact=True)) == link
    expect(page.get_by_text(re.compile(rf"^Vous avez signé .+ de {STRUCTURE}\."))).to_be_visible()


def _submit_dossier(page, dossier: str) -> None:
    assert submit(page, _step(page, "Relecture et dépôt")) == f"{dossier}relecture/"
    expect(page.get_by_text("Rien n'empêche le dépôt")).to_be_visible()
    path = submit(page, page.get_by_role("button", name="Déposer la candidature"))
    assert path == dossier
    _success(page, "Votre candidature est déposée.")
    expect(page.locator(".dossier-kicker__state")).to_have_text("État : Déposée")

    # Who signed which version: the three signatures seal the version submitted.
    link = page.get_by_role("link", name="Vérifier qui a signé quelle version")
    assert submit(page, link) == f"{dossier}verification/"
    signatures = page.get_by_role("table", name="Toutes les demandes de signature")
    expect(signatures.locator("tbody tr")).to_have_count(3)
    expect(
        signatures.locator("tbody tr").filter(has_text="Signée sur la version actuelle")
    ).to_have_count(3)


def _staff_dossier(page) -> str:
    """Ansa finds the dossier in the list of candidacies and opens it."""
    _log_in_from_start(page, ANSA)
    assert visit(page, STAFF_LIST) == STAFF_LIST
    listing = page.get_by_role("table")
    path = submit(page, listing.get_by_role("link", name=STRUCTURE, exact=True))
    assert re.fullmatch(r"/candidatures/instruction/[0-9a-f-]{36}/", path), path
    expect(h1(page)).to_have_text(STRUCTURE)
    return path


def _start_review(page, staff_dossier: str) -> None:
    button = page.get_by_role("button", name="Commencer l'instruction")
    assert submit(page, button) == staff_dossier
    _success(page, "Le dossier est en cours d'instruction.")


def _ansa_asks_a_question(page) -> None:
    staff_dossier = _staff_dossier(page)
    _start_review(page, staff_dossier)
    field(page, "Question posée au territoire").fill(QUESTION)
    button = page.get_by_role("button", name="Envoyer la demande de complément")
    assert submit(page, button) == staff_dossier
    _success(page, "La demande de complément est envoyée à la structure.")
    log_out(page)


def _applicant_answers(page, dossier: str) -> None:
    _log_in_from_start(page, APPLICANT)
    assert _resume(page) == dossier
    request = page.get_by_role("region", name="Ansa vous demande un complément")
    expect(request).to_contain_text(QUESTION)
    request.get_by_label(re.compile("^Votre réponse à la demande d'Ansa")).fill(
        "Quarante personnes par an, orientées par le service RSA de la communauté de communes."
    )
    button = request.get_by_role("button", name="Répondre et renvoyer le dossier")
    assert submit(page, button) == dossier
    _success(page, "Votre réponse est envoyée à Ansa avec le dossier complété.")
    expect(page.locator(".dossier-kicker__state")).to_have_text("État : Complétée")
    log_out(page)


def _ansa_selects(page) -> None:
    staff_dossier = _staff_dossier(page)
    _start_review(page, staff_dossier)
    field(page, "Décision").select_option(label="Retenue")
    button = page.get_by_role("button", name="Enregistrer la décision préparée")
    assert submit(page, button) == staff_dossier
    _success(page, "La décision est préparée.")
    path = submit(page, page.get_by_role("link", name="Voir les décisions de la saison"))
    assert path == "/candidatures/instruction/saison/saison-2027/decisions/"
    pending = page.get_by_role("region", name="Dossiers en attente de décision")
    expect(pending.get_by_role("row", name=re.compile(STRUCTURE))).to_contain_text(
        "Votre candidature est retenue pour la Saison 2027"
    )
    page.get_by_role("checkbox", name=re.compile("^J'ai relu les messages")).check()
    assert submit(page, page.get_by_role("button", name="Notifier les décisions")) == path
    _success(page, "1 décision est notifiée à la structure concernée.")
    notified = page.get_by_role("region", name="Décisions déjà notifiées")
    expect(notified.get_by_role("row", name=re.compile(STRUCTURE))).to_contain_text("Retenue")
    log_out(page)


def _invite_colleagues(page) -> None:
    """The applicant, who manages the new structure, invites two colleagues; each joins it."""
    _log_in_from_start(page, APPLICANT)
    structures = page.locator('section[aria-labelledby="panel-structures"]')
    structure_path = submit(page, structures.get_by_role("link", name=STRUCTURE, exact=True))
    assert re.fullmatch(r"/structures/\d+/", structure_path), structure_path
    for email in COLLEAGUES:
        path = submit(page, page.get_by_role("link", name="Inviter une personne"))
        assert path == f"{structure_path}inviter/"
        field(page, "Adresse électronique de la personne").fill(email)
        field(page, "Fonction dans la structure").select_option(label="Salarié·e")
        button = page.get_by_role("button", name="Envoyer l'invitation")
        assert submit(page, button) == structure_path
        _success(page, f"L'invitation est envoyée à {email}.")
    log_out(page)

    for email in COLLEAGUES:
        invitation = last_link("/structures/invitation/", email)
        visit(page, invitation)
        expect(h1(page)).to_have_text(f"Invitation à rejoindre {STRUCTURE}")
        assert submit(page, page.get_by_role("link", name="Créer mon compte")) == "/comptes/signup/"
        expect(field(page, "E-mail")).to_have_value(email)
        field(page, "Mot de passe").fill(COLLEAGUE_PASSWORD)
        field(page, "Mot de passe (confirmation)").fill(COLLEAGUE_PASSWORD)
        button = page.locator("main form").get_by_role("button", name="Création de compte")
        assert submit(page, button) == "/comptes/confirm-email/"
        visit(page, last_link("/comptes/confirm-email/", email))
        button = page.locator("main form").get_by_role("button", name="Confirmer")
        assert submit(page, button) == invitation
        button = page.get_by_role("button", name=f"Rejoindre {STRUCTURE}")
        assert submit(page, button) == structure_path
        members = page.locator('section[aria-labelledby="structure-members"] tbody')
        expect(members.locator("tr").filter(has_text=email)).to_contain_text("Salarié·e")
        # A member of a structure not yet in a season reads only the sheets' summaries.
        _open_sheet(page)
        expect(page.get_by_role("heading", name="Déroulé", exact=True)).to_have_count(0)
        log_out(page)


def _director_signs_the_agreement(page, dossier: str) -> None:
    """The applicant names themself directeur général, then signs from the e-mail's link."""
    _log_in_from_start(page, APPLICANT)
    assert _resume(page) == dossier
    expect(page.locator(".dossier-kicker__state")).to_have_text("État : Retenue")
    link = page.get_by_role("link", name="Faire signer la convention de participation")
    assert submit(page, link) == f"{dossier}convention/"
    field(page, "Nom et prénom du directeur ou de la directrice générale").fill(APPLICANT_NAME)
    field(page, "Son adresse électronique").fill(APPLICANT)
    assert submit(page, page.get_by_role("button", name="Envoyer la convention")) == (
        f"{dossier}convention/"
    )
    _success(page, f"La convention de participation est envoyée à {APPLICANT} pour signature.")

    link = last_link(SIGNATURE_LINK, APPLICANT)
    visit(page, link)
    expect(h1(page)).to_have_text(f"Convention de participation de {STRUCTURE}")
    referent = page.get_by_role("group", name=re.compile("^Référent·e de la structure"))
    referent.get_by_label(re.compile(rf"^{APPLICANT_NAME} — .+ \(vous\)$")).check()
    participants = page.get_by_role("group", name=re.compile("^Autres participant·es"))
    for email in COLLEAGUES:
        participants.get_by_label(re.compile(rf"^{re.escape(email)} — ")).check()
    page.get_by_role("checkbox", name=re.compile("^Je signe cette convention")).check()
    assert submit(page, page.get_by_role("button", name="Signer la convention")) == link
    expect(page.get_by_text(f"{STRUCTURE} rejoint Saison 2027.")).to_be_visible()
    people = page.locator("main ul").filter(has_text=APPLICANT_NAME)
    expect(people.locator("li")).to_have_count(3)
    expect(people.locator("li").nth(0)).to_contain_text(f"{APPLICANT_NAME} — Référent·e")
    for email in COLLEAGUES:
        expect(people.locator("li").filter(has_text=email)).to_contain_text("Participant·e")
    log_out(page)


def _participant_reads_the_whole_framework(page) -> None:
    _log_in_from_start(page, COLLEAGUES[0], COLLEAGUE_PASSWORD)
    _open_sheet(page)
    expect(page.get_by_role("heading", name="Déroulé", exact=True)).to_be_visible()


def test_territory_applies_is_selected_and_signs_its_agreement(page, demo_site, tmp_path):
    evidence_pdf = tmp_path / "comptes-2026.pdf"
    evidence_pdf.write_bytes(MINIMAL_PDF)
    (tmp_path / "extrait-marche.pdf").write_bytes(MINIMAL_PDF)

    # 1 and 2. Two visits to build the dossier and invite its three signers.
    dossier = _first_visit(page, evidence_pdf)
    _second_visit(page, dossier, evidence_pdf)

    # 3. Each signer reads the frozen dossier and signs it; the applicant signs last, for the
    # operator, and stays logged in to submit.
    for email in (PRESIDENT, PRESCRIBER):
        _sign(page, email)
        log_out(page)
    _sign(page, APPLICANT)

    # 4. Every signature is on the current version: the dossier can be submitted.
    visit(page, dossier)
    _submit_dossier(page, dossier)
    log_out(page)

    # 5 and 6. Ansa asks a question; the applicant answers, which resubmits the dossier.
    _ansa_asks_a_question(page)
    _applicant_answers(page, dossier)

    # 7. Ansa selects the dossier and notifies the season's decisions.
    _ansa_selects(page)

    # 8. Two colleagues join the structure; the directeur général signs the agreement.
    _invite_colleagues(page)
    _director_signs_the_agreement(page, dossier)

    # 9. The agreement opened the whole framework to the people it names.
    _participant_reads_the_whole_framework(page)
