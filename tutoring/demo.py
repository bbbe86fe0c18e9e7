"""Demo data of tutoring (all fictional), on « Saison 2026 » under way.

- Profiles: five A.CO.R experts (two accounts added here) with their levels on the sheets,
  capacity and availability; each swarmed structure's needs; a declared conflict of interest.
- The season's story, replayed in time order through the services so that events, audit entries
  and notifications are real: four structures paired (one of them re-paired after an ended
  pairing), two left for Ansa to pair, about forty questions in every state, the hotline.
  Each step runs at once, then what it wrote is moved back to the moment it stands for; a
  simulated Celery beat runs the escalation and the accept reminders at each deadline passed, so
  every question is where the timing rule (`tutoring.sla`) says it should be. The audit log is
  append-only: its entries keep the moment the demo was loaded.
- The pairs' log, an open change request, and the last contact of each pair.

Idempotent: profiles that exist are left as they are, and the story is told only while the
season has no pairing, question or hotline ticket.
"""

import datetime
import heapq
import itertools
from collections.abc import Callable

from django.conf import settings
from django.db.models import F, Max, Q
from django.utils import timezone

from curriculum.models import ActionSheetPage
from modules import demo_content as training
from modules.models import ModulePage, Season, SeasonRole, SwarmedStructure, TrainingSession
from portal.enums import DeliveryMode, MembershipRole
from portal.models import Membership, Notification, Structure, User
from portal.roles import Role
from portal.sanitiser import render_markdown
from portal.structures.demo import ACOR
from tutoring import demo_content as content
from tutoring import sla
from tutoring.enums import EscalationLevel, PairingStatus, QuestionStatus
from tutoring.models import (
    Answer,
    Comment,
    ExpertAvailability,
    ExpertProfile,
    ExpertSheetLevel,
    LogEntry,
    NeedSheetPriority,
    NeedsProfile,
    Pairing,
    PairingChangeRequest,
    PairingConflict,
    PostRevision,
    Question,
    QuestionEvent,
    ScopeProposal,
    Ticket,
    TicketMessage,
    TutoringSettings,
)
from tutoring.pairing import algorithm
from tutoring.pairing.lifecycle import pairing_end, pairing_start
from tutoring.qa import services as qa

SEASON_SLUG = "saison-2026"

#: How long after a deadline the simulated beat notices it.
TICK = datetime.timedelta(minutes=3)

#: Notifications older than this are read in the demo; the recent ones wait for their reader.
READ_AFTER = datetime.timedelta(days=7)

#: What a step of the story writes with the current time, moved back to the step's moment.
#: (The audit log is append-only and keeps its own time.)
STAMPED = [
    (Question, ["created_at", "updated_at", "first_answered_at", "hidden_at"]),
    (Answer, ["created_at", "updated_at", "hidden_at"]),
    (Comment, ["created_at", "hidden_at"]),
    (QuestionEvent, ["at"]),
    (PostRevision, ["edited_at"]),
    (ScopeProposal, ["proposed_at", "decided_at"]),
    (Ticket, ["created_at", "updated_at"]),
    (TicketMessage, ["created_at"]),
    (Pairing, ["created_at"]),
    (Notification, ["created_at"]),
]


# --- Moments ----------------------------------------------------------------------------------


def _previous_working_day(day: datetime.date) -> datetime.date:
    day -= datetime.timedelta(days=1)
    while not sla.is_working_day(day):
        day -= datetime.timedelta(days=1)
    return day


def working_days_ago(present: datetime.datetime, days: int, clock: str) -> datetime.datetime:
    """`clock` (Paris) on the working day `days` working days before the last one up to today.

    Counting in working days keeps each question's state whatever the weekday of the load:
    asked four working days ago, a paired question has passed its 3-day deadline and not yet
    the 2 more days before Ansa. Never later than half an hour before `present`.
    """
    day = present.astimezone(sla.PARIS).date()
    if not sla.is_working_day(day):
        day = _previous_working_day(day)
    for _ in range(days):
        day = _previous_working_day(day)
    hours, minutes = (int(part) for part in clock.split(":"))
    moment = datetime.datetime.combine(day, datetime.time(hours, minutes), tzinfo=sla.PARIS)
    return min(moment, present - datetime.timedelta(minutes=30))


def office_hours(moment: datetime.datetime) -> datetime.datetime:
    """The moment, or the next opening of an office (8:00–19:00 on working days) after it."""
    local = moment.astimezone(sla.PARIS)
    day = local.date()
    if sla.is_working_day(day) and 8 <= local.hour < 19:
        return moment
    if sla.is_working_day(day) and local.hour < 8:
        opening = 8
    else:
        opening = 9
        day += datetime.timedelta(days=1)
        while not sla.is_working_day(day):
            day += datetime.timedelta(days=1)
    return datetime.datetime.combine(day, datetime.time(opening, local.minute), tzinfo=sla.PARIS)


def end_of_day(day: datetime.date) -> datetime.datetime:
    """When a past exchange of the log counts as the last contact (as the log's service does)."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(23, 59, 59)))


# --- Profiles ---------------------------------------------------------------------------------


def action_sheets() -> dict[int, ActionSheetPage]:
    return {
        sheet.number: sheet
        for sheet in ActionSheetPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
    }


def ensure_settings(season: Season) -> TutoringSettings:
    levels, _created = TutoringSettings.objects.get_or_create(
        season=season, defaults=content.SERVICE_LEVELS
    )
    return levels


def ensure_expert_account(spec: dict) -> User | None:
    """Experts 1–3 come with the demo accounts; the others are created like them."""
    if not spec["new"]:
        return User.objects.filter(email=spec["email"]).first()
    from modules.demo import ensure_person

    user = ensure_person(spec["email"], spec["first_name"], spec["last_name"], Role.EXPERT)
    acor = Structure.objects.filter(name=ACOR).first()
    if acor is not None:
        Membership.objects.get_or_create(
            user=user,
            structure=acor,
            end_date=None,
            defaults={
                "role": MembershipRole.CRE,
                "is_admin": False,
                "start_date": timezone.localdate() - datetime.timedelta(days=120),
            },
        )
    return user


def ensure_experts(season: Season, sheets: dict[int, ActionSheetPage]) -> dict[str, User]:
    experts = {}
    for spec in content.EXPERTS:
        user = ensure_expert_account(spec)
        if user is None:
            continue
        experts[spec["email"]] = user
        profile, created = ExpertProfile.objects.get_or_create(
            user=user, defaults={"bio": spec["bio"], "capacity": spec["capacity"]}
        )
        if not created:
            continue
        ExpertSheetLevel.objects.bulk_create(
            ExpertSheetLevel(profile=profile, sheet=sheets[number], level=level)
            for number, level in spec["levels"].items()
        )
        if spec["availability"]:
            ExpertAvailability.objects.create(
                profile=profile,
                starts_on=season.training_start,
                ends_on=season.exchange_day or season.training_end or season.training_start,
                note=spec["availability"],
            )
    return experts


def referent_of(swarmed: SwarmedStructure) -> User | None:
    member = swarmed.members.filter(role=SeasonRole.REFERENT).select_related("user").first()
    return member.user if member else None


def ensure_needs(swarmed: dict[str, SwarmedStructure], sheets: dict[int, ActionSheetPage]) -> None:
    for name, spec in content.NEEDS.items():
        structure = swarmed.get(name)
        if structure is None:
            continue
        # The profile starts from what the structure wrote in its candidacy.
        written = (structure.candidacy.needs or "").strip() if structure.candidacy_id else ""
        problems = f"{written}\n\n{spec['problems']}" if written else spec["problems"]
        profile, created = NeedsProfile.objects.get_or_create(
            swarmed_structure=structure,
            defaults={"problems": problems, "updated_by": referent_of(structure)},
        )
        if created:
            NeedSheetPriority.objects.bulk_create(
                NeedSheetPriority(profile=profile, sheet=sheets[number], priority=priority)
                for number, priority in spec["priorities"].items()
            )


def ensure_conflict(experts: dict[str, User], swarmed: dict[str, SwarmedStructure], ansa) -> None:
    email, name, reason = content.CONFLICT
    if email in experts and name in swarmed:
        PairingConflict.objects.get_or_create(
            expert=experts[email],
            structure=swarmed[name].structure,
            defaults={"reason": reason, "declared_by": ansa},
        )


def fit(swarmed: SwarmedStructure, expert: User) -> tuple[float, list[dict]]:
    """The pair's score and reasons, as the pairing proposal computes and stores them."""
    priorities = dict(
        NeedSheetPriority.objects.filter(profile__swarmed_structure=swarmed).values_list(
            "sheet_id", "priority"
        )
    )
    levels = dict(
        ExpertSheetLevel.objects.filter(profile__user=expert).values_list("sheet_id", "level")
    )
    sheets = ActionSheetPage.objects.in_bulk(list(priorities))
    reasons = [
        {
            "sheet": sheets[reason.sheet_id].number,
            "sheet_id": reason.sheet_id,
            "title": sheets[reason.sheet_id].title,
            "need": reason.need,
            "level": reason.level,
            "points": reason.points,
        }
        for reason in algorithm.explain(priorities, levels)
    ]
    return algorithm.fit_score(priorities, levels), reasons


# --- The season's story -----------------------------------------------------------------------


class Story:
    """The season replayed in time order: each step through its service, at its moment."""

    def __init__(self, *, season: Season, swarmed: dict, sheets: dict, people: dict, present):
        self.season = season
        self.swarmed = swarmed
        self.sheets = sheets
        self.people = people
        self.present = present
        self.ansa = people[content.ANSA]
        self.levels = ensure_settings(season)
        self.modules = {
            module.number: module
            for module in ModulePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
        }
        self.sessions = {}
        for key, kind, number, *_rest in training.SESSIONS:
            # Found as modules.demo finds them again: one session per kind and module.
            found = TrainingSession.objects.filter(season=season, kind=kind)
            found = found.filter(module__number=number) if number else found.filter(module=None)
            if (session := found.first()) is not None:
                self.sessions[key] = session
        self.pairings: dict[tuple[str, str], Pairing] = {}
        self.questions: dict[str, Question] = {}
        self.answers: dict[str, list[Answer]] = {}
        self.tickets: dict[str, Ticket] = {}
        self._queue: list = []
        self._order = itertools.count()
        self._ticks: set[datetime.datetime] = set()
        self._notifications_before = Notification.objects.aggregate(last=Max("pk"))["last"] or 0

    # The clock

    def moment(self, when) -> datetime.datetime:
        days, clock = when
        return working_days_ago(self.present, days, clock)

    def later(self, when: datetime.datetime, step: int = 1) -> datetime.datetime:
        """A moment of the past: one that would fall in the future waits just before now."""
        return min(when, self.present - datetime.timedelta(minutes=step))

    def plan(self, when: datetime.datetime, action: Callable[[datetime.datetime], None]) -> None:
        heapq.heappush(self._queue, (when, next(self._order), action))

    def play(self) -> None:
        self.open_tickets()
        for name, email, started, ended, reason in content.PAIRINGS:
            self.plan_pairing(name, email, started, ended, reason)
        for spec in content.QUESTIONS:
            if spec["structure"] in self.swarmed and spec["asker"] in self.people:
                self.plan(self.asked_at(spec), lambda when, spec=spec: self.ask(spec, when))
        while self._queue:
            when, _order, action = heapq.heappop(self._queue)
            mark = timezone.now()
            action(when)
            self.move_back(mark, when)
            self.plan_beat()
        self.write_log()
        self.ask_for_change()
        self.settle_last_contacts()
        self.read_old_notifications()

    def move_back(self, mark: datetime.datetime, when: datetime.datetime) -> None:
        """Give what the step just wrote the step's moment; its e-mails count as sent then."""
        Notification.objects.filter(created_at__gte=mark).exclude(delivery=DeliveryMode.OFF).update(
            emailed_at=when
        )
        for model, fields in STAMPED:
            for field in fields:
                model.objects.filter(**{f"{field}__gte": mark}).update(**{field: when})

    def plan_beat(self) -> None:
        """Celery beat, simulated: it runs again at each deadline that passed before now."""
        due = Question.objects.filter(season=self.season).filter(
            Q(status=QuestionStatus.OPEN, escalates_at__isnull=False, hidden_at__isnull=True)
            | Q(status=QuestionStatus.ANSWERED, remind_accept_at__isnull=False)
        )
        for status, escalates_at, remind_at in due.values_list(
            "status", "escalates_at", "remind_accept_at"
        ):
            when = (escalates_at if status == QuestionStatus.OPEN else remind_at) + TICK
            if when < self.present and when not in self._ticks:
                self._ticks.add(when)
                self.plan(when, self.beat)

    def beat(self, when: datetime.datetime) -> None:
        qa.escalate_due(now=when)
        qa.remind_accept_due(now=when)

    # Pairs

    def plan_pairing(self, name: str, email: str, started, ended, reason: str) -> None:
        swarmed, expert = self.swarmed.get(name), self.people.get(email)
        if swarmed is None or expert is None:
            return

        def start(when):
            score, reasons = fit(swarmed, expert)
            pairing = pairing_start(
                actor=self.ansa, swarmed=swarmed, expert=expert, score=score, reasons=reasons
            )
            Pairing.objects.filter(pk=pairing.pk).update(started_on=when.date())
            self.pairings[(name, email)] = pairing

        def end(when):
            pairing_end(actor=self.ansa, pairing=self.pairings[(name, email)], reason=reason)
            Pairing.objects.filter(pk=self.pairings[(name, email)].pk).update(ended_on=when.date())

        self.plan(self.moment(started), start)
        if ended:
            self.plan(self.moment(ended), end)

    def write_log(self) -> None:
        for (name, email), entries in content.LOG_ENTRIES.items():
            pairing = self.pairings.get((name, email))
            if pairing is None:
                continue
            for days, minutes, channel, numbers, recorder, notes in entries:
                day = self.moment((days, "18:00"))
                entry = LogEntry.objects.create(
                    pairing=pairing,
                    happened_on=timezone.localdate(day),
                    duration_minutes=minutes,
                    channel=channel,
                    notes=notes,
                    notes_html=render_markdown(notes),
                    recorded_by=self.people.get(recorder),
                    created_at=day,
                )
                entry.sheets.set([self.sheets[number] for number in numbers])

    def ask_for_change(self) -> None:
        name, email, requester, when, reason = content.CHANGE_REQUEST
        pairing = self.pairings.get((name, email))
        if pairing is not None and pairing.status == PairingStatus.ACTIVE:
            PairingChangeRequest.objects.create(
                pairing=pairing,
                requested_by=self.people.get(requester),
                reason=reason,
                created_at=self.moment(when),
            )

    def settle_last_contacts(self) -> None:
        """A pair's last contact: its latest logged exchange or answer of its expert."""
        for pairing in Pairing.objects.filter(swarmed_structure__season=self.season):
            moments = [
                end_of_day(day) for day in pairing.log_entries.values_list("happened_on", flat=True)
            ]
            moments += Answer.objects.filter(
                question__pairing=pairing, author_id=pairing.expert_id
            ).values_list("created_at", flat=True)
            last = max(moments, default=None)
            Pairing.objects.filter(pk=pairing.pk).update(
                last_contact_at=min(last, self.present) if last else None
            )

    def read_old_notifications(self) -> None:
        Notification.objects.filter(
            pk__gt=self._notifications_before, created_at__lt=self.present - READ_AFTER
        ).update(read_at=F("created_at") + datetime.timedelta(hours=2))

    # The hotline

    def open_tickets(self) -> None:
        for key, name, opener, subject, status, messages in content.TICKETS:
            swarmed = self.swarmed.get(name)
            if swarmed is None:
                continue
            moments = [self.moment(when) for when, *_rest in messages]
            ticket = Ticket.objects.create(
                season=self.season,
                swarmed_structure=swarmed,
                opened_by=self.people.get(opener),
                subject=subject,
                status=status,
                created_at=moments[0],
            )
            for when, (_when, author, from_ansa, body) in zip(moments, messages, strict=True):
                TicketMessage.objects.create(
                    ticket=ticket,
                    author=self.people.get(author),
                    from_ansa=from_ansa,
                    body=body,
                    body_html=render_markdown(body),
                    created_at=when,
                )
            Ticket.objects.filter(pk=ticket.pk).update(updated_at=moments[-1])
            self.tickets[key] = ticket

    # Questions

    def asked_at(self, spec: dict) -> datetime.datetime:
        if "session" not in spec:
            return self.moment(spec["asked"])
        session = self.sessions.get(spec["session"])
        if session is None:  # the training's demo was not loaded: two weeks ago
            return self.moment((10, "10:00"))
        return self.later(office_hours(session.ends_at + datetime.timedelta(hours=spec["asked"])))

    def fresh(self, key: str) -> Question:
        return Question.objects.select_related("season", "swarmed_structure__structure").get(
            pk=self.questions[key].pk
        )

    def ask(self, spec: dict, when: datetime.datetime) -> None:
        swarmed = self.swarmed[spec["structure"]]
        asker = self.people[spec["asker"]]
        module = self.modules.get(spec.get("module"))
        session = self.sessions.get(spec.get("session", ""))
        ticket = self.tickets.get(spec.get("ticket", ""))
        question = qa.question_create(
            actor=self.ansa if ticket else asker,
            swarmed=swarmed,
            title=spec["title"],
            body=spec["body"],
            sheet_ids=[self.sheets[number].pk for number in spec["sheets"]],
            scope=spec["scope"],
            module_id=module.pk if module else None,
            session_id=session.pk if session else None,
            asked_by=asker,
            from_ticket=ticket,
        )
        first_deadline = self.deadline(when, question.escalation)
        Question.objects.filter(pk=question.pk).update(escalates_at=first_deadline)
        self.questions[spec["key"]] = question
        self.answers[spec["key"]] = []
        self.plan_steps(spec, when, question.escalation, first_deadline)

    def deadline(self, since: datetime.datetime, level: str) -> datetime.datetime | None:
        return sla.escalation_deadline(
            since=since,
            level=level,
            expert_days=self.levels.expert_days,
            experts_days=self.levels.experts_days,
        )

    def plan_steps(self, spec: dict, asked: datetime.datetime, level: str, first_deadline) -> None:
        anchors = {"d1": first_deadline}
        following = sla.next_level(level)
        if first_deadline and following:
            anchors["d2"] = self.deadline(first_deadline + TICK, following)
        previous = asked
        steps = spec["steps"]
        for index, step in enumerate(steps):
            after = step["after"]
            if isinstance(after, tuple):
                anchor, hours = after
                when = anchors[anchor] + datetime.timedelta(hours=hours)
            else:
                when = previous + datetime.timedelta(hours=after)
            when = max(office_hours(when), previous + datetime.timedelta(minutes=1))
            when = self.later(when, step=len(steps) - index)
            self.plan(when, lambda at, key=spec["key"], step=step: self.act(key, step, at))
            previous = when

    def act(self, key: str, step: dict, when: datetime.datetime) -> None:
        actor = self.people[step["actor"]]
        question = self.fresh(key)
        do = step["do"]
        if do == "answer":
            was_open = question.status == QuestionStatus.OPEN
            self.answers[key].append(
                qa.answer_create(actor=actor, question=question, body=step["body"])
            )
            if was_open:
                Question.objects.filter(pk=question.pk).update(
                    remind_accept_at=sla.accept_reminder_at(
                        answered_at=when, accept_reminder_days=self.levels.accept_reminder_days
                    )
                )
        elif do == "comment":
            on = self.answers[key][step["on"]] if step["on"] is not None else None
            qa.comment_create(actor=actor, question=question, body=step["body"], answer=on)
        elif do == "accept":
            answer = Answer.objects.select_related("question__season").get(
                pk=self.answers[key][step["answer"]].pk
            )
            qa.answer_accept(actor=actor, answer=answer)
        elif do == "close":
            qa.question_close(actor=actor, question=question, reason=step["reason"])
        elif do == "duplicate":
            qa.question_mark_duplicate(
                actor=actor, question=question, original=self.fresh(step["original"])
            )
        elif do == "edit":
            qa.question_edit(
                actor=actor,
                question=question,
                title=step["title"],
                body=step["body"],
                version=question.version,
            )
        elif do == "edit_answer":
            answer = Answer.objects.get(pk=self.answers[key][step["answer"]].pk)
            qa.answer_edit(actor=actor, answer=answer, body=step["body"], version=answer.version)
        elif do == "hide":
            qa.post_hide(actor=actor, post=question, reason=step["reason"])
            if question.status == QuestionStatus.OPEN and question.escalates_at:
                # Hiding an unanswered question lets its clock start again from the hiding.
                Question.objects.filter(pk=question.pk).update(
                    escalates_at=self.deadline(when, question.escalation)
                )
        elif do == "widen":
            qa.scope_propose(
                actor=actor, question=question, scope=step["scope"], reason=step["reason"]
            )
        elif do == "decide":
            proposal = question.scope_proposals.filter(agreed__isnull=True).first()
            qa.scope_decide(actor=actor, proposal=proposal, agree=step["agree"])
        else:
            raise ValueError(f"Unknown step of the demo: {do!r}")


# --- Entry point ------------------------------------------------------------------------------


def people_of(season: Season, experts: dict[str, User]) -> dict[str, User]:
    emails = {content.ANSA, *experts}
    members = User.objects.filter(
        Q(email__in=emails) | Q(season_memberships__swarmed_structure__season=season)
    ).distinct()
    return {user.email: user for user in members}


def load(stdout, *, present: datetime.datetime | None = None) -> None:
    season = Season.objects.filter(slug=SEASON_SLUG).first()
    if season is None or season.training_start is None:
        stdout.write("  tutorat : pas de saison 2026 en cours, rien à ajouter")
        return
    ansa = User.objects.filter(email=content.ANSA).first()
    sheets = action_sheets()
    swarmed = {
        item.structure.name: item
        for item in season.swarmed.select_related("structure", "candidacy")
    }
    if ansa is None or len(sheets) < 13 or not swarmed:
        stdout.write(
            "  tutorat : il manque le compte Ansa, les fiches-actions ou les structures de la "
            "saison, rien à ajouter"
        )
        return
    ensure_settings(season)
    experts = ensure_experts(season, sheets)
    ensure_needs(swarmed, sheets)
    ensure_conflict(experts, swarmed, ansa)
    told = (
        Pairing.objects.filter(swarmed_structure__season=season).exists()
        or Question.objects.filter(season=season).exists()
        or Ticket.objects.filter(season=season).exists()
    )
    if not told:
        Story(
            season=season,
            swarmed=swarmed,
            sheets=sheets,
            people=people_of(season, experts),
            present=present or timezone.now(),
        ).play()

    pairings = Pairing.objects.filter(swarmed_structure__season=season)
    active = pairings.filter(status=PairingStatus.ACTIVE)
    unpaired = len(swarmed) - active.count()
    questions = Question.objects.filter(season=season)
    waiting = questions.filter(status=QuestionStatus.OPEN)
    passed_on = waiting.exclude(escalation=EscalationLevel.PAIRED).count()
    stdout.write(
        f"  tutorat : {ExpertProfile.objects.count()} profils d'expert·es, "
        f"{active.count()} binômes en cours, {unpaired} structures sans expert·e, "
        f"{questions.count()} questions dont {waiting.count()} en attente ({passed_on} "
        f"transmises plus largement), {Ticket.objects.filter(season=season).count()} demandes "
        "à l'assistance"
    )
