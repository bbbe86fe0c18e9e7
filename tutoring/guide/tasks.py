"""Background work of the guide d'essaimage: each published edition's PDF."""

from celery import shared_task
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from curriculum.models import PdfStatus
from tutoring.guide.models import GuidePdf
from tutoring.guide.pdf import pdf_filename, render_edition_pdf


@shared_task(name="tutoring.build_guide_pdf", acks_late=True, reject_on_worker_lost=True)
def build_guide_pdf(pdf_id: int) -> str:
    """Build an edition's PDF once; a run for a PDF already built (or gone) does nothing.

    A worker lost mid-build leaves the PDF « building » and the message unacknowledged: the run
    it is redelivered to starts over.
    """
    with transaction.atomic():
        pdf = (
            GuidePdf.objects.select_for_update(of=("self",))
            .select_related("edition__season")
            .filter(pk=pdf_id)
            .first()
        )
        if pdf is None:
            return "gone"
        if pdf.status == PdfStatus.READY:
            return "already-built"
        pdf.status, pdf.progress = PdfStatus.BUILDING, 10
        pdf.save(update_fields=["status", "progress"])

    def progress(percent: int) -> None:
        GuidePdf.objects.filter(pk=pdf.pk).update(progress=percent)

    try:
        content = render_edition_pdf(pdf.edition, progress)
        with transaction.atomic():
            locked = GuidePdf.objects.select_for_update().get(pk=pdf.pk)
            if locked.status == PdfStatus.READY:  # a concurrent run finished first
                return "already-built"
            locked.file.save(pdf_filename(pdf.edition), ContentFile(content), save=False)
            locked.status, locked.progress, locked.built_at = PdfStatus.READY, 100, timezone.now()
            locked.save(update_fields=["file", "status", "progress", "built_at"])
    except Exception:
        GuidePdf.objects.filter(pk=pdf.pk).exclude(status=PdfStatus.READY).update(
            status=PdfStatus.FAILED
        )
        raise
    return "built"
