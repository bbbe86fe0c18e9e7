"""French unprefixed, English under /en/, whatever the browser prefers."""

import pytest
from wagtail.models import Locale

from tests.cms_pages.factories import NewsIndexPageFactory


@pytest.mark.django_db
def test_french_is_served_unprefixed_even_to_english_browsers(client, home):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert response.status_code == 200
    assert '<html lang="fr">' in response.content.decode()
    assert response["Content-Language"] == "fr"


@pytest.mark.django_db
def test_english_interface_under_en_prefix(client, home):
    html = client.get("/en/").content.decode()
    assert '<html lang="en">' in html
    assert "Skip to content" in html
    assert 'aria-label="Main menu"' in html


@pytest.mark.django_db
def test_untranslated_page_is_marked_as_french_inside_the_english_interface(client, home):
    # No English translation of this home exists: the content keeps its own language.
    html = client.get("/en/").content.decode()
    assert '<main id="contenu" tabindex="-1" class="site-main" lang="fr">' in html


@pytest.mark.django_db
def test_translated_page_is_served_in_english(client, home, english):
    translation = home.copy_for_translation(english)
    translation.title = "Home"
    translation.hero_title = "Spreading a method that works"
    translation.save_revision().publish()

    html = client.get("/en/").content.decode()

    assert "Spreading a method that works" in html
    assert 'class="site-main">' in html  # no lang override: content and interface agree


@pytest.mark.django_db
def test_language_switcher_links_to_the_same_page_in_the_other_language(client, home):
    index = NewsIndexPageFactory(parent=home)
    html = client.get(index.url).content.decode()
    assert 'href="/en/actualites/" lang="en" hreflang="en"' in html
    html = client.get("/en/actualites/").content.decode()
    assert 'href="/actualites/" lang="fr" hreflang="fr"' in html


def test_english_messages_are_compiled():
    from django.utils import translation

    with translation.override("en"):
        assert translation.gettext("Aller au contenu") == "Skip to content"


@pytest.mark.django_db
def test_both_content_locales_exist_after_migrations(english):
    assert set(Locale.objects.values_list("language_code", flat=True)) == {"fr", "en"}
