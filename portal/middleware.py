"""Essaim's own middleware."""

from django.conf import settings
from django.utils import translation
from django.utils.translation import get_language_from_path


class PathLocaleMiddleware:
    """The URL alone chooses the language: French unprefixed, English under /en/.

    Django's LocaleMiddleware would also follow the browser's Accept-Language and redirect
    French URLs to /en/, which makes the switcher unpredictable; a public site must give the
    same page for the same address.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response
