"""Attendance (mounted at /formation/presences/): a session's sheet, the season's absentees."""

from django.urls import path

from modules.views import attendance

urlpatterns = [
    path("seance/<uuid:uid>/", attendance.attendance_sheet, name="attendance_sheet"),
    path("saison/<slug:slug>/", attendance.absentees, name="absentees"),
    path("saison/<slug:slug>/absences.csv", attendance.absentees_csv, name="absentees_csv"),
]
