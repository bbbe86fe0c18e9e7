"""Each published edition of the guide as a PDF: cover, contents, one chapter per sheet, credits.

An edition is frozen, so its PDF is built once, in the background (`tutoring.build_guide_pdf`),
kept in private storage and served as is from then on. The PDF is the network's: it holds every
entry of the edition, not only those opened to the public.
"""

import logging
from collections.abc import Callable

from django.db import transaction
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import override

from curriculum.enums import Axis
from curriculum.models import PdfStatus
from portal.templatetags.essaim import css_string
from tutoring.guide import selectors
from tutoring.guide.models import GuideEdition, GuidePdf

logger = logging.getLogger(__name__)

#: PDF/UA-1 as the framework's PDF: WeasyPrint tags the structure as far as it can.
PDF_VARIANT = "pdf/ua-1"


def pdf_filename(edition: GuideEdition) -> str:
    return f"guide-essaimage-{edition.slug}.pdf"


def edition_pdf_request(edition: GuideEdition, *, retry: bool = False) -> GuidePdf:
    """The one PDF of a published edition; its build is scheduled when it is first asked for.

    A failed build starts again only when someone asks for it (`retry`): the waiting page's
    « Relancer » button.
    """
    if not edition.is_published:
        raise ValueError("Only a published edition has a PDF.")
    with transaction.atomic():
        pdf, schedule = GuidePdf.objects.get_or_create(edition=edition)
        if retry and not schedule:
            # One conditional update: two people pressing « Relancer » start one build.
            schedule = bool(
                GuidePdf.objects.filter(pk=pdf.pk, status=PdfStatus.FAILED).update(
                    status=PdfStatus.PENDING, progress=0
                )
            )
        if schedule:
            transaction.on_commit(lambda: _schedule_build(pdf.pk))
    pdf.refresh_from_db()
    return pdf


def _schedule_build(pdf_id: int) -> None:
    from kombu.exceptions import OperationalError

    from tutoring.guide.tasks import build_guide_pdf

    try:
        build_guide_pdf.delay(pdf_id)
    except OperationalError:
        # The broker is out of reach: say so on the waiting page, which offers to try again.
        logger.exception("Could not schedule the guide's PDF %s", pdf_id)
        GuidePdf.objects.filter(pk=pdf_id).update(status=PdfStatus.FAILED)


def _guide_title() -> str:
    page = selectors.guide_page()  # the French page: the PDF is rendered in French
    return page.title if page else _("Guide d'essaimage")


def _axis_label(value: str) -> str:
    return Axis(value).label if value in Axis.values else ""


def edition_pdf_html(edition: GuideEdition) -> str:
    """The edition as one HTML document laid out for print, with every entry (the network's)."""
    items = edition.items.select_related("revision").order_by("position")
    with override("fr"):
        chapters = selectors.chapters(edition, items)
        titles = {chapter.number: chapter.title for chapter in chapters}
        for chapter in chapters:
            chapter.axis_label = _axis_label(chapter.axis)
            chapter.groups = selectors.kinds_in(chapter.items)
            for item in chapter.items:
                item.other_sheets = [
                    {"number": number, "title": titles[number]}
                    for number in item.sheet_numbers
                    if number != item.chapter and number in titles
                ]
        guide_title = _guide_title()
        return render_to_string(
            "tutoring/guide/pdf/edition.html",
            {
                "edition": edition,
                "season": edition.season,
                "guide_title": guide_title,
                "document_title": f"{guide_title} · {edition.name}",
                "chapters": chapters,
                "entry_count": sum(chapter.count for chapter in chapters),
                "acknowledgements": edition.acknowledgements,
                # Margin boxes take CSS strings, which Django's HTML escaping does not protect.
                "css": {
                    "edition": css_string(f"{guide_title} · {edition.name}"),
                    "notice": css_string(_("Document réservé au réseau des structures essaimées")),
                    "page": css_string(_("Page")),
                    "page_abbr": css_string(_("p. ")),
                },
            },
        )


def _no_fetch(url: str, *args, **kwargs):
    """The document needs nothing from outside; a link in a text must never be fetched."""
    raise ValueError(f"The guide's PDF fetches no resource ({url[:80]}).")


def render_edition_pdf(
    edition: GuideEdition, progress: Callable[[int], None] = lambda percent: None
) -> bytes:
    """Render in three stages (HTML, layout, writing), reporting progress after each."""
    from weasyprint import HTML

    html = edition_pdf_html(edition)
    progress(30)
    document = HTML(string=html, base_url=None, url_fetcher=_no_fetch).render(
        pdf_variant=PDF_VARIANT
    )
    progress(80)
    return document.write_pdf(pdf_variant=PDF_VARIANT)
