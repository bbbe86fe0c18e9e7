"""Factories of the evaluation.

`published_catalogue()` a published catalogue of a few indicators (people supported, returns to
work, durable jobs, a rate, a yes/no « method_active », a text), `principles()` the four action
principles A–D with their fidelity descriptors, `scheduled_reports(swarmed)` the structure's three
reports as the nightly schedule makes them, `filled_report(report, actor=…, values={…})` saved and
submitted by the structure's referent, `(accepted=True)` then accepted by Ansa.
"""

from decimal import Decimal

from django.utils import timezone

from curriculum.models import Principle
from evaluation import services
from evaluation.enums import FidelityLevel, Milestone, Unit
from evaluation.models import CatalogueVersion, Indicator, MilestoneReport, PrincipleDescriptor
from portal.models import User
from tests.portal.factories import UserFactory
from tests.tutoring.factories import referent_of

ALL = [m.value for m in Milestone]

INDICATORS = [
    ("people_supported", "Personnes accompagnées", Unit.COUNT, ALL, True, True, None),
    ("returns_to_work", "Retours à l'emploi", Unit.COUNT, ALL, True, True, None),
    ("durable_jobs", "Emplois durables", Unit.COUNT, ["m9", "m18"], False, True, None),
    ("job_return_rate", "Taux de retour à l'emploi", Unit.RATE, ["m18"], False, False, 40),
    ("method_active", "La méthode est toujours appliquée", Unit.BOOLEAN, ALL, True, False, None),
    ("team_changes", "Changements dans l'équipe", Unit.TEXT, ["m3"], False, False, None),
]


def ansa() -> User:
    return User.objects.filter(groups__name="ansa").first() or UserFactory(ansa=True)


def published_catalogue(number: int | None = None) -> CatalogueVersion:
    number = number or (CatalogueVersion.objects.count() + 1)
    catalogue = CatalogueVersion.objects.create(
        number=number, published_at=timezone.now(), note="Catalogue de test"
    )
    for position, (code, label, unit, milestones, required, totals, target) in enumerate(
        INDICATORS
    ):
        Indicator.objects.create(
            catalogue=catalogue,
            code=code,
            label=label,
            unit=unit,
            milestones=milestones,
            required=required,
            in_totals=totals,
            target=Decimal(target) if target is not None else None,
            position=position,
        )
    return catalogue


def principles() -> list[Principle]:
    result = []
    for letter in "ABCD":
        principle, _created = Principle.objects.get_or_create(
            letter=letter,
            defaults={
                "title": f"Principe {letter}",
                "summary": "Résumé du principe.",
                "strategic_impact": "strong",
                "operational_impact": "strong",
            },
        )
        for level in FidelityLevel:
            PrincipleDescriptor.objects.get_or_create(
                principle=principle, level=level, defaults={"text": f"{letter} niveau {level}"}
            )
        result.append(principle)
    return result


def scheduled_reports(swarmed) -> dict[str, MilestoneReport]:
    services.reports_schedule(swarmed.season)
    return {report.milestone: report for report in swarmed.milestone_reports.all()}


def fidelity_answers(level: int = 3) -> dict[str, tuple]:
    return {letter: (str(level), f"Exemple pour {letter}") for letter in "ABCD"}


def filled_report(report, *, actor=None, values=None, accepted=False, level=3):
    """Saved and submitted by the referent (values as typed: {"people_supported": "12"})."""
    actor = actor or referent_of(report.swarmed_structure)
    base = {
        "people_supported": "20",
        "returns_to_work": "8",
        "durable_jobs": "5",
        "job_return_rate": "40",
        "method_active": "yes",
        "team_changes": "Un CRE recruté.",
    }
    report = services.report_save(
        actor=actor,
        report=report,
        version=report.version,
        values={**base, **(values or {})},
        fidelity=fidelity_answers(level),
        practice_changes="Les visites d'entreprise sont hebdomadaires.",
    )
    report = services.report_submit(actor=actor, report=report, version=report.version)
    if accepted:
        report = services.report_review(actor=ansa(), report=report, accept=True)
    return report
