"""Services of the reference framework."""

from django.db import transaction

from curriculum.models import FrameworkPage, FrameworkPdf, PdfStatus
from curriculum.pdf import revision_key


def framework_pdf_request(*, framework: FrameworkPage, retry: bool = False) -> FrameworkPdf:
    """The cached PDF of the framework's current version, its build scheduled if needed."""
    from curriculum.tasks import build_framework_pdf

    with transaction.atomic():
        pdf, created = FrameworkPdf.objects.get_or_create(
            framework=framework, revision_key=revision_key(framework)
        )
        if retry and pdf.status == PdfStatus.FAILED:
            pdf.status = PdfStatus.PENDING
            pdf.save(update_fields=["status"])
            created = True
        if created:
            transaction.on_commit(lambda: build_framework_pdf.delay(pdf.pk))
    pdf.refresh_from_db()
    return pdf
