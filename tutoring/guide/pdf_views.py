"""The PDF of an edition: downloaded by the network, with a waiting page while it is built.

Both views hang on `GuidePage`'s routes `editions/<slug>/pdf/` and `editions/<slug>/pdf/etat/`.
Wagtail serves pages to anyone, so they check the reader themselves: a visitor goes to the login
page, a logged-in person outside the network gets 403, an edition not published is a 404.
"""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import redirect

from curriculum.models import PdfStatus
from tutoring.guide import permissions, selectors
from tutoring.guide.models import GuideEdition, GuidePdf
from tutoring.guide.pdf import edition_pdf_request, pdf_filename


def _published_edition(slug: str) -> GuideEdition:
    edition = selectors.published_editions().select_related("season").filter(slug=slug).first()
    if edition is None:
        raise Http404
    return edition


def _refuse(request):
    """The login redirect for a visitor; raises 403 for anyone outside the network."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not permissions.is_network_member(request.user):
        raise PermissionDenied
    return None


def guide_pdf(request, page, slug: str):
    """The edition's PDF once built; until then the page following its build."""
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    if refusal := _refuse(request):
        return refusal
    edition = _published_edition(slug)
    if request.method == "POST":  # « Relancer » after a failed build
        edition_pdf_request(edition, retry=True)
        return redirect(request.path)
    pdf = edition_pdf_request(edition)
    if pdf.status == PdfStatus.READY:
        try:
            handle = pdf.file.open("rb")
        except OSError:
            # The file went missing from storage: let the network rebuild it.
            GuidePdf.objects.filter(pk=pdf.pk).update(status=PdfStatus.FAILED, progress=0)
            pdf.refresh_from_db()
        else:
            response = FileResponse(handle, as_attachment=True, filename=pdf_filename(edition))
            response["Cache-Control"] = "private, max-age=0"
            return response
    return page.render(
        request,
        template="tutoring/guide/pdf_status.html",
        context_overrides={"edition": edition, "pdf": pdf, "statuses": PdfStatus},
    )


def guide_pdf_status(request, page, slug: str):
    """The build's state for the waiting page's script; never starts a build."""
    if refusal := _refuse(request):
        return refusal
    pdf = GuidePdf.objects.filter(edition=_published_edition(slug)).first()
    if pdf is None:
        raise Http404
    return JsonResponse(
        {"status": pdf.status, "label": str(pdf.get_status_display()), "progress": pdf.progress},
        headers={"Cache-Control": "no-store"},
    )
