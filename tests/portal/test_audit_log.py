"""The audit log: append-only, read by Ansa alone, filterable, exportable, never edited."""

import csv
import datetime
import io

import pytest
from bs4 import BeautifulSoup
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.urls import NoReverseMatch, reverse

from portal.audit.permissions import can_read_audit_log
from portal.audit.services import audit_log
from portal.models import AuditLogEntry, Structure
from portal.roles import Role
from tests.helpers import count_queries
from tests.portal.factories import UserFactory

PARIS_MARCH_12_2027_14_05 = datetime.datetime(2027, 3, 12, 13, 5, tzinfo=datetime.UTC)


def entry(*, obj, actor=None, action="structure.update", changes=None, created_at=None):
    """An entry written by the service, or, when dated, as the service would have written it."""
    if created_at is None:
        return audit_log(actor=actor, action=action, obj=obj, changes=changes)
    return AuditLogEntry.objects.create(
        actor=actor,
        actor_label=f"{actor} <{actor.email}>" if actor else "système",
        action=action,
        content_type=ContentType.objects.get_for_model(obj),
        object_id=str(obj.pk),
        object_repr=str(obj),
        changes=changes or {},
        created_at=created_at,
    )


@pytest.fixture
def ansa(client):
    user = UserFactory(roles=[Role.ANSA])
    client.force_login(user)
    return user


@pytest.fixture
def structure(db):
    return Structure.objects.create(name="Maison de l'emploi du Béarn", kind="operator")


AUDIT_URLS = ["audit:list", "audit:export"]


@pytest.mark.django_db
@pytest.mark.parametrize("name", AUDIT_URLS)
def test_only_ansa_reads_the_audit_log(client, home, name):
    url = reverse(name)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(f"{reverse('account_login')}?next=")

    for role in set(Role) - {Role.ANSA}:
        client.force_login(UserFactory(roles=[role]))
        assert client.get(url).status_code == 403, role

    client.force_login(UserFactory(roles=[Role.ANSA]))
    assert client.get(url).status_code == 200
    client.force_login(UserFactory(is_superuser=True))
    assert client.get(url).status_code == 200


@pytest.mark.django_db
def test_only_ansa_reads_an_objects_history(client, home, structure):
    url = reverse("audit:object", args=[entry(obj=structure).content_type_id, structure.pk])
    assert client.get(url).status_code == 302
    client.force_login(UserFactory(roles=[Role.HEAD_OF_NETWORK]))
    assert client.get(url).status_code == 403
    client.force_login(UserFactory(roles=[Role.ANSA]))
    assert client.get(url).status_code == 200


@pytest.mark.django_db
def test_reading_the_log_is_an_ansa_predicate():
    assert can_read_audit_log(UserFactory(roles=[Role.ANSA]))
    assert can_read_audit_log(UserFactory(is_superuser=True))
    assert not can_read_audit_log(UserFactory(roles=[Role.HEAD_OF_NETWORK]))
    assert not can_read_audit_log(UserFactory(roles=[Role.ANSA], is_active=False))


@pytest.mark.django_db
def test_each_row_shows_date_actor_action_object_and_changes(client, home, ansa, structure):
    actor = UserFactory(first_name="Karim", last_name="Benali", email="karim@essaim.test")
    entry(
        obj=structure,
        actor=actor,
        changes={"city": ["Pau", "Oloron-Sainte-Marie"], "website": ["", "https://mde.test"]},
        created_at=PARIS_MARCH_12_2027_14_05,
    )

    soup = BeautifulSoup(client.get(reverse("audit:list")).content, "html.parser")
    row = soup.select_one(".audit-table > tbody > tr")
    cells = [cell.get_text(" ", strip=True) for cell in row.find_all("td", recursive=False)]

    assert cells[0] == "12 mars 2027 à 14:05"
    assert cells[1] == "Karim Benali <karim@essaim.test>"
    assert cells[2] == "structure.update"
    assert cells[3].startswith("Maison de l'emploi du Béarn")
    assert "Structure" in cells[3]
    changes = row.select_one("td table")
    assert [th.get_text() for th in changes.select(":scope > thead th")] == [
        "Champ",
        "Avant",
        "Après",
    ]
    assert [
        [cell.get_text(strip=True) for cell in line.find_all(["th", "td"])]
        for line in changes.select(":scope > tbody > tr")
    ] == [
        ["Commune", "Pau", "Oloron-Sainte-Marie"],
        ["Site internet", "(vide)", "https://mde.test"],
    ]
    history = reverse(
        "audit:object", args=[ContentType.objects.get_for_model(Structure).pk, structure.pk]
    )
    assert row.select_one(f'a[href="{history}"]') is not None


@pytest.mark.django_db
def test_the_list_is_newest_first_fifty_a_page(client, home, ansa, structure):
    start = PARIS_MARCH_12_2027_14_05
    for day in range(52):
        entry(
            obj=structure,
            action=f"essai.{day:02d}",
            created_at=start + datetime.timedelta(days=day),
        )

    first = client.get(reverse("audit:list"))
    second = client.get(reverse("audit:list"), {"page": 2})

    assert [row["entry"].action for row in first.context["rows"]][:2] == ["essai.51", "essai.50"]
    assert len(first.context["rows"]) == 50
    assert [row["entry"].action for row in second.context["rows"]] == ["essai.01", "essai.00"]
    assert "52 entrées" in first.content.decode()


@pytest.mark.django_db
def test_the_list_filters_by_action_actor_object_type_and_dates(client, home, ansa, structure):
    karim = UserFactory(email="karim@mde-bearn.test")
    nadia = UserFactory(email="nadia@acor.test")
    march_12 = PARIS_MARCH_12_2027_14_05
    entry(obj=structure, actor=karim, action="structure.update", created_at=march_12)
    entry(obj=karim, actor=karim, action="user.update_profile", created_at=march_12)
    entry(
        obj=structure,
        actor=nadia,
        action="structure.update",
        created_at=march_12 + datetime.timedelta(days=10),
    )
    structure_type = ContentType.objects.get_for_model(Structure)

    def actions(**filters):
        response = client.get(reverse("audit:list"), filters)
        assert response.context["form"].is_valid(), response.context["form"].errors
        return sorted(
            (row["entry"].action, row["entry"].actor_id) for row in response.context["rows"]
        )

    assert actions(action="user.update_profile") == [("user.update_profile", karim.pk)]
    assert actions(actor="MDE-BEARN") == [
        ("structure.update", karim.pk),
        ("user.update_profile", karim.pk),
    ]
    assert actions(object_type=structure_type.pk) == [
        ("structure.update", karim.pk),
        ("structure.update", nadia.pk),
    ]
    assert actions(date_from="2027-03-13") == [("structure.update", nadia.pk)]
    assert actions(date_to="2027-03-12") == [
        ("structure.update", karim.pk),
        ("user.update_profile", karim.pk),
    ]
    assert actions(date_from="2027-03-12", date_to="2027-03-22", action="structure.update") == [
        ("structure.update", karim.pk),
        ("structure.update", nadia.pk),
    ]


@pytest.mark.django_db
def test_an_actor_filter_finds_entries_of_a_deleted_account(client, home, ansa, structure):
    gone = UserFactory(email="parti@essaim.test")
    entry(obj=structure, actor=gone)
    gone.delete()

    response = client.get(reverse("audit:list"), {"actor": "parti@"})

    assert [row["entry"].actor_label for row in response.context["rows"]] == [
        f"{gone} <parti@essaim.test>"
    ]


@pytest.mark.django_db
def test_filter_errors_are_french_next_to_the_field_and_typed_values_kept(
    client, home, ansa, structure
):
    entry(obj=structure)

    response = client.get(
        reverse("audit:list"),
        {
            "actor": "karim",
            "date_from": "2027-03-20",
            "date_to": "2027-03-01",
            "action": "inconnue",
        },
    )
    soup = BeautifulSoup(response.content, "html.parser")

    assert response.status_code == 200
    assert soup.select_one("#error-summary") is not None
    date_to = soup.select_one("input[name=date_to]")
    assert date_to["aria-invalid"] == "true"
    assert (
        "La date de fin ne peut pas précéder la date de début."
        in soup.select_one(f"#{date_to['id']}_error").get_text()
    )
    assert "Sélectionnez un choix valide" in soup.select_one("#id_action_error").get_text()
    assert soup.select_one("input[name=actor]")["value"] == "karim"
    assert date_to["value"] == "2027-03-01"

    bad_date = client.get(reverse("audit:list"), {"date_from": "12/13/2027"})
    assert "Saisissez une date valide." in bad_date.content.decode()


@pytest.mark.django_db
def test_audit_list_query_count_stays_the_same_as_entries_grow(client, home, ansa, structure):
    people = UserFactory.create_batch(3)

    url = reverse("audit:list")
    for person in people:
        entry(obj=structure, actor=person, changes={"city": ["Pau", "Tarbes"]})
        entry(obj=person, actor=person, action="user.update_profile")
    few = count_queries(client, url)
    for _ in range(10):
        for person in people:
            entry(
                obj=structure, actor=person, action="structure.other", changes={"name": ["a", "b"]}
            )
            entry(obj=person, actor=person, action="user.update_profile")
    assert count_queries(client, url) == few


@pytest.mark.django_db
def test_object_history_query_count_stays_the_same(client, home, ansa, structure):
    url = reverse("audit:object", args=[entry(obj=structure).content_type_id, structure.pk])

    few = count_queries(client, url)
    for person in UserFactory.create_batch(5):
        entry(obj=structure, actor=person, changes={"city": ["Pau", "Tarbes"]})
    assert count_queries(client, url) == few


@pytest.mark.django_db
def test_an_objects_history_shows_that_object_only(client, home, ansa, structure):
    other = Structure.objects.create(name="Mission locale des Landes", kind="prescriber")
    first = entry(obj=structure, action="structure.create")
    entry(obj=structure, action="structure.update", changes={"city": ["", "Pau"]})
    entry(obj=other, action="structure.update")
    structure.name = "MDE Béarn"
    entry(obj=structure, action="structure.rename")

    response = client.get(reverse("audit:object", args=[first.content_type_id, structure.pk]))
    html = response.content.decode()

    assert [row["entry"].action for row in response.context["rows"]] == [
        "structure.rename",
        "structure.update",
        "structure.create",
    ]
    assert "Historique de «\u00a0MDE Béarn\u00a0»" in html
    assert "Mission locale des Landes" not in html


@pytest.mark.django_db
def test_history_of_an_unknown_object_type_is_not_found(client, home, ansa):
    assert client.get(reverse("audit:object", args=[999_999, "1"])).status_code == 404


@pytest.mark.django_db
def test_export_is_a_csv_of_the_filtered_list(client, home, ansa, structure):
    karim = UserFactory(email="karim@mde-bearn.test")
    entry(
        obj=structure,
        actor=karim,
        changes={"city": ["Pau", "Tarbes"], "name": ["A", "B"]},
        created_at=PARIS_MARCH_12_2027_14_05,
    )
    entry(obj=structure, actor=UserFactory(email="autre@essaim.test"))

    response = client.get(reverse("audit:export"), {"actor": "mde-bearn"})

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="journal-audit-')
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(content), delimiter=";"))
    assert rows[0] == [
        "Date",
        "Auteur·rice",
        "Action",
        "Type d'objet",
        "Identifiant de l'objet",
        "Objet",
        "Champ",
        "Avant",
        "Après",
    ]
    assert rows[1:] == [
        [
            "2027-03-12 14:05:00",
            f"{karim} <karim@mde-bearn.test>",
            "structure.update",
            "Structure",
            str(structure.pk),
            "Maison de l'emploi du Béarn",
            label,
            before,
            after,
        ]
        for label, before, after in [("Commune", "Pau", "Tarbes"), ("Nom", "A", "B")]
    ]


@pytest.mark.django_db
def test_export_neutralises_spreadsheet_formulas(client, home, ansa):
    trap = Structure.objects.create(name='=HYPERLINK("http://evil.test")', kind="operator")
    entry(obj=trap)
    content = b"".join(client.get(reverse("audit:export")).streaming_content).decode("utf-8-sig")
    assert "'=HYPERLINK" in content


@pytest.mark.django_db
def test_export_with_invalid_filters_shows_the_errors_instead(client, home, ansa):
    response = client.get(reverse("audit:export"), {"date_from": "pas une date"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("audit:list") + "?")


@pytest.mark.django_db
def test_audit_pages_offer_no_edit_or_delete(client, home, ansa, structure):
    first = entry(obj=structure, changes={"city": ["", "Pau"]})
    pages = [
        reverse("audit:list"),
        reverse("audit:object", args=[first.content_type_id, structure.pk]),
    ]
    for url in pages:
        soup = BeautifulSoup(client.get(url).content, "html.parser")
        # The only form that posts is the header's log-out button.
        assert [form["action"] for form in soup.select("form[method=post]")] == [
            reverse("account_logout")
        ]
        assert client.post(url).status_code == 405
    assert client.post(reverse("audit:export")).status_code == 405


def test_the_audit_urls_are_reading_ones_only():
    from portal.audit import urls

    assert sorted(pattern.name for pattern in urls.urlpatterns) == ["export", "list", "object"]


@pytest.mark.django_db
def test_the_log_refuses_update_and_delete(structure):
    written = entry(obj=structure, changes={"city": ["", "Pau"]})

    with pytest.raises(PermissionDenied):
        AuditLogEntry.objects.filter(pk=written.pk).update(action="falsifié")
    with pytest.raises(PermissionDenied):
        AuditLogEntry.objects.filter(pk=written.pk).delete()
    with pytest.raises(PermissionDenied):
        AuditLogEntry.objects.all().delete()
    written.action = "falsifié"
    with pytest.raises(PermissionDenied):
        written.save()
    with pytest.raises(PermissionDenied):
        written.delete()

    assert AuditLogEntry.objects.get(pk=written.pk).action == "structure.update"


# The Wagtail admin


def admin_user(role: Role | None = None, **kwargs):
    from django.contrib.auth.models import Group, Permission

    user = UserFactory(roles=[role] if role else [], is_staff=True, **kwargs)
    if role:
        Group.objects.get(name=role.value).permissions.add(
            Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
        )
    return user


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["superuser", "ansa"])
def test_admin_lists_and_shows_audit_entries_without_edit_or_delete(client, home, structure, who):
    user = admin_user(is_superuser=True) if who == "superuser" else admin_user(Role.ANSA)
    client.force_login(user)
    written = entry(obj=structure, actor=user, changes={"city": ["", "Pau"]})

    index = client.get("/admin/journal/")
    inspect = client.get(f"/admin/journal/inspect/{written.pk}/")

    assert index.status_code == 200
    assert inspect.status_code == 200
    for response in (index, inspect):
        html = response.content.decode()
        assert "/admin/journal/edit/" not in html
        assert "/admin/journal/delete/" not in html
        assert "/admin/journal/new/" not in html
    assert "Commune\u00a0: (vide) → Pau" in inspect.content.decode()
    for path in ["new/", f"edit/{written.pk}/", f"delete/{written.pk}/", f"copy/{written.pk}/"]:
        assert client.get(f"/admin/journal/{path}").status_code == 404
        assert client.post(f"/admin/journal/{path}").status_code == 404
    for name in ["add", "edit", "delete", "copy", "history", "usage"]:
        with pytest.raises(NoReverseMatch):
            reverse(f"journal:{name}", args=[written.pk] if name != "add" else [])
    assert AuditLogEntry.objects.filter(pk=written.pk).exists()


@pytest.mark.django_db
def test_admin_hides_the_audit_log_from_other_admin_users(client, home, structure):
    client.force_login(admin_user(Role.EDITOR))
    written = entry(obj=structure)
    assert client.get("/admin/journal/").status_code in (302, 403)
    assert client.get(f"/admin/journal/inspect/{written.pk}/").status_code in (302, 403)
    assert "/admin/journal/" not in client.get("/admin/").content.decode()


@pytest.mark.django_db
def test_admin_policy_grants_view_only_even_to_superusers():
    from wagtail.permissions import policy_registry

    policy = policy_registry.get_by_type(AuditLogEntry)
    superuser = UserFactory(is_superuser=True)
    assert policy.user_has_permission(superuser, "view")
    for action in ["add", "change", "delete", "publish"]:
        assert not policy.user_has_permission(superuser, action)
    assert not policy.user_has_permission(UserFactory(roles=[Role.EDITOR]), "view")
