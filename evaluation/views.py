"""Views of the evaluation: being written (each answers 404 until then)."""

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


def report_counter_rate(request, **kwargs):
    raise Http404


def report_file(request, **kwargs):
    raise Http404


def structure_detail(request, **kwargs):
    raise Http404


def structure_bilan_pdf(request, **kwargs):
    raise Http404


def label_decide(request, **kwargs):
    raise Http404


def labels_public(request, **kwargs):
    raise Http404


def catalogue(request, **kwargs):
    raise Http404


def indicator_add(request, **kwargs):
    raise Http404


def indicator_edit(request, **kwargs):
    raise Http404


def catalogue_publish(request, **kwargs):
    raise Http404


def season_settings(request, **kwargs):
    raise Http404


def dashboard(request, **kwargs):
    raise Http404


def export_csv(request, **kwargs):
    raise Http404


def export_xlsx(request, **kwargs):
    raise Http404


def open_data_csv(request, **kwargs):
    raise Http404
