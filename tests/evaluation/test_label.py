"""The A.CO.R label: granted by the head of network on a report's fidelity assessment with a
reason, suspended, reinstated, withdrawn; impossible decisions refused in French; every change
kept in the audit log; nobody else decides."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from evaluation import services
from evaluation.enums import LabelState
from evaluation.models import LabelDecision
from portal.models import AuditLogEntry
from tests.evaluation.factories import fidelity_answers
from tests.evaluation.structure_factories import evaluated_structure, head_of_network
from tests.helpers import count_queries
from tests.portal.factories import UserFactory

pytestmark = pytest.mark.django_db


def url(evaluated) -> str:
    return reverse("evaluation:label_decide", kwargs={"pk": evaluated.swarmed.pk})


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def decide(client, evaluated, action, *, reason="Les quatre principes sont appliqués.", **extra):
    data = {
        "action": action,
        "reason": reason,
        "decided_on": timezone.localdate().isoformat(),
        **extra,
    }
    return client.post(url(evaluated), data)


def state(evaluated) -> LabelState:
    return services.label_state(evaluated.swarmed.structure)


@pytest.fixture
def evaluated():
    return evaluated_structure(accepted=True, name="Emplois du Gave")


@pytest.fixture
def head(client):
    user = head_of_network()
    client.force_login(user)
    return user


def test_the_form_offers_the_decisions_possible_now_and_the_reports_with_ratings(
    client, evaluated, head
):
    m9 = evaluated.reports["m9"]
    services.report_save(
        actor=evaluated.referent,
        report=m9,
        version=m9.version,
        values={},
        fidelity=fidelity_answers(2),
    )  # a draft: not a ground for a decision
    response = client.get(url(evaluated))
    assert response.status_code == 200
    page = soup(response)
    assert len(page.find_all("h1")) == 1
    actions = [label.get_text(strip=True) for label in page.select("#id_action label")]
    assert actions == ["Label accordé"]
    reports = page.select("#id_report label")
    assert len(reports) == 1
    text = reports[0].get_text(" ", strip=True)
    assert "Appropriation (3 mois)" in text and "accepté" in text
    assert "structure\u00a0: A3 B3 C3 D3" in text
    assert page.find("label", attrs={"for": "id_reason"})
    assert page.find("input", id="id_decided_on")["value"] == timezone.localdate().isoformat()


def test_a_grant_relies_on_a_report_with_ratings_and_a_reason(client, evaluated, head):
    response = decide(client, evaluated, "grant", reason="  ")
    assert response.status_code == 400
    page = soup(response)
    summary = page.select_one("#error-summary").get_text(" ", strip=True)
    assert "Motivez la décision." in summary
    assert "Choisissez le bilan de fidélité sur lequel la décision s'appuie." in summary
    report_group = page.find("fieldset", id="id_report")
    assert "id_report_error" in report_group["aria-describedby"]
    assert page.select_one("#id_reason_error").get_text(strip=True) == "Motivez la décision."
    assert not LabelDecision.objects.exists()

    response = decide(client, evaluated, "grant", reason="Texte gardé.")
    assert "Texte gardé." in soup(response).find("textarea", id="id_reason").get_text()
    assert not LabelDecision.objects.exists()


def test_a_report_without_fidelity_cannot_support_a_grant():
    evaluated = evaluated_structure(name="Sans fidélité")
    evaluated.m3.fidelity_ratings.update(self_level=None)
    with pytest.raises(ValidationError) as error:
        services.label_decide(
            actor=head_of_network(), structure=evaluated.swarmed.structure, action="grant",
            reason="Fidèle.", report=evaluated.m3,
        )  # fmt: skip
    assert error.value.message_dict["report"] == [
        "Ce bilan ne comporte pas d'évaluation de fidélité."
    ]


def test_another_structure_s_report_is_not_offered_and_cannot_be_posted(client, evaluated, head):
    other = evaluated_structure(accepted=True, name="Autre structure")
    response = decide(client, evaluated, "grant", report=str(other.m3.pk))
    page = soup(response)
    assert "Choisissez un bilan de la liste." in page.select_one("#id_report_error").get_text()
    assert not LabelDecision.objects.exists()


def test_grant_suspend_reinstate_withdraw_each_in_the_history_and_the_audit_log(
    client, evaluated, head
):
    structure_url = reverse("evaluation:structure", args=[evaluated.swarmed.pk])
    response = decide(client, evaluated, "grant", report=str(evaluated.m3.pk))
    assert response.status_code == 302
    assert response["Location"] == structure_url + "#label"
    assert state(evaluated) == LabelState.GRANTED
    grant = LabelDecision.objects.get()
    assert (grant.report, grant.decided_by) == (evaluated.m3, head)

    assert decide(client, evaluated, "suspend", reason="Plus de CRE.").status_code == 302
    assert state(evaluated) == LabelState.SUSPENDED
    assert decide(client, evaluated, "reinstate", reason="Deux CRE recrutés.").status_code == 302
    assert state(evaluated) == LabelState.GRANTED
    assert decide(client, evaluated, "withdraw", reason="Méthode abandonnée.").status_code == 302
    assert state(evaluated) == LabelState.WITHDRAWN

    entries = AuditLogEntry.objects.filter(action__startswith="evaluation.label_").order_by("pk")
    assert [(e.action, e.changes["label"]) for e in entries] == [
        ("evaluation.label_grant", ["none", "granted"]),
        ("evaluation.label_suspend", ["granted", "suspended"]),
        ("evaluation.label_reinstate", ["suspended", "granted"]),
        ("evaluation.label_withdraw", ["granted", "withdrawn"]),
    ]
    assert {e.actor for e in entries} == {head}
    page = soup(client.get(structure_url))
    history = [row.th.get_text(strip=True) for row in page.select("table.bilan-label tbody tr")]
    assert history == ["Label retiré", "Label rétabli", "Label suspendu", "Label accordé"]
    assert "Méthode abandonnée." in page.select_one("table.bilan-label").get_text()
    assert "Label retiré" in page.select_one("#label").find_next("p").get_text()


def test_a_withdrawn_label_may_be_granted_again_on_a_report(client, evaluated, head):
    decide(client, evaluated, "grant", report=str(evaluated.m3.pk))
    decide(client, evaluated, "withdraw", reason="Méthode abandonnée.")
    page = soup(client.get(url(evaluated)))
    assert [label.get_text(strip=True) for label in page.select("#id_action label")] == [
        "Label accordé"
    ]
    assert decide(client, evaluated, "grant", report=str(evaluated.m3.pk)).status_code == 302
    assert state(evaluated) == LabelState.GRANTED


@pytest.mark.parametrize(
    ("before", "action"),
    [
        ([], "suspend"),
        ([], "reinstate"),
        ([], "withdraw"),
        (["grant"], "grant"),
        (["grant"], "reinstate"),
        (["grant", "suspend"], "suspend"),
        (["grant", "withdraw"], "suspend"),
        (["grant", "withdraw"], "withdraw"),
    ],
)
def test_impossible_decisions_are_refused_in_french(client, evaluated, head, before, action):
    for step in before:
        services.label_decide(
            actor=head, structure=evaluated.swarmed.structure, action=step, reason="Étape.",
            report=evaluated.m3,
        )  # fmt: skip
    count = LabelDecision.objects.count()
    response = decide(client, evaluated, action, report=str(evaluated.m3.pk))
    assert response.status_code == 400
    error = soup(response).select_one("#id_action_error").get_text(strip=True)
    assert error.startswith("Cette décision n'est pas possible pour un label")
    assert LabelDecision.objects.count() == count


def test_an_unknown_decision_and_a_future_date_are_refused(client, evaluated, head):
    page = soup(decide(client, evaluated, "promote", report=str(evaluated.m3.pk)))
    assert page.select_one("#id_action_error")
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    page = soup(
        decide(client, evaluated, "grant", report=str(evaluated.m3.pk), decided_on=tomorrow)
    )
    assert "dans le futur" in page.select_one("#id_decided_on_error").get_text()
    page = soup(decide(client, evaluated, "grant", decided_on="31/02/2027"))
    assert "date valide" in page.select_one("#id_decided_on_error").get_text()
    assert not LabelDecision.objects.exists()


def test_a_decision_may_be_dated_in_the_past(client, evaluated, head):
    day = timezone.localdate() - datetime.timedelta(days=10)
    decide(client, evaluated, "grant", report=str(evaluated.m3.pk), decided_on=day.isoformat())
    assert LabelDecision.objects.get().decided_on == day


def test_only_the_head_of_network_decides(client, evaluated):
    others = [
        UserFactory(ansa=True),
        evaluated.expert,
        evaluated.referent,
        evaluated_structure(name="Autre").expert,
    ]
    for user in others:
        client.force_login(user)
        assert client.get(url(evaluated)).status_code == 403, user
        assert decide(client, evaluated, "grant", report=str(evaluated.m3.pk)).status_code == 403
        with pytest.raises(PermissionDenied):
            services.label_decide(
                actor=user, structure=evaluated.swarmed.structure, action="grant",
                reason="Fidèle.", report=evaluated.m3,
            )  # fmt: skip
    assert not LabelDecision.objects.exists()
    client.logout()
    assert client.get(url(evaluated)).status_code == 302


def test_an_unknown_structure_is_404_for_the_head_of_network(client, head):
    assert client.get(reverse("evaluation:label_decide", args=[999999])).status_code == 404


def test_the_decision_page_s_queries_stay_the_same_with_more_decisions(client, evaluated, head):
    before = count_queries(client, url(evaluated))
    structure = evaluated.swarmed.structure
    services.label_decide(
        actor=head, structure=structure, action="grant", reason="Oui.", report=evaluated.m3
    )
    for action in ["suspend", "reinstate"] * 5:
        services.label_decide(actor=head, structure=structure, action=action, reason="Revu.")
    from tests.evaluation.factories import filled_report

    filled_report(evaluated.reports["m9"], actor=evaluated.referent, accepted=True)
    assert count_queries(client, url(evaluated)) == before
