"""URLs of Ansa's hotline (mounted at /tutorat/assistance/)."""

from django.urls import path

from tutoring.hotline import views

urlpatterns = [
    path("", views.ticket_list, name="ticket_list"),
    path("nouvelle/", views.ticket_create, name="ticket_create"),
    path("<int:pk>/", views.ticket_detail, name="ticket_detail"),
    path("<int:pk>/question/", views.ticket_convert, name="ticket_convert"),
    path("pieces/<int:pk>/", views.ticket_attachment, name="ticket_attachment"),
]
