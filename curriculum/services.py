"""Services of the reference framework."""

from django.db import transaction

from curriculum.models import ActionSheetPage, FrameworkPage, FrameworkPdf, PdfStatus
from curriculum.pdf import revision_key


def framework_pdf_request(
    *, framework: FrameworkPage, sheet: ActionSheetPage | None = None, retry: bool = False
) -> FrameworkPdf:
    """The cached PDF of the current version (whole framework or one sheet), built if needed."""
    from curriculum.tasks import build_framework_pdf

    with transaction.atomic():
        pdf, created = FrameworkPdf.objects.get_or_create(
            framework=framework,
            revision_key=revision_key(framework, sheet),
            defaults={"sheet": sheet},
        )
        if retry and pdf.status == PdfStatus.FAILED:
            pdf.status = PdfStatus.PENDING
            pdf.progress = 0
            pdf.save(update_fields=["status", "progress"])
            created = True
        if created:
            transaction.on_commit(lambda: build_framework_pdf.delay(pdf.pk))
    pdf.refresh_from_db()
    return pdf
