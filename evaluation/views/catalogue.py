"""The indicator catalogue and each season's milestone offsets (Ansa). Being written: each answers
404 until then.
"""

from django.http import Http404


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
