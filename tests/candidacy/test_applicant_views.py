"""The applicant's pages: start, fill in, attach, sign, submit, withdraw — and who sees what."""

import datetime
import re

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from candidacy import services
from candidacy.criteria import Hypothesis, SignatureAct, SignerRole, required_signatures
from candidacy.models import (
    CallPage,
    Candidacy,
    CandidacyState,
    Evidence,
    SignatureRequest,
    SignatureStatus,
)
from candidacy.templatetags.candidacy_tags import long_date
from portal.enums import MembershipRole, StructureKind
from portal.models import Membership, Structure
from portal.roles import Role
from tests.candidacy.factories import CandidacyFactory, SeasonFactory, stored_answers
from tests.helpers import close_response, count_queries
from tests.portal.factories import UserFactory
from tests.portal.structure_factories import MembershipFactory, StructureFactory, page_text

pytestmark = pytest.mark.django_db

NBSP = "\u00a0"

#: The smallest file a PDF reader and `filetype` both take for a PDF.
PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


def pdf(name: str = "comptes-2026.pdf", content: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def evidence_storage():
    return Evidence._meta.get_field("file").storage


def stored_files(candidacy: Candidacy) -> list[str]:
    storage = evidence_storage()
    folder = f"candidatures/{candidacy.reference}"
    if not storage.exists(folder):
        return []
    return storage.listdir(folder)[1]


def url(name: str, candidacy: Candidacy, **kwargs) -> str:
    return reverse(f"candidacy:{name}", kwargs={"reference": candidacy.reference, **kwargs})


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def season():
    return SeasonFactory(slug="saison-essai", name="Saison d'essai")


@pytest.fixture
def candidacy(season):
    return CandidacyFactory(season=season, with_applicant=True)


@pytest.fixture
def applicant(client, candidacy):
    client.force_login(candidacy.applicant)
    return candidacy.applicant


@pytest.fixture(autouse=True)
def clean_evidence_files():
    """Files stored by a test go with it (the database rolls back, the storage does not)."""
    yield
    for evidence in Evidence.objects.all():
        evidence.file.storage.delete(evidence.file.name)


def stranger():
    """An applicant of another structure."""
    return MembershipFactory(structure=StructureFactory(name="Autre structure")).user


# --- Starting a candidacy ----------------------------------------------------------------------


def start_data(**overrides) -> dict:
    return {
        "hypothesis": Hypothesis.B,
        "territory": "Communauté d'agglomération Pau Béarn Pyrénées",
        "departement": "64",
        "prescriber_name": "",
        **overrides,
    }


def test_member_starts_a_candidacy_for_their_structure(client, season):
    membership = MembershipFactory(structure__name="Collectivité du Béarn")
    client.force_login(membership.user)

    response = client.post(
        reverse("candidacy:start", args=[season.slug]),
        start_data(structure=str(membership.structure_id)),
    )

    candidacy = Candidacy.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("detail", candidacy)
    assert candidacy.structure == membership.structure
    assert candidacy.hypothesis == Hypothesis.B
    assert candidacy.created_by == membership.user
    assert candidacy.state == CandidacyState.DRAFT


def test_start_offers_only_the_structures_of_the_applicant(client, season):
    membership = MembershipFactory(structure__name="Ma structure")
    StructureFactory(name="Structure voisine")
    client.force_login(membership.user)

    text = page_text(client.get(reference_start(season)))

    assert "Ma structure" in text
    assert "Structure voisine" not in text


def reference_start(season) -> str:
    return reverse("candidacy:start", args=[season.slug])


def test_a_newcomer_creates_their_structure_on_the_way_and_manages_it(client, season):
    user = UserFactory()
    client.force_login(user)

    response = client.post(
        reference_start(season),
        start_data(
            structure="new",
            structure_name="Association Chemins d'emploi",
            structure_kind=StructureKind.OPERATOR,
            structure_siret="",
            structure_city="Orthez",
            structure_departement="64",
            member_role=MembershipRole.DIRECTOR,
            hypothesis=Hypothesis.A,
            prescriber_name="Département des Pyrénées-Atlantiques",
        ),
    )

    structure = Structure.objects.get(name="Association Chemins d'emploi")
    membership = Membership.objects.get(user=user)
    candidacy = Candidacy.objects.get()
    assert response.status_code == 302
    assert membership.structure == structure
    assert membership.is_admin
    assert membership.role == MembershipRole.DIRECTOR
    assert candidacy.structure == structure
    assert candidacy.prescriber_name == "Département des Pyrénées-Atlantiques"
    assert structure.city == "Orthez"


def test_a_new_structure_needs_a_name_and_nothing_is_created_without_it(client, season):
    client.force_login(UserFactory())

    response = client.post(
        reference_start(season),
        start_data(structure="new", structure_kind=StructureKind.COLLECTIVITE, member_role="other"),
    )

    assert response.status_code == 200
    error = soup(response).find(id="id_structure_name_error")
    assert error is not None and "Indiquez le nom de la structure" in error.get_text()
    assert not Structure.objects.exists()
    assert not Candidacy.objects.exists()


def test_closed_call_shows_no_form_and_refuses_a_candidacy(client):
    season = SeasonFactory(closed=True, slug="saison-close")
    membership = MembershipFactory()
    client.force_login(membership.user)

    page = client.get(reference_start(season))
    response = client.post(reference_start(season), start_data(structure=membership.structure_id))

    assert "L'appel est clos depuis le" in page_text(page)
    assert not soup(page).select("input[name=territory]")
    assert response.status_code == 200
    assert not Candidacy.objects.exists()


def test_hypothesis_a_needs_its_prescriber_error_beside_the_field_and_typing_kept(client, season):
    membership = MembershipFactory()
    client.force_login(membership.user)

    response = client.post(
        reference_start(season),
        start_data(structure=str(membership.structure_id), hypothesis=Hypothesis.A),
    )

    page = soup(response)
    assert response.status_code == 200
    error = page.find(id="id_prescriber_name_error")
    assert "collectivité prescriptrice" in error.get_text()
    assert page.find(id="id_prescriber_name")["aria-describedby"].endswith("_error")
    assert page.find(id="error-summary") is not None
    territory = page.find(id="id_territory")["value"]
    assert territory == "Communauté d'agglomération Pau Béarn Pyrénées"
    assert page.find("input", {"name": "hypothesis", "value": "A"}).has_attr("checked")
    assert not Candidacy.objects.exists()


# --- The dossier's pages -------------------------------------------------------------------------


def test_detail_lists_steps_with_their_precheck_in_words(client, applicant, candidacy):
    candidacy.answers = {"A1": {"public_operator": True, "fte_count": "1"}}
    candidacy.save()

    response = client.get(url("detail", candidacy))

    steps = [li.get_text(" ", strip=True) for li in soup(response).select(".dossier-step")]
    assert response.status_code == 200
    assert len(steps) == 1 + 5 + 2
    assert steps[0].startswith("Identité du dossier")
    assert "A1 · " in steps[1] and "Non rempli" in steps[1]
    assert "Pas encore commencé" in steps[2]
    assert "Signataires" in steps[-2] and "0 signature(s) sur 3" in steps[-2]
    assert "Relecture et dépôt" in steps[-1]


def test_detail_and_review_queries_stay_constant_as_the_dossier_grows(client, applicant, candidacy):
    pages = [url("detail", candidacy), url("review", candidacy)]
    few = [count_queries(client, page) for page in pages]
    for code, kind in (("A1", "annual_accounts"), ("A5", "contract_extract"), ("A2", "roadmap")):
        add_evidence(candidacy, code=code, kind=kind)
    for _index in range(3):
        candidacy.history.create(
            from_state=CandidacyState.DRAFT, to_state=CandidacyState.SUBMITTED, message="Étape"
        )

    assert [count_queries(client, page) for page in pages] == few


def test_detail_answers_404_to_another_structure_and_to_ansa(client, candidacy):
    for person in (stranger(), UserFactory(roles=[Role.ANSA])):
        client.force_login(person)
        assert client.get(url("detail", candidacy)).status_code == 404


def test_every_dossier_url_answers_404_to_another_structure(client, candidacy):
    evidence = services.evidence_add(
        actor=candidacy.applicant,
        candidacy=candidacy,
        version=candidacy.version,
        code="A1",
        kind="annual_accounts",
        uploaded=pdf(),
    )
    client.force_login(stranger())
    names = [
        "detail",
        "identity",
        "signatories",
        "review",
        "withdraw",
        "agreement_invite",
        "verification",
    ]
    for name in names:
        assert client.get(url(name, candidacy)).status_code == 404, name
    assert client.get(url("criterion", candidacy, code="A1")).status_code == 404
    assert client.get(url("evidence_file", candidacy, evidence_id=evidence.pk)).status_code == 404
    response = client.post(
        url("evidence_delete", candidacy, evidence_id=evidence.pk), {"version": 2}
    )
    assert response.status_code == 404
    assert client.post(url("submit", candidacy), {"version": 2}).status_code == 404
    assert Evidence.objects.filter(pk=evidence.pk).exists()


def test_unknown_criterion_or_one_of_the_other_hypothesis_answers_404(client, applicant, candidacy):
    assert client.get(url("criterion", candidacy, code="B1")).status_code == 404
    assert client.get(url("criterion", candidacy, code="Z9")).status_code == 404
    assert client.get(url("criterion", candidacy, code="A1")).status_code == 200


def test_identity_saves_with_the_version_and_goes_on_to_the_first_criterion(
    client, applicant, candidacy
):
    response = client.post(
        url("identity", candidacy),
        {
            "version": candidacy.version,
            "territory": "Bassin de Lacq",
            "departement": "64",
            "prescriber_name": "Département des Pyrénées-Atlantiques",
            "needs": "Prospecter les entreprises du bassin.",
            "continue": "1",
        },
    )

    candidacy.refresh_from_db()
    assert response["Location"] == url("criterion", candidacy, code="A1")
    assert candidacy.territory == "Bassin de Lacq"
    assert candidacy.needs == "Prospecter les entreprises du bassin."
    assert candidacy.version == 2


# --- Answering a criterion -------------------------------------------------------------------


def test_criterion_answers_round_trip_and_an_unanswered_yes_no_stays_unanswered(
    client, applicant, candidacy
):
    page = soup(client.get(url("criterion", candidacy, code="A1")))
    assert page.find("input", {"name": "structural_deficit", "value": "false"}) is not None
    assert page.find("input", {"type": "checkbox"}) is None

    response = client.post(
        url("criterion", candidacy, code="A1"),
        {"version": candidacy.version, "public_operator": "true", "fte_count": "2,5"},
    )

    candidacy.refresh_from_db()
    assert response.status_code == 302
    assert candidacy.answers["A1"] == {"public_operator": True, "fte_count": "2.5"}
    page = soup(client.get(url("criterion", candidacy, code="A1")))
    assert page.find("input", {"name": "public_operator", "value": "true"}).has_attr("checked")
    assert not page.find("input", {"name": "public_operator", "value": "false"}).has_attr("checked")
    deficit = page.find_all("input", {"name": "structural_deficit"})
    assert deficit and not any(radio.has_attr("checked") for radio in deficit)
    assert page.find(id="id_fte_count")["value"] == "2,5"
    assert "Incomplet" in page.find(class_="precheck-box").get_text()


def test_saving_a_criterion_tells_its_precheck_and_continues_to_the_next(
    client, applicant, candidacy
):
    response = client.post(
        url("criterion", candidacy, code="A1"),
        {
            "version": candidacy.version,
            "public_operator": "true",
            "fte_count": "1",
            "structural_deficit": "false",
            "continue": "1",
        },
        follow=True,
    )

    assert response.redirect_chain[-1][0] == url("criterion", candidacy, code="A2")
    assert "Pré-vérification : Non rempli" in page_text(response)
    candidacy.refresh_from_db()
    assert candidacy.answers["A1"]["fte_count"] == "1"  # a failing rule never blocks saving


def test_a_wrong_number_is_refused_beside_its_field_and_the_rest_is_kept(
    client, applicant, candidacy
):
    response = client.post(
        url("criterion", candidacy, code="A5"),
        {
            "version": candidacy.version,
            "operational_framework": "Le département oriente quarante personnes.",
            "start_date": "pas une date",
        },
    )

    page = soup(response)
    assert response.status_code == 200
    assert page.find(id="id_start_date_error") is not None
    assert "Le département oriente" in page.find(id="id_operational_framework").get_text()
    assert Candidacy.objects.get().answers == {}


def test_concurrent_edit_keeps_what_was_typed_and_says_so(client, applicant, candidacy):
    opened_at = candidacy.version
    colleague = MembershipFactory(structure=candidacy.structure).user
    services.candidacy_save_answers(
        actor=colleague,
        candidacy=candidacy,
        version=opened_at,
        code="A3",
        cleaned={"company_strategy": "Texte de la collègue."},
    )

    response = client.post(
        url("criterion", candidacy, code="A3"),
        {"version": opened_at, "company_strategy": "Mon texte, tapé pendant ce temps."},
    )

    page = soup(response)
    conflict = page.find(id="conflict")
    assert response.status_code == 200
    assert "Quelqu'un a enregistré le dossier entre-temps" in conflict.get_text()
    assert "Texte de la collègue." in conflict.get_text()
    assert "Mon texte, tapé pendant ce temps." in page.find(id="id_company_strategy").get_text()
    assert page.find("input", {"name": "version"})["value"] == str(opened_at + 1)
    candidacy.refresh_from_db()
    assert candidacy.answers["A3"] == {"company_strategy": "Texte de la collègue."}


def test_a_read_only_dossier_shows_answers_without_a_form(client, applicant, candidacy):
    candidacy.state = CandidacyState.SUBMITTED
    candidacy.answers = {"A3": {"company_strategy": "Des visites chaque semaine."}}
    candidacy.save()

    response = client.get(url("criterion", candidacy, code="A3"))
    refused = client.post(
        url("criterion", candidacy, code="A3"), {"version": 1, "company_strategy": "Autre."}
    )

    assert "Des visites chaque semaine." in page_text(response)
    assert soup(response).find("textarea") is None
    assert refused.status_code == 302
    candidacy.refresh_from_db()
    assert candidacy.answers["A3"] == {"company_strategy": "Des visites chaque semaine."}


# --- Evidence ----------------------------------------------------------------------------------


def upload(client, candidacy, file, *, code="A1", kind="annual_accounts"):
    return client.post(
        url("criterion", candidacy, code=code),
        {
            "action": "upload",
            "evidence-version": candidacy.version,
            "evidence-kind": kind,
            "evidence-file": file,
        },
    )


def test_file_input_says_which_types_are_accepted(client, applicant, candidacy):
    page = soup(client.get(url("criterion", candidacy, code="A1")))

    accept = page.find("input", {"type": "file"})["accept"]
    assert ".pdf" in accept and "application/pdf" in accept and ".docx" in accept


def test_a_real_pdf_is_accepted_and_stored_privately(client, applicant, candidacy):
    response = upload(client, candidacy, pdf())

    evidence = Evidence.objects.get()
    assert response.status_code == 302
    assert evidence.content_type == "application/pdf"
    assert evidence.original_name == "comptes-2026.pdf"
    assert evidence.uploaded_by == applicant
    assert len(stored_files(candidacy)) == 1
    assert Candidacy.objects.get().version == candidacy.version + 1


def test_a_text_file_named_pdf_is_refused_in_french_and_nothing_is_stored(
    client, applicant, candidacy
):
    fake = SimpleUploadedFile("comptes.pdf", b"Ceci n'est pas un PDF.\n", "application/pdf")

    response = upload(client, candidacy, fake)

    error = soup(response).find(id="id_evidence-file_error")
    assert response.status_code == 200
    assert "Ce type de fichier n'est pas accepté" in error.get_text()
    assert not Evidence.objects.exists()
    assert stored_files(candidacy) == []


def test_an_oversized_file_is_refused_and_nothing_is_stored(
    client, applicant, candidacy, monkeypatch
):
    monkeypatch.setattr(services, "MAX_EVIDENCE_BYTES", 1024 * 1024)
    big = pdf(content=PDF + b"0" * (1024 * 1024))

    response = upload(client, candidacy, big)

    assert response.status_code == 200
    assert "Le fichier dépasse la taille maximale de 1 Mo." in page_text(response)
    assert not Evidence.objects.exists()
    assert stored_files(candidacy) == []


def add_evidence(candidacy, *, code="A1", kind="annual_accounts") -> Evidence:
    candidacy.refresh_from_db()
    return services.evidence_add(
        actor=candidacy.applicant,
        candidacy=candidacy,
        version=candidacy.version,
        code=code,
        kind=kind,
        uploaded=pdf(),
    )


def test_evidence_is_served_to_the_applicant_as_a_private_attachment(client, applicant, candidacy):
    evidence = add_evidence(candidacy)

    response = client.get(url("evidence_file", candidacy, evidence_id=evidence.pk))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Disposition"].startswith("attachment")
    assert "comptes-2026.pdf" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "private" in response["Cache-Control"]
    close_response(response)


def test_evidence_answers_404_to_another_structure_and_login_to_anonymous(client, candidacy):
    evidence = add_evidence(candidacy)
    address = url("evidence_file", candidacy, evidence_id=evidence.pk)

    anonymous = client.get(address)
    client.force_login(stranger())
    other = client.get(address)

    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith(reverse("account_login"))
    assert other.status_code == 404


def test_evidence_reaches_ansa_once_submitted_never_as_a_draft(client, candidacy):
    evidence = add_evidence(candidacy)
    address = url("evidence_file", candidacy, evidence_id=evidence.pk)
    client.force_login(UserFactory(roles=[Role.ANSA]))

    draft = client.get(address)
    Candidacy.objects.filter(pk=candidacy.pk).update(
        state=CandidacyState.SUBMITTED, submitted_at=timezone.now()
    )
    submitted = client.get(address)

    assert draft.status_code == 404
    assert submitted.status_code == 200
    close_response(submitted)


def test_deleting_evidence_carries_the_version(client, applicant, candidacy):
    evidence = add_evidence(candidacy)
    stale = client.post(
        url("evidence_delete", candidacy, evidence_id=evidence.pk), {"version": 1}, follow=True
    )
    assert "la pièce n'a pas été supprimée" in page_text(stale)
    assert Evidence.objects.filter(pk=evidence.pk).exists()

    current = Candidacy.objects.get().version
    response = client.post(
        url("evidence_delete", candidacy, evidence_id=evidence.pk), {"version": current}
    )

    assert response.status_code == 302
    assert not Evidence.objects.exists()
    assert client.get(url("evidence_delete", candidacy, evidence_id=1)).status_code == 405


# --- Signatures, review and submission -------------------------------------------------------


def invite_and_sign(candidacy) -> None:
    """Every signature the candidacy needs, given by people whose account owns the address."""
    for act, role in required_signatures(candidacy.hypothesis):
        signer = UserFactory()
        request = services.signature_invite(
            actor=candidacy.applicant,
            candidacy=candidacy,
            act=act,
            signer_role=role,
            full_name=signer.get_full_name(),
            email=signer.email,
            organisation="Organisme",
        )
        services.signature_sign(
            user=signer,
            request=request,
            seen_hash=services.content_hash(candidacy),
            method="Lien personnel et compte Essaim",
        )


def test_signatories_invites_each_signer_by_email(client, applicant, candidacy):
    page = soup(client.get(url("signatories", candidacy)))
    assert len(page.select("form input[name=signer]")) == 3
    prescriber = f"{SignatureAct.COMMITMENT}-{SignerRole.PRESCRIBER}"
    assert page.find(id=f"id_{prescriber}-organisation")["value"] == candidacy.prescriber_name

    response = client.post(
        url("signatories", candidacy),
        {
            "signer": prescriber,
            f"{prescriber}-full_name": "Claire Dupuy",
            f"{prescriber}-email": "claire.dupuy@le64.test",
            f"{prescriber}-organisation": "Département des Pyrénées-Atlantiques",
        },
    )

    request = SignatureRequest.objects.get()
    assert response.status_code == 302
    assert request.signer_role == SignerRole.PRESCRIBER
    assert request.status == SignatureStatus.PENDING
    assert "En attente de signature" in page_text(client.get(url("signatories", candidacy)))


def test_signatory_form_keeps_typing_on_error(client, applicant, candidacy):
    key = f"{SignatureAct.CANDIDACY}-{SignerRole.PRESIDENT}"
    response = client.post(
        url("signatories", candidacy),
        {
            "signer": key,
            f"{key}-full_name": "Jean Lasserre",
            f"{key}-email": "pas-une-adresse",
            f"{key}-organisation": "",
        },
    )

    page = soup(response)
    assert response.status_code == 200
    assert page.find(id=f"id_{key}-email_error") is not None
    assert page.find(id=f"id_{key}-full_name")["value"] == "Jean Lasserre"
    assert not SignatureRequest.objects.exists()


def test_submission_lists_its_blockers_then_goes_once_everything_is_there(
    client, applicant, candidacy
):
    listed = page_text(client.get(url("review", candidacy)))
    assert "points empêchent encore le dépôt" in listed
    assert "joignez la pièce « Derniers comptes annuels »" in listed

    refused = client.post(url("submit", candidacy), {"version": candidacy.version})

    summary = soup(refused).find(id="error-summary").get_text(" ", strip=True).replace(NBSP, " ")
    assert refused.status_code == 200
    assert "La candidature ne peut pas encore être déposée" in summary
    assert "Critère A1 : répondez à la question" in summary
    assert "joignez la pièce « Derniers comptes annuels »" in summary
    assert "Signature manquante sur la version actuelle" in summary
    assert Candidacy.objects.get().state == CandidacyState.DRAFT

    candidacy.answers = stored_answers(Hypothesis.A)
    candidacy.save()
    add_evidence(candidacy, code="A1", kind="annual_accounts")
    add_evidence(candidacy, code="A5", kind="contract_extract")
    candidacy.refresh_from_db()
    invite_and_sign(candidacy)
    dossier = Candidacy.objects.get(pk=candidacy.pk)
    review = client.get(url("review", dossier))
    assert "Rien n'empêche le dépôt" in page_text(review)

    response = client.post(url("submit", dossier), {"version": dossier.version})

    dossier.refresh_from_db()
    assert response.status_code == 302
    assert response["Location"] == url("detail", dossier)
    assert dossier.state == CandidacyState.SUBMITTED
    assert dossier.submitted_at is not None


def test_an_edit_after_signing_shows_on_the_verification_page(client, applicant, candidacy):
    invite_and_sign(candidacy)
    candidacy.refresh_from_db()
    current = client.get(url("verification", candidacy))
    assert page_text(current).count("Signée sur la version actuelle") == 3

    services.candidacy_save_answers(
        actor=applicant,
        candidacy=candidacy,
        version=candidacy.version,
        code="A3",
        cleaned={"company_strategy": "Une phrase de plus."},
    )
    after = page_text(client.get(url("verification", candidacy)))

    assert "Signée sur la version actuelle" not in after
    assert after.count("Porte sur une version antérieure") == 3
    assert after.count("Annulée par une modification") == 3
    signed = SignatureRequest.objects.first().content_hash
    assert signed in after and re.fullmatch(r"[0-9a-f]{64}", signed)


def test_answering_ansas_request_needs_an_answer(client, applicant, candidacy):
    candidacy.state = CandidacyState.INFO_REQUESTED
    candidacy.save()
    candidacy.history.create(
        from_state=CandidacyState.UNDER_REVIEW,
        to_state=CandidacyState.INFO_REQUESTED,
        message="Précisez le calendrier avec le département.",
    )

    detail = soup(client.get(url("detail", candidacy)))
    response = client.post(url("submit", candidacy), {"version": candidacy.version, "answer": ""})

    assert "Précisez le calendrier avec le département." in detail.get_text()
    assert detail.find("textarea", {"name": "answer"}) is not None
    assert soup(response).find(id="id_answer_error") is not None
    assert Candidacy.objects.get().state == CandidacyState.INFO_REQUESTED


# --- Withdrawal --------------------------------------------------------------------------------


def test_withdrawal_needs_a_reason(client, applicant, candidacy):
    response = client.post(url("withdraw", candidacy), {"reason": ""})

    assert soup(response).find(id="id_reason_error") is not None
    assert Candidacy.objects.get().state == CandidacyState.DRAFT


def test_withdrawal_with_deletion_anonymises_the_dossier(
    client, applicant, candidacy, django_capture_on_commit_callbacks
):
    candidacy.answers = {"A3": {"company_strategy": "Nos visites d'entreprises."}}
    candidacy.needs = "Être accompagnés."
    candidacy.save()
    add_evidence(candidacy)
    candidacy.refresh_from_db()
    services.signature_invite(
        actor=applicant,
        candidacy=candidacy,
        act=SignatureAct.CANDIDACY,
        signer_role=SignerRole.PRESIDENT,
        full_name="Jean Lasserre",
        email="jean.lasserre@exemple.test",
        organisation="Association",
    )
    assert len(stored_files(candidacy)) == 1

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("withdraw", candidacy),
            {"reason": "Nous candidaterons l'an prochain.", "delete_data": "on"},
        )

    candidacy.refresh_from_db()
    signature = SignatureRequest.objects.get()
    assert response["Location"] == reverse("candidacy:mine")
    assert candidacy.state == CandidacyState.WITHDRAWN
    assert candidacy.anonymised_at is not None
    assert candidacy.answers == {} and candidacy.needs == ""
    assert not Evidence.objects.exists()
    assert stored_files(candidacy) == []
    assert signature.full_name == "—" and signature.status == SignatureStatus.REVOKED


def test_withdrawal_without_deletion_keeps_the_dossier(client, applicant, candidacy):
    candidacy.answers = {"A3": {"company_strategy": "Nos visites."}}
    candidacy.save()

    client.post(url("withdraw", candidacy), {"reason": "Calendrier trop serré."})

    candidacy.refresh_from_db()
    assert candidacy.state == CandidacyState.WITHDRAWN
    assert candidacy.answers == {"A3": {"company_strategy": "Nos visites."}}
    assert candidacy.anonymised_at is None


# --- Participation agreement -------------------------------------------------------------------


def test_the_director_is_invited_once_the_candidacy_is_selected(client, applicant, candidacy):
    not_yet = client.get(url("agreement_invite", candidacy))
    assert soup(not_yet).find("input", {"name": "email"}) is None

    Candidacy.objects.filter(pk=candidacy.pk).update(
        state=CandidacyState.SELECTED, submitted_at=timezone.now()
    )
    response = client.post(
        url("agreement_invite", candidacy),
        {"full_name": "Marie Etchegaray", "email": "dg@structure.test"},
    )

    request = SignatureRequest.objects.get()
    assert response.status_code == 302
    assert request.act == SignatureAct.AGREEMENT
    assert request.signer_role == SignerRole.DIRECTOR_GENERAL
    assert request.organisation == candidacy.structure.name
    assert "En attente de signature" in page_text(client.get(url("agreement_invite", candidacy)))


# --- Lists and the call page -------------------------------------------------------------------


def test_my_candidacies_lists_those_of_my_structures_in_constant_queries(client, season):
    membership = MembershipFactory()
    CandidacyFactory(season=season, structure=membership.structure)
    CandidacyFactory(season=season, structure=StructureFactory(name="Pas la mienne"))
    client.force_login(membership.user)

    response = client.get(reverse("candidacy:mine"))
    few = count_queries(client, reverse("candidacy:mine"))
    for _index in range(3):
        other = MembershipFactory(user=membership.user).structure
        CandidacyFactory(season=season, structure=other)
    many = count_queries(client, reverse("candidacy:mine"))

    assert membership.structure.name in page_text(response)
    assert "Pas la mienne" not in page_text(response)
    assert few == many


@pytest.fixture
def call_page(home):
    def make(season):
        page = CallPage(title="Appel à territoires candidats", slug="appel", season=season)
        home.add_child(instance=page)
        return page

    return make


def test_call_page_open_offers_to_apply_with_paris_dates(client, call_page):
    noon = timezone.localtime(timezone.now() + datetime.timedelta(days=60))
    closes = noon.replace(hour=12, minute=0, second=0, microsecond=0)
    season = SeasonFactory(
        slug="saison-ouverte",
        call_opens_at=timezone.now() - datetime.timedelta(days=1),
        call_closes_at=closes,
    )

    response = client.get(call_page(season).get_url())

    text = page_text(response)
    assert f"au {long_date(closes)} à 12 h." in text.replace("\u00a0", " ")
    link = soup(response).find("a", string="Déposer une candidature")
    assert link["href"] == reverse("candidacy:start", args=["saison-ouverte"])


def test_call_page_upcoming_and_closed_have_no_button(client, call_page):
    upcoming = SeasonFactory(upcoming=True, slug="a-venir")
    page = call_page(upcoming)
    before = page_text(client.get(page.get_url()))
    page.season = SeasonFactory(closed=True, slug="close")
    page.save_revision().publish()
    after = page_text(client.get(page.get_url()))

    assert "L'appel ouvrira le" in before and "Déposer une candidature" not in before
    assert "L'appel est clos depuis le" in after and "Déposer une candidature" not in after


def test_call_page_lists_my_drafts_to_resume(client, call_page, candidacy, applicant):
    page = call_page(candidacy.season)

    response = client.get(page.get_url())

    link = soup(response).find("a", href=url("detail", candidacy))
    assert link is not None and "Reprendre" in link.get_text()


def test_anonymous_apply_button_leads_to_login_then_back(client, season):
    start = reverse("candidacy:start", args=[season.slug])

    response = client.get(start)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next={start}"
