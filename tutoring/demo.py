"""Demo data of tutoring (all fictional), on « Saison 2026 » under way.

Everything is replayed in time order through the services, so that events, audit entries and
notifications are real: each step runs at once, then what it wrote is moved back to the moment
it stands for, and a simulated Celery beat runs the escalation and the accept reminders at each
deadline passed. Every question is thus where the timing rule (`tutoring.sla`) says it should be,
whatever the day the demo is loaded. (The audit log is append-only: its entries keep the moment
the demo was loaded.)

- Profiles: five A.CO.R experts (two accounts added here) with their levels on the sheets,
  capacity and availability; each swarmed structure's needs; a declared conflict of interest.
- The season's story: four structures paired (one of them re-paired after an ended pairing), two
  left for Ansa to pair; the pairs' log and an open change request; about forty questions in
  every state and escalation level; the hotline, one ticket turned into a question.

Idempotent: a profile that exists is left as it is, and the story is told only while the season
has no pairing, question or hotline ticket.
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
from portal.structures.demo import ACOR
from tutoring import demo_content as content
from tutoring import sla
from tutoring.enums import EscalationLevel, PairingStatus, QuestionStatus
from tutoring.hotline.services import ticket_convert, ticket_create, ticket_reply, ticket_resolve
from tutoring.models import (
    Answer,
    Comment,
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
from tutoring.pairing.pairs import change_request_create, log_entry_add
from tutoring.pairing.services import conflict_declare, reasons_json
from tutoring.profiles.services import availability_add, expert_profile_save, needs_profile_save
from tutoring.qa import services as qa

SEASON_SLUG = "saison-2026"

#: How long after a deadline the simulated beat notices it.
TICK = datetime.timedelta(minutes=3)

#: Notifications older than this are read in the demo; the recent ones wait for their reader.
READ_AFTER = datetime.timedelta(days=7)

#: What a step writes with the current time, moved back to the step's moment.
STAMPED = [
    (ExpertProfile, ["updated_at"]),
    (NeedsProfile, ["updated_at"]),
    (PairingConflict, ["declared_at"]),
    (Pairing, ["created_at"]),
    (PairingChangeRequest, ["created_at"]),
    (LogEntry, ["created_at"]),
    (Question, ["created_at", "updated_at", "first_answered_at", "hidden_at"]),
    (Answer, ["created_at", "updated_at", "hidden_at"]),
    (Comment, ["created_at", "hidden_at"]),
    (QuestionEvent, ["at"]),
    (PostRevision, ["edited_at"]),
    (ScopeProposal, ["proposed_at", "decided_at"]),
    (Ticket, ["created_at", "updated_at"]),
    (TicketMessage, ["created_at"]),
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
    """When a past exchange of the log counts as the last contact (as `log_entry_add` has it)."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(23, 59, 59)))


# --- What the story needs ---------------------------------------------------------------------


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


def referent_of(swarmed: SwarmedStructure) -> User | None:
    member = swarmed.members.filter(role=SeasonRole.REFERENT).select_related("user").first()
    return member.user if member else None


def people_of(season: Season) -> dict[str, User]:
    """Ansa, the experts (accounts created when missing) and the season's people, by e-mail."""
    experts = [ensure_expert_account(spec) for spec in content.EXPERTS]
    members = User.objects.filter(
        Q(email=content.ANSA) | Q(season_memberships__swarmed_structure__season=season)
    ).distinct()
    people = {user.email: user for user in members}
    people.update({user.email: user for user in experts if user is not None})
    return people


def fit(swarmed: SwarmedStructure, expert: User) -> tuple[float, list[dict]]:
    """The pair's score and reasons, as a confirmed proposal gives them to its pairs."""
    priorities = dict(
        NeedSheetPriority.objects.filter(profile__swarmed_structure=swarmed).values_list(
            "sheet_id", "priority"
        )
    )
    levels = dict(
        ExpertSheetLevel.objects.filter(profile__user=expert).values_list("sheet_id", "level")
    )
    return (
        algorithm.fit_score(priorities, levels),
        reasons_json(algorithm.explain(priorities, levels)),
    )


# --- The replay -------------------------------------------------------------------------------


class Replay:
    """Steps planned at their moments, run in time order, each through its service."""

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

    def moment(self, when, *, minutes: int = 0) -> datetime.datetime:
        days, clock = when
        moment = working_days_ago(self.present, days, clock)
        return moment + datetime.timedelta(minutes=minutes)

    def past(self, when: datetime.datetime, step: int = 1) -> datetime.datetime:
        """A moment of the past: one that would fall in the future waits just before now."""
        return min(when, self.present - datetime.timedelta(minutes=step))

    def plan(self, when: datetime.datetime, action: Callable[[datetime.datetime], None]) -> None:
        heapq.heappush(self._queue, (when, next(self._order), action))

    def play(self) -> None:
        while self._queue:
            when, _order, action = heapq.heappop(self._queue)
            mark = timezone.now()
            action(when)
            self.move_back(mark, when)
            self.plan_beat()
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

    def settle_last_contacts(self) -> None:
        """A pair's last contact: its latest logged exchange, or answer of its expert (the
        answers touched it with the time they were replayed)."""
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

    # Profiles

    def plan_profiles(self) -> None:
        """Each missing profile, filled in by its owner before the first pairs."""
        season = self.season
        for index, spec in enumerate(content.EXPERTS):
            expert = self.people.get(spec["email"])
            if expert is None or ExpertProfile.objects.filter(user=expert).exists():
                continue

            def fill(when, expert=expert, spec=spec):
                expert_profile_save(
                    actor=expert,
                    user=expert,
                    bio=spec["bio"],
                    capacity=spec["capacity"],
                    levels={self.sheets[n].pk: level for n, level in spec["levels"].items()},
                    version=1,
                )
                if spec["availability"]:
                    availability_add(
                        actor=expert,
                        user=expert,
                        starts_on=season.training_start,
                        ends_on=season.exchange_day or season.training_end,
                        note=spec["availability"],
                    )

            self.plan(self.moment(content.PROFILES_AT, minutes=7 * index), fill)

        for index, (name, spec) in enumerate(content.NEEDS.items()):
            swarmed = self.swarmed.get(name)
            referent = referent_of(swarmed) if swarmed else None
            if referent is None:
                continue
            profile = NeedsProfile.objects.filter(swarmed_structure=swarmed).first()
            if profile is not None and (profile.version > 1 or profile.priorities.exists()):
                continue

            def describe(when, swarmed=swarmed, referent=referent, spec=spec, profile=profile):
                # The referent completes what the structure wrote in its candidacy.
                written = (swarmed.candidacy.needs or "").strip() if swarmed.candidacy_id else ""
                needs_profile_save(
                    actor=referent,
                    swarmed=swarmed,
                    problems=f"{written}\n\n{spec['problems']}" if written else spec["problems"],
                    priorities={
                        self.sheets[n].pk: value for n, value in spec["priorities"].items()
                    },
                    version=profile.version if profile else 1,
                )

            self.plan(self.moment(content.NEEDS_AT, minutes=11 * index), describe)

        email, name, reason = content.CONFLICT
        expert, swarmed = self.people.get(email), self.swarmed.get(name)
        conflict = PairingConflict.objects.filter(expert=expert, structure__name=name)
        if expert and swarmed and not conflict.exists():
            self.plan(
                self.moment(content.CONFLICT_AT),
                lambda when: conflict_declare(
                    actor=self.ansa, expert=expert, structure=swarmed.structure, reason=reason
                ),
            )

    # The story

    def plan_story(self) -> None:
        for name, email, started, ended, reason in content.PAIRINGS:
            self.plan_pairing(name, email, started, ended, reason)
        for (name, email), entries in content.LOG_ENTRIES.items():
            for entry in entries:
                self.plan(
                    self.moment((entry[0], "18:00")),
                    lambda when, pair=(name, email), entry=entry: self.log(pair, entry, when),
                )
        name, email, requester, when, reason = content.CHANGE_REQUEST
        if requester in self.people:
            self.plan(
                self.moment(when),
                lambda when: change_request_create(
                    actor=self.people[requester],
                    pairing=self.pairing((name, email)),
                    reason=reason,
                ),
            )
        for spec in content.TICKETS:
            self.plan_ticket(spec)
        for spec in content.QUESTIONS:
            if spec["structure"] in self.swarmed and spec["asker"] in self.people:
                self.plan(self.asked_at(spec), lambda when, spec=spec: self.ask(spec, when))

    def pairing(self, pair: tuple[str, str]) -> Pairing:
        return Pairing.objects.select_related("swarmed_structure__structure", "expert").get(
            pk=self.pairings[pair].pk
        )

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
            pairing = pairing_end(
                actor=self.ansa, pairing=self.pairing((name, email)), reason=reason
            )
            Pairing.objects.filter(pk=pairing.pk).update(ended_on=when.date())

        self.plan(self.moment(started), start)
        if ended:
            self.plan(self.moment(ended), end)

    def log(self, pair: tuple[str, str], entry: tuple, when: datetime.datetime) -> None:
        _days, minutes, channel, numbers, recorder, notes = entry
        if pair not in self.pairings or recorder not in self.people:
            return
        log_entry_add(
            actor=self.people[recorder],
            pairing=self.pairing(pair),
            happened_on=timezone.localdate(when),
            duration_minutes=minutes,
            channel=channel,
            sheet_ids=[self.sheets[number].pk for number in numbers],
            notes=notes,
        )

    # The hotline

    def plan_ticket(self, spec: dict) -> None:
        swarmed = self.swarmed.get(spec["structure"])
        if swarmed is None:
            return
        key = spec["key"]
        (opened, opener, first), *replies = spec["messages"]

        def open_ticket(when):
            self.tickets[key] = ticket_create(
                actor=self.people[opener], swarmed=swarmed, subject=spec["subject"], body=first
            )

        def reply(when, author, body):
            ticket = Ticket.objects.select_related("swarmed_structure__structure").get(
                pk=self.tickets[key].pk
            )
            ticket_reply(actor=self.people[author], ticket=ticket, body=body)

        self.plan(self.moment(opened), open_ticket)
        for moment, author, body in replies:
            self.plan(
                self.moment(moment),
                lambda when, author=author, body=body: reply(when, author, body),
            )
        if spec.get("resolved"):
            moment, who = spec["resolved"]
            self.plan(
                self.moment(moment),
                lambda when: ticket_resolve(
                    actor=self.people[who], ticket=Ticket.objects.get(pk=self.tickets[key].pk)
                ),
            )

    # Questions

    def asked_at(self, spec: dict) -> datetime.datetime:
        if "session" not in spec:
            return self.moment(spec["asked"])
        session = self.sessions.get(spec["session"])
        if session is None:  # the training's demo was not loaded: two weeks ago
            return self.moment((10, "10:00"))
        return self.past(office_hours(session.ends_at + datetime.timedelta(hours=spec["asked"])))

    def fresh(self, key: str) -> Question:
        return Question.objects.select_related("season", "swarmed_structure__structure").get(
            pk=self.questions[key].pk
        )

    def deadline(self, since: datetime.datetime, level: str) -> datetime.datetime | None:
        return sla.escalation_deadline(
            since=since,
            level=level,
            expert_days=self.levels.expert_days,
            experts_days=self.levels.experts_days,
        )

    def ask(self, spec: dict, when: datetime.datetime) -> None:
        sheet_ids = [self.sheets[number].pk for number in spec["sheets"]]
        if spec.get("ticket"):
            ticket = Ticket.objects.select_related(
                "season", "swarmed_structure__structure", "opened_by"
            ).get(pk=self.tickets[spec["ticket"]].pk)
            question = ticket_convert(
                actor=self.ansa,
                ticket=ticket,
                title=spec["title"],
                body=spec["body"],
                sheet_ids=sheet_ids,
                scope=spec["scope"],
            )
        else:
            module = self.modules.get(spec.get("module"))
            session = self.sessions.get(spec.get("session", ""))
            question = qa.question_create(
                actor=self.people[spec["asker"]],
                swarmed=self.swarmed[spec["structure"]],
                title=spec["title"],
                body=spec["body"],
                sheet_ids=sheet_ids,
                scope=spec["scope"],
                module_id=module.pk if module else None,
                session_id=session.pk if session else None,
            )
        # The service counted its deadline from the time it ran.
        first_deadline = self.deadline(when, question.escalation)
        Question.objects.filter(pk=question.pk).update(escalates_at=first_deadline)
        self.questions[spec["key"]] = question
        self.answers[spec["key"]] = []
        self.plan_steps(spec, when, question.escalation, first_deadline)

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
            when = self.past(when, step=len(steps) - index)
            self.plan(when, lambda at, key=spec["key"], step=step: self.act(key, step, at))
            previous = when

    def act(self, key: str, step: dict, when: datetime.datetime) -> None:
        actor = self.people[step["actor"]]
        question = self.fresh(key)
        do = step["do"]
        if do == "answer":
            was_open = question.status == QuestionStatus.OPEN
            answer = qa.answer_create(actor=actor, question=question, body=step["body"])
            self.answers[key].append(answer)
            if was_open:  # the reminder counts from the answer's moment
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


def load(stdout, *, present: datetime.datetime | None = None) -> None:
    """Load the demo as if it were `present` (now by default: tests pass other moments)."""
    season = Season.objects.filter(slug=SEASON_SLUG).first()
    if season is None or season.training_start is None:
        stdout.write("  tutorat : pas de saison 2026 en cours, rien à ajouter")
        return
    sheets = action_sheets()
    swarmed = {
        item.structure.name: item
        for item in season.swarmed.select_related("structure", "candidacy")
    }
    if not User.objects.filter(email=content.ANSA).exists() or len(sheets) < 13 or not swarmed:
        stdout.write(
            "  tutorat : il manque le compte Ansa, les fiches-actions ou les structures de la "
            "saison, rien à ajouter"
        )
        return
    ensure_settings(season)
    replay = Replay(
        season=season,
        swarmed=swarmed,
        sheets=sheets,
        people=people_of(season),
        present=present or timezone.now(),
    )
    replay.plan_profiles()
    told = (
        Pairing.objects.filter(swarmed_structure__season=season).exists()
        or Question.objects.filter(season=season).exists()
        or Ticket.objects.filter(season=season).exists()
    )
    if not told:
        replay.plan_story()
    replay.play()

    pairings = Pairing.objects.filter(swarmed_structure__season=season)
    active = pairings.filter(status=PairingStatus.ACTIVE)
    unpaired = len(swarmed) - active.count()
    questions = Question.objects.filter(season=season)
    waiting = questions.filter(status=QuestionStatus.OPEN)
    passed_on = waiting.exclude(escalation=EscalationLevel.PAIRED).count()
    stdout.write(
        f"  tutorat : {ExpertProfile.objects.count()} profils d'expert·es, "
        f"{active.count()} binômes en cours, {unpaired} structures sans expert·e, "
        f"{questions.count()} questions dont {waiting.count()} en attente ({passed_on} "
        f"transmises plus largement), {Ticket.objects.filter(season=season).count()} demandes "
        "à l'assistance"
    )
