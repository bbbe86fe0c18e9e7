"""Pages of the tutoring profiles: an expert's profile (expertise, capacity, availability, conflicts
of interest) and a swarmed structure's needs profile, each with its edit page.

Parse the request, call a selector or a service, render. A profile its reader may not see
answers 404, so neither its existence nor its content leaks; a reader who may not edit it gets
403 on its edit page.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from modules.forms_assignments import with_version
from portal.forms import add_service_errors as _add_errors
from portal.models import Structure, User
from tutoring.enums import ExpertiseLevel, NeedPriority
from tutoring.models import ExpertAvailability, PairingConflict
from tutoring.pairing import services as pairing_services
from tutoring.profiles import forms, permissions, selectors, services
from tutoring.profiles.services import ConcurrentEdit


def _expert(request: HttpRequest, user_id: int) -> User:
    expert = selectors.expert_get(user_id)
    if expert is None or not permissions.can_see_expert_profile(request.user, expert):
        raise Http404
    return expert


def _expert_url(expert: User, anchor: str = "") -> str:
    url = reverse("tutoring:expert_profile", kwargs={"user_id": expert.pk})
    return url + (f"#{anchor}" if anchor else "")


def conflict_structures():
    """The structures a conflict can name: those swarmed in a season, past or present."""
    return Structure.objects.filter(swarmings__isnull=False).distinct().order_by("name")


# --- An expert's profile ---------------------------------------------------------------------


def _expert_context(request: HttpRequest, expert: User, conflict_form=None) -> dict:
    user = request.user
    profile = selectors.expert_profile_of(expert)
    levels = selectors.expert_levels(profile)
    sheets = selectors.action_sheets()
    rows = [{"sheet": sheet, "level": levels.get(sheet.pk, 0)} for sheet in sheets]
    for row in rows:
        row["label"] = dict(ExpertiseLevel.choices)[row["level"]]
    may_declare = permissions.can_declare_conflict(user, expert)
    sees_conflicts = may_declare or permissions.can_remove_conflict(user)
    if may_declare and conflict_form is None:
        conflict_form = forms.ConflictForm(structures=conflict_structures())
    return {
        "expert": expert,
        "profile": profile,
        "groups": selectors.by_axis(rows, sheet_of=lambda row: row["sheet"]),
        "declared_count": sum(1 for row in rows if row["level"]),
        "availabilities": selectors.availabilities_of(profile),
        "can_edit": permissions.can_edit_expert_profile(user, expert),
        "is_self": user.pk == expert.pk,
        "sees_load": sees_conflicts,
        "load": selectors.active_loads([expert.pk])[expert.pk] if sees_conflicts else 0,
        "conflicts": (
            list(
                PairingConflict.objects.filter(expert=expert)
                .select_related("structure", "declared_by")
                .order_by("structure__name")
            )
            if sees_conflicts
            else []
        ),
        "conflict_form": conflict_form if may_declare else None,
        "can_remove_conflict": permissions.can_remove_conflict(user),
    }


@require_GET
def expert_profile(request: HttpRequest, user_id: int) -> HttpResponse:
    expert = _expert(request, user_id)
    return render(request, "tutoring/profiles/expert.html", _expert_context(request, expert))


@require_http_methods(["GET", "POST"])
def expert_profile_edit(request: HttpRequest, user_id: int) -> HttpResponse:
    expert = _expert(request, user_id)
    if not permissions.can_edit_expert_profile(request.user, expert):
        raise PermissionDenied
    profile = selectors.expert_profile_of(expert)
    sheets = selectors.action_sheets()
    levels = selectors.expert_levels(profile)
    initial = {"version": profile.version, "bio": profile.bio, "capacity": profile.capacity}
    form = forms.ExpertProfileForm(initial=initial, sheets=sheets, values=levels)
    period_form = forms.AvailabilityForm(prefix="period")
    conflict = False
    action = request.POST.get("action", "") if request.method == "POST" else ""
    if action == "profile":
        form = forms.ExpertProfileForm(request.POST, sheets=sheets, values=levels)
        if form.is_valid():
            try:
                services.expert_profile_save(
                    actor=request.user,
                    user=expert,
                    bio=form.cleaned_data["bio"],
                    capacity=form.cleaned_data["capacity"],
                    levels=form.sheet_values(),
                    version=form.cleaned_data["version"],
                )
            except ConcurrentEdit:
                conflict = True
                profile = selectors.expert_profile_of(selectors.expert_get(expert.pk))
                # What this person typed stays in the form, now carrying the current version.
                form = forms.ExpertProfileForm(
                    with_version(request.POST, profile.version), sheets=sheets, values=levels
                )
                form.is_valid()
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(request, _("Le profil est enregistré."))
                return redirect(_expert_url(expert))
    elif action == "availability":
        period_form = forms.AvailabilityForm(request.POST, prefix="period")
        if period_form.is_valid():
            try:
                services.availability_add(
                    actor=request.user,
                    user=expert,
                    starts_on=period_form.cleaned_data["starts_on"],
                    ends_on=period_form.cleaned_data["ends_on"],
                    note=period_form.cleaned_data["note"],
                )
            except ValidationError as error:
                _add_errors(period_form, error)
            else:
                messages.success(request, _("La période de disponibilité est ajoutée."))
                return redirect(
                    reverse("tutoring:expert_profile_edit", kwargs={"user_id": expert.pk})
                    + "#disponibilites"
                )
    elif request.method == "POST":
        return redirect(reverse("tutoring:expert_profile_edit", kwargs={"user_id": expert.pk}))
    return render(
        request,
        "tutoring/profiles/expert_edit.html",
        {
            "expert": expert,
            "profile": profile,
            "form": form,
            "period_form": period_form,
            "availabilities": selectors.availabilities_of(profile),
            "conflict": conflict,
            "is_self": request.user.pk == expert.pk,
        },
    )


@require_POST
def expert_availability_remove(request: HttpRequest, user_id: int, pk: int) -> HttpResponse:
    expert = _expert(request, user_id)
    if not permissions.can_edit_expert_profile(request.user, expert):
        raise PermissionDenied
    period = get_object_or_404(
        ExpertAvailability.objects.select_related("profile__user"), pk=pk, profile__user=expert
    )
    services.availability_remove(actor=request.user, availability=period)
    messages.success(request, _("La période de disponibilité est retirée."))
    return redirect(
        reverse("tutoring:expert_profile_edit", kwargs={"user_id": expert.pk}) + "#disponibilites"
    )


@require_POST
def expert_conflict_declare(request: HttpRequest, user_id: int) -> HttpResponse:
    expert = _expert(request, user_id)
    if not permissions.can_declare_conflict(request.user, expert):
        raise PermissionDenied
    form = forms.ConflictForm(request.POST, structures=conflict_structures())
    if form.is_valid():
        try:
            pairing_services.conflict_declare(
                actor=request.user,
                expert=expert,
                structure=form.cleaned_data["structure"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            _add_errors(form, error, default_field="structure")
        else:
            messages.success(
                request,
                _("Le conflit d'intérêts avec %(structure)s est déclaré.")
                % {"structure": form.cleaned_data["structure"].name},
            )
            return redirect(_expert_url(expert, "conflits"))
    return render(
        request,
        "tutoring/profiles/expert.html",
        _expert_context(request, expert, conflict_form=form),
    )


@require_POST
def conflict_remove(request: HttpRequest, pk: int) -> HttpResponse:
    if not permissions.can_remove_conflict(request.user):
        raise PermissionDenied
    conflict = get_object_or_404(
        PairingConflict.objects.select_related("expert", "structure"), pk=pk
    )
    pairing_services.conflict_remove(actor=request.user, conflict=conflict)
    messages.success(
        request,
        _("Le conflit d'intérêts entre %(expert)s et %(structure)s est levé.")
        % {"expert": conflict.expert, "structure": conflict.structure.name},
    )
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = _expert_url(conflict.expert, "conflits")
    return redirect(target)


# --- A swarmed structure's needs -------------------------------------------------------------


def _swarmed(request: HttpRequest, swarmed_id: int):
    swarmed = selectors.swarmed_get(swarmed_id)
    if swarmed is None or not permissions.can_see_needs_profile(request.user, swarmed):
        raise Http404
    return swarmed


@require_GET
def needs_profile(request: HttpRequest, swarmed_id: int) -> HttpResponse:
    swarmed = _swarmed(request, swarmed_id)
    profile = services.needs_profile_for(swarmed)
    priorities = selectors.needs_priorities(profile)
    labels = dict(NeedPriority.choices)
    rows = [
        {"sheet": sheet, "level": priorities.get(sheet.pk, 0)}
        for sheet in selectors.action_sheets()
    ]
    for row in rows:
        row["label"] = labels[row["level"]]
    return render(
        request,
        "tutoring/profiles/needs.html",
        {
            "swarmed": swarmed,
            "profile": profile,
            "groups": selectors.by_axis(rows, sheet_of=lambda row: row["sheet"]),
            "declared_count": sum(1 for row in rows if row["level"]),
            "experts": selectors.current_experts(swarmed),
            "can_edit": permissions.can_edit_needs_profile(request.user, swarmed),
        },
    )


@require_http_methods(["GET", "POST"])
def needs_profile_edit(request: HttpRequest, swarmed_id: int) -> HttpResponse:
    swarmed = _swarmed(request, swarmed_id)
    if not permissions.can_edit_needs_profile(request.user, swarmed):
        raise PermissionDenied
    profile = services.needs_profile_for(swarmed)
    sheets = selectors.action_sheets()
    priorities = selectors.needs_priorities(profile)
    form = forms.NeedsProfileForm(
        initial={"version": profile.version, "problems": profile.problems},
        sheets=sheets,
        values=priorities,
    )
    conflict = False
    if request.method == "POST":
        form = forms.NeedsProfileForm(request.POST, sheets=sheets, values=priorities)
        if form.is_valid():
            try:
                services.needs_profile_save(
                    actor=request.user,
                    swarmed=swarmed,
                    problems=form.cleaned_data["problems"],
                    priorities=form.sheet_values(),
                    version=form.cleaned_data["version"],
                )
            except ConcurrentEdit:
                conflict = True
                profile = services.needs_profile_for(swarmed)
                form = forms.NeedsProfileForm(
                    with_version(request.POST, profile.version),
                    sheets=sheets,
                    values=priorities,
                )
                form.is_valid()
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(request, _("Le profil de besoins est enregistré."))
                return redirect(
                    reverse("tutoring:needs_profile", kwargs={"swarmed_id": swarmed.pk})
                )
    return render(
        request,
        "tutoring/profiles/needs_edit.html",
        {"swarmed": swarmed, "profile": profile, "form": form, "conflict": conflict},
    )
