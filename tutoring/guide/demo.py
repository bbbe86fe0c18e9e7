"""Demo data of the guide d'essaimage (all fictional): its page, last season and two editions.

Everything goes through the services, so that states, revisions, anonymisation flags, events and
notifications are real: each step runs at once, then what it wrote is moved back to the moment it
stands for (as `tutoring.demo` replays tutoring). Moments are counted from the day of the load.

- The « Guide d'essaimage » page under the home page, in the menu, in French and English.
- « Saison 2025 », finished: four structures of its own (two operators with their département,
  two collectivités), their people, and 32 questions asked during the training, answered by the
  A.CO.R experts and accepted (replayed through tutoring's Q&A services).
- « Édition 2025 », published by Ansa: 30 entries promoted from those questions, rewritten,
  every anonymisation flag masked or kept with a reason, approved by the head of network, about
  a third opened to the public. Since then: one entry rewritten and approved again, one
  completed and back in review, one retired, one outdated report closed, one still open, a few
  entries checked for « Saison 2026 ».
- « Édition 2026 », in preparation for « Saison 2026 »: entries promoted from that season's
  accepted questions — approved (and public), in review, sent back, a draft whose text still
  names a person, a phone number and a commune, and one just promoted (its pre-filled text).

Idempotent: each part is told only while what it creates does not exist (the season's
questions, the season's edition), and the page is created only when missing.

Constants for the browser journey (`tests/browser/`):

- `GUIDE_URL`: the French guide page; `EDITION_2025_SLUG`, `EDITION_2026_SLUG`: the editions.
- `REFERENT_2025`: the referent of « Saison 2025 » (a demo account), who reads the guide.
- `DRAFT_WITH_FLAGS_TITLE`: the draft of « Édition 2026 » with three open flags (person, phone,
  commune) for Ansa to resolve and submit; `IN_REVIEW_TITLE`: an entry waiting for the head of
  network's approval; `APPROVED_TITLE`: approved and public, in the next edition;
  `SENT_BACK_TITLE`: sent back to its owner; `PROMOTED_TITLE`: just promoted, pre-filled.
- `PROMOTABLE_QUESTION_TITLE`: a question of « Saison 2026 » with an accepted answer that no
  entry comes from yet, for an expert to promote.
- `UPDATED_TITLE`: rewritten after « Édition 2025 » and approved again (the next edition
  differs); `REVISED_TITLE`: completed since and back in review; `RETIRED_TITLE`: retired since
  (the next edition drops it); `OUTDATED_TITLE`: has an open outdated report.
"""

import datetime
import heapq
import itertools
from collections.abc import Callable

from django.db.models import F, Max
from django.utils import timezone, translation
from django.utils.formats import date_format

from cms_pages.demo import ensure_page, home_pages
from modules.models import Season, SwarmedMember, SwarmedStructure
from portal.enums import DeliveryMode
from portal.models import Notification, User
from tutoring import demo as tutoring_demo
from tutoring import demo_content as tutoring_content
from tutoring import sla
from tutoring.enums import EntryStatus, FlagStatus, QuestionStatus
from tutoring.guide import demo_content as content
from tutoring.guide import services
from tutoring.guide.models import (
    AnonymisationFlag,
    GuideComment,
    GuideEdition,
    GuideEntry,
    GuideEntryEvent,
    GuideEntryRevision,
    GuidePage,
    OutdatedReport,
)
from tutoring.models import Question

CURRENT_SEASON_SLUG = tutoring_demo.SEASON_SLUG
GUIDE_URL = f"/{content.GUIDE_SLUG}/"
EDITION_2025_SLUG = "edition-2025"
EDITION_2026_SLUG = "edition-2026"
REFERENT_2025 = content.REFERENT_2025


def _current_title(state: str) -> str:
    return next(spec["title"] for spec in content.CURRENT_ENTRIES if spec["state"] == state)


def _entry_title(key: str) -> str:
    return next(spec["title"] for spec in content.ENTRIES if spec["key"] == key)


def _tutoring_question(key: str) -> dict:
    return next(spec for spec in tutoring_content.QUESTIONS if spec["key"] == key)


def tutoring_question_title(key: str) -> str:
    """A question of tutoring's demo as it reads after the demo's own edits."""
    spec = _tutoring_question(key)
    edits = [step["title"] for step in spec["steps"] if step["do"] == "edit"]
    return edits[-1] if edits else spec["title"]


DRAFT_WITH_FLAGS_TITLE = _current_title("draft")
IN_REVIEW_TITLE = _current_title("in_review")
APPROVED_TITLE = _current_title("approved")
SENT_BACK_TITLE = _current_title("sent_back")
PROMOTED_TITLE = _current_title("promoted")
PROMOTABLE_QUESTION_TITLE = tutoring_question_title(content.PROMOTABLE_QUESTION)
UPDATED_TITLE = _entry_title(content.UPDATED["entry"])
REVISED_TITLE = _entry_title(content.REVISED["entry"])
RETIRED_TITLE = _entry_title(content.RETIRED["entry"])
OUTDATED_TITLE = _entry_title(content.OUTDATED["entry"])

#: Last season is this season, a year (52 weeks, the same weekdays) earlier.
YEAR = datetime.timedelta(days=364)
#: Last season's training lasted five months; the national exchange day came five weeks later.
TRAINING_DAYS = 140
EXCHANGE_AFTER_DAYS = 35

#: What a step of the guide writes with the current time, moved back to the step's moment.
STAMPED = [
    (GuideEntry, ["created_at", "updated_at", "approved_at", "checked_at"]),
    (GuideEntryRevision, ["created_at"]),
    (AnonymisationFlag, ["found_at", "resolved_at"]),
    (GuideComment, ["created_at"]),
    (GuideEntryEvent, ["at"]),
    (OutdatedReport, ["created_at", "closed_at"]),
    (GuideEdition, ["created_at", "published_at"]),
    (Notification, ["created_at"]),
]


# --- Moments ----------------------------------------------------------------------------------


def at(day: datetime.date, clock: str) -> datetime.datetime:
    hours, minutes = (int(part) for part in clock.split(":"))
    return datetime.datetime.combine(day, datetime.time(hours, minutes), tzinfo=sla.PARIS)


def working_days_after(day: datetime.date, count: int) -> datetime.date:
    while count:
        day += datetime.timedelta(days=1)
        if sla.is_working_day(day):
            count -= 1
    return day


def at_noon(moment: datetime.datetime) -> datetime.datetime:
    return timezone.localtime(moment).replace(hour=12, minute=0, second=0, microsecond=0)


# --- The page ---------------------------------------------------------------------------------


def ensure_guide_page() -> dict[str, GuidePage]:
    return ensure_page(
        home_pages(), GuidePage, content.GUIDE_SLUG, content.PAGE, show_in_menus=True
    )


# --- Last season ------------------------------------------------------------------------------


def ensure_last_season(present: datetime.datetime) -> Season:
    """« Saison 2025 »: the dates of « Saison 2026 » (see candidacy.demo) a year earlier."""
    from curriculum.models import FrameworkEdition

    back = present - YEAR
    start = (back - datetime.timedelta(days=95)).date()
    training_end = start + datetime.timedelta(days=TRAINING_DAYS)
    season, _created = Season.objects.get_or_create(
        slug=content.SEASON_SLUG,
        defaults={
            "name": content.SEASON_NAME,
            "framework_edition": FrameworkEdition.objects.filter(live=True)
            .order_by("-frozen_at")
            .first(),
            "awareness_start": (back - datetime.timedelta(days=330)).date(),
            "call_opens_at": at_noon(back - datetime.timedelta(days=240)),
            "call_closes_at": at_noon(back - datetime.timedelta(days=170)),
            "selection_date": (back - datetime.timedelta(days=130)).date(),
            "training_start": start,
            "training_end": training_end,
            "exchange_day": training_end + datetime.timedelta(days=EXCHANGE_AFTER_DAYS),
        },
    )
    return season


def ensure_structures(season: Season, present: datetime.datetime) -> dict[str, SwarmedStructure]:
    """The season's structures, selected and bound a year before this season's were."""
    from modules.demo import swarm

    ansa = User.objects.filter(email=content.ANSA).first()
    for spec in content.STRUCTURES:
        swarm(season=season, spec=spec, now=present - YEAR, ansa=ansa)
    return {
        item.structure.name: item
        for item in season.swarmed.select_related("structure", "candidacy")
    }


def ask_questions(season: Season, swarmed: dict, sheets: dict, present) -> None:
    """The season's questions, replayed as tutoring's demo replays its own (no pairs then: each
    question went to the experts of its sheets)."""
    if Question.objects.filter(season=season).exists():
        return
    before = Notification.objects.aggregate(last=Max("pk"))["last"] or 0
    replay = tutoring_demo.Replay(
        season=season,
        swarmed=swarmed,
        sheets=sheets,
        people=tutoring_demo.people_of(season),
        present=at(season.training_end, "18:00"),
    )
    for spec in content.QUESTIONS:
        replay.plan(replay.asked_at(spec), lambda when, spec=spec: replay.ask(spec, when))
    replay.play()
    # Read long ago, like every notification of a finished season.
    Notification.objects.filter(pk__gt=before, read_at__isnull=True).update(
        read_at=F("created_at") + datetime.timedelta(hours=2)
    )


# --- The guide's story ------------------------------------------------------------------------


class Story:
    """Steps of the guide's editorial life, planned at their moments and run in time order."""

    def __init__(self, *, present: datetime.datetime, sheets: dict):
        self.present = present
        self.sheets = sheets
        self.people = {
            user.email: user
            for user in User.objects.filter(
                email__in=[
                    content.ANSA,
                    content.HEAD,
                    content.NADIA,
                    content.JULIEN,
                    content.SOPHIE,
                    content.MATHIEU,
                    content.AMAIA,
                    content.REFERENT_2025,
                    content.OUTDATED["reporter"],
                ]
            )
        }
        self.entries: dict[str, int] = {}
        self.editions: dict[str, int] = {}
        self._queue: list = []
        self._order = itertools.count()
        self._notifications_before = Notification.objects.aggregate(last=Max("pk"))["last"] or 0

    # The clock

    def ago(self, days: int, clock: str, *, minutes: int = 0) -> datetime.datetime:
        moment = tutoring_demo.working_days_ago(self.present, days, clock)
        return moment + datetime.timedelta(minutes=minutes)

    def plan(self, when: datetime.datetime, action: Callable[[], object]) -> None:
        when = min(when, self.present - datetime.timedelta(minutes=1))
        heapq.heappush(self._queue, (when, next(self._order), action))

    def play(self) -> None:
        while self._queue:
            when, _order, action = heapq.heappop(self._queue)
            mark = timezone.now()
            action()
            self.move_back(mark, when)
        Notification.objects.filter(
            pk__gt=self._notifications_before,
            read_at__isnull=True,
            created_at__lt=self.present - tutoring_demo.READ_AFTER,
        ).update(read_at=F("created_at") + datetime.timedelta(hours=2))

    def move_back(self, mark: datetime.datetime, when: datetime.datetime) -> None:
        Notification.objects.filter(created_at__gte=mark).exclude(delivery=DeliveryMode.OFF).update(
            emailed_at=when
        )
        for model, fields in STAMPED:
            for field in fields:
                model.objects.filter(**{f"{field}__gte": mark}).update(**{field: when})

    # Steps

    def entry(self, key: str) -> GuideEntry:
        return GuideEntry.objects.get(pk=self.entries[key])

    def promote(self, spec: dict, questions: list[Question], territory: str) -> None:
        entry = services.entry_promote(
            actor=self.people[spec["by"]],
            questions=questions,
            kind=spec["kind"],
            title=spec["title"],
            sheet_ids=[self.sheets[number].pk for number in spec["sheets"]],
            territory_kind=territory,
        )
        self.entries[spec["key"]] = entry.pk

    def write(self, key: str, body: str, *, by: str, note: str = "") -> None:
        entry = self.entry(key)
        services.entry_update(
            actor=self.people[by],
            entry=entry,
            version=entry.version,
            kind=entry.kind,
            title=entry.title,
            body=body,
            sheet_ids=list(entry.sheets.values_list("pk", flat=True)),
            territory_kind=entry.territory_kind,
            note=note,
        )

    def resolve(self, key: str, spec: dict, *, by: str) -> None:
        """Mask or keep each flag as the entry's spec says (what it does not foresee is masked)."""
        masks = {passage.lower(): text for passage, text in spec.get("mask", {}).items()}
        keeps = {passage.lower(): text for passage, text in spec.get("keep", {}).items()}
        while True:
            flags = list(
                AnonymisationFlag.objects.filter(
                    entry_id=self.entries[key], status=FlagStatus.OPEN
                ).select_related("entry")
            )
            if not flags:
                return
            # What the spec names first: masking a passage may drop the flags inside it.
            flag = next((f for f in flags if f.text.lower() in masks | keeps), flags[0])
            passage = flag.text.lower()
            if passage in keeps:
                services.flag_resolve(
                    actor=self.people[by], flag=flag, mask=False, reason=keeps[passage]
                )
            else:
                services.flag_resolve(
                    actor=self.people[by], flag=flag, mask=True, replacement=masks.get(passage, "")
                )

    def act(self, key: str, action: str, *, by: str, text: str = "") -> None:
        services.entry_transition(
            actor=self.people[by], entry=self.entry(key), action=action, text=text
        )

    def comment(self, key: str, *, by: str, text: str) -> None:
        services.entry_comment(actor=self.people[by], entry=self.entry(key), body=text)

    def make_public(self, key: str) -> None:
        services.entry_set_public(
            actor=self.people[content.HEAD], entry=self.entry(key), public=True
        )

    def create_edition(self, season: Season, spec: dict) -> None:
        edition = services.edition_create(
            actor=self.people[content.ANSA], season=season, name=spec["name"], note=spec["note"]
        )
        self.editions[season.slug] = edition.pk

    def publish_edition(self, season: Season) -> None:
        edition = GuideEdition.objects.get(pk=self.editions[season.slug])
        services.edition_publish(
            actor=self.people[content.ANSA], edition=edition, version=edition.version
        )

    # « Édition 2025 »

    def plan_last_edition(self, season: Season) -> None:
        end = season.training_end
        questions = {
            spec["key"]: Question.objects.filter(season=season, title=spec["title"]).first()
            for spec in content.QUESTIONS
        }
        territories = {
            item.pk: content.TERRITORIES.get(item.structure.name, "")
            for item in season.swarmed.select_related("structure")
        }
        self.plan(
            at(working_days_after(end, 12), "11:00"),
            lambda: self.create_edition(season, content.EDITION_2025),
        )
        for index, spec in enumerate(content.ENTRIES):
            sources = [questions[key] for key in spec["sources"]]
            if None in sources:
                continue
            self.plan_last_entry(index, spec, sources, territories, end)
        self.plan(
            at(working_days_after(season.exchange_day, 1), "11:00"),
            lambda: self.publish_edition(season),
        )

    def plan_last_entry(self, index: int, spec: dict, sources, territories: dict, end) -> None:
        key, owner, head = spec["key"], spec["by"], content.HEAD
        territory = territories.get(sources[0].swarmed_structure_id, "")
        start = at(working_days_after(end, 4 + index // 4), "09:30")
        start += datetime.timedelta(minutes=80 * (index % 4))

        def minutes(count: int) -> datetime.datetime:
            return start + datetime.timedelta(minutes=count)

        self.plan(minutes(0), lambda: self.promote(spec, sources, territory))
        self.plan(minutes(30), lambda: self.write(key, spec.get("first", spec["body"]), by=owner))
        self.plan(minutes(40), lambda: self.resolve(key, spec, by=owner))
        remark = spec.get("comment")
        if remark and remark[0] != head:
            self.plan(minutes(50), lambda: self.comment(key, by=remark[0], text=remark[1]))
        self.plan(minutes(55), lambda: self.act(key, "submit", by=owner))
        if remark and remark[0] == head:
            self.plan(
                at(working_days_after(end, 15), "16:00") + datetime.timedelta(minutes=index),
                lambda: self.comment(key, by=head, text=remark[1]),
            )
        if "first" in spec:
            back = at(working_days_after(end, 13), "10:00") + datetime.timedelta(minutes=index)
            self.plan(back, lambda: self.act(key, "send_back", by=head, text=spec["sent_back"]))
            again = at(working_days_after(end, 14), "14:00")
            self.plan(again, lambda: self.write(key, spec["body"], by=owner))
            self.plan(
                again + datetime.timedelta(minutes=10), lambda: self.resolve(key, spec, by=owner)
            )
            self.plan(
                again + datetime.timedelta(minutes=15), lambda: self.act(key, "submit", by=owner)
            )
        approval = at(working_days_after(end, 17 + index // 10), "09:00")
        approval += datetime.timedelta(minutes=15 * (index % 10))
        self.plan(approval, lambda: self.act(key, "approve", by=head))
        if spec.get("public"):
            self.plan(approval + datetime.timedelta(minutes=4), lambda: self.make_public(key))

    def plan_since_publication(self, current: Season | None) -> None:
        """The guide's life once « Édition 2025 » was out, up to today."""
        head = content.HEAD
        spec = content.UPDATED
        key = spec["entry"]
        owner = next(entry["by"] for entry in content.ENTRIES if entry["key"] == key)
        reports: dict[str, int] = {}

        def report(key: str, by: str, reason: str, name: str) -> None:
            found = services.entry_report_outdated(
                actor=self.people[by], entry=self.entry(key), reason=reason
            )
            reports[name] = found.pk

        def rewrite(key: str, by: str, change, note: str) -> None:
            self.write(key, change(self.entry(key).body), by=by, note=note)

        def close(name: str, by: str, response: str) -> None:
            services.outdated_close(
                actor=self.people[by],
                report=OutdatedReport.objects.get(pk=reports[name]),
                response=response,
            )

        old, new = spec["replace"]
        self.plan(self.ago(48, "10:30"), lambda: report(key, spec["reporter"], spec["report"], key))
        self.plan(
            self.ago(46, "15:00"),
            lambda: rewrite(key, owner, lambda body: body.replace(old, new), spec["note"]),
        )
        self.plan(self.ago(46, "15:20"), lambda: self.act(key, "submit", by=owner))
        self.plan(self.ago(44, "09:40"), lambda: self.act(key, "approve", by=head))
        self.plan(self.ago(44, "10:05"), lambda: close(key, owner, spec["response"]))

        retired = content.RETIRED
        self.plan(
            self.ago(40, "11:00"),
            lambda: self.act(retired["entry"], "retire", by=content.ANSA, text=retired["reason"]),
        )

        if current is not None:
            for index, (checked, expert) in enumerate(content.CHECKED):
                self.plan(
                    self.ago(25, "10:00", minutes=7 * index),
                    lambda checked=checked, expert=expert: services.entry_check(
                        actor=self.people[expert], entry=self.entry(checked), season=current
                    ),
                )

        revised = content.REVISED
        revised_key = revised["entry"]
        revised_owner = next(e["by"] for e in content.ENTRIES if e["key"] == revised_key)
        self.plan(
            self.ago(12, "14:00"),
            lambda: rewrite(
                revised_key, revised_owner, lambda body: body + revised["append"], revised["note"]
            ),
        )
        self.plan(self.ago(12, "14:20"), lambda: self.act(revised_key, "submit", by=revised_owner))
        self.plan(
            self.ago(3, "09:15"),
            lambda: self.comment(revised_key, by=revised["comment"][0], text=revised["comment"][1]),
        )

        outdated = content.OUTDATED
        self.plan(
            self.ago(6, "16:40"),
            lambda: report(outdated["entry"], outdated["reporter"], outdated["reason"], "open"),
        )

    # « Édition 2026 »

    #: When each state's entry was promoted, written, submitted and decided (working days ago).
    SCHEDULE = {
        "approved": {"promote": (18, "09:30"), "submit": (18, "10:30"), "decide": (9, "10:00")},
        "in_review": {"promote": (11, "14:00"), "submit": (10, "09:00"), "comment": (2, "17:30")},
        "sent_back": {"promote": (8, "11:00"), "submit": (8, "12:10"), "decide": (5, "09:20")},
        "draft": {"promote": (4, "10:00"), "comment": (1, "09:10")},
        "promoted": {"promote": (1, "15:00")},
    }

    def plan_current_edition(self, season: Season) -> None:
        territories = {
            item.pk: content.TERRITORIES.get(item.structure.name, "")
            for item in season.swarmed.select_related("structure")
        }
        self.plan(self.ago(20, "10:00"), lambda: self.create_edition(season, content.EDITION_2026))
        for spec in content.CURRENT_ENTRIES:
            sources = [
                Question.objects.filter(
                    season=season,
                    title=tutoring_question_title(key),
                    accepted_answer__isnull=False,
                ).first()
                for key in spec["sources"]
            ]
            if None in sources:
                continue
            territory = territories.get(sources[0].swarmed_structure_id, "")
            self.plan_current_entry(spec, sources, territory)

    def plan_current_entry(self, spec: dict, sources, territory: str) -> None:
        key, owner, head, state = spec["key"], spec["by"], content.HEAD, spec["state"]
        steps = self.SCHEDULE[state]
        promoted = self.ago(*steps["promote"])
        self.plan(promoted, lambda: self.promote(spec, sources, territory))
        if state == "promoted":
            return
        written = promoted + datetime.timedelta(minutes=40)
        self.plan(written, lambda: self.write(key, spec["body"], by=owner))
        if state != "draft":  # the draft keeps its flags for Ansa to resolve
            self.plan(
                written + datetime.timedelta(minutes=10), lambda: self.resolve(key, spec, by=owner)
            )
            self.plan(self.ago(*steps["submit"]), lambda: self.act(key, "submit", by=owner))
        if state == "approved":
            decided = self.ago(*steps["decide"])
            self.plan(decided, lambda: self.act(key, "approve", by=head))
            if spec.get("public"):
                self.plan(decided + datetime.timedelta(minutes=5), lambda: self.make_public(key))
        elif state == "sent_back":
            self.plan(
                self.ago(*steps["decide"]),
                lambda: self.act(key, "send_back", by=head, text=spec["sent_back"]),
            )
        if spec.get("comment") and "comment" in steps:
            author, text = spec["comment"]
            self.plan(self.ago(*steps["comment"]), lambda: self.comment(key, by=author, text=text))


# --- What the demo holds ----------------------------------------------------------------------


def _french_date(moment: datetime.datetime) -> str:
    with translation.override("fr"):
        return date_format(timezone.localtime(moment), "j F Y")


def summary_of_season(season: Season) -> str:
    questions = Question.objects.filter(season=season)
    accepted = questions.filter(status=QuestionStatus.RESOLVED).count()
    structures = season.swarmed.count()
    people = SwarmedMember.objects.filter(swarmed_structure__season=season).count()
    return (
        f"  guide d'essaimage : {season.name} terminée, {structures} structures, {people} "
        f"personnes, {questions.count()} questions dont {accepted} réponses acceptées"
    )


def summary_of_last_edition(season: Season) -> str:
    edition = GuideEdition.objects.filter(season=season).first()
    if edition is None or not edition.is_published:
        return "  guide d'essaimage : pas d'édition publiée pour la saison passée"
    items = edition.items.select_related("entry")
    changed = sum(
        1
        for item in items
        if item.entry.status == EntryStatus.RETIRED
        or item.entry.approved_revision_id != item.revision_id
        or item.entry.status != EntryStatus.PUBLISHED
    )
    chapters = len({item.chapter for item in items})
    public = sum(1 for item in items if item.is_public)
    reports = OutdatedReport.objects.filter(
        entry__edition_items__edition=edition, closed_at__isnull=True
    ).count()
    return (
        f"  guide d'essaimage : {edition.name} publiée le {_french_date(edition.published_at)}, "
        f"{len(items)} entrées sur {chapters} fiches dont {public} ouvertes au public ; "
        f"{changed} modifiée(s) ou retirée(s) depuis, {reports} signalement(s) ouvert(s)"
    )


def summary_of_current_edition(season: Season | None) -> str:
    edition = GuideEdition.objects.filter(season=season).first() if season else None
    if edition is None:
        return "  guide d'essaimage : pas d'édition en préparation pour la saison en cours"
    entries = GuideEntry.objects.filter(season=season)
    drafts = entries.filter(status=EntryStatus.DRAFT)
    flagged = drafts.filter(flags__status=FlagStatus.OPEN).distinct().count()
    return (
        f"  guide d'essaimage : {edition.name} {edition.get_status_display().lower()}, "
        f"{entries.count()} entrées de la {season.name.lower()} ({drafts.count()} brouillons "
        f"dont {flagged} avec des données à anonymiser, "
        f"{entries.filter(status=EntryStatus.IN_REVIEW).count()} en relecture, "
        f"{entries.filter(status=EntryStatus.APPROVED).count()} approuvée(s))"
    )


# --- Entry point ------------------------------------------------------------------------------


def load(stdout, *, present: datetime.datetime | None = None) -> None:
    """Load the guide's demo as if it were `present` (now by default)."""
    present = present or timezone.now()
    pages = ensure_guide_page()
    stdout.write(f"  guide d'essaimage : page « {pages['fr'].title} », en français et en anglais")
    sheets = tutoring_demo.action_sheets()
    needed = [content.ANSA, content.HEAD, content.REFERENT_2025]
    if len(sheets) < 13 or User.objects.filter(email__in=needed).count() < len(needed):
        stdout.write(
            "  guide d'essaimage : il manque les fiches-actions ou les comptes d'Ansa, de la tête "
            "de réseau ou du référent 2025, rien à ajouter"
        )
        return
    season = ensure_last_season(present)
    swarmed = ensure_structures(season, present)
    ask_questions(season, swarmed, sheets, present)
    stdout.write(summary_of_season(season))

    current = Season.objects.filter(slug=CURRENT_SEASON_SLUG).first()
    story = Story(present=present, sheets=sheets)
    if not GuideEdition.objects.filter(season=season).exists():
        story.plan_last_edition(season)
        story.plan_since_publication(current)
    if current is not None and not GuideEdition.objects.filter(season=current).exists():
        story.plan_current_edition(current)
    story.play()
    stdout.write(summary_of_last_edition(season))
    stdout.write(summary_of_current_edition(current))
