"""Ansa's and A.CO.R's side: the list of dossiers and its CSV export, a dossier with its review,
A.CO.R's opinion and its moves, the season's decisions, and the dossier PDF for the committee.

Only Ansa and A.CO.R's head of network come here: anyone else gets 403 before any dossier is
looked up, so nothing leaks. For them, an unknown reference or a draft never submitted is 404.
"""

from dataclasses import dataclass
from statistics import mean
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from candidacy import criteria, permissions, selectors, services
from candidacy.criteria import Criterion, QuestionKind
from candidacy.forms_staff import (
    DecisionForm,
    NotifyForm,
    OpinionForm,
    RequestInfoForm,
    ReviewForm,
    StaffFilterForm,
)
from candidacy.models import (
    AcorOpinion,
    Candidacy,
    CandidacyState,
    Evidence,
    Review,
    SignatureRequest,
)
from modules.models import Season
from portal.csv_export import csv_response, local_minute
from portal.security import staff_page

#: Spreadsheets run cells that start with these as formulas.
#: Moves made with one button from the dossier; asking for information needs a question.
BUTTON_MOVES = {
    "start_review": (_("Commencer l'instruction"), _("Le dossier est en cours d'instruction.")),
    "shortlist": (_("Présélectionner"), _("Le dossier est présélectionné.")),
}
MAX_SCORE = 3


def _check_reader(request: HttpRequest) -> None:
    if not permissions.is_staff_reader(request.user):
        raise PermissionDenied


def _dossier(request: HttpRequest, reference) -> Candidacy:
    try:
        candidacy = selectors.staff_candidacy_get(reference=reference)
    except Candidacy.DoesNotExist:
        raise Http404 from None
    if not permissions.can_view_as_staff(request.user, candidacy):
        raise Http404
    return candidacy


def _bound(form_class, request: HttpRequest, action: str, expected: str, **kwargs):
    data = request.POST if request.method == "POST" and action == expected else None
    return form_class(data, **kwargs)


# --- The list and its export ----------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    candidacy: Candidacy
    precheck: selectors.PrecheckOutcome
    review_count: int
    review_average: float | None
    max_score: int
    opinion: AcorOpinion | None


def _row(candidacy: Candidacy) -> Row:
    # Reviews come prefetched and the answers sit on the row: no query per dossier.
    totals = [review.total for review in candidacy.reviews.all()]
    return Row(
        candidacy=candidacy,
        precheck=selectors.precheck_outcome(candidacy.hypothesis, candidacy.answers),
        review_count=candidacy.review_count,
        review_average=round(mean(totals), 1) if totals else None,
        max_score=MAX_SCORE * len(criteria.criteria_for(candidacy.hypothesis)),
        opinion=selectors.acor_opinion_of(candidacy),
    )


def _listing(request: HttpRequest) -> dict:
    """The season, the filter form and the rows that `request.GET` asks for."""
    seasons = list(selectors.staff_seasons())
    by_slug = {season.slug: season for season in seasons}
    season = by_slug.get(request.GET.get("season", "")) or (seasons[0] if seasons else None)
    form = StaffFilterForm(
        request.GET or None,
        seasons=seasons,
        departements=selectors.staff_departements(season=season),
        initial={"season": season.slug if season else ""},
    )
    form.is_valid()
    filters = form.filters()
    rows = [
        _row(candidacy) for candidacy in selectors.staff_candidacies(season=season, filters=filters)
    ]
    if filters["precheck"]:
        rows = [row for row in rows if row.precheck == filters["precheck"]]
    return {"season": season, "seasons": seasons, "form": form, "filters": filters, "rows": rows}


def _querystring(season: Season | None, filters: dict) -> str:
    values = {"season": season.slug if season else "", **filters}
    return urlencode({key: value for key, value in values.items() if value})


@staff_page
@require_GET
def staff_list(request: HttpRequest) -> HttpResponse:
    _check_reader(request)
    listing = _listing(request)
    season = listing["season"]
    filters = listing["filters"]
    counts = selectors.season_selection_counts(season) if season else None
    filtered = any(filters[key] for key in ("state", "hypothesis", "departement", "precheck"))
    return render(
        request,
        "candidacy/staff/list.html",
        {
            **listing,
            "counts": counts,
            "filtered": filtered,
            "querystring": _querystring(season, filters),
            "sort": filters["sort"],
            "can_decide": permissions.can_decide(request.user),
        },
    )


@staff_page
@require_GET
def staff_export(request: HttpRequest) -> HttpResponse:
    _check_reader(request)
    listing = _listing(request)
    if listing["form"].errors:
        # Never export more than asked: show the errors on the list instead.
        return redirect(f"{reverse('candidacy:staff_list')}?{request.GET.urlencode()}")
    header = [
        _("Référence"),
        _("Saison"),
        _("Structure"),
        _("Territoire"),
        _("Hypothèse"),
        _("Collectivité prescriptrice"),
        _("Département"),
        _("État"),
        _("Déposée le"),
        _("Pré-contrôle"),
        _("Signatures recueillies"),
        _("Instructions"),
        _("Note moyenne"),
        _("Note maximale"),
        _("Avis d'A.CO.R"),
        _("Décision préparée"),
        _("Motif communiqué"),
    ]
    rows = []
    for row in listing["rows"]:
        candidacy = row.candidacy
        average = (
            formats.number_format(row.review_average, 1) if row.review_average is not None else ""
        )
        rows.append(
            (
                candidacy.short_reference,
                candidacy.season.name,
                candidacy.structure.name,
                candidacy.territory,
                candidacy.hypothesis,
                candidacy.prescriber_name,
                candidacy.departement,
                candidacy.get_state_display(),
                local_minute(candidacy.submitted_at),
                row.precheck.label,
                candidacy.signed_count,
                row.review_count,
                average,
                row.max_score,
                row.opinion.get_opinion_display() if row.opinion else "",
                candidacy.get_prepared_decision_display(),
                candidacy.decision_reason,
            )
        )
    season = listing["season"]
    name = f"candidatures-{season.slug if season else 'toutes'}-{timezone.localdate():%Y-%m-%d}"
    return csv_response(header, rows, filename=f"{name}.csv")


# --- One dossier -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Answer:
    label: str
    value: str
    is_text: bool


@dataclass(frozen=True)
class CriterionBlock:
    criterion: Criterion
    check: criteria.Check
    answers: list[Answer]
    evidence: list[tuple[str, Evidence]]


def _display(question: criteria.Question, value) -> str:
    if value is None:
        return ""
    if question.kind == QuestionKind.BOOLEAN:
        return _("Oui") if value else _("Non")
    if question.kind == QuestionKind.CHOICE:
        return str(dict(question.choices).get(value, value))
    if question.kind == QuestionKind.DATE:
        return formats.date_format(value, "j F Y")
    if question.kind in (QuestionKind.DECIMAL, QuestionKind.INTEGER):
        return formats.number_format(value)
    return value


def _criterion_blocks(candidacy: Candidacy) -> list[CriterionBlock]:
    evidence = list(candidacy.evidence.all())
    blocks = []
    for criterion, check in criteria.precheck(candidacy.hypothesis, candidacy.answers):
        answered = criteria.from_storage(criterion, candidacy.answers.get(criterion.code, {}))
        labels = {kind.key: kind.label for kind in criterion.evidence}
        blocks.append(
            CriterionBlock(
                criterion=criterion,
                check=check,
                answers=[
                    Answer(
                        label=question.label,
                        value=_display(question, answered.get(question.key)),
                        is_text=question.kind == QuestionKind.TEXT,
                    )
                    for question in criterion.questions
                ],
                evidence=[
                    (str(labels.get(item.kind, item.kind)), item)
                    for item in evidence
                    if item.criterion == criterion.code
                ],
            )
        )
    return blocks


@dataclass(frozen=True)
class Signature:
    request: SignatureRequest
    on_current_version: bool


@dataclass(frozen=True)
class ReviewView:
    review: Review
    total: int
    scores: list[tuple[Criterion, int | None, str]]


def _reviews(candidacy: Candidacy, codes: tuple[Criterion, ...]) -> list[ReviewView]:
    return [
        ReviewView(
            review=review,
            total=review.total,
            scores=[
                (
                    criterion,
                    review.scores.get(criterion.code, {}).get("score"),
                    review.scores.get(criterion.code, {}).get("comment", ""),
                )
                for criterion in codes
            ],
        )
        for review in candidacy.reviews.all()
    ]


def _dossier_context(candidacy: Candidacy) -> dict:
    """What the dossier page and its PDF both show."""
    current_hash = services.content_hash(candidacy)
    hypothesis_criteria = criteria.criteria_for(candidacy.hypothesis)
    reviews = _reviews(candidacy, hypothesis_criteria)
    return {
        "candidacy": candidacy,
        "blocks": _criterion_blocks(candidacy),
        "precheck": selectors.precheck_outcome(candidacy.hypothesis, candidacy.answers),
        "current_hash": current_hash,
        "signatures": [
            Signature(request=request, on_current_version=request.content_hash == current_hash)
            for request in candidacy.signatures.all()
        ],
        "history": list(candidacy.history.all()),
        "reviews": reviews,
        "criterion_averages": [
            (criterion, _average([view.scores[index][1] for view in reviews]))
            for index, criterion in enumerate(hypothesis_criteria)
        ],
        "max_score": MAX_SCORE * len(hypothesis_criteria),
        "opinion": selectors.acor_opinion_of(candidacy),
    }


def _average(values: list[int | None]) -> float | None:
    values = [value for value in values if value is not None]
    return round(mean(values), 1) if values else None


def _own_review(candidacy: Candidacy, user) -> Review | None:
    return next((r for r in candidacy.reviews.all() if r.reviewer_id == user.pk), None)


@staff_page
@require_http_methods(["GET", "POST"])
def staff_detail(request: HttpRequest, reference) -> HttpResponse:
    _check_reader(request)
    candidacy = _dossier(request, reference)
    user = request.user
    action = request.POST.get("action", "") if request.method == "POST" else ""
    criteria_list = criteria.criteria_for(candidacy.hypothesis)
    can_review = permissions.can_review(user, candidacy)
    can_opine = permissions.can_give_opinion(user, candidacy)
    can_decide = permissions.can_decide(user)
    opinion = selectors.acor_opinion_of(candidacy)
    review_form = (
        _bound(
            ReviewForm,
            request,
            action,
            "review",
            criteria=criteria_list,
            prefix="review",
            initial=ReviewForm.initial_from(_own_review(candidacy, user)),
        )
        if can_review
        else None
    )
    opinion_form = (
        _bound(
            OpinionForm,
            request,
            action,
            "opinion",
            prefix="opinion",
            initial={"opinion": opinion.opinion, "comment": opinion.comment} if opinion else {},
        )
        if can_opine
        else None
    )
    info_form = _bound(RequestInfoForm, request, action, "request_info", prefix="info")
    decision_form = _bound(
        DecisionForm,
        request,
        action,
        "decision",
        prefix="decision",
        initial={"decision": candidacy.prepared_decision, "reason": candidacy.decision_reason},
    )
    page_errors: list[str] = []

    if action:
        done = None
        try:
            if action == "review":
                if review_form is None:
                    raise PermissionDenied
                if review_form.is_valid():
                    services.review_save(
                        actor=user,
                        candidacy=candidacy,
                        scores=review_form.scores(),
                        recommendation=review_form.cleaned_data["recommendation"],
                        comment=review_form.cleaned_data["comment"],
                    )
                    done = _("Votre instruction est enregistrée.")
            elif action == "opinion":
                if opinion_form is None:
                    raise PermissionDenied
                if opinion_form.is_valid():
                    services.opinion_save(
                        actor=user, candidacy=candidacy, **opinion_form.cleaned_data
                    )
                    done = _("L'avis d'A.CO.R est enregistré.")
            elif action == "request_info":
                if not can_decide:
                    raise PermissionDenied
                if info_form.is_valid():
                    services.candidacy_move(
                        actor=user,
                        candidacy=candidacy,
                        move_name="request_info",
                        message=info_form.cleaned_data["message"],
                    )
                    done = _("La demande de complément est envoyée à la structure.")
            elif action in BUTTON_MOVES:
                services.candidacy_move(actor=user, candidacy=candidacy, move_name=action)
                done = BUTTON_MOVES[action][1]
            elif action == "decision":
                if not can_decide:
                    raise PermissionDenied
                if decision_form.is_valid():
                    services.decision_prepare(
                        actor=user, candidacy=candidacy, **decision_form.cleaned_data
                    )
                    done = (
                        _(
                            "La décision est préparée. Elle sera notifiée avec les autres depuis "
                            "la page des décisions de la saison."
                        )
                        if decision_form.cleaned_data["decision"]
                        else _("La décision préparée est retirée.")
                    )
            else:
                return HttpResponseBadRequest(_("Cette action n'existe pas."))
        except ValidationError as error:
            form = {
                "review": review_form,
                "opinion": opinion_form,
                "request_info": info_form,
                "decision": decision_form,
            }.get(action)
            if form is not None:
                form.add_error(None, error)
            else:
                page_errors += error.messages
        if done:
            messages.success(request, done)
            return redirect("candidacy:staff_detail", reference=candidacy.reference)

    moves = services.allowed_moves(user, candidacy)
    context = _dossier_context(candidacy)
    return render(
        request,
        "candidacy/staff/detail.html",
        {
            **context,
            "page_errors": page_errors,
            "review_form": review_form,
            "opinion_form": opinion_form,
            # A form refused because the dossier moved meanwhile stays, with its error.
            "info_form": info_form if "request_info" in moves or info_form.errors else None,
            "button_moves": [
                (name, BUTTON_MOVES[name][0]) for name in BUTTON_MOVES if name in moves
            ],
            "decision_form": decision_form
            if decision_form.errors
            or (
                can_decide
                and candidacy.decided_at is None
                and candidacy.state in (CandidacyState.UNDER_REVIEW, CandidacyState.SHORTLISTED)
            )
            else None,
        },
    )


# --- The season's decisions ------------------------------------------------------------------


@dataclass(frozen=True)
class DecisionRow:
    candidacy: Candidacy
    opinion: AcorOpinion | None
    title: str
    body: str


@staff_page
@require_http_methods(["GET", "POST"])
def decisions(request: HttpRequest, season: str) -> HttpResponse:
    if not permissions.can_decide(request.user):
        raise PermissionDenied
    season = get_object_or_404(Season, slug=season)  # the slug becomes the season
    form = NotifyForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        try:
            notified = services.decisions_notify(actor=request.user, season=season)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                translation.ngettext(
                    "%(count)s décision est notifiée à la structure concernée.",
                    "%(count)s décisions sont notifiées aux structures concernées.",
                    len(notified),
                )
                % {"count": len(notified)},
            )
            return redirect("candidacy:decisions", season=season.slug)
    pending, notified = [], []
    for candidacy in selectors.decision_candidacies(season=season):
        title = body = ""
        if candidacy.state in (CandidacyState.SELECTED, CandidacyState.NOT_SELECTED):
            target = notified
        else:
            target = pending
            if candidacy.prepared_decision:
                title, body = services.decision_message(candidacy, candidacy.prepared_decision)
        target.append(
            DecisionRow(
                candidacy=candidacy,
                opinion=selectors.acor_opinion_of(candidacy),
                title=title,
                body=body,
            )
        )
    counts = selectors.season_selection_counts(season)
    total = counts["selected"] + counts["prepared"]
    return render(
        request,
        "candidacy/staff/decisions.html",
        {
            "season": season,
            "form": form,
            "pending": pending,
            "notified": notified,
            "counts": counts,
            "total": total,
            "below_minimum": total < season.capacity_min,
            "problems": services.capacity_problems(season),
            "ready": [row for row in pending if row.candidacy.prepared_decision],
        },
    )


# --- The dossier PDF -------------------------------------------------------------------------


def render_dossier_pdf(candidacy: Candidacy) -> bytes:
    """The dossier for the selection committee: small, so built during the request."""
    from weasyprint import HTML

    with translation.override("fr"):
        html = render_to_string(
            "candidacy/pdf/dossier.html",
            {
                **_dossier_context(candidacy),
                "document_title": _("Dossier de candidature — %(structure)s")
                % {"structure": candidacy.structure.name},
                "generated_at": timezone.localtime(),
            },
        )
    return HTML(string=html, base_url=None).write_pdf(pdf_variant="pdf/ua-1")


@staff_page
@require_GET
def dossier_pdf(request: HttpRequest, reference) -> HttpResponse:
    _check_reader(request)
    candidacy = _dossier(request, reference)
    response = HttpResponse(render_dossier_pdf(candidacy), content_type="application/pdf")
    name = slugify(candidacy.structure.name) or "structure"
    filename = f"dossier-{name}-{candidacy.short_reference.lower()}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
