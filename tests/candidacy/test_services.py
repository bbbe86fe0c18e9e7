"""The candidacy's acts: state machine, optimistic locking, signatures, decisions, retention."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from candidacy import services
from candidacy.criteria import SignatureAct, SignerRole
from candidacy.models import Candidacy, CandidacyState, Decision, SignatureStatus, Transition
from modules.models import SwarmedMember
from portal.models import AuditLogEntry
from portal.roles import Role, user_roles
from tests.candidacy.factories import CandidacyFactory, SeasonFactory
from tests.portal.factories import UserFactory
from tests.portal.structure_factories import MembershipFactory

S = CandidacyState
ALL_STATES = list(S)


def expected_target(move_name: str, state: str) -> str | None:
    move = services.TRANSITIONS[move_name]
    return move.target if state in move.sources else None


@pytest.fixture
def ansa(db):
    return UserFactory(roles=[Role.ANSA])


@pytest.mark.django_db
@pytest.mark.parametrize("state", ALL_STATES, ids=str)
@pytest.mark.parametrize("move_name", ["start_review", "request_info", "shortlist"], ids=str)
def test_ansa_moves_are_allowed_only_from_their_sources(ansa, state, move_name):
    candidacy = CandidacyFactory(state=state, submitted_at=timezone.now())
    target = expected_target(move_name, state)

    if target is None:
        with pytest.raises(ValidationError):
            services.candidacy_move(
                actor=ansa, candidacy=candidacy, move_name=move_name, message="Une question ?"
            )
        assert Candidacy.objects.get(pk=candidacy.pk).state == state
        assert not Transition.objects.filter(candidacy=candidacy).exists()
    else:
        services.candidacy_move(
            actor=ansa, candidacy=candidacy, move_name=move_name, message="Une question ?"
        )
        assert Candidacy.objects.get(pk=candidacy.pk).state == target
        step = Transition.objects.get(candidacy=candidacy)
        assert (step.from_state, step.to_state, step.actor) == (state, target, ansa)
        assert AuditLogEntry.objects.filter(action=f"candidacy.{move_name}").exists()


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.EXPERT, Role.HEAD_OF_NETWORK, Role.REFERENT], ids=str)
def test_only_ansa_makes_review_moves(role):
    candidacy = CandidacyFactory(submitted=True)
    with pytest.raises(PermissionDenied):
        services.candidacy_move(
            actor=UserFactory(roles=[role]), candidacy=candidacy, move_name="start_review"
        )
    assert Candidacy.objects.get(pk=candidacy.pk).state == S.SUBMITTED


@pytest.mark.django_db
def test_applicant_cannot_make_ansa_moves_nor_ansa_submit(ansa):
    candidacy = CandidacyFactory(submitted=True, with_applicant=True)
    with pytest.raises(PermissionDenied):
        services.candidacy_move(
            actor=candidacy.applicant, candidacy=candidacy, move_name="start_review"
        )
    draft = CandidacyFactory(complete=True, structure=MembershipFactory().structure)
    with pytest.raises(PermissionDenied):
        services.candidacy_submit(actor=ansa, candidacy=draft, version=draft.version)


@pytest.mark.django_db
def test_selection_goes_through_the_decision_batch_only(ansa):
    candidacy = CandidacyFactory(under_review=True)
    with pytest.raises(ValidationError):
        services.candidacy_move(actor=ansa, candidacy=candidacy, move_name="select")


@pytest.mark.django_db
def test_request_info_needs_a_question(ansa):
    candidacy = CandidacyFactory(under_review=True)
    with pytest.raises(ValidationError) as error:
        services.candidacy_move(actor=ansa, candidacy=candidacy, move_name="request_info")
    assert "message" in error.value.message_dict


@pytest.mark.django_db
@pytest.mark.parametrize("state", ALL_STATES, ids=str)
def test_withdrawal_is_possible_until_a_decision(state):
    candidacy = CandidacyFactory(state=state, with_applicant=True)
    if state in (S.SELECTED, S.NOT_SELECTED, S.WITHDRAWN):
        with pytest.raises(ValidationError):
            services.candidacy_withdraw(
                actor=candidacy.applicant, candidacy=candidacy, reason="Projet reporté."
            )
    else:
        services.candidacy_withdraw(
            actor=candidacy.applicant, candidacy=candidacy, reason="Projet reporté."
        )
        assert Candidacy.objects.get(pk=candidacy.pk).state == S.WITHDRAWN


@pytest.mark.django_db
def test_two_editors_never_overwrite_each_other():
    candidacy = CandidacyFactory(with_applicant=True)
    data = {"territory": "Orthez", "departement": "64", "prescriber_name": "Département"}
    services.candidacy_update_identity(
        actor=candidacy.applicant, candidacy=candidacy, version=1, data=data
    )
    with pytest.raises(services.ConcurrentEdit):
        services.candidacy_update_identity(
            actor=candidacy.applicant,
            candidacy=candidacy,
            version=1,
            data={**data, "territory": "Mourenx"},
        )
    assert Candidacy.objects.get(pk=candidacy.pk).territory == "Orthez"


@pytest.mark.django_db
def test_a_closed_call_refuses_new_candidacies_and_submissions():
    member = MembershipFactory()
    season = SeasonFactory(closed=True, slug="close")
    with pytest.raises(ValidationError):
        services.candidacy_start(
            actor=member.user,
            season=season,
            structure=member.structure,
            hypothesis="B",
            territory="Pau",
            departement="64",
        )
    draft = CandidacyFactory(season=season, structure=member.structure, complete=True)
    assert any("clos" in problem for problem in services.submission_blockers(draft))


def invite_and_sign(candidacy, act, role, *, signer=None):
    signer = signer or UserFactory()
    request = services.signature_invite(
        actor=candidacy.applicant,
        candidacy=candidacy,
        act=act,
        signer_role=role,
        full_name=signer.get_full_name(),
        email=signer.email,
        organisation="Mairie",
    )
    current = Candidacy.objects.get(pk=candidacy.pk)
    services.signature_sign(
        user=signer,
        request=request,
        seen_hash=services.content_hash(current),
        method="Compte Essaim authentifié",
    )
    return request, signer


@pytest.mark.django_db
def test_any_edit_after_a_signature_voids_every_signature(django_capture_on_commit_callbacks):
    candidacy = CandidacyFactory(complete=True, with_applicant=True)
    applicant = candidacy.applicant
    request, _ = invite_and_sign(candidacy, SignatureAct.CANDIDACY, SignerRole.PRESIDENT)
    signed = type(request).objects.get(pk=request.pk)
    assert signed.status == SignatureStatus.SIGNED
    assert signed.content_hash == services.content_hash(Candidacy.objects.get(pk=candidacy.pk))
    mail.outbox.clear()

    current = Candidacy.objects.get(pk=candidacy.pk)
    with django_capture_on_commit_callbacks(execute=True):
        services.candidacy_update_identity(
            actor=applicant,
            candidacy=current,
            version=current.version,
            data={"territory": "Autre territoire", "departement": "64", "prescriber_name": "D"},
        )

    voided = type(request).objects.get(pk=request.pk)
    assert voided.status == SignatureStatus.VOIDED
    assert [message.to for message in mail.outbox if "annulée" in message.subject] == [
        [request.email]
    ]


@pytest.mark.django_db
def test_submission_needs_every_signature_on_the_current_version(ansa):
    candidacy = CandidacyFactory(complete=True, with_applicant=True)
    _add_required_evidence(candidacy)
    blockers = services.submission_blockers(Candidacy.objects.get(pk=candidacy.pk))
    assert sum("Signature manquante" in problem for problem in blockers) == 3

    invite_and_sign(candidacy, SignatureAct.CANDIDACY, SignerRole.PRESIDENT)
    invite_and_sign(candidacy, SignatureAct.COMMITMENT, SignerRole.PRESCRIBER)
    invite_and_sign(candidacy, SignatureAct.COMMITMENT, SignerRole.OPERATOR)
    current = Candidacy.objects.get(pk=candidacy.pk)
    assert services.submission_blockers(current) == []

    services.candidacy_submit(actor=candidacy.applicant, candidacy=current, version=current.version)
    assert Candidacy.objects.get(pk=candidacy.pk).state == S.SUBMITTED


def _add_required_evidence(candidacy):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from candidacy import criteria

    for criterion in criteria.criteria_for(candidacy.hypothesis):
        for kind in criterion.evidence:
            if kind.required:
                current = Candidacy.objects.get(pk=candidacy.pk)
                services.evidence_add(
                    actor=candidacy.applicant,
                    candidacy=current,
                    version=current.version,
                    code=criterion.code,
                    kind=kind.key,
                    uploaded=SimpleUploadedFile("piece.pdf", b"%PDF-1.4\n% piece\n"),
                )


@pytest.mark.django_db
def test_a_fake_pdf_is_refused_and_nothing_is_stored(settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    candidacy = CandidacyFactory(with_applicant=True)
    with pytest.raises(ValidationError):
        services.evidence_add(
            actor=candidacy.applicant,
            candidacy=candidacy,
            version=candidacy.version,
            code="A1",
            kind="annual_accounts",
            uploaded=SimpleUploadedFile("comptes.pdf", b"<html>pas un PDF</html>"),
        )
    assert not candidacy.evidence.exists()
    assert Candidacy.objects.get(pk=candidacy.pk).version == candidacy.version


@pytest.mark.django_db
def test_decisions_respect_the_capacity_and_are_notified_together(ansa):
    season = SeasonFactory(slug="capacite", capacity_min=1, capacity_max=1)
    first = CandidacyFactory(season=season, under_review=True, with_applicant=True)
    second = CandidacyFactory(season=season, shortlisted=True, with_applicant=True)
    services.decision_prepare(actor=ansa, candidacy=first, decision=Decision.SELECTED, reason="")
    services.decision_prepare(actor=ansa, candidacy=second, decision=Decision.SELECTED, reason="")

    with pytest.raises(ValidationError):
        services.decisions_notify(actor=ansa, season=season)
    assert set(season.candidacies.values_list("state", flat=True)) == {
        S.UNDER_REVIEW,
        S.SHORTLISTED,
    }

    services.decision_prepare(
        actor=ansa,
        candidacy=second,
        decision=Decision.NOT_SELECTED,
        reason="Le partenariat avec la collectivité reste à construire.",
    )
    services.decisions_notify(actor=ansa, season=season)
    assert Candidacy.objects.get(pk=first.pk).state == S.SELECTED
    assert Candidacy.objects.get(pk=second.pk).state == S.NOT_SELECTED
    assert first.applicant.notifications.get().title.startswith("Votre candidature est retenue")
    refused = second.applicant.notifications.get()
    assert "Le partenariat avec la collectivité" in refused.body


@pytest.mark.django_db
def test_not_selected_needs_a_reason(ansa):
    candidacy = CandidacyFactory(under_review=True)
    with pytest.raises(ValidationError):
        services.decision_prepare(
            actor=ansa, candidacy=candidacy, decision=Decision.NOT_SELECTED, reason=" "
        )


@pytest.mark.django_db
def test_the_agreement_makes_a_swarmed_structure_and_opens_the_framework():
    candidacy = CandidacyFactory(state=S.SELECTED, with_applicant=True)
    director = candidacy.applicant
    colleagues = [MembershipFactory(structure=candidacy.structure).user for _ in range(3)]
    request = services.signature_invite(
        actor=director,
        candidacy=candidacy,
        act=SignatureAct.AGREEMENT,
        signer_role=SignerRole.DIRECTOR_GENERAL,
        full_name=director.get_full_name(),
        email=director.email,
        organisation=candidacy.structure.name,
    )
    with pytest.raises(ValidationError):
        services.agreement_sign(
            user=director,
            request=request,
            referent=colleagues[0],
            participants=[director, *colleagues[1:]],
            method="x",
        )

    agreement = services.agreement_sign(
        user=director,
        request=request,
        referent=colleagues[0],
        participants=colleagues[1:],
        method="Compte Essaim authentifié",
    )

    assert agreement.people[0]["role"] == "referent"
    roles = dict(SwarmedMember.objects.values_list("user_id", "role"))
    assert roles == {
        colleagues[0].pk: "referent",
        colleagues[1].pk: "participant",
        colleagues[2].pk: "participant",
    }
    assert Role.REFERENT in user_roles(type(director).objects.get(pk=colleagues[0].pk))
    assert Role.PARTICIPANT in user_roles(type(director).objects.get(pk=colleagues[2].pk))


@pytest.mark.django_db
def test_retention_anonymises_old_refused_dossiers_only():
    season = SeasonFactory(slug="ancienne", retention_days=730)
    old = CandidacyFactory(
        season=season,
        state=S.NOT_SELECTED,
        needs="Nous manquons de temps pour prospecter.",
        decided_at=timezone.now() - datetime.timedelta(days=731),
        complete=True,
    )
    recent = CandidacyFactory(
        season=season,
        state=S.NOT_SELECTED,
        needs="Texte récent",
        decided_at=timezone.now() - datetime.timedelta(days=10),
        complete=True,
    )
    selected = CandidacyFactory(
        season=season,
        state=S.SELECTED,
        needs="Texte retenu",
        decided_at=timezone.now() - datetime.timedelta(days=900),
        complete=True,
    )

    from candidacy.tasks import anonymise_expired_candidacies

    assert anonymise_expired_candidacies() == 1
    old.refresh_from_db()
    assert old.answers == {} and old.needs == "" and old.anonymised_at is not None
    assert Candidacy.objects.get(pk=recent.pk).needs == "Texte récent"
    assert Candidacy.objects.get(pk=selected.pk).needs == "Texte retenu"


@pytest.mark.django_db
def test_the_right_people_hear_of_each_step(ansa):
    candidacy = CandidacyFactory(submitted=True, with_applicant=True)
    services.candidacy_move(actor=ansa, candidacy=candidacy, move_name="start_review")
    assert candidacy.applicant.notifications.get().kind == "candidacy.under_review"

    services.candidacy_withdraw(
        actor=candidacy.applicant, candidacy=candidacy, reason="Changement de direction."
    )
    assert ansa.notifications.get().kind == "candidacy.withdrawn"


@pytest.mark.django_db
def test_season_members_can_download_the_restricted_tools(client):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    from curriculum.demo import ensure_tools_collection

    candidacy = CandidacyFactory(state=S.SELECTED, with_applicant=True)
    director = candidacy.applicant
    request = services.signature_invite(
        actor=director,
        candidacy=candidacy,
        act=SignatureAct.AGREEMENT,
        signer_role=SignerRole.DIRECTOR_GENERAL,
        full_name=director.get_full_name(),
        email=director.email,
        organisation=candidacy.structure.name,
    )
    tool = get_document_model()(title="Grille", collection=ensure_tools_collection())
    tool.file.save("grille.pdf", ContentFile(b"%PDF-1.4 grille"), save=True)
    client.force_login(director)
    assert client.get(tool.url).status_code == 302  # not yet a member of a season

    services.agreement_sign(
        user=director, request=request, referent=director, participants=[], method="x"
    )

    response = client.get(tool.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 grille"
