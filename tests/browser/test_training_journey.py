"""A season's training-action from both sides: sessions, calendar, attendance, intersession work.

One journey on the demo's « Saison 2026 », under way:

1. Ansa schedules a collective session of module 2 from the season's sessions page; the season's
   members and the session's expert are e-mailed an invitation with its .ics;
2. Tremplin Béarn's referent downloads the session's .ics from the season's calendar and finds
   the personal subscription link there;
3. the session has begun (Ansa scheduled it from a few minutes ago, which the season's window
   allows): the expert leading it marks the referent present on its attendance sheet;
4. the referent writes the structure's deliverable of module 3 in Markdown and hands it in; the
   expert leading module 3 asks for changes; the referent reads the comment, reworks the text and
   hands it in again; the expert validates it;
5. the referent's progress page shows the attendance and the validated work.

Module 3's work is the one the demo leaves open for Tremplin Béarn (a draft, due in a few days):
its module 1 work is validated and its module 2 work awaits review, both led by expert1; module 3
is led by expert2.

axe-core runs on every page visited: no serious or critical violation is accepted.
"""

import datetime
import re
from email.mime.base import MIMEBase
from functools import partial
from zoneinfo import ZoneInfo

from django.core import mail
from django.utils import timezone
from icalendar import Calendar
from playwright.sync_api import expect

from portal.structures.demo import TREMPLIN
from tests.browser import journey
from tests.browser.journey import (  # noqa: F401  (fresh_rate_limits: an autouse fixture)
    DASHBOARD,
    LOGIN,
    field,
    fresh_rate_limits,
    h1,
    words,
)

PARIS = ZoneInfo("Europe/Paris")
SEASON = "saison-2026"
SESSIONS = f"/formation/saison/{SEASON}/seances/"
CALENDAR = f"/formation/saison/{SEASON}/calendrier/"
ASSIGNMENTS = f"/formation/travaux/saison/{SEASON}/"
MY_PROGRESS = "/formation/suivi/moi/"

ANSA = "ansa@essaim.test"
REFERENT = "referent1@essaim.test"
REFERENT_NAME = "Karim Benali"
PARTICIPANT = "participant1@essaim.test"
SESSION_EXPERT = "expert1@essaim.test"  # leads modules 1 and 2
SESSION_EXPERT_NAME = "Nadia Etcheverry"
WORK_EXPERT = "expert2@essaim.test"  # leads modules 3 and 4
WORK_EXPERT_NAME = "Julien Carrère"

MODULE = "La fidélisation des entreprises"  # module 2
SESSION_TITLE = "Module 2 — atelier de suivi des entreprises fidélisées"
ADDRESS = "A.CO.R, 8 avenue des Lauriers, 64000 Pau"
WORK = "Deux PER et un accueil"  # module 3's assignment

DELIVERABLE = (
    "### Nos deux PER\n\n"
    "- **PER n° 1** : signée avec une personne accompagnée depuis mars.\n"
    "- **PER n° 2** : signée après un premier accueil en binôme."
)
REWORK_COMMENT = "Racontez **le premier accueil** pas à pas : qui a parlé de quoi, et la suite."
REWORK_ADDITION = "\n\n### Le premier accueil\n\nUne heure, à deux, sans formulaire à remplir."
VALIDATION_COMMENT = "Un accueil bien raconté : validé."


# --- Moving around --------------------------------------------------------------------------

# axe-core checks every page this journey reaches.
submit = partial(journey.submit, accessible=True)
visit = partial(journey.visit, accessible=True)
log_in = partial(journey.log_in, accessible=True)
log_out = partial(journey.log_out, accessible=True)


def _log_in_from_start(page, email: str) -> None:
    visit(page, LOGIN)
    assert log_in(page, email) == DASHBOARD


def _success(page, text: str) -> None:
    expect(page.get_by_role("status").filter(has_text=re.compile(words(text)))).to_be_visible()


def _choose(page, question: str, option: str) -> None:
    """Tick `option` in the radio group whose legend starts with `question`."""
    group = page.get_by_role("group", name=re.compile(rf"^{words(question)}"))
    group.get_by_label(option, exact=True).check()


def _vevent(content: bytes):
    """The only event of an iCalendar file."""
    events = Calendar.from_ical(content).walk("VEVENT")
    assert len(events) == 1, f"{len(events)} events in the file"
    return events[0]


# --- The steps of the journey ---------------------------------------------------------------


def _ansa_schedules_a_session(page, starts_at: datetime.datetime) -> None:
    """Ansa schedules the session from the season's sessions page; it is listed there."""
    ends_at = starts_at + datetime.timedelta(hours=2)
    _log_in_from_start(page, ANSA)
    assert visit(page, SESSIONS) == SESSIONS
    expect(h1(page)).to_have_text("Séances de la Saison 2026")

    form = page.locator("form").filter(
        has=page.get_by_role("button", name="Programmer et prévenir")
    )
    field(form, "Type de séance").select_option(label="Séance collective")
    field(form, "Module").select_option(label=MODULE)
    field(form, "Intitulé").fill(SESSION_TITLE)
    field(form, "Début").fill(starts_at.strftime("%Y-%m-%dT%H:%M"))
    field(form, "Fin").fill(ends_at.strftime("%Y-%m-%dT%H:%M"))
    field(form, "Lieu").select_option(label="Pau")
    field(form, "Adresse").fill(ADDRESS)
    experts = form.get_by_role("group", name=re.compile("^Expert·es qui animent la séance"))
    experts.get_by_label(SESSION_EXPERT_NAME, exact=True).check()
    path = submit(page, form.get_by_role("button", name="Programmer et prévenir"))
    assert re.fullmatch(r"/formation/seances/\d+/", path), path
    _success(page, "La séance est programmée")
    expect(h1(page)).to_have_text(SESSION_TITLE)

    assert visit(page, SESSIONS) == SESSIONS
    sessions = page.get_by_role("table", name=re.compile("^Séances de la Saison 2026"))
    row = sessions.get_by_role("row", name=re.compile(re.escape(SESSION_TITLE)))
    expect(row).to_contain_text(MODULE)
    expect(row).to_contain_text(SESSION_EXPERT_NAME)
    log_out(page)


def _invitation(email: str) -> bytes:
    """The .ics attached to the session's invitation e-mailed to `email`."""
    messages = [
        message
        for message in mail.outbox
        if email in message.to and SESSION_TITLE in message.subject
    ]
    assert len(messages) == 1, f"{len(messages)} invitation(s) e-mailed to {email}"
    parts = [
        part
        for part in messages[0].attachments
        if isinstance(part, MIMEBase) and part.get_content_type() == "text/calendar"
    ]
    assert len(parts) == 1, f"the invitation to {email} carries {len(parts)} calendar part(s)"
    assert parts[0].get_param("method") == "REQUEST"
    return parts[0].get_payload(decode=True)


def _invitations_went_out() -> str:
    """Tremplin Béarn's people and the expert got the invitation; returns the session's UID."""
    uids = set()
    for email in (REFERENT, PARTICIPANT, SESSION_EXPERT):
        content = _invitation(email)
        event = _vevent(content)
        uid = str(event["uid"])
        assert f"UID:{uid}".encode() in content
        assert str(event["summary"]) == SESSION_TITLE
        uids.add(uid)
    assert len(uids) == 1, f"the invitations name {len(uids)} different events"
    (uid,) = uids
    assert re.fullmatch(r"[0-9a-f-]{36}", uid), uid
    return uid


def _referent_adds_it_to_their_calendar(page, uid: str, starts_at: datetime.datetime) -> None:
    _log_in_from_start(page, REFERENT)
    assert visit(page, CALENDAR) == CALENDAR
    expect(h1(page)).to_have_text("Calendrier de la Saison 2026")
    # It has begun but not ended: still among the sessions to come.
    upcoming = page.get_by_role("region", name="À venir")
    card = upcoming.get_by_role("listitem").filter(
        has=page.get_by_role("heading", name=SESSION_TITLE)
    )
    expect(card).to_contain_text(SESSION_EXPERT_NAME)
    with page.expect_download() as download_info:
        card.get_by_role("link", name=re.compile("^Ajouter à mon agenda")).click()
    download = download_info.value
    assert download.suggested_filename == f"seance-{starts_at:%Y-%m-%d}.ics"
    with open(download.path(), "rb") as ics_file:
        event = _vevent(ics_file.read())
    assert str(event["uid"]) == uid
    assert str(event["summary"]) == SESSION_TITLE
    assert event.decoded("dtstart").astimezone(PARIS) == starts_at
    assert event.decoded("dtend").astimezone(PARIS) == starts_at + datetime.timedelta(hours=2)

    subscription = page.get_by_role("region", name="Suivre les séances dans mon agenda")
    subscribe = subscription.get_by_role("link", name="S'abonner depuis mon application d'agenda")
    expect(subscribe).to_have_attribute(
        "href", re.compile(r"^webcal://[^/]+/formation/calendrier/[^/]+\.ics$")
    )
    feed = subscription.get_by_label(re.compile("^Ou copiez l'adresse de l'abonnement"))
    expect(feed).to_have_value(re.compile(r"^https?://[^/]+/formation/calendrier/[^/]+\.ics$"))
    log_out(page)


def _expert_marks_the_referent_present(page, uid: str) -> None:
    """The expert reaches the sheet from the session's page and marks the referent present."""
    _log_in_from_start(page, SESSION_EXPERT)
    assert visit(page, CALENDAR) == CALENDAR
    upcoming = page.get_by_role("region", name="À venir")
    path = submit(page, upcoming.get_by_role("link", name=SESSION_TITLE, exact=True))
    assert re.fullmatch(r"/formation/seances/\d+/", path), path
    sheet = f"/formation/presences/seance/{uid}/"
    assert submit(page, page.get_by_role("link", name="Relever les présences")) == sheet
    expect(h1(page)).to_have_text(f"Présences — {SESSION_TITLE}")

    tremplin = page.get_by_role("region", name=TREMPLIN)
    person = tremplin.get_by_role("group", name=re.compile(rf"^{words(REFERENT_NAME)} "))
    person.get_by_label("Présent·e", exact=True).check()
    assert submit(page, page.get_by_role("button", name="Enregistrer les présences")) == sheet
    _success(page, "Présence enregistrée pour 1 personne.")
    person = page.get_by_role("region", name=TREMPLIN).get_by_role(
        "group", name=re.compile(rf"^{words(REFERENT_NAME)} ")
    )
    expect(person.get_by_label("Présent·e", exact=True)).to_be_checked()
    expect(person).to_contain_text(f"Présent·e, relevé par {SESSION_EXPERT_NAME}")
    log_out(page)


def _referent_opens_the_work(page) -> str:
    """From the structure's list of assignments, the referent opens module 3's deliverable."""
    _log_in_from_start(page, REFERENT)
    assert visit(page, ASSIGNMENTS) == ASSIGNMENTS
    works = page.get_by_role("table", name=f"Les travaux de {TREMPLIN}")
    row = works.get_by_role("row", name=re.compile(re.escape(WORK)))
    expect(row).to_contain_text("Module 3")
    path = submit(page, row.get_by_role("link", name=WORK, exact=True))
    assert re.fullmatch(r"/formation/travaux/\d+/", path), path
    expect(h1(page)).to_have_text(WORK)
    return path


def _hand_in(page, work: str, text: str, *, again: bool) -> None:
    """Save the deliverable's text, check its preview, hand it in."""
    field(page, "Texte du livrable").fill(text)
    assert submit(page, page.get_by_role("button", name="Enregistrer le texte")) == work
    _success(page, "Le texte est enregistré.")
    preview = page.get_by_role("region", name="Aperçu du texte enregistré")
    expect(preview.get_by_role("heading", name="Nos deux PER")).to_be_visible()
    expect(preview.locator("strong", has_text="PER n° 1")).to_be_visible()

    heading = "Remettre de nouveau" if again else "Remettre le travail"
    handing_in = page.get_by_role("region", name=heading)
    assert submit(page, handing_in.get_by_role("button", name="Remettre", exact=True)) == work
    _success(page, "Le travail est remis.")
    expect(page.get_by_text(re.compile("^Votre structure a remis ce travail le"))).to_be_visible()
    # Nothing more to edit until the expert has read it.
    expect(page.get_by_role("button", name="Enregistrer le texte")).to_have_count(0)


def _review_page(page) -> str:
    """The expert opens Tremplin Béarn's deliverable from the season's table of work."""
    _log_in_from_start(page, WORK_EXPERT)
    assert visit(page, ASSIGNMENTS) == ASSIGNMENTS
    tremplin = page.get_by_role("row", name=re.compile(rf"^{re.escape(TREMPLIN)}"))
    cell = tremplin.get_by_role("link", name=re.compile(re.escape(WORK)))
    path = submit(page, cell)
    assert re.fullmatch(r"/formation/travaux/\d+/structures/\d+/", path), path
    expect(h1(page)).to_have_text(f"« {WORK} » de {TREMPLIN}")
    return path


def _expert_reviews(page, *, decision: str, comment: str, round_: int) -> None:
    review = _review_page(page)
    handed_in = page.get_by_role("region", name="Texte remis")
    expect(handed_in).to_contain_text(f"(tour {round_})")
    expect(handed_in.get_by_role("heading", name="Nos deux PER")).to_be_visible()
    _choose(page, "Décision", decision)
    field(page, "Commentaire").fill(comment)
    assert submit(page, page.get_by_role("button", name="Enregistrer la relecture")) == review
    _success(page, "Votre relecture est enregistrée")
    log_out(page)


def _referent_reworks(page, work: str) -> None:
    _log_in_from_start(page, REFERENT)
    assert visit(page, work) == work
    request = page.get_by_text(re.compile("^L'expert·e demande de reprendre ce travail"))
    expect(request).to_be_visible()
    history = page.get_by_role("region", name="Historique")
    expect(history.get_by_role("listitem").last).to_contain_text("Tour 1 · À reprendre")
    expect(history.locator("strong", has_text="le premier accueil")).to_be_visible()
    expect(field(page, "Texte du livrable")).to_have_value(DELIVERABLE)
    _hand_in(page, work, DELIVERABLE + REWORK_ADDITION, again=True)
    log_out(page)


def _referent_sees_it_validated(page, work: str) -> None:
    _log_in_from_start(page, REFERENT)
    assert visit(page, work) == work
    expect(page.get_by_text(re.compile("^Ce travail est validé"))).to_be_visible()
    handed_in = page.get_by_role("region", name="Texte remis")
    expect(handed_in.get_by_role("heading", name="Le premier accueil")).to_be_visible()
    history = page.get_by_role("region", name="Historique").get_by_role("listitem")
    expect(history).to_have_count(4)
    for index, (round_, kind) in enumerate(
        ((1, "Remis"), (1, "À reprendre"), (2, "Remis"), (2, "Validé"))
    ):
        expect(history.nth(index)).to_contain_text(re.compile(rf"^\s*Tour {round_} · {kind}"))
    expect(history.nth(1)).to_contain_text(f"par {WORK_EXPERT_NAME}")
    expect(history.nth(3)).to_contain_text(VALIDATION_COMMENT)


def _progress_shows_it_all(page) -> None:
    assert visit(page, MY_PROGRESS) == MY_PROGRESS
    expect(h1(page)).to_have_text("Mon suivi de formation-action")
    attendance = page.get_by_role("table", name="Présences aux séances tenues de la saison")
    session = attendance.get_by_role("row", name=re.compile(re.escape(SESSION_TITLE)))
    expect(session.get_by_role("cell").first).to_contain_text("Présent·e")
    work = page.get_by_role("table", name=re.compile("^Travaux d'intersession de votre structure"))
    row = work.get_by_role("row", name=re.compile(re.escape(WORK)))
    expect(row).to_contain_text("Validé")
    expect(row).to_contain_text("tour 2")


def test_session_calendar_attendance_and_reviewed_work(page, demo_site):
    # The session began a few minutes ago (whole minutes: the form's picker has no seconds).
    now = timezone.localtime(timezone=PARIS).replace(second=0, microsecond=0)
    starts_at = now - datetime.timedelta(minutes=5)

    # 1. Ansa schedules the session; everyone concerned gets the invitation.
    _ansa_schedules_a_session(page, starts_at)
    uid = _invitations_went_out()

    # 2. The referent adds it to their calendar.
    _referent_adds_it_to_their_calendar(page, uid, starts_at)

    # 3. The leading expert marks the referent present.
    _expert_marks_the_referent_present(page, uid)

    # 4. Intersession work: handed in, to rework, handed in again, validated.
    work = _referent_opens_the_work(page)
    _hand_in(page, work, DELIVERABLE, again=False)
    log_out(page)
    _expert_reviews(page, decision="À reprendre", comment=REWORK_COMMENT, round_=1)
    _referent_reworks(page, work)
    _expert_reviews(page, decision="Validé", comment=VALIDATION_COMMENT, round_=2)
    _referent_sees_it_validated(page, work)

    # 5. The referent's progress page shows the attendance and the validated work.
    _progress_shows_it_all(page)
