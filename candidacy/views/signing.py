"""The signers' personal link: read the frozen dossier, then sign or decline it.

A signer reaches a candidacy only through the link of their invitation e-mail. The link says
nothing until its holder is logged in with the invited address; then it shows exactly the
version they sign (its SHA-256 fingerprint included) and refuses a signature if the dossier
changed while they were reading. The directeur général's link leads to the participation
agreement instead, where they name the referent and the other participants.
"""

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from candidacy import criteria, permissions, services
from candidacy.criteria import Hypothesis, QuestionKind, SignatureAct, SignerRole
from candidacy.forms_signing import AgreementForm, DeclineForm, SignForm
from candidacy.models import SignatureRequest, SignatureStatus
from modules.models import MAX_PEOPLE_PER_STRUCTURE, SeasonRole
from portal.models import Membership

#: How a signature is given, recorded with it (a record, so always in French).
SIGNATURE_METHOD = (
    "Signature électronique simple\u00a0: compte Essaim authentifié, case de consentement"
)

#: HTTP status of the page explaining why a link cannot be used (now).
REFUSAL_STATUS = {
    "wrong_account": 403,
    SignatureStatus.SIGNED.value: 410,
    SignatureStatus.DECLINED.value: 410,
    SignatureStatus.VOIDED.value: 410,
    SignatureStatus.REVOKED.value: 410,
    "frozen": 409,
    "not_selected": 409,
}


@login_not_required
@never_cache
@require_http_methods(["GET", "POST"])
def sign(request: HttpRequest, token: str) -> HttpResponse:
    signature = services.signature_from_token(token)
    if signature is None:
        return render(request, "candidacy/signing/invalid.html", status=404)
    user = request.user
    if not user.is_authenticated:
        if request.method == "POST":
            return redirect_to_login(request.path)
        if signature.status != SignatureStatus.PENDING:
            return _unavailable(request, signature, signature.status)
        return _anonymous(request, signature)
    refusal = services.signature_refusal(signature, user)
    if refusal in (SignatureStatus.SIGNED, SignatureStatus.DECLINED) and (
        signature.signed_by_id == user.pk
    ):
        return _answered(request, signature)
    if refusal is not None:
        return _unavailable(request, signature, refusal)
    if signature.act == SignatureAct.AGREEMENT:
        return _agreement(request, signature)
    return _candidacy_act(request, signature)


# Before anything is shown


def _anonymous(request: HttpRequest, signature: SignatureRequest) -> HttpResponse:
    """Who asks whom to sign what; the dossier itself waits for the right account."""
    next_query = urlencode({"next": request.path})
    return render(
        request,
        "candidacy/signing/anonymous.html",
        {
            **_facts(signature),
            "login_url": f"{reverse('account_login')}?{next_query}",
            "signup_url": f"{reverse('account_signup')}?{next_query}",
        },
    )


def _unavailable(request: HttpRequest, signature: SignatureRequest, reason: str) -> HttpResponse:
    return render(
        request,
        "candidacy/signing/unavailable.html",
        {**_facts(signature), "reason": reason},
        status=REFUSAL_STATUS[reason],
    )


def _answered(request: HttpRequest, signature: SignatureRequest) -> HttpResponse:
    """What the signer did with this link: the facts of their signature, or of their refusal."""
    candidacy = signature.candidacy
    context = {
        **_facts(signature),
        "verification_url": "",
        "people": [],
    }
    if signature.status == SignatureStatus.SIGNED:
        if signature.act == SignatureAct.AGREEMENT:
            context["people"] = _agreement_people(signature)
        elif permissions.is_applicant(request.user, candidacy):
            context["verification_url"] = reverse(
                "candidacy:verification", kwargs={"reference": candidacy.reference}
            )
    return render(request, "candidacy/signing/done.html", context)


def _facts(signature: SignatureRequest) -> dict:
    candidacy = signature.candidacy
    return {
        "signature": signature,
        "structure": candidacy.structure,
        "season": candidacy.season,
        # « la candidature », « l'engagement territorial »…: the same words as the e-mails.
        "act_phrase": render_to_string(
            "candidacy/signing/act_phrase.html", {"act": signature.act}
        ).strip(),
        "role_phrase": _role_phrase(signature.signer_role),
        "masked_email": mask_email(signature.email),
    }


def _role_phrase(role: str) -> str:
    label = str(SignerRole(role).label)
    return label[:1].lower() + label[1:]


def mask_email(email: str) -> str:
    """« p***@ville.fr »: enough to recognise one's own address, not to learn someone's."""
    local, _at, domain = email.partition("@")
    return f"{local[:1]}***@{domain}" if domain else "***"


# The candidacy and the territorial commitment: sign the frozen version, or decline


def _candidacy_act(request: HttpRequest, signature: SignatureRequest) -> HttpResponse:
    user = request.user
    action = request.POST.get("action") if request.method == "POST" else None
    role = _role_phrase(signature.signer_role)
    sign_form = SignForm(request.POST if action == "sign" else None, role_label=role)
    decline_form = DeclineForm(request.POST if action == "decline" else None)
    changed = False
    if action == "sign" and sign_form.is_valid():
        try:
            services.signature_sign(
                user=user,
                request=signature,
                seen_hash=sign_form.cleaned_data["seen_hash"],
                method=SIGNATURE_METHOD,
            )
        except services.ConcurrentEdit:
            changed = True
            sign_form = SignForm(role_label=role)  # the new version must be read and ticked anew
        except PermissionDenied:
            return _refused_meanwhile(request, signature)
        else:
            return redirect(request.path)  # the page now shows what was recorded
    elif action == "decline" and decline_form.is_valid():
        response = _decline(request, signature, decline_form)
        if response is not None:
            return response
    data = services.snapshot(signature.candidacy)
    digest = services.hash_snapshot(data)
    posted_hash = request.POST.get("seen_hash", "") if action == "sign" else ""
    if posted_hash and posted_hash != digest:
        changed = True  # also when the box was left unticked on a version changed since
    return render(
        request,
        "candidacy/signing/sign.html",
        {
            **_facts(signature),
            "dossier": snapshot_display(data),
            "digest": digest,
            "sign_form": sign_form,
            "decline_form": decline_form,
            "changed": changed,
            "error_form": _with_errors(sign_form, decline_form),
        },
        status=409 if changed else 200,
    )


def _with_errors(*forms):
    """The form whose errors the summary at the top of the page lists (one is posted at a time)."""
    return next((form for form in forms if form.errors), None)


def _decline(
    request: HttpRequest, signature: SignatureRequest, form: DeclineForm
) -> HttpResponse | None:
    """Record the refusal and leave the page, or put the service's objection on the form."""
    try:
        services.signature_decline(
            user=request.user, request=signature, reason=form.cleaned_data["reason"]
        )
    except ValidationError as error:
        form.add_error(None, error)
        return None
    except PermissionDenied:
        return _refused_meanwhile(request, signature)
    return redirect(request.path)


def _refused_meanwhile(request: HttpRequest, signature: SignatureRequest) -> HttpResponse:
    """The request changed between the page and the click (revoked, signed, submitted…)."""
    signature.refresh_from_db()
    signature.candidacy.refresh_from_db()
    refusal = services.signature_refusal(signature, request.user) or "frozen"
    return _unavailable(request, signature, refusal)


def snapshot_display(data: dict) -> dict:
    """A signed snapshot as a reader sees it: labels of questions and choices, French values."""
    hypothesis = Hypothesis(data["hypothesis"])
    evidence = data.get("evidence", [])
    sections = []
    for criterion in criteria.criteria_for(hypothesis):
        answers = criteria.from_storage(criterion, data.get("answers", {}).get(criterion.code, {}))
        kinds = {kind.key: kind.label for kind in criterion.evidence}
        sections.append(
            {
                "code": criterion.code,
                "title": criterion.title,
                "answers": [
                    {
                        "label": question.label,
                        "value": _display_answer(question, answers.get(question.key)),
                        "answered": question.key in answers,
                        "long": question.kind == QuestionKind.TEXT,
                    }
                    for question in criterion.questions
                ],
                "evidence": [
                    {**item, "kind_label": kinds.get(item["kind"], item["kind"])}
                    for item in evidence
                    if item["criterion"] == criterion.code
                ],
            }
        )
    return {
        "reference": data["reference"],
        "season": data["season"],
        "structure": data["structure"],
        "hypothesis": hypothesis.label,
        "is_a": hypothesis == Hypothesis.A,
        "prescriber_name": data.get("prescriber_name", ""),
        "territory": data.get("territory", ""),
        "departement": data.get("departement", ""),
        "needs": data.get("needs", ""),
        "sections": sections,
        "evidence_count": len(evidence),
    }


def _display_answer(question: criteria.Question, value) -> str:
    if value is None:
        return _("Sans réponse")
    if question.kind == QuestionKind.BOOLEAN:
        return _("Oui") if value else _("Non")
    if question.kind == QuestionKind.DATE:
        return formats.date_format(value, "j F Y")
    if question.kind == QuestionKind.CHOICE:
        return str(dict(question.choices).get(value, value))
    if question.kind in (QuestionKind.DECIMAL, QuestionKind.INTEGER):
        return formats.localize(value, use_l10n=True)
    return value


# The participation agreement: the directeur général names the people, then signs


def _agreement(request: HttpRequest, signature: SignatureRequest) -> HttpResponse:
    user = request.user
    candidacy = signature.candidacy
    action = request.POST.get("action") if request.method == "POST" else None
    memberships = list(
        Membership.objects.active()
        .filter(structure=candidacy.structure, user__is_active=True)
        .select_related("user")
        .order_by("user__last_name", "user__first_name", "pk")
    )
    form = AgreementForm(
        request.POST if action == "agree" else None,
        memberships=memberships,
        director=user,
        structure_name=candidacy.structure.name,
    )
    decline_form = DeclineForm(request.POST if action == "decline" else None)
    if action == "agree" and form.is_valid():
        try:
            services.agreement_sign(
                user=user,
                request=signature,
                referent=form.cleaned_data["referent"],
                participants=form.cleaned_data["participants"],
                method=SIGNATURE_METHOD,
            )
        except ValidationError as error:
            form.add_error(None, error)
        except PermissionDenied:
            return _refused_meanwhile(request, signature)
        else:
            return redirect(request.path)
    elif action == "decline" and decline_form.is_valid():
        response = _decline(request, signature, decline_form)
        if response is not None:
            return response
    return render(
        request,
        "candidacy/signing/agreement.html",
        {
            **_facts(signature),
            "form": form,
            "decline_form": decline_form,
            "has_members": bool(memberships),
            "max_people": MAX_PEOPLE_PER_STRUCTURE,
            "error_form": _with_errors(form, decline_form),
        },
    )


def _agreement_people(signature: SignatureRequest) -> list[dict]:
    """The people the signed agreement names, referent first, as it was signed."""
    agreement = getattr(signature, "agreement", None)
    people = agreement.people if agreement is not None else []
    return [{**person, "role_label": SeasonRole(person["role"]).label} for person in people]
