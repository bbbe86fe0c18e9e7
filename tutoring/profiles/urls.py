"""URLs of tutoring's profiles pages (mounted at /tutorat/profils/)."""

from django.urls import path

from tutoring.profiles import views

urlpatterns = [
    path("experts/<int:user_id>/", views.expert_profile, name="expert_profile"),
    path("experts/<int:user_id>/modifier/", views.expert_profile_edit, name="expert_profile_edit"),
    path(
        "experts/<int:user_id>/disponibilites/<int:pk>/retirer/",
        views.expert_availability_remove,
        name="expert_availability_remove",
    ),
    path(
        "experts/<int:user_id>/conflits/",
        views.expert_conflict_declare,
        name="expert_conflict_declare",
    ),
    path("conflits/<int:pk>/retirer/", views.conflict_remove, name="conflict_remove"),
    path("structures/<int:swarmed_id>/", views.needs_profile, name="needs_profile"),
    path(
        "structures/<int:swarmed_id>/modifier/",
        views.needs_profile_edit,
        name="needs_profile_edit",
    ),
]
