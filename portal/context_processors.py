"""What every page's chrome needs: main navigation and the language switcher."""

from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Page, Site


def _menu_pages(request) -> list[Page]:
    site = Site.find_for_request(request)
    if site is None:
        return []
    root = site.root_page.localized
    return list(root.get_children().live().public().in_menu())


def site_chrome(request) -> dict:
    current = translation.get_language()
    languages = [
        {
            "code": code,
            "name": name,
            "url": translate_url(request.get_full_path(), code),
            "current": code == current,
        }
        for code, name in settings.LANGUAGES
    ]
    return {
        "menu_pages": _menu_pages(request),
        "languages": languages,
        "contact_email": settings.ESSAIM_CONTACT_EMAIL,
    }
