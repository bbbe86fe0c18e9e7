"""The framework as a PDF: cover, table of contents with page numbers, one bookmark per sheet."""

import hashlib

from django.template.loader import render_to_string
from django.utils import timezone, translation

from curriculum.models import ActionSheetPage, FrameworkPage, Principle


def published_sheets(framework: FrameworkPage):
    return (
        ActionSheetPage.objects.child_of(framework)
        .live()
        .order_by("number")
        .prefetch_related("principles")
    )


def revision_key(framework: FrameworkPage) -> str:
    """Changes whenever the framework page or one of its sheets is published again."""
    parts = [f"{framework.pk}:{framework.live_revision_id}"]
    parts += [
        f"{pk}:{rev}"
        for pk, rev in published_sheets(framework).values_list("pk", "live_revision_id")
    ]
    parts += [
        f"p{pk}:{letter}:{title}"
        for pk, letter, title in Principle.objects.values_list("pk", "letter", "title")
    ]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


def render_framework_pdf(framework: FrameworkPage) -> bytes:
    from weasyprint import HTML

    with translation.override("fr"):
        html = render_to_string(
            "curriculum/pdf/framework.html",
            {
                "framework": framework,
                "sheets": list(published_sheets(framework)),
                "principles": list(Principle.objects.all()),
                "generated_on": timezone.localdate(),
            },
        )
    return HTML(string=html, base_url=None).write_pdf(pdf_variant="pdf/ua-1")
