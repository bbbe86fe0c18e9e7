"""Demo data of the training-action (all fictional).

- `load_home_page`: the training-action's page and its five modules, in French and English, with
  their resources (PDFs in a collection restricted like the framework's tools).
- `load_training`: « Saison 2026 » under way — six swarmed structures and their people, the
  experts leading each module, three sessions held with attendance, the sessions to come, the
  intersession work in every state of its review.

Idempotent: what exists already (same title, same e-mail, same structure) is left as it is.
"""

import datetime

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.html import escape
from wagtail.documents import get_document_model

from cms_pages.demo import ensure_page, home_pages
from cms_pages.demo_content import PROGRAMME_PAGES
from curriculum.demo import ensure_restricted_collection
from curriculum.models import ActionSheetPage
from modules import demo_content as content
from modules.models import (
    Assignment,
    Attendance,
    AttendanceStatus,
    ModuleLead,
    ModulePage,
    PlaceKind,
    Season,
    SeasonRole,
    SessionKind,
    Submission,
    SubmissionEvent,
    SubmissionStatus,
    SwarmedMember,
    SwarmedStructure,
    TrainingActionPage,
    TrainingSession,
)
from portal.enums import MembershipRole
from portal.models import Membership, User
from portal.roles import Role
from portal.sanitiser import render_markdown

SEASON_SLUG = "saison-2026"


# The modules' pages


def resource_document(spec: dict, *, number: int, collection):
    """A module's handout as a PDF, generated once (WeasyPrint) in the restricted collection."""
    Document = get_document_model()
    title = f"Module {number} — {spec['fr']['title']}"
    document = Document.objects.filter(title=title, collection=collection).first()
    if document is None:
        from weasyprint import HTML

        sections = "".join(
            f"<h2>{escape(heading)}</h2><p>{escape(text)}</p>" for heading, text in spec["sections"]
        )
        html = (
            '<html lang="fr"><head><meta charset="utf-8"><style>'
            "body{font-family:'DejaVu Sans',sans-serif;font-size:11pt;margin:2cm}"
            "h1{font-size:16pt;color:#073a34}h2{font-size:13pt}</style></head><body>"
            "<p>Essaim — formation-action</p>"
            f"<h1>{escape(title)}</h1><p>{escape(spec['fr']['description'])}</p>{sections}"
            "<p>Document réservé aux structures du programme Essaim.</p></body></html>"
        )
        pdf = HTML(string=html).write_pdf()
        document = Document(title=title, collection=collection)
        document.file.save(spec["filename"], ContentFile(pdf), save=False)
        document.file_size = len(pdf)
        document.save()
    return document


def module_texts(spec: dict, documents: list) -> dict:
    """The module page's fields in each language; the meta description is the public summary."""
    texts = {}
    for language in ("fr", "en"):
        fields = dict(spec[language])
        fields["search_description"] = fields["summary"]
        fields["resources"] = [
            {
                "type": "resource",
                "value": {
                    "document": document.pk,
                    "title": resource[language]["title"],
                    "description": resource[language]["description"],
                },
            }
            for document, resource in zip(documents, spec["resources"], strict=True)
        ]
        texts[language] = fields
    return texts


def load_home_page(stdout) -> None:
    training = ensure_page(
        home_pages(),
        TrainingActionPage,
        "formation-action",
        PROGRAMME_PAGES["formation-action"],
        show_in_menus=True,
    )
    collection = ensure_restricted_collection(content.RESOURCES_COLLECTION)
    sheets = {
        sheet.number: sheet
        for sheet in ActionSheetPage.objects.filter(locale=training["fr"].locale)
    }
    for spec in content.MODULES:
        documents = [
            resource_document(resource, number=spec["number"], collection=collection)
            for resource in spec["resources"]
        ]
        ensure_page(
            training,
            ModulePage,
            spec["slug"],
            module_texts(spec, documents),
            number=spec["number"],
            sheets=[sheets[number] for number in spec["sheets"] if number in sheets],
        )
    count = ModulePage.objects.child_of(training["fr"]).count()
    stdout.write(f"  formation-action : {count} modules, en français et en anglais")


# The season under way


def ensure_person(email: str, first_name: str, last_name: str, role: Role) -> User:
    """A demo account of a swarmed structure's member, with the demo password."""
    from allauth.account.models import EmailAddress

    user, created = User.objects.get_or_create(
        email=email, defaults={"first_name": first_name, "last_name": last_name}
    )
    if created:
        user.set_password(settings.ESSAIM_DEMO_PASSWORD)
        user.save(update_fields=["password"])
    # Like the other demo accounts, members also hold their role as a group: Wagtail's
    # collection restrictions (the resources) only know groups.
    user.groups.add(Group.objects.get_or_create(name=role.value)[0])
    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    return user


def swarm(*, season: Season, spec: tuple, now, ansa) -> SwarmedStructure:
    """A structure selected for the season, with its signed agreement and its people.

    The agreement is built as candidacy.demo builds the past season's; candidacy builds on
    modules, so it is imported only when the loader runs (after candidacy's own loader).
    """
    from candidacy.demo import ensure_structure, select_and_bind

    name, kind, city, postal_code, departement, hypothesis, prescriber, people = spec
    structure = ensure_structure(name, kind, city, postal_code, departement)
    existing = SwarmedStructure.objects.filter(season=season, structure=structure).first()
    if existing is not None:
        return existing
    users = []
    for email, first_name, last_name, role, _days in people:
        is_referent = role == SeasonRole.REFERENT
        user = ensure_person(
            email, first_name, last_name, Role.REFERENT if is_referent else Role.PARTICIPANT
        )
        Membership.objects.get_or_create(
            user=user,
            structure=structure,
            end_date=None,
            defaults={
                "role": MembershipRole.REFERENT if is_referent else MembershipRole.CRE,
                "is_admin": is_referent,
                "start_date": (now - datetime.timedelta(days=400)).date(),
            },
        )
        users.append(user)
    director = users[0]  # the referent is also the structure's director in the demo
    named = [(user, person[3]) for user, person in zip(users, people, strict=True) if not person[4]]
    swarmed = select_and_bind(
        season=season,
        structure=structure,
        hypothesis=hypothesis,
        prescriber=prescriber,
        director=director,
        named=named,
        now=now,
        ansa=ansa,
    )
    for user, (_email, _first, _last, role, days) in zip(users, people, strict=True):
        SwarmedMember.objects.create(
            swarmed_structure=swarmed,
            user=user,
            role=role,
            joined_at=swarmed.joined_at + datetime.timedelta(days=days),
        )
    return swarmed


def at(day: datetime.date, clock: str) -> datetime.datetime:
    hours, minutes = (int(part) for part in clock.split(":"))
    return datetime.datetime.combine(
        day, datetime.time(hours, minutes), tzinfo=timezone.get_current_timezone()
    )


def ensure_sessions(season: Season, modules: dict, experts: dict) -> dict[str, TrainingSession]:
    today = timezone.localdate()
    sessions = {}
    for key, kind, number, days, start, end, place, address, online_url, leads in content.SESSIONS:
        module = modules.get(number)
        title = content.SESSION_TITLES.get(key) or f"Module {number} — {module.title}"
        day = today + datetime.timedelta(days=days)
        # One session per kind and module in the demo: found again whatever its title became.
        session, created = TrainingSession.objects.get_or_create(
            season=season,
            kind=kind,
            module=module,
            defaults={
                "title": title,
                "starts_at": at(day, start),
                "ends_at": at(day, end),
                "place_kind": place,
                "address": address,
                "online_url": online_url,
            },
        )
        if created:
            session.experts.set([experts[email] for email in leads if email in experts])
            if module is not None:
                session.sheets.set(module.sheets.all())
        sessions[key] = session
    if season.exchange_day:
        sessions["exchange-day"], _ = TrainingSession.objects.get_or_create(
            season=season,
            kind=SessionKind.EXCHANGE_DAY,
            defaults={
                "title": content.SESSION_TITLES["exchange-day"],
                "starts_at": at(season.exchange_day, "9:30"),
                "ends_at": at(season.exchange_day, "17:00"),
                "place_kind": PlaceKind.PARIS,
                "address": content.EXCHANGE_DAY_ADDRESS,
            },
        )
    return sessions


P, L, E, A = (
    AttendanceStatus.PRESENT,
    AttendanceStatus.LATE,
    AttendanceStatus.EXCUSED,
    AttendanceStatus.ABSENT,
)
#: Attendance at the three sessions held (modules 1, 2, 3); None: joined after the session.
#: "auto": left unmarked, then marked absent by the automatic closing of attendance.
ATTENDANCE = {
    "referent1@essaim.test": (P, P, L),
    "participant1@essaim.test": (P, E, P),
    "referent2@essaim.test": (L, P, P),
    "gaelle.le-goff@exemple.test": (P, P, P),
    "yannick.kerjean@exemple.test": (P, A, A),  # two absences in a row
    "maiwenn.tanguy@exemple.test": (E, P, P),
    "denis.roques@exemple.test": (P, L, P),
    "amandine.salvat@exemple.test": (A, P, E),
    "samir.haddad@exemple.test": (P, P, "auto"),
    "lucie.perrin@exemple.test": (None, P, P),
    "odile.brunet@exemple.test": (P, A, L),
}
HELD = ("module-1", "module-2", "module-3")


def mark_attendance(sessions: dict, members: list[SwarmedMember]) -> None:
    close_after = datetime.timedelta(hours=settings.ESSAIM_ATTENDANCE_CLOSE_HOURS)
    for index, key in enumerate(HELD):
        session = sessions[key]
        if Attendance.objects.filter(session=session).exists():
            continue
        marker = session.experts.first()
        for member in members:
            status = ATTENDANCE.get(member.user.email, (P, P, P))[index]
            if status is None or member.joined_at > session.starts_at:
                continue
            automatic = status == "auto"
            Attendance.objects.create(
                session=session,
                member=member,
                status=A if automatic else status,
                automatic=automatic,
                marked_by=None if automatic else marker,
                marked_at=session.ends_at + (close_after if automatic else datetime.timedelta()),
            )
        session.attendance_closed_at = session.ends_at + close_after
        session.save(update_fields=["attendance_closed_at"])


#: Each structure's deliverable per module: the steps of its review so far.
SUBMITTED = ["submitted"]
VALIDATED = ["submitted", "validated"]
REWORKED = ["submitted", "changes_requested", "submitted", "validated"]
TO_REWORK = ["submitted", "changes_requested"]
RESUBMITTED = ["submitted", "changes_requested", "submitted"]
DRAFT: list[str] = []

SUBMISSIONS = {
    1: {
        "Association Tremplin Béarn": VALIDATED,
        "Communauté d'agglomération du Val de Loire": REWORKED,
        "Parcours Emploi Cornouaille": VALIDATED,
        "Communauté de communes des Hautes-Vignes": TO_REWORK,
        "Atout Emploi Rhône Sud": SUBMITTED,
        "Ville de Bourg-Sainte-Aline": DRAFT,
    },
    2: {
        "Association Tremplin Béarn": RESUBMITTED,
        "Communauté d'agglomération du Val de Loire": VALIDATED,
        "Parcours Emploi Cornouaille": SUBMITTED,
        "Communauté de communes des Hautes-Vignes": DRAFT,
        "Atout Emploi Rhône Sud": VALIDATED,
    },
    3: {
        "Association Tremplin Béarn": DRAFT,
        "Communauté d'agglomération du Val de Loire": DRAFT,
        "Parcours Emploi Cornouaille": SUBMITTED,
    },
    4: {"Parcours Emploi Cornouaille": DRAFT},
}

DELIVERABLE = (
    "### {title}\n\n"
    "Équipe : {people}.\n\n"
    "- Ce que nous avons fait : {done}\n"
    "- Ce qui a marché : les entreprises rencontrées à deux nous ont mieux reçus.\n"
    "- Ce qui a résisté : le temps, surtout les semaines de permanence.\n\n"
    "Tableau joint au dossier de l'équipe."
)
DONE = {
    1: "32 entreprises listées, 7 visites, 3 offres captées.",
    2: "10 entreprises suivies, 14 contacts en un mois.",
    3: "2 PER signées, un premier accueil raconté pas à pas.",
    4: "2 croisements conduits en réunion du lundi.",
}
REWORK_COMMENT = (
    "Merci pour ce premier rendu. Il manque **ce que les entreprises vous ont répondu** : "
    "reprenez deux visites et racontez l'échange, refus compris."
)
REWORK_ANSWER = "\n\nAjout après relecture : deux échanges racontés, dont un refus argumenté."
VALIDATION_COMMENT = "Travail complet et honnête sur ce qui a résisté : validé."


def ensure_assignments(season: Season, modules: dict) -> dict[int, Assignment]:
    now = timezone.now()
    assignments = {}
    for spec in content.MODULES:
        work = spec["assignment"]
        module = modules.get(spec["number"])
        if work is None or module is None:
            continue
        due = timezone.localtime(now + datetime.timedelta(days=work["due_in_days"]))
        assignments[spec["number"]], _ = Assignment.objects.get_or_create(
            season=season,
            module=module,
            defaults={
                "title": work["title"],
                "instructions": work["instructions"],
                "instructions_html": render_markdown(work["instructions"]),
                "due_at": due.replace(hour=23, minute=59, second=0, microsecond=0),
            },
        )
    return assignments


def ensure_submission(assignment: Assignment, swarmed: SwarmedStructure, steps, *, reviewer, now):
    submission, created = Submission.objects.get_or_create(
        assignment=assignment, swarmed_structure=swarmed
    )
    if not created:
        return submission
    members = list(swarmed.members.all())
    author = next((m.user for m in members if m.role == SeasonRole.REFERENT), None)
    text = DELIVERABLE.format(
        title=assignment.title,
        people=", ".join(m.user.get_full_name() for m in members),
        done=DONE[assignment.module.number],
    )
    round_ = 1
    moment = assignment.due_at - datetime.timedelta(days=3)
    for index, step in enumerate(steps):
        # Past steps only: a review never happens in the demo's future.
        moment = min(moment, now - datetime.timedelta(days=len(steps) - index))
        if step == "submitted":
            if index:
                round_ += 1
                text += REWORK_ANSWER
            SubmissionEvent.objects.create(
                submission=submission,
                kind=SubmissionEvent.Kind.SUBMITTED,
                round=round_,
                actor=author,
                text_html=render_markdown(text),
                at=moment,
            )
            submission.submitted_at = moment
        else:
            comment = VALIDATION_COMMENT if step == "validated" else REWORK_COMMENT
            SubmissionEvent.objects.create(
                submission=submission,
                kind=step,
                round=round_,
                actor=reviewer,
                comment=comment,
                comment_html=render_markdown(comment),
                at=moment,
            )
        moment += datetime.timedelta(days=3)
    submission.status = steps[-1] if steps else SubmissionStatus.DRAFT
    submission.text = text
    submission.text_html = render_markdown(text)
    submission.round = round_
    submission.version = len(steps) + 1
    submission.save()
    return submission


def load_training(stdout) -> None:
    season = Season.objects.filter(slug=SEASON_SLUG).first()
    if season is None or season.training_start is None:
        stdout.write("  formation-action : pas de saison 2026 en cours, rien à ajouter")
        return
    now = timezone.now()
    ansa = User.objects.filter(email="ansa@essaim.test").first()
    for spec in content.EXTRA_STRUCTURES:
        swarm(season=season, spec=spec, now=now, ansa=ansa)

    modules = {
        module.number: module
        for module in ModulePage.objects.filter(locale__language_code="fr").order_by("pk")
    }
    experts = {
        user.email: user for user in User.objects.filter(email__in=list(content.MODULE_LEADS))
    }
    for email, numbers in content.MODULE_LEADS.items():
        for number in numbers:
            if email in experts and number in modules:
                ModuleLead.objects.get_or_create(
                    season=season, module=modules[number], expert=experts[email]
                )

    sessions = ensure_sessions(season, modules, experts)
    members = list(
        SwarmedMember.objects.filter(swarmed_structure__season=season).select_related("user")
    )
    mark_attendance(sessions, members)

    assignments = ensure_assignments(season, modules)
    swarmed = {
        s.structure.name: s
        for s in SwarmedStructure.objects.filter(season=season).select_related("structure")
    }
    leads = {lead.module_id: lead.expert for lead in season.module_leads.all()}
    for number, plan in SUBMISSIONS.items():
        assignment = assignments.get(number)
        for name, steps in plan.items():
            if assignment is not None and name in swarmed:
                ensure_submission(
                    assignment,
                    swarmed[name],
                    steps,
                    reviewer=leads.get(assignment.module_id),
                    now=now,
                )

    held = sum(1 for key in HELD if key in sessions)
    stdout.write(
        f"  formation-action : {season.name}, {len(swarmed)} structures, {len(members)} "
        f"personnes, {len(sessions)} séances dont {held} tenues, {len(assignments)} travaux, "
        f"{Submission.objects.filter(assignment__season=season).count()} remises"
    )
