"""Intersession work (mounted at /formation/travaux/)."""

from django.urls import path

from modules.views import assignments as views

urlpatterns = [
    path("saison/<slug:season>/", views.assignment_list, name="assignment_list"),
    path(
        "saison/<slug:season>/module/<int:module_id>/",
        views.assignment_edit,
        name="assignment_edit",
    ),
    path("<int:assignment_id>/", views.submission, name="submission"),
    path(
        "<int:assignment_id>/fichiers/<int:file_id>/",
        views.submission_file,
        name="submission_file",
    ),
    path(
        "<int:assignment_id>/fichiers/<int:file_id>/retirer/",
        views.submission_file_delete,
        name="submission_file_delete",
    ),
    path(
        "<int:assignment_id>/structures/<int:swarmed_id>/",
        views.submission_review,
        name="submission_review",
    ),
]
