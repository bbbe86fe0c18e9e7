"""Forms of Ansa's and A.CO.R's pages: field validation only, the rules live in the services.

Field names match the keys of the services' ValidationError dicts, so an error raised by a
service lands next to its field.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from candidacy.criteria import Criterion
from candidacy.models import CandidacyState, Decision, Opinion, Recommendation, Review
from candidacy.selectors import PrecheckOutcome

SCORE_ERROR = _("La note va de 0 à 3.")
#: The order of the list: keys understood by `selectors.staff_candidacies`.
SORTS = (
    ("-submitted", _("Date de dépôt, la plus récente d'abord")),
    ("submitted", _("Date de dépôt, la plus ancienne d'abord")),
    ("structure", _("Structure, de A à Z")),
    ("departement", _("Département")),
    ("state", _("État")),
)
DEFAULT_SORT = "-submitted"


def _textarea(rows: int = 4) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


class StaffFilterForm(forms.Form):
    """The list's filters (GET): every field optional; invalid values are left out."""

    season = forms.ChoiceField(label=_("Saison"), required=False)
    state = forms.ChoiceField(
        label=_("État"),
        required=False,
        choices=[
            ("", _("Tous les états")),
            *((value, label) for value, label in CandidacyState.choices if value != "draft"),
        ],
    )
    hypothesis = forms.ChoiceField(
        label=_("Hypothèse"),
        required=False,
        choices=[("", _("Les deux hypothèses")), ("A", _("Hypothèse A")), ("B", _("Hypothèse B"))],
    )
    departement = forms.ChoiceField(label=_("Département"), required=False)
    precheck = forms.ChoiceField(
        label=_("Pré-contrôle"),
        required=False,
        choices=[("", _("Tous les résultats")), *PrecheckOutcome.choices],
        help_text=_(
            "Complet : toutes les règles vérifiables sont remplies, restent les réponses "
            "rédigées à lire."
        ),
    )
    sort = forms.ChoiceField(label=_("Trier par"), required=False, choices=SORTS)

    def __init__(self, *args, seasons, departements: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["season"].choices = [(season.slug, season.name) for season in seasons]
        self.fields["departement"].choices = [
            ("", _("Tous les départements")),
            *((code, code) for code in departements),
        ]

    def filters(self) -> dict:
        """The valid filters (call after `is_valid()`), with the default order."""
        data = getattr(self, "cleaned_data", {})
        return {
            "state": data.get("state") or "",
            "hypothesis": data.get("hypothesis") or "",
            "departement": data.get("departement") or "",
            "precheck": data.get("precheck") or "",
            "sort": data.get("sort") or DEFAULT_SORT,
        }


class ReviewForm(forms.Form):
    """An Ansa reviewer's assessment: a score and a comment per criterion, then a verdict."""

    recommendation = forms.ChoiceField(
        label=_("Recommandation"),
        choices=[("", _("Choisissez…")), *Recommendation.choices],
        error_messages={"required": _("Choisissez une recommandation.")},
    )
    comment = forms.CharField(
        label=_("Avis d'ensemble"),
        max_length=5000,
        widget=_textarea(6),
        error_messages={"required": _("Rédigez un avis d'ensemble.")},
        help_text=_("Jamais montré à la structure candidate."),
    )

    def __init__(self, *args, criteria: tuple[Criterion, ...], **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        # The criteria first, in the brief's order, then the verdict.
        fields = {}
        for criterion in criteria:
            fields[f"score_{criterion.code}"] = forms.IntegerField(
                label=_("Note du critère %(code)s, de 0 à 3") % {"code": criterion.code},
                required=False,
                min_value=0,
                max_value=3,
                help_text=_("0 : absent · 1 : insuffisant · 2 : satisfaisant · 3 : solide"),
                error_messages={
                    "invalid": SCORE_ERROR,
                    "min_value": SCORE_ERROR,
                    "max_value": SCORE_ERROR,
                },
                widget=forms.NumberInput(attrs={"inputmode": "numeric", "step": 1}),
            )
            fields[f"comment_{criterion.code}"] = forms.CharField(
                label=_("Commentaire sur le critère %(code)s") % {"code": criterion.code},
                required=False,
                max_length=2000,
                widget=_textarea(3),
            )
        self.fields = {**fields, **self.fields}

    @classmethod
    def initial_from(cls, review: Review | None) -> dict:
        if review is None:
            return {}
        initial = {"recommendation": review.recommendation, "comment": review.comment}
        for code, entry in review.scores.items():
            initial[f"score_{code}"] = entry.get("score")
            initial[f"comment_{code}"] = entry.get("comment", "")
        return initial

    def criterion_fields(self) -> list[tuple[Criterion, forms.BoundField, forms.BoundField]]:
        return [
            (criterion, self[f"score_{criterion.code}"], self[f"comment_{criterion.code}"])
            for criterion in self.criteria
        ]

    def clean(self):
        cleaned_data = super().clean()
        for criterion in self.criteria:
            score_name = f"score_{criterion.code}"
            if (
                cleaned_data.get(f"comment_{criterion.code}", "").strip()
                and cleaned_data.get(score_name) is None
                and score_name not in self.errors
            ):
                self.add_error(score_name, _("Notez ce critère pour garder votre commentaire."))
        return cleaned_data

    def scores(self) -> dict:
        """{code: {"score", "comment"}} as `services.review_save` takes it."""
        return {
            criterion.code: {
                "score": self.cleaned_data.get(f"score_{criterion.code}"),
                "comment": self.cleaned_data.get(f"comment_{criterion.code}", ""),
            }
            for criterion in self.criteria
        }


class OpinionForm(forms.Form):
    opinion = forms.ChoiceField(
        label=_("Avis d'A.CO.R"),
        choices=[("", _("Choisissez…")), *Opinion.choices],
        error_messages={"required": _("Choisissez un avis.")},
    )
    comment = forms.CharField(
        label=_("Motivation de l'avis"),
        max_length=5000,
        widget=_textarea(6),
        error_messages={"required": _("Motivez l'avis en quelques lignes.")},
        help_text=_("Lu par Ansa ; jamais montré à la structure candidate."),
    )


class RequestInfoForm(forms.Form):
    message = forms.CharField(
        label=_("Question posée au territoire"),
        max_length=4000,
        widget=_textarea(5),
        error_messages={"required": _("Écrivez la question posée au territoire.")},
        help_text=_(
            "La structure la reçoit telle quelle ; elle pourra compléter son dossier puis le "
            "renvoyer avec sa réponse."
        ),
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Décision"),
        required=False,
        choices=[("", _("Pas encore de décision")), *Decision.choices],
    )
    reason = forms.CharField(
        label=_("Motif communiqué au territoire"),
        required=False,
        max_length=2000,
        widget=_textarea(4),
        help_text=_(
            "Obligatoire si la candidature n'est pas retenue : il figure tel quel dans le "
            "message envoyé."
        ),
    )

    def clean(self):
        cleaned_data = super().clean()
        if (
            cleaned_data.get("decision") == Decision.NOT_SELECTED
            and not (cleaned_data.get("reason") or "").strip()
        ):
            self.add_error("reason", _("Indiquez le motif communiqué au territoire."))
        return cleaned_data


class NotifyForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("J'ai relu les messages qui vont être envoyés"),
        error_messages={"required": _("Cochez cette case pour confirmer votre relecture.")},
    )
