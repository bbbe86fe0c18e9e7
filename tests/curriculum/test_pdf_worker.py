"""The framework PDF is built by a real Celery worker through Redis, after the request commits."""

import pytest
from django.db import transaction

from curriculum.models import FrameworkPdf, PdfStatus
from curriculum.services import framework_pdf_request
from curriculum.tasks import build_framework_pdf  # noqa: F401  (registers the task)
from tests.conftest import require_service
from tests.curriculum.factories import ActionSheetPageFactory, FrameworkPageFactory
from tests.helpers import wait_for, worker_on_own_queue


# Transactional: the worker's thread has its own connection and sees committed data only. The
# serialized rollback brings back the root page that other transactional tests flush away.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_real_worker_builds_the_pdf_and_the_next_request_serves_it(home):
    broker = require_service("CELERY_BROKER_URL")
    framework = FrameworkPageFactory(parent=home)
    sheet = ActionSheetPageFactory(parent=framework, number=1, title="Fiche construite")

    with worker_on_own_queue(broker):
        with transaction.atomic():
            pdf = framework_pdf_request(framework=framework, sheet=sheet)
        assert pdf.status in (PdfStatus.PENDING, PdfStatus.BUILDING, PdfStatus.READY)
        assert wait_for(
            lambda: FrameworkPdf.objects.get(pk=pdf.pk).status == PdfStatus.READY, seconds=60
        )

    built = FrameworkPdf.objects.get(pk=pdf.pk)
    assert built.progress == 100
    with built.file.open("rb") as handle:
        assert handle.read(4) == b"%PDF"
    assert framework_pdf_request(framework=framework, sheet=sheet).pk == pdf.pk  # cached
