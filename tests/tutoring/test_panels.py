"""Tutoring on « Mon espace » and around an action sheet."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from tests.curriculum.factories import ActionSheetPageFactory
from tests.modules.factories import SwarmedMemberFactory
from tests.portal.factories import UserFactory
from tests.tutoring.factories import PairingFactory, QuestionFactory, referent_of
from tutoring.enums import EscalationLevel, Scope
from tutoring.panels import _sheet_questions

pytestmark = pytest.mark.django_db


def test_member_panel_names_the_expert_and_waiting_questions(client):
    pairing = PairingFactory()
    QuestionFactory(swarmed_structure=pairing.swarmed_structure)
    client.force_login(referent_of(pairing.swarmed_structure))
    page = client.get(reverse("portal:dashboard")).content.decode()
    assert "Mon tutorat" in page
    assert escape(str(pairing.expert)) in page
    assert "1 question en attente de réponse" in page


def test_expert_panel_lists_the_questions_waiting_for_them(client):
    pairing = PairingFactory()
    question = QuestionFactory(swarmed_structure=pairing.swarmed_structure)
    client.force_login(pairing.expert)
    page = client.get(reverse("portal:dashboard")).content.decode()
    assert escape(question.title) in page
    assert escape(pairing.swarmed_structure.structure.name) in page


def test_ansa_panel_counts_overdue_questions(client):
    QuestionFactory(escalation=EscalationLevel.ANSA)
    client.force_login(UserFactory(ansa=True))
    page = client.get(reverse("portal:dashboard")).content.decode()
    assert "Tutorat du programme" in page
    assert "dont 1 transmise à l'équipe Ansa" in page


def test_other_roles_see_no_tutoring_panel(client):
    client.force_login(UserFactory(roles=["steering"]))
    assert "Mon tutorat" not in client.get(reverse("portal:dashboard")).content.decode()


def test_sheet_lists_only_the_questions_the_reader_may_read():
    sheet = ActionSheetPageFactory()
    private = QuestionFactory(sheets=[sheet], title="Une question du binôme seulement")
    shared = QuestionFactory(sheets=[sheet], scope=Scope.PROGRAMME, title="Une question partagée")
    member = SwarmedMemberFactory().user
    assert [item.title for item in _sheet_questions(sheet, member)] == [shared.title]
    expert = UserFactory(expert=True)
    assert {item.title for item in _sheet_questions(sheet, expert)} == {private.title, shared.title}
    assert _sheet_questions(sheet, UserFactory()) == []
