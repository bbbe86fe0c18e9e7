"""The applicant's pages: start a candidacy, fill it in step by step, gather signatures, submit.

Parse the request, call a selector or a service, render. A dossier answers 404 to anyone who
is not an active member of its structure (Ansa reads dossiers on its own pages), so neither its
existence nor its content leaks. Every form that changes the dossier carries the version it was
opened at: when someone else saved in between, the page says so and keeps what was typed.
"""

from dataclasses import dataclass, field

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from candidacy import criteria, permissions, selectors, services
from candidacy.criteria import (
    Criterion,
    Hypothesis,
    QuestionKind,
    SignatureAct,
    SignerRole,
    Status,
)
from candidacy.forms import (
    CriterionForm,
    DirectorForm,
    EvidenceForm,
    IdentityForm,
    SignerForm,
    StartForm,
    SubmitForm,
    VersionedForm,
    WithdrawForm,
    with_version,
)
from candidacy.models import Candidacy, CandidacyState, SignatureRequest, SignatureStatus
from modules.models import Season
from portal.files import private_file_response
from portal.forms import add_service_errors as _add_errors

MEGABYTE = 1024 * 1024


# --- Finding the dossier --------------------------------------------------------------------


def _applicant_candidacy(request: HttpRequest, reference) -> Candidacy:
    """The dossier, for the members of its structure only: anyone else gets a 404."""
    candidacy = selectors.candidacy_get(reference=reference)
    if candidacy is None or not permissions.can_view_as_applicant(request.user, candidacy):
        raise Http404
    return candidacy


def _readable_candidacy(request: HttpRequest, reference) -> Candidacy:
    """The dossier, for its applicants and for the staff who may read it."""
    candidacy = selectors.candidacy_get(reference=reference)
    if candidacy is None or not (
        permissions.can_view_as_applicant(request.user, candidacy)
        or permissions.can_view_as_staff(request.user, candidacy)
    ):
        raise Http404
    return candidacy


def _criterion_of(candidacy: Candidacy, code: str) -> Criterion:
    try:
        criterion = criteria.get_criterion(code)
    except KeyError:
        raise Http404 from None
    if criterion.hypothesis != candidacy.hypothesis:
        raise Http404
    return criterion


def _bound(form_class, request: HttpRequest, **kwargs):
    return form_class(request.POST if request.method == "POST" else None, **kwargs)


def _conflict(candidacy: Candidacy) -> dict:
    """What the page says when someone saved the dossier since this person opened it."""
    return {"version": candidacy.version, "updated_at": candidacy.updated_at}


def _fresh(candidacy: Candidacy) -> Candidacy:
    return selectors.candidacy_get(reference=candidacy.reference)


# --- The steps of a dossier -----------------------------------------------------------------


@dataclass
class Step:
    key: str
    title: str
    url: str
    #: A status slug for the mark and the style (`candidacy_tags.STATUS_ICONS`) and its words.
    status: str
    status_label: str
    reasons: tuple = ()
    number: int = 0


def _identity_complete(candidacy: Candidacy) -> bool:
    return bool(
        candidacy.territory
        and candidacy.departement
        and (candidacy.prescriber_name or candidacy.hypothesis != Hypothesis.A)
    )


def _steps(candidacy: Candidacy, results, missing_signatures) -> list[Step]:
    """Identity, one step per criterion with its pre-check, signatories, review and submission."""
    reference = candidacy.reference
    identity_done = _identity_complete(candidacy)
    steps = [
        Step(
            key="identity",
            title=_("Identité du dossier"),
            url=reverse("candidacy:identity", kwargs={"reference": reference}),
            status="met" if identity_done else "missing",
            status_label=str(Status.MET.label if identity_done else Status.MISSING.label),
        )
    ]
    for criterion, check in results:
        answered = bool(candidacy.answers.get(criterion.code))
        status, label = check.status.value, str(check.status.label)
        if check.status == Status.MISSING and not answered:
            status, label = "todo", _("Pas encore commencé")
        steps.append(
            Step(
                key=criterion.code,
                title=f"{criterion.code} · {criterion.title}",
                url=reverse(
                    "candidacy:criterion", kwargs={"reference": reference, "code": criterion.code}
                ),
                status=status,
                status_label=label,
                reasons=check.reasons,
            )
        )
    required = len(criteria.required_signatures(candidacy.hypothesis))
    signed = required - len(missing_signatures)
    steps.append(
        Step(
            key="signatories",
            title=_("Signataires"),
            url=reverse("candidacy:signatories", kwargs={"reference": reference}),
            status="done" if not missing_signatures else "todo",
            status_label=_("%(signed)s signature(s) sur %(required)s")
            % {"signed": signed, "required": required},
        )
    )
    submitted = candidacy.state not in (CandidacyState.DRAFT, CandidacyState.INFO_REQUESTED)
    steps.append(
        Step(
            key="review",
            title=_("Relecture et dépôt"),
            url=reverse("candidacy:review", kwargs={"reference": reference}),
            status="done" if submitted else "todo",
            status_label=str(candidacy.get_state_display()) if submitted else _("À faire"),
        )
    )
    for number, step in enumerate(steps, start=1):
        step.number = number
    return steps


def _dossier_context(candidacy: Candidacy, *, current: str) -> dict:
    """What every page of the dossier shows: its steps, its progress, what may be done."""
    results = criteria.precheck(candidacy.hypothesis, candidacy.answers)
    missing = services.missing_signatures(candidacy)
    steps = _steps(candidacy, results, missing)
    done = sum(step.status in ("met", "to_judge", "done") for step in steps[:-1])
    return {
        "candidacy": candidacy,
        "steps": steps,
        "current_step": current,
        "progress": {"done": done, "total": len(steps) - 1},
        "results": results,
        "missing_signatures": missing,
        "editable": candidacy.is_editable,
    }


def _next_step_url(candidacy: Candidacy, current: str) -> str:
    keys = ["identity", *(c.code for c in criteria.criteria_for(candidacy.hypothesis))]
    reference = candidacy.reference
    position = keys.index(current) + 1
    if position < len(keys):
        return reverse(
            "candidacy:criterion", kwargs={"reference": reference, "code": keys[position]}
        )
    return reverse("candidacy:signatories", kwargs={"reference": reference})


# --- Showing answers ------------------------------------------------------------------------


def _display(question, value) -> str:
    if value is None:
        return ""
    if question.kind == QuestionKind.BOOLEAN:
        return _("Oui") if value else _("Non")
    if question.kind == QuestionKind.CHOICE:
        return str(dict(question.choices).get(value, value))
    if question.kind == QuestionKind.DATE:
        return formats.date_format(value, "DATE_FORMAT")
    if question.kind == QuestionKind.DECIMAL:
        return formats.localize(int(value) if value == value.to_integral() else value)
    return str(value)


def _answer_rows(criterion: Criterion, stored: dict) -> list[dict]:
    answers = criteria.from_storage(criterion, stored)
    return [
        {
            "question": question,
            "value": _display(question, answers.get(question.key)),
            "is_text": question.kind == QuestionKind.TEXT,
        }
        for question in criterion.questions
    ]


def _with_kind_labels(evidence: list, criterion: Criterion) -> list:
    labels = {kind.key: kind.label for kind in criterion.evidence}
    for item in evidence:
        item.kind_label = labels.get(item.kind, item.kind)
    return evidence


def _evidence_by_criterion(candidacy: Candidacy) -> dict[str, list]:
    grouped: dict[str, list] = {}
    for evidence in candidacy.evidence.all():
        grouped.setdefault(evidence.criterion, []).append(evidence)
    return grouped


def _dossier_sections(candidacy: Candidacy, results) -> list[dict]:
    """The whole dossier, criterion by criterion, read-only."""
    evidence = _evidence_by_criterion(candidacy)
    return [
        {
            "criterion": criterion,
            "check": check,
            "rows": _answer_rows(criterion, candidacy.answers.get(criterion.code, {})),
            "evidence": _with_kind_labels(evidence.get(criterion.code, []), criterion),
        }
        for criterion, check in results
    ]


# --- My candidacies -------------------------------------------------------------------------


@require_GET
def my_candidacies(request: HttpRequest) -> HttpResponse:
    rows = []
    for candidacy in selectors.candidacies_of(request.user).order_by("-created_at"):
        results = criteria.precheck(candidacy.hypothesis, candidacy.answers)
        done = sum(check.status in (Status.MET, Status.TO_JUDGE) for _c, check in results)
        rows.append({"candidacy": candidacy, "done": done, "total": len(results)})
    return render(
        request,
        "candidacy/applicant/mine.html",
        {"rows": rows, "open_seasons": list(selectors.open_seasons())},
    )


# --- Starting a candidacy -------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def start(request: HttpRequest, season: str) -> HttpResponse:
    season = get_object_or_404(Season, slug=season)
    existing = [
        candidacy
        for candidacy in selectors.candidacies_of(request.user).filter(season=season)
        if candidacy.state != CandidacyState.WITHDRAWN
    ]
    context = {
        "season": season,
        "existing": existing,
        "call_open": season.call_is_open(),
        "call_upcoming": season.call_not_yet_open(),
        "form": None,
        "criteria_by_hypothesis": [
            (hypothesis, criteria.criteria_for(hypothesis)) for hypothesis in Hypothesis
        ],
    }
    if not context["call_open"]:
        return render(request, "candidacy/applicant/start.html", context)
    form = _bound(
        StartForm, request, structures=selectors.structures_to_apply_for(request.user, season)
    )
    if form.is_bound and form.is_valid():
        structure = form.chosen_structure()
        try:
            if structure is None:
                candidacy = services.candidacy_start_with_new_structure(
                    actor=request.user,
                    season=season,
                    structure=form.new_structure_data(),
                    member_role=form.cleaned_data["member_role"],
                    **form.identity_data(),
                )
            else:
                candidacy = services.candidacy_start(
                    actor=request.user, season=season, structure=structure, **form.identity_data()
                )
        except ValidationError as error:
            _add_errors(form, error)
        except PermissionDenied:
            form.add_error("structure", _("Vous ne faites plus partie de cette structure."))
        else:
            messages.success(
                request,
                _(
                    "Votre candidature est ouverte. Complétez-la à votre rythme : tout est "
                    "enregistré à chaque étape."
                ),
            )
            return redirect("candidacy:detail", reference=candidacy.reference)
    context["form"] = form
    return render(request, "candidacy/applicant/start.html", context)


# --- The dossier's home ---------------------------------------------------------------------


@require_GET
def detail(request: HttpRequest, reference) -> HttpResponse:
    candidacy = _applicant_candidacy(request, reference)
    context = _dossier_context(candidacy, current="")
    history = list(
        candidacy.history.filter(visible_to_applicant=True)
        .select_related("actor")
        .order_by("at", "pk")
    )
    info_request = next(
        (step for step in reversed(history) if step.to_state == CandidacyState.INFO_REQUESTED),
        None,
    )
    moves = services.allowed_moves(request.user, candidacy)
    context.update(
        {
            "history": history,
            "info_request": info_request,
            "answer_form": SubmitForm(needs_answer=True, initial={"version": candidacy.version})
            if candidacy.state == CandidacyState.INFO_REQUESTED
            else None,
            "can_withdraw": "withdraw" in moves,
            "can_invite_director": permissions.can_invite_agreement_signer(request.user, candidacy),
        }
    )
    return render(request, "candidacy/applicant/detail.html", context)


# --- Identity -------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def identity(request: HttpRequest, reference) -> HttpResponse:
    candidacy = _applicant_candidacy(request, reference)
    conflict = None
    form = None
    if candidacy.is_editable:
        form = IdentityForm(
            request.POST if request.method == "POST" else None,
            candidacy=candidacy,
            initial={
                "version": candidacy.version,
                "territory": candidacy.territory,
                "departement": candidacy.departement,
                "prescriber_name": candidacy.prescriber_name,
                "needs": candidacy.needs,
            },
        )
        if form.is_bound and form.is_valid():
            try:
                services.candidacy_update_identity(
                    actor=request.user,
                    candidacy=candidacy,
                    version=form.cleaned_data["version"],
                    data=form.cleaned_data,
                )
            except services.ConcurrentEdit:
                candidacy = _fresh(candidacy)
                conflict = _conflict(candidacy)
                form = IdentityForm(
                    with_version(request.POST, candidacy.version), candidacy=candidacy
                )
                form.is_valid()
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(request, _("L'identité du dossier est enregistrée."))
                if "continue" in request.POST:
                    return redirect(_next_step_url(candidacy, "identity"))
                return redirect("candidacy:identity", reference=candidacy.reference)
    context = _dossier_context(candidacy, current="identity")
    context.update(
        {
            "form": form,
            "conflict": conflict,
            "saved_rows": [
                {"label": _("Territoire concerné"), "value": candidacy.territory},
                {"label": _("Département du territoire"), "value": candidacy.departement},
                {"label": _("Collectivité prescriptrice"), "value": candidacy.prescriber_name},
                {"label": _("Vos besoins et vos difficultés"), "value": candidacy.needs},
            ],
        }
    )
    return render(request, "candidacy/applicant/identity.html", context)


# --- One criterion --------------------------------------------------------------------------


def _criterion_url(candidacy: Candidacy, criterion: Criterion) -> str:
    return reverse(
        "candidacy:criterion", kwargs={"reference": candidacy.reference, "code": criterion.code}
    )


@dataclass
class CriterionPage:
    """The two forms of a criterion's page and what happened to them in this request."""

    candidacy: Candidacy
    criterion: Criterion
    max_megabytes: int
    form: CriterionForm | None = None
    evidence_form: EvidenceForm | None = None
    conflict: dict | None = None

    def blank_forms(self, *, evidence_kind: str = "") -> None:
        candidacy, criterion = self.candidacy, self.criterion
        self.form = CriterionForm(
            criterion=criterion, initial=CriterionForm.initial_for(candidacy, criterion)
        )
        initial = {"version": candidacy.version}
        if evidence_kind:
            initial["kind"] = evidence_kind
        self.evidence_form = EvidenceForm(
            criterion=criterion, max_megabytes=self.max_megabytes, initial=initial
        )

    def someone_saved(self) -> None:
        self.candidacy = _fresh(self.candidacy)
        self.conflict = _conflict(self.candidacy)


def _save_answers(request: HttpRequest, page: CriterionPage) -> HttpResponse | None:
    candidacy, criterion = page.candidacy, page.criterion
    page.form = CriterionForm(request.POST, criterion=criterion)
    if not page.form.is_valid():
        return None
    try:
        saved = services.candidacy_save_answers(
            actor=request.user,
            candidacy=candidacy,
            version=page.form.cleaned_data["version"],
            code=criterion.code,
            cleaned=page.form.answers(),
        )
    except services.ConcurrentEdit:
        page.someone_saved()
        page.form = CriterionForm(
            with_version(request.POST, page.candidacy.version), criterion=criterion
        )
        page.form.is_valid()
        return None
    except ValidationError as error:
        _add_errors(page.form, error)
        return None
    check = criterion.check(saved.answers.get(criterion.code, {}))
    messages.success(
        request,
        _("Vos réponses au critère %(code)s sont enregistrées. Pré-vérification : %(status)s.")
        % {"code": criterion.code, "status": check.status.label},
    )
    if "continue" in request.POST:
        return redirect(_next_step_url(saved, criterion.code))
    return redirect(_criterion_url(saved, criterion))


def _upload_evidence(request: HttpRequest, page: CriterionPage) -> HttpResponse | None:
    candidacy, criterion = page.candidacy, page.criterion
    page.evidence_form = EvidenceForm(
        request.POST, request.FILES, criterion=criterion, max_megabytes=page.max_megabytes
    )
    if not page.evidence_form.is_valid():
        return None
    try:
        evidence = services.evidence_add(
            actor=request.user,
            candidacy=candidacy,
            version=page.evidence_form.cleaned_data["version"],
            code=criterion.code,
            kind=page.evidence_form.cleaned_data["kind"],
            uploaded=page.evidence_form.cleaned_data["file"],
        )
    except services.ConcurrentEdit:
        kind = page.evidence_form.cleaned_data["kind"]
        page.someone_saved()
        # A browser never refills a file input: the person chooses the file again.
        page.blank_forms(evidence_kind=kind)
        return None
    except ValidationError as error:
        _add_errors(page.evidence_form, error, default_field="file")
        return None
    messages.success(
        request,
        _("La pièce « %(name)s » est ajoutée au dossier.") % {"name": evidence.original_name},
    )
    return redirect(_criterion_url(candidacy, criterion) + "#pieces")


@require_http_methods(["GET", "POST"])
def criterion(request: HttpRequest, reference, code: str) -> HttpResponse:
    candidacy = _applicant_candidacy(request, reference)
    criterion = _criterion_of(candidacy, code)
    page = CriterionPage(
        candidacy=candidacy,
        criterion=criterion,
        max_megabytes=services.MAX_EVIDENCE_BYTES // MEGABYTE,
    )
    if candidacy.is_editable:
        page.blank_forms()
        if request.method == "POST":
            act = _upload_evidence if request.POST.get("action") == "upload" else _save_answers
            response = act(request, page)
            if response is not None:
                return response
    elif request.method == "POST":
        messages.error(request, _("Cette candidature ne peut plus être modifiée."))
        return redirect(_criterion_url(candidacy, criterion))
    candidacy = page.candidacy
    stored = candidacy.answers.get(criterion.code, {})
    rows = _answer_rows(criterion, stored)
    context = _dossier_context(candidacy, current=criterion.code)
    context.update(
        {
            "criterion": criterion,
            "check": criterion.check(stored),
            "form": page.form,
            "evidence_form": page.evidence_form,
            "evidence": _with_kind_labels(
                list(candidacy.evidence.filter(criterion=criterion.code)), criterion
            ),
            "rows": rows,
            "saved_rows": [{"label": row["question"].label, "value": row["value"]} for row in rows],
            "conflict": page.conflict,
        }
    )
    return render(request, "candidacy/applicant/criterion.html", context)


# --- Evidence -------------------------------------------------------------------------------


@require_GET
def evidence_file(request: HttpRequest, reference, evidence_id: int) -> HttpResponse:
    """The private file, as an attachment, to the applicants and the staff who may read it."""
    candidacy = _readable_candidacy(request, reference)
    evidence = candidacy.evidence.filter(pk=evidence_id).first()
    if evidence is None:
        raise Http404
    return private_file_response(
        evidence.file, filename=evidence.original_name, content_type=evidence.content_type
    )


@require_POST
def evidence_delete(request: HttpRequest, reference, evidence_id: int) -> HttpResponse:
    candidacy = _applicant_candidacy(request, reference)
    evidence = candidacy.evidence.filter(pk=evidence_id).first()
    if evidence is None:
        raise Http404
    evidence.candidacy = candidacy
    form = VersionedForm(request.POST)
    target = reverse(
        "candidacy:criterion", kwargs={"reference": candidacy.reference, "code": evidence.criterion}
    )
    if not form.is_valid():
        messages.error(request, _("La demande est incomplète : rechargez la page et recommencez."))
        return redirect(target)
    try:
        services.evidence_remove(
            actor=request.user, evidence=evidence, version=form.cleaned_data["version"]
        )
    except services.ConcurrentEdit:
        messages.error(
            request,
            _(
                "Quelqu'un a modifié la candidature depuis que vous avez ouvert cette page : la "
                "pièce n'a pas été supprimée. Vérifiez la liste ci-dessous, puis recommencez si "
                "besoin."
            ),
        )
    except (ValidationError, PermissionDenied):
        messages.error(request, _("Cette candidature ne peut plus être modifiée."))
    else:
        messages.success(
            request,
            _("La pièce « %(name)s » est retirée du dossier.") % {"name": evidence.original_name},
        )
    return redirect(target + "#pieces")


# --- Signatories ----------------------------------------------------------------------------


@dataclass
class SignatureLine:
    act: str
    role: str
    request: SignatureRequest | None
    form: SignerForm | None = None
    #: The request is signed, and on the dossier as it is now.
    on_current_version: bool = False
    history: list = field(default_factory=list)

    @property
    def act_label(self) -> str:
        return SignatureAct(self.act).label

    @property
    def role_label(self) -> str:
        return SignerRole(self.role).label

    @property
    def key(self) -> str:
        return f"{self.act}-{self.role}"


def _default_organisation(candidacy: Candidacy, role: str) -> str:
    if role == SignerRole.PRESCRIBER:
        return candidacy.prescriber_name
    return candidacy.structure.name


def _signature_lines(candidacy: Candidacy, *, current_hash: str) -> list[SignatureLine]:
    requests = list(candidacy.signatures.order_by("-sent_at", "-pk"))
    lines = []
    for act, role in criteria.required_signatures(candidacy.hypothesis):
        mine = [r for r in requests if r.act == act and r.signer_role == role]
        latest = mine[0] if mine else None
        lines.append(
            SignatureLine(
                act=act,
                role=role,
                request=latest,
                on_current_version=bool(
                    latest
                    and latest.status == SignatureStatus.SIGNED
                    and latest.content_hash == current_hash
                ),
                history=mine[1:],
            )
        )
    return lines


@require_http_methods(["GET", "POST"])
def signatories(request: HttpRequest, reference) -> HttpResponse:
    candidacy = _applicant_candidacy(request, reference)
    lines = _signature_lines(candidacy, current_hash=services.content_hash(candidacy))
    posted = request.POST.get("signer") if request.method == "POST" else None
    if posted is not None and posted not in {line.key for line in lines}:
        raise Http404
    for line in lines:
        if not candidacy.is_editable or line.on_current_version:
            continue
        pending = line.request if line.request and line.request.status == "pending" else None
        initial = {
            "full_name": pending.full_name if pending else "",
            "email": pending.email if pending else "",
            "organisation": pending.organisation
            if pending
            else _default_organisation(candidacy, line.role),
        }
        data = request.POST if posted == line.key else None
        line.form = SignerForm(data, prefix=line.key, initial=initial)
        if data is None or not line.form.is_valid():
            continue
        try:
            invited = services.signature_invite(
                actor=request.user,
                candidacy=candidacy,
                act=line.act,
                signer_role=line.role,
                **line.form.cleaned_data,
            )
        except ValidationError as error:
            _add_errors(line.form, error)
        except PermissionDenied:
            line.form.add_error(None, _("Cette candidature ne peut plus être modifiée."))
        else:
            messages.success(
                request,
                _(
                    "L'invitation à signer est envoyée à %(email)s. Un lien envoyé auparavant pour "
                    "la même signature ne fonctionne plus."
                )
                % {"email": invited.email},
            )
            return redirect("candidacy:signatories", reference=candidacy.reference)
    context = _dossier_context(candidacy, current="signatories")
    context["lines"] = lines
    return render(request, "candidacy/applicant/signatories.html", context)


# --- Review and submission ------------------------------------------------------------------


def _render_review(
    request: HttpRequest, candidacy: Candidacy, *, form=None, conflict=None
) -> HttpResponse:
    context = _dossier_context(candidacy, current="review")
    needs_answer = candidacy.state == CandidacyState.INFO_REQUESTED
    if form is None and candidacy.is_editable:
        form = SubmitForm(needs_answer=needs_answer, initial={"version": candidacy.version})
    info_request = None
    if needs_answer:
        info_request = (
            candidacy.history.filter(
                to_state=CandidacyState.INFO_REQUESTED, visible_to_applicant=True
            )
            .order_by("-at", "-pk")
            .first()
        )
    context.update(
        {
            "sections": _dossier_sections(candidacy, context["results"]),
            "blockers": services.submission_blockers(candidacy) if candidacy.is_editable else [],
            "form": form,
            "conflict": conflict,
            "info_request": info_request,
        }
    )
    return render(request, "candidacy/applicant/review.html", context)


@require_GET
def review(request: HttpRequest, reference) -> HttpResponse:
    return _render_review(request, _applicant_candidacy(request, reference))


@require_POST
def submit(request: HttpRequest, reference) -> HttpResponse:
    candidacy = _applicant_candidacy(request, reference)
    needs_answer = candidacy.state == CandidacyState.INFO_REQUESTED
    form = SubmitForm(request.POST, needs_answer=needs_answer)
    conflict = None
    if form.is_valid():
        try:
            submitted = services.candidacy_submit(
                actor=request.user,
                candidacy=candidacy,
                version=form.cleaned_data["version"],
                answer=form.cleaned_data.get("answer", ""),
            )
        except services.ConcurrentEdit:
            candidacy = _fresh(candidacy)
            conflict = _conflict(candidacy)
            form = SubmitForm(
                with_version(request.POST, candidacy.version), needs_answer=needs_answer
            )
            form.is_valid()
        except ValidationError as error:
            _add_errors(form, error)
        else:
            if needs_answer:
                done = _("Votre réponse est envoyée à Ansa avec le dossier complété.")
            else:
                done = _(
                    "Votre candidature est déposée. Ansa vous écrira ici et par courriel à "
                    "chaque étape de l'instruction."
                )
            messages.success(request, done)
            return redirect("candidacy:detail", reference=submitted.reference)
    return _render_review(request, candidacy, form=form, conflict=conflict)


# --- Withdrawal -----------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def withdraw(request: HttpRequest, reference) -> HttpResponse:
    candidacy = _applicant_candidacy(request, reference)
    allowed = "withdraw" in services.allowed_moves(request.user, candidacy)
    form = _bound(WithdrawForm, request) if allowed else None
    if form is not None and form.is_bound and form.is_valid():
        delete_data = form.cleaned_data["delete_data"]
        try:
            services.candidacy_withdraw(
                actor=request.user,
                candidacy=candidacy,
                reason=form.cleaned_data["reason"],
                delete_data=delete_data,
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            if delete_data:
                messages.success(
                    request,
                    _("La candidature est retirée et ses données sont effacées."),
                )
                return redirect("candidacy:mine")
            messages.success(request, _("La candidature est retirée."))
            return redirect("candidacy:detail", reference=candidacy.reference)
    return render(
        request,
        "candidacy/applicant/withdraw.html",
        {"candidacy": candidacy, "form": form, "allowed": allowed},
    )


# --- Participation agreement ----------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def agreement_invite(request: HttpRequest, reference) -> HttpResponse:
    """Once selected, the applicant names the directeur général who signs the agreement."""
    candidacy = _applicant_candidacy(request, reference)
    requests = list(
        candidacy.signatures.filter(act=SignatureAct.AGREEMENT).order_by("-sent_at", "-pk")
    )
    latest = requests[0] if requests else None
    signed = latest is not None and latest.status == SignatureStatus.SIGNED
    can_invite = permissions.can_invite_agreement_signer(request.user, candidacy) and not signed
    form = None
    if can_invite:
        pending = latest if latest and latest.status == SignatureStatus.PENDING else None
        form = _bound(
            DirectorForm,
            request,
            initial={
                "full_name": pending.full_name if pending else "",
                "email": pending.email if pending else "",
            },
        )
        if form.is_bound and form.is_valid():
            try:
                invited = services.signature_invite(
                    actor=request.user,
                    candidacy=candidacy,
                    act=SignatureAct.AGREEMENT,
                    signer_role=SignerRole.DIRECTOR_GENERAL,
                    full_name=form.cleaned_data["full_name"],
                    email=form.cleaned_data["email"],
                    organisation=candidacy.structure.name,
                )
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(
                    request,
                    _("La convention de participation est envoyée à %(email)s pour signature.")
                    % {"email": invited.email},
                )
                return redirect("candidacy:agreement_invite", reference=candidacy.reference)
    elif request.method == "POST":
        raise PermissionDenied
    return render(
        request,
        "candidacy/applicant/agreement.html",
        {
            "candidacy": candidacy,
            "form": form,
            "latest": latest,
            "previous": requests[1:],
            "signed": signed,
            "selected": candidacy.state == CandidacyState.SELECTED,
        },
    )


# --- Verification of the signatures ---------------------------------------------------------


@require_GET
def verification(request: HttpRequest, reference) -> HttpResponse:
    """Who signed which version: every request, its fingerprint, and whether it is current."""
    candidacy = _readable_candidacy(request, reference)
    current_hash = services.content_hash(candidacy)
    requests = list(
        candidacy.signatures.select_related("signed_by").order_by("act", "signer_role", "sent_at")
    )
    rows = []
    for signature in requests:
        if not signature.content_hash:
            match = None
        elif signature.act == SignatureAct.AGREEMENT:
            match = "agreement"
        elif signature.content_hash == current_hash:
            match = "current"
        else:
            match = "outdated"
        rows.append({"signature": signature, "match": match})
    return render(
        request,
        "candidacy/applicant/verification.html",
        {
            "candidacy": candidacy,
            "rows": rows,
            "current_hash": current_hash,
            "is_applicant": permissions.can_view_as_applicant(request.user, candidacy),
        },
    )
