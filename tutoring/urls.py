"""URLs of tutoring (mounted at /tutorat/); one include per concept, each owning its urls.py."""

from django.urls import include, path

app_name = "tutoring"

urlpatterns = [
    path("", include("tutoring.qa.urls")),
    path("binomes/", include("tutoring.pairing.urls")),
    path("profils/", include("tutoring.profiles.urls")),
    path("assistance/", include("tutoring.hotline.urls")),
    path("guide/", include("tutoring.guide.urls")),
]
