"""Progress (mounted at /formation/suivi/): Ansa's cohort dashboard, a member's own progress."""

from django.urls import path

from modules.views import progress

urlpatterns = [
    path("moi/", progress.my_progress, name="my_progress"),
    path("saison/<slug:slug>/", progress.cohort, name="cohort"),
    path("saison/<slug:slug>/suivi.csv", progress.cohort_csv, name="cohort_csv"),
    path(
        "saison/<slug:slug>/structure/<int:swarmed_id>/",
        progress.cohort_structure,
        name="cohort_structure",
    ),
]
