"""The indicator catalogue and each season's milestone offsets.

Ansa edits a draft version of the catalogue and publishes it; A.CO.R (head of network and
experts) reads it. A report keeps the version it answered, so publishing never changes a report
already begun. Ansa sets each season's offsets; saving moves the due dates of open reports.
"""

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Max
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from evaluation import forms, permissions, services
from evaluation.enums import Milestone, Unit
from evaluation.models import CatalogueVersion, EvaluationSettings, Indicator
from evaluation.schedule import due_dates
from modules.models import Season
from portal.forms import add_service_errors
from portal.security import staff_page
from tutoring.permissions import is_expert

MILESTONE_LABELS = {milestone.value: milestone.label for milestone in Milestone}


def _can_read(user) -> bool:
    return permissions.can_manage_evaluation(user) or is_expert(user)


def _manage_only(user) -> None:
    if not permissions.can_manage_evaluation(user):
        raise PermissionDenied


def _catalogue_url() -> str:
    return reverse("evaluation:catalogue")


# --- The catalogue ---------------------------------------------------------------------------


@dataclass
class IndicatorLine:
    indicator: Indicator
    unit: str
    milestones: str
    target: str


def _lines(version: CatalogueVersion | None) -> list[IndicatorLine]:
    if version is None:
        return []
    return [
        IndicatorLine(
            indicator=indicator,
            unit=str(Unit(indicator.unit).label) if indicator.unit in Unit.values else "",
            milestones=", ".join(
                str(MILESTONE_LABELS[m]) for m in Milestone.values if m in indicator.milestones
            ),
            target=(
                forms.number_text(indicator.target) + (" %" if indicator.unit == Unit.RATE else "")
                if indicator.target is not None
                else ""
            ),
        )
        for indicator in version.indicators.order_by("position", "code")
    ]


def _draft() -> CatalogueVersion | None:
    return CatalogueVersion.objects.filter(published_at__isnull=True).first()


def _render_catalogue(request: HttpRequest, *, publish_form=None, status: int = 200):
    user = request.user
    can_manage = permissions.can_manage_evaluation(user)
    current = services.current_catalogue()
    draft = _draft() if can_manage else None
    versions = CatalogueVersion.objects.filter(published_at__isnull=False).select_related(
        "published_by"
    )
    versions = versions.annotate(indicator_count=Count("indicators", distinct=True)).order_by(
        "-number"
    )
    return render(
        request,
        "evaluation/catalogue/catalogue.html",
        {
            "can_manage": can_manage,
            "current": current,
            "current_lines": _lines(current),
            "draft": draft,
            "draft_lines": _lines(draft),
            "publish_form": publish_form or (forms.PublishForm() if draft else None),
            "versions": list(versions),
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
def catalogue(request: HttpRequest) -> HttpResponse:
    """The catalogue in force and its versions; Ansa's draft. POST: Ansa starts a draft."""
    if not _can_read(request.user):
        raise PermissionDenied
    if request.method == "POST":
        _manage_only(request.user)
        services.catalogue_draft(actor=request.user)
        messages.success(
            request,
            _(
                "Une nouvelle version est en préparation, copiée du catalogue en vigueur. "
                "Elle ne s'applique qu'une fois publiée."
            ),
        )
        return redirect(_catalogue_url() + "#brouillon")
    return _render_catalogue(request)


def _next_position() -> int:
    draft = _draft() or services.current_catalogue()
    if draft is None:
        return 0
    top = draft.indicators.aggregate(top=Max("position"))["top"]
    return 0 if top is None else top + 1


def _render_indicator(request, form, *, indicator=None, status=200):
    return render(
        request,
        "evaluation/catalogue/indicator_form.html",
        {"form": form, "indicator": indicator, "draft": _draft()},
        status=status,
    )


def _save(request: HttpRequest, form, *, indicator: Indicator | None = None) -> bool:
    data = form.cleaned_data
    try:
        # One act: a refused indicator leaves no empty draft behind.
        with transaction.atomic():
            draft = (
                indicator.catalogue if indicator else services.catalogue_draft(actor=request.user)
            )
            services.indicator_save(
                actor=request.user,
                catalogue=draft,
                indicator=indicator,
                code=data["code"],
                label=data["label"].strip(),
                definition=data["definition"].strip(),
                unit=data["unit"],
                milestones=[m for m in Milestone.values if m in data["milestones"]],
                required=data["required"],
                target=data["target"],
                in_totals=data["in_totals"],
                position=data["position"],
            )
    except ValidationError as error:
        add_service_errors(form, error)
        return False
    return True


@staff_page
@require_http_methods(["GET", "POST"])
def indicator_add(request: HttpRequest) -> HttpResponse:
    _manage_only(request.user)
    if request.method != "POST":
        form = forms.IndicatorForm(initial={"position": _next_position()})
        return _render_indicator(request, form)
    form = forms.IndicatorForm(request.POST)
    if form.is_valid() and _save(request, form):
        messages.success(
            request,
            _("L'indicateur « %(label)s » est ajouté à la version en préparation.")
            % {"label": form.cleaned_data["label"]},
        )
        return redirect(_catalogue_url() + "#brouillon")
    return _render_indicator(request, form, status=400)


@staff_page
@require_http_methods(["GET", "POST"])
def indicator_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """An indicator of the draft version (a published one no longer changes); or its removal."""
    _manage_only(request.user)
    indicator = get_object_or_404(
        Indicator.objects.select_related("catalogue"), pk=pk, catalogue__published_at__isnull=True
    )
    if request.method == "POST" and request.POST.get("action") == "delete":
        services.indicator_delete(actor=request.user, indicator=indicator)
        messages.success(
            request,
            _("L'indicateur « %(label)s » est retiré de la version en préparation.")
            % {"label": indicator.label},
        )
        return redirect(_catalogue_url() + "#brouillon")
    if request.method != "POST":
        form = forms.IndicatorForm(initial=forms.IndicatorForm.initial_for(indicator))
        return _render_indicator(request, form, indicator=indicator)
    form = forms.IndicatorForm(request.POST)
    if form.is_valid() and _save(request, form, indicator=indicator):
        messages.success(
            request,
            _("L'indicateur « %(label)s » est modifié dans la version en préparation.")
            % {"label": form.cleaned_data["label"]},
        )
        return redirect(_catalogue_url() + "#brouillon")
    return _render_indicator(request, form, indicator=indicator, status=400)


@staff_page
@require_POST
def catalogue_publish(request: HttpRequest) -> HttpResponse:
    _manage_only(request.user)
    draft = _draft()
    if draft is None:
        raise Http404
    form = forms.PublishForm(request.POST)
    if form.is_valid():
        try:
            services.catalogue_publish(
                actor=request.user, catalogue=draft, note=form.cleaned_data["note"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _(
                    "La version %(number)s du catalogue est publiée : les bilans qui n'ont pas "
                    "encore été commencés y répondront."
                )
                % {"number": draft.number},
            )
            return redirect(_catalogue_url())
    return _render_catalogue(request, publish_form=form, status=400)


# --- A season's milestones -------------------------------------------------------------------


@staff_page
@require_http_methods(["GET", "POST"])
def season_settings(request: HttpRequest, slug: str) -> HttpResponse:
    """The season's offsets and reminder delay; saving moves the open reports' due dates."""
    _manage_only(request.user)
    season = get_object_or_404(Season, slug=slug)
    current = EvaluationSettings.objects.filter(season=season).first()
    form = forms.SettingsForm(request.POST or None, initial=forms.SettingsForm.initial_for(current))
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.settings_save(actor=request.user, season=season, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request,
                    _(
                        "Les jalons de la saison sont enregistrés ; les bilans encore ouverts "
                        "ont pris leur nouvelle échéance."
                    ),
                )
                return redirect(reverse("evaluation:season_settings", kwargs={"slug": slug}))
        status = 400
    dates = due_dates(season)
    return render(
        request,
        "evaluation/catalogue/season_settings.html",
        {
            "season": season,
            "form": form,
            "due_dates": [(Milestone(milestone).label, day) for milestone, day in dates.items()],
        },
        status=status,
    )
