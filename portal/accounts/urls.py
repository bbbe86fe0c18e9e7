from django.urls import path

from portal.accounts import views

app_name = "accounts"
urlpatterns = [
    path("", views.profile, name="profile"),
    path("donnees.json", views.data_export, name="export"),
    path("suppression/", views.delete_request, name="delete_request"),
    path("suppression/annuler/", views.delete_cancel, name="delete_cancel"),
    path("suppressions/", views.deletion_requests, name="deletion_requests"),
    path("suppressions/<int:pk>/traiter/", views.deletion_done, name="deletion_done"),
]
