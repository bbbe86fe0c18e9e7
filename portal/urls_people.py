"""URLs of the people-and-trust pages, one include per concept (each concept owns its urls.py)."""

from django.urls import include, path

urlpatterns = [
    path("mon-compte/", include("portal.accounts.urls")),
    path("structures/", include("portal.structures.urls")),
    path("notifications/", include("portal.notifications.urls")),
    path("journal/", include("portal.audit.urls")),
    path("candidatures/", include("candidacy.urls")),
    path("formation/", include("modules.urls")),
    path("tutorat/", include("tutoring.urls")),
    path("evaluation/", include("evaluation.urls")),
]
