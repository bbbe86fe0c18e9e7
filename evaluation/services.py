"""Changing the evaluation: catalogue, schedules, reports and their review, fidelity, label.

Each service checks permission, validates, writes in one transaction, records the step (report
history, audit log) and notifies after commit.
"""

import uuid
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from curriculum.models import Principle
from evaluation import checks, permissions
from evaluation.enums import (
    OPEN_STATUSES,
    FidelityLevel,
    LabelAction,
    LabelState,
    Milestone,
    ReportEventKind,
    ReportSource,
    ReportStatus,
    Unit,
)
from evaluation.models import (
    CatalogueVersion,
    EvaluationSettings,
    FidelityRating,
    Indicator,
    IndicatorValue,
    LabelDecision,
    MilestoneReport,
    ReportEvent,
    ReportFile,
)
from evaluation.schedule import due_dates
from evaluation.selectors import remind_delays
from modules.models import Season, SeasonRole, SwarmedStructure
from modules.services.assignments import ConcurrentEdit
from portal.audit.services import audit_log
from portal.enums import NotificationCategory
from portal.models import Structure, User
from portal.roles import Role, people_with_role
from tutoring.notify import notify

__all__ = ["ConcurrentEdit"]

TEXT_MAX = 5000
COMMENT_MAX = 2000


def report_url(report: MilestoneReport) -> str:
    return reverse("evaluation:report", kwargs={"pk": report.pk})


def _event(report: MilestoneReport, kind: str, *, actor=None, comment: str = "") -> None:
    ReportEvent.objects.create(report=report, kind=kind, actor=actor, comment=comment)


def _notify(people, report: MilestoneReport, *, actor=None, kind: str, title: str, body=""):
    recipients = {person for person in people if person is not None and person != actor}
    notify(
        recipients,
        report,
        url=report_url(report),
        kind=kind,
        title=title,
        body=body,
        category=NotificationCategory.EVALUATION,
    )


def structure_people(swarmed: SwarmedStructure) -> list[User]:
    return [member.user for member in swarmed.members.select_related("user")]


def referents_of(swarmed: SwarmedStructure) -> list[User]:
    return [
        member.user
        for member in swarmed.members.filter(role=SeasonRole.REFERENT).select_related("user")
    ]


def experts_of(swarmed: SwarmedStructure) -> list[User]:
    from tutoring.enums import PairingStatus

    return [
        pairing.expert
        for pairing in swarmed.pairings.filter(status=PairingStatus.ACTIVE).select_related("expert")
    ]


# --- The catalogue -------------------------------------------------------------------------------


def current_catalogue() -> CatalogueVersion | None:
    """The published version with the highest number: what new reports answer."""
    return CatalogueVersion.objects.filter(published_at__isnull=False).order_by("-number").first()


#: What a new catalogue version copies from the current one.
COPIED = [
    "code", "label", "definition", "unit", "milestones", "required", "target", "in_totals",
    "position",
]  # fmt: skip


def catalogue_draft(*, actor: User) -> CatalogueVersion:
    """The version being prepared; a new one starts as a copy of the current catalogue."""
    if not permissions.can_manage_evaluation(actor):
        raise PermissionDenied
    with transaction.atomic():
        draft = CatalogueVersion.objects.select_for_update().filter(published_at__isnull=True)
        draft = draft.first()
        if draft is not None:
            return draft
        current = current_catalogue()
        top = CatalogueVersion.objects.aggregate(top=Max("number"))["top"] or 0
        draft = CatalogueVersion.objects.create(number=top + 1)
        if current is not None:
            Indicator.objects.bulk_create(
                Indicator(catalogue=draft, **{field: getattr(indicator, field) for field in COPIED})
                for indicator in current.indicators.all()
            )
        audit_log(actor=actor, action="evaluation.catalogue_draft", obj=draft)
    return draft


def indicator_validate(*, catalogue, code, label, unit, milestones, target, pk=None) -> dict:
    errors = {}
    if catalogue.is_published:
        errors["__all__"] = _("Une version publiée du catalogue ne se modifie plus.")
    if not code:
        errors["code"] = _("Donnez un code court, par exemple « retours_emploi ».")
    elif catalogue.indicators.filter(code=code).exclude(pk=pk).exists():
        errors["code"] = _("Un autre indicateur de cette version porte déjà ce code.")
    if not (label or "").strip():
        errors["label"] = _("Donnez le libellé de l'indicateur.")
    if unit not in Unit.values:
        errors["unit"] = _("Choisissez une unité de la liste.")
    if not milestones or not set(milestones) <= set(Milestone.values):
        errors["milestones"] = _("Choisissez au moins un jalon où l'indicateur est demandé.")
    if target is not None and unit == Unit.RATE and not 0 <= target <= 100:
        errors["target"] = _("Une cible de taux est comprise entre 0 et 100 %.")
    if target is not None and target < 0:
        errors["target"] = _("Une cible ne peut pas être négative.")
    return errors


def indicator_save(
    *, actor: User, catalogue: CatalogueVersion, indicator: Indicator | None = None, **data
) -> Indicator:
    """Add or change an indicator of the draft version (`data`: the model's editable fields)."""
    if not permissions.can_manage_evaluation(actor):
        raise PermissionDenied
    errors = indicator_validate(
        catalogue=catalogue,
        code=data.get("code", ""),
        label=data.get("label", ""),
        unit=data.get("unit", ""),
        milestones=data.get("milestones", []),
        target=data.get("target"),
        pk=indicator.pk if indicator else None,
    )
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        indicator = indicator or Indicator(catalogue=catalogue)
        for field, value in data.items():
            setattr(indicator, field, value)
        indicator.save()
    return indicator


def indicator_delete(*, actor: User, indicator: Indicator) -> None:
    if not permissions.can_manage_evaluation(actor) or indicator.catalogue.is_published:
        raise PermissionDenied
    indicator.delete()


def catalogue_publish(*, actor: User, catalogue: CatalogueVersion, note: str) -> CatalogueVersion:
    """The draft becomes the catalogue new reports answer; reports already opened keep theirs."""
    if not permissions.can_manage_evaluation(actor) or catalogue.is_published:
        raise PermissionDenied
    if not note.strip():
        raise ValidationError({"note": _("Dites en une phrase ce qui change.")})
    if not catalogue.indicators.exists():
        raise ValidationError(_("Un catalogue vide ne peut pas être publié."))
    with transaction.atomic():
        catalogue.note = note.strip()[:300]
        catalogue.published_at, catalogue.published_by = timezone.now(), actor
        catalogue.save()
        # Reports nobody has written in yet take the new version.
        MilestoneReport.objects.filter(status=ReportStatus.SCHEDULED, values__isnull=True).update(
            catalogue=catalogue
        )
        audit_log(actor=actor, action="evaluation.catalogue_publish", obj=catalogue)
    return catalogue


# --- Schedules -----------------------------------------------------------------------------------


def settings_save(
    *,
    actor: User,
    season: Season,
    appropriation_months: int,
    implementation_months: int,
    impact_months: int,
    remind_days_before: int,
) -> EvaluationSettings:
    if not permissions.can_manage_evaluation(actor):
        raise PermissionDenied
    if not appropriation_months < implementation_months < impact_months:
        raise ValidationError(
            {
                "implementation_months": _(
                    "Les jalons se suivent : 3 mois, puis 9, puis 18 par exemple."
                )
            }
        )
    with transaction.atomic():
        settings, _created = EvaluationSettings.objects.update_or_create(
            season=season,
            defaults={
                "appropriation_months": appropriation_months,
                "implementation_months": implementation_months,
                "impact_months": impact_months,
                "remind_days_before": remind_days_before,
            },
        )
        reports_schedule(season)
        audit_log(actor=actor, action="evaluation.settings", obj=settings)
    return settings


def reports_schedule(season: Season) -> int:
    """Create each structure's missing reports; move the due date of those still open.

    Idempotent; run when a season's settings change and every night (Celery beat).
    """
    dates = due_dates(season)
    if not dates:
        return 0
    catalogue = current_catalogue()
    created = 0
    existing = {
        (report.swarmed_structure_id, report.milestone): report
        for report in MilestoneReport.objects.filter(swarmed_structure__season=season)
    }
    for swarmed in season.swarmed.all():
        for milestone, due_on in dates.items():
            report = existing.get((swarmed.pk, milestone))
            if report is None:
                report = MilestoneReport.objects.create(
                    swarmed_structure=swarmed,
                    milestone=milestone,
                    due_on=due_on,
                    catalogue=catalogue,
                )
                _event(report, ReportEventKind.SCHEDULED)
                created += 1
            elif report.status in OPEN_STATUSES and report.due_on != due_on:
                MilestoneReport.objects.filter(pk=report.pk).update(due_on=due_on)
    return created


def schedule_all() -> int:
    return sum(
        reports_schedule(season) for season in Season.objects.filter(training_start__isnull=False)
    )


# --- Filling a report ----------------------------------------------------------------------------


def report_indicators(report: MilestoneReport) -> list[Indicator]:
    """The indicators of the report's milestone in the catalogue version it answers."""
    catalogue = report.catalogue or current_catalogue()
    if catalogue is None:
        return []
    return [
        indicator
        for indicator in catalogue.indicators.order_by("position", "code")
        if indicator.asked_at(report.milestone)
    ]


def _parse_all(report, values: dict[str, str], fidelity: dict, *, strict: bool):
    """(parsed values, parsed ratings, errors); `strict` also asks for what is required."""
    indicators = report_indicators(report)
    errors: dict[str, str] = {}
    parsed: dict[Indicator, dict] = {}
    numbers: dict[str, Decimal] = {}
    for indicator in indicators:
        result, error = checks.parse_value(indicator, values.get(indicator.code, ""))
        key = f"ind_{indicator.code}"
        if error:
            errors[key] = error
            continue
        parsed[indicator] = result
        if result.get("number") is not None:
            numbers[indicator.code] = result["number"]
        empty = all(value in (None, "") for value in result.values())
        if strict and indicator.required and empty:
            errors[key] = _("Cet indicateur est obligatoire pour transmettre le bilan.")
    labels = {indicator.code: indicator.label for indicator in indicators}
    for code, error in checks.coherence_errors(numbers, labels).items():
        errors.setdefault(f"ind_{code}", error)
    ratings = {}
    for principle in Principle.objects.order_by("letter"):
        level, comment = fidelity.get(principle.letter, ("", ""))
        level_key = f"fid_{principle.letter}_level"
        if level in ("", None):
            level = None
            if strict:
                errors[level_key] = _("Situez la structure sur ce principe.")
        else:
            try:
                level = int(level)
            except (TypeError, ValueError):
                level = -1
            if level not in FidelityLevel.values:
                errors[level_key] = _("Choisissez un niveau de l'échelle.")
        if len(comment or "") > COMMENT_MAX:
            errors[f"fid_{principle.letter}_comment"] = _("2 000 caractères au plus.")
        ratings[principle] = (level, (comment or "").strip())
    return parsed, ratings, errors


def _check_texts(errors: dict, practice_changes: str, difficulties: str) -> None:
    for field, text in (("practice_changes", practice_changes), ("difficulties", difficulties)):
        if len(text) > TEXT_MAX:
            errors[field] = _("5 000 caractères au plus.")


def _locked(report: MilestoneReport, version: int) -> MilestoneReport:
    """The report locked for this transaction, if nobody saved it since `version` was read."""
    locked = MilestoneReport.objects.select_for_update().get(pk=report.pk)
    if locked.version != version:
        raise ConcurrentEdit
    return locked


def _write(report, *, actor, parsed, ratings, practice_changes, difficulties, checked_files=()):
    if report.catalogue_id is None:
        report.catalogue = current_catalogue()
    report.practice_changes, report.difficulties = practice_changes, difficulties
    for indicator, result in parsed.items():
        IndicatorValue.objects.update_or_create(
            report=report,
            indicator=indicator,
            defaults={"number": None, "boolean": None, "text": "", **result},
        )
    for principle, (level, comment) in ratings.items():
        FidelityRating.objects.update_or_create(
            report=report,
            principle=principle,
            defaults={"self_level": level, "self_comment": comment},
        )
    for uploaded, content_type, extension in checked_files:
        stored = ReportFile(
            report=report,
            original_name=uploaded.name[:200],
            content_type=content_type,
            size=uploaded.size,
            uploaded_by=actor,
        )
        stored.file.save(f"{uuid.uuid4().hex}{extension}", uploaded, save=False)
        stored.save()


def report_save(
    *,
    actor: User,
    report: MilestoneReport,
    version: int,
    values: dict[str, str],
    fidelity: dict[str, tuple],
    practice_changes: str = "",
    difficulties: str = "",
    uploads=(),
) -> MilestoneReport:
    """Save the structure's draft: whatever is typed, checked, nothing required yet."""
    from tutoring.attachments import check_uploads

    if not permissions.can_edit_report(actor, report):
        raise PermissionDenied
    parsed, ratings, errors = _parse_all(report, values, fidelity, strict=False)
    _check_texts(errors, practice_changes, difficulties)
    checked = []
    if uploads:
        try:
            checked = check_uploads(uploads)
        except ValidationError as error:
            errors["files"] = error.messages[0]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        locked = _locked(report, version)
        _write(
            locked,
            actor=actor,
            parsed=parsed,
            ratings=ratings,
            practice_changes=practice_changes,
            difficulties=difficulties,
            checked_files=checked,
        )
        if locked.status == ReportStatus.SCHEDULED:
            locked.status = ReportStatus.DRAFT
        locked.version += 1
        locked.save()
        _event(locked, ReportEventKind.SAVED, actor=actor)
    return locked


def submit_errors(report: MilestoneReport) -> dict[str, str]:
    """What the saved report still lacks to be sent (empty when it is complete)."""
    errors = {}
    saved = {value.indicator_id: value for value in report.values.all()}
    for indicator in report_indicators(report):
        value = saved.get(indicator.pk)
        if indicator.required and (value is None or value.is_empty):
            errors[f"ind_{indicator.code}"] = _(
                "Cet indicateur est obligatoire pour transmettre le bilan."
            )
    rated = {rating.principle_id for rating in report.fidelity_ratings.all() if rating.self_level}
    for principle in Principle.objects.order_by("letter"):
        if principle.pk not in rated:
            errors[f"fid_{principle.letter}_level"] = _("Situez la structure sur ce principe.")
    return errors


def report_submit(*, actor: User, report: MilestoneReport, version: int) -> MilestoneReport:
    """The referent sends the saved report to Ansa; it must be complete."""
    if not permissions.can_edit_report(actor, report):
        raise PermissionDenied
    with transaction.atomic():
        locked = _locked(report, version)
        errors = submit_errors(locked)
        if errors:
            raise ValidationError(errors)
        locked.status = ReportStatus.SUBMITTED
        locked.submitted_at, locked.submitted_by = timezone.now(), actor
        locked.version += 1
        locked.save()
        _event(locked, ReportEventKind.SUBMITTED, actor=actor)
        audit_log(actor=actor, action="evaluation.report_submit", obj=locked)
        title = _("Bilan transmis : %(report)s") % {"report": locked}
        _notify(people_with_role(Role.ANSA), locked, actor=actor, kind="evaluation.submitted",
                title=title)  # fmt: skip
        _notify(experts_of(locked.swarmed_structure), locked, actor=actor,
                kind="evaluation.submitted", title=title)  # fmt: skip
    return locked


def report_review(
    *, actor: User, report: MilestoneReport, accept: bool, comment: str = ""
) -> MilestoneReport:
    """Ansa accepts the report, or sends it back with a comment saying what to complete."""
    if not permissions.can_review_report(actor, report):
        raise PermissionDenied
    comment = comment.strip()
    if not accept and not comment:
        raise ValidationError({"comment": _("Dites à la structure ce qu'elle doit compléter.")})
    if len(comment) > 3000:
        raise ValidationError({"comment": _("3 000 caractères au plus.")})
    with transaction.atomic():
        locked = MilestoneReport.objects.select_for_update().get(pk=report.pk)
        if locked.status != ReportStatus.SUBMITTED:
            raise PermissionDenied
        locked.status = ReportStatus.ACCEPTED if accept else ReportStatus.RETURNED
        locked.reviewed_at, locked.reviewed_by = timezone.now(), actor
        locked.version += 1
        locked.save()
        kind = ReportEventKind.ACCEPTED if accept else ReportEventKind.RETURNED
        _event(locked, kind, actor=actor, comment=comment)
        audit_log(actor=actor, action=f"evaluation.report_{kind}", obj=locked)
        _notify(
            structure_people(locked.swarmed_structure),
            locked,
            actor=actor,
            kind=f"evaluation.{kind}",
            title=(
                _("Votre bilan est accepté : %(report)s")
                if accept
                else _("Votre bilan est à compléter : %(report)s")
            )
            % {"report": locked},
            body=comment,
        )
    return locked


def report_record_phone_interview(
    *,
    actor: User,
    report: MilestoneReport,
    version: int,
    values: dict[str, str],
    fidelity: dict[str, tuple],
    practice_changes: str = "",
    difficulties: str = "",
    interview_note: str = "",
) -> MilestoneReport:
    """Ansa records the 3-month report from a phone interview, on the structure's behalf."""
    if not permissions.can_record_phone_interview(actor, report):
        raise PermissionDenied
    parsed, ratings, errors = _parse_all(report, values, fidelity, strict=True)
    _check_texts(errors, practice_changes, difficulties)
    if not interview_note.strip():
        errors["interview_note"] = _("Dites avec qui et quand l'entretien a eu lieu.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        locked = _locked(report, version)
        _write(
            locked,
            actor=actor,
            parsed=parsed,
            ratings=ratings,
            practice_changes=practice_changes,
            difficulties=difficulties,
        )
        now = timezone.now()
        locked.source = ReportSource.PHONE
        locked.status = ReportStatus.ACCEPTED
        locked.submitted_at, locked.submitted_by = now, actor
        locked.reviewed_at, locked.reviewed_by = now, actor
        locked.version += 1
        locked.save()
        _event(locked, ReportEventKind.PHONE, actor=actor, comment=interview_note.strip()[:3000])
        audit_log(actor=actor, action="evaluation.phone_interview", obj=locked)
    return locked


def fidelity_counter_rate(
    *, actor: User, report: MilestoneReport, ratings: dict[str, tuple]
) -> list[FidelityRating]:
    """The structure's expert rates each principle in turn; gaps show beside the structure's."""
    if not permissions.can_counter_rate(actor, report):
        raise PermissionDenied
    errors = {}
    rows = list(report.fidelity_ratings.select_related("principle"))
    for rating in rows:
        level, comment = ratings.get(rating.principle.letter, ("", ""))
        key = f"exp_{rating.principle.letter}_level"
        try:
            level = int(level)
        except (TypeError, ValueError):
            level = None
        if level not in FidelityLevel.values:
            errors[key] = _("Choisissez un niveau de l'échelle.")
        if len(comment or "") > COMMENT_MAX:
            errors[f"exp_{rating.principle.letter}_comment"] = _("2 000 caractères au plus.")
        rating.expert_level, rating.expert_comment = level, (comment or "").strip()
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        now = timezone.now()
        for rating in rows:
            rating.expert, rating.expert_rated_at = actor, now
            rating.save()
        _event(report, ReportEventKind.COUNTER_RATED, actor=actor)
        audit_log(actor=actor, action="evaluation.counter_rate", obj=report)
    return rows


# --- The label -----------------------------------------------------------------------------------

#: (current state, action) -> next state: the label's life in one table.
LABEL_TRANSITIONS = {
    (LabelState.NONE, LabelAction.GRANT): LabelState.GRANTED,
    (LabelState.WITHDRAWN, LabelAction.GRANT): LabelState.GRANTED,
    (LabelState.GRANTED, LabelAction.SUSPEND): LabelState.SUSPENDED,
    (LabelState.SUSPENDED, LabelAction.REINSTATE): LabelState.GRANTED,
    (LabelState.GRANTED, LabelAction.WITHDRAW): LabelState.WITHDRAWN,
    (LabelState.SUSPENDED, LabelAction.WITHDRAW): LabelState.WITHDRAWN,
}


def label_state(structure: Structure) -> LabelState:
    last = structure.label_decisions.order_by("-created_at", "-pk").first()
    if last is None:
        return LabelState.NONE
    return {
        LabelAction.GRANT: LabelState.GRANTED,
        LabelAction.REINSTATE: LabelState.GRANTED,
        LabelAction.SUSPEND: LabelState.SUSPENDED,
        LabelAction.WITHDRAW: LabelState.WITHDRAWN,
    }[last.action]


def label_decide(
    *,
    actor: User,
    structure: Structure,
    action: str,
    reason: str,
    report: MilestoneReport | None = None,
    decided_on=None,
) -> LabelDecision:
    """The head of network grants, suspends, reinstates or withdraws a structure's label."""
    if not permissions.can_decide_label(actor):
        raise PermissionDenied
    errors = {}
    state = label_state(structure)
    if (state, action) not in LABEL_TRANSITIONS:
        errors["action"] = _("Cette décision n'est pas possible pour un label %(state)s.") % {
            "state": state.label.lower()
        }
    if not reason.strip():
        errors["reason"] = _("Motivez la décision.")
    elif len(reason) > 3000:
        errors["reason"] = _("3 000 caractères au plus.")
    if action == LabelAction.GRANT:
        if report is None or report.swarmed_structure.structure_id != structure.pk:
            errors["report"] = _("Choisissez le bilan de fidélité sur lequel la décision s'appuie.")
        elif not report.fidelity_ratings.exclude(self_level__isnull=True).exists():
            errors["report"] = _("Ce bilan ne comporte pas d'évaluation de fidélité.")
    decided_on = decided_on or timezone.localdate()
    if decided_on > timezone.localdate():
        errors["decided_on"] = _("Une décision ne peut pas être datée dans le futur.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        decision = LabelDecision.objects.create(
            structure=structure,
            action=action,
            reason=reason.strip(),
            report=report if action == LabelAction.GRANT else None,
            decided_on=decided_on,
            decided_by=actor,
        )
        audit_log(
            actor=actor,
            action=f"evaluation.label_{action}",
            obj=structure,
            changes={"label": [state.value, LABEL_TRANSITIONS[(state, action)].value]},
        )
    return decision


# --- Reminders -----------------------------------------------------------------------------------

LATE_REMINDER_EVERY_DAYS = 7


def reminders_send(*, today=None) -> int:
    """Remind open reports before their due date (once) and when late (weekly), with the expert
    in copy. Run each morning by Celery beat."""
    today = today or timezone.localdate()
    now = timezone.now()
    sent = 0
    reports = MilestoneReport.objects.filter(status__in=OPEN_STATUSES).select_related(
        "swarmed_structure__season", "swarmed_structure__structure"
    )
    delays = remind_delays()
    for report in reports:
        before = delays[report.swarmed_structure.season_id]
        days_left = (report.due_on - today).days
        if 0 <= days_left <= before and report.reminded_before_at is None:
            field, title = "reminded_before_at", _("Bilan à rendre avant le %(date)s : %(report)s")
        elif days_left < 0 and (
            report.reminded_late_at is None
            or (now - report.reminded_late_at).days >= LATE_REMINDER_EVERY_DAYS
        ):
            field, title = (
                "reminded_late_at",
                _("Bilan en retard (attendu le %(date)s) : %(report)s"),
            )
        else:
            continue
        from portal.templatetags.essaim import long_date

        message = title % {"date": long_date(report.due_on), "report": report}
        with transaction.atomic():
            MilestoneReport.objects.filter(pk=report.pk).update(**{field: now})
            _notify(referents_of(report.swarmed_structure), report, kind="evaluation.reminder",
                    title=message)  # fmt: skip
            _notify(experts_of(report.swarmed_structure), report, kind="evaluation.reminder_copy",
                    title=_("Copie : %(message)s") % {"message": message})  # fmt: skip
            _event(report, ReportEventKind.REMINDED, comment=message)
        sent += 1
    return sent
