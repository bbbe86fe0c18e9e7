"""The automatic closing of attendance runs as a Celery task on a real worker through Redis."""

import datetime

from django.utils import timezone

from modules.models import Attendance, AttendanceStatus, TrainingSession
from modules.tasks import close_attendance
from tests.conftest import require_service
from tests.helpers import worker_on_own_queue
from tests.modules.factories import (
    AttendanceFactory,
    SwarmedMemberFactory,
    SwarmedStructureFactory,
    TrainingSeasonFactory,
    TrainingSessionFactory,
)


def test_a_real_worker_marks_unmarked_people_absent(transactional_db):
    broker = require_service("CELERY_BROKER_URL")
    season = TrainingSeasonFactory(slug="presences-worker")
    swarmed = SwarmedStructureFactory(season=season)
    present = SwarmedMemberFactory(swarmed_structure=swarmed, referent=True)
    forgotten = SwarmedMemberFactory(swarmed_structure=swarmed)
    ended = timezone.now() - datetime.timedelta(hours=25)
    session = TrainingSessionFactory(
        season=season, starts_at=ended - datetime.timedelta(hours=6), ends_at=ended
    )
    AttendanceFactory(session=session, member=present, status=AttendanceStatus.PRESENT)

    with worker_on_own_queue(broker):
        assert close_attendance.delay().get(timeout=30) == 1
        # Run again: the session is closed, nobody is marked twice.
        assert close_attendance.delay().get(timeout=30) == 0

    absent = Attendance.objects.get(session=session, member=forgotten)
    assert absent.status == AttendanceStatus.ABSENT and absent.automatic
    assert TrainingSession.objects.get(pk=session.pk).attendance_closed_at is not None
