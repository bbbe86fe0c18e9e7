"""URLs of the training-action's working pages (mounted at /formation/); one file per concept."""

from django.urls import include, path

app_name = "modules"

urlpatterns = [
    path("", include("modules.urls_sessions")),
    path("presences/", include("modules.urls_attendance")),
    path("travaux/", include("modules.urls_assignments")),
    path("suivi/", include("modules.urls_progress")),
]
