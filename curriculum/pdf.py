"""The framework as a PDF: cover, table of contents with page numbers, one bookmark per sheet.

A PDF covers either the whole framework or one sheet; `revision_key` names the exact published
content it was built from, so a cached PDF is reused until something is published again.
"""

import hashlib
from collections.abc import Callable

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


def revision_key(framework: FrameworkPage, sheet: ActionSheetPage | None = None) -> str:
    """Changes whenever the framework page, a sheet it covers or a principle changes."""
    parts = [f"{framework.pk}:{framework.live_revision_id}"]
    sheets = published_sheets(framework)
    if sheet is not None:
        parts.append("sheet")
        sheets = sheets.filter(pk=sheet.pk)
    parts += [f"{pk}:{rev}" for pk, rev in sheets.values_list("pk", "live_revision_id")]
    parts += [
        f"p{pk}:{letter}:{title}"
        for pk, letter, title in Principle.objects.values_list("pk", "letter", "title")
    ]
    current = framework.published_editions().values_list("pk", flat=True).first()
    parts.append(f"e{current}")
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


def render_framework_pdf(
    framework: FrameworkPage,
    sheet: ActionSheetPage | None = None,
    progress: Callable[[int], None] = lambda percent: None,
) -> bytes:
    """Render in three stages (HTML, layout, writing), reporting progress after each."""
    from weasyprint import HTML

    sheets = list(
        published_sheets(framework).filter(pk=sheet.pk) if sheet else published_sheets(framework)
    )
    with translation.override("fr"):
        html = render_to_string(
            "curriculum/pdf/framework.html",
            {
                "framework": framework,
                "sheets": sheets,
                "single_sheet": sheet is not None,
                "document_title": (
                    f"Fiche {sheet.number} · {sheet.title}" if sheet else framework.title
                ),
                "edition": framework.published_editions().first(),
                "principles": list(Principle.objects.all()),
                "generated_on": timezone.localdate(),
            },
        )
    progress(30)
    document = HTML(string=html, base_url=None).render(pdf_variant="pdf/ua-1")
    progress(80)
    return document.write_pdf(pdf_variant="pdf/ua-1")
