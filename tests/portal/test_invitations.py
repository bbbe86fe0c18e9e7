"""Invitations: a personal, signed link that expires, works once, and can be re-sent or revoked."""

import re
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core import mail, signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from portal.enums import InvitationStatus, MembershipRole
from portal.models import AuditLogEntry, Invitation, Membership
from portal.roles import Role
from portal.structures import services, tokens
from tests.portal.factories import UserFactory
from tests.portal.structure_factories import (
    InvitationFactory,
    MembershipFactory,
    page_text,
)

pytestmark = pytest.mark.django_db

LINK = re.compile(r"https?://\S+?(/structures/invitation/[^/\s]+/)")


def link_in(message) -> str:
    """The path of the acceptance link in an invitation e-mail."""
    return LINK.search(message.body).group(1)


def accept_url(invitation: Invitation) -> str:
    return reverse("structures:accept", args=[tokens.make_token(invitation)])


@pytest.fixture
def admin():
    return MembershipFactory(admin=True, structure__name="Association Tremplin Béarn")


@pytest.fixture
def invite(admin, django_capture_on_commit_callbacks):
    """Invite someone as the structure's admin; returns the invitation once its e-mail left."""

    def invite(email="camille@exemple.fr", **kwargs) -> Invitation:
        with django_capture_on_commit_callbacks(execute=True):
            return services.invitation_create(
                actor=admin.user,
                structure=admin.structure,
                email=email,
                role=kwargs.pop("role", MembershipRole.REFERENT),
                **kwargs,
            )

    return invite


# Inviting


def test_admin_invites_through_the_page_and_the_email_carries_the_link(
    client, home, admin, django_capture_on_commit_callbacks
):
    client.force_login(admin.user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("structures:invite", args=[admin.structure_id]),
            {"email": "Camille@Exemple.fr", "role": MembershipRole.REFERENT, "is_admin": "on"},
        )

    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert invitation.email == "camille@exemple.fr"
    assert invitation.is_admin
    assert invitation.invited_by == admin.user
    assert invitation.expires_at - timezone.now() > timedelta(days=13, hours=23)
    (message,) = mail.outbox
    assert message.to == ["camille@exemple.fr"]
    assert message.subject == "Invitation à rejoindre Association Tremplin Béarn sur Essaim"
    assert "vous invite à rejoindre Association Tremplin Béarn" in message.body
    assert link_in(message) == accept_url(invitation)
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert link_in(message) in html
    assert AuditLogEntry.objects.filter(action="invitation.create").count() == 1


def test_the_email_leaves_only_once_the_invitation_is_saved(
    admin, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.invitation_create(
            actor=admin.user, structure=admin.structure, email="a@exemple.fr", role="referent"
        )
    assert mail.outbox == []
    assert len(callbacks) == 1


def test_invite_form_keeps_typed_values_and_explains_errors_in_french(client, home, admin):
    client.force_login(admin.user)
    response = client.post(
        reverse("structures:invite", args=[admin.structure_id]),
        {"email": "pas-une-adresse", "role": MembershipRole.CRE},
    )
    assert response.status_code == 200
    text = page_text(response)
    assert "Le formulaire contient des erreurs" in text
    assert "Saisissez une adresse" in text
    html = response.content.decode()
    assert 'value="pas-une-adresse"' in html
    assert '<option value="cre" selected>' in html


def test_a_current_member_cannot_be_invited_again(invite, admin):
    MembershipFactory(structure=admin.structure, user__email="deja@exemple.fr")
    with pytest.raises(ValidationError) as error:
        invite("deja@exemple.fr")
    assert "fait déjà partie" in error.value.message_dict["email"][0]


def test_a_pending_invitation_is_re_sent_rather_than_duplicated(invite):
    invite("camille@exemple.fr")
    with pytest.raises(ValidationError) as error:
        invite("CAMILLE@exemple.fr")
    assert "renvoyez-la" in error.value.message_dict["email"][0]


def test_member_without_admin_rights_cannot_invite(client, home, admin):
    member = MembershipFactory(structure=admin.structure)
    client.force_login(member.user)
    url = reverse("structures:invite", args=[admin.structure_id])
    assert client.get(url).status_code == 403
    assert client.post(url, {"email": "x@exemple.fr", "role": "referent"}).status_code == 403
    with pytest.raises(PermissionDenied):
        services.invitation_create(
            actor=member.user, structure=admin.structure, email="x@exemple.fr", role="referent"
        )
    assert not Invitation.objects.exists()


def test_member_of_another_structure_gets_404_when_inviting_there(client, home, admin):
    client.force_login(MembershipFactory(admin=True).user)
    url = reverse("structures:invite", args=[admin.structure_id])
    assert client.get(url).status_code == 404
    assert client.post(url, {"email": "x@exemple.fr", "role": "referent"}).status_code == 404


# Accepting


def test_invited_person_accepts_and_joins_with_the_invited_function(client, home, invite, admin):
    invitation = invite(role=MembershipRole.CRE, is_admin=True)
    path = link_in(mail.outbox[0])
    person = UserFactory(email="camille@exemple.fr")
    client.force_login(person)

    page = client.get(path)
    assert page.status_code == 200
    assert "Rejoindre Association Tremplin Béarn" in page_text(page)

    response = client.post(path)

    assert response.status_code == 302
    assert response["Location"] == reverse("structures:detail", args=[admin.structure_id])
    membership = Membership.objects.get(user=person)
    assert membership.structure == admin.structure
    assert (membership.role, membership.is_admin) == (MembershipRole.CRE, True)
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.ACCEPTED
    assert invitation.accepted_by == person
    assert invitation.accepted_at is not None
    assert AuditLogEntry.objects.filter(action="invitation.accept", actor=person).exists()
    assert AuditLogEntry.objects.filter(action="membership.create", actor=person).exists()
    assert client.get(response["Location"]).status_code == 200


def test_a_link_works_only_once(client, home, invite):
    invite()
    path = link_in(mail.outbox[0])
    client.force_login(UserFactory(email="camille@exemple.fr"))
    client.post(path)

    again = client.post(path)

    assert again.status_code == 410
    assert "Cette invitation a déjà été utilisée" in page_text(again)
    assert Membership.objects.filter(user__email="camille@exemple.fr").count() == 1


def test_expired_invitation_asks_for_a_new_one(client, home):
    invitation = InvitationFactory(expired=True, email="camille@exemple.fr")
    client.force_login(UserFactory(email="camille@exemple.fr"))

    for response in (client.get(accept_url(invitation)), client.post(accept_url(invitation))):
        assert response.status_code == 410
        text = page_text(response)
        assert "Ce lien d'invitation a expiré" in text
        assert "nouvelle invitation" in text
    assert not Membership.objects.exists()


def test_link_older_than_fourteen_days_is_expired_whatever_the_database_says(
    client, home, monkeypatch
):
    invitation = InvitationFactory()
    url = accept_url(invitation)
    monkeypatch.setattr(tokens, "VALIDITY", timedelta(seconds=-1))
    response = client.get(url)
    assert response.status_code == 410
    assert "Ce lien d'invitation a expiré" in page_text(response)


def test_revoked_invitation_is_refused(client, home, invite, admin):
    invitation = invite()
    path = link_in(mail.outbox[0])
    services.invitation_revoke(actor=admin.user, invitation=invitation)
    client.force_login(UserFactory(email="camille@exemple.fr"))

    response = client.post(path)

    assert response.status_code == 410
    assert "Cette invitation a été révoquée" in page_text(response)
    assert not Membership.objects.filter(user__email="camille@exemple.fr").exists()


def test_re_sending_invalidates_the_previous_link(
    client, home, invite, admin, django_capture_on_commit_callbacks
):
    invitation = invite()
    old_path = link_in(mail.outbox[0])
    mail.outbox.clear()
    client.force_login(admin.user)
    url = reverse("structures:invitation_resend", args=[invitation.pk])
    assert client.get(url).status_code == 200  # a confirmation page, for browsers without JS

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)

    assert response.status_code == 302
    new_path = link_in(mail.outbox[0])
    assert new_path != old_path
    client.force_login(UserFactory(email="camille@exemple.fr"))
    old = client.get(old_path)
    assert old.status_code == 410
    assert "Ce lien d'invitation a été remplacé" in page_text(old)
    assert client.post(new_path).status_code == 302


def test_re_sending_an_expired_invitation_makes_it_pending_for_fourteen_more_days(admin):
    invitation = InvitationFactory(structure=admin.structure, expired=True)
    assert invitation.effective_status == InvitationStatus.EXPIRED

    services.invitation_resend(actor=admin.user, invitation=invitation)

    invitation.refresh_from_db()
    assert invitation.effective_status == InvitationStatus.PENDING
    assert invitation.expires_at > timezone.now() + timedelta(days=13)
    assert AuditLogEntry.objects.filter(action="invitation.resend").exists()


def test_accepted_or_revoked_invitations_cannot_be_re_sent(admin):
    revoked = InvitationFactory(structure=admin.structure, revoked=True)
    accepted = InvitationFactory(structure=admin.structure, status=InvitationStatus.ACCEPTED)
    for invitation in (revoked, accepted):
        with pytest.raises(ValidationError):
            services.invitation_resend(actor=admin.user, invitation=invitation)


def test_revoking_through_the_page_asks_for_confirmation_then_logs_it(client, home, admin):
    invitation = InvitationFactory(structure=admin.structure)
    client.force_login(admin.user)
    url = reverse("structures:invitation_revoke", args=[invitation.pk])

    assert "Révoquer l'invitation" in page_text(client.get(url))
    response = client.post(url)

    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.REVOKED
    assert AuditLogEntry.objects.filter(action="invitation.revoke").exists()
    # Revoking twice says so instead of failing.
    again = client.post(url, follow=True)
    assert "Cette invitation est déjà révoquée." in page_text(again)


def test_member_without_admin_rights_cannot_resend_or_revoke(client, home, admin):
    invitation = InvitationFactory(structure=admin.structure)
    client.force_login(MembershipFactory(structure=admin.structure).user)
    for name in ("structures:invitation_resend", "structures:invitation_revoke"):
        assert client.post(reverse(name, args=[invitation.pk])).status_code == 403
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.PENDING


@pytest.mark.parametrize(
    "token",
    [
        "pas-un-jeton",
        signing.dumps({"id": 1, "nonce": "x"}, salt="another.salt"),
        signing.dumps({"id": "1", "nonce": "x"}, salt=tokens.SALT),
    ],
    # Signed tokens carry a timestamp: fixed ids keep collection identical on every xdist worker.
    ids=["not-a-token", "other-salt", "id-not-an-integer"],
)
def test_tampered_token_shows_a_clear_page(client, home, token):
    response = client.get(reverse("structures:accept", args=[token]))
    assert response.status_code == 400
    assert "Ce lien d'invitation n'est pas valide" in page_text(response)


def test_token_with_a_changed_character_is_refused(client, home):
    token = tokens.make_token(InvitationFactory())
    tampered = token[:-2] + ("A" if token[-2] != "A" else "B") + token[-1]
    assert client.get(reverse("structures:accept", args=[tampered])).status_code == 400


def test_token_of_an_invitation_that_no_longer_exists_is_not_found(client, home):
    invitation = InvitationFactory()
    url = accept_url(invitation)
    invitation.delete()
    response = client.get(url)
    assert response.status_code == 404
    assert "Ce lien d'invitation n'est pas valide" in page_text(response)


def test_logged_in_with_another_address_is_refused_because_the_invitation_is_personal(client, home):
    invitation = InvitationFactory(email="camille@exemple.fr")
    client.force_login(UserFactory(email="quelquun@exemple.fr"))

    for response in (client.get(accept_url(invitation)), client.post(accept_url(invitation))):
        assert response.status_code == 403
        text = page_text(response)
        assert "Cette invitation est destinée à une autre personne" in text
        assert "quelquun@exemple.fr" in text
        assert "camille@exemple.fr" not in text
    assert not Membership.objects.exists()
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.PENDING


def test_a_verified_secondary_address_of_the_account_may_accept(client, home):
    from allauth.account.models import EmailAddress

    invitation = InvitationFactory(email="camille@exemple.fr")
    person = UserFactory(email="camille.perso@exemple.fr")
    EmailAddress.objects.create(user=person, email="camille@exemple.fr", verified=True)
    client.force_login(person)
    assert client.post(accept_url(invitation)).status_code == 302


def test_someone_already_in_the_structure_is_told_so(client, home):
    member = MembershipFactory(user__email="camille@exemple.fr")
    invitation = InvitationFactory(structure=member.structure, email="camille@exemple.fr")
    client.force_login(member.user)
    response = client.post(accept_url(invitation))
    assert response.status_code == 409
    assert "Vous faites déjà partie de cette structure" in page_text(response)


def test_anonymous_visitor_is_offered_to_create_an_account_or_log_in(client, home):
    invitation = InvitationFactory(
        email="camille@exemple.fr", structure__name="Association Tremplin Béarn"
    )
    url = accept_url(invitation)

    response = client.get(url)

    assert response.status_code == 200
    text = page_text(response)
    assert "Invitation à rejoindre Association Tremplin Béarn" in text
    assert "camille@exemple.fr" in text
    signup = urlsplit(response.context["signup_url"])
    assert signup.path == reverse("account_signup")
    assert parse_qs(signup.query) == {"email": ["camille@exemple.fr"], "next": [url]}
    login = urlsplit(response.context["login_url"])
    assert (login.path, parse_qs(login.query)) == (reverse("account_login"), {"next": [url]})
    # The sign-up form comes with the invited address filled in.
    signup_page = client.get(response.context["signup_url"])
    assert 'value="camille@exemple.fr"' in signup_page.content.decode()


def test_anonymous_confirmation_is_sent_to_log_in_first(client, home):
    invitation = InvitationFactory()
    response = client.post(accept_url(invitation))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert not Membership.objects.exists()


def test_new_account_created_from_the_invitation_comes_back_to_it(client, home, invite, admin):
    invite("nouvelle@exemple.fr")
    path = link_in(mail.outbox[0])
    signup_url = client.get(path).context["signup_url"]
    mail.outbox.clear()

    response = client.post(
        signup_url,
        {
            "email": "nouvelle@exemple.fr",
            "password1": "un-mot-de-passe-solide-2027",
            "password2": "un-mot-de-passe-solide-2027",
        },
    )
    assert response.status_code == 302
    confirmation = re.search(r"https?://\S+?(/comptes/confirm-email/\S+/)", mail.outbox[0].body)
    confirmed = client.post(confirmation.group(1))

    assert confirmed.status_code == 302
    assert confirmed["Location"] == path
    assert client.post(path).status_code == 302
    assert Membership.objects.filter(
        user__email="nouvelle@exemple.fr", structure=admin.structure
    ).exists()


def test_services_check_who_acts(admin):
    invitation = InvitationFactory(structure=admin.structure)
    stranger = UserFactory()
    with pytest.raises(PermissionDenied):
        services.invitation_resend(actor=stranger, invitation=invitation)
    with pytest.raises(PermissionDenied):
        services.invitation_revoke(actor=stranger, invitation=invitation)
    ansa = UserFactory(roles=[Role.ANSA])
    services.invitation_revoke(actor=ansa, invitation=invitation)


def test_structure_page_lists_an_invitation_until_it_is_answered(client, home, invite, admin):
    invite("camille@exemple.fr")
    client.force_login(admin.user)
    page = reverse("structures:detail", args=[admin.structure_id])
    assert "camille@exemple.fr" in page_text(client.get(page))

    client.force_login(UserFactory(email="camille@exemple.fr"))
    client.post(link_in(mail.outbox[0]))

    client.force_login(admin.user)
    assert "Aucune invitation n'attend de réponse." in page_text(client.get(page))
