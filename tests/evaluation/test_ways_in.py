"""How each role finds the evaluation: its dashboard panels, and Ansa's comment on a sent-back
report shown where the referent completes it."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from evaluation import services
from tests.evaluation.factories import (
    ansa,
    filled_report,
    principles,
    published_catalogue,
    scheduled_reports,
)
from tests.modules.factories import SwarmedStructureFactory
from tests.portal.factories import UserFactory
from tests.tutoring.factories import referent_of

pytestmark = pytest.mark.django_db

DASHBOARD = "/mon-espace/"


@pytest.mark.parametrize("trait", ["steering", "head_of_network"])
def test_the_steering_committee_and_the_head_of_network_find_the_programme_dashboard(client, trait):
    from portal.roles import Role

    role = {"steering": Role.STEERING, "head_of_network": Role.HEAD_OF_NETWORK}[trait]
    client.force_login(UserFactory(roles=[role]))
    page = client.get(DASHBOARD).content.decode()
    assert reverse("evaluation:dashboard") in page
    assert reverse("evaluation:labels_public") in page
    assert (reverse("evaluation:matrix") in page) == (trait == "head_of_network")


def test_a_referent_has_no_programme_panel(client):
    swarmed = SwarmedStructureFactory()
    client.force_login(referent_of(swarmed))
    assert reverse("evaluation:dashboard") not in client.get(DASHBOARD).content.decode()


def test_the_referent_reads_ansas_comment_where_they_complete_the_report(client):
    principles()
    published_catalogue()
    swarmed = SwarmedStructureFactory()
    report = filled_report(scheduled_reports(swarmed)["m3"])
    comment = "Il manque le nombre d'entreprises au fichier & la date du premier café."
    services.report_review(actor=ansa(), report=report, accept=False, comment=comment)
    client.force_login(referent_of(swarmed))
    page = client.get(reverse("evaluation:report_edit", args=[report.pk])).content.decode()
    assert "Ansa vous a renvoyé ce bilan pour le compléter" in page
    assert escape(comment) in page
