"""URLs of the pair's private space (mounted at /tutorat/binomes/)."""

from django.urls import path

from tutoring.pairing import views_pairs as views

urlpatterns = [
    path("", views.pairing_list, name="pairing_list"),
    path("<int:pk>/", views.pairing_detail, name="pairing_detail"),
    path("<int:pk>/journal/nouvel-echange/", views.log_entry_add, name="log_entry_add"),
    path(
        "<int:pk>/demande-de-changement/",
        views.change_request_create,
        name="change_request_create",
    ),
    path("<int:pk>/fin/", views.pairing_end, name="pairing_end"),
    path("demandes/<int:pk>/", views.change_request_handle, name="change_request_handle"),
]
