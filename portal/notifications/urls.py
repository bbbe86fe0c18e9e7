from django.urls import path

from portal.notifications import views

app_name = "notifications"
urlpatterns = [
    path("", views.notification_list, name="list"),
    path("<int:pk>/ouvrir/", views.notification_open, name="open"),
    path("tout-marquer-comme-lu/", views.notification_mark_all_read_view, name="mark_all_read"),
    path("preferences/", views.notification_preferences, name="preferences"),
]
