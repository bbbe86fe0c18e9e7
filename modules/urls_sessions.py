"""Sessions, the season's calendar and its people (mounted at /formation/)."""

from django.urls import path

from modules.views import sessions as views

urlpatterns = [
    path("saison/<slug:slug>/personnes/", views.season_people, name="season_people"),
    path("saison/<slug:slug>/seances/", views.season_sessions, name="season_sessions"),
    path("saison/<slug:slug>/calendrier/", views.season_calendar, name="season_calendar"),
    path("seances/<int:pk>/", views.session_detail, name="session_detail"),
    path("seances/<int:pk>/modifier/", views.session_edit, name="session_edit"),
    path("seances/<int:pk>/annuler/", views.session_cancel, name="session_cancel"),
    path("seances/<int:pk>/seance.ics", views.session_ics, name="session_ics"),
    path("calendrier/<str:token>.ics", views.calendar_feed, name="calendar_feed"),
]
