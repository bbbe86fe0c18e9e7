"""A swarmed structure ready for its evaluation page, shared by the structure and label tests.

`evaluated_structure()` a structure of a season in training, with its referent, its paired
expert, the four principles, a published catalogue and its three scheduled reports, the 3-month
one filled (self-rating 3 everywhere) and submitted (`accepted=True`: then accepted by Ansa).
"""

from dataclasses import dataclass

from evaluation import services
from evaluation.models import MilestoneReport
from modules.models import SwarmedStructure
from portal.models import User
from tests.evaluation.factories import (
    ansa,
    filled_report,
    principles,
    published_catalogue,
    scheduled_reports,
)
from tests.modules.factories import SwarmedStructureFactory
from tests.portal.factories import UserFactory
from tests.tutoring.factories import PairingFactory, referent_of


@dataclass
class Evaluated:
    swarmed: SwarmedStructure
    referent: User
    expert: User
    reports: dict[str, MilestoneReport]

    @property
    def m3(self) -> MilestoneReport:
        return MilestoneReport.objects.get(pk=self.reports["m3"].pk)


def evaluated_structure(
    *, accepted: bool = False, name: str | None = None, **structure
) -> Evaluated:
    principles()
    if services.current_catalogue() is None:
        published_catalogue()
    extra = {"structure__name": name} if name else {}
    extra.update({f"structure__{key}": value for key, value in structure.items()})
    swarmed = SwarmedStructureFactory(**extra)
    referent = referent_of(swarmed)
    pairing = PairingFactory(swarmed_structure=swarmed)
    reports = scheduled_reports(swarmed)
    ansa()
    reports["m3"] = filled_report(reports["m3"], actor=referent, accepted=accepted)
    return Evaluated(swarmed=swarmed, referent=referent, expert=pairing.expert, reports=reports)


def head_of_network() -> User:
    return UserFactory(head_of_network=True)


def counter_rate(evaluated: Evaluated, levels: dict[str, int], *, report=None) -> None:
    """The expert counter-rates the report (the 3-month one by default)."""
    report = report or evaluated.m3
    services.fidelity_counter_rate(
        actor=evaluated.expert,
        report=report,
        ratings={
            letter: (str(level), f"Vu sur place ({letter})") for letter, level in levels.items()
        },
    )
