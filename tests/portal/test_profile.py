"""The profile page (RGPD): one's own details, data export and account deletion request."""

import datetime
import json

import pytest
from bs4 import BeautifulSoup
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from portal.accounts import services
from portal.accounts.forms import normalise_french_phone
from portal.accounts.permissions import can_cancel_deletion_request, can_handle_deletion_request
from portal.audit.services import audit_log
from portal.enums import DeletionRequestStatus
from portal.models import (
    AccountDeletionRequest,
    AuditLogEntry,
    Invitation,
    Membership,
    Notification,
    NotificationPreference,
    Structure,
    User,
)
from portal.roles import Role
from tests.helpers import count_queries
from tests.portal.factories import UserFactory


@pytest.fixture
def person(client):
    user = UserFactory(
        first_name="Élodie", last_name="Marchand", email="elodie@essaim.test", phone=""
    )
    client.force_login(user)
    return user


def profile_data(user, **changes) -> dict:
    data = {"first_name": user.first_name, "last_name": user.last_name, "phone": user.phone}
    if user.login_code_by_email:
        data["login_code_by_email"] = "on"
    return {**data, **changes}


def membership(user, name, *, start=None, end=None, role="referent", is_admin=False):
    structure = Structure.objects.get_or_create(name=name, defaults={"kind": "operator"})[0]
    return Membership.objects.create(
        user=user,
        structure=structure,
        role=role,
        is_admin=is_admin,
        start_date=start or datetime.date(2025, 3, 12),
        end_date=end,
    )


# The profile page


@pytest.mark.django_db
def test_the_profile_needs_a_login(client, home):
    for name in ["accounts:profile", "accounts:export", "accounts:delete_request"]:
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert response["Location"].startswith(f"{reverse('account_login')}?next=")


@pytest.mark.django_db
def test_profile_shows_active_memberships_and_links_to_account_pages(client, home, person):
    membership(person, "Maison de l'emploi du Béarn", is_admin=True)
    membership(
        person,
        "Mission locale des Landes",
        start=datetime.date(2024, 1, 1),
        end=datetime.date(2025, 1, 1),
    )
    membership(UserFactory(), "Structure d'une autre personne")

    response = client.get(reverse("accounts:profile"))
    soup = BeautifulSoup(response.content, "html.parser")

    rows = [
        [cell.get_text(" ", strip=True) for cell in row.find_all("td")]
        for row in soup.select("section[aria-labelledby=profile-structures] tbody tr")
    ]
    assert rows == [
        [
            "Maison de l'emploi du Béarn (vous gérez la structure)",
            "Référent·e",
            "12 mars 2025",
        ]
    ]
    links = {a["href"] for a in soup.select("main a")}
    assert {
        "/comptes/email/",
        "/comptes/password/change/",
        "/comptes/2fa/",
        "/notifications/preferences/",
        reverse("accounts:export"),
        reverse("accounts:delete_request"),
    } <= links
    assert soup.select_one("input[name=first_name]")["value"] == "Élodie"
    assert len(soup.select("h1")) == 1


@pytest.mark.django_db
def test_profile_in_english_links_to_english_notification_preferences(client, home, english):
    client.force_login(UserFactory())
    soup = BeautifulSoup(client.get("/en/mon-compte/").content, "html.parser")
    assert soup.select_one('a[href="/en/notifications/preferences/"]') is not None


@pytest.mark.django_db
def test_profile_change_is_audited_with_before_and_after(client, home, person):
    response = client.post(
        reverse("accounts:profile"),
        profile_data(person, last_name="Marchand-Etcheverry", phone="06 12 34 56 78"),
    )

    assert response.status_code == 302
    person.refresh_from_db()
    assert person.last_name == "Marchand-Etcheverry"
    entry = AuditLogEntry.objects.get(action="user.update_profile")
    assert entry.actor == person
    assert entry.content_type == ContentType.objects.get_for_model(User)
    assert entry.object_id == str(person.pk)
    assert entry.changes == {
        "last_name": ["Marchand", "Marchand-Etcheverry"],
        "phone": ["", "06 12 34 56 78"],
    }
    assert (
        "Vos informations sont enregistrées." in client.get(response["Location"]).content.decode()
    )


@pytest.mark.django_db
def test_saving_an_unchanged_profile_writes_no_audit_entry(client, home, person):
    client.post(reverse("accounts:profile"), profile_data(person))
    assert not AuditLogEntry.objects.exists()


@pytest.mark.django_db
def test_the_emailed_login_code_is_chosen_on_the_profile_and_audited(client, home, person):
    client.post(reverse("accounts:profile"), profile_data(person, login_code_by_email="on"))
    person.refresh_from_db()
    assert person.login_code_by_email
    assert AuditLogEntry.objects.get().changes == {"login_code_by_email": [False, True]}


@pytest.mark.parametrize(
    "typed",
    [
        "0612345678",
        "06 12 34 56 78",
        "06.12.34.56.78",
        "06-12-34-56-78",
        "+33612345678",
        "+33 6 12 34 56 78",
        "+33 6.12.34.56.78",
    ],
)
def test_phone_number_is_normalised(typed):
    assert normalise_french_phone(typed) == "06 12 34 56 78"


@pytest.mark.parametrize(
    "typed",
    [
        "061234567",
        "06123456789",
        "6 12 34 56 78",
        "0012345678",
        "+44 20 7946 0958",
        "06 12 AB 56 78",
    ],
)
def test_phone_number_must_be_french(typed):
    with pytest.raises(ValidationError):
        normalise_french_phone(typed)


@pytest.mark.django_db
def test_phone_is_stored_normalised(client, home, person):
    client.post(reverse("accounts:profile"), profile_data(person, phone="+33 5.59.12.34.56"))
    person.refresh_from_db()
    assert person.phone == "05 59 12 34 56"


@pytest.mark.django_db
def test_profile_errors_are_french_next_to_fields_and_typed_values_kept(client, home, person):
    response = client.post(
        reverse("accounts:profile"), profile_data(person, first_name="", phone="12 34")
    )
    soup = BeautifulSoup(response.content, "html.parser")

    assert response.status_code == 200
    summary = soup.select_one("#error-summary")
    assert summary is not None
    phone = soup.select_one("input[name=phone]")
    assert phone["value"] == "12 34"
    assert phone["aria-invalid"] == "true"
    assert "Saisissez un numéro de téléphone français" in soup.select_one("#id_phone_error").text
    assert soup.select_one("#id_first_name_error").text.strip() in {
        "Champ requis.",
        "Ce champ est obligatoire.",
    }
    assert summary.select_one('a[href="#id_phone"]') is not None
    assert soup.select_one("input[name=last_name]")["value"] == "Marchand"
    person.refresh_from_db()
    assert person.first_name == "Élodie"
    assert not AuditLogEntry.objects.exists()


# « Télécharger mes données »


def fill_the_portal_for(user, *, structure_name: str, secret: str):
    """Every kind of record Essaim keeps about a person, each marked with `secret`."""
    user.phone = f"05 59 00 00 0{user.pk % 10}"
    user.save()
    membership(user, structure_name)
    Notification.objects.create(
        recipient=user,
        category="account",
        kind="essai",
        title=f"Notification {secret}",
        delivery="off",
    )
    NotificationPreference.objects.create(user=user, category="training", delivery="digest")
    audit_log(actor=user, action="user.update_profile", obj=user, changes={"phone": ["", secret]})
    AccountDeletionRequest.objects.create(
        user=user,
        email=user.email,
        reason=f"Motif {secret}",
        status=DeletionRequestStatus.CANCELLED,
    )


@pytest.mark.django_db
def test_data_export_is_a_json_attachment_of_everything_about_me(client, home, person):
    fill_the_portal_for(person, structure_name="Maison de l'emploi du Béarn", secret="mien")

    response = client.get(reverse("accounts:export"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="essaim-mes-donnees-')
    assert "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data["account"]["email"] == "elodie@essaim.test"
    assert data["account"]["first_name"] == "Élodie"
    assert data["account"]["phone"] == person.phone
    assert data["memberships"][0]["structure"] == "Maison de l'emploi du Béarn"
    assert data["memberships"][0]["function"] == "Référent·e"
    assert data["notifications"][0]["title"] == "Notification mien"
    assert data["notification_preferences"] == [
        {"category": "Formation-action et séances", "delivery": "Dans un résumé quotidien"}
    ]
    assert data["audit_entries_as_actor"][0]["changes"] == {"phone": ["", "mien"]}
    assert data["deletion_requests"][0]["reason"] == "Motif mien"


@pytest.mark.django_db
def test_data_export_holds_nothing_of_other_people(client, home, person):
    fill_the_portal_for(person, structure_name="Maison de l'emploi du Béarn", secret="mien")
    other = UserFactory(first_name="Zoé", last_name="Voisine", email="zoe@ailleurs.test")
    fill_the_portal_for(other, structure_name="Structure de Zoé", secret="autrui")
    Invitation.objects.create(
        structure=Structure.objects.get(name="Maison de l'emploi du Béarn"),
        email=person.email,
        role="referent",
        invited_by=other,
        expires_at=datetime.datetime(2027, 4, 1, tzinfo=datetime.UTC),
    )

    content = client.get(reverse("accounts:export")).content.decode()

    assert json.loads(content)["invitations_received"][0]["email"] == person.email
    for trace in ["autrui", "Zoé", "Voisine", "zoe@ailleurs.test", other.phone, "Structure de Zoé"]:
        assert trace not in content


@pytest.mark.django_db
def test_data_export_has_no_password_hash(client, home, person):
    content = client.get(reverse("accounts:export")).content.decode()
    assert "password" not in content
    assert person.password not in content
    assert "md5$" not in content


# « Demander la suppression de mon compte »


@pytest.mark.django_db
def test_deletion_request_needs_the_confirmation_box(client, home, person):
    response = client.post(reverse("accounts:delete_request"), {"reason": "Je change de poste."})
    soup = BeautifulSoup(response.content, "html.parser")

    assert response.status_code == 200
    assert (
        "Cochez la case pour confirmer votre demande de suppression."
        in soup.select_one("#id_confirm_error").get_text()
    )
    assert soup.select_one("textarea[name=reason]").get_text().strip() == "Je change de poste."
    assert not AccountDeletionRequest.objects.exists()


@pytest.mark.django_db
def test_deletion_request_is_recorded_audited_and_sent_to_the_team(
    client, home, person, mailoutbox, settings, django_capture_on_commit_callbacks
):
    settings.ESSAIM_CONTACT_EMAIL = "programme@ansa.test"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("accounts:delete_request"), {"reason": "Je change de poste.", "confirm": "on"}
        )

    request = AccountDeletionRequest.objects.get()
    assert (request.user, request.email, request.reason) == (
        person,
        "elodie@essaim.test",
        "Je change de poste.",
    )
    assert request.status == DeletionRequestStatus.PENDING
    entry = AuditLogEntry.objects.get(action="account_deletion_request.create")
    assert (entry.actor, entry.object_id) == (person, str(request.pk))
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["programme@ansa.test"]
    assert "elodie@essaim.test" in mailoutbox[0].body
    assert reverse("accounts:deletion_requests") in mailoutbox[0].body
    page = client.get(response["Location"]).content.decode()
    assert "dans un délai d'un mois, comme le prévoit le RGPD" in page


@pytest.mark.django_db
def test_the_team_is_emailed_only_once_the_request_is_saved(
    person, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.deletion_request_create(user=person, reason="")
    assert mailoutbox == []
    assert len(callbacks) == 1


@pytest.mark.django_db
def test_one_pending_request_at_a_time(client, home, person):
    services.deletion_request_create(user=person)
    with pytest.raises(ValidationError):
        services.deletion_request_create(user=person)
    response = client.get(reverse("accounts:delete_request"))
    assert response.status_code == 302
    assert AccountDeletionRequest.objects.count() == 1


@pytest.mark.django_db
def test_a_pending_request_shows_on_the_profile_and_can_be_cancelled(
    client, home, person, mailoutbox, django_capture_on_commit_callbacks
):
    services.deletion_request_create(user=person)
    soup = BeautifulSoup(client.get(reverse("accounts:profile")).content, "html.parser")
    notice = soup.select_one("section[aria-labelledby=pending-deletion-title]")
    assert notice is not None
    assert notice.select_one("form")["action"] == reverse("accounts:delete_cancel")
    assert soup.select_one(f'a[href="{reverse("accounts:delete_request")}"]') is None

    assert client.get(reverse("accounts:delete_cancel")).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("accounts:delete_cancel"))

    assert AccountDeletionRequest.objects.get().status == DeletionRequestStatus.CANCELLED
    entry = AuditLogEntry.objects.get(action="account_deletion_request.cancel")
    assert entry.changes == {"status": ["pending", "cancelled"]}
    assert "annulé" in mailoutbox[-1].body
    html = client.get(reverse("accounts:profile")).content.decode()
    assert "pending-deletion-title" not in html


@pytest.mark.django_db
def test_nobody_cancels_the_request_of_someone_else(person):
    request = services.deletion_request_create(user=person)
    stranger = UserFactory()
    assert not can_cancel_deletion_request(stranger, request)
    with pytest.raises(PermissionDenied):
        services.deletion_request_cancel(user=stranger, deletion_request=request)


# Ansa handles deletion requests


@pytest.mark.django_db
def test_only_ansa_handles_deletion_requests(client, home, person):
    request = services.deletion_request_create(user=person)
    urls = [
        reverse("accounts:deletion_requests"),
        reverse("accounts:deletion_done", args=[request.pk]),
    ]
    for url in urls:
        client.logout()
        assert client.get(url).status_code == 302
        for role in set(Role) - {Role.ANSA}:
            client.force_login(UserFactory(roles=[role]))
            assert client.get(url).status_code == 403, (url, role)
        client.force_login(UserFactory(roles=[Role.HEAD_OF_NETWORK]))
        assert client.post(urls[1]).status_code == 403
        client.force_login(UserFactory(roles=[Role.ANSA]))
        assert client.get(url).status_code == 200
    assert AccountDeletionRequest.objects.get().status == DeletionRequestStatus.PENDING
    assert can_handle_deletion_request(UserFactory(roles=[Role.ANSA]), request)
    assert not can_handle_deletion_request(person, request)


@pytest.mark.django_db
def test_handling_a_request_deactivates_and_anonymises_the_account(client, home, person):
    person.phone = "06 12 34 56 78"
    person.save()
    request = services.deletion_request_create(user=person, reason="")
    ansa = UserFactory(roles=[Role.ANSA])
    client.force_login(ansa)

    listing = client.get(reverse("accounts:deletion_requests")).content.decode()
    assert "elodie@essaim.test" in listing
    response = client.post(reverse("accounts:deletion_done", args=[request.pk]))

    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == DeletionRequestStatus.DONE
    assert request.handled_at is not None
    person.refresh_from_db()
    assert not person.is_active
    assert (person.first_name, person.last_name, person.phone) == ("", "", "")
    assert not person.has_usable_password()
    completed = AuditLogEntry.objects.get(action="account_deletion_request.complete")
    assert completed.actor == ansa
    assert completed.changes["status"] == ["pending", "done"]
    anonymised = AuditLogEntry.objects.get(action="user.deactivate_and_anonymise")
    assert anonymised.object_id == str(person.pk)
    assert anonymised.changes["is_active"] == [True, False]
    # The log says what was erased, never what it said.
    for erased in ["Élodie", "Marchand", "06 12 34 56 78"]:
        assert erased not in json.dumps(anonymised.changes, ensure_ascii=False)
        assert erased not in anonymised.object_repr


@pytest.mark.django_db
def test_a_closed_request_cannot_be_handled_again(client, home, person):
    request = services.deletion_request_create(user=person)
    services.deletion_request_cancel(user=person, deletion_request=request)
    client.force_login(UserFactory(roles=[Role.ANSA]))

    client.post(reverse("accounts:deletion_done", args=[request.pk]))

    person.refresh_from_db()
    assert person.is_active
    assert AccountDeletionRequest.objects.get().status == DeletionRequestStatus.CANCELLED
    with pytest.raises(ValidationError):
        services.deletion_request_complete(
            actor=UserFactory(roles=[Role.ANSA]), deletion_request=request
        )


@pytest.mark.django_db
def test_only_ansa_may_complete_a_request_through_the_service(person):
    request = services.deletion_request_create(user=person)
    with pytest.raises(PermissionDenied):
        services.deletion_request_complete(actor=person, deletion_request=request)


@pytest.mark.django_db
def test_deletion_requests_page_query_count_stays_the_same(client, home):
    client.force_login(UserFactory(roles=[Role.ANSA]))
    url = reverse("accounts:deletion_requests")

    services.deletion_request_create(user=UserFactory())
    closed = services.deletion_request_create(user=UserFactory())
    services.deletion_request_cancel(user=closed.user, deletion_request=closed)
    few = count_queries(client, url)
    for user in UserFactory.create_batch(6):
        request = services.deletion_request_create(user=user, reason="Motif")
        if user.pk % 2:
            services.deletion_request_cancel(user=user, deletion_request=request)
    assert count_queries(client, url) == few


@pytest.mark.django_db
def test_admin_lists_deletion_requests_read_only_for_ansa(client, home, person):
    from django.contrib.auth.models import Group, Permission

    request = services.deletion_request_create(user=person)
    Group.objects.get(name=Role.ANSA.value).permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    client.force_login(UserFactory(roles=[Role.ANSA], is_staff=True))

    index = client.get("/admin/demandes-suppression/")
    assert index.status_code == 200
    assert "elodie@essaim.test" in index.content.decode()
    assert client.get(f"/admin/demandes-suppression/inspect/{request.pk}/").status_code == 200
    for path in ["new/", f"edit/{request.pk}/", f"delete/{request.pk}/"]:
        assert client.get(f"/admin/demandes-suppression/{path}").status_code == 404
