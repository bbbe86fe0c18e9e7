"""Ansa's hotline: a swarmed structure's people ask the programme team in a ticket; the thread goes
open → waiting (Ansa replied) → open again (the structure replied) → resolved; files are checked by
their bytes and served only to the structure and Ansa; a ticket about the method becomes, once, a
tutoring question asked in the name of its opener — and nobody outside sees another's tickets."""

import struct
import zlib
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.shortcuts import resolve_url
from django.urls import reverse

from portal.models import AuditLogEntry, Notification
from portal.roles import Role
from tests.curriculum.factories import ActionSheetPageFactory, FrameworkPageFactory
from tests.helpers import close_response, count_queries
from tests.modules.factories import (
    SwarmedMemberFactory,
    SwarmedStructureFactory,
    TrainingSeasonFactory,
)
from tests.portal.factories import UserFactory
from tests.tutoring.factories import TicketFactory
from tutoring.attachments import MAX_ATTACHMENTS_PER_POST
from tutoring.enums import QuestionEventKind, Scope, TicketStatus
from tutoring.hotline import selectors, services
from tutoring.models import Attachment, Question, Ticket, TicketMessage

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


def _png() -> bytes:
    """A real 1×1 PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


PNG = _png()


def pdf(name: str = "convention.pdf", content: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def png(name: str = "capture.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PNG, content_type="image/png")


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


LIST_URL = reverse("tutoring:ticket_list")
CREATE_URL = reverse("tutoring:ticket_create")


def detail_url(ticket) -> str:
    return reverse("tutoring:ticket_detail", kwargs={"pk": ticket.pk})


def convert_url(ticket) -> str:
    return reverse("tutoring:ticket_convert", kwargs={"pk": ticket.pk})


def attachment_url(attached) -> str:
    return reverse("tutoring:ticket_attachment", kwargs={"pk": attached.pk})


@pytest.fixture(autouse=True)
def clean_attachment_files():
    """Files stored by a test go with it (the database rolls back, the storage does not)."""
    yield
    for attached in Attachment.objects.all():
        attached.file.storage.delete(attached.file.name)


@pytest.fixture
def world():
    season = TrainingSeasonFactory(slug="saison-assistance", name="Saison 2027")
    ours = SwarmedStructureFactory(season=season, structure__name="Tremplin Béarn")
    theirs = SwarmedStructureFactory(season=season, structure__name="Val de Loire Emploi")
    return SimpleNamespace(
        season=season,
        ours=ours,
        theirs=theirs,
        ansa=UserFactory(ansa=True, first_name="Aline", last_name="Ansa"),
        ansa2=UserFactory(ansa=True),
        referent=SwarmedMemberFactory(swarmed_structure=ours, referent=True).user,
        participant=SwarmedMemberFactory(swarmed_structure=ours).user,
        stranger=SwarmedMemberFactory(swarmed_structure=theirs, referent=True).user,
        expert=UserFactory(expert=True),
        head=UserFactory(head_of_network=True),
        steering=UserFactory(roles=[Role.STEERING]),
        nobody=UserFactory(),
    )


def open_ticket(world, *, subject="Accès à la grille d'entretien", body="Le lien ne marche pas.",
                uploads=()):  # fmt: skip
    from tutoring.attachments import check_uploads

    return services.ticket_create(
        actor=world.referent,
        swarmed=world.ours,
        subject=subject,
        body=body,
        checked_uploads=check_uploads(uploads),
    )


def login(client, world, who: str) -> None:
    if who != "anonymous":
        client.force_login(getattr(world, who))


def kinds_for(user) -> list[str]:
    return list(
        Notification.objects.filter(recipient=user).order_by("pk").values_list("kind", flat=True)
    )


# --- Who may open what -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("ansa", 200),
        ("referent", 200),
        ("participant", 200),
        ("stranger", 200),  # their own structure's list
        ("expert", 403),  # an expert has no business in the hotline
        ("head", 403),
        ("steering", 403),
        ("nobody", 403),
        ("anonymous", 302),
    ],
)
def test_hotline_list_is_for_swarmed_people_and_ansa(client, world, who, status):
    login(client, world, who)
    response = client.get(LIST_URL)
    assert response.status_code == status
    if who == "anonymous":
        assert response["Location"].startswith(resolve_url(settings.LOGIN_URL))


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("referent", 200),
        ("participant", 200),
        ("ansa", 403),  # Ansa answers tickets, it does not open them
        ("expert", 403),
        ("head", 403),
        ("steering", 403),
        ("anonymous", 302),
    ],
)
def test_only_swarmed_people_open_a_ticket(client, world, who, status):
    login(client, world, who)
    assert client.get(CREATE_URL).status_code == status
    response = client.post(CREATE_URL, {"subject": "Piraté", "body": "x"})
    assert response.status_code == (302 if status == 200 else status)
    assert Ticket.objects.count() == (1 if status == 200 else 0)


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("referent", 200),
        ("participant", 200),
        ("ansa", 200),
        ("stranger", 404),  # another structure's ticket does not exist for them
        ("expert", 404),
        ("head", 404),
        ("steering", 404),
        ("nobody", 404),
        ("anonymous", 302),
    ],
)
def test_a_ticket_is_seen_by_its_structure_and_ansa_only(client, world, who, status):
    ticket = open_ticket(world, body="Notre secret d'organisation.")
    login(client, world, who)
    response = client.get(detail_url(ticket))
    assert response.status_code == status
    if status == 200:
        assert "Notre secret d'organisation." in response.content.decode()
    # Nor can they write into it or close it.
    client.post(detail_url(ticket), {"action": "reply", "body": "Intrus"})
    client.post(detail_url(ticket), {"action": "resolve"})
    if status != 200:
        assert not TicketMessage.objects.filter(body="Intrus").exists()
        ticket.refresh_from_db()
        assert ticket.status == TicketStatus.OPEN


def test_an_unknown_ticket_is_404_even_for_ansa(client, world):
    client.force_login(world.ansa)
    assert client.get(reverse("tutoring:ticket_detail", kwargs={"pk": 999999})).status_code == 404


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("referent", 200),
        ("participant", 200),
        ("ansa", 200),
        ("stranger", 404),
        ("expert", 404),
        ("head", 404),
        ("steering", 404),
        ("anonymous", 302),
    ],
)
def test_a_tickets_files_are_served_to_its_structure_and_ansa_only(client, world, who, status):
    ticket = open_ticket(world, uploads=[pdf()])
    attached = Attachment.objects.get(message__ticket=ticket)
    login(client, world, who)
    response = client.get(attachment_url(attached))
    assert response.status_code == status
    if status == 200:
        assert b"".join(response.streaming_content) == PDF
        assert "attachment" in response["Content-Disposition"]
        assert "convention.pdf" in response["Content-Disposition"]
        assert response["X-Content-Type-Options"] == "nosniff"
        close_response(response)


def test_a_question_attachment_is_not_served_as_a_hotline_file(client, world):
    from tests.tutoring.factories import QuestionFactory

    question = QuestionFactory(swarmed_structure=world.ours)
    attached = Attachment.objects.create(
        question=question, file="tutorat/x.pdf", original_name="x.pdf",
        content_type="application/pdf", size=3,
    )  # fmt: skip
    client.force_login(world.ansa)
    assert client.get(attachment_url(attached)).status_code == 404


# --- The lists ---------------------------------------------------------------------------------


def test_a_member_sees_the_tickets_of_their_structures_in_every_season(client, world):
    earlier = SwarmedStructureFactory(
        season=TrainingSeasonFactory(slug="saison-2026", name="Saison 2026"),
        structure=world.ours.structure,
    )
    SwarmedMemberFactory(swarmed_structure=earlier, user=world.referent, referent=True)
    TicketFactory(swarmed_structure=world.ours, subject="Calendrier des séances")
    TicketFactory(swarmed_structure=earlier, subject="Convention de la saison passée")
    TicketFactory(swarmed_structure=world.theirs, subject="Demande de Val de Loire")
    client.force_login(world.referent)
    text = soup(client.get(LIST_URL)).get_text()
    assert "Calendrier des séances" in text
    assert "Convention de la saison passée" in text
    assert "Demande de Val de Loire" not in text
    # The participant was not in the earlier season's structure.
    client.force_login(world.participant)
    text = soup(client.get(LIST_URL)).get_text()
    assert "Calendrier des séances" in text
    assert "Convention de la saison passée" not in text


def test_ansa_sees_every_ticket_open_and_waiting_first(client, world):
    TicketFactory(swarmed_structure=world.ours, subject="Réglée", status=TicketStatus.RESOLVED)
    TicketFactory(swarmed_structure=world.theirs, subject="Chez la structure",
                  status=TicketStatus.WAITING)  # fmt: skip
    TicketFactory(swarmed_structure=world.ours, subject="À traiter", status=TicketStatus.OPEN)
    client.force_login(world.ansa)
    page = soup(client.get(LIST_URL))
    subjects = [row.find("th").get_text(strip=True) for row in page.find("tbody").find_all("tr")]
    assert subjects == ["À traiter", "Chez la structure", "Réglée"]
    # Ansa reads « waiting » from its side, with a mark beside the words.
    row = page.find("tbody").find_all("tr")[1]
    assert "En attente de la structure" in row.get_text()
    assert row.find(class_="status").find(attrs={"aria-hidden": "true"})


def test_a_member_reads_waiting_as_their_turn(client, world):
    TicketFactory(swarmed_structure=world.ours, status=TicketStatus.WAITING)
    client.force_login(world.referent)
    assert "En attente de votre réponse" in soup(client.get(LIST_URL)).find("tbody").get_text()


def test_ansa_filters_by_status_season_and_structure(client, world):
    other_season = TrainingSeasonFactory(slug="saison-2026", name="Saison 2026")
    old = SwarmedStructureFactory(season=other_season, structure__name="Artois Emploi")
    TicketFactory(swarmed_structure=world.ours, subject="Ouverte chez nous")
    TicketFactory(swarmed_structure=world.ours, subject="Résolue chez nous",
                  status=TicketStatus.RESOLVED)  # fmt: skip
    TicketFactory(swarmed_structure=world.theirs, subject="Ouverte chez eux")
    TicketFactory(swarmed_structure=old, subject="Ancienne saison")
    client.force_login(world.ansa)

    def subjects(query: dict) -> set[str]:
        body = soup(client.get(LIST_URL, query)).find("tbody")
        return (
            {row.find("th").get_text(strip=True) for row in body.find_all("tr")} if body else set()
        )

    assert subjects({"etat": "resolved"}) == {"Résolue chez nous"}
    assert subjects({"saison": "saison-2026"}) == {"Ancienne saison"}
    assert subjects({"structure": world.ours.structure.pk}) == {
        "Ouverte chez nous",
        "Résolue chez nous",
    }
    assert subjects({"etat": "open", "saison": "saison-assistance"}) == {
        "Ouverte chez nous",
        "Ouverte chez eux",
    }
    # A filter that makes no sense is said, not ignored silently.
    response = client.get(LIST_URL, {"etat": "perdue"})
    assert response.status_code == 200
    assert soup(response).find(id="error-summary")


def test_the_list_is_paginated_and_keeps_its_filters(client, world):
    for _ in range(25):
        TicketFactory(swarmed_structure=world.ours)
    client.force_login(world.ansa)
    page = soup(client.get(LIST_URL, {"etat": "open"}))
    assert len(page.find("tbody").find_all("tr")) == 20
    following = page.find("nav", class_="pagination").find("a", string="Page suivante")
    assert "etat=open" in following["href"] and "page=2" in following["href"]
    second = soup(client.get(LIST_URL, {"etat": "open", "page": 2}))
    assert len(second.find("tbody").find_all("tr")) == 5


def _tickets(world, count: int) -> None:
    for index in range(count):
        swarmed = SwarmedStructureFactory(season=world.season) if index % 3 else world.ours
        ticket = TicketFactory(swarmed_structure=swarmed, status=list(TicketStatus)[index % 3])
        TicketMessage.objects.create(ticket=ticket, author=world.ansa, from_ansa=True, body="Oui")


@pytest.mark.parametrize("who", ["ansa", "referent"])
def test_list_queries_do_not_grow_with_tickets(client, world, who):
    client.force_login(getattr(world, who))
    counts = []
    for count in (3, 30):
        _tickets(world, count)
        counts.append(count_queries(client, LIST_URL + ("?etat=open" if who == "ansa" else "")))
    assert counts[0] == counts[1]


def test_detail_queries_do_not_grow_with_messages(client, world):
    ticket = open_ticket(world, uploads=[pdf()])
    client.force_login(world.ansa)
    counts = []
    for count in (2, 20):
        for _ in range(count):
            message = services.ticket_reply(actor=world.ansa, ticket=ticket, body="Réponse")
            Attachment.objects.create(
                message=message, file="tutorat/y.pdf", original_name="y.pdf",
                content_type="application/pdf", size=3,
            )  # fmt: skip
        counts.append(count_queries(client, detail_url(ticket)))
    assert counts[0] == counts[1]


def test_dashboard_helpers_count_open_tickets_and_list_a_members(world):
    open_ticket(world)
    TicketFactory(swarmed_structure=world.ours, status=TicketStatus.WAITING)
    TicketFactory(swarmed_structure=world.theirs, status=TicketStatus.RESOLVED)
    TicketFactory(swarmed_structure=world.theirs)
    assert selectors.open_tickets_count() == 2
    mine = list(selectors.tickets_of_member(world.participant))
    assert {ticket.swarmed_structure_id for ticket in mine} == {world.ours.pk}
    assert [ticket.status for ticket in mine] == [TicketStatus.OPEN, TicketStatus.WAITING]
    assert list(selectors.tickets_of_member(world.expert)) == []


# --- Opening a ticket --------------------------------------------------------------------------


def test_a_ticket_opens_with_real_files_and_notifies_all_of_ansa(client, world):
    client.force_login(world.participant)
    response = client.post(
        CREATE_URL,
        {
            "subject": "Accès aux outils du module 2",
            "body": "Bonjour,\n\nnous n'avons pas **reçu** les codes.",
            "files": [pdf(), png()],
        },
    )
    ticket = Ticket.objects.get()
    assert response.status_code == 302 and response["Location"] == detail_url(ticket)
    assert ticket.status == TicketStatus.OPEN
    assert ticket.swarmed_structure == world.ours and ticket.season == world.season
    assert ticket.opened_by == world.participant
    message = ticket.messages.get()
    assert not message.from_ansa
    assert "<strong>reçu</strong>" in message.body_html
    files = list(message.attachments.order_by("original_name"))
    assert [(f.original_name, f.content_type) for f in files] == [
        ("capture.png", "image/png"),
        ("convention.pdf", "application/pdf"),
    ]
    assert all("convention" not in f.file.name and "capture" not in f.file.name for f in files)
    assert kinds_for(world.ansa) == ["ticket.created"]
    assert kinds_for(world.ansa2) == ["ticket.created"]
    assert kinds_for(world.referent) == [] and kinds_for(world.expert) == []
    notification = Notification.objects.filter(recipient=world.ansa).get()
    assert notification.url == detail_url(ticket)
    assert "Tremplin Béarn" in notification.title
    assert AuditLogEntry.objects.filter(action="ticket.create", object_id=str(ticket.pk)).exists()
    page = client.get(detail_url(ticket)).content.decode()
    assert "convention.pdf" in page and attachment_url(files[1]) in page


def test_one_structure_is_implicit_several_are_chosen_latest_season_first(client, world):
    client.force_login(world.referent)
    assert soup(client.get(CREATE_URL)).find("select", {"name": "swarmed"}) is None
    later = SwarmedStructureFactory(
        season=TrainingSeasonFactory(slug="saison-2028", name="Saison 2028"),
        structure__name="Tremplin Béarn",
    )
    SwarmedMemberFactory(swarmed_structure=later, user=world.referent, referent=True)
    client.force_login(world.referent)  # a fresh request: the memberships are read again
    select = soup(client.get(CREATE_URL)).find("select", {"name": "swarmed"})
    options = [option.get_text() for option in select.find_all("option")]
    assert options == ["Tremplin Béarn — Saison 2028", "Tremplin Béarn — Saison 2027"]
    client.post(CREATE_URL, {"swarmed": world.ours.pk, "subject": "Ancienne", "body": "Texte"})
    assert Ticket.objects.get().swarmed_structure == world.ours
    # Someone else's structure is not a choice.
    response = client.post(
        CREATE_URL, {"swarmed": world.theirs.pk, "subject": "Chez eux", "body": "Texte"}
    )
    assert response.status_code == 200
    assert Ticket.objects.count() == 1


def test_a_fake_typed_file_is_refused_and_nothing_is_saved(client, world, monkeypatch):
    storage = Attachment._meta.get_field("file").storage
    saved = []
    monkeypatch.setattr(storage, "save", lambda *args, **kwargs: saved.append(args))
    client.force_login(world.referent)
    response = client.post(
        CREATE_URL,
        {
            "subject": "Notre convention",
            "body": "Voici le document.",
            "files": [pdf(), pdf("evil.pdf", b"#!/bin/sh\nrm -rf /\n" * 20)],
        },
    )
    assert response.status_code == 200
    page = soup(response)
    summary = page.find(id="error-summary").get_text()
    assert "evil.pdf" in summary and "type de fichier n'est pas accepté" in summary
    assert "choisissez-les de nouveau" in summary
    files = page.find("input", {"name": "files"})
    assert files["aria-invalid"] == "true"
    assert "id_files_error" in files["aria-describedby"]
    # What was typed stays.
    assert page.find("input", {"name": "subject"})["value"] == "Notre convention"
    assert page.find("textarea", {"name": "body"}).get_text().strip() == "Voici le document."
    assert not Ticket.objects.exists() and not Attachment.objects.exists()
    assert saved == []
    assert kinds_for(world.ansa) == []


def test_an_oversized_file_is_refused(client, world, monkeypatch):
    monkeypatch.setattr("candidacy.services.MAX_EVIDENCE_BYTES", 50)
    client.force_login(world.referent)
    response = client.post(
        CREATE_URL, {"subject": "Gros fichier", "body": "Ci-joint.", "files": [pdf()]}
    )
    assert response.status_code == 200
    summary = soup(response).find(id="error-summary").get_text()
    assert "dépasse la taille maximale" in summary
    assert not Ticket.objects.exists()


def test_more_than_five_files_are_refused(client, world):
    client.force_login(world.referent)
    uploads = [pdf(f"piece-{n}.pdf") for n in range(MAX_ATTACHMENTS_PER_POST + 1)]
    response = client.post(CREATE_URL, {"subject": "Six pièces", "body": "Tout.", "files": uploads})
    assert response.status_code == 200
    assert "au plus 5 fichiers" in soup(response).find(id="error-summary").get_text()
    assert not Ticket.objects.exists()


def test_an_empty_ticket_is_refused_beside_each_field(client, world):
    client.force_login(world.referent)
    response = client.post(CREATE_URL, {"subject": "  ", "body": "   "})
    assert response.status_code == 200
    page = soup(response)
    summary = page.find(id="error-summary")
    assert summary.find("a", href="#id_subject") and summary.find("a", href="#id_body")
    assert "Donnez un objet à votre demande." in page.find(id="id_subject_error").get_text()
    assert "Écrivez votre message." in page.find(id="id_body_error").get_text()
    assert "id_body_error" in page.find("textarea", {"name": "body"})["aria-describedby"]
    # No files were chosen: no word about choosing them again.
    assert "choisissez-les de nouveau" not in summary.get_text()
    assert not Ticket.objects.exists()


def test_an_oversized_message_or_subject_is_refused_and_the_text_kept(client, world):
    client.force_login(world.referent)
    long_text = "Un long récit. " * 700  # more than 10 000 characters
    response = client.post(CREATE_URL, {"subject": "x" * 201, "body": long_text})
    assert response.status_code == 200
    page = soup(response)
    assert page.find(id="id_subject_error") and page.find(id="id_body_error")
    assert page.find("textarea", {"name": "body"}).get_text().strip() == long_text.strip()
    assert not Ticket.objects.exists()
    # The service holds the same rule for any other caller.
    with pytest.raises(ValidationError) as refused:
        services.ticket_create(
            actor=world.referent, swarmed=world.ours, subject="Objet", body="x" * 10_001
        )
    assert "body" in refused.value.error_dict


def test_nobody_opens_a_ticket_in_another_structures_name(world):
    with pytest.raises(PermissionDenied):
        services.ticket_create(actor=world.stranger, swarmed=world.ours, subject="S", body="B")
    with pytest.raises(PermissionDenied):
        services.ticket_create(actor=world.ansa, swarmed=world.ours, subject="S", body="B")


# --- The thread and its states -----------------------------------------------------------------


def reply(client, ticket, body: str, **extra):
    return client.post(detail_url(ticket), {"action": "reply", "body": body, **extra})


def status_of(ticket) -> str:
    ticket.refresh_from_db()
    return ticket.status


def test_ansa_reply_waits_for_the_structure_whose_reply_reopens_it(client, world):
    ticket = open_ticket(world)
    client.force_login(world.ansa)
    assert reply(client, ticket, "Essayez ce lien.").status_code == 302
    assert status_of(ticket) == TicketStatus.WAITING
    answer = ticket.messages.order_by("pk").last()
    assert answer.from_ansa and answer.author == world.ansa
    assert kinds_for(world.referent) == ["ticket.answered"]
    assert kinds_for(world.participant) == ["ticket.answered"]
    assert kinds_for(world.ansa2) == ["ticket.created"]
    client.force_login(world.participant)
    assert reply(client, ticket, "Toujours pas.").status_code == 302
    assert status_of(ticket) == TicketStatus.OPEN
    assert not ticket.messages.order_by("pk").last().from_ansa
    assert kinds_for(world.ansa2) == ["ticket.created", "ticket.replied"]
    assert AuditLogEntry.objects.filter(action="ticket.reply").count() == 2


def test_ansa_can_reply_and_resolve_in_the_same_form(client, world):
    ticket = open_ticket(world)
    client.force_login(world.ansa)
    reply(client, ticket, "C'est corrigé.", resolve="on")
    assert status_of(ticket) == TicketStatus.RESOLVED
    entry = AuditLogEntry.objects.get(action="ticket.reply")
    assert entry.changes["status"] == [TicketStatus.OPEN, TicketStatus.RESOLVED]


def test_a_resolved_ticket_is_reopened_by_a_reply_of_the_structure(client, world):
    ticket = open_ticket(world)
    services.ticket_resolve(actor=world.ansa, ticket=ticket)
    assert status_of(ticket) == TicketStatus.RESOLVED
    assert kinds_for(world.referent) == ["ticket.resolved"]
    client.force_login(world.referent)
    page = soup(client.get(detail_url(ticket)))
    assert "votre message la rouvrira" in page.get_text()
    reply(client, ticket, "Le problème revient.")
    assert status_of(ticket) == TicketStatus.OPEN
    notification = Notification.objects.filter(recipient=world.ansa, kind="ticket.replied").get()
    assert "rouvert" in notification.title


def test_the_structure_can_mark_its_ticket_resolved(client, world):
    ticket = open_ticket(world)
    client.force_login(world.participant)
    response = client.post(detail_url(ticket), {"action": "resolve"})
    assert response.status_code == 302
    assert status_of(ticket) == TicketStatus.RESOLVED
    assert "ticket.resolved" in kinds_for(world.ansa)
    assert AuditLogEntry.objects.filter(action="ticket.resolve").count() == 1
    # Resolving again is refused, with a word.
    response = client.post(detail_url(ticket), {"action": "resolve"}, follow=True)
    assert "déjà résolue" in response.content.decode()
    assert AuditLogEntry.objects.filter(action="ticket.resolve").count() == 1


def test_an_empty_reply_is_refused_and_a_bad_file_too(client, world):
    ticket = open_ticket(world)
    client.force_login(world.ansa)
    response = reply(client, ticket, "   ")
    assert response.status_code == 200
    assert soup(response).find(id="id_body_error")
    response = client.post(
        detail_url(ticket),
        {"action": "reply", "body": "Voir pièce.", "files": [pdf("evil.pdf", b"MZ" * 100)]},
    )
    page = soup(response)
    assert "type de fichier n'est pas accepté" in page.find(id="error-summary").get_text()
    assert page.find("textarea", {"name": "body"}).get_text().strip() == "Voir pièce."
    assert ticket.messages.count() == 1 and status_of(ticket) == TicketStatus.OPEN


def test_the_thread_marks_ansas_replies_and_lists_the_files(client, world):
    ticket = open_ticket(world, uploads=[pdf()])
    services.ticket_reply(actor=world.ansa, ticket=ticket, body="Voici.", checked_uploads=[])
    client.force_login(world.referent)
    page = soup(client.get(detail_url(ticket)))
    assert len(page.find_all("h1")) == 1
    articles = page.find_all("article")
    assert len(articles) == 2
    assert "Équipe Ansa" not in articles[0].get_text()
    assert "Équipe Ansa" in articles[1].get_text() and "Aline Ansa" in articles[1].get_text()
    assert articles[0].find("a", href=attachment_url(Attachment.objects.get()))
    assert "En attente de votre réponse" in page.get_text()


def test_markdown_is_sanitised_in_the_stored_html_and_the_page(client, world):
    attack = (
        "<script>alert('x')</script>\n\n"
        "[clic](javascript:alert(1))\n\n"
        "[image](data:text/html;base64,PHNjcmlwdD4=)\n\n"
        '<img src=x onerror="alert(2)">\n\n'
        '<svg onload="alert(3)"></svg>'
    )
    ticket = open_ticket(world, body=attack)
    message = services.ticket_reply(actor=world.ansa, ticket=ticket, body=attack)
    client.force_login(world.referent)
    page = soup(client.get(detail_url(ticket)))
    thread = "".join(str(block) for block in page.find_all(class_="rich-text"))
    for html in (ticket.messages.first().body_html, message.body_html, thread):
        assert "<script" not in html
        assert "javascript:" not in html
        assert "data:text" not in html
        assert "<img" not in html and "<svg" not in html
        # Raw HTML is shown as text: no element carries an event handler.
        parsed = BeautifulSoup(html, "html.parser")
        assert not [
            tag for tag in parsed.find_all(True) if any(a.startswith("on") for a in tag.attrs)
        ]
    assert not page.find("script", string=lambda text: text and "alert" in text)
    assert not page.find("img", src="x") and not page.find("svg")


# --- Turning a ticket into a question ----------------------------------------------------------


@pytest.fixture
def sheets(home):
    framework = FrameworkPageFactory(parent=home)
    return [
        ActionSheetPageFactory(parent=framework, number=number, title=title, slug=f"fiche-{number}")
        for number, title in ((2, "La PER"), (8, "La prospection"))
    ]


def test_the_conversion_form_is_prefilled_and_says_in_whose_name(client, world, sheets):
    ticket = open_ticket(
        world, subject="Comment présenter la PER ?", body="Nos CRE hésitent à *signer*."
    )
    client.force_login(world.ansa)
    page = soup(client.get(convert_url(ticket)))
    assert page.find("input", {"name": "title"})["value"] == "Comment présenter la PER ?"
    assert page.find("textarea", {"name": "body"}).get_text().strip() == (
        "Nos CRE hésitent à *signer*."
    )
    labels = [label.get_text() for label in page.select("fieldset label")]
    assert "Fiche 2 — La PER" in labels and "Fiche 8 — La prospection" in labels
    assert page.find("input", {"name": "scope", "value": Scope.PAIR})["checked"] is not None
    assert str(world.referent) in page.find(class_="callout").get_text()


def test_a_question_needs_at_least_one_sheet(client, world, sheets):
    ticket = open_ticket(world, subject="Comment présenter la PER ?")
    client.force_login(world.ansa)
    response = client.post(
        convert_url(ticket),
        {"title": "Comment présenter la PER ?", "body": "Texte", "scope": "pair"},
    )
    assert response.status_code == 200
    assert "au moins une fiche-action" in soup(response).find(id="error-summary").get_text()
    assert not Question.objects.exists()
    assert status_of(ticket) == TicketStatus.OPEN


def test_a_ticket_becomes_a_question_of_its_opener_once(client, world, sheets):
    ticket = open_ticket(world, subject="Comment présenter la PER ?", body="Nos CRE hésitent.")
    client.force_login(world.ansa)
    data = {
        "title": "Comment présenter la PER au premier accueil ?",
        "body": "Nos CRE hésitent à la faire signer.",
        "sheets": [sheets[0].pk],
        "scope": Scope.COHORT,
    }
    response = client.post(convert_url(ticket), data)
    question = Question.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("tutoring:question_detail", kwargs={"pk": question.pk})
    assert question.asked_by == world.referent
    assert question.swarmed_structure == world.ours
    assert question.scope == Scope.COHORT
    assert list(question.sheets.all()) == [sheets[0]]
    assert question.events.filter(kind=QuestionEventKind.CONVERTED, actor=world.ansa).exists()
    ticket.refresh_from_db()
    assert ticket.status == TicketStatus.RESOLVED and ticket.converted_question == question
    converted = Notification.objects.get(recipient=world.referent, kind="ticket.converted")
    assert converted.url == reverse("tutoring:question_detail", kwargs={"pk": question.pk})
    assert AuditLogEntry.objects.filter(action="ticket.convert", object_id=str(ticket.pk)).exists()
    # The ticket shows where it went, to both sides.
    for who in (world.ansa, world.participant):
        client.force_login(who)
        page = soup(client.get(detail_url(ticket)))
        assert page.find("a", href=converted.url)
        assert not page.find("a", href=convert_url(ticket))
    # Converting twice is refused.
    client.force_login(world.ansa)
    response = client.get(convert_url(ticket), follow=True)
    assert "déjà été transformée" in response.content.decode()
    response = client.post(convert_url(ticket), data)
    assert response.status_code == 302 and response["Location"] == detail_url(ticket)
    with pytest.raises(ValidationError):
        services.ticket_convert(
            actor=world.ansa, ticket=ticket, title=data["title"], body=data["body"],
            sheet_ids=[sheets[0].pk], scope=Scope.PAIR,
        )  # fmt: skip
    assert Question.objects.count() == 1


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("ansa", 200),
        ("referent", 403),  # their ticket, but only Ansa converts
        ("participant", 403),
        ("stranger", 404),  # outside the ticket: it does not exist for them
        ("expert", 404),
        ("head", 404),
        ("steering", 404),
        ("anonymous", 302),
    ],
)
def test_only_ansa_turns_a_ticket_into_a_question(client, world, sheets, who, status):
    ticket = open_ticket(world, subject="Comment présenter la PER ?")
    login(client, world, who)
    assert client.get(convert_url(ticket)).status_code == status
    client.post(
        convert_url(ticket),
        {"title": "Comment présenter la PER ?", "body": "x", "sheets": [sheets[0].pk],
         "scope": "pair"},
    )  # fmt: skip
    assert Question.objects.exists() == (who == "ansa")
    with pytest.raises(PermissionDenied):
        services.ticket_convert(
            actor=world.referent, ticket=ticket, title="Comment présenter la PER ?", body="x",
            sheet_ids=[sheets[0].pk],
        )  # fmt: skip


def test_no_question_in_the_name_of_someone_who_left_the_structure(client, world, sheets):
    ticket = open_ticket(world, subject="Comment présenter la PER ?")
    world.ours.members.filter(user=world.referent).delete()
    client.force_login(world.ansa)
    page = soup(client.get(convert_url(ticket)))
    assert "n'appartient plus à la structure" in page.get_text()
    assert not page.find("main").find("form")
    response = client.post(
        convert_url(ticket),
        {"title": "Comment présenter la PER ?", "body": "x", "sheets": [sheets[0].pk],
         "scope": "pair"},
    )  # fmt: skip
    assert response.status_code == 200
    assert not Question.objects.exists() and status_of(ticket) == TicketStatus.OPEN


def test_nothing_is_half_saved_when_the_ticket_fails_after_its_files(world, monkeypatch):
    from tutoring.attachments import check_uploads

    storage = Attachment._meta.get_field("file").storage
    written = []
    real_save = storage.save

    def save(*args, **kwargs):
        written.append(real_save(*args, **kwargs))
        return written[-1]

    monkeypatch.setattr(storage, "save", save)

    def broken(**kwargs):
        raise RuntimeError("audit down")

    monkeypatch.setattr(services, "audit_log", broken)
    with pytest.raises(RuntimeError):
        services.ticket_create(
            actor=world.referent,
            swarmed=world.ours,
            subject="Convention",
            body="Ci-joint.",
            checked_uploads=check_uploads([pdf(), png()]),
        )
    assert len(written) == 2
    assert not any(storage.exists(name) for name in written)
    assert not Ticket.objects.exists() and not Attachment.objects.exists()
    assert kinds_for(world.ansa) == []
