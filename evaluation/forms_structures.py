"""Forms of one structure's evaluation: the expert's counter-rating and the label decision.

Field validation only: which decision is possible, what a grant needs and who may act are the
services' rules (`evaluation.services`); their errors come back beside these fields.
"""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from evaluation.enums import FidelityLevel, LabelAction
from evaluation.services import COMMENT_MAX

LEVEL_REQUIRED = _("Choisissez un niveau de l'échelle.")


class CounterRatingForm(forms.Form):
    """One level (1–4, each with its descriptor) and one comment per principle of the report.

    Fields are named as the service reports its errors: `exp_<letter>_level`,
    `exp_<letter>_comment`.
    """

    def __init__(self, *args, ratings, descriptors, **kwargs):
        """`ratings`: the report's `FidelityRating`s (with their principle); `descriptors`:
        {(letter, level): text}."""
        super().__init__(*args, **kwargs)
        self.rows = []
        for rating in ratings:
            letter = rating.principle.letter
            level_name, comment_name = f"exp_{letter}_level", f"exp_{letter}_comment"
            self.fields[level_name] = forms.TypedChoiceField(
                label=_("Votre niveau pour le principe %(letter)s") % {"letter": letter},
                choices=[
                    (
                        level.value,
                        _("%(level)s · %(name)s — %(text)s")
                        % {
                            "level": level.value,
                            "name": level.label,
                            "text": descriptors.get((letter, level.value), ""),
                        },
                    )
                    for level in FidelityLevel
                ],
                coerce=int,
                widget=forms.RadioSelect,
                initial=rating.expert_level,
                error_messages={"required": LEVEL_REQUIRED, "invalid_choice": LEVEL_REQUIRED},
            )
            self.fields[comment_name] = forms.CharField(
                label=_("Votre commentaire sur le principe %(letter)s") % {"letter": letter},
                required=False,
                max_length=COMMENT_MAX,
                initial=rating.expert_comment,
                widget=forms.Textarea(attrs={"rows": 3}),
                help_text=_("Ce que vous avez observé ; 2 000 caractères au plus."),
                error_messages={"max_length": _("2 000 caractères au plus.")},
            )
            self.rows.append(
                {"rating": rating, "level": self[level_name], "comment": self[comment_name]}
            )

    def ratings(self) -> dict[str, tuple]:
        """What the service takes: {letter: (level, comment)}."""
        return {
            row["rating"].principle.letter: (
                self.cleaned_data.get(row["level"].name),
                self.cleaned_data.get(row["comment"].name, ""),
            )
            for row in self.rows
        }


class ActionField(forms.ChoiceField):
    """Offers the decisions possible now; accepts any decision so that the service, which holds
    the label's transitions, says in its own words why an impossible one is refused."""

    def valid_value(self, value) -> bool:
        return value in LabelAction.values


class ReasonField(forms.CharField):
    """Shown as required; an empty reason is refused by the service, together with whatever else
    the decision lacks (the report of a grant), so that every error shows at once."""

    def validate(self, value) -> None:
        return None


class LabelDecisionForm(forms.Form):
    action = ActionField(
        label=_("Décision"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Choisissez une décision.")},
    )
    decided_on = forms.DateField(
        label=_("Date de la décision"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Aujourd'hui ou une date passée, par exemple 12/03/2027."),
        error_messages={
            "required": _("Donnez la date de la décision."),
            "invalid": _("Saisissez une date valide, par exemple 12/03/2027."),
        },
    )
    reason = ReasonField(
        label=_("Motivation"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=3000,
        help_text=_(
            "Ce qui fonde la décision : ce que montrent les bilans, l'avis de l'expert·e, les "
            "échanges avec la structure. 3 000 caractères au plus."
        ),
        error_messages={"max_length": _("3 000 caractères au plus.")},
    )
    report = forms.TypedChoiceField(
        label=_("Bilan de fidélité sur lequel la décision s'appuie"),
        coerce=int,
        required=False,
        empty_value=None,
        widget=forms.RadioSelect,
        help_text=_("Nécessaire pour accorder le label : un bilan transmis ou accepté, évalué."),
        error_messages={"invalid_choice": _("Choisissez un bilan de la liste.")},
    )

    def __init__(self, *args, actions, reports, **kwargs):
        """`actions`: the decisions possible now, as `LabelAction`s; `reports`: [(pk, label)]."""
        super().__init__(*args, **kwargs)
        self.fields["action"].choices = [(action.value, action.label) for action in actions]
        if len(actions) == 1:
            self.fields["action"].initial = actions[0].value
        self.fields["report"].choices = reports
        self.fields["decided_on"].initial = timezone.localdate()
