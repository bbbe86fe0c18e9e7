import pytest

from tests.cms_pages.factories import NewsIndexPageFactory, NewsPageFactory, StandardPageFactory


@pytest.mark.django_db
def test_search_finds_public_pages_of_the_current_language(client, home):
    StandardPageFactory(parent=home, title="Le programme d'essaimage", slug="le-programme")
    index = NewsIndexPageFactory(parent=home)
    NewsPageFactory(
        parent=index, title="Ouverture de l'appel", intro="Les territoires candidatent."
    )

    html = client.get("/recherche/", {"q": "territoires"}).content.decode()

    assert "Ouverture de l&#x27;appel" in html
    assert "Le programme d&#x27;essaimage" not in html
    assert "1 résultat" in html


@pytest.mark.django_db
def test_search_leaves_out_drafts_and_private_pages(client, home):
    from wagtail.models import PageViewRestriction

    draft = StandardPageFactory(parent=home, title="Brouillon confidentiel", slug="brouillon")
    draft.unpublish()
    private = StandardPageFactory(parent=home, title="Espace confidentiel", slug="prive")
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    html = client.get("/recherche/", {"q": "confidentiel"}).content.decode()

    assert "Brouillon confidentiel" not in html
    assert "Espace confidentiel" not in html
    assert "0 résultat" in html


@pytest.mark.django_db
def test_empty_search_shows_the_form_only(client, home):
    html = client.get("/recherche/").content.decode()
    assert '<input id="search-q" type="search" name="q" value="">' in html
    assert "résultat" not in html


@pytest.mark.django_db
def test_sitemap_lists_public_pages_only(client, home):
    public = StandardPageFactory(parent=home, title="Publique", slug="publique")
    draft = StandardPageFactory(parent=home, title="Brouillon", slug="brouillon")
    draft.unpublish()

    xml = client.get("/sitemap.xml").content.decode()

    assert f"{public.url}</loc>" in xml
    assert "brouillon" not in xml


def test_robots_txt_points_to_the_sitemap(client):
    text = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text
