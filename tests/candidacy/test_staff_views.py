"""Ansa's and A.CO.R's pages: the list, its export, a dossier, the decisions and the PDF."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from candidacy.criteria import Hypothesis, SignatureAct, SignerRole
from candidacy.models import (
    AcorOpinion,
    Candidacy,
    CandidacyState,
    Decision,
    Review,
    SignatureRequest,
    SignatureStatus,
    Transition,
)
from portal.models import Notification
from portal.roles import Role
from tests.candidacy.factories import (
    CandidacyFactory,
    ReviewFactory,
    SeasonFactory,
    TransitionFactory,
    stored_answers,
)
from tests.helpers import count_queries
from tests.portal.factories import UserFactory
from tests.portal.structure_factories import page_text

STRUCTURE = "Maison de l'emploi du Béarn"
REVIEW_SECRET = "Trésorerie fragile, à vérifier avec le commissaire aux comptes."


@pytest.fixture
def season(db):
    return SeasonFactory(slug="saison-essai", name="Saison d'essai")


@pytest.fixture
def ansa(db):
    return UserFactory(ansa=True)


@pytest.fixture
def head(db):
    return UserFactory(head_of_network=True)


@pytest.fixture
def dossier(season):
    return CandidacyFactory(
        season=season, under_review=True, with_applicant=True, structure__name=STRUCTURE
    )


def staff_urls(candidacy) -> dict[str, str]:
    reference = candidacy.reference
    return {
        "list": reverse("candidacy:staff_list"),
        "export": reverse("candidacy:staff_export"),
        "detail": reverse("candidacy:staff_detail", args=[reference]),
        "pdf": reverse("candidacy:dossier_pdf", args=[reference]),
        "decisions": reverse("candidacy:decisions", args=[candidacy.season.slug]),
    }


def detail_url(candidacy) -> str:
    return reverse("candidacy:staff_detail", args=[candidacy.reference])


def decisions_url(season) -> str:
    return reverse("candidacy:decisions", args=[season.slug])


# --- Who may open what -----------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["list", "export", "detail", "pdf", "decisions"])
def test_ansa_opens_every_staff_page(client, ansa, dossier, page):
    client.force_login(ansa)
    assert client.get(staff_urls(dossier)[page]).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("page", "status"),
    [("list", 200), ("export", 200), ("detail", 200), ("pdf", 200), ("decisions", 403)],
)
def test_head_of_network_reads_dossiers_but_does_not_decide(client, head, dossier, page, status):
    client.force_login(head)
    assert client.get(staff_urls(dossier)[page]).status_code == status


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.EXPERT, Role.REFERENT, Role.APPLICANT, Role.STEERING])
@pytest.mark.parametrize("page", ["list", "export", "detail", "pdf", "decisions"])
def test_other_roles_are_refused(client, dossier, role, page):
    client.force_login(UserFactory(roles=[role]))
    response = client.get(staff_urls(dossier)[page])
    assert response.status_code == 403
    assert STRUCTURE not in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["list", "export", "detail", "pdf", "decisions"])
def test_the_applicant_itself_is_refused(client, dossier, page):
    client.force_login(dossier.applicant)
    assert client.get(staff_urls(dossier)[page]).status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["list", "export", "detail", "pdf", "decisions"])
def test_anonymous_visitors_are_sent_to_login(client, dossier, page):
    response = client.get(staff_urls(dossier)[page])
    assert response.status_code == 302
    assert response["Location"].startswith(f"{reverse('account_login')}?next=")


@pytest.mark.django_db
@pytest.mark.parametrize("user", ["ansa", "head"])
@pytest.mark.parametrize("page", ["detail", "pdf"])
def test_a_draft_never_submitted_is_not_found_for_staff(request, client, season, user, page):
    draft = CandidacyFactory(season=season, structure__name="Brouillon secret")
    withdrawn_draft = CandidacyFactory(
        season=season, state=CandidacyState.WITHDRAWN, structure__name="Retrait avant dépôt"
    )
    client.force_login(request.getfixturevalue(user))
    assert client.get(staff_urls(draft)[page]).status_code == 404
    assert client.get(staff_urls(withdrawn_draft)[page]).status_code == 404
    listing = client.get(reverse("candidacy:staff_list")).content.decode()
    assert "Brouillon secret" not in listing
    assert "Retrait avant dépôt" not in listing


@pytest.mark.django_db
def test_an_unknown_reference_is_not_found(client, ansa, season):
    client.force_login(ansa)
    url = reverse("candidacy:staff_detail", args=["00000000-0000-4000-8000-000000000000"])
    assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_dashboards_of_ansa_and_head_of_network_link_to_the_list(client, ansa, head):
    for user in (ansa, head):
        client.force_login(user)
        content = client.get(reverse("portal:dashboard")).content.decode()
        assert reverse("candidacy:staff_list") in content
        assert "Instruire les candidatures" in content


# --- The list: season, filters, sorting ------------------------------------------------------


@pytest.fixture
def three(season):
    """Three dossiers differing by hypothesis, département, state and pre-check."""
    blocking = stored_answers(Hypothesis.A)
    blocking["A1"]["fte_count"] = "1.5"  # fewer than the two FTE the brief requires
    short_calendar = stored_answers(Hypothesis.A)
    short_calendar["A5"]["end_date"] = "2027-02-01"
    return {
        "bearn": CandidacyFactory(
            season=season,
            under_review=True,
            structure__name="Béarn Emploi",
            departement="64",
            submitted_at=timezone.now() - datetime.timedelta(days=3),
        ),
        "landes": CandidacyFactory(
            season=season,
            submitted=True,
            hypothesis_b=True,
            structure__name="Conseil départemental des Landes",
            departement="40",
            submitted_at=timezone.now() - datetime.timedelta(days=1),
        ),
        "gironde": CandidacyFactory(
            season=season,
            shortlisted=True,
            structure__name="Atelier Gironde",
            departement="33",
            answers=blocking,
            submitted_at=timezone.now() - datetime.timedelta(days=2),
        ),
        "adour": CandidacyFactory(
            season=season,
            submitted=True,
            structure__name="Adour Insertion",
            departement="64",
            answers=short_calendar,
            submitted_at=timezone.now() - datetime.timedelta(days=4),
        ),
    }


def listed(client, **params) -> list[str]:
    """Structure names in the table, in their order on the page."""
    from bs4 import BeautifulSoup

    response = client.get(reverse("candidacy:staff_list"), params)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return [cell.get_text(strip=True) for cell in soup.select("table tbody th[scope=row]")]


@pytest.mark.django_db
def test_list_shows_the_season_dossiers_newest_first(client, ansa, three):
    client.force_login(ansa)
    names = listed(client)
    assert names == [
        "Conseil départemental des Landes",
        "Atelier Gironde",
        "Béarn Emploi",
        "Adour Insertion",
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"state": "shortlisted"}, ["Atelier Gironde"]),
        ({"hypothesis": "B"}, ["Conseil départemental des Landes"]),
        ({"departement": "64"}, ["Béarn Emploi", "Adour Insertion"]),
        ({"precheck": "blocking"}, ["Atelier Gironde"]),
        ({"precheck": "to_judge"}, ["Adour Insertion"]),
        ({"precheck": "complete"}, ["Conseil départemental des Landes", "Béarn Emploi"]),
        ({"departement": "64", "state": "under_review"}, ["Béarn Emploi"]),
    ],
)
def test_list_filters(client, ansa, three, params, expected):
    client.force_login(ansa)
    assert listed(client, **params) == expected


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        (
            "structure",
            [
                "Adour Insertion",
                "Atelier Gironde",
                "Béarn Emploi",
                "Conseil départemental des Landes",
            ],
        ),
        (
            "submitted",
            [
                "Adour Insertion",
                "Béarn Emploi",
                "Atelier Gironde",
                "Conseil départemental des Landes",
            ],
        ),
        ("departement", ["Atelier Gironde", "Conseil départemental des Landes"]),
        (
            "state",  # in the workflow's order: submitted, under review, shortlisted
            [
                "Conseil départemental des Landes",
                "Adour Insertion",
                "Béarn Emploi",
                "Atelier Gironde",
            ],
        ),
    ],
)
def test_list_sorting(client, ansa, three, sort, expected):
    client.force_login(ansa)
    names = listed(client, sort=sort)
    if sort == "departement":
        assert names[:2] == expected
        assert set(names[2:]) == {"Béarn Emploi", "Adour Insertion"}
    else:
        assert names == expected


@pytest.mark.django_db
def test_list_marks_the_sorted_column_for_screen_readers(client, ansa, three):
    client.force_login(ansa)
    content = client.get(reverse("candidacy:staff_list"), {"sort": "structure"}).content.decode()
    assert 'aria-sort="ascending">Structure</th>' in content


@pytest.mark.django_db
def test_an_invalid_filter_is_reported_and_ignored(client, ansa, three):
    client.force_login(ansa)
    response = client.get(reverse("candidacy:staff_list"), {"state": "nimporte"})
    assert "Le formulaire contient des erreurs" in response.content.decode()
    assert len(listed(client, state="nimporte")) == 4


@pytest.mark.django_db
def test_list_defaults_to_the_season_whose_call_opened_last(client, ansa, three, season):
    later = SeasonFactory(
        slug="saison-suivante",
        name="Saison suivante",
        call_opens_at=season.call_opens_at + datetime.timedelta(days=1),
    )
    CandidacyFactory(season=later, submitted=True, structure__name="Nouvelle structure")
    client.force_login(ansa)
    assert listed(client) == ["Nouvelle structure"]
    assert len(listed(client, season="saison-essai")) == 4


@pytest.mark.django_db
def test_list_shows_signatures_reviews_opinion_decision_and_capacity(client, ansa, head, dossier):
    ReviewFactory(candidacy=dossier, scores={"A1": {"score": 3}, "A2": {"score": 2}})
    ReviewFactory(candidacy=dossier, scores={"A1": {"score": 2}, "A2": {"score": 2}})
    AcorOpinion.objects.create(
        candidacy=dossier, author=head, opinion="reserved", comment="Équipe à étoffer."
    )
    SignatureRequest.objects.create(
        candidacy=dossier,
        act=SignatureAct.CANDIDACY,
        signer_role=SignerRole.PRESIDENT,
        full_name="Hélène Darrigrand",
        email="presidente@essaim.test",
        organisation=STRUCTURE,
        status=SignatureStatus.SIGNED,
        content_hash="a" * 64,
    )
    Candidacy.objects.filter(pk=dossier.pk).update(prepared_decision=Decision.SELECTED)
    client.force_login(ansa)
    text = page_text(client.get(reverse("candidacy:staff_list")))
    assert "2 · moyenne 4,5 sur 15" in text
    assert "Favorable avec réserves" in text
    assert "Retenue" in text
    assert "0 déjà notifiées et 1 en préparation, pour une saison de 5 à 10 structures" in text


def _dossiers_with_everything(season, count: int, ansa, head) -> None:
    for number in range(count):
        candidacy = CandidacyFactory(season=season, under_review=True)
        ReviewFactory(candidacy=candidacy, reviewer=ansa)
        AcorOpinion.objects.create(
            candidacy=candidacy, author=head, opinion="favourable", comment="Bien."
        )
        TransitionFactory(candidacy=candidacy)
        SignatureRequest.objects.create(
            candidacy=candidacy,
            act=SignatureAct.CANDIDACY,
            signer_role=SignerRole.PRESIDENT,
            full_name=f"Président {number}",
            email=f"president{number}@essaim.test",
            organisation="Structure",
            status=SignatureStatus.SIGNED,
        )


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["list", "export"])
def test_list_queries_do_not_grow_with_the_dossiers(client, ansa, head, season, page):
    url = reverse(f"candidacy:staff_{page}")
    client.force_login(ansa)
    _dossiers_with_everything(season, 3, ansa, head)
    few = count_queries(client, url)
    _dossiers_with_everything(season, 27, ansa, head)
    many = count_queries(client, url)
    assert Candidacy.objects.count() == 30
    assert many == few


@pytest.mark.django_db
def test_detail_queries_do_not_grow_with_reviews_history_and_signatures(
    client, ansa, head, dossier
):
    client.force_login(ansa)
    ReviewFactory(candidacy=dossier, reviewer=ansa)
    TransitionFactory(candidacy=dossier)
    few = count_queries(client, detail_url(dossier))
    for number in range(6):
        ReviewFactory(candidacy=dossier)
        TransitionFactory(candidacy=dossier)
        SignatureRequest.objects.create(
            candidacy=dossier,
            act=SignatureAct.CANDIDACY,
            signer_role=SignerRole.PRESIDENT,
            full_name=f"Signataire {number}",
            email=f"s{number}@essaim.test",
            organisation="Structure",
            status=SignatureStatus.VOIDED,
            signed_by=UserFactory(),
        )
    assert count_queries(client, detail_url(dossier)) == few


# --- CSV export ------------------------------------------------------------------------------


def read_csv(response) -> list[list[str]]:
    content = response.content.decode("utf-8")
    assert content.startswith("\ufeff")
    return list(csv.reader(io.StringIO(content[1:]), delimiter=";"))


@pytest.mark.django_db
def test_export_is_a_french_spreadsheet_with_one_row_per_dossier(client, ansa, three):
    client.force_login(ansa)
    response = client.get(reverse("candidacy:staff_export"), {"departement": "64"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith(
        'attachment; filename="candidatures-saison-essai-'
    )
    rows = read_csv(response)
    header = rows[0]
    assert header[:4] == ["Référence", "Saison", "Structure", "Territoire"]
    assert "Pré-contrôle" in header and "Avis d'A.CO.R" in header
    assert sorted(row[2] for row in rows[1:]) == ["Adour Insertion", "Béarn Emploi"]
    adour = next(row for row in rows[1:] if row[2] == "Adour Insertion")
    assert adour[header.index("État")] == "Déposée"
    assert adour[header.index("Pré-contrôle")] == "À apprécier"


@pytest.mark.django_db
def test_export_neutralises_spreadsheet_formulas(client, ansa, season):
    CandidacyFactory(
        season=season,
        submitted=True,
        structure__name='=HYPERLINK("http://pirate.test";"clic")',
        territory="+33 Bordeaux",
        prescriber_name="@SOMME(A1:A9)",
    )
    client.force_login(ansa)
    rows = read_csv(client.get(reverse("candidacy:staff_export")))
    header, row = rows[0], rows[1]
    assert row[header.index("Structure")] == '\'=HYPERLINK("http://pirate.test";"clic")'
    assert row[header.index("Territoire")] == "'+33 Bordeaux"
    assert row[header.index("Collectivité prescriptrice")] == "'@SOMME(A1:A9)"


@pytest.mark.django_db
def test_export_with_invalid_filters_goes_back_to_the_list(client, ansa, three):
    client.force_login(ansa)
    response = client.get(reverse("candidacy:staff_export"), {"sort": "nimporte"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("candidacy:staff_list"))


# --- The dossier -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_detail_shows_answers_precheck_evidence_signatures_and_all_history(client, ansa, dossier):
    dossier.answers = stored_answers(Hypothesis.A)
    dossier.save()
    evidence = dossier.evidence.create(
        criterion="A1",
        kind="annual_accounts",
        file="candidatures/x.pdf",
        original_name="comptes-2026.pdf",
        content_type="application/pdf",
        extension=".pdf",
        size=2048,
        sha256="b" * 64,
    )
    SignatureRequest.objects.create(
        candidacy=dossier,
        act=SignatureAct.COMMITMENT,
        signer_role=SignerRole.PRESCRIBER,
        full_name="Yannick Etcheverry",
        email="prescripteur@essaim.test",
        organisation="Département",
        status=SignatureStatus.SIGNED,
        content_hash="c" * 64,
    )
    Transition.objects.create(
        candidacy=dossier,
        from_state="submitted",
        to_state="under_review",
        actor=ansa,
        message="Note interne : dossier prioritaire.",
        visible_to_applicant=False,
    )
    client.force_login(ansa)
    response = client.get(detail_url(dossier))
    text = page_text(response)
    content = response.content.decode()
    assert "A1 — Un modèle économique et une organisation solides" in text
    assert "Pré-contrôle : Rempli" in text
    assert "4,5" in text  # the FTE count, in French
    assert "Le marché en cours autorise déjà ce changement de pratique" in text
    assert reverse("candidacy:evidence_file", args=[dossier.reference, evidence.pk]) in content
    assert "comptes-2026.pdf" in text
    assert "Yannick Etcheverry" in text and "c" * 64 in content
    assert reverse("candidacy:verification", args=[dossier.reference]) in content
    assert "Note interne : dossier prioritaire." in text
    assert "Non, note interne" in text


@pytest.mark.django_db
def test_reviews_are_shown_to_staff_and_never_to_the_applicant(client, ansa, head, dossier):
    opinion_secret = "Réserve d'A.CO.R : le directeur quitte la structure en juin."
    ReviewFactory(
        candidacy=dossier,
        comment=REVIEW_SECRET,
        scores={"A1": {"score": 1, "comment": "Fonds propres très faibles."}},
    )
    AcorOpinion.objects.create(
        candidacy=dossier, author=head, opinion="reserved", comment=opinion_secret
    )
    for user in (ansa, head):
        client.force_login(user)
        content = client.get(detail_url(dossier)).content.decode()
        assert REVIEW_SECRET in content
        assert "Fonds propres très faibles." in content
    client.force_login(dossier.applicant)
    staff_page = client.get(detail_url(dossier))
    assert staff_page.status_code == 403
    assert REVIEW_SECRET not in staff_page.content.decode()
    applicant_page = client.get(reverse("candidacy:detail", args=[dossier.reference]))
    assert applicant_page.status_code == 200
    text = page_text(applicant_page)
    assert STRUCTURE in text
    for secret in (REVIEW_SECRET, "Fonds propres très faibles.", opinion_secret):
        assert secret not in text


def review_data(**overrides) -> dict:
    data = {
        "action": "review",
        "review-score_A1": "3",
        "review-comment_A1": "Comptes sains sur trois exercices.",
        "review-score_A2": "2",
        "review-recommendation": "select",
        "review-comment": "Un opérateur solide, bien relié au département.",
    }
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_ansa_saves_a_review(client, ansa, dossier):
    client.force_login(ansa)
    response = client.post(detail_url(dossier), review_data())
    assert response.status_code == 302
    review = Review.objects.get(candidacy=dossier, reviewer=ansa)
    assert review.scores == {
        "A1": {"score": 3, "comment": "Comptes sains sur trois exercices."},
        "A2": {"score": 2, "comment": ""},
    }
    assert review.recommendation == "select"
    # Opened again, the form holds the saved review.
    content = client.get(detail_url(dossier)).content.decode()
    assert 'name="review-score_A1" value="3"' in content


@pytest.mark.django_db
def test_an_invalid_score_keeps_what_was_typed(client, ansa, dossier):
    client.force_login(ansa)
    response = client.post(detail_url(dossier), review_data(**{"review-score_A1": "7"}))
    assert response.status_code == 200
    content = response.content.decode()
    assert "La note va de 0 à 3." in content
    assert 'name="review-score_A1" value="7"' in content
    assert "Comptes sains sur trois exercices." in content
    assert "Un opérateur solide, bien relié au département." in content
    assert 'aria-invalid="true"' in content
    assert not Review.objects.exists()


@pytest.mark.django_db
def test_a_criterion_comment_needs_its_score(client, ansa, dossier):
    client.force_login(ansa)
    response = client.post(detail_url(dossier), review_data(**{"review-score_A1": ""}))
    assert response.status_code == 200
    assert "Notez ce critère pour garder votre commentaire." in response.content.decode()
    assert not Review.objects.exists()


@pytest.mark.django_db
def test_the_head_of_network_gives_the_opinion_and_ansa_reads_it(client, ansa, head, dossier):
    client.force_login(head)
    assert client.post(detail_url(dossier), review_data()).status_code == 403
    response = client.post(
        detail_url(dossier),
        {"action": "opinion", "opinion-opinion": "favourable", "opinion-comment": ""},
    )
    assert response.status_code == 200
    assert "Motivez l&#x27;avis en quelques lignes." in response.content.decode()
    response = client.post(
        detail_url(dossier),
        {
            "action": "opinion",
            "opinion-opinion": "favourable",
            "opinion-comment": "Des CRE déjà tournés vers les entreprises.",
        },
    )
    assert response.status_code == 302
    assert AcorOpinion.objects.get(candidacy=dossier).author == head

    client.force_login(ansa)
    content = client.get(detail_url(dossier)).content.decode()
    assert "Des CRE déjà tournés vers les entreprises." in content
    assert 'name="opinion-opinion"' not in content
    response = client.post(
        detail_url(dossier),
        {"action": "opinion", "opinion-opinion": "unfavourable", "opinion-comment": "Non."},
    )
    assert response.status_code == 403
    assert AcorOpinion.objects.get(candidacy=dossier).opinion == "favourable"


@pytest.mark.django_db
def test_head_of_network_has_no_moves_and_no_decision(client, head, dossier):
    client.force_login(head)
    content = client.get(detail_url(dossier)).content.decode()
    assert '<input type="hidden" name="action" value="request_info">' not in content
    assert 'name="decision-decision"' not in content
    response = client.post(detail_url(dossier), {"action": "request_info", "info-message": "?"})
    assert response.status_code == 403
    response = client.post(detail_url(dossier), {"action": "shortlist"})
    assert response.status_code == 403
    dossier.refresh_from_db()
    assert dossier.state == CandidacyState.UNDER_REVIEW


@pytest.mark.django_db
def test_start_review_moves_a_submitted_dossier(client, ansa, season):
    submitted = CandidacyFactory(season=season, submitted=True)
    client.force_login(ansa)
    content = client.get(detail_url(submitted)).content.decode()
    assert '<input type="hidden" name="action" value="start_review">' in content
    assert '<input type="hidden" name="action" value="shortlist">' not in content
    response = client.post(detail_url(submitted), {"action": "start_review"})
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.state == CandidacyState.UNDER_REVIEW
    assert submitted.history.get().actor == ansa


@pytest.mark.django_db
def test_a_move_no_longer_possible_is_explained(client, ansa, dossier):
    client.force_login(ansa)
    response = client.post(detail_url(dossier), {"action": "start_review"})
    assert response.status_code == 200
    assert "Cette action n&#x27;est pas possible" in response.content.decode()
    dossier.refresh_from_db()
    assert dossier.state == CandidacyState.UNDER_REVIEW


@pytest.mark.django_db
def test_requesting_information_needs_a_question(client, ansa, dossier):
    client.force_login(ansa)
    response = client.post(detail_url(dossier), {"action": "request_info", "info-message": "  "})
    assert response.status_code == 200
    assert "Écrivez la question posée au territoire." in response.content.decode()
    dossier.refresh_from_db()
    assert dossier.state == CandidacyState.UNDER_REVIEW
    assert not Notification.objects.filter(recipient=dossier.applicant).exists()


@pytest.mark.django_db
def test_requesting_information_reopens_the_dossier_with_the_question(client, ansa, dossier):
    question = "Pouvez-vous joindre le calendrier validé par le département ?"
    client.force_login(ansa)
    response = client.post(
        detail_url(dossier), {"action": "request_info", "info-message": question}
    )
    assert response.status_code == 302
    dossier.refresh_from_db()
    assert dossier.state == CandidacyState.INFO_REQUESTED
    assert dossier.history.get().message == question
    notification = Notification.objects.get(recipient=dossier.applicant)
    assert notification.body == question


@pytest.mark.django_db
def test_a_question_refused_because_the_dossier_moved_is_kept(client, ansa, season):
    submitted = CandidacyFactory(season=season, submitted=True)  # not under review (yet)
    client.force_login(ansa)
    response = client.post(
        detail_url(submitted), {"action": "request_info", "info-message": "Question gardée ?"}
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "Cette action n&#x27;est pas possible" in content
    assert "Question gardée ?" in content
    submitted.refresh_from_db()
    assert submitted.state == CandidacyState.SUBMITTED


@pytest.mark.django_db
def test_unknown_action_is_a_bad_request(client, ansa, dossier):
    client.force_login(ansa)
    assert client.post(detail_url(dossier), {"action": "delete"}).status_code == 400


@pytest.mark.django_db
def test_preparing_a_refusal_needs_a_reason_and_keeps_the_choice(client, ansa, dossier):
    client.force_login(ansa)
    response = client.post(
        detail_url(dossier),
        {"action": "decision", "decision-decision": "not_selected", "decision-reason": ""},
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "Indiquez le motif communiqué au territoire." in content
    assert '<option value="not_selected" selected>' in content
    dossier.refresh_from_db()
    assert dossier.prepared_decision == ""

    response = client.post(
        detail_url(dossier),
        {
            "action": "decision",
            "decision-decision": "not_selected",
            "decision-reason": "Le marché ne permet pas encore la méthode.",
        },
    )
    assert response.status_code == 302
    dossier.refresh_from_db()
    assert dossier.prepared_decision == Decision.NOT_SELECTED
    assert dossier.state == CandidacyState.UNDER_REVIEW  # prepared, not notified


# --- Decisions of the season -----------------------------------------------------------------


def prepared(season, name: str, decision: str, reason: str = "") -> Candidacy:
    return CandidacyFactory(
        season=season,
        shortlisted=True,
        with_applicant=True,
        structure__name=name,
        prepared_decision=decision,
        decision_reason=reason,
    )


@pytest.mark.django_db
def test_decisions_page_previews_the_messages(client, ansa, season):
    prepared(season, "Béarn Emploi", Decision.SELECTED)
    prepared(season, "Atelier Gironde", Decision.NOT_SELECTED, "Calendrier trop court.")
    CandidacyFactory(season=season, under_review=True, structure__name="Adour Insertion")
    client.force_login(ansa)
    text = page_text(client.get(decisions_url(season)))
    assert "Votre candidature est retenue pour la Saison d'essai" in text
    assert "Votre candidature n'est pas retenue pour la Saison d'essai" in text
    assert "Motif communiqué par Ansa : Calendrier trop court." in text
    assert "Aucun message : ce dossier attend sa décision." in text
    assert "de 5 à 10 structures" in text
    assert "J'ai relu les messages qui vont être envoyés" in text


@pytest.mark.django_db
def test_notifying_beyond_capacity_is_refused_and_changes_nothing(client, ansa, season):
    season.capacity_min = 1
    season.capacity_max = 1
    season.save()
    first = prepared(season, "Béarn Emploi", Decision.SELECTED)
    second = prepared(season, "Atelier Gironde", Decision.SELECTED)
    client.force_login(ansa)
    assert "2 structures retenues : la saison en accueille au plus 1." in page_text(
        client.get(decisions_url(season))
    )
    response = client.post(decisions_url(season), {"confirm": "on"})
    assert response.status_code == 200
    assert "la saison en accueille au plus 1" in response.content.decode()
    for candidacy in (first, second):
        candidacy.refresh_from_db()
        assert candidacy.state == CandidacyState.SHORTLISTED
        assert candidacy.decided_at is None
    assert not Transition.objects.exists()
    assert not Notification.objects.exists()


@pytest.mark.django_db
def test_notifying_needs_the_confirmation(client, ansa, season):
    first = prepared(season, "Béarn Emploi", Decision.SELECTED)
    client.force_login(ansa)
    response = client.post(decisions_url(season), {})
    assert response.status_code == 200
    assert "Cochez cette case pour confirmer votre relecture." in response.content.decode()
    first.refresh_from_db()
    assert first.state == CandidacyState.SHORTLISTED


@pytest.mark.django_db
def test_notifying_moves_every_prepared_dossier_and_tells_the_structures(client, ansa, season):
    chosen = prepared(season, "Béarn Emploi", Decision.SELECTED)
    refused = prepared(season, "Atelier Gironde", Decision.NOT_SELECTED, "Calendrier trop court.")
    waiting = CandidacyFactory(season=season, under_review=True)
    client.force_login(ansa)
    response = client.post(decisions_url(season), {"confirm": "on"})
    assert response.status_code == 302
    chosen.refresh_from_db()
    refused.refresh_from_db()
    waiting.refresh_from_db()
    assert chosen.state == CandidacyState.SELECTED and chosen.decided_at
    assert refused.state == CandidacyState.NOT_SELECTED and refused.decided_at
    assert waiting.state == CandidacyState.UNDER_REVIEW
    assert chosen.history.get().to_state == CandidacyState.SELECTED
    assert refused.history.get().message == "Calendrier trop court."
    assert Notification.objects.get(recipient=chosen.applicant).title.startswith(
        "Votre candidature est retenue"
    )
    assert (
        Notification.objects.get(recipient=refused.applicant).body
        == "Motif communiqué par Ansa : Calendrier trop court."
    )
    text = page_text(client.get(decisions_url(season)))
    assert "Décisions déjà notifiées" in text


@pytest.mark.django_db
def test_decisions_of_an_unknown_season_are_not_found(client, ansa):
    client.force_login(ansa)
    assert client.get(reverse("candidacy:decisions", args=["inconnue"])).status_code == 404


# --- The PDF for the selection committee -----------------------------------------------------


@pytest.mark.django_db
def test_dossier_pdf_for_the_committee(client, ansa, head, dossier):
    dossier.answers = stored_answers(Hypothesis.A)
    dossier.save()
    ReviewFactory(candidacy=dossier, reviewer=ansa, comment="Dossier convaincant.")
    AcorOpinion.objects.create(
        candidacy=dossier, author=head, opinion="favourable", comment="Équipe motivée."
    )
    client.force_login(head)
    response = client.get(reverse("candidacy:dossier_pdf", args=[dossier.reference]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith('attachment; filename="dossier-maison-de-')
    assert response.content.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert STRUCTURE in text
    assert "Un modèle économique et une organisation solides" in text
    assert "Dossier convaincant." in text
    assert "Équipe motivée." in text
    assert reader.metadata.title == f"Dossier de candidature — {STRUCTURE}"


@pytest.mark.django_db
def test_fte_answers_read_as_french_numbers(client, ansa, dossier):
    dossier.answers = stored_answers(
        Hypothesis.A,
        {"A1": {"public_operator": True, "fte_count": Decimal("12.25")}},
    )
    dossier.save()
    client.force_login(ansa)
    assert "12,25" in page_text(client.get(detail_url(dossier)))
