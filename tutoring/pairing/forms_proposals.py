"""Forms of the season's pairing: field validation only, the rules live in the services."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from tutoring.profiles.forms import CONFLICT_REASON_REQUIRED, REASON_MAX
from tutoring.profiles.selectors import tutors

OVERRIDE_REASON_REQUIRED = _("Indiquez pourquoi vous modifiez ce binôme : la décision sera tracée.")


def load_label(load: int, capacity: int) -> str:
    """« 2 binômes en cours sur 3 »."""
    return ngettext(
        "%(load)s binôme en cours sur %(capacity)s",
        "%(load)s binômes en cours sur %(capacity)s",
        load,
    ) % {"load": load, "capacity": capacity}


class ExpertChoiceField(forms.ModelChoiceField):
    """The experts with their load, and a word when a conflict keeps them from this structure."""

    def __init__(self, *args, loads=None, conflicted=frozenset(), **kwargs):
        self.loads = loads or {}
        self.conflicted = conflicted
        super().__init__(*args, **kwargs)

    def label_from_instance(self, expert) -> str:
        profile = getattr(expert, "expert_profile", None)
        capacity = profile.capacity if profile else 0
        label = f"{expert} — {load_label(self.loads.get(expert.pk, 0), capacity)}"
        if expert.pk in self.conflicted:
            label += " " + str(_("(conflit d'intérêts déclaré)"))
        return label


class SeasonConflictForm(forms.Form):
    """Ansa declares a conflict between an expert and one of the season's structures."""

    expert = forms.ModelChoiceField(
        label=_("Expert·e"),
        queryset=tutors(),
        empty_label=_("— Choisissez un·e expert·e —"),
        error_messages={"required": _("Choisissez l'expert·e concerné·e.")},
    )
    structure = forms.ModelChoiceField(
        label=_("Structure"),
        queryset=None,
        empty_label=_("— Choisissez une structure —"),
        error_messages={"required": _("Choisissez la structure concernée.")},
    )
    reason = forms.CharField(
        label=_("Motif"),
        max_length=REASON_MAX,
        error_messages={"required": CONFLICT_REASON_REQUIRED},
        help_text=_("Par exemple : ancien employeur, lien familial, différend."),
    )

    def __init__(self, *args, structures, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["structure"].queryset = structures


class OverrideForm(forms.Form):
    expert = ExpertChoiceField(
        label=_("Expert·e"),
        queryset=tutors(),
        empty_label=_("— Choisissez un·e expert·e —"),
        error_messages={
            "required": _("Choisissez l'expert·e qui accompagnera cette structure."),
            "invalid_choice": _("Cette personne n'est pas expert·e A.CO.R."),
        },
        help_text=_(
            "Après chaque nom : les binômes que la personne suit déjà (toutes saisons) et sa "
            "capacité. Dépasser la capacité est possible, vous en serez averti·e."
        ),
    )
    reason = forms.CharField(
        label=_("Motif de la modification"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": OVERRIDE_REASON_REQUIRED},
        help_text=_("Obligatoire ; 300 caractères au plus. Il reste dans l'historique."),
    )

    def __init__(self, *args, loads, conflicted, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["expert"].loads = loads
        self.fields["expert"].conflicted = conflicted
