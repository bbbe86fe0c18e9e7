"""One structure's evaluation: fidelity across milestones, counter-rating, label, bilan PDF; the
public list of labelled structures. Being written: each answers 404 until then.
"""

from django.http import Http404


def structure_detail(request, **kwargs):
    raise Http404


def structure_bilan_pdf(request, **kwargs):
    raise Http404


def label_decide(request, **kwargs):
    raise Http404


def labels_public(request, **kwargs):
    raise Http404


def report_counter_rate(request, **kwargs):
    raise Http404
