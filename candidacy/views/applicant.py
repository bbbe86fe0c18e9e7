"""Being written (issue 6): every view answers 404 until it lands."""

from django.http import Http404


def agreement_invite(request, **kwargs):
    raise Http404


def criterion(request, **kwargs):
    raise Http404


def detail(request, **kwargs):
    raise Http404


def evidence_delete(request, **kwargs):
    raise Http404


def evidence_file(request, **kwargs):
    raise Http404


def identity(request, **kwargs):
    raise Http404


def my_candidacies(request, **kwargs):
    raise Http404


def review(request, **kwargs):
    raise Http404


def signatories(request, **kwargs):
    raise Http404


def start(request, **kwargs):
    raise Http404


def submit(request, **kwargs):
    raise Http404


def verification(request, **kwargs):
    raise Http404


def withdraw(request, **kwargs):
    raise Http404
