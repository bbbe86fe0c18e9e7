"""Publishing an edition has a real Celery worker, through Redis, build and keep its PDF."""

import io

import pytest
from pypdf import PdfReader

from curriculum.models import PdfStatus
from tests.conftest import require_service
from tests.curriculum.factories import ActionSheetPageFactory, FrameworkPageFactory
from tests.helpers import wait_for, worker_on_own_queue
from tests.tutoring.guide_factories import (
    GuideEditionFactory,
    GuideEntryFactory,
    GuidePageFactory,
    ansa,
)
from tutoring.guide.models import GuidePdf
from tutoring.guide.pdf import edition_pdf_request
from tutoring.guide.services import edition_publish
from tutoring.guide.tasks import build_guide_pdf


# Transactional: the worker's thread has its own connection and sees committed data only. The
# serialized rollback brings back the root page that other transactional tests flush away.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_real_worker_builds_the_pdf_of_a_published_edition_once(home):
    broker = require_service("CELERY_BROKER_URL")
    framework = FrameworkPageFactory(parent=home)
    sheets = [
        ActionSheetPageFactory(
            parent=framework, number=number, title=f"Fiche du travailleur {number}"
        )
        for number in range(1, 14)
    ]
    GuidePageFactory(parent=home)
    GuideEntryFactory(approved=True, title="Relancer après un entretien", sheets=[sheets[4]])
    edition = GuideEditionFactory()

    with worker_on_own_queue(broker):
        # The publication commits, then asks for the PDF, whose build goes to the worker.
        published = edition_publish(actor=ansa(), edition=edition, version=edition.version)
        pdf = GuidePdf.objects.get(edition=published)
        assert wait_for(
            lambda: GuidePdf.objects.get(pk=pdf.pk).status == PdfStatus.READY, seconds=90
        ), GuidePdf.objects.get(pk=pdf.pk).status
        # Delivered again (as after a lost worker), the task keeps the file it built.
        assert build_guide_pdf.delay(pdf.pk).get(timeout=30) == "already-built"

    built = GuidePdf.objects.get(pk=pdf.pk)
    assert built.progress == 100
    assert built.built_at is not None
    with built.file.open("rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    top = [node.title for node in reader.outline if not isinstance(node, list)]
    assert top == [f"Fiche {number} · Fiche du travailleur {number}" for number in range(1, 14)]
    assert edition_pdf_request(published).pk == pdf.pk
    assert GuidePdf.objects.get(pk=pdf.pk).file.name == built.file.name  # cached, not rebuilt
