"""The guide's editorial pages: the list, promotion, one entry and the acts on it, editing.

Roles: Ansa, A.CO.R's head of network, the expert who owns the entry, another expert, a
referent of a swarmed structure (a reader of the guide, not an editor) and anonymous visitors.
"""

from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from tests.curriculum.factories import ActionSheetPageFactory
from tests.helpers import count_queries
from tests.modules.factories import SwarmedMemberFactory, TrainingSeasonFactory
from tests.portal.factories import UserFactory
from tests.tutoring.factories import PairingFactory, QuestionFactory
from tests.tutoring.guide_factories import (
    GuideEntryFactory,
    accepted_question,
    ansa,
    head_of_network,
    published_edition,
)
from tutoring.enums import (
    EntryEventKind,
    EntryKind,
    EntryStatus,
    FlagKind,
    FlagStatus,
    TerritoryKind,
)
from tutoring.guide import services
from tutoring.guide.models import (
    AnonymisationFlag,
    GuideComment,
    GuideEntry,
    GuideEntryRevision,
    OutdatedReport,
)

pytestmark = pytest.mark.django_db

LIST_URL = reverse("tutoring:guide_entries")
PROMOTE_URL = reverse("tutoring:guide_promote")
EDITORS = ("ansa", "head_of_network", "owner", "other_expert")


def entry_url(entry, name="guide_entry") -> str:
    return reverse(f"tutoring:{name}", kwargs={"pk": entry.pk})


@pytest.fixture
def sheet():
    return ActionSheetPageFactory(number=8, title="La prospection et la captation des offres")


@pytest.fixture
def people():
    return SimpleNamespace(
        ansa=ansa(),
        head_of_network=head_of_network(),
        owner=UserFactory(expert=True),
        other_expert=UserFactory(expert=True),
        referent=SwarmedMemberFactory(referent=True).user,
    )


@pytest.fixture
def entry(people, sheet):
    return GuideEntryFactory(
        owner=people.owner, sheets=[sheet], title="Préparer la visite d'un employeur"
    )


def login(client, people, role: str) -> None:
    if role != "anonymous":
        client.force_login(getattr(people, role))


def with_open_email(entry, address="claire.dupuis@exemple.fr") -> AnonymisationFlag:
    """Give the entry a text with an e-mail address and run the check: one open flag."""
    GuideEntry.objects.filter(pk=entry.pk).update(body=f"Écrire à {address} avant la visite.")
    entry.refresh_from_db()
    services.flags_refresh(entry)
    return entry.flags.get(kind=FlagKind.EMAIL, text=address)


def soup_of(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def assert_error_beside(response, field_id: str, message: str) -> None:
    """The message is next to the field (linked by aria-describedby) and in the summary."""
    soup = soup_of(response)
    field = soup.select_one(f"#{field_id}")
    assert field is not None, field_id
    described = field.get("aria-describedby", "")
    assert f"{field_id}_error" in described.split()
    error = soup.select_one(f"#{field_id}_error")
    assert message in error.get_text()
    summary = soup.select_one("#error-summary")
    assert summary is not None and message in summary.get_text()
    assert summary.select_one(f'a[href="#{field_id}"]') is not None


# --- Who opens the back office ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("ansa", 200),
        ("head_of_network", 200),
        ("owner", 200),
        ("other_expert", 200),
        ("referent", 403),
        ("anonymous", 302),
    ],
)
def test_editorial_pages_are_for_ansa_and_acor_only(client, people, entry, role, status):
    login(client, people, role)
    for url in (LIST_URL, PROMOTE_URL, entry_url(entry), entry_url(entry, "guide_entry_history")):
        response = client.get(url)
        assert response.status_code == status, url
        if status == 302:
            assert response["Location"].startswith(reverse("account_login"))


def test_an_entry_that_does_not_exist_is_404(client, people):
    client.force_login(people.ansa)
    assert client.get(reverse("tutoring:guide_entry", kwargs={"pk": 999})).status_code == 404
    assert client.get(reverse("tutoring:guide_entry_edit", kwargs={"pk": 999})).status_code == 404


@pytest.mark.parametrize(
    "name",
    [
        "guide_entry_action",
        "guide_entry_public",
        "guide_entry_owner",
        "guide_entry_comment",
        "guide_entry_check",
        "guide_flag_resolve",
        "guide_outdated_close",
        "guide_edition_publish",
    ],
)
def test_acts_are_post_only(client, people, name):
    client.force_login(people.ansa)
    assert client.get(reverse(f"tutoring:{name}", kwargs={"pk": 1})).status_code == 405


@pytest.mark.parametrize("role", ["referent", "anonymous"])
def test_acts_are_refused_outside_the_editorial_team(client, people, entry, role):
    flag = with_open_email(entry)
    login(client, people, role)
    responses = [
        client.post(entry_url(entry, "guide_entry_action"), {"action": "submit"}),
        client.post(entry_url(entry, "guide_entry_comment"), {"body": "Bonjour"}),
        client.post(reverse("tutoring:guide_flag_resolve", kwargs={"pk": flag.pk}),
                    {"decision": "keep", f"flag-{flag.pk}-reason": "Utile."}),
    ]  # fmt: skip
    expected = 403 if role == "referent" else 302
    assert [response.status_code for response in responses] == [expected] * 3
    entry.refresh_from_db()
    assert entry.status == EntryStatus.DRAFT
    assert not GuideComment.objects.exists()
    assert entry.flags.get().status == FlagStatus.OPEN


# --- The list -----------------------------------------------------------------------------------


def test_list_counts_entries_per_state_and_links_the_other_pages(client, people, sheet):
    GuideEntryFactory(sheets=[sheet])
    GuideEntryFactory(sheets=[sheet], approved=True)
    client.force_login(people.ansa)
    page = client.get(LIST_URL).content.decode()
    assert f"{escape(EntryStatus.DRAFT.label)}</a>\u00a0: 1" in page
    assert f"{escape(EntryStatus.APPROVED.label)}</a>\u00a0: 1" in page
    assert "2 entrées en tout" in page
    for name in ("guide_review", "guide_editions", "guide_stats"):
        assert reverse(f"tutoring:{name}") in page


def test_experts_do_not_get_the_statistics_link(client, people, entry):
    client.force_login(people.other_expert)
    page = client.get(LIST_URL).content.decode()
    assert reverse("tutoring:guide_stats") not in page
    assert reverse("tutoring:guide_review") in page


def test_list_filters_by_state_sheet_type_owner_flags_reports_and_words(client, people, sheet):
    other_sheet = ActionSheetPageFactory(number=3, title="La proposition de poste")
    mine = GuideEntryFactory(owner=people.owner, sheets=[sheet], title="Relancer un employeur")
    flagged = GuideEntryFactory(sheets=[other_sheet], title="Réunir les employeurs du bassin",
                                kind=EntryKind.PITFALL)  # fmt: skip
    with_open_email(flagged)
    reported = GuideEntryFactory(sheets=[sheet], approved=True, title="Tenir le café emploi")
    OutdatedReport.objects.create(entry=reported, reported_by=people.referent, reason="Changé.")
    client.force_login(people.owner)

    def titles(query: str) -> set[str]:
        soup = soup_of(client.get(LIST_URL + query))
        return {row.get_text(strip=True) for row in soup.select("tbody th a")}

    assert titles("") == {mine.title, flagged.title, reported.title}
    assert titles("?etat=approved") == {reported.title}
    assert titles(f"?fiche={other_sheet.pk}") == {flagged.title}
    assert titles("?type=pitfall") == {flagged.title}
    assert titles("?miennes=on") == {mine.title}
    assert titles("?donnees=on") == {flagged.title}
    assert titles("?depassees=on") == {reported.title}
    assert titles("?q=relancer") == {mine.title}
    assert titles("?q=employeurs") == {mine.title, flagged.title}


def test_list_search_reads_the_current_text_not_an_old_revision(client, people, sheet):
    entry = GuideEntryFactory(owner=people.owner, sheets=[sheet], title="Première idée")
    services.entry_update(
        actor=people.owner, entry=entry, version=entry.version, kind=entry.kind,
        title="Tenir un café emploi", body="Inviter six employeurs.", sheet_ids=[sheet.pk],
    )  # fmt: skip
    client.force_login(people.ansa)
    assert "Tenir un café emploi" in client.get(LIST_URL + "?q=cafe").content.decode()
    assert "Aucune entrée ne correspond" in client.get(LIST_URL + "?q=idee").content.decode()


def test_list_is_paginated(client, people, sheet):
    for _ in range(21):
        GuideEntryFactory(sheets=[sheet])
    client.force_login(people.ansa)
    soup = soup_of(client.get(LIST_URL))
    assert len(soup.select("tbody tr")) == 20
    assert soup.select_one(".pagination a")["href"] == "?page=2"
    assert len(soup_of(client.get(LIST_URL + "?page=2")).select("tbody tr")) == 1


def test_list_has_constant_query_count(client, people, sheet):
    def add_entry():
        entry = GuideEntryFactory(sheets=[sheet, ActionSheetPageFactory()])
        with_open_email(entry)
        OutdatedReport.objects.create(entry=entry, reported_by=people.referent, reason="Changé.")

    add_entry()
    client.force_login(people.ansa)
    few = count_queries(client, LIST_URL)
    for _ in range(10):
        add_entry()
    assert count_queries(client, LIST_URL) == few
    assert count_queries(client, LIST_URL + "?donnees=on&q=visite") <= few + 2


# --- Promotion ----------------------------------------------------------------------------------


@pytest.fixture
def answered(sheet):
    pairing = PairingFactory()
    return accepted_question(
        swarmed_structure=pairing.swarmed_structure,
        sheets=[sheet],
        title="Comment relancer un employeur silencieux ?",
    )


def test_promotion_page_shows_the_question_and_prefills_the_entry(client, people, answered, sheet):
    client.force_login(people.other_expert)
    response = client.get(PROMOTE_URL, {"question": answered.pk})
    assert response.status_code == 200
    soup = soup_of(response)
    page = response.content.decode()
    assert escape(answered.title) in page
    assert answered.season.name in page
    assert escape(str(answered.accepted_answer.author)) in page
    assert soup.select_one("#id_title")["value"] == answered.title
    assert soup.select_one(f'input[name="sheets"][value="{sheet.pk}"]').has_attr("checked")
    assert soup.select_one('input[name="kind"][value="faq"]').has_attr("checked")
    assert soup.select_one(f'input[name="question"][value="{answered.pk}"]')


def test_the_sheets_are_grouped_by_axis(client, people, answered):
    ActionSheetPageFactory(number=9, title="La fidélisation des entreprises", axis="companies")
    client.force_login(people.ansa)
    soup = soup_of(client.get(PROMOTE_URL, {"question": answered.pk}))
    legends = [legend.get_text(strip=True) for legend in soup.select("#id_sheets fieldset legend")]
    assert legends == ["Avec le chercheur d'emploi", "Avec les entreprises"]


def test_promotion_creates_a_draft_from_the_question_and_its_accepted_answer(
    client, people, answered, sheet
):
    client.force_login(people.other_expert)
    response = client.post(
        PROMOTE_URL,
        {"question": answered.pk, "kind": EntryKind.GOOD_PRACTICE, "title": "Relancer sans lasser",
         "sheets": [sheet.pk], "territory_kind": TerritoryKind.RURAL},
    )  # fmt: skip
    entry = GuideEntry.objects.get()
    assert response.status_code == 302
    assert response["Location"] == entry_url(entry)
    assert (entry.title, entry.kind, entry.territory_kind, entry.status) == (
        "Relancer sans lasser", EntryKind.GOOD_PRACTICE, TerritoryKind.RURAL, EntryStatus.DRAFT,
    )  # fmt: skip
    assert entry.owner == people.other_expert
    assert list(entry.source_questions.all()) == [answered]
    assert list(entry.contributors.all()) == [answered.accepted_answer.author]
    assert answered.accepted_answer.body in entry.body
    assert entry.season == answered.season
    page = client.get(response["Location"]).content.decode()
    assert escape("Le brouillon de l'entrée est créé") in page


def test_promotion_offers_similar_answered_questions_the_editor_may_read(
    client, people, answered, sheet
):
    structure = answered.swarmed_structure
    close = accepted_question(swarmed_structure=structure, sheets=[sheet],
                              title="Relancer un employeur qui ne rappelle pas")  # fmt: skip
    hidden = accepted_question(swarmed_structure=structure, sheets=[sheet],
                               title="Relancer un employeur après un refus")  # fmt: skip
    hidden.hidden_at = timezone.now()
    hidden.save()
    QuestionFactory(swarmed_structure=structure, sheets=[sheet], title="Relancer un employeur ?")
    client.force_login(people.other_expert)
    soup = soup_of(client.get(PROMOTE_URL, {"question": answered.pk}))
    offered = {label.get_text(" ", strip=True) for label in soup.select("#id_related label")}
    assert len(offered) == 1 and close.title in offered.pop()

    response = client.post(
        PROMOTE_URL,
        {"question": answered.pk, "related": [close.pk], "kind": "faq", "title": "Relancer",
         "sheets": [sheet.pk]},
    )  # fmt: skip
    entry = GuideEntry.objects.get()
    assert response.status_code == 302
    assert set(entry.source_questions.all()) == {answered, close}


def test_a_question_outside_what_the_editor_may_promote_is_404(client, people, sheet):
    unanswered = QuestionFactory(sheets=[sheet], answered=True)  # answered, none accepted
    hidden = accepted_question(sheets=[sheet])
    hidden.hidden_at = timezone.now()
    hidden.save()
    client.force_login(people.other_expert)
    for value in (unanswered.pk, hidden.pk, 999, "abc"):
        assert client.get(PROMOTE_URL, {"question": value}).status_code == 404
        assert client.post(PROMOTE_URL, {"question": value, "title": "x"}).status_code == 404
    assert not GuideEntry.objects.exists()


def test_promotion_without_a_question_explains_where_to_start(client, people):
    client.force_login(people.ansa)
    page = client.get(PROMOTE_URL).content.decode()
    assert "Proposer pour le guide" in page
    assert reverse("tutoring:question_list") in page


def test_promotion_refuses_bad_input_beside_the_fields_and_saves_nothing(
    client, people, answered, sheet
):
    client.force_login(people.ansa)
    response = client.post(
        PROMOTE_URL,
        {"question": answered.pk, "kind": "unknown", "title": "", "sheets": [],
         "territory_kind": "lunar"},
    )  # fmt: skip
    assert response.status_code == 400
    assert_error_beside(response, "id_sheets", "Rattachez l'entrée à au moins une fiche-action.")
    assert_error_beside(response, "id_title", "Donnez un titre à l'entrée.")
    assert_error_beside(response, "id_kind", "Sélectionnez un choix valide.")
    assert_error_beside(response, "id_territory_kind", "Sélectionnez un choix valide.")
    assert not GuideEntry.objects.exists()


def test_promotion_keeps_what_was_typed_when_refused(client, people, answered, sheet):
    client.force_login(people.ansa)
    response = client.post(
        PROMOTE_URL,
        {"question": answered.pk, "kind": "case", "title": "Mon titre à moi", "sheets": []},
    )
    soup = soup_of(response)
    assert soup.select_one("#id_title")["value"] == "Mon titre à moi"
    assert soup.select_one('input[name="kind"][value="case"]').has_attr("checked")
    assert not soup.select_one(f'input[name="sheets"][value="{sheet.pk}"]').has_attr("checked")
    assert not GuideEntry.objects.exists()


def test_question_page_offers_promotion_to_editors_once_an_answer_is_accepted(
    client, people, answered, sheet
):
    url = reverse("tutoring:question_detail", kwargs={"pk": answered.pk})
    link = f"{PROMOTE_URL}?question={answered.pk}"
    client.force_login(people.other_expert)
    assert link in client.get(url).content.decode()
    open_question = QuestionFactory(swarmed_structure=answered.swarmed_structure, sheets=[sheet])
    page = client.get(reverse("tutoring:question_detail", kwargs={"pk": open_question.pk}))
    assert "Proposer pour le guide" not in page.content.decode()
    client.force_login(answered.asked_by)
    assert "Proposer pour le guide" not in client.get(url).content.decode()


# --- One entry ----------------------------------------------------------------------------------


def test_entry_page_shows_the_text_state_owner_and_history(client, people, entry):
    client.force_login(people.other_expert)
    page = client.get(entry_url(entry)).content.decode()
    assert entry.body_html in page
    assert str(EntryStatus.DRAFT.label) in page
    assert escape(str(people.owner)) in page
    assert str(EntryEventKind.PROMOTED.label) not in page  # made by a factory, not promoted
    # Another expert reads and comments, but neither edits nor submits.
    assert entry_url(entry, "guide_entry_edit") not in page
    assert 'name="action"' not in page
    assert entry_url(entry, "guide_entry_comment") in page


def test_anonymisation_panel_lists_each_flag_with_its_two_forms(client, people, entry):
    flag = with_open_email(entry)
    kept = AnonymisationFlag.objects.create(
        entry=entry, kind=FlagKind.PLACE, text="Orthez", status=FlagStatus.KEPT,
        reason="Commune citée par la presse.",
    )  # fmt: skip
    client.force_login(people.owner)
    soup = soup_of(client.get(entry_url(entry)))
    row = soup.select_one(f"#donnee-{flag.pk}")
    assert str(FlagKind.EMAIL.label) in row.get_text()
    assert flag.text in row.get_text()
    assert str(FlagStatus.OPEN.label) in row.get_text()
    assert row.select_one(f"#id_flag-{flag.pk}-replacement")["value"] == "[adresse électronique]"
    assert row.select_one(f"#id_flag-{flag.pk}-reason") is not None
    assert [button.get_text() for button in row.select("button")] == ["Masquer", "Conserver"]
    kept_row = soup.select_one(f"#donnee-{kept.pk}")
    assert "Commune citée par la presse." in kept_row.get_text()
    assert kept_row.select_one("form") is None


def test_masking_a_flag_replaces_the_passage(client, people, entry):
    flag = with_open_email(entry)
    client.force_login(people.owner)
    response = client.post(
        reverse("tutoring:guide_flag_resolve", kwargs={"pk": flag.pk}),
        {"decision": "mask", f"flag-{flag.pk}-replacement": "[l'adresse de la chargée]"},
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert flag.text not in entry.body
    assert "[l'adresse de la chargée]" in entry.body
    flag.refresh_from_db()
    assert flag.status == FlagStatus.MASKED


def test_keeping_a_flag_needs_a_reason_beside_the_field(client, people, entry):
    flag = with_open_email(entry)
    client.force_login(people.owner)
    url = reverse("tutoring:guide_flag_resolve", kwargs={"pk": flag.pk})
    response = client.post(url, {"decision": "keep", f"flag-{flag.pk}-reason": "  "})
    assert response.status_code == 400
    assert_error_beside(
        response, f"id_flag-{flag.pk}-reason", "Dites pourquoi ce passage peut rester tel quel."
    )
    flag.refresh_from_db()
    assert flag.status == FlagStatus.OPEN

    response = client.post(url, {"decision": "keep", f"flag-{flag.pk}-reason": "Adresse publique."})
    flag.refresh_from_db()
    assert (flag.status, flag.reason) == (FlagStatus.KEPT, "Adresse publique.")


def test_an_overlong_replacement_is_refused_and_kept_in_the_field(client, people, entry):
    flag = with_open_email(entry)
    client.force_login(people.owner)
    typed = "x" * 121
    response = client.post(
        reverse("tutoring:guide_flag_resolve", kwargs={"pk": flag.pk}),
        {"decision": "mask", f"flag-{flag.pk}-replacement": typed},
    )
    assert response.status_code == 400
    field_id = f"id_flag-{flag.pk}-replacement"
    soup = soup_of(response)
    assert soup.select_one(f"#{field_id}")["value"] == typed
    assert soup.select_one(f"#{field_id}[aria-invalid=true]")
    assert soup.select_one("#error-summary")
    entry.refresh_from_db()
    assert flag.text in entry.body


def test_another_expert_cannot_resolve_a_flag(client, people, entry):
    flag = with_open_email(entry)
    client.force_login(people.other_expert)
    response = client.post(
        reverse("tutoring:guide_flag_resolve", kwargs={"pk": flag.pk}),
        {"decision": "keep", f"flag-{flag.pk}-reason": "Utile."},
    )
    assert response.status_code == 403
    assert client.get(entry_url(entry)).content.decode().count("Conserver") == 0


def test_submitting_with_an_open_flag_shows_the_services_message(client, people, entry):
    with_open_email(entry)
    client.force_login(people.owner)
    response = client.post(entry_url(entry, "guide_entry_action"), {"action": "submit"})
    assert response.status_code == 400
    page = response.content.decode()
    message = escape(
        "1 donnée à anonymiser reste à traiter\u00a0: masquez-la ou conservez-la en "
        "donnant un motif."
    )
    assert page.count(message) == 2  # beside the button and in the summary
    assert soup_of(response).select_one("#error-summary")
    entry.refresh_from_db()
    assert entry.status == EntryStatus.DRAFT


def test_the_review_path_owner_submits_head_of_network_approves(client, people, entry):
    client.force_login(people.owner)
    response = client.post(entry_url(entry, "guide_entry_action"), {"action": "submit"})
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.status == EntryStatus.IN_REVIEW
    # The owner cannot approve; the head of network can.
    assert (
        client.post(entry_url(entry, "guide_entry_action"), {"action": "approve"}).status_code
        == 403
    )
    client.force_login(people.head_of_network)
    page = client.get(entry_url(entry)).content.decode()
    assert "Approuver" in page and "Renvoyer en brouillon" in page
    client.post(entry_url(entry, "guide_entry_action"), {"action": "approve"})
    entry.refresh_from_db()
    assert entry.status == EntryStatus.APPROVED
    assert entry.approved_revision is not None


def test_sending_back_needs_a_reason_beside_the_field(client, people, entry):
    services.entry_transition(actor=people.owner, entry=entry, action="submit")
    client.force_login(people.ansa)
    url = entry_url(entry, "guide_entry_action")
    response = client.post(url, {"action": "send_back", "action-send_back-text": ""})
    assert response.status_code == 400
    assert_error_beside(response, "id_action-send_back-text", "Expliquez pourquoi")
    entry.refresh_from_db()
    assert entry.status == EntryStatus.IN_REVIEW
    client.post(url, {"action": "send_back", "action-send_back-text": "Trop proche du cas."})
    entry.refresh_from_db()
    assert entry.status == EntryStatus.DRAFT
    assert entry.events.filter(kind=EntryEventKind.SENT_BACK, detail="Trop proche du cas.")


def test_an_unknown_action_is_404(client, people, entry):
    client.force_login(people.ansa)
    assert client.post(entry_url(entry, "guide_entry_action"), {"action": "x"}).status_code == 404


def test_only_the_head_of_network_opens_an_entry_to_the_public(client, people, entry):
    url = entry_url(entry, "guide_entry_public")
    for role in ("ansa", "owner"):
        login(client, people, role)
        assert url not in client.get(entry_url(entry)).content.decode()
        assert client.post(url, {"public": "1"}).status_code == 403
    client.force_login(people.head_of_network)
    assert url in client.get(entry_url(entry)).content.decode()
    assert client.post(url, {"public": "1"}).status_code == 302
    entry.refresh_from_db()
    assert entry.is_public
    client.post(url, {"public": "0"})
    entry.refresh_from_db()
    assert not entry.is_public


def test_ansa_changes_the_owner_among_ansa_and_experts(client, people, entry):
    url = entry_url(entry, "guide_entry_owner")
    client.force_login(people.owner)
    assert client.post(url, {"owner": people.other_expert.pk}).status_code == 403
    client.force_login(people.ansa)
    soup = soup_of(client.get(entry_url(entry)))
    options = {option["value"] for option in soup.select("#id_owner option")}
    assert str(people.other_expert.pk) in options and str(people.referent.pk) not in options

    response = client.post(url, {"owner": people.referent.pk})
    assert response.status_code == 400
    assert_error_beside(response, "id_owner", "Choisissez une personne de l'équipe Ansa")
    entry.refresh_from_db()
    assert entry.owner == people.owner

    assert client.post(url, {"owner": people.other_expert.pk}).status_code == 302
    entry.refresh_from_db()
    assert entry.owner == people.other_expert


def test_comments_are_listed_and_an_empty_one_is_refused(client, people, entry):
    client.force_login(people.other_expert)
    url = entry_url(entry, "guide_entry_comment")
    response = client.post(url, {"body": "   "})
    assert response.status_code == 400
    assert_error_beside(response, "id_body", "Écrivez votre commentaire.")
    assert not GuideComment.objects.exists()
    response = client.post(url, {"body": "Ajouter **un exemple** chiffré ?"})
    assert response["Location"] == entry_url(entry) + "#commentaires"
    page = client.get(entry_url(entry)).content.decode()
    assert "<strong>un exemple</strong>" in page


def test_an_editor_marks_the_entry_checked_for_the_last_season(client, people, entry):
    season = TrainingSeasonFactory(training_start=timezone.localdate())
    client.force_login(people.other_expert)
    page = client.get(entry_url(entry)).content.decode()
    assert f"Vérifiée pour la saison ({season.name})</button>" in page
    response = client.post(entry_url(entry, "guide_entry_check"))
    assert response["Location"] == entry_url(entry)
    entry.refresh_from_db()
    assert entry.checked_season == season


def test_the_check_is_refused_for_a_retired_entry(client, people, entry):
    TrainingSeasonFactory()
    services.entry_transition(actor=people.ansa, entry=entry, action="retire", text="Doublon.")
    client.force_login(people.ansa)
    assert client.post(entry_url(entry, "guide_entry_check")).status_code == 403


def test_closing_an_outdated_report_needs_a_response(client, people, entry):
    report = OutdatedReport.objects.create(
        entry=entry, reported_by=people.referent, reason="Le dispositif a changé de nom."
    )
    client.force_login(people.owner)
    url = reverse("tutoring:guide_outdated_close", kwargs={"pk": report.pk})
    assert "Le dispositif a changé de nom." in client.get(entry_url(entry)).content.decode()
    response = client.post(url, {f"report-{report.pk}-response": ""})
    assert response.status_code == 400
    assert_error_beside(
        response, f"id_report-{report.pk}-response", "Dites la suite donnée au signalement."
    )
    report.refresh_from_db()
    assert report.closed_at is None
    client.post(url, {f"report-{report.pk}-response": "Nom mis à jour."})
    report.refresh_from_db()
    assert report.closed_at is not None and report.response == "Nom mis à jour."
    client.force_login(people.other_expert)
    other = OutdatedReport.objects.create(entry=entry, reported_by=people.referent, reason="Non.")
    assert client.post(reverse("tutoring:guide_outdated_close", kwargs={"pk": other.pk}),
                       {f"report-{other.pk}-response": "Vu."}).status_code == 403  # fmt: skip


def test_provenance_links_only_the_source_questions_the_editor_may_read(client, people, sheet):
    readable = accepted_question(sheets=[sheet], title="Question que tout expert lit")
    hidden = accepted_question(sheets=[sheet], title="Question masquée par Ansa")
    entry = services.entry_promote(actor=people.ansa, questions=[readable, hidden])
    hidden.hidden_at = timezone.now()
    hidden.save()
    client.force_login(people.other_expert)
    page = client.get(entry_url(entry)).content.decode()
    assert reverse("tutoring:question_detail", kwargs={"pk": readable.pk}) in page
    assert reverse("tutoring:question_detail", kwargs={"pk": hidden.pk}) not in page
    assert "Question masquée par Ansa" not in page
    assert "1 question d'origine que vous ne pouvez pas lire." in page
    client.force_login(people.ansa)
    page = client.get(entry_url(entry)).content.decode()
    assert reverse("tutoring:question_detail", kwargs={"pk": hidden.pk}) in page


def test_entry_page_lists_the_editions_that_contain_it(client, people, sheet):
    entry = GuideEntryFactory(sheets=[sheet], approved=True)
    edition = published_edition(entries=[entry])
    client.force_login(people.other_expert)
    page = client.get(entry_url(entry)).content.decode()
    assert reverse("tutoring:guide_edition_manage", kwargs={"pk": edition.pk}) in page
    assert edition.name in page


def test_entry_page_has_constant_query_count(client, people, sheet):
    season = TrainingSeasonFactory()
    entry = GuideEntryFactory(sheets=[sheet], approved=True, owner=people.owner)

    def grow(count: int, start: int) -> None:
        for n in range(start, start + count):
            question = accepted_question(sheets=[sheet])
            entry.source_questions.add(question)
            entry.contributors.add(question.accepted_answer.author)
            GuideComment.objects.create(entry=entry, author=people.ansa, body=f"Avis {n}",
                                        body_html=f"<p>Avis {n}</p>")  # fmt: skip
            OutdatedReport.objects.create(entry=entry, reported_by=people.referent, reason="Vieux")
            services.entry_check(actor=people.ansa, entry=entry, season=season)
        addresses = " ".join(f"contact{n}@exemple.fr" for n in range(start + count))
        GuideEntry.objects.filter(pk=entry.pk).update(body=f"Écrire à {addresses}.")
        entry.refresh_from_db()
        services.flags_refresh(entry)

    published_edition(entries=[entry])
    grow(1, 0)
    client.force_login(people.ansa)
    url = entry_url(entry)
    few = count_queries(client, url)
    grow(10, 1)
    published_edition(entries=[entry])
    published_edition(entries=[entry])
    assert entry.flags.count() == 11
    assert count_queries(client, url) == few


# --- Editing ------------------------------------------------------------------------------------


def edit_data(entry, sheet, **overrides) -> dict:
    data = {
        "version": entry.version,
        "kind": entry.kind,
        "title": entry.title,
        "body": entry.body,
        "sheets": [sheet.pk],
        "territory_kind": "",
        "note": "",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("ansa", 200),
        ("head_of_network", 200),
        ("owner", 200),
        ("other_expert", 403),
        ("referent", 403),
        ("anonymous", 302),
    ],
)
def test_the_owner_ansa_and_the_head_of_network_edit_an_entry(client, people, entry, role, status):
    login(client, people, role)
    assert client.get(entry_url(entry, "guide_entry_edit")).status_code == status


def test_editing_saves_a_revision_with_its_note(client, people, entry, sheet):
    client.force_login(people.owner)
    response = client.post(
        entry_url(entry, "guide_entry_edit"),
        edit_data(entry, sheet, body="Venez avec **une** question.", note="Plus court"),
    )
    assert response["Location"] == entry_url(entry)
    entry.refresh_from_db()
    assert entry.body == "Venez avec **une** question."
    assert entry.revisions.first().note == "Plus court"


def test_editing_refuses_bad_input_beside_the_fields_and_keeps_the_text(
    client, people, entry, sheet
):
    client.force_login(people.owner)
    before = entry.version
    response = client.post(
        entry_url(entry, "guide_entry_edit"),
        edit_data(entry, sheet, title="Un titre retravaillé", body="", sheets=[]),
    )
    assert response.status_code == 400
    assert_error_beside(response, "id_body", "Écrivez le texte de l'entrée.")
    assert_error_beside(response, "id_sheets", "Rattachez l'entrée à au moins une fiche-action.")
    assert soup_of(response).select_one("#id_title")["value"] == "Un titre retravaillé"
    entry.refresh_from_db()
    assert (entry.version, entry.title) == (before, "Préparer la visite d'un employeur")


def test_a_concurrent_edit_keeps_the_typed_text_and_shows_the_other_version(
    client, people, entry, sheet
):
    opened_at = entry.version
    services.entry_update(
        actor=people.ansa, entry=entry, version=opened_at, kind=entry.kind,
        title=entry.title, body="Le texte qu'Ansa vient d'enregistrer.", sheet_ids=[sheet.pk],
    )  # fmt: skip
    client.force_login(people.owner)
    response = client.post(
        entry_url(entry, "guide_entry_edit"),
        edit_data(entry, sheet, version=opened_at, body="Ma propre réécriture, tapée longuement."),
    )
    assert response.status_code == 409
    soup = soup_of(response)
    conflict = soup.select_one("#conflict")
    assert "Quelqu'un a modifié cette entrée entre-temps" in conflict.get_text()
    assert "Le texte qu'Ansa vient d'enregistrer." in conflict.get_text()
    assert str(people.ansa) in conflict.get_text()
    assert (
        soup.select_one("#id_body").get_text().strip() == "Ma propre réécriture, tapée longuement."
    )
    entry.refresh_from_db()
    assert entry.body == "Le texte qu'Ansa vient d'enregistrer."
    # Saving again from the page now goes through, on the version it shows.
    version = soup.select_one('input[name="version"]')["value"]
    client.post(
        entry_url(entry, "guide_entry_edit"),
        edit_data(entry, sheet, version=version, body="Ma propre réécriture, tapée longuement."),
    )
    entry.refresh_from_db()
    assert entry.body == "Ma propre réécriture, tapée longuement."


def test_history_shows_revisions_newest_first_with_a_word_diff(client, people, entry, sheet):
    services.entry_update(
        actor=people.owner, entry=entry, version=entry.version, kind=entry.kind,
        title=entry.title, body="Arrivez avec deux questions sur les besoins de recrutement.",
        sheet_ids=[sheet.pk], note="Deux questions",
    )  # fmt: skip
    client.force_login(people.other_expert)
    soup = soup_of(client.get(entry_url(entry, "guide_entry_history")))
    headings = [h.get_text(" ", strip=True) for h in soup.select("article h2")]
    assert headings[0].startswith("Version 2") and headings[1].startswith("Version 1")
    newest = soup.select("article")[0]
    assert "deux" in newest.select_one("ins").get_text()
    assert "**une seule**" in newest.select_one("del").get_text()
    assert "Deux questions" in newest.get_text()
    assert GuideEntryRevision.objects.filter(entry=entry).count() == 2


# --- More refused input --------------------------------------------------------------------------


def test_approving_with_an_open_flag_shows_the_services_message(client, people, entry, sheet):
    services.entry_transition(actor=people.owner, entry=entry, action="submit")
    services.entry_update(
        actor=people.owner, entry=entry, version=GuideEntry.objects.get(pk=entry.pk).version,
        kind=entry.kind, title=entry.title, body="Joindre lea.martin@exemple.fr le lundi.",
        sheet_ids=[sheet.pk],
    )  # fmt: skip
    client.force_login(people.head_of_network)
    response = client.post(entry_url(entry, "guide_entry_action"), {"action": "approve"})
    assert response.status_code == 400
    assert escape("1 donnée à anonymiser reste à traiter") in response.content.decode()
    entry.refresh_from_db()
    assert (entry.status, entry.approved_revision) == (EntryStatus.IN_REVIEW, None)


def test_an_overlong_reason_is_refused_and_kept(client, people, entry):
    client.force_login(people.ansa)
    typed = "Retirée : " + "trop ancienne " * 40
    response = client.post(
        entry_url(entry, "guide_entry_action"), {"action": "retire", "action-retire-text": typed}
    )
    assert response.status_code == 400
    soup = soup_of(response)
    assert soup.select_one("#id_action-retire-text[aria-invalid=true]").get_text().strip() == (
        typed.strip()
    )
    assert soup.select_one("#error-summary a[href='#id_action-retire-text']")
    entry.refresh_from_db()
    assert entry.status == EntryStatus.DRAFT


def test_an_overlong_comment_is_refused_and_kept(client, people, entry):
    client.force_login(people.owner)
    typed = "Une remarque. " * 400
    response = client.post(entry_url(entry, "guide_entry_comment"), {"body": typed})
    assert response.status_code == 400
    soup = soup_of(response)
    assert soup.select_one("#id_body[aria-invalid=true]").get_text().strip() == typed.strip()
    assert soup.select_one("#error-summary a[href='#id_body']")
    assert not GuideComment.objects.exists()


def test_a_bad_filter_is_reported_and_the_list_still_shows(client, people, entry):
    client.force_login(people.ansa)
    response = client.get(LIST_URL, {"etat": "lost", "q": "visite"})
    assert response.status_code == 200
    soup = soup_of(response)
    assert soup.select_one("#id_etat_error")
    assert soup.select_one("#error-summary a[href='#id_etat']")
    assert soup.select_one("#id_q")["value"] == "visite"
    assert entry.title in [link.get_text() for link in soup.select("tbody th a")]


def test_history_has_constant_query_count(client, people, entry, sheet):
    def edit(n: int) -> None:
        current = GuideEntry.objects.get(pk=entry.pk)
        services.entry_update(
            actor=people.owner, entry=current, version=current.version, kind=current.kind,
            title=current.title, body=f"Texte numéro {n} de l'entrée.", sheet_ids=[sheet.pk],
        )  # fmt: skip

    edit(0)
    client.force_login(people.ansa)
    url = entry_url(entry, "guide_entry_history")
    few = count_queries(client, url)
    for n in range(1, 11):
        edit(n)
    assert count_queries(client, url) == few
