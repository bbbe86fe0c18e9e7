"""Sessions, the season's calendar and its people: parse the request, call a service, render.

Ansa's pages (the season's people, its sessions, a session's changes and cancellation) answer
403 to anyone else before any season is looked up. A session and a season's calendar are for
those who may see the season (its members, its experts, Ansa and A.CO.R): for anyone else they
do not exist (404). The calendar feed is read by calendar applications, which cannot log in: its
signed token names the person, and a token not signed here is 404.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from modules import ics, permissions
from modules.forms_sessions import CancelForm, MemberAddForm, ModuleLeadForm, SessionForm
from modules.models import (
    MAX_PEOPLE_PER_STRUCTURE,
    Season,
    SessionStatus,
    SwarmedMember,
    TrainingSession,
)
from modules.services import people as people_services
from modules.services import sessions as services
from portal.mail import absolute_url
from portal.models import User
from portal.security import staff_page


def _check_manager(request: HttpRequest) -> None:
    if not permissions.can_manage_season(request.user):
        raise PermissionDenied


def _season(slug: str) -> Season:
    return get_object_or_404(Season, slug=slug)


def _visible_session(request: HttpRequest, pk: int) -> TrainingSession:
    try:
        session = services.session_get(pk=pk)
    except TrainingSession.DoesNotExist:
        raise Http404 from None
    if not services.can_see_session(request.user, session):
        raise Http404
    return session


def _ics_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# --- The season's people (Ansa) -----------------------------------------------------------------


def _people_context(season: Season, *, bound: dict | None = None) -> dict:
    """The page's rows and forms; `bound` replaces one form by the one that failed."""
    bound = bound or {}
    rows = []
    for item in people_services.season_people(season=season):
        prefix = f"add-{item.swarmed.pk}"
        form = bound.get(prefix) or MemberAddForm(
            prefix=prefix, candidates=item.candidates, initial={"role": _default_role(item)}
        )
        rows.append({"people": item, "form": form})
    experts = list(services.expert_choices())
    leads = people_services.module_leads(season=season)
    modules = []
    for module in people_services.season_modules():
        prefix = f"leads-{module.pk}"
        form = bound.get(prefix) or ModuleLeadForm(
            prefix=prefix,
            experts=experts,
            initial={"experts": [expert.pk for expert in leads.get(module.pk, [])]},
        )
        modules.append({"module": module, "leads": leads.get(module.pk, []), "form": form})
    failed = next(iter(bound.values()), None)
    return {
        "season": season,
        "rows": rows,
        "modules": modules,
        "failed_form": failed,
        "max_people": MAX_PEOPLE_PER_STRUCTURE,
    }


def _default_role(item: people_services.StructurePeople) -> str:
    return "participant" if item.referent else "referent"


@staff_page
@require_http_methods(["GET", "POST"])
def season_people(request: HttpRequest, slug: str) -> HttpResponse:
    _check_manager(request)
    season = _season(slug)
    bound: dict = {}
    if request.method == "POST":
        action = request.POST.get("action", "")
        handler = PEOPLE_ACTIONS.get(action)
        if handler is None:
            raise Http404
        outcome = handler(request, season)
        if isinstance(outcome, HttpResponse):
            return outcome
        bound = outcome
    return render(
        request, "modules/sessions/season_people.html", _people_context(season, bound=bound)
    )


def _people_url(season: Season, anchor: str = "") -> str:
    url = reverse("modules:season_people", args=[season.slug])
    return f"{url}#{anchor}" if anchor else url


def _posted_pk(request: HttpRequest, name: str) -> int:
    value = request.POST.get(name, "")
    if not value.isdigit():
        raise Http404
    return int(value)


def _swarmed_of(request: HttpRequest, season: Season):
    pk = _posted_pk(request, "swarmed")
    return get_object_or_404(season.swarmed.select_related("structure"), pk=pk)


def _member_of(request: HttpRequest, season: Season) -> SwarmedMember:
    return get_object_or_404(
        SwarmedMember.objects.select_related("user", "swarmed_structure__structure"),
        pk=_posted_pk(request, "member"),
        swarmed_structure__season=season,
    )


def _add_member(request: HttpRequest, season: Season):
    swarmed = _swarmed_of(request, season)
    row = next(
        row for row in people_services.season_people(season=season) if row.swarmed.pk == swarmed.pk
    )
    prefix = f"add-{swarmed.pk}"
    form = MemberAddForm(request.POST, prefix=prefix, candidates=row.candidates)
    if form.is_valid():
        try:
            member = people_services.member_add(
                actor=request.user, swarmed_structure=swarmed, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("%(name)s rejoint la saison pour %(structure)s.")
                % {"name": member.user, "structure": swarmed.structure},
            )
            return redirect(_people_url(season, f"structure-{swarmed.pk}"))
    return {prefix: form}


def _remove_member(request: HttpRequest, season: Season):
    member = _member_of(request, season)
    try:
        people_services.member_remove(actor=request.user, member=member)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request, _("%(name)s ne participe plus à la saison.") % {"name": member.user}
        )
    return redirect(_people_url(season, f"structure-{member.swarmed_structure_id}"))


def _change_referent(request: HttpRequest, season: Season):
    member = _member_of(request, season)
    try:
        people_services.referent_change(actor=request.user, member=member)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request,
            _("%(name)s est désormais référent·e de %(structure)s.")
            % {"name": member.user, "structure": member.swarmed_structure.structure},
        )
    return redirect(_people_url(season, f"structure-{member.swarmed_structure_id}"))


def _set_module_leads(request: HttpRequest, season: Season):
    module = get_object_or_404(people_services.season_modules(), pk=_posted_pk(request, "module"))
    prefix = f"leads-{module.pk}"
    form = ModuleLeadForm(request.POST, prefix=prefix, experts=list(services.expert_choices()))
    if form.is_valid():
        try:
            people_services.module_lead_set(
                actor=request.user, season=season, module=module, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Les expert·es du module « %(module)s » sont enregistré·es.")
                % {"module": module.title},
            )
            return redirect(_people_url(season, f"module-{module.pk}"))
    return {prefix: form}


PEOPLE_ACTIONS = {
    "member_add": _add_member,
    "member_remove": _remove_member,
    "referent_change": _change_referent,
    "module_leads": _set_module_leads,
}


# --- Sessions (Ansa) ----------------------------------------------------------------------------


@staff_page
@require_http_methods(["GET", "POST"])
def season_sessions(request: HttpRequest, slug: str) -> HttpResponse:
    _check_manager(request)
    season = _season(slug)
    form = SessionForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        try:
            session = services.session_create(
                actor=request.user, season=season, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("La séance est programmée ; ses participant·es et expert·es sont prévenu·es."),
            )
            return redirect("modules:session_detail", pk=session.pk)
    return render(
        request,
        "modules/sessions/season_sessions.html",
        {
            "season": season,
            "sessions": services.season_sessions(season=season),
            "form": form,
            "window": services.season_days(season),
        },
    )


def _managed_session(request: HttpRequest, pk: int) -> TrainingSession:
    _check_manager(request)
    try:
        return services.session_get(pk=pk)
    except TrainingSession.DoesNotExist:
        raise Http404 from None


@staff_page
@require_http_methods(["GET", "POST"])
def session_edit(request: HttpRequest, pk: int) -> HttpResponse:
    session = _managed_session(request, pk)
    if session.status == SessionStatus.CANCELLED:
        messages.error(request, _("Une séance annulée ne se modifie plus."))
        return redirect("modules:session_detail", pk=session.pk)
    if request.method == "POST":
        form = SessionForm(request.POST)
    else:
        form = SessionForm(initial=SessionForm.initial_for(session))
    if form.is_bound and form.is_valid():
        try:
            updated = services.session_update(
                actor=request.user, session=session, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if updated.sequence != session.sequence:
                messages.success(
                    request,
                    _("La séance est modifiée ; chacun·e reçoit l'invitation mise à jour."),
                )
            else:
                messages.info(request, _("Rien n'a changé : personne n'est prévenu."))
            return redirect("modules:session_detail", pk=session.pk)
    return render(
        request,
        "modules/sessions/session_form.html",
        {
            "season": session.season,
            "session": session,
            "form": form,
            "window": services.season_days(session.season),
        },
    )


@staff_page
@require_http_methods(["GET", "POST"])
def session_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    session = _managed_session(request, pk)
    if session.status == SessionStatus.CANCELLED:
        messages.info(request, _("Cette séance est déjà annulée."))
        return redirect("modules:session_detail", pk=session.pk)
    form = CancelForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        try:
            services.session_cancel(actor=request.user, session=session, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("La séance est annulée ; les participant·es et les expert·es sont prévenu·es."),
            )
            return redirect("modules:session_detail", pk=session.pk)
    return render(
        request,
        "modules/sessions/session_cancel.html",
        {"season": session.season, "session": session, "form": form},
    )


# --- Seeing sessions (members, experts, Ansa) -------------------------------------------------


def _attendance_url(request: HttpRequest, session: TrainingSession) -> str:
    """The session's attendance sheet, for those who mark it (once that page exists)."""
    if session.status == SessionStatus.CANCELLED:
        return ""
    if not permissions.can_mark_attendance(request.user, session):
        return ""
    try:
        return reverse("modules:attendance_sheet", args=[session.uid])
    except NoReverseMatch:
        return ""


@require_GET
def session_detail(request: HttpRequest, pk: int) -> HttpResponse:
    session = _visible_session(request, pk)
    can_manage = permissions.can_manage_season(request.user)
    return render(
        request,
        "modules/sessions/session_detail.html",
        {
            "season": session.season,
            "session": session,
            "can_manage": can_manage,
            "can_see_calendar": permissions.can_see_season(request.user, session.season),
            "cancelled": session.status == SessionStatus.CANCELLED,
            "attendance_url": _attendance_url(request, session),
        },
    )


@require_GET
def session_ics(request: HttpRequest, pk: int) -> HttpResponse:
    session = _visible_session(request, pk)
    day = session.starts_at.astimezone(ics.PARIS).date().isoformat()
    return _ics_response(ics.session_file(session), f"seance-{day}.ics")


@require_GET
def season_calendar(request: HttpRequest, slug: str) -> HttpResponse:
    season = _season(slug)
    if not permissions.can_see_season(request.user, season):
        raise Http404
    upcoming, past = services.season_calendar(season=season)
    feed_url = absolute_url(
        reverse("modules:calendar_feed", args=[ics.calendar_token(request.user)])
    )
    return render(
        request,
        "modules/sessions/season_calendar.html",
        {
            "season": season,
            "upcoming": upcoming,
            "past": past,
            "feed_url": feed_url,
            "webcal_url": "webcal://" + feed_url.split("://", 1)[-1],
            "can_manage": permissions.can_manage_season(request.user),
        },
    )


@login_not_required
@require_GET
def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    user_id = ics.calendar_user_id(token)
    user = User.objects.filter(pk=user_id, is_active=True).first() if user_id else None
    if user is None:
        raise Http404
    content = ics.feed(
        services.feed_sessions(user), name=_("Essaim — séances de la formation-action")
    )
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="essaim-formation.ics"'
    response["Cache-Control"] = "private, max-age=900"
    response["X-Robots-Tag"] = "noindex"
    return response
