"""Background work of the reference framework."""

from celery import shared_task
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from curriculum.models import FrameworkPdf, PdfStatus
from curriculum.pdf import render_framework_pdf


@shared_task(name="curriculum.build_framework_pdf", acks_late=True, reject_on_worker_lost=True)
def build_framework_pdf(pdf_id: int) -> str:
    """Build one cached PDF; a second run for a PDF already built does nothing."""
    with transaction.atomic():
        pdf = (
            FrameworkPdf.objects.select_for_update(of=("self",))
            .select_related("framework", "sheet")
            .get(pk=pdf_id)
        )
        if pdf.status == PdfStatus.READY:
            return "already-built"
        pdf.status = PdfStatus.BUILDING
        pdf.progress = 10
        pdf.save(update_fields=["status", "progress"])

    def progress(percent: int) -> None:
        FrameworkPdf.objects.filter(pk=pdf.pk).update(progress=percent)

    try:
        content = render_framework_pdf(
            pdf.framework.specific, pdf.sheet.specific if pdf.sheet else None, progress
        )
    except Exception:
        FrameworkPdf.objects.filter(pk=pdf.pk).update(status=PdfStatus.FAILED)
        raise
    scope = f"fiche-{pdf.sheet.number}" if pdf.sheet else "referentiel"
    pdf.file.save(f"{scope}-{pdf.revision_key[:12]}.pdf", ContentFile(content), save=False)
    pdf.status = PdfStatus.READY
    pdf.progress = 100
    pdf.built_at = timezone.now()
    pdf.save(update_fields=["file", "status", "progress", "built_at"])
    return "built"
