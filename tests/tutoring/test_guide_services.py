"""The guide's rules: promotion, anonymisation before publication, review, editions and credits."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from curriculum.enums import Axis
from portal.models import AuditLogEntry, Notification
from tests.curriculum.factories import ActionSheetPageFactory
from tests.modules.factories import SwarmedMemberFactory, TrainingSeasonFactory
from tests.portal.factories import UserFactory
from tests.tutoring.factories import PairingFactory
from tests.tutoring.guide_factories import (
    GuideEditionFactory,
    GuideEntryFactory,
    accepted_question,
    ansa,
    head_of_network,
    published_edition,
)
from tutoring.enums import (
    EditionStatus,
    EntryEventKind,
    EntryKind,
    EntryStatus,
    FlagKind,
    FlagStatus,
)
from tutoring.guide import selectors, services
from tutoring.guide.models import GuideEntry
from tutoring.guide.permissions import is_network_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def sheet():
    return ActionSheetPageFactory(number=8, title="La prospection et la captation des offres")


@pytest.fixture
def question(sheet):
    pairing = PairingFactory()
    return accepted_question(
        swarmed_structure=pairing.swarmed_structure,
        sheets=[sheet],
        title="Comment relancer un employeur qui ne répond plus ?",
        body="Nous avons relancé trois fois le directeur du supermarché sans aucune réponse.",
    )


def resolve_all(entry: GuideEntry, actor) -> None:
    for flag in services.open_flags(entry):
        if flag.kind == FlagKind.VERBATIM:
            services.flag_resolve(actor=actor, flag=flag, mask=False, reason="Formulation neutre")
        else:
            services.flag_resolve(actor=actor, flag=flag, mask=True)


def approved_entry(**kwargs) -> GuideEntry:
    return GuideEntryFactory(approved=True, **kwargs)


# --- Promotion -----------------------------------------------------------------------------------


def test_promotion_prefills_the_entry_from_the_question_and_its_accepted_answer(question, sheet):
    expert = question.accepted_answer.author
    entry = services.entry_promote(actor=expert, questions=[question])
    assert entry.status == EntryStatus.DRAFT and entry.owner == expert
    assert entry.title == question.title
    assert question.body in entry.body and question.accepted_answer.body in entry.body
    assert list(entry.sheets.all()) == [sheet]
    assert list(entry.source_questions.all()) == [question]
    assert list(entry.contributors.all()) == [expert]
    assert entry.season == question.season
    assert entry.hypothesis == question.swarmed_structure.candidacy.hypothesis
    assert entry.revisions.count() == 1
    assert entry.events.filter(kind=EntryEventKind.PROMOTED).exists()


def test_several_related_questions_make_one_entry_crediting_every_expert(question, sheet):
    other_sheet = ActionSheetPageFactory(number=9)
    other = accepted_question(sheets=[other_sheet], body="Un autre texte, sans rapport direct.")
    entry = services.entry_promote(actor=ansa(), questions=[question, other])
    assert set(entry.sheets.all()) == {sheet, other_sheet}
    assert set(entry.contributors.all()) == {
        question.accepted_answer.author,
        other.accepted_answer.author,
    }
    assert entry.body.count("## La situation") == 2


def test_a_question_without_accepted_answer_cannot_be_promoted(sheet):
    from tests.tutoring.factories import QuestionFactory

    answered = QuestionFactory(answered=True, sheets=[sheet])
    with pytest.raises(PermissionDenied):
        services.entry_promote(actor=ansa(), questions=[answered])


def test_only_ansa_and_experts_promote(question):
    referent = question.asked_by
    with pytest.raises(PermissionDenied):
        services.entry_promote(actor=referent, questions=[question])
    with pytest.raises(PermissionDenied):
        services.entry_promote(actor=UserFactory(head_of_network=False), questions=[question])


def test_a_hidden_question_is_never_promoted(question):
    question.hidden_at = question.created_at
    question.save()
    with pytest.raises(PermissionDenied):
        services.entry_promote(actor=ansa(), questions=[question])


# --- Anonymisation before publication ------------------------------------------------------------


def test_the_promoted_draft_is_flagged_where_it_repeats_the_private_question(question):
    entry = services.entry_promote(actor=ansa(), questions=[question])
    assert entry.flags.filter(kind=FlagKind.VERBATIM, status=FlagStatus.OPEN).exists()


def test_an_entry_with_an_open_flag_cannot_be_submitted_nor_approved(question):
    actor = ansa()
    entry = services.entry_promote(actor=actor, questions=[question])
    with pytest.raises(ValidationError) as error:
        services.entry_transition(actor=actor, entry=entry, action="submit")
    assert "anonymiser" in str(error.value)
    resolve_all(entry, actor)
    entry = services.entry_transition(actor=actor, entry=entry, action="submit")
    assert entry.status == EntryStatus.IN_REVIEW


def test_keeping_a_flagged_passage_needs_a_reason(question):
    actor = ansa()
    entry = services.entry_promote(actor=actor, questions=[question])
    flag = services.open_flags(entry).first()
    with pytest.raises(ValidationError) as error:
        services.flag_resolve(actor=actor, flag=flag, mask=False, reason="  ")
    assert "reason" in error.value.message_dict
    flag.refresh_from_db()
    assert flag.status == FlagStatus.OPEN


def test_masking_replaces_the_passage_and_records_a_revision(question):
    actor = ansa()
    entry = services.entry_promote(actor=actor, questions=[question])
    entry = services.entry_update(
        actor=actor,
        entry=entry,
        version=entry.version,
        kind=EntryKind.PITFALL,
        title="Relancer sans harceler",
        body="Écrire à direction@super-marche.fr ou appeler le 05 59 00 11 22 le mardi.",
        sheet_ids=list(entry.sheets.values_list("pk", flat=True)),
    )
    phone = entry.flags.get(kind=FlagKind.PHONE)
    services.flag_resolve(actor=actor, flag=phone, mask=True, replacement="[le standard]")
    entry.refresh_from_db()
    assert "05 59 00 11 22" not in entry.body and "[le standard]" in entry.body
    assert "05 59 00 11 22" not in entry.body_html
    assert entry.revisions.first().body == entry.body
    assert entry.flags.get(kind=FlagKind.PHONE).status == FlagStatus.MASKED
    assert entry.flags.get(kind=FlagKind.EMAIL).status == FlagStatus.OPEN


def test_a_masked_passage_typed_again_is_flagged_again_and_a_kept_one_stays_kept(question):
    actor = ansa()
    entry = GuideEntryFactory(body="Appeler le 05 59 00 11 22. Voir avec Pau.")
    UserFactory(first_name="Jeanne", last_name="Pau")
    services.flags_refresh(entry)
    phone = entry.flags.get(kind=FlagKind.PHONE)
    services.flag_resolve(actor=actor, flag=phone, mask=True)
    person = entry.flags.get(kind=FlagKind.PERSON)
    services.flag_resolve(actor=actor, flag=person, mask=False, reason="Ici, la ville de Pau.")
    entry.refresh_from_db()
    entry = services.entry_update(
        actor=actor,
        entry=entry,
        version=entry.version,
        kind=entry.kind,
        title=entry.title,
        body=entry.body + " Ou le 05 59 00 11 22.",
        sheet_ids=list(entry.sheets.values_list("pk", flat=True)),
    )
    assert entry.flags.get(kind=FlagKind.PHONE).status == FlagStatus.OPEN
    assert entry.flags.get(kind=FlagKind.PERSON).status == FlagStatus.KEPT


def test_an_open_flag_whose_passage_was_rewritten_away_disappears():
    actor = ansa()
    entry = GuideEntryFactory(body="Écrire à contact@exemple.fr.")
    services.flags_refresh(entry)
    assert entry.flags.count() == 1
    services.entry_update(
        actor=actor,
        entry=entry,
        version=entry.version,
        kind=entry.kind,
        title=entry.title,
        body="Écrire au service entreprises.",
        sheet_ids=list(entry.sheets.values_list("pk", flat=True)),
    )
    assert entry.flags.count() == 0


# --- Review --------------------------------------------------------------------------------------


def test_only_the_head_of_network_approves():
    entry = GuideEntryFactory(status=EntryStatus.IN_REVIEW)
    for actor in (ansa(), entry.owner, UserFactory(expert=True)):
        with pytest.raises(PermissionDenied):
            services.entry_transition(actor=actor, entry=entry, action="approve")
    entry = services.entry_transition(actor=head_of_network(), entry=entry, action="approve")
    assert entry.status == EntryStatus.APPROVED
    assert entry.approved_revision == entry.revisions.first()
    assert AuditLogEntry.objects.filter(action="guide.approve").exists()
    assert Notification.objects.filter(recipient=entry.owner, kind="guide.approve").exists()


def test_sending_back_needs_a_comment_and_tells_the_owner():
    entry = GuideEntryFactory(status=EntryStatus.IN_REVIEW)
    with pytest.raises(ValidationError):
        services.entry_transition(actor=head_of_network(), entry=entry, action="send_back")
    entry = services.entry_transition(
        actor=head_of_network(), entry=entry, action="send_back", text="Ajouter un exemple."
    )
    assert entry.status == EntryStatus.DRAFT
    assert entry.events.filter(kind=EntryEventKind.SENT_BACK, detail="Ajouter un exemple.")


def test_submission_is_announced_to_the_head_of_network():
    hon = head_of_network()
    entry = GuideEntryFactory()
    services.entry_transition(actor=entry.owner, entry=entry, action="submit")
    assert Notification.objects.filter(recipient=hon, kind="guide.submitted").exists()


def test_another_expert_cannot_edit_an_entry_they_do_not_own():
    entry = GuideEntryFactory()
    with pytest.raises(PermissionDenied):
        services.entry_update(
            actor=UserFactory(expert=True),
            entry=entry,
            version=entry.version,
            kind=entry.kind,
            title="Autre titre",
            body=entry.body,
            sheet_ids=list(entry.sheets.values_list("pk", flat=True)),
        )


def test_a_stale_edit_does_not_overwrite_a_newer_one():
    entry = GuideEntryFactory()
    sheets = list(entry.sheets.values_list("pk", flat=True))
    opened_at = entry.version
    services.entry_update(
        actor=entry.owner,
        entry=entry,
        version=opened_at,
        kind=entry.kind,
        title="Version de l'expert",
        body=entry.body,
        sheet_ids=sheets,
    )
    with pytest.raises(services.ConcurrentEdit):
        services.entry_update(
            actor=ansa(),
            entry=entry,
            version=opened_at,
            kind=entry.kind,
            title="Version d'Ansa",
            body=entry.body,
            sheet_ids=sheets,
        )
    entry.refresh_from_db()
    assert entry.title == "Version de l'expert"


def test_an_entry_needs_a_type_a_title_a_text_and_a_sheet():
    entry = GuideEntryFactory()
    with pytest.raises(ValidationError) as error:
        services.entry_update(
            actor=entry.owner,
            entry=entry,
            version=entry.version,
            kind="autre",
            title=" ",
            body="",
            sheet_ids=[],
        )
    assert set(error.value.message_dict) == {"kind", "title", "body", "sheets"}


def test_only_the_head_of_network_opens_an_entry_to_the_public():
    entry = approved_entry()
    with pytest.raises(PermissionDenied):
        services.entry_set_public(actor=ansa(), entry=entry, public=True)
    services.entry_set_public(actor=head_of_network(), entry=entry, public=True)
    entry.refresh_from_db()
    assert entry.is_public


# --- Editions ------------------------------------------------------------------------------------


def test_publishing_freezes_the_approved_revisions_and_later_edits_do_not_change_it():
    entry = approved_entry(title="Première visite : une seule question")
    first = published_edition(entries=[entry])
    entry.refresh_from_db()
    assert entry.status == EntryStatus.PUBLISHED
    services.entry_update(
        actor=entry.owner,
        entry=entry,
        version=entry.version,
        kind=entry.kind,
        title="Première visite : écouter d'abord",
        body="Un texte réécrit après la saison.",
        sheet_ids=list(entry.sheets.values_list("pk", flat=True)),
    )
    entry.refresh_from_db()
    assert entry.status == EntryStatus.DRAFT  # back to review, but still in the guide
    item = first.items.get()
    assert item.revision.title == "Première visite : une seule question"
    # The next edition still takes the approved revision until the new text is approved.
    second = published_edition(entries=[entry])
    assert second.items.get().revision == item.revision


def test_an_edition_cannot_be_published_empty_twice_or_by_an_expert():
    edition = GuideEditionFactory()
    with pytest.raises(ValidationError):
        services.edition_publish(actor=ansa(), edition=edition, version=edition.version)
    approved_entry()
    with pytest.raises(PermissionDenied):
        services.edition_publish(actor=head_of_network(), edition=edition, version=edition.version)
    edition = services.edition_publish(actor=ansa(), edition=edition, version=edition.version)
    assert edition.status == EditionStatus.PUBLISHED
    with pytest.raises(ValidationError):
        services.edition_publish(actor=ansa(), edition=edition, version=edition.version)


def test_chapters_follow_the_sheets_and_entries_their_type(home):
    from tests.curriculum.factories import FrameworkPageFactory

    framework = FrameworkPageFactory(parent=home)
    sheets = [
        ActionSheetPageFactory(parent=framework, number=n, axis=Axis.JOB_SEEKER) for n in (2, 1, 3)
    ]
    by_number = {sheet.number: sheet for sheet in sheets}
    case = approved_entry(kind=EntryKind.CASE, sheets=[by_number[2]], title="Un cas")
    faq = approved_entry(kind=EntryKind.FAQ, sheets=[by_number[2]], title="Une question")
    both = approved_entry(
        kind=EntryKind.PITFALL, sheets=[by_number[1], by_number[3]], title="Un piège"
    )
    edition = published_edition(entries=[case, faq, both])
    chapters = selectors.chapters(edition, selectors.edition_items(edition, ansa()))
    assert [chapter.number for chapter in chapters] == [1, 2, 3]
    assert [item.entry for item in chapters[0].items] == [both]
    assert [item.entry for item in chapters[1].items] == [faq, case]
    assert [item.entry for item in chapters[2].see_also] == [both]


def test_the_public_reads_only_the_entries_the_head_of_network_opened(home):
    opened = approved_entry(public=True)
    kept = approved_entry()
    edition = published_edition(entries=[opened, kept])
    referent_2025 = SwarmedMemberFactory(referent=True).user
    assert is_network_member(referent_2025)
    visitor = UserFactory()  # a steering member or a visitor: outside the network
    network = {item.entry for item in selectors.edition_items(edition, referent_2025)}
    public = {item.entry for item in selectors.edition_items(edition, visitor)}
    assert network == {opened, kept}
    assert public == {opened}


def test_the_diff_between_two_editions_lists_added_changed_and_removed_entries():
    kept = approved_entry(title="Stable")
    changed = approved_entry(title="Avant")
    removed = approved_entry(title="Retirée ensuite")
    first = published_edition(entries=[kept, changed, removed])
    for entry in (changed,):
        entry.refresh_from_db()
        entry = services.entry_update(
            actor=entry.owner,
            entry=entry,
            version=entry.version,
            kind=entry.kind,
            title="Après",
            body=entry.body,
            sheet_ids=list(entry.sheets.values_list("pk", flat=True)),
        )
        services.entry_transition(actor=entry.owner, entry=entry, action="submit")
        services.entry_transition(actor=head_of_network(), entry=entry, action="approve")
    services.entry_transition(actor=ansa(), entry=removed, action="retire", text="Dépassée.")
    added = approved_entry(title="Nouvelle")
    second = published_edition(entries=[added])
    diff = selectors.edition_diff(first, second, ansa())
    assert [item.entry for item in diff.added] == [added]
    assert [change["new"].entry for change in diff.changed] == [changed]
    assert "<del>Avant</del>" in diff.changed[0]["title"]
    assert "<ins>Après</ins>" in diff.changed[0]["title"]
    assert [item.entry for item in diff.removed] == [removed]
    assert diff.unchanged == 1


def test_acknowledgements_credit_the_experts_most_entries_first(question):
    expert = question.accepted_answer.author
    actor = ansa()
    entries = []
    for _ in range(2):
        entry = services.entry_promote(actor=actor, questions=[question])
        resolve_all(entry, actor)
        services.entry_transition(actor=actor, entry=entry, action="submit")
        entries.append(
            services.entry_transition(actor=head_of_network(), entry=entry, action="approve")
        )
    other = UserFactory(expert=True, first_name="Amaia", last_name="Duhalde")
    lone = approved_entry()
    lone.contributors.add(other)
    edition = published_edition(entries=[*entries, lone])
    assert edition.acknowledgements == [
        {"name": expert.get_full_name(), "entries": 2},
        {"name": "Amaia Duhalde", "entries": 1},
    ]


def test_the_periodic_review_lists_entries_not_checked_for_the_last_season():
    season = TrainingSeasonFactory()
    checked, unchecked = approved_entry(), approved_entry()
    services.entry_check(actor=ansa(), entry=checked, season=season)
    due = list(selectors.review_due(selectors.last_season()))
    assert unchecked in due and checked not in due


def test_an_outdated_report_reaches_the_owner_and_is_closed_with_an_answer():
    entry = approved_entry()
    reader = SwarmedMemberFactory(referent=True).user
    with pytest.raises(ValidationError):
        services.entry_report_outdated(actor=reader, entry=entry, reason=" ")
    report = services.entry_report_outdated(
        actor=reader, entry=entry, reason="La PMSMP se prescrit autrement depuis 2026."
    )
    assert Notification.objects.filter(recipient=entry.owner, kind="guide.outdated").exists()
    with pytest.raises(PermissionDenied):
        services.outdated_close(actor=reader, report=report, response="Merci")
    report = services.outdated_close(actor=entry.owner, report=report, response="Texte mis à jour.")
    assert report.closed_at is not None
    assert Notification.objects.filter(recipient=reader, kind="guide.outdated_closed").exists()
    assert selectors.open_outdated_reports().count() == 0


def test_only_ansa_creates_one_edition_per_season():
    season = TrainingSeasonFactory()
    with pytest.raises(PermissionDenied):
        services.edition_create(actor=head_of_network(), season=season, name="Édition 2030")
    services.edition_create(actor=ansa(), season=season, name="Édition 2030")
    with pytest.raises(ValidationError) as error:
        services.edition_create(actor=ansa(), season=season, name="Édition 2031")
    assert "season" in error.value.message_dict
