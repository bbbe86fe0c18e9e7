"""Changing the guide: promotion, writing, anonymisation, review, editions.

Each service checks permission, validates, writes in one transaction, records the step in the
entry's history and the audit log, and schedules side effects after commit.
"""

from collections import Counter

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from curriculum.models import ActionSheetPage
from modules.models import Season
from modules.services.assignments import ConcurrentEdit
from portal.audit.services import audit_log
from portal.enums import NotificationCategory
from portal.models import User
from portal.roles import Role, people_with_role
from portal.sanitiser import render_markdown
from tutoring.enums import (
    ENTRY_KIND_ORDER,
    EditionStatus,
    EntryEventKind,
    EntryKind,
    EntryStatus,
    FlagStatus,
    TerritoryKind,
)
from tutoring.guide import anonymisation, permissions, workflow
from tutoring.guide.models import (
    AnonymisationFlag,
    GuideComment,
    GuideEdition,
    GuideEditionItem,
    GuideEntry,
    GuideEntryEvent,
    GuideEntryRevision,
    GuidePage,
    OutdatedReport,
)
from tutoring.models import Question
from tutoring.notify import notify
from tutoring.qa.search import normalise

__all__ = ["ConcurrentEdit"]

TITLE_MAX = GuideEntry._meta.get_field("title").max_length
BODY_MAX = GuideEntry._meta.get_field("body").max_length


def entry_url(entry: GuideEntry) -> str:
    return reverse("tutoring:guide_entry", kwargs={"pk": entry.pk})


def _event(entry: GuideEntry, kind: str, *, actor=None, detail: str = "") -> None:
    GuideEntryEvent.objects.create(entry=entry, kind=kind, actor=actor, detail=detail[:500])


def _notify(people, entry: GuideEntry, *, actor, **message) -> None:
    notify(
        [person for person in people if person is not None and person != actor],
        entry,
        url=entry_url(entry),
        category=NotificationCategory.GUIDE,
        **message,
    )


def _ordered_sheets(sheet_ids) -> list[ActionSheetPage]:
    by_pk = {sheet.pk: sheet for sheet in ActionSheetPage.objects.filter(pk__in=sheet_ids)}
    return sorted(by_pk.values(), key=lambda sheet: sheet.number)


def _save_revision(entry: GuideEntry, *, actor, note: str = "") -> GuideEntryRevision:
    number = (entry.revisions.aggregate(top=Max("number"))["top"] or 0) + 1
    return GuideEntryRevision.objects.create(
        entry=entry,
        number=number,
        kind=entry.kind,
        title=entry.title,
        body=entry.body,
        body_html=entry.body_html,
        search_text=normalise(f"{entry.title} {entry.body}"),
        sheet_numbers=sorted(entry.sheets.values_list("number", flat=True)),
        note=note[:300],
        created_by=actor,
    )


# --- Anonymisation -----------------------------------------------------------------------------


def _source_texts(entry: GuideEntry) -> list[str]:
    """The private words the entry must not repeat: its source questions' titles and bodies."""
    return [
        text
        for title, body in entry.source_questions.values_list("title", "body")
        for text in (title, body)
    ]


def flags_refresh(entry: GuideEntry) -> list[AnonymisationFlag]:
    """Run the check on the entry's current text and bring its flags in line (see the module)."""
    known = anonymisation.known_names(source_texts=_source_texts(entry))
    findings = anonymisation.find(f"{entry.title}\n\n{entry.body}", known)
    present = {(finding.kind, finding.text.lower()): finding for finding in findings}
    existing = {(flag.kind, flag.text.lower()): flag for flag in entry.flags.all()}
    for key, flag in existing.items():
        if key in present:
            if flag.status == FlagStatus.MASKED:  # typed again after it was masked
                flag.status = FlagStatus.OPEN
                flag.resolved_by = flag.resolved_at = None
                flag.save(update_fields=["status", "resolved_by", "resolved_at"])
        elif flag.status == FlagStatus.OPEN:
            flag.delete()
    for key, finding in present.items():
        if key not in existing:
            AnonymisationFlag.objects.create(entry=entry, kind=finding.kind, text=finding.text)
    return list(entry.flags.all())


def open_flags(entry: GuideEntry):
    return entry.flags.filter(status=FlagStatus.OPEN)


def _require_no_open_flag(entry: GuideEntry) -> None:
    count = open_flags(entry).count()
    if count:
        raise ValidationError(
            ngettext(
                "%(count)s donnée à anonymiser reste à traiter : masquez-la ou "
                "conservez-la en donnant un motif.",
                "%(count)s données à anonymiser restent à traiter : masquez-les ou "
                "conservez-les en donnant un motif.",
                count,
            )
            % {"count": count},
            code="open_flags",
        )


def flag_resolve(
    *, actor: User, flag: AnonymisationFlag, mask: bool, replacement: str = "", reason: str = ""
) -> AnonymisationFlag:
    """Mask the passage everywhere in the entry, or keep it with a reason."""
    entry = flag.entry
    if not permissions.can_edit_entry(actor, entry):
        raise PermissionDenied
    reason, replacement = reason.strip(), replacement.strip()
    if not mask and not reason:
        raise ValidationError(
            {"reason": _("Dites pourquoi ce passage peut rester tel quel.")}, code="required"
        )
    if len(replacement) > 120:
        raise ValidationError({"replacement": _("120 caractères au plus.")})
    with transaction.atomic():
        entry = GuideEntry.objects.select_for_update().get(pk=entry.pk)
        flag = AnonymisationFlag.objects.select_for_update().get(pk=flag.pk)
        if mask:
            replacement = replacement or anonymisation.default_replacement(flag.kind)
            entry.title = anonymisation.mask(entry.title, flag.text, replacement)[:TITLE_MAX]
            entry.body = anonymisation.mask(entry.body, flag.text, replacement)
            entry.body_html = render_markdown(entry.body)
            entry.version += 1
            if entry.status in workflow.REOPENED_BY_EDIT:
                entry.status = EntryStatus.DRAFT
            entry.save()
            flag.status, flag.replacement, flag.reason = FlagStatus.MASKED, replacement, ""
            _save_revision(
                entry, actor=actor, note=_("Passage masqué : %s") % flag.get_kind_display()
            )
            _event(entry, EntryEventKind.FLAG_MASKED, actor=actor, detail=flag.get_kind_display())
        else:
            flag.status, flag.reason, flag.replacement = FlagStatus.KEPT, reason, ""
            _event(entry, EntryEventKind.FLAG_KEPT, actor=actor, detail=reason)
        flag.resolved_by, flag.resolved_at = actor, timezone.now()
        flag.save()
        if mask:
            flags_refresh(entry)
        audit_log(
            actor=actor,
            action="guide.flag_mask" if mask else "guide.flag_keep",
            obj=entry,
            changes={"flag": [flag.kind, flag.status]},
        )
    return flag


# --- Promotion and writing ---------------------------------------------------------------------


def promotion_draft(questions: list[Question]) -> dict:
    """What a new entry starts from: the questions' words and their accepted answers."""
    first = questions[0]
    parts = []
    for question in questions:
        answer = question.accepted_answer
        parts.append(
            _("## La situation\n\n%(question)s\n\n## Ce qu'en dit A.CO.R\n\n%(answer)s")
            % {"question": question.body.strip(), "answer": answer.body.strip()}
        )
    sheet_ids = {
        pk for question in questions for pk in question.sheets.values_list("pk", flat=True)
    }
    return {
        "title": first.title[:TITLE_MAX],
        "body": "\n\n".join(parts)[:BODY_MAX],
        "kind": EntryKind.FAQ,
        "sheet_ids": sorted(sheet_ids),
        "season": first.season,
        "hypothesis": getattr(first.swarmed_structure.candidacy, "hypothesis", "") or "",
    }


def entry_validate(*, kind: str, title: str, body: str, sheet_ids, territory_kind: str) -> dict:
    """Field errors of an entry's text (empty when it is fine)."""
    errors: dict[str, str] = {}
    if kind not in EntryKind.values:
        errors["kind"] = _("Choisissez le type de l'entrée.")
    if not title.strip():
        errors["title"] = _("Donnez un titre à l'entrée.")
    elif len(title.strip()) > TITLE_MAX:
        errors["title"] = _("%(maximum)s caractères au plus.") % {"maximum": TITLE_MAX}
    if not body.strip():
        errors["body"] = _("Écrivez le texte de l'entrée.")
    elif len(body) > BODY_MAX:
        errors["body"] = _("Ce texte compte %(length)s caractères : %(maximum)s au plus.") % {
            "length": len(body),
            "maximum": BODY_MAX,
        }
    if not sheet_ids or ActionSheetPage.objects.filter(pk__in=sheet_ids).count() != len(
        set(sheet_ids)
    ):
        errors["sheets"] = _("Rattachez l'entrée à au moins une fiche-action.")
    if territory_kind and territory_kind not in TerritoryKind.values:
        errors["territory_kind"] = _("Choisissez un type de territoire de la liste.")
    return errors


def entry_promote(
    *,
    actor: User,
    questions: list[Question],
    kind: str = EntryKind.FAQ,
    title: str = "",
    sheet_ids=None,
    territory_kind: str = "",
) -> GuideEntry:
    """A draft entry pre-filled from answered questions; the questions stay where they are."""
    if not questions:
        raise ValidationError({"questions": _("Choisissez au moins une question répondue.")})
    for question in questions:
        if not permissions.can_promote(actor, question):
            raise PermissionDenied
    draft = promotion_draft(questions)
    title = (title or draft["title"]).strip()
    sheet_ids = list(sheet_ids or draft["sheet_ids"])
    errors = entry_validate(
        kind=kind,
        title=title,
        body=draft["body"],
        sheet_ids=sheet_ids,
        territory_kind=territory_kind,
    )
    if errors:
        raise ValidationError(errors)
    contributors = {
        question.accepted_answer.author
        for question in questions
        if question.accepted_answer.author is not None
    }
    with transaction.atomic():
        entry = GuideEntry.objects.create(
            kind=kind,
            title=title,
            body=draft["body"],
            body_html=render_markdown(draft["body"]),
            owner=actor,
            season=draft["season"],
            hypothesis=draft["hypothesis"],
            territory_kind=territory_kind,
            created_by=actor,
        )
        entry.sheets.set(sheet_ids)
        entry.source_questions.set(questions)
        entry.contributors.set(contributors)
        _save_revision(entry, actor=actor, note=_("Reprise des questions d'origine"))
        flags_refresh(entry)
        _event(
            entry,
            EntryEventKind.PROMOTED,
            actor=actor,
            detail=ngettext(
                "À partir d'une question", "À partir de %(count)s questions", len(questions)
            )
            % {"count": len(questions)},
        )
        audit_log(actor=actor, action="guide.promote", obj=entry)
    return entry


def entry_update(
    *,
    actor: User,
    entry: GuideEntry,
    version: int,
    kind: str,
    title: str,
    body: str,
    sheet_ids,
    territory_kind: str = "",
    note: str = "",
) -> GuideEntry:
    """Save a new text: a new revision, the check run again, an approved entry back to draft."""
    if not permissions.can_edit_entry(actor, entry):
        raise PermissionDenied
    errors = entry_validate(
        kind=kind, title=title, body=body, sheet_ids=sheet_ids, territory_kind=territory_kind
    )
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        locked = GuideEntry.objects.select_for_update().get(pk=entry.pk)
        if locked.version != version:
            raise ConcurrentEdit
        unchanged = (
            locked.kind == kind
            and locked.title == title.strip()
            and locked.body == body
            and set(locked.sheets.values_list("pk", flat=True)) == set(sheet_ids)
            and locked.territory_kind == territory_kind
        )
        if unchanged:
            return locked
        locked.kind, locked.title, locked.body = kind, title.strip(), body
        locked.body_html = render_markdown(body)
        locked.territory_kind = territory_kind
        locked.version += 1
        reopened = locked.status in workflow.REOPENED_BY_EDIT
        if reopened:
            locked.status = EntryStatus.DRAFT
        locked.save()
        locked.sheets.set(sheet_ids)
        _save_revision(locked, actor=actor, note=note)
        flags_refresh(locked)
        _event(
            locked,
            EntryEventKind.EDITED,
            actor=actor,
            detail=_("Revenue en brouillon après approbation") if reopened else note,
        )
        audit_log(actor=actor, action="guide.edit", obj=locked, changes={"body": ["…", "…"]})
    return locked


def entry_comment(*, actor: User, entry: GuideEntry, body: str) -> GuideComment:
    if not permissions.can_comment_entry(actor, entry):
        raise PermissionDenied
    if not body.strip():
        raise ValidationError({"body": _("Écrivez votre commentaire.")})
    if len(body) > 5000:
        raise ValidationError({"body": _("5 000 caractères au plus.")})
    with transaction.atomic():
        comment = GuideComment.objects.create(
            entry=entry, author=actor, body=body, body_html=render_markdown(body)
        )
        _notify(
            [entry.owner],
            entry,
            actor=actor,
            kind="guide.comment",
            title=_("Nouveau commentaire sur « %s »") % entry.title,
        )
    return comment


# --- Review --------------------------------------------------------------------------------------


def entry_transition(*, actor: User, entry: GuideEntry, action: str, text: str = "") -> GuideEntry:
    """Apply one step of the editorial table (`tutoring.guide.workflow`)."""
    transition = workflow.TRANSITIONS.get(action)
    if transition is None:
        raise ValidationError(_("Action inconnue."))
    text = text.strip()
    with transaction.atomic():
        locked = GuideEntry.objects.select_for_update().get(pk=entry.pk)
        if locked.status not in transition.sources or not transition.allowed(actor, locked):
            raise PermissionDenied
        if transition.needs_text and not text:
            raise ValidationError({"text": _("Expliquez pourquoi en quelques mots.")})
        if len(text) > 500:
            raise ValidationError({"text": _("500 caractères au plus.")})
        if action in {"submit", "approve"}:
            _require_no_open_flag(locked)
        locked.status = transition.target
        if action == "approve":
            locked.approved_revision = locked.revisions.order_by("-number").first()
            locked.approved_by, locked.approved_at = actor, timezone.now()
        if action == "retire":
            locked.retired_reason = text
        if action == "restore":
            locked.retired_reason = ""
        locked.version += 1
        locked.save()
        _event(locked, transition.event, actor=actor, detail=text)
        audit_log(actor=actor, action=f"guide.{action}", obj=locked, changes={"status": [
            entry.status, locked.status]})  # fmt: skip
        if action == "submit":
            _notify(
                people_with_role(Role.HEAD_OF_NETWORK),
                locked,
                actor=actor,
                kind="guide.submitted",
                title=_("Entrée du guide à relire : « %s »") % locked.title,
            )
        elif action in {"approve", "send_back"}:
            _notify(
                [locked.owner, *people_with_role(Role.ANSA)],
                locked,
                actor=actor,
                kind=f"guide.{action}",
                title=(
                    _("Entrée approuvée : « %s »")
                    if action == "approve"
                    else _("Entrée renvoyée en brouillon : « %s »")
                )
                % locked.title,
                body=text,
            )
    return locked


def entry_set_public(*, actor: User, entry: GuideEntry, public: bool) -> GuideEntry:
    """The head of network opens an entry to the public, or keeps it for the network."""
    if not permissions.can_set_public(actor, entry):
        raise PermissionDenied
    with transaction.atomic():
        locked = GuideEntry.objects.select_for_update().get(pk=entry.pk)
        if locked.is_public == public:
            return locked
        locked.is_public = public
        locked.save(update_fields=["is_public", "updated_at"])
        _event(
            locked,
            EntryEventKind.MADE_PUBLIC if public else EntryEventKind.MADE_PRIVATE,
            actor=actor,
        )
        audit_log(actor=actor, action="guide.public", obj=locked, changes={"is_public": [
            not public, public]})  # fmt: skip
    return locked


def entry_change_owner(*, actor: User, entry: GuideEntry, owner: User) -> GuideEntry:
    if not permissions.can_change_owner(actor, entry) or not permissions.can_edit_guide(owner):
        raise PermissionDenied
    with transaction.atomic():
        entry.owner = owner
        entry.save(update_fields=["owner", "updated_at"])
        _event(entry, EntryEventKind.OWNER_CHANGED, actor=actor, detail=owner.get_full_name())
        audit_log(actor=actor, action="guide.owner", obj=entry)
        _notify(
            [owner],
            entry,
            actor=actor,
            kind="guide.owner",
            title=_("Vous êtes responsable de l'entrée « %s »") % entry.title,
        )
    return entry


def entry_report_outdated(*, actor: User, entry: GuideEntry, reason: str) -> OutdatedReport:
    """A reader says what no longer holds; the entry's owner and Ansa are told."""
    if not permissions.can_report_outdated(actor, entry):
        raise PermissionDenied
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Dites ce qui n'est plus juste dans cette entrée.")})
    if len(reason) > 2000:
        raise ValidationError({"reason": _("2 000 caractères au plus.")})
    with transaction.atomic():
        report = OutdatedReport.objects.create(entry=entry, reported_by=actor, reason=reason)
        _event(entry, EntryEventKind.OUTDATED_REPORTED, actor=actor, detail=reason)
        _notify(
            [entry.owner, *people_with_role(Role.ANSA)],
            entry,
            actor=actor,
            kind="guide.outdated",
            title=_("Entrée signalée comme dépassée : « %s »") % entry.title,
            body=reason,
        )
    return report


def outdated_close(*, actor: User, report: OutdatedReport, response: str) -> OutdatedReport:
    if not permissions.can_close_outdated(actor, report.entry):
        raise PermissionDenied
    response = response.strip()
    if not response:
        raise ValidationError({"response": _("Dites la suite donnée au signalement.")})
    with transaction.atomic():
        report = OutdatedReport.objects.select_for_update().get(pk=report.pk)
        if report.closed_at:
            return report
        report.closed_by, report.closed_at, report.response = actor, timezone.now(), response[:500]
        report.save()
        _event(report.entry, EntryEventKind.OUTDATED_CLOSED, actor=actor, detail=response)
        _notify(
            [report.reported_by],
            report.entry,
            actor=actor,
            kind="guide.outdated_closed",
            title=_("Votre signalement sur « %s » a été traité") % report.entry.title,
            body=response,
        )
    return report


def entry_check(*, actor: User, entry: GuideEntry, season: Season) -> GuideEntry:
    """The periodic review: the entry still holds for this season."""
    if not permissions.can_check_entry(actor, entry):
        raise PermissionDenied
    with transaction.atomic():
        entry.checked_season, entry.checked_at = season, timezone.now()
        entry.save(update_fields=["checked_season", "checked_at", "updated_at"])
        _event(entry, EntryEventKind.CHECKED, actor=actor, detail=season.name)
    return entry


# --- Editions ------------------------------------------------------------------------------------


def edition_create(*, actor: User, season: Season, name: str, note: str = "") -> GuideEdition:
    if not permissions.can_manage_editions(actor):
        raise PermissionDenied
    errors = {}
    name = name.strip()
    if not name:
        errors["name"] = _("Nommez l'édition, par exemple « Édition 2027 ».")
    if GuideEdition.objects.filter(season=season).exists():
        errors["season"] = _("Cette saison a déjà son édition du guide.")
    slug = slugify(name)[:100]
    if name and (not slug or GuideEdition.objects.filter(slug=slug).exists()):
        errors["name"] = _("Une édition porte déjà ce nom.")
    if len(note) > 5000:
        errors["note"] = _("5 000 caractères au plus.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        edition = GuideEdition.objects.create(
            season=season, name=name, slug=slug, note=note, note_html=render_markdown(note)
        )
        audit_log(actor=actor, action="guide.edition_create", obj=edition)
    return edition


def edition_update(*, actor: User, edition: GuideEdition, version: int, note: str) -> GuideEdition:
    if not permissions.can_manage_editions(actor) or edition.is_published:
        raise PermissionDenied
    if len(note) > 5000:
        raise ValidationError({"note": _("5 000 caractères au plus.")})
    with transaction.atomic():
        locked = GuideEdition.objects.select_for_update().get(pk=edition.pk)
        if locked.version != version:
            raise ConcurrentEdit
        locked.note, locked.note_html = note, render_markdown(note)
        locked.version += 1
        locked.save()
    return locked


def edition_candidates():
    """The entries the next edition would hold: in the guide, with an approved revision."""
    return (
        GuideEntry.objects.filter(status__in=workflow.IN_GUIDE, approved_revision__isnull=False)
        .select_related("approved_revision")
        .order_by("pk")
    )


def publish_blockers(edition: GuideEdition) -> list[str]:
    """Why the edition cannot be published yet (empty when it can)."""
    blockers = []
    if edition.is_published:
        blockers.append(_("Cette édition est déjà publiée."))
    if not edition_candidates().exists():
        blockers.append(_("Aucune entrée approuvée : l'édition serait vide."))
    flagged = (
        edition_candidates()
        .filter(status=EntryStatus.APPROVED, flags__status=FlagStatus.OPEN)
        .distinct()
        .count()
    )
    if flagged:
        blockers.append(
            ngettext(
                "%(count)s entrée approuvée a des données à anonymiser non traitées.",
                "%(count)s entrées approuvées ont des données à anonymiser non traitées.",
                flagged,
            )
            % {"count": flagged}
        )
    return blockers


def _chapters() -> list[dict]:
    from tutoring.guide.selectors import guide_sheets

    return [
        {"number": sheet.number, "title": sheet.title, "axis": sheet.axis}
        for sheet in guide_sheets()
    ]


def _acknowledgements(entries: list[GuideEntry]) -> list[dict]:
    """The experts whose answers the edition's entries come from, most entries first."""
    counts: Counter = Counter()
    names: dict[int, str] = {}
    for entry in entries:
        for expert in entry.contributors.all():
            counts[expert.pk] += 1
            names[expert.pk] = expert.get_full_name() or expert.email
    return [
        {"name": names[pk], "entries": count}
        for pk, count in sorted(counts.items(), key=lambda item: (-item[1], names[item[0]]))
    ]


def edition_publish(*, actor: User, edition: GuideEdition, version: int) -> GuideEdition:
    """Freeze the edition: each entry's approved revision, the chapters, foreword and credits."""
    if not permissions.can_manage_editions(actor):
        raise PermissionDenied
    with transaction.atomic():
        locked = GuideEdition.objects.select_for_update().get(pk=edition.pk)
        if locked.version != version:
            raise ConcurrentEdit
        blockers = publish_blockers(locked)
        if blockers:
            raise ValidationError(blockers)
        entries = list(edition_candidates().prefetch_related("contributors"))
        chapters = _chapters()
        known = {chapter["number"] for chapter in chapters}
        items = []
        for entry in entries:
            revision = entry.approved_revision
            numbers = [n for n in revision.sheet_numbers if n in known] or sorted(known)[:1]
            items.append(
                GuideEditionItem(
                    edition=locked,
                    entry=entry,
                    revision=revision,
                    kind=revision.kind,
                    chapter=min(numbers),
                    sheet_numbers=numbers,
                    is_public=entry.is_public,
                )
            )
        items.sort(
            key=lambda item: (item.chapter, ENTRY_KIND_ORDER[item.kind], item.revision.title)
        )
        for position, item in enumerate(items):
            item.position = position
        GuideEditionItem.objects.bulk_create(items)
        # The French page holds the foreword every edition freezes (its translation follows it).
        page = GuidePage.objects.live().filter(locale__language_code="fr").first()
        locked.foreword_html = page.foreword if page else ""
        locked.introduction_html = page.body if page else ""
        locked.chapters = chapters
        locked.acknowledgements = _acknowledgements(entries)
        locked.status = EditionStatus.PUBLISHED
        locked.published_at, locked.published_by = timezone.now(), actor
        locked.version += 1
        locked.save()
        published = [e.pk for e in entries if e.status == EntryStatus.APPROVED]
        GuideEntry.objects.filter(pk__in=published).update(status=EntryStatus.PUBLISHED)
        GuideEntryEvent.objects.bulk_create(
            GuideEntryEvent(entry_id=pk, kind=EntryEventKind.PUBLISHED, actor=actor,
                            detail=locked.name)
            for pk in published
        )  # fmt: skip
        audit_log(
            actor=actor,
            action="guide.edition_publish",
            obj=locked,
            changes={"entries": [0, len(items)]},
        )
        transaction.on_commit(lambda: _build_pdf_later(locked.pk))
    return locked


def _build_pdf_later(edition_id: int) -> None:
    from tutoring.guide.pdf import edition_pdf_request

    edition_pdf_request(GuideEdition.objects.get(pk=edition_id))
