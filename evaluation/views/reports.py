"""Reports: each person's milestone reports, Ansa's completeness matrix, one report read-only,
its form (the structure fills and submits; Ansa records a phone interview), its review, its files.

Parse the request, call a selector or a service, render. A report outside the user's reading
scope answers 404, so neither its existence nor its content leaks; a page the role may not
open (the matrix for a referent, the review for the head of network) answers 403.
"""

import itertools
from collections import Counter, defaultdict
from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import prefetch_related_objects
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from curriculum.models import Principle
from evaluation import forms, permissions, selectors, services
from evaluation.enums import (
    GAP_HIGHLIGHT,
    Completeness,
    FidelityLevel,
    Milestone,
    ReportEventKind,
    ReportSource,
    ReportStatus,
)
from evaluation.models import MilestoneReport, PrincipleDescriptor, ReportFile
from modules.forms_assignments import with_version
from modules.models import Season
from portal.files import private_file_response
from portal.forms import add_service_errors
from portal.roles import Role, has_role
from portal.security import staff_page
from tutoring.permissions import is_expert, is_swarmed_member, swarmed_ids

MILESTONE_LABELS = {milestone.value: milestone.label for milestone in Milestone}


# --- A report's state in words and marks -----------------------------------------------------


@dataclass(frozen=True)
class State:
    """Where a report stands: words, a mark beside them and a style, never the colour alone."""

    value: str
    label: str
    css: str
    mark: str


STATE_STYLES = {
    Completeness.NOT_DUE: ("todo", "○"),
    Completeness.DUE: ("pending", "◔"),
    Completeness.LATE: ("unmet", "!"),
    Completeness.RETURNED: ("unmet", "↺"),
    Completeness.SUBMITTED: ("to_judge", "◐"),
    Completeness.ACCEPTED: ("done", "✓"),
}


def state_of(value: str) -> State:
    css, mark = STATE_STYLES[Completeness(value)]
    return State(value=value, label=str(Completeness(value).label), css=css, mark=mark)


def _state(report: MilestoneReport, delays: dict, today=None) -> State:
    days = delays[report.swarmed_structure.season_id]
    return state_of(selectors.completeness(report, today or timezone.localdate(), days))


# --- Finding things --------------------------------------------------------------------------


def _report(request: HttpRequest, pk: int) -> MilestoneReport:
    report = selectors.report_for(request.user, pk)
    if report is None:
        raise Http404
    return report


def report_url(report: MilestoneReport, anchor: str = "") -> str:
    return services.report_url(report) + (f"#{anchor}" if anchor else "")


def _content(report: MilestoneReport) -> forms.ReportContent:
    """Everything a report's page reads, in a constant number of queries."""
    prefetch_related_objects([report], "values", "fidelity_ratings", "files")
    descriptors: dict = defaultdict(dict)
    for descriptor in PrincipleDescriptor.objects.all():
        descriptors[descriptor.principle_id][descriptor.level] = descriptor.text
    return forms.ReportContent(
        indicators=services.report_indicators(report),
        principles=list(Principle.objects.order_by("letter")),
        descriptors=descriptors,
        previous=selectors.previous_values(report),
        saved={value.indicator_id: value for value in report.values.all()},
        ratings={rating.principle_id: rating for rating in report.fidelity_ratings.all()},
    )


def _form_initial(report: MilestoneReport) -> dict:
    return {
        "version": report.version,
        "practice_changes": report.practice_changes,
        "difficulties": report.difficulties,
    }


def _report_form(report, content, data=None, files=None, form_class=forms.ReportForm):
    return form_class(
        data,
        files,
        content=content,
        milestone_labels=MILESTONE_LABELS,
        initial=_form_initial(report),
    )


def _catalogue_answered(report: MilestoneReport):
    return report.catalogue or services.current_catalogue()


# --- Each person's reports -------------------------------------------------------------------


@dataclass
class HomeRow:
    report: MilestoneReport
    state: State
    can_edit: bool
    can_counter_rate: bool


def _home_groups(user, reports, delays, today) -> list[dict]:
    rows = [
        HomeRow(
            report=report,
            state=_state(report, delays, today),
            can_edit=permissions.can_edit_report(user, report),
            can_counter_rate=permissions.can_counter_rate(user, report),
        )
        for report in reports
    ]
    return [
        {"swarmed": swarmed, "rows": list(group)}
        for swarmed, group in itertools.groupby(rows, key=lambda row: row.report.swarmed_structure)
    ]


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """The structure's people see their reports, experts those of the structures they tutor,
    Ansa and the head of network the way to the matrix and the catalogue."""
    user = request.user
    staff = permissions.reads_every_report(user)
    own = swarmed_ids(user)
    structure_person = bool(own) or has_role(user, Role.REFERENT, Role.PARTICIPANT)
    expert = is_expert(user)
    if not (staff or structure_person or expert):
        raise PermissionDenied
    tutored = permissions.tutored_structure_ids(user) - own
    today = timezone.localdate()
    reports = list(
        MilestoneReport.objects.filter(swarmed_structure_id__in=own | tutored)
        .select_related("swarmed_structure__structure", "swarmed_structure__season")
        .order_by(
            "-swarmed_structure__season__training_start",
            "swarmed_structure__structure__name",
            "swarmed_structure_id",
            "due_on",
        )
    )
    delays = selectors.remind_delays({report.swarmed_structure.season_id for report in reports})
    own_reports = [report for report in reports if report.swarmed_structure_id in own]
    tutored_reports = [report for report in reports if report.swarmed_structure_id in tutored]
    seasons = []
    if permissions.can_manage_evaluation(user):
        seasons = list(
            Season.objects.filter(training_start__isnull=False).order_by("-training_start")
        )
    return render(
        request,
        "evaluation/reports/home.html",
        {
            "staff": staff,
            "can_manage": permissions.can_manage_evaluation(user),
            "can_see_dashboard": permissions.can_see_dashboard(user),
            "structure_person": structure_person,
            "expert": expert,
            "own_groups": _home_groups(user, own_reports, delays, today),
            "tutored_groups": _home_groups(user, tutored_reports, delays, today),
            "seasons": seasons,
        },
    )


# --- The completeness matrix -----------------------------------------------------------------


@dataclass
class MatrixCell:
    milestone: str
    report: MilestoneReport | None
    state: State | None
    phone: bool = False


@staff_page
@require_GET
def matrix(request: HttpRequest) -> HttpResponse:
    """Structures × milestones: where each report stands today, with the counts per state."""
    if not permissions.reads_every_report(request.user):
        raise PermissionDenied
    seasons = list(
        Season.objects.filter(training_start__isnull=False, swarmed__isnull=False)
        .distinct()
        .order_by("-training_start")
    )
    form = forms.SeasonFilterForm(request.GET or None, seasons=seasons)
    chosen = seasons
    if form.is_bound and form.is_valid() and form.cleaned_data["saison"]:
        chosen = [season for season in seasons if season.slug == form.cleaned_data["saison"]]
    rows = []
    counts: Counter = Counter()
    for row in selectors.completeness_matrix(chosen):
        cells = []
        for milestone in Milestone:
            found = row.cells.get(milestone.value)
            if found is None:
                cells.append(MatrixCell(milestone=milestone.value, report=None, state=None))
                continue
            state = state_of(found["state"])
            counts[state.value] += 1
            cells.append(
                MatrixCell(
                    milestone=milestone.value,
                    report=found["report"],
                    state=state,
                    phone=found["report"].source == ReportSource.PHONE,
                )
            )
        rows.append({"swarmed": row.swarmed, "cells": cells})
    return render(
        request,
        "evaluation/reports/matrix.html",
        {
            "form": form,
            "rows": rows,
            "milestones": list(Milestone),
            "counts": [(state_of(value), counts[value]) for value in Completeness.values],
            "total": sum(counts.values()),
            "chosen": chosen[0] if len(chosen) == 1 and len(seasons) > 1 else None,
        },
    )


# --- One report ------------------------------------------------------------------------------


@dataclass
class ValueRow:
    indicator: object
    value: str
    previous: str
    previous_milestone: str


@dataclass
class FidelityRow:
    principle: Principle
    self_level: str
    self_descriptor: str
    self_comment: str
    expert_level: str
    expert_comment: str
    gap: int | None
    #: How many levels apart, and whether the structure sees itself higher than its expert.
    gap_size: int
    structure_higher: bool
    highlighted: bool


def _level(level: int | None) -> str:
    return f"{level} — {FidelityLevel(level).label}" if level else ""


def _fidelity_rows(content: forms.ReportContent) -> list[FidelityRow]:
    rows = []
    for principle in content.principles:
        rating = content.ratings.get(principle.pk)
        gap = rating.gap if rating is not None else None
        rows.append(
            FidelityRow(
                principle=principle,
                self_level=_level(rating.self_level) if rating else "",
                self_descriptor=(
                    content.descriptors.get(principle.pk, {}).get(rating.self_level, "")
                    if rating and rating.self_level
                    else ""
                ),
                self_comment=rating.self_comment if rating else "",
                expert_level=_level(rating.expert_level) if rating else "",
                expert_comment=rating.expert_comment if rating else "",
                gap=gap,
                gap_size=abs(gap) if gap is not None else 0,
                structure_higher=gap is not None and gap > 0,
                highlighted=gap is not None and abs(gap) >= GAP_HIGHLIGHT,
            )
        )
    return rows


def _missing(report: MilestoneReport, content: forms.ReportContent) -> list[str]:
    """What the saved report still lacks to be sent, in words (`services.submit_errors`)."""
    labels = {f"ind_{indicator.code}": indicator.label for indicator in content.indicators}
    for principle in content.principles:
        labels[f"fid_{principle.letter}_level"] = _("Fidélité au principe %(letter)s") % {
            "letter": principle.letter
        }
    return [
        f"{labels.get(key, key)} — {error}" for key, error in services.submit_errors(report).items()
    ]


def _render_detail(
    request: HttpRequest, report: MilestoneReport, *, review_form=None, status: int = 200
) -> HttpResponse:
    user = request.user
    content = _content(report)
    can_edit = permissions.can_edit_report(user, report)
    can_review = permissions.can_review_report(user, report)
    values = [
        ValueRow(
            indicator=indicator,
            value=forms.value_display(content.saved.get(indicator.pk), indicator.unit),
            previous=forms.value_display(content.previous.get(indicator.code), indicator.unit),
            previous_milestone=(
                str(MILESTONE_LABELS[content.previous[indicator.code].report.milestone])
                if indicator.code in content.previous
                else ""
            ),
        )
        for indicator in content.indicators
    ]
    events = list(report.events.select_related("actor"))
    phone_notes = [event.comment for event in events if event.kind == ReportEventKind.PHONE]
    context = {
        "report": report,
        "swarmed": report.swarmed_structure,
        "state": _state(report, selectors.remind_delays([report.swarmed_structure.season_id])),
        "catalogue": _catalogue_answered(report),
        "values": values,
        "has_previous": bool(content.previous),
        "fidelity": _fidelity_rows(content),
        "gap_highlight": GAP_HIGHLIGHT,
        "files": list(report.files.all()),
        "events": events,
        "is_phone": report.source == ReportSource.PHONE,
        "phone_note": phone_notes[-1] if phone_notes else "",
        "can_edit": can_edit,
        "can_submit": can_edit and report.status != ReportStatus.SCHEDULED,
        "missing": _missing(report, content) if can_edit else [],
        "submit_form": forms.SubmitForm(initial={"version": report.version}),
        "can_review": can_review,
        "review_form": review_form or (forms.ReviewForm() if can_review else None),
        "can_phone": permissions.can_record_phone_interview(user, report),
        "can_counter_rate": permissions.can_counter_rate(user, report),
    }
    return render(request, "evaluation/reports/detail.html", context, status=status)


@require_GET
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _render_detail(request, _report(request, pk))


# --- Filling a report ------------------------------------------------------------------------


def _closed_for(request: HttpRequest, report: MilestoneReport) -> HttpResponse:
    """The structure's people are sent back to a report no longer in their hands; others 403."""
    if is_swarmed_member(request.user, report.swarmed_structure_id):
        messages.info(
            request,
            _(
                "Ce bilan est entre les mains de l'équipe Ansa : il ne se modifie plus pour "
                "l'instant."
            ),
        )
        return redirect(report_url(report))
    raise PermissionDenied


def _last_return(report):
    """Ansa's last « sent back » step while the report is back with the structure, else None."""
    if report.status != ReportStatus.RETURNED:
        return None
    return (
        report.events.filter(kind=ReportEventKind.RETURNED)
        .select_related("actor")
        .order_by("-at", "-pk")
        .first()
    )


def _render_edit(request, report, form, *, conflict=False, refused=False, status=200):
    return render(
        request,
        "evaluation/reports/edit.html",
        {
            "report": report,
            "swarmed": report.swarmed_structure,
            "state": _state(report, selectors.remind_delays([report.swarmed_structure.season_id])),
            "catalogue": _catalogue_answered(report),
            "form": form,
            "files": list(report.files.all()),
            "fresh": not form.content.saved and bool(form.content.previous),
            "sent_back": _last_return(report),
            "conflict": conflict,
            "refused": refused,
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
def report_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """The structure's draft: every indicator, the two texts, fidelity A–D and evidence.

    « Enregistrer le brouillon » keeps whatever is typed once it is checked; « Enregistrer et
    transmettre » then sends it, or keeps the draft and says beside each field what is missing.
    """
    report = _report(request, pk)
    if not permissions.can_edit_report(request.user, report):
        return _closed_for(request, report)
    content = _content(report)
    if request.method != "POST":
        return _render_edit(request, report, _report_form(report, content))
    form = _report_form(report, content, request.POST, request.FILES)
    if not form.is_valid():
        return _render_edit(request, report, form, status=400)
    try:
        saved = services.report_save(
            actor=request.user,
            report=report,
            version=form.cleaned_data["version"],
            values=form.values(),
            fidelity=form.fidelity(),
            practice_changes=form.cleaned_data["practice_changes"],
            difficulties=form.cleaned_data["difficulties"],
            uploads=form.cleaned_data["files"],
        )
    except services.ConcurrentEdit:
        report = _report(request, pk)
        # What this person typed stays in the form, now carrying the saved report's version.
        form = _report_form(report, _content(report), with_version(request.POST, report.version))
        form.is_valid()
        return _render_edit(request, report, form, conflict=True, status=409)
    except ValidationError as error:
        add_service_errors(form, error)
        return _render_edit(request, report, form, status=400)
    if request.POST.get("action") != "submit":
        messages.success(
            request,
            _("Le brouillon est enregistré. Vous pourrez le reprendre quand vous voudrez."),
        )
        return redirect(report_url(saved))
    try:
        services.report_submit(actor=request.user, report=saved, version=saved.version)
    except ValidationError as error:
        saved = _report(request, pk)
        form = _report_form(saved, _content(saved), with_version(request.POST, saved.version))
        form.is_valid()
        add_service_errors(form, error)
        return _render_edit(request, saved, form, refused=True, status=400)
    messages.success(
        request,
        _("Le bilan est transmis à l'équipe Ansa. Vous serez prévenu·e de son examen."),
    )
    return redirect(report_url(saved))


@require_POST
def report_submit(request: HttpRequest, pk: int) -> HttpResponse:
    """« Transmettre » from the report's page: the saved draft, as the page showed it."""
    report = _report(request, pk)
    if not permissions.can_edit_report(request.user, report):
        return _closed_for(request, report)
    form = forms.SubmitForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("La demande est incomplète : rechargez la page et recommencez."))
        return redirect(report_url(report))
    try:
        services.report_submit(
            actor=request.user, report=report, version=form.cleaned_data["version"]
        )
    except services.ConcurrentEdit:
        messages.error(
            request,
            _(
                "Le bilan a été modifié entre-temps : relisez-le ci-dessous avant de le "
                "transmettre."
            ),
        )
        return redirect(report_url(report))
    except ValidationError as error:
        # The saved values, with what is missing said beside each field.
        content = _content(report)
        blank = _report_form(report, content)
        form = _report_form(report, content, blank.typed_as_data())
        form.is_valid()
        add_service_errors(form, error)
        return _render_edit(request, report, form, refused=True, status=400)
    messages.success(
        request,
        _("Le bilan est transmis à l'équipe Ansa. Vous serez prévenu·e de son examen."),
    )
    return redirect(report_url(report))


# --- Ansa's review and phone interview -------------------------------------------------------


@require_POST
def report_review(request: HttpRequest, pk: int) -> HttpResponse:
    """Ansa accepts the report, or sends it back with a comment the structure reads."""
    report = _report(request, pk)
    if not permissions.can_review_report(request.user, report):
        if permissions.can_manage_evaluation(request.user):
            messages.error(request, _("Ce bilan n'attend pas d'examen."))
            return redirect(report_url(report))
        raise PermissionDenied
    form = forms.ReviewForm(request.POST)
    if form.is_valid():
        accept = form.cleaned_data["decision"] == "accept"
        try:
            services.report_review(
                actor=request.user,
                report=report,
                accept=accept,
                comment=form.cleaned_data["comment"],
            )
        except ValidationError as error:
            add_service_errors(form, error, default_field="comment")
        else:
            messages.success(
                request,
                _("Le bilan est accepté.")
                if accept
                else _("Le bilan est renvoyé à la structure avec votre commentaire."),
            )
            return redirect(report_url(report))
    return _render_detail(request, report, review_form=form, status=400)


@require_http_methods(["GET", "POST"])
def report_phone(request: HttpRequest, pk: int) -> HttpResponse:
    """Ansa types the 3-month report from a phone interview; it is marked as such."""
    report = _report(request, pk)
    if not permissions.can_record_phone_interview(request.user, report):
        raise PermissionDenied
    content = _content(report)
    form_class = forms.PhoneInterviewForm
    if request.method != "POST":
        form = _report_form(report, content, form_class=form_class)
        return _render_phone(request, report, form)
    form = _report_form(report, content, request.POST, form_class=form_class)
    if not form.is_valid():
        return _render_phone(request, report, form, status=400)
    try:
        services.report_record_phone_interview(
            actor=request.user,
            report=report,
            version=form.cleaned_data["version"],
            values=form.values(),
            fidelity=form.fidelity(),
            practice_changes=form.cleaned_data["practice_changes"],
            difficulties=form.cleaned_data["difficulties"],
            interview_note=form.cleaned_data["interview_note"],
        )
    except services.ConcurrentEdit:
        report = _report(request, pk)
        form = _report_form(
            report,
            _content(report),
            with_version(request.POST, report.version),
            form_class=form_class,
        )
        form.is_valid()
        return _render_phone(request, report, form, conflict=True, status=409)
    except ValidationError as error:
        add_service_errors(form, error)
        return _render_phone(request, report, form, status=400)
    messages.success(
        request,
        _("L'entretien téléphonique est enregistré comme bilan d'appropriation de la structure."),
    )
    return redirect(report_url(report))


def _render_phone(request, report, form, *, conflict=False, status=200):
    return render(
        request,
        "evaluation/reports/phone.html",
        {
            "report": report,
            "swarmed": report.swarmed_structure,
            "catalogue": _catalogue_answered(report),
            "form": form,
            "conflict": conflict,
        },
        status=status,
    )


# --- Files -----------------------------------------------------------------------------------


@require_GET
def report_file(request: HttpRequest, pk: int) -> HttpResponse:
    stored = ReportFile.objects.select_related("report").filter(pk=pk).first()
    if stored is None or not permissions.can_see_report(request.user, stored.report):
        raise Http404
    return private_file_response(
        stored.file, filename=stored.original_name, content_type=stored.content_type
    )
