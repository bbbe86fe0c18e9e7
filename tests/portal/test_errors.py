"""Friendly French error pages."""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory

from portal import views


@pytest.mark.django_db
def test_404_page_is_french_and_helpful(client, home):
    response = client.get("/cette-page-n-existe-pas/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "<h1>Page introuvable</h1>" in html
    assert 'href="/recherche/"' in html


@pytest.mark.django_db
def test_404_page_in_english_under_en(client, home):
    response = client.get("/en/this-page-does-not-exist/")
    assert response.status_code == 404
    assert "<h1>Page not found</h1>" in response.content.decode()


@pytest.mark.django_db
def test_403_page(rf, home):
    request = rf.get("/")
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    response = views.error_403(request, PermissionDenied())
    assert response.status_code == 403
    assert "<h1>Accès refusé</h1>" in response.content.decode()


def test_500_page_renders_without_the_database():
    # No database mark: any query would fail the test.
    response = views.error_500(RequestFactory().get("/"))
    html = response.content.decode()
    assert response.status_code == 500
    assert "<h1>Une erreur est survenue</h1>" in html
    assert '<html lang="fr">' in html
