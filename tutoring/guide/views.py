"""The guide's editorial views: being written (each answers 404 until then)."""

from django.http import Http404


def entry_list(request, **kwargs):
    raise Http404


def entry_promote(request, **kwargs):
    raise Http404


def entry_detail(request, **kwargs):
    raise Http404


def entry_edit(request, **kwargs):
    raise Http404


def entry_history(request, **kwargs):
    raise Http404


def entry_action(request, **kwargs):
    raise Http404


def entry_public(request, **kwargs):
    raise Http404


def entry_owner(request, **kwargs):
    raise Http404


def entry_comment(request, **kwargs):
    raise Http404


def entry_check(request, **kwargs):
    raise Http404


def entry_outdated(request, **kwargs):
    raise Http404


def flag_resolve(request, **kwargs):
    raise Http404


def outdated_close(request, **kwargs):
    raise Http404


def review_list(request, **kwargs):
    raise Http404


def edition_list(request, **kwargs):
    raise Http404


def edition_manage(request, **kwargs):
    raise Http404


def edition_publish(request, **kwargs):
    raise Http404


def stats(request, **kwargs):
    raise Http404
