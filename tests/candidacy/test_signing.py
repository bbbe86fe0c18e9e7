"""The signers' personal link: the frozen dossier, signing one exact version, declining, and
the participation agreement that turns a selected candidacy into a swarmed structure."""

import re
from urllib.parse import urlencode

import pytest
from django.core import mail, signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from candidacy import services
from candidacy.criteria import SignatureAct, SignerRole
from candidacy.models import CandidacyState, SignatureStatus
from candidacy.views.signing import SIGNATURE_METHOD, mask_email
from curriculum.permissions import can_view_full_framework
from modules.models import SeasonRole, SwarmedMember, SwarmedStructure
from portal.enums import MembershipRole
from portal.models import User
from tests.candidacy.factories import CandidacyFactory
from tests.helpers import count_queries
from tests.portal.factories import UserFactory
from tests.portal.structure_factories import MembershipFactory, page_text

pytestmark = pytest.mark.django_db

NBSP = "\u00a0"
LINK = re.compile(r"https?://\S+?(/candidatures/signature/[^/\s]+/)")
PRESIDENT_EMAIL = "paule.martin@tremplin-bearn.fr"


@pytest.fixture
def candidacy():
    """A complete draft of hypothesis A, with an applicant of the structure."""
    return CandidacyFactory(
        complete=True,
        with_applicant=True,
        structure__name="Association Tremplin Béarn",
        needs="Mieux connaître les employeurs de la zone de Lacq.",
    )


@pytest.fixture
def president():
    return UserFactory(email=PRESIDENT_EMAIL, first_name="Paule", last_name="Martin")


@pytest.fixture
def invite(django_capture_on_commit_callbacks):
    """Invite a signer the way the applicant does; the invitation e-mail leaves at commit."""

    def invite(candidacy, *, act=SignatureAct.CANDIDACY, role=SignerRole.PRESIDENT, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return services.signature_invite(
                actor=candidacy.applicant,
                candidacy=candidacy,
                act=act,
                signer_role=role,
                full_name=kwargs.pop("full_name", "Paule Martin"),
                email=kwargs.pop("email", PRESIDENT_EMAIL),
                organisation=kwargs.pop("organisation", candidacy.structure.name),
            )

    return invite


def sign_url(request) -> str:
    return reverse("candidacy:sign", kwargs={"token": services.signature_token(request)})


def link_in(message) -> str:
    return LINK.search(message.body).group(1)


def add_evidence(candidacy):
    pdf = SimpleUploadedFile("comptes-2026.pdf", b"%PDF-1.4\n% comptes annuels\n%%EOF\n")
    candidacy.refresh_from_db()
    return services.evidence_add(
        actor=candidacy.applicant,
        candidacy=candidacy,
        version=candidacy.version,
        code="A1",
        kind="annual_accounts",
        uploaded=pdf,
    )


def seen_hash(response) -> str:
    return re.search(r'name="seen_hash" value="([0-9a-f]{64})"', response.content.decode()).group(1)


# The invitation e-mail


def test_invitation_email_carries_the_link_and_the_structure_in_french(candidacy, invite):
    request = invite(candidacy)

    (message,) = mail.outbox
    assert message.to == [PRESIDENT_EMAIL]
    assert "Association Tremplin Béarn" in message.subject
    path = link_in(message)
    assert services.signature_from_token(path.rstrip("/").rsplit("/", 1)[1]) == request
    html = message.alternatives[0][0]
    for body in (message.body, html):
        assert "Association Tremplin Béarn" in body
        assert path in body
        assert "Bonjour Paule Martin" in body
        assert f"l'acte «{NBSP}Candidature{NBSP}»" in body.replace("&#x27;", "'")
        assert "président·e de la structure candidate" in body
    assert "Lire le dossier et signer" in html


# Links that do not work


def test_forged_or_unknown_token_shows_invalid_link_page(client, candidacy, invite):
    request = invite(candidacy)
    forged = signing.dumps({"id": request.pk, "nonce": str(request.nonce)}, salt="autre-chose")
    for token in ("n-importe-quoi", forged):
        response = client.get(reverse("candidacy:sign", kwargs={"token": token}))
        assert response.status_code == 404
        text = page_text(response)
        assert "Le lien est invalide, expiré ou remplacé." in text
        assert "Tremplin" not in text


def test_replaced_link_no_longer_works(client, candidacy, invite, president):
    first = invite(candidacy)
    old_url = sign_url(first)
    second = invite(candidacy, email="paule@autre-adresse.fr")
    client.force_login(president)

    response = client.get(old_url)

    # Re-inviting revokes the first request: its link says so and shows nothing of the dossier.
    assert response.status_code == 410
    assert "a retiré cette demande de signature" in page_text(response)
    assert "Lacq" not in page_text(response)
    assert sign_url(second) != old_url


def test_expired_link_is_invalid(client, candidacy, invite, monkeypatch):
    request = invite(candidacy)
    url = sign_url(request)
    monkeypatch.setattr(services, "SIGNATURE_VALIDITY", -1)
    assert client.get(url).status_code == 404


# Who may see the dossier


def test_anonymous_visitor_learns_who_asks_what_but_not_the_dossier(client, candidacy, invite):
    request = invite(candidacy)

    response = client.get(sign_url(request))

    assert response.status_code == 200
    text = page_text(response)
    assert "Signer la candidature de Association Tremplin Béarn" in text
    assert f"{candidacy.applicant.get_full_name()} vous demande de signer" in text
    assert "p***@tremplin-bearn.fr" in text
    assert PRESIDENT_EMAIL not in response.content.decode()
    # No answer, no territory detail, no fingerprint before logging in with the right account.
    for secret in ("Lacq", "France Travail", "employeurs", services.content_hash(candidacy)):
        assert secret not in text
    next_query = urlencode({"next": sign_url(request)})
    assert f'href="{reverse("account_login")}?{next_query}"' in response.content.decode()
    assert f'href="{reverse("account_signup")}?{next_query}"' in response.content.decode()


def test_anonymous_post_goes_to_login_and_signs_nothing(client, candidacy, invite):
    request = invite(candidacy)
    response = client.post(sign_url(request), {"action": "sign", "consent": "on"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    request.refresh_from_db()
    assert request.status == SignatureStatus.PENDING


def test_wrong_account_gets_403_without_the_dossier(client, candidacy, invite):
    request = invite(candidacy)
    client.force_login(UserFactory(email="quelquun@ailleurs.fr"))

    response = client.get(sign_url(request))

    assert response.status_code == 403
    text = page_text(response)
    assert "destinée à une autre personne" in text
    assert "p***@tremplin-bearn.fr" in text
    assert "Lacq" not in text
    assert "France Travail" not in text
    response = client.post(
        sign_url(request), {"action": "sign", "consent": "on", "seen_hash": "x" * 64}
    )
    assert response.status_code == 403
    request.refresh_from_db()
    assert request.status == SignatureStatus.PENDING


def test_submitted_candidacy_can_no_longer_be_signed(client, candidacy, invite, president):
    request = invite(candidacy)
    candidacy.state = CandidacyState.SUBMITTED
    candidacy.save()
    client.force_login(president)

    response = client.get(sign_url(request))

    assert response.status_code == 409
    assert "ne peut plus être signée" in page_text(response)
    assert "Lacq" not in page_text(response)


def test_agreement_link_before_selection_is_not_available(client, candidacy, president):
    # An agreement request kept from a selection later undone.
    request = candidacy.signatures.create(
        act=SignatureAct.AGREEMENT,
        signer_role=SignerRole.DIRECTOR_GENERAL,
        full_name="Paule Martin",
        email=PRESIDENT_EMAIL,
        organisation=candidacy.structure.name,
    )
    client.force_login(president)
    response = client.get(sign_url(request))
    assert response.status_code == 409
    assert "La convention n'est pas disponible" in page_text(response)


def test_mask_email_keeps_the_first_letter_and_the_domain():
    assert mask_email("paule.martin@ville.fr") == "p***@ville.fr"
    assert mask_email("sans-arobase") == "***"


# Signing the candidacy


def test_signer_reads_the_frozen_dossier_in_french(client, candidacy, invite, president):
    add_evidence(candidacy)
    request = invite(candidacy)
    client.force_login(president)

    response = client.get(sign_url(request))

    assert response.status_code == 200
    text = page_text(response)
    candidacy.refresh_from_db()
    digest = services.content_hash(candidacy)
    assert digest in text
    assert seen_hash(response) == digest
    assert "Association Tremplin Béarn" in text
    assert "Communauté de communes de Lacq-Orthez" in text
    assert "Département des Pyrénées-Atlantiques" in text
    assert "Mieux connaître les employeurs de la zone de Lacq." in text
    assert "Critère A1 : Un modèle économique et une organisation solides" in text
    assert "Effectif salarié actuel, en équivalents temps plein (ETP) 4,5" in text
    assert "Votre structure est-elle en déficit structurel ? Non" in text
    assert "Début prévu de la transposition 4 janvier 2027" in text
    assert "Le marché en cours autorise déjà ce changement de pratique" in text
    evidence = candidacy.evidence.get()
    assert (
        f"Derniers comptes annuels : comptes-2026.pdf Empreinte SHA-256 : {evidence.sha256}" in text
    )
    assert "Je certifie avoir lu cette version et je la signe en qualité de président·e" in text


def test_dossier_page_queries_do_not_grow_with_the_evidence(client, candidacy, invite, president):
    add_evidence(candidacy)
    request = invite(candidacy)
    client.force_login(president)
    url = sign_url(request)
    with_one = count_queries(client, url)
    add_evidence(candidacy)
    add_evidence(candidacy)

    assert count_queries(client, url) == with_one


def test_signer_signs_the_version_they_saw(client, candidacy, invite, president):
    request = invite(candidacy)
    client.force_login(president)
    url = sign_url(request)
    digest = seen_hash(client.get(url))

    response = client.post(url, {"action": "sign", "consent": "on", "seen_hash": digest})

    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == SignatureStatus.SIGNED
    assert request.signed_by == president
    assert request.content_hash == digest
    assert request.snapshot == services.snapshot(candidacy)
    assert request.method == SIGNATURE_METHOD
    assert request.answered_at is not None
    assert services.signatures_on_current_version(candidacy) == {
        (SignatureAct.CANDIDACY, SignerRole.PRESIDENT): request
    }
    # The confirmation gives the facts; the signer is no applicant, so no verification link.
    confirmation = client.get(url)
    assert confirmation.status_code == 200
    text = page_text(confirmation)
    assert "Votre signature est enregistrée" in text
    assert digest in text
    assert "(heure de Paris)" in text
    assert SIGNATURE_METHOD.replace(NBSP, " ") in text
    verification = reverse("candidacy:verification", kwargs={"reference": candidacy.reference})
    assert verification not in confirmation.content.decode()


def test_signer_who_is_also_an_applicant_gets_the_verification_link(client, candidacy, invite):
    MembershipFactory(
        structure=candidacy.structure,
        user__email=PRESIDENT_EMAIL,
        role=MembershipRole.PRESIDENT,
    )
    request = invite(candidacy)
    signer = User.objects.get(email=PRESIDENT_EMAIL)
    client.force_login(signer)
    url = sign_url(request)
    client.post(url, {"action": "sign", "consent": "on", "seen_hash": seen_hash(client.get(url))})

    confirmation = client.get(url)

    verification = reverse("candidacy:verification", kwargs={"reference": candidacy.reference})
    assert f'href="{verification}"' in confirmation.content.decode()


def test_signing_requires_the_consent_box(client, candidacy, invite, president):
    request = invite(candidacy)
    client.force_login(president)
    url = sign_url(request)

    response = client.post(url, {"action": "sign", "seen_hash": seen_hash(client.get(url))})

    assert response.status_code == 200
    text = page_text(response)
    assert "Le formulaire contient des erreurs" in text
    assert "Cochez la case pour signer cette version du dossier." in text
    assert 'aria-invalid="true"' in response.content.decode()
    request.refresh_from_db()
    assert request.status == SignatureStatus.PENDING


def test_change_between_reading_and_signing_is_refused(client, candidacy, invite, president):
    request = invite(candidacy)
    client.force_login(president)
    url = sign_url(request)
    old_digest = seen_hash(client.get(url))
    candidacy.refresh_from_db()
    services.candidacy_update_identity(
        actor=candidacy.applicant,
        candidacy=candidacy,
        version=candidacy.version,
        data={
            "territory": "Agglomération de Pau",
            "departement": "64",
            "prescriber_name": candidacy.prescriber_name,
            "needs": candidacy.needs,
        },
    )

    response = client.post(url, {"action": "sign", "consent": "on", "seen_hash": old_digest})

    assert response.status_code == 409
    text = page_text(response)
    assert "Le dossier a changé pendant votre lecture : relisez la nouvelle version." in text
    assert "Agglomération de Pau" in text
    new_digest = seen_hash(response)
    candidacy.refresh_from_db()
    assert new_digest != old_digest
    assert new_digest == services.content_hash(candidacy)
    # The consent has to be given again, on the new version.
    consent = re.search(r'<input[^>]*name="consent"[^>]*>', response.content.decode()).group(0)
    assert "checked" not in consent
    request.refresh_from_db()
    assert request.status == SignatureStatus.PENDING
    assert request.content_hash == ""


def test_unticked_box_on_a_changed_version_also_warns(client, candidacy, invite, president):
    request = invite(candidacy)
    client.force_login(president)
    url = sign_url(request)

    response = client.post(url, {"action": "sign", "seen_hash": "0" * 64})

    assert response.status_code == 409
    text = page_text(response)
    assert "Le dossier a changé pendant votre lecture" in text
    assert "Cochez la case pour signer cette version du dossier." in text


def test_edit_after_signature_voids_it_and_tells_the_signer(
    client, candidacy, invite, president, django_capture_on_commit_callbacks
):
    request = invite(candidacy)
    client.force_login(president)
    url = sign_url(request)
    client.post(url, {"action": "sign", "consent": "on", "seen_hash": seen_hash(client.get(url))})
    request.refresh_from_db()
    signed_hash = request.content_hash
    mail.outbox.clear()
    candidacy.refresh_from_db()

    with django_capture_on_commit_callbacks(execute=True):
        services.candidacy_update_identity(
            actor=candidacy.applicant,
            candidacy=candidacy,
            version=candidacy.version,
            data={
                "territory": candidacy.territory,
                "departement": "64",
                "prescriber_name": candidacy.prescriber_name,
                "needs": "Un besoin reformulé après la signature.",
            },
        )

    request.refresh_from_db()
    assert request.status == SignatureStatus.VOIDED
    assert request.voided_at is not None
    assert services.missing_signatures(candidacy) == [
        (SignatureAct.CANDIDACY, SignerRole.PRESIDENT),
        (SignatureAct.COMMITMENT, SignerRole.PRESCRIBER),
        (SignatureAct.COMMITMENT, SignerRole.OPERATOR),
    ]
    (message,) = [message for message in mail.outbox if message.to == [PRESIDENT_EMAIL]]
    assert "annulée" in message.subject
    html = message.alternatives[0][0]
    for body in (message.body, html):
        assert "Association Tremplin Béarn" in body
        assert signed_hash in body
        assert "Candidature" in body
        assert "nouvelle demande" in body
    # The old link now says the signature was voided.
    response = client.get(url)
    assert response.status_code == 410
    assert "Cette signature a été annulée" in page_text(response)


def test_territorial_commitment_is_signed_by_the_prescriber(client, candidacy, invite):
    prescriber = UserFactory(email="elu@departement64.fr")
    request = invite(
        candidacy,
        act=SignatureAct.COMMITMENT,
        role=SignerRole.PRESCRIBER,
        email="elu@departement64.fr",
        organisation="Département des Pyrénées-Atlantiques",
    )
    client.force_login(prescriber)
    url = sign_url(request)
    response = client.get(url)
    assert "Signer l'engagement territorial de Association Tremplin Béarn" in page_text(response)
    assert "en qualité de représentant·e de la collectivité prescriptrice" in page_text(response)

    client.post(url, {"action": "sign", "consent": "on", "seen_hash": seen_hash(response)})

    request.refresh_from_db()
    assert request.status == SignatureStatus.SIGNED


# Declining


def test_decline_requires_a_reason_shown_next_to_the_field(client, candidacy, invite, president):
    request = invite(candidacy)
    client.force_login(president)

    response = client.post(sign_url(request), {"action": "decline", "reason": "   "})

    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_reason_error"' in html
    assert "Expliquez en quelques mots pourquoi vous refusez." in page_text(response)
    assert 'aria-describedby="id_reason_helptext id_reason_error"' in html
    # The summary comes first, before the long dossier, and links to the field.
    assert html.index('id="error-summary"') < html.index('id="dossier-title"')
    assert 'href="#id_reason"' in html
    request.refresh_from_db()
    assert request.status == SignatureStatus.PENDING


def test_decline_keeps_what_was_typed_on_error(client, candidacy, invite, president):
    request = invite(candidacy)
    client.force_login(president)
    too_long = "Le calendrier ne tient pas. " * 80

    response = client.post(sign_url(request), {"action": "decline", "reason": too_long})

    assert response.status_code == 200
    assert "Le calendrier ne tient pas." in page_text(response)
    assert 'id="id_reason_error"' in response.content.decode()
    request.refresh_from_db()
    assert request.status == SignatureStatus.PENDING


def test_decline_with_a_reason_is_recorded(client, candidacy, invite, president):
    request = invite(candidacy)
    client.force_login(president)
    url = sign_url(request)

    response = client.post(url, {"action": "decline", "reason": "Le calendrier est irréaliste."})

    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == SignatureStatus.DECLINED
    assert request.decline_reason == "Le calendrier est irréaliste."
    text = page_text(client.get(url))
    assert "Votre refus est enregistré" in text
    assert "Le calendrier est irréaliste." in text


# The participation agreement


@pytest.fixture
def selected(candidacy):
    candidacy.state = CandidacyState.SELECTED
    candidacy.save()
    return candidacy


@pytest.fixture
def director(selected):
    return MembershipFactory(
        structure=selected.structure,
        role=MembershipRole.DIRECTOR,
        user__email="dg@tremplin-bearn.fr",
        user__first_name="Denise",
        user__last_name="Garat",
    ).user


@pytest.fixture
def colleagues(selected):
    return [
        MembershipFactory(structure=selected.structure, user__last_name=name).user
        for name in ("Arrieta", "Bordenave", "Casenave")
    ]


@pytest.fixture
def agreement_url(selected, director, invite):
    request = invite(
        selected,
        act=SignatureAct.AGREEMENT,
        role=SignerRole.DIRECTOR_GENERAL,
        full_name="Denise Garat",
        email="dg@tremplin-bearn.fr",
    )
    return sign_url(request)


def test_agreement_page_lists_commitments_and_members(client, director, colleagues, agreement_url):
    client.force_login(director)

    response = client.get(agreement_url)

    assert response.status_code == 200
    text = page_text(response)
    assert "Convention de participation de Association Tremplin Béarn" in text
    assert "séances collectives de la formation-action" in text
    assert "à 3 mois" in text and "à 9 mois" in text and "à 18 mois" in text
    assert "Denise Garat" in text and "(vous)" in text
    for person in colleagues:
        assert person.last_name in text


def test_agreement_refuses_four_people(client, director, colleagues, agreement_url):
    client.force_login(director)

    response = client.post(
        agreement_url,
        {
            "action": "agree",
            "referent": director.pk,
            "participants": [person.pk for person in colleagues],
            "consent": "on",
        },
    )

    assert response.status_code == 200
    text = page_text(response)
    assert "Au plus 3 personnes en tout, référent·e compris·e : vous en avez désigné 4." in text
    assert 'id="id_participants_error"' in response.content.decode()
    # What was chosen stays chosen.
    for person in colleagues:
        assert re.search(
            rf'<input[^>]*value="{person.pk}"[^>]*checked|<input[^>]*checked[^>]*value="{person.pk}"',
            response.content.decode(),
        )
    assert not SwarmedStructure.objects.exists()
    assert not SwarmedMember.objects.exists()


def test_agreement_signature_creates_the_swarmed_structure_and_opens_access(
    client, selected, director, colleagues, agreement_url
):
    referent, participant = colleagues[0], colleagues[1]
    assert not can_view_full_framework(referent)
    client.force_login(director)

    response = client.post(
        agreement_url,
        {
            "action": "agree",
            "referent": referent.pk,
            "participants": [participant.pk, director.pk],
            "consent": "on",
        },
    )

    assert response.status_code == 302
    swarmed = SwarmedStructure.objects.get()
    assert swarmed.candidacy == selected
    assert swarmed.season == selected.season
    roles = dict(swarmed.members.values_list("user_id", "role"))
    assert roles == {
        referent.pk: SeasonRole.REFERENT,
        participant.pk: SeasonRole.PARTICIPANT,
        director.pk: SeasonRole.PARTICIPANT,
    }
    for person in (referent, participant, director):
        assert can_view_full_framework(User.objects.get(pk=person.pk))
    assert not can_view_full_framework(User.objects.get(pk=colleagues[2].pk))
    agreement = selected.agreement
    assert agreement.director == director
    assert agreement.signature.method == SIGNATURE_METHOD
    # The confirmation lists who now has access.
    text = page_text(client.get(agreement_url))
    assert "La convention de participation est signée" in text
    assert f"{referent.get_full_name()} — Référent·e" in text
    assert f"{participant.get_full_name()} — Participant·e" in text
    assert colleagues[2].last_name not in text


def test_agreement_requires_a_referent_and_consent(client, director, colleagues, agreement_url):
    client.force_login(director)

    response = client.post(agreement_url, {"action": "agree", "participants": [colleagues[0].pk]})

    assert response.status_code == 200
    text = page_text(response)
    assert "Choisissez le ou la référente." in text
    assert "Cochez la case pour signer la convention." in text
    assert 'href="#id_referent_0"' in response.content.decode()
    assert not SwarmedStructure.objects.exists()


def test_director_may_decline_the_agreement_with_a_reason(
    client, selected, director, agreement_url
):
    client.force_login(director)

    response = client.post(
        agreement_url,
        {"action": "decline", "reason": "Nous ne pouvons pas libérer trois salariés."},
    )

    assert response.status_code == 302
    request = selected.signatures.get(act=SignatureAct.AGREEMENT)
    assert request.status == SignatureStatus.DECLINED
    assert not SwarmedStructure.objects.exists()
    assert "Nous ne pouvons pas libérer trois salariés." in page_text(client.get(agreement_url))
