"""The guide's editorial side, at /tutorat/guide/ (its reading pages hang on `GuidePage`)."""

from django.urls import path

from tutoring.guide import views

urlpatterns = [
    path("", views.entry_list, name="guide_entries"),
    path("proposer/", views.entry_promote, name="guide_promote"),
    path("entrees/<int:pk>/", views.entry_detail, name="guide_entry"),
    path("entrees/<int:pk>/modifier/", views.entry_edit, name="guide_entry_edit"),
    path("entrees/<int:pk>/historique/", views.entry_history, name="guide_entry_history"),
    path("entrees/<int:pk>/action/", views.entry_action, name="guide_entry_action"),
    path("entrees/<int:pk>/public/", views.entry_public, name="guide_entry_public"),
    path("entrees/<int:pk>/responsable/", views.entry_owner, name="guide_entry_owner"),
    path("entrees/<int:pk>/commentaire/", views.entry_comment, name="guide_entry_comment"),
    path("entrees/<int:pk>/verifiee/", views.entry_check, name="guide_entry_check"),
    path("entrees/<int:pk>/depassee/", views.entry_outdated, name="guide_entry_outdated"),
    path("donnees/<int:pk>/", views.flag_resolve, name="guide_flag_resolve"),
    path("signalements/<int:pk>/", views.outdated_close, name="guide_outdated_close"),
    path("revue/", views.review_list, name="guide_review"),
    path("editions/", views.edition_list, name="guide_editions"),
    path("editions/<int:pk>/", views.edition_manage, name="guide_edition_manage"),
    path("editions/<int:pk>/publier/", views.edition_publish, name="guide_edition_publish"),
    path("statistiques/", views.stats, name="guide_stats"),
]
