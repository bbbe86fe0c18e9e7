"""Being written (issue 6): every view answers 404 until it lands."""

from django.http import Http404


def decisions(request, **kwargs):
    raise Http404


def dossier_pdf(request, **kwargs):
    raise Http404


def staff_detail(request, **kwargs):
    raise Http404


def staff_export(request, **kwargs):
    raise Http404


def staff_list(request, **kwargs):
    raise Http404
