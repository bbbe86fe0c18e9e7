"""The nightly evaluation task runs on a real Celery worker through Redis: it schedules the
reports of every season under way and reminds the referent of a late one, with the expert in
copy, once a week rather than every night."""

from evaluation.enums import Milestone, ReportEventKind
from evaluation.models import MilestoneReport
from evaluation.tasks import schedule_and_remind
from portal.enums import DeliveryMode
from portal.models import Notification
from tests.conftest import require_service
from tests.evaluation.factories import published_catalogue
from tests.helpers import wait_for, worker_on_own_queue
from tests.modules.factories import SwarmedStructureFactory
from tests.tutoring.factories import PairingFactory, referent_of


def test_a_real_worker_schedules_the_reports_and_reminds_the_late_one(transactional_db):
    broker = require_service("CELERY_BROKER_URL")
    catalogue = published_catalogue()
    # The training started some 95 days ago: the 3-month report is a few days late.
    swarmed = SwarmedStructureFactory()
    referent = referent_of(swarmed)
    expert = PairingFactory(swarmed_structure=swarmed).expert

    with worker_on_own_queue(broker):
        assert schedule_and_remind.delay().get(timeout=30) == {"scheduled": 3, "reminded": 1}
        # Again the next night: nothing is scheduled twice, nobody is reminded twice.
        assert schedule_and_remind.delay().get(timeout=30) == {"scheduled": 0, "reminded": 0}
        # The reminders' e-mails leave through the same worker: let it finish them.
        assert wait_for(
            lambda: (
                not Notification.objects.filter(
                    delivery=DeliveryMode.IMMEDIATE, emailed_at__isnull=True
                ).exists()
            )
        )

    reports = {r.milestone: r for r in MilestoneReport.objects.filter(swarmed_structure=swarmed)}
    assert set(reports) == {m.value for m in Milestone}
    assert all(report.catalogue_id == catalogue.pk for report in reports.values())
    late = reports[Milestone.APPROPRIATION]
    assert late.reminded_late_at is not None
    assert late.events.filter(kind=ReportEventKind.REMINDED).count() == 1
    assert Notification.objects.filter(recipient=referent, kind="evaluation.reminder").count() == 1
    assert Notification.objects.filter(recipient=expert, kind="evaluation.reminder_copy").exists()
