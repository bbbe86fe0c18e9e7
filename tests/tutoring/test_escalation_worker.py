"""Escalation and accept reminders run as Celery tasks on a real worker through Redis."""

import datetime

from django.utils import timezone

from portal.enums import DeliveryMode
from portal.models import Notification
from tests.conftest import require_service
from tests.helpers import wait_for, worker_on_own_queue
from tests.tutoring.factories import (
    AnswerFactory,
    ExpertProfileFactory,
    PairingFactory,
    QuestionFactory,
)
from tutoring.enums import EscalationLevel, QuestionStatus
from tutoring.models import Question
from tutoring.tasks import accept_reminders, escalate_questions


def test_a_real_worker_escalates_overdue_questions_and_reminds_askers(transactional_db):
    broker = require_service("CELERY_BROKER_URL")
    # No sheet here (pages do not survive a transactional test's flush): every expert is told.
    skilled = ExpertProfileFactory().user
    pairing = PairingFactory()
    overdue = QuestionFactory(
        swarmed_structure=pairing.swarmed_structure,
        escalates_at=timezone.now() - datetime.timedelta(minutes=5),
    )
    waiting = QuestionFactory(swarmed_structure=pairing.swarmed_structure)
    answered = QuestionFactory(
        swarmed_structure=pairing.swarmed_structure,
        status=QuestionStatus.ANSWERED,
        escalates_at=None,
        remind_accept_at=timezone.now() - datetime.timedelta(minutes=5),
    )
    AnswerFactory(question=answered)

    with worker_on_own_queue(broker):
        assert escalate_questions.delay().get(timeout=30) == 1
        assert accept_reminders.delay().get(timeout=30) == 1
        # Run again: nothing is escalated or reminded twice.
        assert escalate_questions.delay().get(timeout=30) == 0
        assert accept_reminders.delay().get(timeout=30) == 0
        # The notifications' e-mails leave through the same worker: let it finish them.
        assert wait_for(
            lambda: (
                not Notification.objects.filter(
                    delivery=DeliveryMode.IMMEDIATE, emailed_at__isnull=True
                ).exists()
            )
        )

    assert Question.objects.get(pk=overdue.pk).escalation == EscalationLevel.EXPERTS
    assert Question.objects.get(pk=waiting.pk).escalation == EscalationLevel.PAIRED
    assert Notification.objects.filter(recipient=skilled, kind="question.escalated_experts")
    assert Notification.objects.filter(
        recipient=answered.asked_by, kind="question.accept_reminder"
    ).exists()
