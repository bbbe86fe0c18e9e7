"""Being written (issue 6): every view answers 404 until it lands."""

from django.http import Http404


def sign(request, **kwargs):
    raise Http404
