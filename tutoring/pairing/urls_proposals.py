"""URLs of Ansa's pairing pages (mounted at /tutorat/binomes/): a season's pairing, its
proposals, the experts' load."""

from django.urls import path

from tutoring.pairing import views_proposals as views

urlpatterns = [
    path("saison/<slug:slug>/", views.season_pairing, name="season_pairing"),
    path("saison/<slug:slug>/proposer/", views.pairing_propose, name="pairing_propose"),
    path("propositions/<int:pk>/", views.proposal_detail, name="proposal_detail"),
    path(
        "propositions/<int:pk>/binomes/<int:item_id>/modifier/",
        views.proposal_item_override,
        name="proposal_item_override",
    ),
    path("propositions/<int:pk>/confirmer/", views.proposal_confirm, name="proposal_confirm"),
    path("propositions/<int:pk>/abandonner/", views.proposal_discard, name="proposal_discard"),
    path("experts/", views.expert_load, name="expert_load"),
]
