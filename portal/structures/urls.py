from django.urls import path

from portal.structures import views

app_name = "structures"
urlpatterns = [
    path("", views.structure_list, name="list"),
    path("nouvelle/", views.structure_create, name="create"),
    path("<int:pk>/", views.structure_detail, name="detail"),
    path("<int:pk>/modifier/", views.structure_update, name="update"),
    path("<int:pk>/inviter/", views.invite, name="invite"),
    path("membres/<int:pk>/modifier/", views.membership_update, name="membership_update"),
    path("membres/<int:pk>/fin/", views.membership_end, name="membership_end"),
    path("invitations/<int:pk>/renvoyer/", views.invitation_resend, name="invitation_resend"),
    path("invitations/<int:pk>/revoquer/", views.invitation_revoke, name="invitation_revoke"),
    path("invitation/<str:token>/", views.invitation_accept, name="accept"),
]
