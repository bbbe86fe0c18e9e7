"""Reports: the structure fills and submits, Ansa reviews or records a phone interview; the
completeness matrix. Being written: each answers 404 until then.
"""

from django.http import Http404


def home(request, **kwargs):
    raise Http404


def matrix(request, **kwargs):
    raise Http404


def report_detail(request, **kwargs):
    raise Http404


def report_edit(request, **kwargs):
    raise Http404


def report_submit(request, **kwargs):
    raise Http404


def report_review(request, **kwargs):
    raise Http404


def report_phone(request, **kwargs):
    raise Http404


def report_file(request, **kwargs):
    raise Http404
