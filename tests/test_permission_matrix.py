"""Who may open which URL: one row per URL pattern, one column per role of the brief.

Every protected URL of Essaim has its row here. The objects in the URLs belong to a structure
none of the tested people belong to: another structure's objects answer 404, never their content.
Wagtail pages, which have no URL name, have their row by path.
"""

from collections import defaultdict
from dataclasses import dataclass, field

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from wagtail.documents import get_document_model

from curriculum.demo import ensure_tools_collection
from portal.audit.services import audit_log
from portal.enums import MembershipRole
from portal.models import AccountDeletionRequest, Invitation, Membership, Structure
from portal.roles import Role
from tests.curriculum.factories import (
    ActionSheetPageFactory,
    FrameworkPageFactory,
    PrincipleFactory,
)
from tests.portal.factories import UserFactory

ANONYMOUS = "anonymous"
ROLES = [ANONYMOUS, *Role]
EVERY_ROLE = frozenset(Role)
ADMIN_ROLES = frozenset({Role.ANSA, Role.HEAD_OF_NETWORK, Role.EDITOR})
FULL_FRAMEWORK = frozenset(
    {
        Role.ANSA,
        Role.HEAD_OF_NETWORK,
        Role.EXPERT,
        Role.EDITOR,
        Role.REFERENT,
        Role.PARTICIPANT,
    }
)


@dataclass(frozen=True)
class Row:
    name: str
    #: Roles that get 200; logged-in roles outside it get `refused`.
    allowed: frozenset
    refused: int = 403
    args: tuple = field(default=())
    #: The path of a Wagtail page (no URL name to reverse): `name` then only labels the row.
    path: str = ""
    #: Anonymous visitors get 200 too, rather than the login page.
    public: bool = False


@pytest.fixture
def objects(db, settings, tmp_path):
    """Objects of a structure nobody tested belongs to, and a tool of the framework."""
    owner = UserFactory(email="proprietaire@essaim.test")
    structure = Structure.objects.create(name="Structure d'autrui", kind="operator")
    membership = Membership.objects.create(
        user=owner, structure=structure, role=MembershipRole.DIRECTOR, is_admin=True
    )
    invitation = Invitation.objects.create(
        structure=structure,
        email="invitee@essaim.test",
        role=MembershipRole.EMPLOYEE,
        invited_by=owner,
        expires_at=timezone.now() + timezone.timedelta(days=14),
    )
    request = AccountDeletionRequest.objects.create(user=owner, email=owner.email)
    audit_log(actor=owner, action="structure.create", obj=structure)
    settings.MEDIA_ROOT = tmp_path
    tool = get_document_model()(title="Grille d'entretien", collection=ensure_tools_collection())
    tool.file.save("grille.pdf", ContentFile(b"%PDF-1.4 grille"), save=True)
    return {
        "structure": structure.pk,
        "membership": membership.pk,
        "invitation": invitation.pk,
        "deletion_request": request.pk,
        "structure_ct": ContentType.objects.get_for_model(Structure).pk,
        "tool": tool.pk,
        "tool_filename": tool.filename,
    }


@pytest.fixture
def framework(home):
    """The framework's pages, built only for their rows: pages are slow to create."""
    framework = FrameworkPageFactory(parent=home)
    PrincipleFactory(letter="A")
    ActionSheetPageFactory(parent=framework, slug="fiche")
    return framework


def rows(objects) -> list[Row]:
    return [
        Row("portal:dashboard", EVERY_ROLE),
        Row("accounts:profile", EVERY_ROLE),
        Row("accounts:export", EVERY_ROLE),
        Row("accounts:delete_request", EVERY_ROLE),
        Row("accounts:deletion_requests", frozenset({Role.ANSA})),
        Row("accounts:deletion_done", frozenset({Role.ANSA}), args=(objects["deletion_request"],)),
        Row("audit:list", frozenset({Role.ANSA})),
        Row("audit:export", frozenset({Role.ANSA})),
        Row(
            "audit:object",
            frozenset({Role.ANSA}),
            args=(objects["structure_ct"], str(objects["structure"])),
        ),
        Row("structures:list", EVERY_ROLE),
        Row("structures:create", frozenset({Role.ANSA})),
        Row("structures:detail", frozenset({Role.ANSA}), 404, (objects["structure"],)),
        Row("structures:update", frozenset({Role.ANSA}), 404, (objects["structure"],)),
        Row("structures:invite", frozenset({Role.ANSA}), 404, (objects["structure"],)),
        Row(
            "structures:membership_update",
            frozenset({Role.ANSA}),
            404,
            (objects["membership"],),
        ),
        Row("structures:membership_end", frozenset({Role.ANSA}), 404, (objects["membership"],)),
        Row(
            "structures:invitation_resend",
            frozenset({Role.ANSA}),
            404,
            (objects["invitation"],),
        ),
        Row(
            "structures:invitation_revoke",
            frozenset({Role.ANSA}),
            404,
            (objects["invitation"],),
        ),
        Row("notifications:list", EVERY_ROLE),
        Row("notifications:preferences", EVERY_ROLE),
        # Wagtail sends people without admin access back to the site.
        Row("wagtailadmin_home", ADMIN_ROLES, 302),
        # The framework: summaries for everyone, the rest for its members only. A sheet's
        # content differs by role (tests/curriculum/test_channels.py); here only the status.
        Row("framework", EVERY_ROLE, path="/referentiel/", public=True),
        Row("framework_sheet", EVERY_ROLE, path="/referentiel/fiche/", public=True),
        Row("framework_principle", EVERY_ROLE, path="/referentiel/principes/A/", public=True),
        # Members get the build status page until the PDF is ready.
        Row("framework_pdf", FULL_FRAMEWORK, path="/referentiel/pdf/"),
        # Wagtail sends people outside the tools' collection restriction to the login page.
        Row("wagtaildocs_serve", FULL_FRAMEWORK, 302, (objects["tool"], objects["tool_filename"])),
    ]


ROW_NAMES = [row.name for row in rows(defaultdict(lambda: 1))]


def login_as(client, role) -> None:
    if role == ANONYMOUS:
        return
    user = UserFactory(roles=[role])
    if role in ADMIN_ROLES:
        Group.objects.get(name=role.value).permissions.add(
            Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
        )
    client.force_login(user)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES, ids=str)
@pytest.mark.parametrize("name", ROW_NAMES)
def test_matrix(request, client, home, objects, role, name):
    row = next(row for row in rows(objects) if row.name == name)
    if row.path:
        request.getfixturevalue("framework")
    login_as(client, role)
    url = row.path or reverse(row.name, args=row.args)

    response = client.get(url)
    response.close()  # a served file stays open until its response is closed

    if role == ANONYMOUS and row.public:
        assert response.status_code == 200
    elif role == ANONYMOUS:
        assert response.status_code == 302
        location = response["Location"]
        assert location.startswith(f"{reverse('account_login')}?next=")
        assert "autrui" not in location
    elif role in row.allowed:
        assert response.status_code == 200
    else:
        assert response.status_code == row.refused
        assert "Structure d&#x27;autrui" not in response.content.decode()


PUBLIC_URLS = ["/", "/en/", "/recherche/?q=essaim", "/sante/", "/sitemap.xml", "/robots.txt"]


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES, ids=str)
@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_public_urls_open_to_everyone(client, home, role, url):
    login_as(client, role)
    assert client.get(url).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/comptes/login/", "/comptes/signup/", "/comptes/password/reset/"])
def test_account_pages_open_to_anonymous_visitors(client, home, url):
    assert client.get(url).status_code == 200


def test_every_named_url_of_the_people_apps_is_in_the_matrix():
    from django.urls import get_resolver

    namespaces = ("accounts", "audit", "structures", "notifications", "portal")
    resolver = get_resolver()
    declared = set()
    for namespace in namespaces:
        if namespace not in resolver.namespace_dict:
            continue
        _, sub = resolver.namespace_dict[namespace]
        declared |= {f"{namespace}:{key}" for key in sub.reverse_dict if isinstance(key, str)}
    # Pages reached by POST only or by a signed link are tested in their own modules.
    exempt = {
        "structures:accept",
        "accounts:delete_cancel",
        "notifications:open",
        "notifications:mark_all_read",
    }
    assert declared - exempt <= set(ROW_NAMES), sorted(declared - exempt - set(ROW_NAMES))
