"""The guide's editorial pages: entries, promotion, anonymisation, review, editions, figures.

Parse the request, call a selector or a service, render. The back office belongs to Ansa and
A.CO.R (`permissions.can_edit_guide`): anyone else gets 403, and an entry, flag, report or
edition that does not exist is a 404. Acts are POST only; a refused input re-renders the page it
came from with the error beside its field and in the summary, what was typed kept.
"""

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Case, Count, IntegerField, Max, Q, When
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from modules.forms_assignments import with_version
from modules.models import Season
from portal.forms import add_service_errors
from tutoring.enums import ENTRY_KIND_ORDER, EditionStatus, EntryStatus, FlagStatus
from tutoring.guide import forms, permissions, selectors, services, workflow
from tutoring.guide.anonymisation import default_replacement
from tutoring.guide.models import (
    AnonymisationFlag,
    GuideEdition,
    GuideEditionItem,
    GuideEntry,
    GuideEntryRevision,
    GuidePage,
    OutdatedReport,
)
from tutoring.models import Question
from tutoring.qa import search as text_search
from tutoring.qa.permissions import questions_visible_to

PAGE_SIZE = 20
SIMILAR_LIMIT = 8


def _require_editor(request: HttpRequest) -> None:
    if not permissions.can_edit_guide(request.user):
        raise PermissionDenied


def _entry(request: HttpRequest, pk: int) -> GuideEntry:
    _require_editor(request)
    entry = selectors.entry_for_editor(request.user, pk)
    if entry is None:
        raise Http404
    return entry


def _back(request: HttpRequest, default: str) -> str:
    """Where an act sends back: the page it was posted from when it is ours, else `default`."""
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


def _guide_page() -> GuidePage | None:
    return selectors.guide_page()


# --- The list of entries ---------------------------------------------------------------------


def _matching_entry_ids(words: str) -> list[int]:
    """Entries whose current text shares words with `words`, the most similar first."""
    # An entry's newest revision is its current text (every change of text saves one).
    newest = GuideEntryRevision.objects.order_by().values("entry_id").annotate(top=Max("pk"))
    found = text_search.search(
        GuideEntryRevision.objects.filter(pk__in=newest.values("top")), words
    )
    return list(dict.fromkeys(revision.entry_id for revision in found))


@require_GET
def entry_list(request: HttpRequest) -> HttpResponse:
    _require_editor(request)
    user = request.user
    form = forms.EntryFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    entries = selectors.entries_for_editors(user).order_by("-updated_at", "-pk")
    if data.get("etat"):
        entries = entries.filter(status=data["etat"])
    if data.get("fiche"):
        in_sheet = GuideEntry.objects.filter(sheets=data["fiche"]).values("pk")
        entries = entries.filter(pk__in=in_sheet)
    if data.get("type"):
        entries = entries.filter(kind=data["type"])
    if data.get("miennes"):
        entries = entries.filter(owner=user)
    if data.get("donnees"):
        entries = entries.filter(open_flag_count__gt=0)
    if data.get("depassees"):
        entries = entries.filter(open_report_count__gt=0)
    words = (data.get("q") or "").strip()
    if words:
        ids = _matching_entry_ids(words)
        entries = entries.filter(pk__in=ids)
        if ids:
            entries = entries.order_by(
                Case(
                    *[When(pk=pk, then=rank) for rank, pk in enumerate(ids)],
                    output_field=IntegerField(),
                ),
                "-pk",
            )
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    counts = dict(GuideEntry.objects.order_by().values_list("status").annotate(count=Count("pk")))
    states = [
        {"value": value, "label": label, "count": counts.get(value, 0)}
        for value, label in EntryStatus.choices
    ]
    return render(
        request,
        "tutoring/guide/manage/entry_list.html",
        {
            "form": form,
            "page_obj": page,
            "entries": page.object_list,
            "states": states,
            "total": sum(counts.values()),
            "filtered": bool(data and any(data.values())),
            "can_see_stats": permissions.can_see_guide_stats(user),
        },
    )


# --- Promotion ---------------------------------------------------------------------------------


def _promotable(request: HttpRequest, raw: str) -> Question:
    try:
        pk = int(raw)
    except (TypeError, ValueError):
        raise Http404 from None
    question = (
        Question.objects.select_related(
            "season", "swarmed_structure__candidacy", "accepted_answer__author"
        )
        .prefetch_related("guide_entries")
        .filter(pk=pk)
        .first()
    )
    if question is None or not permissions.can_promote(request.user, question):
        raise Http404
    return question


def _similar_answered(request: HttpRequest, questions: list[Question]) -> list[Question]:
    """Answered questions close to the first one, among those this editor may read."""
    candidates = questions_visible_to(
        request.user,
        Question.objects.filter(accepted_answer__isnull=False, hidden_at__isnull=True).exclude(
            pk__in=[question.pk for question in questions]
        ),
    ).select_related("season", "accepted_answer__author")
    return list(text_search.search(candidates, questions[0].title, limit=SIMILAR_LIMIT))


@require_http_methods(["GET", "POST"])
def entry_promote(request: HttpRequest) -> HttpResponse:
    _require_editor(request)
    source = request.POST if request.method == "POST" else request.GET
    chosen: list[Question] = []
    for raw in dict.fromkeys(source.getlist("question")):
        chosen.append(_promotable(request, raw))
    if not chosen:
        return render(request, "tutoring/guide/manage/promote_start.html", {})
    similar = _similar_answered(request, chosen)
    draft = services.promotion_draft(chosen)
    form = forms.PromoteForm(
        request.POST if request.method == "POST" else None,
        related=similar,
        initial={"kind": draft["kind"], "title": draft["title"], "sheets": draft["sheet_ids"]},
    )
    if request.method == "POST" and form.is_valid():
        picked = set(form.cleaned_data["related"])
        related = [question for question in similar if question.pk in picked]
        try:
            entry = services.entry_promote(
                actor=request.user,
                questions=chosen + related,
                kind=form.cleaned_data["kind"],
                title=form.cleaned_data["title"],
                sheet_ids=[sheet.pk for sheet in form.cleaned_data["sheets"]],
                territory_kind=form.cleaned_data["territory_kind"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            flagged = services.open_flags(entry).count()
            messages.success(
                request,
                _("Le brouillon de l'entrée est créé à partir des questions choisies.")
                + (
                    " "
                    + ngettext(
                        "%(count)s donnée à anonymiser est à traiter avant la relecture.",
                        "%(count)s données à anonymiser sont à traiter avant la relecture.",
                        flagged,
                    )
                    % {"count": flagged}
                    if flagged
                    else ""
                ),
            )
            return redirect(services.entry_url(entry))
    return render(
        request,
        "tutoring/guide/manage/promote.html",
        {
            "questions": chosen,
            "similar": similar,
            "related_choices": list(zip(form["related"], similar, strict=True)),
            "form": form,
            "season": draft["season"],
        },
        status=400 if form.is_bound and form.errors else 200,
    )


# --- One entry ---------------------------------------------------------------------------------


def _flag_forms(flag: AnonymisationFlag, bound: dict) -> None:
    prefix = f"flag-{flag.pk}"
    flag.mask_form = bound.get(("mask", flag.pk)) or forms.FlagMaskForm(
        prefix=prefix, initial={"replacement": default_replacement(flag.kind)}
    )
    flag.keep_form = bound.get(("keep", flag.pk)) or forms.FlagKeepForm(prefix=prefix)


def _render_entry(
    request: HttpRequest,
    entry: GuideEntry,
    *,
    status: int = 200,
    error_form=None,
    bound: dict | None = None,
) -> HttpResponse:
    """The entry's editorial page; `bound` holds the forms that came back with errors."""
    user = request.user
    bound = bound or {}
    flags = list(entry.flags.select_related("resolved_by").order_by("status", "kind", "text"))
    for flag in flags:
        if flag.status == FlagStatus.OPEN:
            _flag_forms(flag, bound)
    can_edit = permissions.can_edit_entry(user, entry)
    transitions = [
        {
            "transition": transition,
            "form": bound.get(("action", transition.action))
            or forms.TransitionForm(
                prefix=f"action-{transition.action}", needs_text=transition.needs_text
            ),
        }
        for transition in workflow.available_transitions(user, entry)
    ]
    reports = list(
        entry.outdated_reports.filter(closed_at__isnull=True).select_related("reported_by")
    )
    can_close = permissions.can_close_outdated(user, entry)
    for report in reports:
        report.close_form = bound.get(("close", report.pk)) or forms.OutdatedCloseForm(
            prefix=f"report-{report.pk}"
        )
    sources = selectors.visible_sources(user, entry)
    season = selectors.last_season()
    can_change_owner = permissions.can_change_owner(user, entry)
    context = {
        "entry": entry,
        "flags": flags,
        "open_flags": [flag for flag in flags if flag.status == FlagStatus.OPEN],
        "can_edit": can_edit,
        "can_comment": permissions.can_comment_entry(user, entry),
        "can_set_public": permissions.can_set_public(user, entry),
        "can_change_owner": can_change_owner,
        "can_close_reports": can_close,
        "can_check": permissions.can_check_entry(user, entry) and season is not None,
        "transitions": transitions,
        "owner_form": (bound.get("owner") or forms.OwnerForm(initial={"owner": entry.owner_id}))
        if can_change_owner
        else None,
        "comment_form": bound.get("comment") or forms.CommentForm(),
        "comments": list(entry.comments.select_related("author")),
        "events": list(entry.events.select_related("actor")),
        "reports": reports,
        "closed_report_count": entry.outdated_reports.filter(closed_at__isnull=False).count(),
        "sources": sources,
        "hidden_source_count": entry.source_questions.count() - len(sources),
        "contributors": list(entry.contributors.all()),
        "sheets": list(entry.sheets.all()),
        "editions": list(
            GuideEditionItem.objects.filter(entry=entry)
            .select_related("edition", "revision")
            .order_by("-edition__published_at")
        ),
        "revision_count": entry.revisions.count(),
        "review_season": season,
        "checked_this_season": season is not None and entry.checked_season_id == season.pk,
        "error_form": error_form,
    }
    return render(request, "tutoring/guide/manage/entry_detail.html", context, status=status)


@require_GET
def entry_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _render_entry(request, _entry(request, pk))


@require_http_methods(["GET", "POST"])
def entry_edit(request: HttpRequest, pk: int) -> HttpResponse:
    entry = _entry(request, pk)
    if not permissions.can_edit_entry(request.user, entry):
        raise PermissionDenied
    form = forms.EntryEditForm(
        request.POST if request.method == "POST" else None,
        initial=forms.EntryEditForm.initial_for(entry),
    )
    conflict = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            saved = services.entry_update(
                actor=request.user,
                entry=entry,
                version=data["version"],
                kind=data["kind"],
                title=data["title"],
                body=data["body"],
                sheet_ids=[sheet.pk for sheet in data["sheets"]],
                territory_kind=data["territory_kind"],
                note=data["note"],
            )
        except services.ConcurrentEdit:
            conflict = selectors.entry_for_editor(request.user, entry.pk)
            conflict.last_revision = conflict.revisions.select_related("created_by").first()
            form = forms.EntryEditForm(with_version(request.POST, conflict.version))
            form.is_valid()
        except ValidationError as error:
            add_service_errors(form, error, default_field="body")
        else:
            if saved.version == entry.version:
                messages.info(request, _("Rien n'a changé : l'entrée est telle qu'elle était."))
            else:
                flagged = services.open_flags(saved).count()
                messages.success(
                    request,
                    _("L'entrée est enregistrée ; sa version précédente reste dans l'historique.")
                    + (
                        " "
                        + ngettext(
                            "%(count)s donnée à anonymiser est à traiter.",
                            "%(count)s données à anonymiser sont à traiter.",
                            flagged,
                        )
                        % {"count": flagged}
                        if flagged
                        else ""
                    ),
                )
            return redirect(services.entry_url(entry))
    return render(
        request,
        "tutoring/guide/manage/entry_edit.html",
        {"entry": entry, "form": form, "conflict": conflict},
        status=409 if conflict else (400 if form.is_bound and form.errors else 200),
    )


@require_GET
def entry_history(request: HttpRequest, pk: int) -> HttpResponse:
    entry = _entry(request, pk)
    revisions = list(entry.revisions.select_related("created_by").order_by("-number"))
    in_editions: dict[int, list[str]] = {}
    for revision_id, name in GuideEditionItem.objects.filter(entry=entry).values_list(
        "revision_id", "edition__name"
    ):
        in_editions.setdefault(revision_id, []).append(name)
    for index, revision in enumerate(revisions):
        previous = revisions[index + 1] if index + 1 < len(revisions) else None
        revision.previous = previous
        revision.title_diff = (
            selectors.word_diff(previous.title, revision.title) if previous else None
        )
        revision.body_diff = selectors.word_diff(previous.body, revision.body) if previous else None
        revision.editions = in_editions.get(revision.pk, [])
    return render(
        request,
        "tutoring/guide/manage/entry_history.html",
        {"entry": entry, "revisions": revisions},
    )


# --- Acts on an entry (POST only) ----------------------------------------------------------------


@require_POST
def entry_action(request: HttpRequest, pk: int) -> HttpResponse:
    entry = _entry(request, pk)
    action = request.POST.get("action", "")
    available = {t.action: t for t in workflow.available_transitions(request.user, entry)}
    if action not in workflow.TRANSITIONS:
        raise Http404
    if action not in available:
        raise PermissionDenied
    transition = available[action]
    form = forms.TransitionForm(
        request.POST, prefix=f"action-{action}", needs_text=transition.needs_text
    )
    if form.is_valid():
        try:
            services.entry_transition(
                actor=request.user,
                entry=entry,
                action=action,
                text=form.cleaned_data.get("text", ""),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("C'est fait : « %(action)s ».") % {"action": transition.label},
            )
            return redirect(services.entry_url(entry))
    return _render_entry(
        request, entry, status=400, error_form=form, bound={("action", action): form}
    )


@require_POST
def entry_public(request: HttpRequest, pk: int) -> HttpResponse:
    entry = _entry(request, pk)
    public = request.POST.get("public") == "1"
    services.entry_set_public(actor=request.user, entry=entry, public=public)
    messages.success(
        request,
        _("L'entrée sera lisible par le public dans les prochaines éditions.")
        if public
        else _("L'entrée est réservée au réseau dans les prochaines éditions."),
    )
    return redirect(services.entry_url(entry))


@require_POST
def entry_owner(request: HttpRequest, pk: int) -> HttpResponse:
    entry = _entry(request, pk)
    if not permissions.can_change_owner(request.user, entry):
        raise PermissionDenied
    form = forms.OwnerForm(request.POST)
    if form.is_valid():
        owner = form.cleaned_data["owner"]
        try:
            services.entry_change_owner(actor=request.user, entry=entry, owner=owner)
        except PermissionDenied:
            form.add_error("owner", _("Choisissez une personne de l'équipe Ansa ou d'A.CO.R."))
        else:
            messages.success(
                request,
                _("%(name)s est désormais responsable de l'entrée.")
                % {"name": owner.get_full_name() or owner.email},
            )
            return redirect(services.entry_url(entry))
    return _render_entry(request, entry, status=400, error_form=form, bound={"owner": form})


@require_POST
def entry_comment(request: HttpRequest, pk: int) -> HttpResponse:
    entry = _entry(request, pk)
    form = forms.CommentForm(request.POST)
    if form.is_valid():
        try:
            services.entry_comment(actor=request.user, entry=entry, body=form.cleaned_data["body"])
        except ValidationError as error:
            add_service_errors(form, error, default_field="body")
        else:
            messages.success(request, _("Votre commentaire est publié."))
            return redirect(services.entry_url(entry) + "#commentaires")
    return _render_entry(request, entry, status=400, error_form=form, bound={"comment": form})


@require_POST
def entry_check(request: HttpRequest, pk: int) -> HttpResponse:
    entry = _entry(request, pk)
    season = selectors.last_season()
    if season is None:
        messages.error(request, _("Aucune saison n'a encore commencé : rien à vérifier."))
    else:
        services.entry_check(actor=request.user, entry=entry, season=season)
        messages.success(
            request,
            _("« %(title)s » est notée comme vérifiée pour la saison en cours (%(season)s).")
            % {"title": entry.title, "season": season.name},
        )
    return redirect(_back(request, services.entry_url(entry)))


@require_POST
def flag_resolve(request: HttpRequest, pk: int) -> HttpResponse:
    _require_editor(request)
    flag = get_object_or_404(AnonymisationFlag, pk=pk)
    entry = _entry(request, flag.entry_id)
    if not permissions.can_edit_entry(request.user, entry):
        raise PermissionDenied
    if flag.status != FlagStatus.OPEN:
        messages.info(request, _("Cette donnée a déjà été traitée."))
        return redirect(services.entry_url(entry) + "#anonymisation")
    mask = request.POST.get("decision") == "mask"
    prefix = f"flag-{flag.pk}"
    form = (forms.FlagMaskForm if mask else forms.FlagKeepForm)(request.POST, prefix=prefix)
    if form.is_valid():
        try:
            services.flag_resolve(
                actor=request.user,
                flag=flag,
                mask=mask,
                replacement=form.cleaned_data.get("replacement", ""),
                reason=form.cleaned_data.get("reason", ""),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Le passage est masqué partout dans l'entrée.")
                if mask
                else _("Le passage est conservé ; le motif est gardé dans l'historique."),
            )
            return redirect(services.entry_url(entry) + "#anonymisation")
    return _render_entry(
        request,
        entry,
        status=400,
        error_form=form,
        bound={("mask" if mask else "keep", flag.pk): form},
    )


@require_POST
def outdated_close(request: HttpRequest, pk: int) -> HttpResponse:
    _require_editor(request)
    report = get_object_or_404(OutdatedReport, pk=pk)
    entry = _entry(request, report.entry_id)
    if not permissions.can_close_outdated(request.user, entry):
        raise PermissionDenied
    form = forms.OutdatedCloseForm(request.POST, prefix=f"report-{report.pk}")
    if form.is_valid():
        try:
            services.outdated_close(
                actor=request.user, report=report, response=form.cleaned_data["response"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Le signalement est traité ; son auteur est prévenu."))
            return redirect(_back(request, services.entry_url(entry) + "#signalements"))
    return _render_entry(
        request, entry, status=400, error_form=form, bound={("close", report.pk): form}
    )


# --- Reporting an outdated entry (any member of the network) --------------------------------------


def _reading_url(request: HttpRequest, entry: GuideEntry) -> str | None:
    """The entry's page in the current edition, when the edition holds it."""
    page, current = _guide_page(), selectors.current_edition()
    if page is None or current is None or not current.items.filter(entry=entry).exists():
        return None
    return page.get_url(request) + page.reverse_subpage("entry", kwargs={"entry_id": entry.pk})


@require_http_methods(["GET", "POST"])
def entry_outdated(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    if not permissions.is_network_member(user):
        raise PermissionDenied
    entry = get_object_or_404(GuideEntry, pk=pk)
    if not permissions.can_report_outdated(user, entry):
        raise PermissionDenied
    # A reader sees the entry as a published edition holds it, never its draft.
    published = (
        GuideEditionItem.objects.filter(entry=entry, edition__status=EditionStatus.PUBLISHED)
        .select_related("revision")
        .order_by("-edition__published_at")
        .first()
    )
    if published is None and not permissions.can_edit_guide(user):
        raise Http404
    title = entry.title if permissions.can_edit_guide(user) else published.revision.title
    form = forms.OutdatedReportForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.entry_report_outdated(
                actor=user, entry=entry, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            add_service_errors(form, error, default_field="reason")
        else:
            messages.success(
                request,
                _("Merci : votre signalement est transmis à l'équipe éditoriale du guide."),
            )
            return redirect(_reading_url(request, entry) or reverse("portal:dashboard"))
    return render(
        request,
        "tutoring/guide/manage/outdated_form.html",
        {"entry": entry, "title": title, "form": form, "back_url": _reading_url(request, entry)},
        status=400 if form.is_bound and form.errors else 200,
    )


# --- The periodic review -------------------------------------------------------------------------


@require_GET
def review_list(request: HttpRequest) -> HttpResponse:
    _require_editor(request)
    season = selectors.last_season()
    page = Paginator(selectors.review_due(season), PAGE_SIZE).get_page(request.GET.get("page"))
    reports = list(selectors.open_outdated_reports().order_by("created_at", "pk"))
    return render(
        request,
        "tutoring/guide/manage/review.html",
        {
            "season": season,
            "page_obj": page,
            "entries": page.object_list,
            "reports": reports,
            "can_see_stats": permissions.can_see_guide_stats(request.user),
        },
    )


# --- Editions ------------------------------------------------------------------------------------


def _free_seasons():
    return Season.objects.filter(guide_edition__isnull=True).order_by("-call_opens_at")


@require_http_methods(["GET", "POST"])
def edition_list(request: HttpRequest) -> HttpResponse:
    _require_editor(request)
    can_manage = permissions.can_manage_editions(request.user)
    if request.method == "POST" and not can_manage:
        raise PermissionDenied
    form = (
        forms.EditionCreateForm(
            request.POST if request.method == "POST" else None, seasons=_free_seasons()
        )
        if can_manage
        else None
    )
    if request.method == "POST" and form.is_valid():
        try:
            edition = services.edition_create(
                actor=request.user,
                season=form.cleaned_data["season"],
                name=form.cleaned_data["name"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            add_service_errors(form, error, default_field="name")
        else:
            messages.success(
                request, _("L'édition « %(name)s » est en préparation.") % {"name": edition.name}
            )
            return redirect(reverse("tutoring:guide_edition_manage", kwargs={"pk": edition.pk}))
    editions = list(
        GuideEdition.objects.select_related("season", "published_by")
        .annotate(item_count=Count("items"))
        .order_by("status", "-published_at", "-created_at")
    )
    page = _guide_page()
    return render(
        request,
        "tutoring/guide/manage/edition_list.html",
        {
            "drafts": [edition for edition in editions if not edition.is_published],
            "published": [edition for edition in editions if edition.is_published],
            "form": form,
            "can_manage": can_manage,
            "guide_url": page.get_url(request) if page else None,
            "can_see_stats": permissions.can_see_guide_stats(request.user),
        },
        status=400 if form is not None and form.is_bound and form.errors else 200,
    )


@dataclass
class PreviewItem:
    """An entry as the edition would hold it: what `selectors.chapters` groups."""

    entry: GuideEntry
    revision: GuideEntryRevision
    kind: str
    chapter: int
    sheet_numbers: list
    position: int = 0


def _preview(edition: GuideEdition) -> dict:
    """The chapters the draft edition would have if it were published now."""
    candidates = list(
        services.edition_candidates()
        .select_related("owner")
        .annotate(
            open_flag_count=Count("flags", filter=Q(flags__status=FlagStatus.OPEN), distinct=True)
        )
    )
    known = sorted(sheet.number for sheet in selectors.guide_sheets())
    items = []
    for entry in candidates:
        revision = entry.approved_revision
        numbers = [n for n in revision.sheet_numbers if n in known] or known[:1]
        items.append(
            PreviewItem(
                entry=entry,
                revision=revision,
                kind=revision.kind,
                chapter=min(numbers) if numbers else 0,
                sheet_numbers=numbers,
            )
        )
    items.sort(key=lambda item: (item.chapter, ENTRY_KIND_ORDER[item.kind], item.revision.title))
    for position, item in enumerate(items):
        item.position = position
    chapters = selectors.chapters(edition, items)
    for chapter in chapters:
        chapter.groups = selectors.kinds_in(chapter.items)
    left_out = (
        GuideEntry.objects.filter(status__in=workflow.IN_GUIDE, approved_revision__isnull=True)
        .order_by()
        .values_list("status")
        .annotate(count=Count("pk"))
    )
    return {
        "chapters": chapters,
        "item_count": len(items),
        "left_out": [
            {"label": EntryStatus(status).label, "count": count} for status, count in left_out
        ],
    }


def _render_edition(
    request: HttpRequest,
    edition: GuideEdition,
    *,
    status: int = 200,
    note_form=None,
    conflict=None,
    publish_errors=(),
) -> HttpResponse:
    can_manage = permissions.can_manage_editions(request.user)
    page = _guide_page()
    context = {
        "edition": edition,
        "can_manage": can_manage,
        "note_form": None,
        "publish_form": None,
        "conflict": conflict,
        "publish_errors": list(publish_errors),
        "blockers": [],
        "reading_url": None,
        "chapters": [],
        "item_count": 0,
        "left_out": [],
        "public_count": 0,
    }
    if edition.is_published:
        if page is not None:
            context["reading_url"] = page.get_url(request) + page.reverse_subpage(
                "edition", kwargs={"slug": edition.slug}
            )
        items = list(edition.items.select_related("revision").order_by("position"))
        chapters = selectors.chapters(edition, items)
        context.update(
            chapters=chapters,
            item_count=len(items),
            public_count=sum(item.is_public for item in items),
        )
    else:
        context.update(_preview(edition))
        context["blockers"] = services.publish_blockers(edition)
        if can_manage:
            context["note_form"] = note_form or forms.EditionNoteForm(
                initial={"note": edition.note, "version": edition.version}
            )
            context["publish_form"] = forms.PublishForm(
                prefix="publish", initial={"version": edition.version}
            )
    return render(request, "tutoring/guide/manage/edition_manage.html", context, status=status)


def _edition(request: HttpRequest, pk: int) -> GuideEdition:
    _require_editor(request)
    return get_object_or_404(GuideEdition.objects.select_related("season", "published_by"), pk=pk)


@require_http_methods(["GET", "POST"])
def edition_manage(request: HttpRequest, pk: int) -> HttpResponse:
    edition = _edition(request, pk)
    if request.method == "GET":
        return _render_edition(request, edition)
    if not permissions.can_manage_editions(request.user) or edition.is_published:
        raise PermissionDenied
    form = forms.EditionNoteForm(request.POST)
    if form.is_valid():
        try:
            services.edition_update(
                actor=request.user,
                edition=edition,
                version=form.cleaned_data["version"],
                note=form.cleaned_data["note"],
            )
        except services.ConcurrentEdit:
            conflict = get_object_or_404(GuideEdition, pk=edition.pk)
            form = forms.EditionNoteForm(with_version(request.POST, conflict.version))
            form.is_valid()
            return _render_edition(request, conflict, status=409, note_form=form, conflict=conflict)
        except ValidationError as error:
            add_service_errors(form, error, default_field="note")
        else:
            messages.success(request, _("Le mot de l'édition est enregistré."))
            return redirect(reverse("tutoring:guide_edition_manage", kwargs={"pk": edition.pk}))
    return _render_edition(request, edition, status=400, note_form=form)


@require_POST
def edition_publish(request: HttpRequest, pk: int) -> HttpResponse:
    edition = _edition(request, pk)
    if not permissions.can_manage_editions(request.user):
        raise PermissionDenied
    form = forms.PublishForm(request.POST, prefix="publish")
    if not form.is_valid():
        return _render_edition(
            request, edition, status=400, publish_errors=[_("Rechargez la page, puis publiez.")]
        )
    try:
        edition = services.edition_publish(
            actor=request.user, edition=edition, version=form.cleaned_data["version"]
        )
    except services.ConcurrentEdit:
        edition.refresh_from_db()
        return _render_edition(
            request,
            edition,
            status=409,
            publish_errors=[
                _(
                    "L'édition a changé depuis que vous avez ouvert la page : relisez l'aperçu "
                    "ci-dessous, puis publiez de nouveau."
                )
            ],
        )
    except ValidationError as error:
        return _render_edition(request, edition, status=400, publish_errors=error.messages)
    messages.success(
        request,
        _("L'édition « %(name)s » est publiée : son contenu est figé et son PDF se prépare.")
        % {"name": edition.name},
    )
    return redirect(reverse("tutoring:guide_edition_manage", kwargs={"pk": edition.pk}))


# --- Provenance figures --------------------------------------------------------------------------


@require_GET
def stats(request: HttpRequest) -> HttpResponse:
    if not permissions.can_see_guide_stats(request.user):
        raise PermissionDenied
    seasons = list(Season.objects.order_by("-call_opens_at"))
    form = forms.StatsFilterForm(request.GET or None, seasons=seasons)
    slug = form.cleaned_data.get("saison") if form.is_bound and form.is_valid() else ""
    season = next((season for season in seasons if season.slug == slug), None)
    figures = selectors.provenance_stats(season)
    return render(
        request,
        "tutoring/guide/manage/stats.html",
        {"form": form, "season": season, "can_see_stats": True, **figures},
    )
