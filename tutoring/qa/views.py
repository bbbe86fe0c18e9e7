"""Pages of the tutoring questions: the lists, asking (with similar questions while typing), one
question with its answers, comments and history, and the acts on it.

Parse the request, call a selector or a service, render. A question outside the user's reading
scope answers 404, so neither its existence nor its content leaks.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from modules.forms_assignments import with_version
from modules.models import ModulePage, Season, TrainingSession
from portal.files import private_file_response
from portal.forms import add_service_errors as _add_errors
from portal.security import staff_page
from tutoring import attachments
from tutoring.enums import EscalationLevel, QuestionStatus
from tutoring.guide.permissions import can_promote
from tutoring.models import Answer, Comment, Question, ScopeProposal
from tutoring.permissions import can_use_tutoring
from tutoring.qa import forms, permissions, selectors, services
from tutoring.selectors import swarmed_structures_of

PAGE_SIZE = 20


def _question(request: HttpRequest, pk: int) -> Question:
    question = selectors.question_get(pk)
    if question is None or not permissions.can_see_question(request.user, question):
        raise Http404
    return question


def _detail_url(question: Question, anchor: str = "") -> str:
    return services.question_url(question) + (f"#{anchor}" if anchor else "")


# --- Lists -----------------------------------------------------------------------------------


@require_GET
def question_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not can_use_tutoring(user):
        raise PermissionDenied
    views = selectors.views_for(user)
    form = forms.QuestionFilterForm(
        request.GET or None, views=views, seasons=selectors.seasons_of(user)
    )
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    view = data.get("vue") or views[0]
    filters = selectors.Filters(
        view=view,
        sheet=data.get("fiche"),
        season=data.get("saison") or "",
        status=data.get("etat") or "",
        text=(data.get("q") or "").strip(),
    )
    page = Paginator(selectors.question_list(user, filters), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    tabs = [{"key": key, "label": forms.VIEWS[key], "current": key == view} for key in views]
    return render(
        request,
        "tutoring/qa/question_list.html",
        {
            "form": form,
            "page_obj": page,
            "questions": page.object_list,
            "tabs": tabs,
            "view": view,
            "view_label": forms.VIEWS[view],
            "filters": filters,
            "can_ask": bool(swarmed_structures_of(user)),
            "now": timezone.now(),
        },
    )


# --- Asking ----------------------------------------------------------------------------------


def _ask_form(request: HttpRequest, structures, data=None, files=None) -> forms.QuestionForm:
    seasons = {swarmed.season_id for swarmed in structures}
    sessions = TrainingSession.objects.filter(season_id__in=seasons).order_by("starts_at")
    modules = ModulePage.objects.filter(locale__language_code="fr").order_by("number")
    return forms.QuestionForm(
        data, files, structures=structures, modules=list(modules), sessions=list(sessions)
    )


@require_http_methods(["GET", "POST"])
def question_create(request: HttpRequest) -> HttpResponse:
    structures = swarmed_structures_of(request.user)
    if not structures:
        raise PermissionDenied
    similar: list = []
    searched = False
    if request.method == "POST":
        form = _ask_form(request, structures, request.POST, request.FILES)
        if request.POST.get("action") == "similar":
            # Without JavaScript: look for similar questions, keep everything typed.
            searched = True
            similar = selectors.similar_questions(
                request.user, f"{request.POST.get('title', '')} {request.POST.get('body', '')}"
            )
            form = _unbound_copy(request.POST, structures)
        elif form.is_valid():
            swarmed = next(s for s in structures if s.pk == form.cleaned_data["swarmed"])
            try:
                checked = attachments.check_uploads(form.cleaned_data["files"])
                question = services.question_create(
                    actor=request.user,
                    swarmed=swarmed,
                    title=form.cleaned_data["title"],
                    body=form.cleaned_data["body"],
                    sheet_ids=[sheet.pk for sheet in form.cleaned_data["sheets"]],
                    scope=form.cleaned_data["scope"],
                    module_id=form.cleaned_data["module"],
                    session_id=form.cleaned_data["session"],
                    checked_uploads=checked,
                )
            except ValidationError as error:
                _add_errors(form, error, default_field="files")
            else:
                messages.success(
                    request,
                    _(
                        "Votre question est posée. Vous serez prévenu·e de chaque réponse ; "
                        "sans réponse dans les délais, elle sera transmise plus largement."
                    ),
                )
                return redirect(services.question_url(question))
    else:
        form = _ask_form(request, structures)
    return render(
        request,
        "tutoring/qa/question_form.html",
        {"form": form, "similar": similar, "searched": searched},
    )


def _unbound_copy(data, structures):
    """The typed values as initial data: a search for similar questions shows no errors yet."""
    fresh = _ask_form(None, structures)
    fresh.initial = {
        "swarmed": data.get("swarmed"),
        "title": data.get("title", ""),
        "body": data.get("body", ""),
        "sheets": data.getlist("sheets"),
        "module": data.get("module"),
        "session": data.get("session"),
        "scope": data.get("scope") or fresh.fields["scope"].initial,
    }
    return fresh


@require_GET
def question_similar(request: HttpRequest) -> JsonResponse:
    """Similar questions while typing (JSON for the page's small script); never more than five."""
    if not can_use_tutoring(request.user):
        raise PermissionDenied
    text = request.GET.get("q", "")[:2000]
    found = selectors.similar_questions(request.user, text) if len(text.strip()) >= 3 else []
    return JsonResponse(
        {
            "results": [
                {
                    "title": question.title,
                    "url": services.question_url(question),
                    "status": question.get_status_display(),
                    "season": question.season.name,
                }
                for question in found
            ]
        }
    )


# --- One question ----------------------------------------------------------------------------


def _render_detail(request: HttpRequest, question: Question, status: int = 200, **forms_given):
    user = request.user
    thread = selectors.question_thread(question)
    can_answer = permissions.can_answer(user, question)
    context = {
        "question": question,
        **thread,
        "can_answer": can_answer,
        "can_comment": permissions.can_comment(user, question),
        "can_accept": permissions.can_accept(user, question)
        and question.status not in services.FINISHED,
        "can_close": permissions.can_close(user, question),
        "can_edit": permissions.can_edit_question(user, question),
        "can_moderate": permissions.can_moderate(user),
        "can_mark_duplicate": permissions.can_mark_duplicate(user, question),
        "can_propose_scope": permissions.can_propose_scope(user, question)
        and question.scope != "programme",
        "can_decide_scope": permissions.can_decide_scope(user, question),
        "finished": question.status in services.FINISHED,
        "answer_form": forms_given.get("answer_form")
        or (forms.AnswerForm() if can_answer else None),
        "comment_form": forms_given.get("comment_form") or forms.CommentForm(),
        "comment_on": forms_given.get("comment_on"),
        "is_paired_expert": permissions.is_paired_expert(user, question),
        "can_promote": can_promote(user, question),
        "escalation_levels": EscalationLevel,
    }
    return render(request, "tutoring/qa/question_detail.html", context, status=status)


@require_GET
def question_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _render_detail(request, _question(request, pk))


@require_POST
def answer_create(request: HttpRequest, pk: int) -> HttpResponse:
    question = _question(request, pk)
    if not permissions.can_answer(request.user, question):
        raise PermissionDenied
    form = forms.AnswerForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            checked = attachments.check_uploads(form.cleaned_data["files"])
            answer = services.answer_create(
                actor=request.user,
                question=question,
                body=form.cleaned_data["body"],
                checked_uploads=checked,
            )
        except ValidationError as error:
            _add_errors(form, error, default_field="files")
        else:
            messages.success(request, _("Votre réponse est publiée."))
            return redirect(_detail_url(question, f"reponse-{answer.pk}"))
    return _render_detail(request, question, status=400, answer_form=form)


@require_POST
def comment_create(request: HttpRequest, pk: int) -> HttpResponse:
    question = _question(request, pk)
    if not permissions.can_comment(request.user, question):
        raise PermissionDenied
    form = forms.CommentForm(request.POST)
    answer = None
    if form.is_valid() and form.cleaned_data.get("answer"):
        answer = Answer.objects.filter(pk=form.cleaned_data["answer"], question=question).first()
        if answer is None:
            raise Http404
    if form.is_valid():
        try:
            services.comment_create(
                actor=request.user, question=question, body=form.cleaned_data["body"], answer=answer
            )
        except ValidationError as error:
            _add_errors(form, error, default_field="body")
        else:
            messages.success(request, _("Votre commentaire est publié."))
            return redirect(
                _detail_url(question, f"reponse-{answer.pk}" if answer else "commentaires")
            )
    return _render_detail(
        request, question, status=400, comment_form=form, comment_on=request.POST.get("answer")
    )


@require_POST
def answer_accept(request: HttpRequest, pk: int, answer_id: int) -> HttpResponse:
    question = _question(request, pk)
    answer = get_object_or_404(Answer, pk=answer_id, question=question)
    try:
        services.answer_accept(actor=request.user, answer=answer)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request, _("Réponse acceptée : elle pourra nourrir le guide d'essaimage. Merci.")
        )
    return redirect(_detail_url(question, f"reponse-{answer.pk}"))


@require_http_methods(["GET", "POST"])
def question_close(request: HttpRequest, pk: int) -> HttpResponse:
    question = _question(request, pk)
    if not permissions.can_close(request.user, question):
        raise PermissionDenied
    finished = question.status in services.FINISHED
    form = forms.CloseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            if finished:
                services.question_reopen(actor=request.user, question=question)
            else:
                services.question_close(
                    actor=request.user, question=question, reason=form.cleaned_data["reason"]
                )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(
                request, _("La question est rouverte.") if finished else _("La question est close.")
            )
        return redirect(services.question_url(question))
    return render(
        request,
        "tutoring/qa/question_close.html",
        {"question": question, "form": form, "finished": finished},
    )


@require_http_methods(["GET", "POST"])
def question_duplicate(request: HttpRequest, pk: int) -> HttpResponse:
    question = _question(request, pk)
    if not permissions.can_mark_duplicate(request.user, question):
        raise PermissionDenied
    form = forms.DuplicateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        original = selectors.question_get(form.cleaned_data["original"])
        if original is None or not permissions.can_see_question(request.user, original):
            form.add_error("original", _("Aucune question ne porte ce numéro."))
        else:
            try:
                services.question_mark_duplicate(
                    actor=request.user, question=question, original=original
                )
            except ValidationError as error:
                _add_errors(form, error, default_field="original")
            else:
                messages.success(request, _("La question est marquée comme doublon."))
                return redirect(services.question_url(question))
    similar = selectors.similar_questions(request.user, question.title, exclude=question.pk)
    return render(
        request,
        "tutoring/qa/question_duplicate.html",
        {"question": question, "form": form, "similar": similar},
    )


@require_http_methods(["GET", "POST"])
def question_edit(request: HttpRequest, pk: int) -> HttpResponse:
    question = _question(request, pk)
    if not permissions.can_edit_question(request.user, question):
        raise PermissionDenied
    initial = {"title": question.title, "body": question.body, "version": question.version}
    form = forms.QuestionEditForm(request.POST or None, initial=initial)
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            services.question_edit(
                actor=request.user,
                question=question,
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
                version=form.cleaned_data["version"],
            )
        except services.ConcurrentEdit:
            conflict = selectors.question_get(question.pk)
            form = forms.QuestionEditForm(with_version(request.POST, conflict.version))
            form.is_valid()
        except ValidationError as error:
            _add_errors(form, error, default_field="body")
        else:
            messages.success(
                request, _("La question est modifiée ; sa version précédente est conservée.")
            )
            return redirect(services.question_url(question))
    return render(
        request,
        "tutoring/qa/post_edit.html",
        {"question": question, "form": form, "conflict": conflict, "post_kind": "question"},
    )


@require_http_methods(["GET", "POST"])
def answer_edit(request: HttpRequest, pk: int) -> HttpResponse:
    answer = selectors.answer_get(pk)
    if answer is None:
        raise Http404
    question = _question(request, answer.question_id)
    if not permissions.can_edit_answer(request.user, answer):
        raise PermissionDenied
    form = forms.AnswerEditForm(
        request.POST or None, initial={"body": answer.body, "version": answer.version}
    )
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            services.answer_edit(
                actor=request.user,
                answer=answer,
                body=form.cleaned_data["body"],
                version=form.cleaned_data["version"],
            )
        except services.ConcurrentEdit:
            conflict = selectors.answer_get(answer.pk)
            form = forms.AnswerEditForm(with_version(request.POST, conflict.version))
            form.is_valid()
        except ValidationError as error:
            _add_errors(form, error, default_field="body")
        else:
            messages.success(
                request, _("La réponse est modifiée ; sa version précédente est conservée.")
            )
            return redirect(_detail_url(question, f"reponse-{answer.pk}"))
    return render(
        request,
        "tutoring/qa/post_edit.html",
        {
            "question": question,
            "answer": answer,
            "form": form,
            "conflict": conflict,
            "post_kind": "answer",
        },
    )


@require_GET
def question_history(request: HttpRequest, pk: int) -> HttpResponse:
    """Every earlier version of the question and of its answers."""
    question = _question(request, pk)
    revisions = list(question.revisions.select_related("edited_by"))
    answers = list(
        question.answers.filter(revisions__isnull=False)
        .distinct()
        .select_related("author")
        .prefetch_related("revisions__edited_by")
    )
    if not permissions.reads_everything(request.user):
        answers = [answer for answer in answers if not answer.hidden_at]
    return render(
        request,
        "tutoring/qa/question_history.html",
        {"question": question, "revisions": revisions, "answers": answers},
    )


POSTS = {"question": Question, "reponse": Answer, "commentaire": Comment}


@staff_page
@require_http_methods(["GET", "POST"])
def post_hide(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    if kind not in POSTS or not permissions.can_moderate(request.user):
        raise Http404 if kind not in POSTS else PermissionDenied
    post = get_object_or_404(POSTS[kind], pk=pk)
    question = post if isinstance(post, Question) else post.question
    form = forms.HideForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.post_hide(actor=request.user, post=post, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            _add_errors(form, error, default_field="reason")
        else:
            messages.success(request, _("Le message est masqué ; le motif est conservé."))
            return redirect(services.question_url(question))
    return render(
        request,
        "tutoring/qa/post_hide.html",
        {"question": question, "post": post, "kind": kind, "form": form},
    )


@require_http_methods(["GET", "POST"])
def scope_propose(request: HttpRequest, pk: int) -> HttpResponse:
    question = _question(request, pk)
    if not permissions.can_propose_scope(request.user, question):
        raise PermissionDenied
    form = forms.ScopeProposalForm(request.POST or None, current=question.scope)
    if request.method == "POST" and form.is_valid():
        try:
            services.scope_propose(
                actor=request.user,
                question=question,
                scope=form.cleaned_data["scope"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            _add_errors(form, error, default_field="scope")
        else:
            messages.success(
                request, _("La proposition est envoyée à la personne qui a posé la question.")
            )
            return redirect(services.question_url(question))
    return render(request, "tutoring/qa/scope_propose.html", {"question": question, "form": form})


@require_POST
def scope_decide(request: HttpRequest, pk: int, proposal_id: int) -> HttpResponse:
    question = _question(request, pk)
    proposal = get_object_or_404(ScopeProposal, pk=proposal_id, question=question)
    agree = request.POST.get("decision") == "agree"
    try:
        services.scope_decide(actor=request.user, proposal=proposal, agree=agree)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request,
            _("La visibilité de la question est élargie.")
            if agree
            else _("La visibilité de la question reste inchangée."),
        )
    return redirect(services.question_url(question))


@require_GET
def attachment_download(request: HttpRequest, pk: int) -> HttpResponse:
    attached = selectors.attachment_get(pk)
    if attached is None:
        raise Http404
    question = attached.question or attached.answer.question
    _question(request, question.pk)
    hidden = (attached.answer and attached.answer.hidden_at) or question.hidden_at
    if hidden and not permissions.reads_everything(request.user):
        raise Http404
    return private_file_response(
        attached.file, filename=attached.original_name, content_type=attached.content_type
    )


# --- Service levels of a season (Ansa) -------------------------------------------------------


@staff_page
@require_http_methods(["GET", "POST"])
def season_settings(request: HttpRequest, season: str) -> HttpResponse:
    if not permissions.can_moderate(request.user):
        raise PermissionDenied
    season = get_object_or_404(Season, slug=season)
    instance = services.tutoring_settings_for(season)
    form = forms.TutoringSettingsForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        services.tutoring_settings_save(actor=request.user, form=form)
        messages.success(request, _("Les délais du tutorat de la saison sont enregistrés."))
        return redirect(reverse("tutoring:season_settings", kwargs={"season": season.slug}))
    return render(
        request,
        "tutoring/qa/season_settings.html",
        {"season": season, "form": form, "open_statuses": QuestionStatus},
    )
