"""URLs of territorial candidacies: the applicant's dossier, the signers' links, Ansa's review."""

from django.urls import path

from candidacy.views import applicant, signing, staff

app_name = "candidacy"

urlpatterns = [
    # The applicant's side
    path("", applicant.my_candidacies, name="mine"),
    path("nouvelle/<slug:season>/", applicant.start, name="start"),
    path("<uuid:reference>/", applicant.detail, name="detail"),
    path("<uuid:reference>/identite/", applicant.identity, name="identity"),
    path("<uuid:reference>/criteres/<str:code>/", applicant.criterion, name="criterion"),
    path(
        "<uuid:reference>/pieces/<int:evidence_id>/", applicant.evidence_file, name="evidence_file"
    ),
    path(
        "<uuid:reference>/pieces/<int:evidence_id>/supprimer/",
        applicant.evidence_delete,
        name="evidence_delete",
    ),
    path("<uuid:reference>/signataires/", applicant.signatories, name="signatories"),
    path("<uuid:reference>/relecture/", applicant.review, name="review"),
    path("<uuid:reference>/deposer/", applicant.submit, name="submit"),
    path("<uuid:reference>/retirer/", applicant.withdraw, name="withdraw"),
    path("<uuid:reference>/convention/", applicant.agreement_invite, name="agreement_invite"),
    path("<uuid:reference>/verification/", applicant.verification, name="verification"),
    # The signers' personal links
    path("signature/<str:token>/", signing.sign, name="sign"),
    # Ansa's and A.CO.R's side
    path("instruction/", staff.staff_list, name="staff_list"),
    path("instruction/export.csv", staff.staff_export, name="staff_export"),
    path("instruction/<uuid:reference>/", staff.staff_detail, name="staff_detail"),
    path("instruction/<uuid:reference>/dossier.pdf", staff.dossier_pdf, name="dossier_pdf"),
    path("instruction/saison/<slug:season>/decisions/", staff.decisions, name="decisions"),
]
