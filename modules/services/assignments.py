"""Intersession work: each module's assignment for a season, the deliverable a structure writes
with its people, the expert's review and the reminders.

A structure hands in one deliverable per assignment (`Submission`): its members edit the Markdown
text together (optimistic locking on `version`) and add files, then « remettre ». The experts
leading the module (or Ansa) validate it or ask for changes; after changes the members edit and
hand in again, in a new round. Every step is a `SubmissionEvent` keeping the text as it was.
"""

import logging
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from modules.models import (
    Assignment,
    ModuleLead,
    ModulePage,
    Season,
    Submission,
    SubmissionEvent,
    SubmissionFile,
    SubmissionStatus,
    SwarmedMember,
    SwarmedStructure,
)
from modules.permissions import can_manage_season, leads_module
from portal.audit.services import audit_log, changed_fields
from portal.enums import NotificationCategory
from portal.models import User
from portal.notifications.services import notification_create
from portal.roles import Role, has_role, is_ansa
from portal.sanitiser import render_markdown

logger = logging.getLogger(__name__)

#: The members may change the text and the files only in these states.
EDITABLE_STATUSES = frozenset({SubmissionStatus.DRAFT, SubmissionStatus.CHANGES_REQUESTED})
#: Work handed in or accepted: no reminder for it.
HANDED_IN_STATUSES = frozenset({SubmissionStatus.SUBMITTED, SubmissionStatus.VALIDATED})
#: More files than this in one deliverable is a sign something went wrong.
MAX_FILES_PER_SUBMISSION = 20
DEFAULT_REMINDER_DAYS = 3


class ConcurrentEdit(Exception):
    """Someone saved the deliverable's text since this person opened it."""


# --- Who may do what -------------------------------------------------------------------------
# Predicates of this part, beside `modules.permissions` (which holds the season-wide ones).


def _authenticated(user) -> bool:
    return bool(getattr(user, "is_authenticated", False))


def can_edit_assignment(user) -> bool:
    """Ansa sets each module's assignment for a season."""
    return can_manage_season(user)


def can_review_assignment(user, assignment: Assignment) -> bool:
    """Ansa, or an expert leading the assignment's module in its season."""
    return is_ansa(user) or leads_module(user, assignment.season, assignment.module_id)


def led_module_ids(user, season: Season) -> frozenset[int]:
    if not _authenticated(user):
        return frozenset()
    return frozenset(
        ModuleLead.objects.filter(season=season, expert=user).values_list("module_id", flat=True)
    )


def is_member_of_structure(user, swarmed: SwarmedStructure) -> bool:
    return (
        _authenticated(user)
        and SwarmedMember.objects.filter(swarmed_structure=swarmed, user=user).exists()
    )


def is_reviewer_kind(user) -> bool:
    """People whose role could review work: refused with 403 rather than a 404."""
    return is_ansa(user) or has_role(user, Role.EXPERT, Role.HEAD_OF_NETWORK)


# --- Reading ---------------------------------------------------------------------------------


def season_modules() -> QuerySet[ModulePage]:
    """The five modules (pages of the site's language, in their order)."""
    return ModulePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by(
        "number", "pk"
    )


def season_assignments(season: Season) -> list[Assignment]:
    return list(
        Assignment.objects.filter(season=season)
        .select_related("module", "season")
        .order_by("module__number", "due_at")
    )


def assignment_get(*, pk: int) -> Assignment | None:
    return Assignment.objects.select_related("season", "module").filter(pk=pk).first()


def season_submissions(season: Season) -> dict[tuple[int, int], Submission]:
    """{(assignment id, swarmed structure id): submission} for the whole season, in one query."""
    return {
        (submission.assignment_id, submission.swarmed_structure_id): submission
        for submission in Submission.objects.filter(assignment__season=season).defer(
            "text", "text_html"
        )
    }


def season_submissions_of(season: Season, swarmed: SwarmedStructure) -> dict[int, Submission]:
    """{assignment id: submission} of one structure for the season, in one query."""
    return {
        submission.assignment_id: submission
        for submission in Submission.objects.filter(
            assignment__season=season, swarmed_structure=swarmed
        ).defer("text", "text_html")
    }


def submission_for(*, assignment: Assignment, swarmed: SwarmedStructure) -> Submission:
    """The structure's deliverable, or a blank one (not saved) when nobody has started it."""
    submission = (
        Submission.objects.filter(assignment=assignment, swarmed_structure=swarmed)
        .select_related("assignment__season", "assignment__module", "swarmed_structure__structure")
        .first()
    )
    if submission is None:
        submission = Submission(assignment=assignment, swarmed_structure=swarmed)
    return submission


def submission_history(submission: Submission) -> list[SubmissionEvent]:
    if submission.pk is None:
        return []
    return list(submission.events.select_related("actor").order_by("at", "pk"))


def handed_in_round(submission: Submission) -> int:
    """The last round handed in (0 if none): reviewers see nothing of a round being written."""
    if submission.status == SubmissionStatus.DRAFT:
        return 0
    return submission.round


def submission_files(
    submission: Submission, *, handed_in_only: bool = False
) -> list[SubmissionFile]:
    if submission.pk is None:
        return []
    files = submission.files.select_related("uploaded_by").order_by("round", "uploaded_at")
    if handed_in_only:
        files = files.filter(round__lte=handed_in_round(submission))
    return list(files)


def can_read_file(user, attached: SubmissionFile) -> bool:
    """The structure's members read every file; reviewers those of the rounds handed in."""
    submission = attached.submission
    if is_member_of_structure(user, submission.swarmed_structure):
        return True
    return can_review_assignment(user, submission.assignment) and (
        attached.round <= handed_in_round(submission)
    )


def working_round(submission: Submission) -> int:
    """The round the members are writing: the next one once the expert asked for changes."""
    if submission.status == SubmissionStatus.CHANGES_REQUESTED:
        return submission.round + 1
    return submission.round


def is_overdue(assignment: Assignment, submission: Submission | None, *, now=None) -> bool:
    now = now or timezone.now()
    status = submission.status if submission is not None else SubmissionStatus.DRAFT
    return assignment.due_at <= now and status not in HANDED_IN_STATUSES


# --- Formatting for notifications ------------------------------------------------------------


def paris_datetime(value: datetime) -> str:
    """« 12 mars 2027 à 18 h 30 », read in Europe/Paris (the portal's time zone)."""
    local = timezone.localtime(value)
    minutes = f" {local.minute:02d}" if local.minute else ""
    return _("%(date)s à %(hour)s h%(minutes)s") % {
        "date": formats.date_format(local, "DATE_FORMAT"),
        "hour": local.hour,
        "minutes": minutes,
    }


def _module_label(assignment: Assignment) -> str:
    return _("Module %(number)s — %(title)s") % {
        "number": assignment.module.number,
        "title": assignment.module.title,
    }


# --- Setting an assignment (Ansa) ------------------------------------------------------------


def _season_bounds_error(season: Season, due_at: datetime) -> str | None:
    day = timezone.localtime(due_at).date()
    start, end = season.training_start, season.training_end
    if (start and day < start) or (end and day > end):
        return _(
            "La date de remise doit tomber pendant la formation-action de la saison, "
            "du %(start)s au %(end)s."
        ) % {
            "start": formats.date_format(start, "DATE_FORMAT") if start else "…",
            "end": formats.date_format(end, "DATE_FORMAT") if end else "…",
        }
    return None


def assignment_save(
    *,
    actor: User,
    season: Season,
    module: ModulePage,
    title: str,
    instructions: str,
    due_at: datetime,
) -> Assignment:
    """Create or change the module's assignment for the season (one per module and season)."""
    if not can_edit_assignment(actor):
        raise PermissionDenied
    errors = {}
    if not title.strip():
        errors["title"] = _("Donnez un intitulé au travail.")
    if not instructions.strip():
        errors["instructions"] = _("Écrivez les consignes du travail.")
    if due_at is None:
        errors["due_at"] = _("Indiquez la date et l'heure de remise.")
    elif bounds := _season_bounds_error(season, due_at):
        errors["due_at"] = bounds
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        assignment = (
            Assignment.objects.select_for_update().filter(season=season, module=module).first()
        )
        created = assignment is None
        if created:
            assignment = Assignment(season=season, module=module)
        before = {
            "title": assignment.title,
            "due_at": assignment.due_at,
            "instructions": assignment.instructions,
        }
        assignment.title = title.strip()
        assignment.instructions = instructions
        assignment.instructions_html = render_markdown(instructions)
        if assignment.due_at != due_at:
            # A new date: the reminders apply to it afresh.
            assignment.reminded_before_at = None
            assignment.reminded_overdue_at = None
        assignment.due_at = due_at
        assignment.save()
        changes = changed_fields(
            {"title": before["title"], "due_at": before["due_at"]},
            {"title": assignment.title, "due_at": assignment.due_at},
        )
        if before["instructions"] != instructions:
            changes["instructions"] = ["…", "…"]
        audit_log(
            actor=actor,
            action="assignment.create" if created else "assignment.update",
            obj=assignment,
            changes=changes,
        )
        if created:
            _notify_season_members(
                assignment,
                kind="assignment.created",
                title=_("Nouveau travail d'intersession : %(title)s") % {"title": assignment.title},
                body=_("%(module)s. À rendre avant le %(due)s.")
                % {"module": _module_label(assignment), "due": paris_datetime(assignment.due_at)},
            )
    return assignment


# --- Writing the deliverable (the structure's members) --------------------------------------


def _check_member(actor: User, swarmed: SwarmedStructure) -> None:
    if not is_member_of_structure(actor, swarmed):
        raise PermissionDenied


def _lock(*, assignment: Assignment, swarmed: SwarmedStructure) -> Submission:
    """The deliverable, created on first use, locked for this transaction."""
    submission, _created = Submission.objects.get_or_create(
        assignment=assignment, swarmed_structure=swarmed
    )
    locked = Submission.objects.select_for_update().get(pk=submission.pk)
    locked.assignment = assignment
    locked.swarmed_structure = swarmed
    return locked


def _check_editable(submission: Submission) -> None:
    if submission.status == SubmissionStatus.VALIDATED:
        raise ValidationError(_("Ce travail est validé : il ne peut plus être modifié."))
    if submission.status not in EDITABLE_STATUSES:
        raise ValidationError(
            _("Ce travail a été remis : il ne peut plus être modifié avant la relecture.")
        )


def submission_save_text(
    *,
    actor: User,
    assignment: Assignment,
    swarmed: SwarmedStructure,
    text: str,
    version: int,
) -> Submission:
    """Save the deliverable's text as seen at `version`; someone saved since: ConcurrentEdit."""
    _check_member(actor, swarmed)
    with transaction.atomic():
        locked = _lock(assignment=assignment, swarmed=swarmed)
        _check_editable(locked)
        if locked.version != version:
            raise ConcurrentEdit
        if locked.text == text:
            return locked
        locked.text = text
        locked.text_html = render_markdown(text)
        locked.version += 1
        locked.save()
        audit_log(
            actor=actor,
            action="submission.save_text",
            obj=locked,
            changes={"text": ["…", "…"], "version": [version, locked.version]},
        )
    return locked


def _stored_name(extension: str) -> str:
    return f"{uuid.uuid4().hex}{extension}"


def submission_add_file(
    *, actor: User, assignment: Assignment, swarmed: SwarmedStructure, uploaded
) -> SubmissionFile:
    """Attach a file to the deliverable, judged by its bytes (size, real type), stored privately."""
    from candidacy.services import check_upload  # the portal's one upload check

    _check_member(actor, swarmed)
    content_type, extension = check_upload(uploaded)
    with transaction.atomic():
        locked = _lock(assignment=assignment, swarmed=swarmed)
        _check_editable(locked)
        if locked.files.count() >= MAX_FILES_PER_SUBMISSION:
            raise ValidationError(
                _("Ce travail compte déjà %(count)s fichiers : retirez-en avant d'en ajouter.")
                % {"count": MAX_FILES_PER_SUBMISSION}
            )
        attached = SubmissionFile(
            submission=locked,
            round=working_round(locked),
            original_name=(uploaded.name or "fichier")[-200:],
            content_type=content_type,
            size=uploaded.size,
            uploaded_by=actor,
        )
        attached.file.save(_stored_name(extension), uploaded, save=False)
        try:
            # Nothing half-saved: if anything below fails, the stored file goes too.
            attached.save()
            locked.save(update_fields=["updated_at"])
            audit_log(
                actor=actor,
                action="submission.add_file",
                obj=locked,
                changes={"file": [None, attached.original_name]},
            )
        except Exception:
            attached.file.delete(save=False)
            raise
    return attached


def submission_remove_file(*, actor: User, attached: SubmissionFile) -> None:
    """Remove a file added in the round being written (earlier rounds' files stay)."""
    submission = attached.submission
    _check_member(actor, submission.swarmed_structure)
    with transaction.atomic():
        locked = Submission.objects.select_for_update().get(pk=submission.pk)
        _check_editable(locked)
        if attached.round != working_round(locked):
            raise ValidationError(
                _("Ce fichier a été remis lors d'un tour précédent : il reste dans l'historique.")
            )
        storage, name = attached.file.storage, attached.file.name
        attached.delete()
        locked.save(update_fields=["updated_at"])
        audit_log(
            actor=actor,
            action="submission.remove_file",
            obj=locked,
            changes={"file": [attached.original_name, None]},
        )
        transaction.on_commit(partial(storage.delete, name))


def submission_submit(
    *, actor: User, assignment: Assignment, swarmed: SwarmedStructure, version: int
) -> Submission:
    """Hand the deliverable in, as seen at `version`; the module's experts are told."""
    _check_member(actor, swarmed)
    with transaction.atomic():
        locked = _lock(assignment=assignment, swarmed=swarmed)
        _check_editable(locked)
        if locked.version != version:
            raise ConcurrentEdit
        if not locked.text.strip() and not locked.files.exists():
            raise ValidationError(
                _(
                    "Le livrable est vide : écrivez le texte ou ajoutez un fichier avant de le "
                    "remettre."
                )
            )
        previous = locked.status
        if previous == SubmissionStatus.CHANGES_REQUESTED:
            locked.round += 1
        locked.status = SubmissionStatus.SUBMITTED
        locked.submitted_at = timezone.now()
        locked.save()
        SubmissionEvent.objects.create(
            submission=locked,
            kind=SubmissionEvent.Kind.SUBMITTED,
            round=locked.round,
            actor=actor,
            text_html=locked.text_html,
            at=locked.submitted_at,
        )
        audit_log(
            actor=actor,
            action="submission.submit",
            obj=locked,
            changes={"status": [previous, locked.status], "round": [None, locked.round]},
        )
        structure = swarmed.structure.name
        review_url = reverse(
            "modules:submission_review",
            kwargs={"assignment_id": assignment.pk, "swarmed_id": swarmed.pk},
        )
        title = (
            _("Travail à relire : %(structure)s a remis « %(title)s »")
            if locked.round == 1
            else _("Travail à relire : %(structure)s a remis de nouveau « %(title)s »")
        ) % {"structure": structure, "title": assignment.title}
        for reviewer in _reviewers(assignment):
            notification_create(
                recipient=reviewer,
                category=NotificationCategory.TRAINING,
                kind="submission.submitted",
                title=title,
                body=_("%(module)s, tour %(round)s.")
                % {"module": _module_label(assignment), "round": locked.round},
                url=review_url,
                target=locked,
            )
        _notify_members(
            locked,
            kind="submission.submitted",
            title=_("%(name)s a remis le travail « %(title)s »")
            % {"name": actor, "title": assignment.title},
            exclude=actor,
        )
    return locked


# --- Reviewing (the module's experts, Ansa) --------------------------------------------------


#: What a reviewer decides; the values are those of the submission's status and event kind.
REVIEW_DECISIONS = (SubmissionStatus.VALIDATED.value, SubmissionStatus.CHANGES_REQUESTED.value)


def submission_review(
    *, actor: User, submission: Submission, decision: str, comment: str
) -> SubmissionEvent:
    """Validate the deliverable or ask for changes (a comment is then required)."""
    assignment = submission.assignment
    if not can_review_assignment(actor, assignment):
        raise PermissionDenied
    errors = {}
    if decision not in REVIEW_DECISIONS:
        errors["decision"] = _("Choisissez « Validé » ou « À reprendre ».")
    elif decision == SubmissionStatus.CHANGES_REQUESTED and not comment.strip():
        errors["comment"] = _("Expliquez ce qui est à reprendre : les membres en ont besoin.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        locked = Submission.objects.select_for_update().get(pk=submission.pk)
        locked.assignment = assignment
        locked.swarmed_structure = submission.swarmed_structure
        if locked.status == SubmissionStatus.VALIDATED:
            raise ValidationError(_("Ce travail est déjà validé : la décision est définitive."))
        if locked.status != SubmissionStatus.SUBMITTED:
            raise ValidationError(
                _("Ce travail n'est pas en attente de relecture : il a pu être relu entre-temps.")
            )
        previous = locked.status
        locked.status = decision
        locked.save()
        event = SubmissionEvent.objects.create(
            submission=locked,
            kind=decision,
            round=locked.round,
            actor=actor,
            comment=comment,
            comment_html=render_markdown(comment),
        )
        audit_log(
            actor=actor,
            action="submission.review",
            obj=locked,
            changes={"status": [previous, decision], "round": [None, locked.round]},
        )
        if decision == SubmissionStatus.VALIDATED:
            title = _("Travail validé : « %(title)s »") % {"title": assignment.title}
        else:
            title = _("Travail à reprendre : « %(title)s »") % {"title": assignment.title}
        _notify_members(
            locked,
            kind=f"submission.{decision}",
            title=title,
            body=comment.strip()[:1000],
        )
    return event


# --- Notifying -------------------------------------------------------------------------------


def _reviewers(assignment: Assignment) -> list[User]:
    """The module's leading experts; Ansa's team when nobody leads it yet."""
    experts = list(
        User.objects.filter(
            modules_led__season_id=assignment.season_id,
            modules_led__module_id=assignment.module_id,
            is_active=True,
        ).distinct()
    )
    if experts:
        return experts
    return list(User.objects.filter(groups__name=Role.ANSA.value, is_active=True).distinct())


def _members(swarmed_ids) -> dict[int, list[User]]:
    people: dict[int, list[User]] = {}
    for member in SwarmedMember.objects.filter(
        swarmed_structure_id__in=swarmed_ids, user__is_active=True
    ).select_related("user"):
        people.setdefault(member.swarmed_structure_id, []).append(member.user)
    return people


def _notify_members(
    submission: Submission, *, kind: str, title: str, body: str = "", exclude=None
) -> int:
    url = reverse("modules:submission", kwargs={"assignment_id": submission.assignment_id})
    count = 0
    for person in _members([submission.swarmed_structure_id]).get(
        submission.swarmed_structure_id, []
    ):
        if exclude is not None and person.pk == exclude.pk:
            continue
        notification_create(
            recipient=person,
            category=NotificationCategory.TRAINING,
            kind=kind,
            title=title,
            body=body,
            url=url,
            target=submission,
        )
        count += 1
    return count


def _notify_season_members(assignment: Assignment, *, kind: str, title: str, body: str) -> int:
    url = reverse("modules:submission", kwargs={"assignment_id": assignment.pk})
    swarmed_ids = assignment.season.swarmed.values_list("pk", flat=True)
    count = 0
    for people in _members(list(swarmed_ids)).values():
        for person in people:
            notification_create(
                recipient=person,
                category=NotificationCategory.TRAINING,
                kind=kind,
                title=title,
                body=body,
                url=url,
                target=assignment,
            )
            count += 1
    return count


# --- Reminders (Celery beat, daily) ----------------------------------------------------------


@dataclass(frozen=True)
class _Late:
    swarmed: SwarmedStructure
    people: list[User]


def _structures_not_handed_in(assignment: Assignment, *, joined_before=None) -> list[_Late]:
    """The season's structures whose deliverable is neither handed in nor validated."""
    handed_in = Submission.objects.filter(
        assignment=assignment, status__in=HANDED_IN_STATUSES
    ).values("swarmed_structure_id")
    structures = (
        SwarmedStructure.objects.filter(season_id=assignment.season_id)
        .exclude(pk__in=handed_in)
        .select_related("structure")
        .order_by("structure__name")
    )
    if joined_before is not None:
        # A structure that joined after the due date is not late for it.
        structures = structures.filter(joined_at__lte=joined_before)
    structures = list(structures)
    people = _members([swarmed.pk for swarmed in structures])
    return [_Late(swarmed, people.get(swarmed.pk, [])) for swarmed in structures]


def _remind_before(assignment: Assignment, now: datetime) -> int:
    url = reverse("modules:submission", kwargs={"assignment_id": assignment.pk})
    count = 0
    for late in _structures_not_handed_in(assignment):
        for person in late.people:
            notification_create(
                recipient=person,
                category=NotificationCategory.TRAINING,
                kind="assignment.reminder",
                title=_("Travail d'intersession à rendre avant le %(due)s : « %(title)s »")
                % {"due": paris_datetime(assignment.due_at), "title": assignment.title},
                body=_("%(module)s. Votre structure ne l'a pas encore remis.")
                % {"module": _module_label(assignment)},
                url=url,
                target=assignment,
            )
            count += 1
    assignment.reminded_before_at = now
    assignment.save(update_fields=["reminded_before_at"])
    return count


def _remind_overdue(assignment: Assignment, now: datetime) -> int:
    url = reverse("modules:submission", kwargs={"assignment_id": assignment.pk})
    lates = _structures_not_handed_in(assignment, joined_before=assignment.due_at)
    count = 0
    for late in lates:
        for person in late.people:
            notification_create(
                recipient=person,
                category=NotificationCategory.TRAINING,
                kind="assignment.overdue",
                title=_("Travail d'intersession en retard : « %(title)s »")
                % {"title": assignment.title},
                body=_(
                    "%(module)s. Il était à rendre avant le %(due)s ; remettez-le dès que possible."
                )
                % {"module": _module_label(assignment), "due": paris_datetime(assignment.due_at)},
                url=url,
                target=assignment,
            )
            count += 1
    if lates:
        names = ", ".join(late.swarmed.structure.name for late in lates)
        list_url = reverse("modules:assignment_list", kwargs={"season": assignment.season.slug})
        for expert in User.objects.filter(
            modules_led__season_id=assignment.season_id,
            modules_led__module_id=assignment.module_id,
            is_active=True,
        ).distinct():
            notification_create(
                recipient=expert,
                category=NotificationCategory.TRAINING,
                kind="assignment.overdue_copy",
                title=ngettext(
                    "« %(title)s » : %(count)s structure n'a pas remis le travail à temps",
                    "« %(title)s » : %(count)s structures n'ont pas remis le travail à temps",
                    len(lates),
                )
                % {"title": assignment.title, "count": len(lates)},
                body=_("En retard : %(names)s.") % {"names": names},
                url=list_url,
                target=assignment,
            )
            count += 1
    assignment.reminded_overdue_at = now
    assignment.save(update_fields=["reminded_overdue_at"])
    return count


def send_assignment_reminders(now: datetime | None = None) -> int:
    """Remind once before each due date, and once when overdue; return the notifications sent.

    Idempotent: each assignment records when its reminders went, so the task can run again
    (or twice at once: a locked assignment is skipped by the other run).
    """
    now = now or timezone.now()
    days = getattr(settings, "ESSAIM_ASSIGNMENT_REMINDER_DAYS", DEFAULT_REMINDER_DAYS)
    due_soon = Q(
        reminded_before_at__isnull=True, due_at__gt=now, due_at__lte=now + timedelta(days=days)
    )
    overdue = Q(reminded_overdue_at__isnull=True, due_at__lte=now)
    sent = 0
    for pk in Assignment.objects.filter(due_soon | overdue).values_list("pk", flat=True):
        with transaction.atomic():
            assignment = (
                Assignment.objects.select_for_update(skip_locked=True, of=("self",))
                .select_related("season", "module")
                .filter(pk=pk)
                .filter(due_soon | overdue)
                .first()
            )
            if assignment is None:
                continue
            if assignment.due_at > now:
                sent += _remind_before(assignment, now)
            else:
                sent += _remind_overdue(assignment, now)
    if sent:
        logger.info("Sent %s intersession work reminders.", sent)
    return sent
