"""The dashboard's filters (GET), also read by the value exports: field validation only."""

from django import forms
from django.utils.translation import gettext_lazy as _

from candidacy.criteria import Hypothesis
from evaluation.exports import Filters
from modules.models import Season


class DashboardFilterForm(forms.Form):
    saison = forms.ChoiceField(
        label=_("Saison"),
        required=False,
        error_messages={
            "invalid_choice": _("Cette saison n'existe pas : choisissez-la dans la liste.")
        },
    )
    departement = forms.ChoiceField(
        label=_("Département"),
        required=False,
        error_messages={
            "invalid_choice": _("Aucune structure essaimée dans ce département : choisissez-en un "
                                "de la liste.")
        },
    )  # fmt: skip
    hypothese = forms.ChoiceField(
        label=_("Hypothèse"),
        required=False,
        choices=[("", _("Les deux hypothèses")), *Hypothesis.choices],
        error_messages={"invalid_choice": _("Choisissez l'hypothèse A ou B.")},
    )

    def __init__(self, *args, seasons: list[Season], departements: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self._seasons = {season.slug: season for season in seasons}
        self.fields["saison"].choices = [("", _("Toutes les saisons"))] + [
            (season.slug, season.name) for season in seasons
        ]
        self.fields["departement"].choices = [("", _("Tous les départements"))] + [
            (code, code) for code in departements
        ]

    def filters(self) -> Filters:
        """The chosen filters (after `is_valid()`; none when the form is unbound)."""
        data = getattr(self, "cleaned_data", {})
        return Filters(
            season=self._seasons.get(data.get("saison") or ""),
            departement=data.get("departement") or "",
            hypothesis=data.get("hypothese") or "",
        )
