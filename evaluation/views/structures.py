"""One structure's evaluation: milestones, indicators over time, fidelity across milestones and
the label; the expert's counter-rating, the head of network's label decision, the bilan as a PDF,
and the public list of labelled structures.

A structure outside the user's reach answers 404 (its existence does not leak); a page the
user's role may not open at all answers 403.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from evaluation import permissions, selectors, services
from evaluation.enums import FidelityLevel, LabelAction
from evaluation.forms_structures import CounterRatingForm, LabelDecisionForm
from evaluation.models import MilestoneReport, PrincipleDescriptor
from evaluation.pdf import SENT, pdf_filename, render_bilan_pdf, structure_bilan
from modules.models import SwarmedStructure
from portal.forms import add_service_errors


def _swarmed(request: HttpRequest, pk: int) -> SwarmedStructure:
    swarmed = SwarmedStructure.objects.select_related("structure", "season").filter(pk=pk).first()
    if swarmed is None or not permissions.can_see_structure_evaluation(request.user, swarmed):
        raise Http404
    return swarmed


def _structure_url(swarmed_id: int) -> str:
    return reverse("evaluation:structure", kwargs={"pk": swarmed_id})


@require_GET
def structure_detail(request: HttpRequest, pk: int) -> HttpResponse:
    swarmed = _swarmed(request, pk)
    user = request.user
    context = structure_bilan(swarmed)
    for item in context["milestones"]:
        item["can_counter_rate"] = permissions.can_counter_rate(user, item["report"])
    context["can_decide_label"] = permissions.can_decide_label(user)
    return render(request, "evaluation/structures/structure_detail.html", context)


@require_GET
def structure_bilan_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    swarmed = _swarmed(request, pk)
    response = HttpResponse(render_bilan_pdf(swarmed), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{pdf_filename(swarmed)}"'
    response["Cache-Control"] = "private, no-store"
    return response


# --- Counter-rating ------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def report_counter_rate(request: HttpRequest, pk: int) -> HttpResponse:
    report = selectors.report_for(request.user, pk)
    if report is None:
        raise Http404
    if not permissions.can_counter_rate(request.user, report):
        raise PermissionDenied
    ratings = list(
        report.fidelity_ratings.select_related("principle").order_by("principle__letter")
    )
    descriptors = {
        (descriptor.principle.letter, descriptor.level): descriptor.text
        for descriptor in PrincipleDescriptor.objects.select_related("principle")
    }
    form = CounterRatingForm(
        request.POST if request.method == "POST" else None,
        ratings=ratings,
        descriptors=descriptors,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.fidelity_counter_rate(
                actor=request.user, report=report, ratings=form.ratings()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Contre-évaluation enregistrée ; les écarts apparaissent ci-dessous."),
            )
            return redirect(_structure_url(report.swarmed_structure_id) + "#fidelite")
    return render(
        request,
        "evaluation/structures/counter_rate.html",
        {
            "report": report,
            "swarmed": report.swarmed_structure,
            "form": form,
            "levels": list(FidelityLevel),
        },
        status=400 if form.is_bound else 200,
    )


# --- The label -----------------------------------------------------------------------------------


def _report_label(report: MilestoneReport) -> str:
    ratings = sorted(report.fidelity_ratings.all(), key=lambda rating: rating.principle.letter)
    own = " ".join(f"{r.principle.letter}{r.self_level}" for r in ratings if r.self_level)
    expert = " ".join(f"{r.principle.letter}{r.expert_level}" for r in ratings if r.expert_level)
    text = _("%(season)s · %(milestone)s · %(status)s — structure : %(own)s") % {
        "season": report.swarmed_structure.season.name,
        "milestone": report.get_milestone_display(),
        "status": report.get_status_display().lower(),
        "own": own,
    }
    if expert:
        text += _(" ; expert·e : %(expert)s") % {"expert": expert}
    else:
        text += _(" ; pas encore contre-évalué")
    return text


def _grant_reports(structure) -> dict[int, MilestoneReport]:
    """The structure's sent reports (any season) that hold a fidelity self-assessment."""
    reports = (
        MilestoneReport.objects.filter(
            swarmed_structure__structure=structure,
            status__in=SENT,
            fidelity_ratings__self_level__isnull=False,
        )
        .distinct()
        .select_related("swarmed_structure__season")
        .prefetch_related("fidelity_ratings__principle")
        .order_by("-due_on")
    )
    return {report.pk: report for report in reports}


@require_http_methods(["GET", "POST"])
def label_decide(request: HttpRequest, pk: int) -> HttpResponse:
    if not permissions.can_decide_label(request.user):
        raise PermissionDenied
    swarmed = _swarmed(request, pk)
    structure = swarmed.structure
    state = services.label_state(structure)
    actions = [action for (start, action) in services.LABEL_TRANSITIONS if start == state]
    reports = _grant_reports(structure)
    form = LabelDecisionForm(
        request.POST if request.method == "POST" else None,
        actions=actions,
        reports=[(report.pk, _report_label(report)) for report in reports.values()],
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.label_decide(
                actor=request.user,
                structure=structure,
                action=data["action"],
                reason=data["reason"],
                report=reports.get(data["report"]) if data["report"] else None,
                decided_on=data["decided_on"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            decision = LabelAction(data["action"]).label.lower()
            messages.success(
                request,
                _("Décision enregistrée pour %(structure)s : %(decision)s.")
                % {"structure": structure.name, "decision": decision},
            )
            return redirect(_structure_url(swarmed.pk) + "#label")
    return render(
        request,
        "evaluation/structures/label_decide.html",
        {
            "swarmed": swarmed,
            "structure": structure,
            "label_state": state,
            "form": form,
            "has_reports": bool(reports),
            "history": list(selectors.label_history(structure)),
        },
        status=400 if form.is_bound else 200,
    )


@login_not_required
@require_GET
def labels_public(request: HttpRequest) -> HttpResponse:
    """Public: the structures labelled today, with their territory and since when."""
    return render(
        request,
        "evaluation/structures/labels_public.html",
        {"entries": selectors.labelled_structures()},
    )
