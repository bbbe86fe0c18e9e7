"""The programme dashboard (charts and tables) and the exports. Being written: each answers 404
until then.
"""

from django.http import Http404


def dashboard(request, **kwargs):
    raise Http404


def export_csv(request, **kwargs):
    raise Http404


def export_xlsx(request, **kwargs):
    raise Http404


def open_data_csv(request, **kwargs):
    raise Http404
