"""URLs of pairing (mounted at /tutorat/binomes/): the season's proposal, then each pair's life."""

from django.urls import include, path

urlpatterns = [
    path("", include("tutoring.pairing.urls_proposals")),
    path("", include("tutoring.pairing.urls_pairs")),
]
