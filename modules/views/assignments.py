"""Intersession work's pages: the season's assignments and their statuses, Ansa's form to set
an assignment, the structure's deliverable (text, files, « remettre »), its files, its review.

Parse the request, call a selector or a service, render. A structure's deliverable answers 404
to anyone outside it, apart from Ansa and the module's leading experts (an expert who does not
lead the module gets 403), so neither its existence nor its content leaks.
"""

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from candidacy.models import MAX_EVIDENCE_BYTES
from modules.forms_assignments import (
    AssignmentForm,
    ReviewForm,
    SubmissionFileForm,
    SubmissionTextForm,
    SubmitForm,
    with_version,
)
from modules.models import (
    Assignment,
    ModulePage,
    Season,
    Submission,
    SubmissionFile,
    SubmissionStatus,
    SwarmedStructure,
)
from modules.permissions import member_of
from modules.services import assignments as services
from portal.files import private_file_response
from portal.forms import add_service_errors as _add_errors
from portal.security import staff_page

MEGABYTE = 1024 * 1024


# --- Statuses in words and marks -------------------------------------------------------------


@dataclass(frozen=True)
class Status:
    """A deliverable's state as shown: words, a mark beside them, and a style (never alone)."""

    slug: str
    label: str
    mark: str
    overdue: bool = False


MARKS = {
    "not_started": ("todo", "○"),
    SubmissionStatus.DRAFT: ("todo", "○"),
    SubmissionStatus.SUBMITTED: ("to_judge", "◐"),
    SubmissionStatus.CHANGES_REQUESTED: ("unmet", "↺"),
    SubmissionStatus.VALIDATED: ("done", "✓"),
}


def status_of(assignment: Assignment, submission: Submission | None, now=None) -> Status:
    if submission is None or submission.pk is None:
        key, label = "not_started", _("Pas commencé")
    else:
        key, label = submission.status, submission.get_status_display()
    slug, mark = MARKS[key]
    return Status(
        slug=slug,
        label=label,
        mark=mark,
        overdue=services.is_overdue(assignment, submission, now=now),
    )


# --- Finding things --------------------------------------------------------------------------


def _assignment(assignment_id: int) -> Assignment:
    assignment = services.assignment_get(pk=assignment_id)
    if assignment is None:
        raise Http404
    return assignment


def _swarmed(assignment: Assignment, swarmed_id: int) -> SwarmedStructure:
    swarmed = (
        SwarmedStructure.objects.select_related("structure")
        .filter(pk=swarmed_id, season_id=assignment.season_id)
        .first()
    )
    if swarmed is None:
        raise Http404
    return swarmed


def _refuse(user) -> None:
    """403 for those whose role could review (they know the work exists); 404 for the others."""
    if services.is_reviewer_kind(user):
        raise PermissionDenied
    raise Http404


# --- The season's assignments ----------------------------------------------------------------


@dataclass
class Cell:
    assignment: Assignment
    status: Status
    url: str


@require_GET
def assignment_list(request: HttpRequest, season: str) -> HttpResponse:
    season = get_object_or_404(Season, slug=season)
    user = request.user
    can_manage = services.can_edit_assignment(user)
    led = services.led_module_ids(user, season)
    assignments = services.season_assignments(season)
    now = timezone.now()
    if can_manage or led:
        return _reviewer_list(request, season, assignments, can_manage=can_manage, led=led, now=now)
    member = member_of(user, season)
    if member is None:
        raise PermissionDenied
    swarmed = member.swarmed_structure
    submissions = services.season_submissions_of(season, swarmed)
    rows = [
        {
            "assignment": assignment,
            "status": status_of(assignment, submissions.get(assignment.pk), now),
            "url": reverse("modules:submission", kwargs={"assignment_id": assignment.pk}),
        }
        for assignment in assignments
    ]
    return render(
        request,
        "modules/assignments/list_member.html",
        {"season": season, "swarmed": swarmed, "rows": rows},
    )


def _reviewer_list(request, season, assignments, *, can_manage: bool, led, now) -> HttpResponse:
    structures = list(season.swarmed.select_related("structure").order_by("structure__name"))
    submissions = services.season_submissions(season)
    rows = []
    for swarmed in structures:
        cells = []
        for assignment in assignments:
            submission = submissions.get((assignment.pk, swarmed.pk))
            reviewable = can_manage or assignment.module_id in led
            url = (
                reverse(
                    "modules:submission_review",
                    kwargs={"assignment_id": assignment.pk, "swarmed_id": swarmed.pk},
                )
                if reviewable
                else ""
            )
            cells.append(Cell(assignment, status_of(assignment, submission, now), url))
        rows.append({"swarmed": swarmed, "cells": cells})
    to_review = {assignment.pk: 0 for assignment in assignments}
    for submission in submissions.values():
        if submission.status == SubmissionStatus.SUBMITTED:
            to_review[submission.assignment_id] += 1
    by_module = {assignment.module_id: assignment for assignment in assignments}
    modules = [
        {
            "module": module,
            "assignment": by_module.get(module.pk),
            "edit_url": reverse(
                "modules:assignment_edit", kwargs={"season": season.slug, "module_id": module.pk}
            ),
        }
        for module in (services.season_modules() if can_manage else [])
    ]
    return render(
        request,
        "modules/assignments/list_reviewer.html",
        {
            "season": season,
            "assignments": assignments,
            "rows": rows,
            "modules": modules,
            "can_manage": can_manage,
            "to_review": [
                (assignment, to_review[assignment.pk])
                for assignment in assignments
                if to_review[assignment.pk] and (can_manage or assignment.module_id in led)
            ],
        },
    )


# --- Setting an assignment (Ansa) ------------------------------------------------------------


@staff_page
@require_http_methods(["GET", "POST"])
def assignment_edit(request: HttpRequest, season: str, module_id: int) -> HttpResponse:
    if not services.can_edit_assignment(request.user):
        raise PermissionDenied
    season = get_object_or_404(Season, slug=season)
    module = get_object_or_404(ModulePage, pk=module_id)
    assignment = Assignment.objects.filter(season=season, module=module).first()
    form = AssignmentForm(
        request.POST if request.method == "POST" else None,
        initial=AssignmentForm.initial_for(assignment),
    )
    if form.is_bound and form.is_valid():
        try:
            saved = services.assignment_save(
                actor=request.user,
                season=season,
                module=module,
                title=form.cleaned_data["title"],
                instructions=form.cleaned_data["instructions"],
                due_at=form.cleaned_data["due_at"],
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(
                request,
                _("Le travail « %(title)s » est enregistré.") % {"title": saved.title},
            )
            return redirect(
                reverse("modules:assignment_list", kwargs={"season": season.slug})
                + f"#travail-{saved.pk}"
            )
    return render(
        request,
        "modules/assignments/edit.html",
        {"season": season, "module": module, "assignment": assignment, "form": form},
    )


# --- The structure's deliverable (its members) -----------------------------------------------


@dataclass
class SubmissionPage:
    """The forms of the deliverable's page and what happened to them in this request."""

    assignment: Assignment
    swarmed: SwarmedStructure
    submission: Submission
    text_form: SubmissionTextForm | None = None
    file_form: SubmissionFileForm | None = None
    submit_form: SubmitForm | None = None
    conflict: bool = False

    @property
    def editable(self) -> bool:
        return self.submission.status in services.EDITABLE_STATUSES

    def blank_forms(self) -> None:
        version = self.submission.version
        self.text_form = SubmissionTextForm(
            initial={"version": version, "text": self.submission.text}
        )
        self.file_form = SubmissionFileForm(max_megabytes=MAX_EVIDENCE_BYTES // MEGABYTE)
        self.submit_form = SubmitForm(initial={"version": version}, prefix="submit")

    def reload(self) -> None:
        self.submission = services.submission_for(assignment=self.assignment, swarmed=self.swarmed)


def _save_text(request: HttpRequest, page: SubmissionPage) -> HttpResponse | None:
    page.text_form = SubmissionTextForm(request.POST)
    if not page.text_form.is_valid():
        return None
    try:
        services.submission_save_text(
            actor=request.user,
            assignment=page.assignment,
            swarmed=page.swarmed,
            text=page.text_form.cleaned_data["text"],
            version=page.text_form.cleaned_data["version"],
        )
    except services.ConcurrentEdit:
        page.reload()
        page.conflict = True
        # What this person typed stays in the form, now carrying the current version.
        page.text_form = SubmissionTextForm(with_version(request.POST, page.submission.version))
        page.text_form.is_valid()
        page.submit_form = SubmitForm(initial={"version": page.submission.version}, prefix="submit")
        return None
    except ValidationError as error:
        _add_errors(page.text_form, error, default_field="text")
        return None
    messages.success(request, _("Le texte est enregistré. Relisez l'aperçu ci-dessous."))
    return redirect(_submission_url(page.assignment) + "#apercu")


def _upload(request: HttpRequest, page: SubmissionPage) -> HttpResponse | None:
    page.file_form = SubmissionFileForm(
        request.POST, request.FILES, max_megabytes=MAX_EVIDENCE_BYTES // MEGABYTE
    )
    if not page.file_form.is_valid():
        return None
    try:
        attached = services.submission_add_file(
            actor=request.user,
            assignment=page.assignment,
            swarmed=page.swarmed,
            uploaded=page.file_form.cleaned_data["file"],
        )
    except ValidationError as error:
        _add_errors(page.file_form, error, default_field="file")
        return None
    messages.success(
        request, _("Le fichier « %(name)s » est ajouté.") % {"name": attached.original_name}
    )
    return redirect(_submission_url(page.assignment) + "#fichiers")


def _submit(request: HttpRequest, page: SubmissionPage) -> HttpResponse | None:
    page.submit_form = SubmitForm(request.POST, prefix="submit")
    if not page.submit_form.is_valid():
        messages.error(request, _("La demande est incomplète : rechargez la page et recommencez."))
        return redirect(_submission_url(page.assignment))
    try:
        services.submission_submit(
            actor=request.user,
            assignment=page.assignment,
            swarmed=page.swarmed,
            version=page.submit_form.cleaned_data["version"],
        )
    except services.ConcurrentEdit:
        messages.error(
            request,
            _(
                "Quelqu'un a modifié le texte depuis que vous avez ouvert cette page : rien n'a "
                "été remis. Relisez la version enregistrée ci-dessous, puis remettez-la."
            ),
        )
        return redirect(_submission_url(page.assignment) + "#apercu")
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect(_submission_url(page.assignment))
    messages.success(
        request,
        _("Le travail est remis. Les expert·es du module vont le relire ; vous serez prévenu·es."),
    )
    return redirect(_submission_url(page.assignment))


def _submission_url(assignment: Assignment) -> str:
    return reverse("modules:submission", kwargs={"assignment_id": assignment.pk})


ACTIONS = {"save": _save_text, "upload": _upload, "submit": _submit}


@require_http_methods(["GET", "POST"])
def submission(request: HttpRequest, assignment_id: int) -> HttpResponse:
    assignment = _assignment(assignment_id)
    member = member_of(request.user, assignment.season)
    if member is None:
        if services.can_review_assignment(request.user, assignment):
            # Reviewers read each structure's deliverable from the season's table.
            return redirect(
                reverse("modules:assignment_list", kwargs={"season": assignment.season.slug})
                + f"#travail-{assignment.pk}"
            )
        raise PermissionDenied
    swarmed = member.swarmed_structure
    page = SubmissionPage(
        assignment=assignment,
        swarmed=swarmed,
        submission=services.submission_for(assignment=assignment, swarmed=swarmed),
    )
    if page.editable:
        page.blank_forms()
        if request.method == "POST":
            act = ACTIONS.get(request.POST.get("action", ""))
            if act is None:
                return redirect(_submission_url(assignment))
            response = act(request, page)
            if response is not None:
                return response
    elif request.method == "POST":
        messages.error(request, _edit_refusal(page.submission))
        return redirect(_submission_url(assignment))
    return render(
        request,
        "modules/assignments/submission.html",
        _submission_context(page, member=True),
    )


def _edit_refusal(submission: Submission) -> str:
    if submission.status == SubmissionStatus.VALIDATED:
        return _("Ce travail est validé : il ne peut plus être modifié.")
    return _("Ce travail a été remis : il ne peut plus être modifié avant la relecture.")


def _submission_context(page: SubmissionPage, *, member: bool) -> dict:
    submission = page.submission
    files = services.submission_files(submission, handed_in_only=not member)
    current_round = services.working_round(submission)
    for attached in files:
        attached.removable = member and page.editable and attached.round == current_round
    return {
        "season": page.assignment.season,
        "assignment": page.assignment,
        "swarmed": page.swarmed,
        "submission": submission,
        "status": status_of(page.assignment, submission),
        "editable": page.editable,
        "working_round": current_round,
        "text_form": page.text_form,
        "file_form": page.file_form,
        "submit_form": page.submit_form,
        "conflict": page.conflict,
        "files": files,
        "history": services.submission_history(submission),
        "is_member": member,
    }


# --- Files -----------------------------------------------------------------------------------


@require_GET
def submission_file(request: HttpRequest, assignment_id: int, file_id: int) -> HttpResponse:
    """The private file, as an attachment, to the structure's members and its reviewers."""
    assignment = _assignment(assignment_id)
    attached = (
        SubmissionFile.objects.select_related("submission__swarmed_structure")
        .filter(pk=file_id, submission__assignment=assignment)
        .first()
    )
    if attached is None:
        raise Http404
    attached.submission.assignment = assignment
    if not services.can_read_file(request.user, attached):
        raise Http404
    return private_file_response(
        attached.file, filename=attached.original_name, content_type=attached.content_type
    )


@require_POST
def submission_file_delete(request: HttpRequest, assignment_id: int, file_id: int) -> HttpResponse:
    assignment = _assignment(assignment_id)
    attached = (
        SubmissionFile.objects.select_related("submission__swarmed_structure")
        .filter(pk=file_id, submission__assignment=assignment)
        .first()
    )
    if attached is None or not services.is_member_of_structure(
        request.user, attached.submission.swarmed_structure
    ):
        raise Http404
    try:
        services.submission_remove_file(actor=request.user, attached=attached)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request, _("Le fichier « %(name)s » est retiré.") % {"name": attached.original_name}
        )
    return redirect(_submission_url(assignment) + "#fichiers")


# --- Review (the module's leading experts, Ansa) ---------------------------------------------


@require_http_methods(["GET", "POST"])
def submission_review(request: HttpRequest, assignment_id: int, swarmed_id: int) -> HttpResponse:
    assignment = _assignment(assignment_id)
    swarmed = _swarmed(assignment, swarmed_id)
    if not services.can_review_assignment(request.user, assignment):
        if services.is_member_of_structure(request.user, swarmed):
            raise PermissionDenied
        _refuse(request.user)
    page = SubmissionPage(
        assignment=assignment,
        swarmed=swarmed,
        submission=services.submission_for(assignment=assignment, swarmed=swarmed),
    )
    reviewable = page.submission.status == SubmissionStatus.SUBMITTED
    form = None
    if reviewable:
        form = ReviewForm(request.POST if request.method == "POST" else None)
        if form.is_bound and form.is_valid():
            try:
                services.submission_review(
                    actor=request.user,
                    submission=page.submission,
                    decision=form.cleaned_data["decision"],
                    comment=form.cleaned_data["comment"],
                )
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(
                    request,
                    _(
                        "Votre relecture est enregistrée ; les membres de %(structure)s "
                        "sont prévenus."
                    )
                    % {"structure": swarmed.structure.name},
                )
                return redirect(request.path)
    elif request.method == "POST":
        messages.error(
            request,
            _("Ce travail n'est pas en attente de relecture : il a pu être relu entre-temps."),
        )
        return redirect(request.path)
    context = _submission_context(page, member=False)
    context.update({"review_form": form, "reviewable": reviewable})
    return render(request, "modules/assignments/review.html", context)
