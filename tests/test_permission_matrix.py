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

from candidacy.models import Evidence
from curriculum.demo import ensure_tools_collection
from evaluation import services as evaluation_services
from evaluation.enums import Milestone, ReportStatus
from evaluation.models import CatalogueVersion, Indicator, MilestoneReport, ReportFile
from modules.models import TrainingActionPage
from portal.audit.services import audit_log
from portal.enums import MembershipRole
from portal.models import AccountDeletionRequest, Invitation, Membership, Structure
from portal.roles import Role
from tests.candidacy.factories import CandidacyFactory, SeasonFactory
from tests.curriculum.factories import (
    ActionSheetPageFactory,
    FrameworkPageFactory,
    PrincipleFactory,
)
from tests.evaluation.factories import published_catalogue
from tests.helpers import close_response
from tests.modules.factories import (
    AssignmentFactory,
    SwarmedStructureFactory,
    TrainingSeasonFactory,
    TrainingSessionFactory,
)
from tests.portal.factories import UserFactory
from tests.tutoring.factories import (
    AnswerFactory,
    ExpertProfileFactory,
    PairingFactory,
    QuestionFactory,
    TicketFactory,
)
from tests.tutoring.guide_factories import GuideEditionFactory, GuideEntryFactory
from tutoring.models import Attachment, PairingChangeRequest, PairingProposal, ProposalItem

ANONYMOUS = "anonymous"
ROLES = [ANONYMOUS, *Role]
EVERY_ROLE = frozenset(Role)
ADMIN_ROLES = frozenset({Role.ANSA, Role.HEAD_OF_NETWORK, Role.EDITOR})
STAFF_READERS = frozenset({Role.ANSA, Role.HEAD_OF_NETWORK})
ONLY_ANSA = frozenset({Role.ANSA})
TUTORING_READERS = frozenset({Role.ANSA, Role.HEAD_OF_NETWORK, Role.EXPERT})
ACOR_403 = ((Role.EXPERT, 403), (Role.HEAD_OF_NETWORK, 403))
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
    #: ((role, status), …) for roles refused with another status than `refused`.
    refusals: tuple = ()


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
    season = SeasonFactory(slug="saison-matrice")
    dossier = CandidacyFactory(season=season, structure=structure, under_review=True)
    evidence = Evidence(
        candidacy=dossier,
        criterion="A1",
        kind="annual_accounts",
        original_name="comptes.pdf",
        content_type="application/pdf",
        extension=".pdf",
        size=9,
        sha256="0" * 64,
    )
    evidence.file.save("comptes.pdf", ContentFile(b"%PDF-1.4\n"), save=True)
    training = TrainingSessionFactory(
        held=True, season=TrainingSeasonFactory(slug="saison-formation")
    )
    swarmed = SwarmedStructureFactory(season=training.season)
    assignment = AssignmentFactory(season=training.season)
    tutoring = tutoring_objects(swarmed)
    return {
        **tutoring,
        **evaluation_objects(swarmed),
        "assignment": assignment.pk,
        "module": assignment.module_id,
        "training_season": training.season.slug,
        "training_session": training.pk,
        "training_session_uid": training.uid,
        "swarmed": swarmed.pk,
        "season": season.slug,
        "dossier": dossier.reference,
        "evidence": evidence.pk,
        "structure": structure.pk,
        "membership": membership.pk,
        "invitation": invitation.pk,
        "deletion_request": request.pk,
        "structure_ct": ContentType.objects.get_for_model(Structure).pk,
        "tool": tool.pk,
        "tool_filename": tool.filename,
    }


def tutoring_objects(swarmed) -> dict:
    """A question of another structure, shared with its pair only, its answer and a file."""
    question = QuestionFactory(swarmed_structure=swarmed, sheets=[ActionSheetPageFactory()])
    answer = AnswerFactory(question=question)
    attached = Attachment(
        question=question, original_name="note.pdf", content_type="application/pdf", size=9
    )
    attached.file.save("note.pdf", ContentFile(b"%PDF-1.4\n"), save=True)
    pairing = PairingFactory(swarmed_structure=swarmed)
    change = PairingChangeRequest.objects.create(pairing=pairing, reason="Peu de disponibilité.")
    ExpertProfileFactory(user=pairing.expert)
    proposal = PairingProposal.objects.create(season=swarmed.season)
    item = ProposalItem.objects.create(proposal=proposal, swarmed_structure=swarmed)
    ticket = TicketFactory(swarmed_structure=swarmed)
    ticket_file = Attachment(
        message=ticket.messages.get(), original_name="capture.pdf", content_type="application/pdf",
        size=9,
    )  # fmt: skip
    ticket_file.file.save("capture.pdf", ContentFile(b"%PDF-1.4\n"), save=True)
    # A guide entry another expert owns, and the edition being prepared.
    guide_entry = GuideEntryFactory(sheets=list(question.sheets.all()))
    guide_edition = GuideEditionFactory(season=swarmed.season)
    return {
        "guide_entry": guide_entry.pk,
        "guide_edition": guide_edition.pk,
        "expert": pairing.expert.pk,
        "proposal": proposal.pk,
        "proposal_item": item.pk,
        "ticket": ticket.pk,
        "ticket_file": ticket_file.pk,
        "question": question.pk,
        "answer": answer.pk,
        "question_file": attached.pk,
        "pairing": pairing.pk,
        "change_request": change.pk,
    }


def evaluation_objects(swarmed) -> dict:
    """The structure's 3-month report still open with a file, its 9-month one sent, and an
    indicator of the catalogue version being prepared."""
    published_catalogue()
    evaluation_services.reports_schedule(swarmed.season)
    reports = {report.milestone: report for report in swarmed.milestone_reports.all()}
    MilestoneReport.objects.filter(pk=reports[Milestone.IMPLEMENTATION].pk).update(
        status=ReportStatus.SUBMITTED
    )
    stored = ReportFile(
        report=reports[Milestone.APPROPRIATION], original_name="compte-rendu.pdf",
        content_type="application/pdf", size=9,
    )  # fmt: skip
    stored.file.save("compte-rendu.pdf", ContentFile(b"%PDF-1.4\n"), save=True)
    draft = CatalogueVersion.objects.create(number=CatalogueVersion.objects.count() + 1)
    indicator = Indicator.objects.create(
        catalogue=draft, code="pmsmp", label="PMSMP", unit="count", milestones=["m9"]
    )
    return {
        "report_open": reports[Milestone.APPROPRIATION].pk,
        "report_sent": reports[Milestone.IMPLEMENTATION].pk,
        "report_file": stored.pk,
        "draft_indicator": indicator.pk,
    }


@pytest.fixture
def framework(home):
    """The framework's pages, built only for their rows: pages are slow to create."""
    framework = FrameworkPageFactory(parent=home)
    PrincipleFactory(letter="A")
    ActionSheetPageFactory(parent=framework, slug="fiche")
    home.add_child(
        instance=TrainingActionPage(title="La formation-action", slug="formation-action")
    )
    return framework


@pytest.fixture
def guide(home):
    """The guide's page with a published edition holding one public and one network entry."""
    from tests.tutoring.guide_factories import GuidePageFactory, published_edition

    GuidePageFactory(parent=home)
    sheet = ActionSheetPageFactory(parent=FrameworkPageFactory(parent=home), number=4)
    GuideEntryFactory(sheets=[sheet], approved=True, public=True)
    GuideEntryFactory(sheets=[sheet], approved=True)
    edition = published_edition()
    edition.slug = GUIDE_EDITION
    edition.save()
    return edition


GUIDE = "/guide-essaimage/"
GUIDE_EDITION = "edition-matrice"
#: The evaluation's home: the structures' people, A.CO.R and Ansa (the matrix's referent and
#: participant accounts hold their role without a structure: they see no report).
EVALUATION_PEOPLE = frozenset(
    {Role.ANSA, Role.HEAD_OF_NETWORK, Role.EXPERT, Role.REFERENT, Role.PARTICIPANT}
)
#: Those the matrix's role-only accounts make members of the guide's network.
GUIDE_NETWORK = frozenset({Role.ANSA, Role.HEAD_OF_NETWORK, Role.EXPERT})


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
        # Candidacies: anyone signed in may apply; another structure's dossier is 404 to all
        # but the staff pages, which Ansa and the head of network read once it is submitted.
        Row("candidacy:mine", EVERY_ROLE),
        Row("candidacy:start", EVERY_ROLE, args=(objects["season"],)),
        *(
            Row(f"candidacy:{name}", frozenset(), 404, (objects["dossier"],))
            for name in (
                "detail",
                "identity",
                "signatories",
                "review",
                "withdraw",
                "agreement_invite",
            )
        ),
        Row("candidacy:criterion", frozenset(), 404, (objects["dossier"], "A1")),
        Row("candidacy:verification", STAFF_READERS, 404, (objects["dossier"],)),
        Row(
            "candidacy:evidence_file",
            STAFF_READERS,
            404,
            (objects["dossier"], objects["evidence"]),
        ),
        Row("candidacy:staff_list", STAFF_READERS),
        Row("candidacy:staff_export", STAFF_READERS),
        Row("candidacy:staff_detail", STAFF_READERS, args=(objects["dossier"],)),
        Row("candidacy:dossier_pdf", STAFF_READERS, args=(objects["dossier"],)),
        Row("candidacy:decisions", frozenset({Role.ANSA}), args=(objects["season"],)),
        # The training-action: nobody tested belongs to the season, so its members' pages are
        # 404 to everyone but Ansa and A.CO.R's head of network; Ansa alone runs the season.
        Row("modules:season_people", ONLY_ANSA, args=(objects["training_season"],)),
        Row("modules:season_sessions", ONLY_ANSA, args=(objects["training_season"],)),
        Row("modules:session_edit", ONLY_ANSA, args=(objects["training_session"],)),
        Row("modules:session_cancel", ONLY_ANSA, args=(objects["training_session"],)),
        Row("modules:season_calendar", STAFF_READERS, 404, (objects["training_season"],)),
        Row("modules:session_detail", STAFF_READERS, 404, (objects["training_session"],)),
        Row("modules:session_ics", STAFF_READERS, 404, (objects["training_session"],)),
        Row("modules:attendance_sheet", ONLY_ANSA, 404, (objects["training_session_uid"],)),
        Row("modules:absentees", STAFF_READERS, args=(objects["training_season"],)),
        Row("modules:absentees_csv", STAFF_READERS, args=(objects["training_season"],)),
        Row("modules:my_progress", EVERY_ROLE),
        Row("modules:cohort", STAFF_READERS, args=(objects["training_season"],)),
        Row("modules:cohort_csv", STAFF_READERS, args=(objects["training_season"],)),
        Row(
            "modules:cohort_structure",
            STAFF_READERS,
            args=(objects["training_season"], objects["swarmed"]),
        ),
        Row(
            "modules:assignment_edit",
            ONLY_ANSA,
            args=(objects["training_season"], objects["module"]),
        ),
        # Only people of the season list its work: Ansa and the experts leading a module.
        Row("modules:assignment_list", ONLY_ANSA, args=(objects["training_season"],)),
        # A structure's deliverable: A.CO.R is refused, anyone else does not learn it exists.
        Row(
            "modules:submission_review",
            ONLY_ANSA,
            404,
            (objects["assignment"], objects["swarmed"]),
            refusals=((Role.EXPERT, 403), (Role.HEAD_OF_NETWORK, 403)),
        ),
        Row("training_action", EVERY_ROLE, path="/formation-action/", public=True),
        # Tutoring questions: A.CO.R and Ansa read every question; the people of a structure
        # read theirs and those shared with them, so another structure's pair-only question is
        # 404 to everyone else. Acting on it belongs to its asker and Ansa.
        Row("tutoring:question_list", TUTORING_READERS),
        Row("tutoring:question_similar", TUTORING_READERS),
        Row("tutoring:question_create", frozenset()),
        Row("tutoring:question_detail", TUTORING_READERS, 404, (objects["question"],)),
        Row("tutoring:question_history", TUTORING_READERS, 404, (objects["question"],)),
        Row("tutoring:question_duplicate", TUTORING_READERS, 404, (objects["question"],)),
        Row("tutoring:attachment", TUTORING_READERS, 404, (objects["question_file"],)),
        *(
            Row(f"tutoring:{name}", ONLY_ANSA, 404, (objects["question"],), refusals=ACOR_403)
            for name in ("question_close", "question_edit", "scope_propose")
        ),
        Row("tutoring:answer_edit", ONLY_ANSA, 404, (objects["answer"],), refusals=ACOR_403),
        Row("tutoring:post_hide", ONLY_ANSA, args=("question", objects["question"])),
        Row("tutoring:season_settings", ONLY_ANSA, args=(objects["training_season"],)),
        # A pair's private space: its structure, its expert while it runs, Ansa; 404 otherwise.
        Row("tutoring:pairing_list", TUTORING_READERS),
        Row("tutoring:pairing_detail", ONLY_ANSA, 404, (objects["pairing"],)),
        Row("tutoring:log_entry_add", ONLY_ANSA, 404, (objects["pairing"],)),
        # Ansa changes pairings rather than asking for a change.
        Row(
            "tutoring:change_request_create",
            frozenset(),
            404,
            (objects["pairing"],),
            refusals=((Role.ANSA, 403),),
        ),
        Row("tutoring:pairing_end", ONLY_ANSA, args=(objects["pairing"],)),
        Row("tutoring:change_request_handle", ONLY_ANSA, args=(objects["change_request"],)),
        # Profiles: A.CO.R and Ansa read an expert's; a structure's needs are its own, its
        # expert's and the programme staff's.
        Row("tutoring:expert_profile", TUTORING_READERS, 404, (objects["expert"],)),
        Row(
            "tutoring:expert_profile_edit", ONLY_ANSA, 404, (objects["expert"],), refusals=ACOR_403
        ),
        Row("tutoring:needs_profile", STAFF_READERS, 404, (objects["swarmed"],)),
        Row(
            "tutoring:needs_profile_edit",
            ONLY_ANSA,
            404,
            (objects["swarmed"],),
            refusals=((Role.HEAD_OF_NETWORK, 403),),
        ),
        # Ansa's pairing pages.
        Row("tutoring:season_pairing", ONLY_ANSA, args=(objects["training_season"],)),
        Row("tutoring:proposal_detail", ONLY_ANSA, args=(objects["proposal"],)),
        Row(
            "tutoring:proposal_item_override",
            ONLY_ANSA,
            args=(objects["proposal"], objects["proposal_item"]),
        ),
        Row("tutoring:expert_load", ONLY_ANSA),
        # The hotline is between a structure and Ansa: nobody else learns a ticket exists.
        Row("tutoring:ticket_list", ONLY_ANSA),
        Row("tutoring:ticket_create", frozenset()),
        Row("tutoring:ticket_detail", ONLY_ANSA, 404, (objects["ticket"],)),
        Row("tutoring:ticket_convert", ONLY_ANSA, 404, (objects["ticket"],)),
        Row("tutoring:ticket_attachment", ONLY_ANSA, 404, (objects["ticket_file"],)),
        # The guide's reading side is public (the network reads more: tests/tutoring/
        # test_guide_reading.py); its PDF is the network's. A referent or participant belongs to
        # the network through a season's structure, which the matrix's accounts do not have.
        Row("guide", EVERY_ROLE, path=GUIDE, public=True),
        Row("guide_chapter", EVERY_ROLE, path=f"{GUIDE}fiches/4/", public=True),
        Row("guide_editions", EVERY_ROLE, path=f"{GUIDE}editions/", public=True),
        Row("guide_edition", EVERY_ROLE, path=f"{GUIDE}editions/{GUIDE_EDITION}/", public=True),
        Row("guide_compare", EVERY_ROLE, path=f"{GUIDE}editions/comparer/", public=True),
        Row("guide_pdf", GUIDE_NETWORK, path=f"{GUIDE}editions/{GUIDE_EDITION}/pdf/"),
        # The guide's editorial side is Ansa's and A.CO.R's; an entry is edited by its owner
        # (here another expert), Ansa and the head of network; the provenance figures are for
        # Ansa and the head of network. Readers of the guide use its Wagtail page instead.
        Row("tutoring:guide_entries", TUTORING_READERS),
        Row("tutoring:guide_promote", TUTORING_READERS),
        Row("tutoring:guide_entry", TUTORING_READERS, args=(objects["guide_entry"],)),
        Row("tutoring:guide_entry_edit", STAFF_READERS, args=(objects["guide_entry"],)),
        Row("tutoring:guide_entry_history", TUTORING_READERS, args=(objects["guide_entry"],)),
        Row("tutoring:guide_entry_outdated", TUTORING_READERS, args=(objects["guide_entry"],)),
        Row("tutoring:guide_review", TUTORING_READERS),
        Row("tutoring:guide_editions", TUTORING_READERS),
        Row("tutoring:guide_edition_manage", TUTORING_READERS, args=(objects["guide_edition"],)),
        Row("tutoring:guide_stats", STAFF_READERS),
        # Evaluation: another structure's report is read by Ansa and the head of network only;
        # to anyone else it does not exist. Filling it is its structure's, recording a phone
        # interview Ansa's, counter-rating its expert's or the head of network's. The catalogue
        # is Ansa's to change and A.CO.R's to read; the dashboard is the steering committee's
        # too; the labelled structures and the open data are public.
        Row("evaluation:home", EVALUATION_PEOPLE),
        Row("evaluation:matrix", STAFF_READERS),
        Row("evaluation:report", STAFF_READERS, 404, (objects["report_open"],)),
        Row(
            "evaluation:report_edit",
            frozenset(),
            404,
            (objects["report_open"],),
            refusals=((Role.ANSA, 403), (Role.HEAD_OF_NETWORK, 403)),
        ),
        Row(
            "evaluation:report_phone",
            ONLY_ANSA,
            404,
            (objects["report_open"],),
            refusals=((Role.HEAD_OF_NETWORK, 403),),
        ),
        Row(
            "evaluation:report_counter_rate",
            frozenset({Role.HEAD_OF_NETWORK}),
            404,
            (objects["report_sent"],),
            refusals=((Role.ANSA, 403),),
        ),
        Row("evaluation:report_file", STAFF_READERS, 404, (objects["report_file"],)),
        Row("evaluation:structure", STAFF_READERS, 404, (objects["swarmed"],)),
        Row("evaluation:structure_bilan_pdf", STAFF_READERS, 404, (objects["swarmed"],)),
        Row(
            "evaluation:label_decide", frozenset({Role.HEAD_OF_NETWORK}), args=(objects["swarmed"],)
        ),
        Row("evaluation:labels_public", EVERY_ROLE, public=True),
        Row("evaluation:catalogue", TUTORING_READERS),
        Row("evaluation:indicator_add", ONLY_ANSA),
        Row("evaluation:indicator_edit", ONLY_ANSA, args=(objects["draft_indicator"],)),
        Row("evaluation:season_settings", ONLY_ANSA, args=(objects["training_season"],)),
        Row("evaluation:dashboard", frozenset({Role.ANSA, Role.HEAD_OF_NETWORK, Role.STEERING})),
        Row("evaluation:export_csv", STAFF_READERS),
        Row("evaluation:export_xlsx", STAFF_READERS),
        Row("evaluation:open_data", EVERY_ROLE, public=True),
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
    if row.path.startswith(GUIDE):
        request.getfixturevalue("guide")
    elif row.path:
        request.getfixturevalue("framework")
    login_as(client, role)
    url = row.path or reverse(row.name, args=row.args)

    response = client.get(url)
    close_response(response)  # a served file stays open until its response is closed

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
        assert response.status_code == dict(row.refusals).get(role, row.refused)
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

    namespaces = (
        "accounts",
        "audit",
        "structures",
        "notifications",
        "portal",
        "candidacy",
        "modules",
        "tutoring",
        "evaluation",
    )
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
        "candidacy:evidence_delete",
        "candidacy:submit",
        "candidacy:sign",
        "modules:calendar_feed",
        # A structure's own deliverable and its files: tests/modules/test_assignments.py.
        "modules:submission",
        "modules:submission_file",
        "modules:submission_file_delete",
        # Acts on a question by POST only: tests/tutoring/test_qa.py.
        "tutoring:answer_create",
        "tutoring:comment_create",
        "tutoring:answer_accept",
        "tutoring:scope_decide",
        # Profiles and pairing acts by POST only: tests/tutoring/test_profiles.py and
        # tests/tutoring/test_proposals.py.
        "tutoring:expert_availability_remove",
        "tutoring:expert_conflict_declare",
        "tutoring:conflict_remove",
        "tutoring:pairing_propose",
        "tutoring:proposal_confirm",
        "tutoring:proposal_discard",
        # The guide's editorial acts by POST only: tests/tutoring/test_guide_views*.py.
        "tutoring:guide_entry_action",
        "tutoring:guide_entry_public",
        "tutoring:guide_entry_owner",
        "tutoring:guide_entry_comment",
        "tutoring:guide_entry_check",
        "tutoring:guide_flag_resolve",
        "tutoring:guide_outdated_close",
        "tutoring:guide_edition_publish",
        # The evaluation's acts by POST only: tests/evaluation/test_reports.py (submit, review)
        # and tests/evaluation/test_catalogue.py (publish).
        "evaluation:report_submit",
        "evaluation:report_review",
        "evaluation:catalogue_publish",
    }
    assert declared - exempt <= set(ROW_NAMES), sorted(declared - exempt - set(ROW_NAMES))


@pytest.mark.django_db
@pytest.mark.parametrize("role", list(Role), ids=str)
def test_nobody_outside_the_structure_can_submit_or_delete_evidence(client, objects, role):
    login_as(client, role)
    dossier, evidence = objects["dossier"], objects["evidence"]

    submit = client.post(reverse("candidacy:submit", args=(dossier,)), {"version": 1})
    delete = client.post(
        reverse("candidacy:evidence_delete", args=(dossier, evidence)), {"version": 1}
    )

    assert (submit.status_code, delete.status_code) == (404, 404)
    assert Evidence.objects.filter(pk=evidence).exists()
