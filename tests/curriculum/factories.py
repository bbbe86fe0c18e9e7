import factory

from curriculum.enums import Axis, ImpactLevel
from curriculum.models import ActionSheetPage, FrameworkPage, Principle
from tests.cms_pages.factories import PageFactory


class PrincipleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Principle
        django_get_or_create = ("letter",)

    letter = "A"
    title = "« Aller vers » les entreprises"
    summary = "Les chargés de relation entreprises vont au-devant des employeurs."
    strategic_impact = ImpactLevel.STRONG
    operational_impact = ImpactLevel.WEAK


class FrameworkPageFactory(PageFactory):
    class Meta:
        model = FrameworkPage

    title = "Repères et outils pour créer des opportunités d'emploi"
    slug = "referentiel"


class ActionSheetPageFactory(PageFactory):
    class Meta:
        model = ActionSheetPage

    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Fiche numéro {n + 1}")
    axis = Axis.JOB_SEEKER
    summary = "Résumé public de la fiche."
    content = factory.LazyFunction(
        lambda: [
            {"type": "objectives", "value": ["Objectif confidentiel de la fiche"]},
            {"type": "steps", "value": [{"title": "Étape secrète", "text": "Détail réservé."}]},
            {"type": "posture", "value": "<p>Posture réservée aux membres.</p>"},
            {"type": "indicators", "value": ["Indicateur réservé"]},
        ]
    )
