"""Demo data of the evaluation (all fictional): the indicator catalogue, the fidelity scale, last
season's milestone reports in every state, this season's first reports, and the label.

Everything goes through `evaluation.services` (and `tutoring.pairing.lifecycle` for the pairs),
so that states, versions, report histories, audit entries and notifications are real: each step
runs at once, then what it wrote is moved back to the moment it stands for, as the guide's demo
does (`tutoring.guide.demo`). Moments are counted from the due dates or from the day of the load.
(The audit log is append-only: its entries keep the moment the demo was loaded.)

- The catalogue: version 1 prepared and published by Ansa before « Saison 2025 » started, the
  working set of indicators (`demo_content.INDICATORS`); version 2 in preparation, not published,
  with one change (the job-return rate asked at 9 months too).
- The fidelity scale: a descriptor for each level (1 to 4) of each action principle A–D.
- « Saison 2025 » (made by the guide's demo; skipped, and said so, when it is missing): each of
  its four structures followed by an expert once the training was over (a pairing started then,
  ended after the 9-month reviews). Its reports:
  - Trajectoires Emploi Val d'Aubre: 3 months sent back once for missing comments, then accepted;
    9 months accepted with an evidence file; both counter-rated. Labelled on its 9-month report.
  - Horizon Emploi Plaine Est: 3 months accepted, counter-rated by the head of network two
    levels below the structure on principle B; 9 months accepted. Labelled, then suspended.
  - Ville de Port-Sainte-Marthe: 3 months recorded by Ansa from a phone interview; 9 months
    submitted late, awaiting Ansa's review.
  - Communauté de communes des Monts d'Arvèze: 3 months submitted late and sent back with a
    comment; 9 months a draft, late.
  - The four 18-month reports scheduled, not due yet.
- « Saison 2026 » (the training-action's demo): the 3-month reports fell due a few days before
  the load (the training started 95 days before it). Val de Loire's accepted and counter-rated,
  Cornouaille's submitted, Rhône Sud's submitted and counter-rated by its expert, Hautes-Vignes'
  a draft; Tremplin Béarn's and Bourg-Sainte-Aline's not started (late, by a few days). The 9-
  and 18-month reports are scheduled.

Idempotent: the catalogue is made only when there is none, the descriptors when missing, a
season's reports told only while none of them has moved past its scheduling, a pairing only for
a structure that never had one, a label decision only for a structure without any.

Constants for the browser journey (`tests/browser/`):

- `JOURNEY_STRUCTURE` (« Association Tremplin Béarn », of « Saison 2026 »), whose referent is
  `JOURNEY_REFERENT` (referent1@essaim.test): its `JOURNEY_MILESTONE` (3-month) report is left
  scheduled, never opened, for the journey to fill over two visits and submit.
- `LABELLED_STRUCTURE`: labelled (the public list shows it); `SUSPENDED_STRUCTURE`: labelled,
  then suspended (absent from the public list).
- `SUBMITTED_REPORT`, `SENT_BACK_REPORT`, `PHONE_REPORT`, `LATE_DRAFT_REPORT`: (structure,
  milestone) of last season's report awaiting review, sent back, recorded by phone, a late draft;
  `GAP_REPORT` and `GAP_PRINCIPLE`: the accepted report whose counter-rating is two levels below.
- `CURRENT_ACCEPTED_STRUCTURE`: the structure of « Saison 2026 » whose 3-month report is
  accepted.
"""

import datetime
import heapq
import itertools
from collections import Counter
from collections.abc import Callable
from decimal import Decimal
from functools import partial

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import F, Max
from django.utils import timezone, translation
from django.utils.html import escape

from curriculum.models import Principle
from evaluation import demo_content as content
from evaluation import selectors, services
from evaluation.enums import (
    Completeness,
    FidelityLevel,
    LabelAction,
    LabelState,
    ReportEventKind,
    ReportSource,
    ReportStatus,
)
from evaluation.models import (
    CatalogueVersion,
    FidelityRating,
    LabelDecision,
    MilestoneReport,
    PrincipleDescriptor,
    ReportEvent,
    ReportFile,
)
from evaluation.schedule import due_dates
from modules.models import Season
from portal.enums import DeliveryMode
from portal.models import Notification, Structure, User
from portal.templatetags.essaim import long_date
from tutoring import demo as tutoring_demo
from tutoring import sla
from tutoring.guide import demo_content as guide_content
from tutoring.models import Pairing
from tutoring.pairing.lifecycle import pairing_end, pairing_start

LAST_SEASON_SLUG = guide_content.SEASON_SLUG
CURRENT_SEASON_SLUG = tutoring_demo.SEASON_SLUG
M3, M9, M18 = content.M3, content.M9, content.M18

JOURNEY_STRUCTURE = content.TREMPLIN
JOURNEY_REFERENT = "referent1@essaim.test"
JOURNEY_MILESTONE = M3
LABELLED_STRUCTURE = content.VAL_D_AUBRE
SUSPENDED_STRUCTURE = content.PLAINE_EST
SUBMITTED_REPORT = (content.PORT_MARTHE, M9)
SENT_BACK_REPORT = (content.ARVEZE, M3)
PHONE_REPORT = (content.PORT_MARTHE, M3)
LATE_DRAFT_REPORT = (content.ARVEZE, M9)
GAP_REPORT = (content.PLAINE_EST, M3)
GAP_PRINCIPLE = "B"
CURRENT_ACCEPTED_STRUCTURE = content.VAL_DE_LOIRE

#: A moment: (working days after the due date, clock), or (AGO, working days before the load,
#: clock) for what happened lately.
AGO = "ago"

#: Each report's story: its steps, in order, with their moments. « draft » saves the structure's
#: first, partial answers; « save » what it submits; « fix » what it changes once sent back.
FLOWS = {
    "on_time": [
        ("draft", (-9, "14:00")),
        ("save", (-3, "10:00")),
        ("submit", (-3, "10:20")),
        ("accept", (3, "15:00")),
        ("counter", (6, "10:00")),
    ],
    "sent_back_then_accepted": [
        ("draft", (-9, "14:00")),
        ("save", (-4, "10:00")),
        ("submit", (-4, "10:20")),
        ("send_back", (-1, "09:30")),
        ("fix", (2, "11:00")),
        ("submit", (2, "11:15")),
        ("accept", (5, "15:00")),
        ("counter", (8, "10:00")),
    ],
    "phone": [("phone", (8, "14:30"))],
    "submitted_late": [
        ("draft", (AGO, 9, "14:00")),
        ("save", (AGO, 4, "16:00")),
        ("submit", (AGO, 4, "16:20")),
    ],
    "sent_back_late": [
        ("draft", (AGO, 22, "10:00")),
        ("save", (AGO, 16, "10:00")),
        ("submit", (AGO, 16, "10:20")),
        ("send_back", (AGO, 11, "09:40")),
    ],
    "draft_late": [("draft", (AGO, 7, "15:00"))],
    "current_accepted": [
        ("draft", (AGO, 12, "14:00")),
        ("save", (AGO, 7, "10:00")),
        ("submit", (AGO, 7, "10:20")),
        ("accept", (AGO, 3, "15:00")),
        ("counter", (AGO, 2, "11:00")),
    ],
    "current_submitted": [
        ("draft", (AGO, 8, "09:30")),
        ("save", (AGO, 5, "16:00")),
        ("submit", (AGO, 5, "16:10")),
    ],
    "current_counter_rated": [
        ("draft", (AGO, 6, "11:00")),
        ("save", (AGO, 3, "14:00")),
        ("submit", (AGO, 3, "14:10")),
        ("counter", (AGO, 1, "10:30")),
    ],
    "current_draft": [("draft", (AGO, 4, "17:00"))],
}

#: The label's story: (structure, action, the report relied on, moment, reason); moments as in
#: FLOWS, counted from the 9-month due date.
LABELS = [
    (LABELLED_STRUCTURE, LabelAction.GRANT, M9, (20, "10:00"), content.GRANTED_REASON),
    (SUSPENDED_STRUCTURE, LabelAction.GRANT, M9, (21, "11:30"), content.SUSPENDED_GRANT_REASON),
    (SUSPENDED_STRUCTURE, LabelAction.SUSPEND, None, (AGO, 30, "15:00"), content.SUSPEND_REASON),
]

#: The catalogue's story, in working days before last season's training started (or ago).
CATALOGUE_DRAFTED = (-20, "10:00")
CATALOGUE_PUBLISHED = (-15, "16:00")
NEXT_VERSION_DRAFTED = (AGO, 6, "11:00")

#: What a step writes with the current time, moved back to the step's moment.
STAMPED = [
    (CatalogueVersion, ["created_at", "published_at"]),
    (MilestoneReport, ["created_at", "updated_at", "submitted_at", "reviewed_at"]),
    (ReportEvent, ["at"]),
    (ReportFile, ["uploaded_at"]),
    (FidelityRating, ["expert_rated_at"]),
    (LabelDecision, ["created_at"]),
    (Pairing, ["created_at"]),
    (Notification, ["created_at"]),
]


# --- Moments ----------------------------------------------------------------------------------


def at(day: datetime.date, clock: str) -> datetime.datetime:
    hours, minutes = (int(part) for part in clock.split(":"))
    return datetime.datetime.combine(day, datetime.time(hours, minutes), tzinfo=sla.PARIS)


def working_day(day: datetime.date, offset: int) -> datetime.date:
    """The working day `offset` working days after `day` (before it when negative)."""
    step = datetime.timedelta(days=1 if offset >= 0 else -1)
    for _ in range(abs(offset)):
        day += step
        while not sla.is_working_day(day):
            day += step
    while not sla.is_working_day(day):
        day += step
    return day


# --- What the story needs ---------------------------------------------------------------------


def ensure_descriptors() -> None:
    """Each principle's four levels described (a descriptor edited since is left as it is)."""
    for principle in Principle.objects.filter(letter__in=list(content.DESCRIPTORS)):
        for level, text in zip(FidelityLevel, content.DESCRIPTORS[principle.letter], strict=True):
            PrincipleDescriptor.objects.get_or_create(
                principle=principle, level=level, defaults={"text": text}
            )


def fidelity_form(ratings: dict) -> dict[str, tuple[str, str]]:
    """{letter: (level, comment)} as the report's form sends it."""
    return {letter: (str(level), comment) for letter, (level, comment) in ratings.items()}


def evidence_pdf(spec: tuple) -> SimpleUploadedFile:
    """A one-page PDF as a structure would attach it (WeasyPrint)."""
    from weasyprint import HTML

    filename, title, lines = spec
    items = "".join(f"<li>{escape(line)}</li>" for line in lines)
    html = (
        '<html lang="fr"><head><meta charset="utf-8"><style>'
        "body{font-family:'DejaVu Sans',sans-serif;font-size:11pt;margin:2cm}"
        f"</style></head><body><h1>{escape(title)}</h1><ul>{items}</ul></body></html>"
    )
    return SimpleUploadedFile(filename, HTML(string=html).write_pdf(), "application/pdf")


def season_told(season: Season) -> bool:
    """Whether the season's reports have a story already (anything past their scheduling)."""
    return (
        ReportEvent.objects.filter(report__swarmed_structure__season=season)
        .exclude(kind=ReportEventKind.SCHEDULED)
        .exists()
    )


class Story:
    """Steps of the evaluation, planned at their moments and run in time order."""

    def __init__(self, *, present: datetime.datetime):
        self.present = present
        self.swarmed: dict = {}
        self.due: dict = {}
        self._queue: list = []
        self._order = itertools.count()
        self._notifications_before = Notification.objects.aggregate(last=Max("pk"))["last"] or 0

    # The clock

    def moment(self, spec: tuple, origin: datetime.date | None) -> datetime.datetime:
        if spec[0] == AGO:
            return tutoring_demo.working_days_ago(self.present, spec[1], spec[2])
        return at(working_day(origin, spec[0]), spec[1])

    def plan(self, when: datetime.datetime, action: Callable[[datetime.datetime], object]) -> None:
        when = min(when, self.present - datetime.timedelta(minutes=1))
        heapq.heappush(self._queue, (when, next(self._order), action))

    def play(self) -> None:
        while self._queue:
            when, _order, action = heapq.heappop(self._queue)
            mark = timezone.now()
            action(when)
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

    # People and reports, read afresh at each step (permissions cache on the user)

    @staticmethod
    def person(email: str) -> User:
        return User.objects.get(email=email)

    def referent(self, name: str) -> User:
        return User.objects.get(pk=tutoring_demo.referent_of(self.swarmed[name]).pk)

    def report(self, key: tuple) -> MilestoneReport:
        name, milestone = key
        return MilestoneReport.objects.get(
            swarmed_structure=self.swarmed[name], milestone=milestone
        )

    # The catalogue

    def plan_catalogue(self, origin: datetime.date) -> None:
        state: dict = {}

        def draft(when):
            ansa = self.person(content.ANSA)
            catalogue = services.catalogue_draft(actor=ansa)
            for position, spec in enumerate(content.INDICATORS):
                code, label, definition, unit, milestones, required, target, in_totals = spec
                services.indicator_save(
                    actor=ansa,
                    catalogue=catalogue,
                    code=code,
                    label=label,
                    definition=definition,
                    unit=unit,
                    milestones=milestones,
                    required=required,
                    target=Decimal(target) if target is not None else None,
                    in_totals=in_totals,
                    position=position,
                )
            state["v1"] = catalogue.pk

        def publish(when):
            services.catalogue_publish(
                actor=self.person(content.ANSA),
                catalogue=CatalogueVersion.objects.get(pk=state["v1"]),
                note=content.PUBLISH_NOTE,
            )

        def next_version(when):
            ansa = self.person(content.ANSA)
            catalogue = services.catalogue_draft(actor=ansa)
            code, change = content.V2_CHANGE
            indicator = catalogue.indicators.get(code=code)
            fields = {field: getattr(indicator, field) for field in services.COPIED}
            services.indicator_save(
                actor=ansa, catalogue=catalogue, indicator=indicator, **{**fields, **change}
            )

        self.plan(self.moment(CATALOGUE_DRAFTED, origin), draft)
        self.plan(self.moment(CATALOGUE_PUBLISHED, origin), publish)
        self.plan(self.moment(NEXT_VERSION_DRAFTED, origin), next_version)

    # A season's reports

    def plan_season(self, season: Season) -> None:
        dates = due_dates(season)
        swarmed = {item.structure.name: item for item in season.swarmed.select_related("structure")}
        self.swarmed.update(swarmed)
        self.due.update({name: dates for name in swarmed})
        self.plan(
            at(season.training_start, "02:30"), lambda when: services.reports_schedule(season)
        )
        if season_told(season):
            return
        for key, spec in content.REPORTS.items():
            name, milestone = key
            if name not in swarmed:
                continue
            for step, moment in FLOWS[spec["flow"]]:
                self.plan(self.moment(moment, dates[milestone]), partial(self.step, key, step))

    def texts(self, key: tuple, part: str) -> dict:
        spec = content.REPORTS[key]
        if part != "fixed":
            return spec[part]
        full, fixed = spec["full"], spec["fixed"]
        return {
            **full,
            **fixed,
            "values": {**full["values"], **fixed.get("values", {})},
            "fidelity": {**full["fidelity"], **fixed.get("fidelity", {})},
        }

    def step(self, key: tuple, step: str, when: datetime.datetime) -> None:
        spec = content.REPORTS[key]
        report = self.report(key)
        ansa = self.person(content.ANSA)
        if step in {"draft", "save", "fix"}:
            part = {"draft": "first", "save": "full", "fix": "fixed"}[step]
            texts = self.texts(key, part)
            uploads = (
                [evidence_pdf(spec["evidence"])] if step == "save" and "evidence" in spec else []
            )
            services.report_save(
                actor=self.referent(key[0]),
                report=report,
                version=report.version,
                values=texts["values"],
                fidelity=fidelity_form(texts["fidelity"]),
                practice_changes=texts.get("practice_changes", ""),
                difficulties=texts.get("difficulties", ""),
                uploads=uploads,
            )
        elif step == "submit":
            services.report_submit(
                actor=self.referent(key[0]), report=report, version=report.version
            )
        elif step in {"accept", "send_back"}:
            comment = spec["comment"] if step == "send_back" else ""
            services.report_review(
                actor=ansa, report=report, accept=step == "accept", comment=comment
            )
        elif step == "phone":
            texts = spec["full"]
            services.report_record_phone_interview(
                actor=ansa,
                report=report,
                version=report.version,
                values=texts["values"],
                fidelity=fidelity_form(texts["fidelity"]),
                practice_changes=texts["practice_changes"],
                difficulties=texts["difficulties"],
                interview_note=spec["note"],
            )
        elif step == "counter":
            services.fidelity_counter_rate(
                actor=self.person(spec["counter_by"]),
                report=report,
                ratings=fidelity_form(spec["counter"]),
            )

    # Last season's follow-up by the experts

    def plan_follow_up(self, season: Season) -> None:
        dates = due_dates(season)
        start = working_day(season.training_end, 3)
        end = working_day(dates[M9], 30)
        for index, (name, email) in enumerate(content.FOLLOW_UP_EXPERTS.items()):
            swarmed = self.swarmed.get(name)
            if swarmed is None or swarmed.pairings.exists():
                continue
            self.plan(
                at(start, "10:00") + datetime.timedelta(minutes=15 * index),
                partial(self.pair, name, email),
            )
            self.plan(
                at(end, "17:00") + datetime.timedelta(minutes=5 * index),
                partial(self.unpair, name),
            )

    def pair(self, name: str, email: str, when: datetime.datetime) -> None:
        pairing = pairing_start(
            actor=self.person(content.ANSA), swarmed=self.swarmed[name], expert=self.person(email)
        )
        Pairing.objects.filter(pk=pairing.pk).update(started_on=timezone.localdate(when))

    def unpair(self, name: str, when: datetime.datetime) -> None:
        pairing = self.swarmed[name].pairings.get()
        pairing_end(actor=self.person(content.ANSA), pairing=pairing, reason=content.FOLLOW_UP_END)
        Pairing.objects.filter(pk=pairing.pk).update(ended_on=timezone.localdate(when))

    # The label

    def plan_labels(self) -> None:
        decided = set(LabelDecision.objects.values_list("structure__name", flat=True))
        for name, action, milestone, moment, reason in LABELS:
            if name in decided or name not in self.swarmed:
                continue
            when = self.moment(moment, self.due[name][M9])
            self.plan(when, partial(self.decide, name, action, milestone, reason))

    def decide(self, name: str, action: str, milestone, reason: str, when) -> None:
        swarmed = self.swarmed[name]
        services.label_decide(
            actor=self.person(content.HEAD),
            structure=swarmed.structure,
            action=action,
            reason=reason,
            report=self.report((name, milestone)) if milestone else None,
            decided_on=timezone.localdate(when),
        )


# --- What the demo holds ----------------------------------------------------------------------


def _date(value) -> str:
    with translation.override("fr"):
        return long_date(value)


def summary_of_catalogue() -> str:
    current = services.current_catalogue()
    if current is None:
        return "  évaluation : pas de catalogue d'indicateurs publié"
    indicators = list(current.indicators.all())
    asked = ", ".join(
        f"{sum(1 for indicator in indicators if milestone in indicator.milestones)} à {months} mois"
        for milestone, months in ((M3, 3), (M9, 9), (M18, 18))
    )
    totals = sum(1 for indicator in indicators if indicator.in_totals)
    by = current.published_by.get_full_name() if current.published_by else "?"
    draft = CatalogueVersion.objects.filter(published_at__isnull=True).order_by("-number").first()
    following = f"v{draft.number} en préparation" if draft else "aucune version en préparation"
    return (
        f"  évaluation : catalogue d'indicateurs v{current.number} publié le "
        f"{_date(current.published_at)} par {by}, {len(indicators)} indicateurs ({asked} ; "
        f"{totals} comptés dans les totaux) ; {following}"
    )


def summary_of_descriptors() -> str:
    descriptors = PrincipleDescriptor.objects.all()
    principles = len({descriptor.principle_id for descriptor in descriptors})
    return (
        f"  évaluation : échelle de fidélité, {descriptors.count()} descripteurs pour "
        f"{principles} principes (niveaux 1 à 4)"
    )


STATUS_WORDS = [
    (ReportStatus.ACCEPTED, "accepté(s)"),
    (ReportStatus.SUBMITTED, "transmis"),
    (ReportStatus.RETURNED, "renvoyé(s)"),
    (ReportStatus.DRAFT, "brouillon(s)"),
    (ReportStatus.SCHEDULED, "à remplir"),
]


def summary_of_season(season: Season | None, name: str) -> str:
    if season is None:
        return f"  évaluation : pas de « {name} », pas de bilans d'étape pour elle"
    rows = selectors.completeness_matrix([season])
    reports = [cell["report"] for row in rows for cell in row.cells.values()]
    states = Counter(cell["state"] for row in rows for cell in row.cells.values())
    statuses = Counter(report.status for report in reports)
    phone = sum(1 for report in reports if report.source == ReportSource.PHONE)
    words = ", ".join(
        f"{statuses[status]} {word}"
        + (
            f" dont {phone} par entretien téléphonique"
            if status == ReportStatus.ACCEPTED and phone
            else ""
        )
        for status, word in STATUS_WORDS
        if statuses[status]
    )
    return (
        f"  évaluation : {season.name}, {len(rows)} structures, {len(reports)} bilans d'étape "
        f"({words or 'aucun'}) ; {states[Completeness.LATE]} en retard, "
        f"{states[Completeness.NOT_DUE]} pas encore dus"
    )


def summary_of_label() -> str:
    structures = Structure.objects.filter(label_decisions__isnull=False).distinct().order_by("name")
    parts = []
    for structure in structures:
        last = structure.label_decisions.order_by("-created_at", "-pk").first()
        state = services.label_state(structure)
        if state == LabelState.GRANTED:
            since = next(
                (
                    entry["since"]
                    for entry in selectors.labelled_structures()
                    if entry["structure"] == structure
                ),
                last.decided_on,
            )
            parts.append(f"{structure.name} labellisée depuis le {_date(since)}")
        else:
            parts.append(f"{structure.name} : {state.label.lower()} le {_date(last.decided_on)}")
    if not parts:
        return "  évaluation : aucune décision de label"
    return f"  évaluation : label — {' ; '.join(parts)}"


# --- Entry point ------------------------------------------------------------------------------


def load(stdout, *, present: datetime.datetime | None = None) -> None:
    """Load the evaluation's demo as if it were `present` (now by default)."""
    present = present or timezone.now()
    if User.objects.filter(email__in=[content.ANSA, content.HEAD]).count() < 2:
        stdout.write(
            "  évaluation : il manque les comptes d'Ansa ou de la tête de réseau, rien à ajouter"
        )
        return
    last = Season.objects.filter(slug=LAST_SEASON_SLUG, training_start__isnull=False).first()
    current = Season.objects.filter(slug=CURRENT_SEASON_SLUG, training_start__isnull=False).first()
    story = Story(present=present)
    if not CatalogueVersion.objects.exists():
        starts = [season.training_start for season in (last, current) if season is not None]
        story.plan_catalogue(min(starts) if starts else present.date())
    ensure_descriptors()
    for season in (last, current):
        if season is not None:
            story.plan_season(season)
    if last is not None:
        story.plan_follow_up(last)
        story.plan_labels()
    story.play()
    stdout.write(summary_of_catalogue())
    stdout.write(summary_of_descriptors())
    stdout.write(summary_of_season(last, guide_content.SEASON_NAME))
    stdout.write(summary_of_season(current, "Saison 2026"))
    stdout.write(summary_of_label())
