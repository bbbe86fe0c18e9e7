"""URLs of the evaluation (mounted at /evaluation/)."""

from django.urls import path

from evaluation import views

app_name = "evaluation"

urlpatterns = [
    path("", views.home, name="home"),
    path("completude/", views.matrix, name="matrix"),
    path("bilans/<int:pk>/", views.report_detail, name="report"),
    path("bilans/<int:pk>/remplir/", views.report_edit, name="report_edit"),
    path("bilans/<int:pk>/transmettre/", views.report_submit, name="report_submit"),
    path("bilans/<int:pk>/examen/", views.report_review, name="report_review"),
    path("bilans/<int:pk>/entretien/", views.report_phone, name="report_phone"),
    path(
        "bilans/<int:pk>/contre-evaluation/", views.report_counter_rate, name="report_counter_rate"
    ),
    path("pieces/<int:pk>/", views.report_file, name="report_file"),
    path("structures/<int:pk>/", views.structure_detail, name="structure"),
    path("structures/<int:pk>/bilan.pdf", views.structure_bilan_pdf, name="structure_bilan_pdf"),
    path("structures/<int:pk>/label/", views.label_decide, name="label_decide"),
    path("labellisees/", views.labels_public, name="labels_public"),
    path("indicateurs/", views.catalogue, name="catalogue"),
    path("indicateurs/ajouter/", views.indicator_add, name="indicator_add"),
    path("indicateurs/<int:pk>/", views.indicator_edit, name="indicator_edit"),
    path("indicateurs/publier/", views.catalogue_publish, name="catalogue_publish"),
    path("saisons/<slug:slug>/jalons/", views.season_settings, name="season_settings"),
    path("tableau-de-bord/", views.dashboard, name="dashboard"),
    path("export/valeurs.csv", views.export_csv, name="export_csv"),
    path("export/valeurs.xlsx", views.export_xlsx, name="export_xlsx"),
    path("export/donnees-ouvertes.csv", views.open_data_csv, name="open_data"),
]
