"""Reading the guide: editions, chapters by sheet, search, differences, provenance figures.

Every reader-facing selector takes the reader and returns only what they may read: the network
reads a published edition whole, anyone else its entries opened to the public.
"""

import difflib
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from curriculum.models import ActionSheetPage, FrameworkPage
from modules.models import Season
from portal.models import User
from tutoring.enums import ENTRY_KIND_ORDER, EditionStatus, EntryKind, EntryStatus, FlagStatus
from tutoring.guide import permissions
from tutoring.guide.models import (
    GuideEdition,
    GuideEditionItem,
    GuideEntry,
    GuideEntryRevision,
    OutdatedReport,
)
from tutoring.models import Answer, Question
from tutoring.qa import search as text_search


def guide_page():
    """The live guide page in the active language, or the French one when it has no translation."""
    from wagtail.models import Locale

    from tutoring.guide.models import GuidePage

    pages = GuidePage.objects.live()
    try:
        locale = Locale.get_active()
    except Locale.DoesNotExist:
        locale = None
    return (locale and pages.filter(locale=locale).first()) or pages.filter(
        locale__language_code="fr"
    ).first()


def framework_sheets() -> QuerySet[ActionSheetPage]:
    """The live sheets of the French framework (the guide's language), any if it has none."""
    framework = FrameworkPage.objects.live().filter(locale__language_code="fr").first()
    sheets = ActionSheetPage.objects.live()
    return sheets.child_of(framework) if framework is not None else sheets


def guide_sheets() -> list[ActionSheetPage]:
    """The framework's live sheets in number order: the guide's chapters."""
    return list(framework_sheets().order_by("number").only("pk", "title", "number", "axis"))


def published_editions() -> QuerySet[GuideEdition]:
    return GuideEdition.objects.filter(status=EditionStatus.PUBLISHED).order_by("-published_at")


def current_edition() -> GuideEdition | None:
    """The edition the guide's page opens on: the last one published."""
    return published_editions().select_related("season").first()


def edition_items(edition: GuideEdition, user) -> QuerySet[GuideEditionItem]:
    """The items of an edition this reader may read, in chapter order (revision joined)."""
    items = edition.items.select_related("revision").order_by("position")
    if not permissions.is_network_member(user):
        items = items.filter(is_public=True)
    return items


def filter_items(items: QuerySet, *, kind: str = "", words: str = ""):
    """Narrow to one type and/or to the words (French full-text search, ranked)."""
    if kind in EntryKind.values:
        items = items.filter(kind=kind)
    if words.strip():
        found = text_search.search(GuideEntryRevision.objects.filter(edition_items__in=items),
                                   words)  # fmt: skip
        ranked = [revision.pk for revision in found]
        by_revision = {item.revision_id: item for item in items.filter(revision_id__in=ranked)}
        return [by_revision[pk] for pk in ranked if pk in by_revision]
    return items


@dataclass
class Chapter:
    number: int
    title: str
    axis: str
    items: list = field(default_factory=list)
    #: Items filed under another chapter that also concern this sheet.
    see_also: list = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.items)


def chapters(edition: GuideEdition, items) -> list[Chapter]:
    """The edition's chapters in sheet order, entries by type inside, with their « see also »."""
    result = [
        Chapter(number=c["number"], title=c["title"], axis=c["axis"])
        for c in (edition.chapters or _live_chapters())
    ]
    by_number = {chapter.number: chapter for chapter in result}
    for item in items:
        chapter = by_number.get(item.chapter)
        if chapter is not None:
            chapter.items.append(item)
        for number in item.sheet_numbers:
            if number != item.chapter and number in by_number:
                by_number[number].see_also.append(item)
    for chapter in result:
        chapter.items.sort(key=lambda item: (ENTRY_KIND_ORDER[item.kind], item.position))
    return result


def _live_chapters() -> list[dict]:
    return [{"number": s.number, "title": s.title, "axis": s.axis} for s in guide_sheets()]


def kinds_in(chapter_items) -> list[dict]:
    """The chapter's items grouped by type, in the types' order."""
    groups = []
    for kind in EntryKind:
        members = [item for item in chapter_items if item.kind == kind]
        if members:
            groups.append({"kind": kind, "label": kind.label, "items": members})
    return groups


# --- Differences between editions ---------------------------------------------------------------


@dataclass
class EditionDiff:
    older: GuideEdition
    newer: GuideEdition
    added: list = field(default_factory=list)
    removed: list = field(default_factory=list)
    changed: list = field(default_factory=list)
    unchanged: int = 0


def word_diff(old: str, new: str) -> SafeString:
    """The new text with the words removed in <del> and the words added in <ins>."""
    before, after = old.split(), new.split()
    parts = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            parts.append(escape(" ".join(after[j1:j2])))
            continue
        if tag in {"replace", "delete"}:
            parts.append(f"<del>{escape(' '.join(before[i1:i2]))}</del>")
        if tag in {"replace", "insert"}:
            parts.append(f"<ins>{escape(' '.join(after[j1:j2]))}</ins>")
    return mark_safe(" ".join(parts))  # every piece is escaped above


def edition_diff(older: GuideEdition, newer: GuideEdition, user) -> EditionDiff:
    """Entries added, changed (with a word diff) and removed from one edition to the next."""
    before = {item.entry_id: item for item in edition_items(older, user)}
    after = {item.entry_id: item for item in edition_items(newer, user)}
    diff = EditionDiff(older=older, newer=newer)
    for entry_id, item in after.items():
        old = before.get(entry_id)
        if old is None:
            diff.added.append(item)
        elif old.revision_id == item.revision_id or (
            old.revision.title == item.revision.title and old.revision.body == item.revision.body
        ):
            diff.unchanged += 1
        else:
            diff.changed.append(
                {
                    "old": old,
                    "new": item,
                    "title": word_diff(old.revision.title, item.revision.title),
                    "body": word_diff(old.revision.body, item.revision.body),
                }
            )
    diff.removed = [item for entry_id, item in before.items() if entry_id not in after]
    for group in (diff.added, diff.removed):
        group.sort(key=lambda item: item.position)
    diff.changed.sort(key=lambda change: change["new"].position)
    return diff


# --- The editorial side ------------------------------------------------------------------------


def entries_for_editors(user) -> QuerySet[GuideEntry]:
    """Every entry, for Ansa and A.CO.R, with what their list shows (constant queries)."""
    if not permissions.can_edit_guide(user):
        return GuideEntry.objects.none()
    return (
        GuideEntry.objects.select_related("owner", "season")
        .prefetch_related(Prefetch("sheets", queryset=ActionSheetPage.objects.order_by("number")))
        .annotate(
            open_flag_count=Count("flags", filter=Q(flags__status=FlagStatus.OPEN), distinct=True),
            open_report_count=Count(
                "outdated_reports",
                filter=Q(outdated_reports__closed_at__isnull=True),
                distinct=True,
            ),
        )
    )


def entry_for_editor(user, pk: int) -> GuideEntry | None:
    return (
        entries_for_editors(user)
        .select_related("approved_revision", "approved_by", "checked_season")
        .prefetch_related("contributors")
        .filter(pk=pk)
        .first()
    )


def visible_sources(user, entry: GuideEntry) -> list[Question]:
    """The entry's source questions this editor may open in tutoring."""
    from tutoring.qa.permissions import questions_visible_to

    if not permissions.can_edit_guide(user):
        return []
    return list(
        questions_visible_to(user, entry.source_questions.all())
        .select_related("season", "swarmed_structure__structure")
        .order_by("created_at")
    )


def review_due(season: Season | None) -> QuerySet[GuideEntry]:
    """Entries in the guide that nobody checked for `season` (the periodic review list)."""
    entries = GuideEntry.objects.filter(
        status__in=[EntryStatus.PUBLISHED, EntryStatus.APPROVED]
    ).select_related("owner", "checked_season")
    if season is not None:
        entries = entries.exclude(checked_season=season)
    return entries.order_by("checked_at", "pk")


def open_outdated_reports() -> QuerySet[OutdatedReport]:
    return OutdatedReport.objects.filter(closed_at__isnull=True).select_related(
        "entry", "reported_by"
    )


def last_season() -> Season | None:
    """The newest season whose training has started: the one a review is checked for."""
    started = Season.objects.filter(training_start__lte=timezone.localdate())
    return started.order_by("-training_start", "-pk").first()


def provenance_stats(season: Season | None = None) -> dict:
    """Which sheets raise the most questions, and which experts the guide owes its answers to."""
    questions = Question.objects.all()
    entries = GuideEntry.objects.exclude(status=EntryStatus.RETIRED)
    answers = Answer.objects.filter(hidden_at__isnull=True)
    if season is not None:
        questions = questions.filter(season=season)
        entries = entries.filter(season=season)
        answers = answers.filter(question__season=season)
    sheets = (
        ActionSheetPage.objects.filter(pk__in=[s.pk for s in guide_sheets()])
        .annotate(
            question_count=Count(
                "tutoring_questions", filter=Q(tutoring_questions__in=questions), distinct=True
            ),
            entry_count=Count("guide_entries", filter=Q(guide_entries__in=entries), distinct=True),
        )
        .order_by("-question_count", "number")
    )
    experts = (
        User.objects.filter(Q(guide_contributions__in=entries) | Q(tutoring_answers__in=answers))
        .annotate(
            entry_count=Count(
                "guide_contributions", filter=Q(guide_contributions__in=entries), distinct=True
            ),
            answer_count=Count(
                "tutoring_answers", filter=Q(tutoring_answers__in=answers), distinct=True
            ),
        )
        .distinct()
        .order_by("-entry_count", "-answer_count", "last_name")
    )
    return {"sheets": list(sheets), "experts": list(experts)}
