"""Ansa's pairing pages: a season's structures, experts and conflicts with « Proposer un
appariement »; the proposal with why each pair is proposed, its overrides, its confirmation; the
experts' load.

Parse the request, call a selector or a service, render. Every page here is Ansa's only
(`@staff_page` and `can_manage_tutoring`): anyone else gets 403.
"""

from collections import Counter
from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from modules.models import Season
from portal.forms import add_service_errors as _add_errors
from portal.models import Structure
from portal.security import staff_page
from tutoring.enums import PairingStatus, ProposalStatus
from tutoring.models import Pairing, PairingConflict, ProposalItem
from tutoring.pairing import services
from tutoring.pairing.forms_proposals import OverrideForm, SeasonConflictForm, load_label
from tutoring.permissions import can_manage_tutoring
from tutoring.profiles.selectors import active_loads, expert_loads, is_available, tutors


def ansa_page(view):
    """Ansa's pages: staff only (with MFA when required), and among staff Ansa's team."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not can_manage_tutoring(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return staff_page(wrapper)


def _season_url(season: Season, anchor: str = "") -> str:
    url = reverse("tutoring:season_pairing", kwargs={"slug": season.slug})
    return url + (f"#{anchor}" if anchor else "")


def _proposal_url(proposal, anchor: str = "") -> str:
    url = reverse("tutoring:proposal_detail", kwargs={"pk": proposal.pk})
    return url + (f"#{anchor}" if anchor else "")


# --- The season's pairing --------------------------------------------------------------------


def _season_structures(season: Season):
    return season.swarmed.select_related("structure").order_by("structure__name", "pk")


def _season_context(request: HttpRequest, season: Season, conflict_form=None) -> dict:
    structures = list(
        _season_structures(season).prefetch_related(
            Prefetch(
                "pairings",
                queryset=Pairing.objects.filter(status=PairingStatus.ACTIVE).select_related(
                    "expert"
                ),
                to_attr="running",
            )
        )
    )
    rows = [
        {"swarmed": swarmed, "pairing": swarmed.running[0] if swarmed.running else None}
        for swarmed in structures
    ]
    experts = list(tutors())
    loads = active_loads()
    expert_rows = []
    for expert in experts:
        profile = getattr(expert, "expert_profile", None)
        load = loads[expert.pk]
        capacity = profile.capacity if profile else 0
        expert_rows.append(
            {
                "expert": expert,
                "profile": profile,
                "load": load,
                "capacity": capacity,
                "load_label": load_label(load, capacity),
                "full": load >= capacity,
                "available": profile is not None and is_available(profile, season),
            }
        )
    conflicts = list(
        PairingConflict.objects.filter(structure__swarmings__season=season)
        .select_related("expert", "structure", "declared_by")
        .order_by("structure__name", "expert__last_name", "pk")
    )
    proposals = list(
        season.pairing_proposals.select_related("created_by")
        .annotate(item_count=Count("items"))
        .order_by("-created_at", "-pk")
    )
    return {
        "season": season,
        "rows": rows,
        "unpaired_count": sum(1 for row in rows if row["pairing"] is None),
        "experts": expert_rows,
        "conflicts": conflicts,
        "proposals": proposals,
        "draft": next((p for p in proposals if p.status == ProposalStatus.DRAFT), None),
        "conflict_form": conflict_form
        or SeasonConflictForm(structures=_season_structure_choices(season)),
    }


def _season_structure_choices(season: Season):
    return Structure.objects.filter(swarmings__season=season).order_by("name")


@ansa_page
@require_http_methods(["GET", "POST"])
def season_pairing(request: HttpRequest, slug: str) -> HttpResponse:
    """The season's structures and their pairs, the experts' load, the conflicts (declared here)."""
    season = get_object_or_404(Season, slug=slug)
    form = None
    if request.method == "POST":
        form = SeasonConflictForm(request.POST, structures=_season_structure_choices(season))
        if form.is_valid():
            try:
                services.conflict_declare(
                    actor=request.user,
                    expert=form.cleaned_data["expert"],
                    structure=form.cleaned_data["structure"],
                    reason=form.cleaned_data["reason"],
                )
            except ValidationError as error:
                _add_errors(form, error, default_field="structure")
            else:
                messages.success(
                    request,
                    _("Le conflit d'intérêts entre %(expert)s et %(structure)s est déclaré.")
                    % {
                        "expert": form.cleaned_data["expert"],
                        "structure": form.cleaned_data["structure"].name,
                    },
                )
                return redirect(_season_url(season, "conflits"))
    return render(
        request,
        "tutoring/proposals/season.html",
        _season_context(request, season, conflict_form=form),
    )


@ansa_page
@require_POST
def pairing_propose(request: HttpRequest, slug: str) -> HttpResponse:
    season = get_object_or_404(Season, slug=slug)
    try:
        proposal = services.pairing_propose(actor=request.user, season=season)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect(_season_url(season))
    messages.success(
        request,
        _(
            "Voici la proposition d'appariement : vérifiez chaque binôme, modifiez ce qui doit "
            "l'être, puis confirmez."
        ),
    )
    return redirect(_proposal_url(proposal))


# --- The proposal ----------------------------------------------------------------------------


def _proposal(pk: int):
    proposal = services.proposal_get(pk)
    if proposal is None:
        raise Http404
    return proposal


def _explained(reasons: list[dict]) -> list[dict]:
    """The stored reasons with their words and whole points (for the plural forms)."""
    return [
        {**reason, "text": services.describe_reason(reason), "points": round(reason["points"])}
        for reason in reasons
    ]


def _row(item: ProposalItem, counts: Counter, conflicts: Counter) -> dict:
    after = item.load + counts[item.expert_id] if item.expert_id else 0
    return {
        "item": item,
        "reasons": _explained(item.reasons),
        "load": item.load,
        "after": after,
        "capacity": item.capacity,
        "load_text": (
            ngettext(
                "%(after)s binôme sur %(capacity)s avec cette proposition",
                "%(after)s binômes sur %(capacity)s avec cette proposition",
                after,
            )
            % {"after": after, "capacity": item.capacity}
        ),
        "over_capacity": services.exceeds_capacity(item, counts),
        "changed": item.expert_id != item.proposed_expert_id or item.overridden,
        "conflicts": conflicts[item.swarmed_structure.structure_id],
    }


@ansa_page
@require_GET
def proposal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = _proposal(pk)
    items = services.proposal_items(proposal)
    counts = services.expert_counts(items)
    conflicts = Counter(
        PairingConflict.objects.filter(
            structure_id__in={item.swarmed_structure.structure_id for item in items}
        ).values_list("structure_id", flat=True)
    )
    rows = [_row(item, counts, conflicts) for item in items]
    return render(
        request,
        "tutoring/proposals/detail.html",
        {
            "proposal": proposal,
            "season": proposal.season,
            "rows": rows,
            "is_draft": proposal.status == ProposalStatus.DRAFT,
            "assigned_count": sum(1 for item in items if item.expert_id),
            "unassigned_count": sum(1 for item in items if not item.expert_id),
            "overridden_count": sum(1 for row in rows if row["changed"]),
        },
    )


@ansa_page
@require_http_methods(["GET", "POST"])
def proposal_item_override(request: HttpRequest, pk: int, item_id: int) -> HttpResponse:
    proposal = _proposal(pk)
    item = get_object_or_404(
        ProposalItem.objects.select_related(
            "swarmed_structure__structure", "expert", "proposed_expert"
        ),
        pk=item_id,
        proposal=proposal,
    )
    if proposal.status != ProposalStatus.DRAFT:
        messages.error(request, _("Cette proposition ne peut plus être modifiée."))
        return redirect(_proposal_url(proposal))
    conflicted = frozenset(
        PairingConflict.objects.filter(
            structure_id=item.swarmed_structure.structure_id
        ).values_list("expert_id", flat=True)
    )
    form = OverrideForm(
        request.POST if request.method == "POST" else None,
        initial={"expert": item.expert_id},
        loads=active_loads(),
        conflicted=conflicted,
    )
    if form.is_bound and form.is_valid():
        try:
            saved = services.proposal_override(
                actor=request.user,
                item=item,
                expert=form.cleaned_data["expert"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(
                request,
                _("%(structure)s sera accompagnée par %(expert)s.")
                % {"structure": item.swarmed_structure.structure.name, "expert": saved.expert},
            )
            counts = services.expert_counts(services.proposal_items(proposal))
            if services.exceeds_capacity(saved, counts):
                messages.warning(
                    request,
                    _(
                        "Attention : avec cette proposition, %(expert)s suivrait %(count)s "
                        "binômes pour une capacité de %(capacity)s."
                    )
                    % {
                        "expert": saved.expert,
                        "count": saved.load + counts[saved.expert_id],
                        "capacity": saved.capacity,
                    },
                )
            return redirect(_proposal_url(proposal, f"ligne-{item.pk}"))
    return render(
        request,
        "tutoring/proposals/override.html",
        {
            "proposal": proposal,
            "season": proposal.season,
            "item": item,
            "form": form,
            "reasons": _explained(item.reasons),
        },
    )


@ansa_page
@require_POST
def proposal_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = _proposal(pk)
    try:
        result = services.proposal_confirm(actor=request.user, proposal=proposal)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect(_proposal_url(proposal))
    messages.success(
        request,
        ngettext(
            "La proposition est confirmée : %(count)s binôme commence, les deux parties sont "
            "prévenues.",
            "La proposition est confirmée : %(count)s binômes commencent, les deux parties de "
            "chacun sont prévenues.",
            len(result.pairings),
        )
        % {"count": len(result.pairings)},
    )
    for message in result.skipped:
        messages.warning(request, message)
    if result.unassigned:
        messages.warning(
            request,
            ngettext(
                "%(count)s structure reste sans binôme : proposez de nouveau quand une place se "
                "libère.",
                "%(count)s structures restent sans binôme : proposez de nouveau quand des places "
                "se libèrent.",
                result.unassigned,
            )
            % {"count": result.unassigned},
        )
    return redirect(_season_url(proposal.season))


@ansa_page
@require_POST
def proposal_discard(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = _proposal(pk)
    try:
        services.proposal_discard(actor=request.user, proposal=proposal)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect(_proposal_url(proposal))
    messages.success(request, _("La proposition est abandonnée ; aucun binôme n'a été créé."))
    return redirect(_season_url(proposal.season))


# --- The experts' load -----------------------------------------------------------------------


@ansa_page
@require_GET
def expert_load(request: HttpRequest) -> HttpResponse:
    rows = expert_loads()
    for row in rows:
        row.load_label = load_label(row.load, row.capacity)
    return render(request, "tutoring/proposals/expert_load.html", {"rows": rows})
