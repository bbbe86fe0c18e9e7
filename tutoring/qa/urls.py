"""URLs of the tutoring questions (mounted at /tutorat/)."""

from django.urls import path

from tutoring.qa import views

urlpatterns = [
    path("questions/", views.question_list, name="question_list"),
    path("questions/nouvelle/", views.question_create, name="question_create"),
    path("questions/similaires/", views.question_similar, name="question_similar"),
    path("questions/<int:pk>/", views.question_detail, name="question_detail"),
    path("questions/<int:pk>/repondre/", views.answer_create, name="answer_create"),
    path("questions/<int:pk>/commenter/", views.comment_create, name="comment_create"),
    path("questions/<int:pk>/accepter/<int:answer_id>/", views.answer_accept, name="answer_accept"),
    path("questions/<int:pk>/cloture/", views.question_close, name="question_close"),
    path("questions/<int:pk>/doublon/", views.question_duplicate, name="question_duplicate"),
    path("questions/<int:pk>/modifier/", views.question_edit, name="question_edit"),
    path("questions/<int:pk>/historique/", views.question_history, name="question_history"),
    path("questions/<int:pk>/visibilite/", views.scope_propose, name="scope_propose"),
    path(
        "questions/<int:pk>/visibilite/<int:proposal_id>/",
        views.scope_decide,
        name="scope_decide",
    ),
    path("reponses/<int:pk>/modifier/", views.answer_edit, name="answer_edit"),
    path("moderation/<slug:kind>/<int:pk>/", views.post_hide, name="post_hide"),
    path("pieces/<int:pk>/", views.attachment_download, name="attachment"),
    path("saisons/<slug:season>/delais/", views.season_settings, name="season_settings"),
]
