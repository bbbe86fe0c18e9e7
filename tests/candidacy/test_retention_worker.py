"""Retention runs as a Celery task on a real worker: old refused dossiers lose their content."""

import datetime

from django.utils import timezone

from candidacy.models import Candidacy, CandidacyState
from candidacy.tasks import anonymise_expired_candidacies
from tests.candidacy.factories import CandidacyFactory, SeasonFactory
from tests.conftest import require_service
from tests.helpers import worker_on_own_queue


def test_a_real_worker_anonymises_expired_dossiers(transactional_db):
    broker = require_service("CELERY_BROKER_URL")
    season = SeasonFactory(slug="retention", retention_days=30)
    old = CandidacyFactory(
        season=season,
        state=CandidacyState.NOT_SELECTED,
        decided_at=timezone.now() - datetime.timedelta(days=31),
        needs="Texte à effacer",
        complete=True,
    )

    with worker_on_own_queue(broker):
        result = anonymise_expired_candidacies.delay()
        assert result.get(timeout=30) == 1

    old = Candidacy.objects.get(pk=old.pk)
    assert old.needs == "" and old.answers == {} and old.anonymised_at is not None
