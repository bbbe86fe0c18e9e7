"""Forms of the tutoring profiles: field validation only, the rules live in the services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from modules.forms_assignments import VersionedForm
from portal.models import Structure
from tutoring.enums import ExpertiseLevel, NeedPriority
from tutoring.models import ExpertAvailability, PairingConflict
from tutoring.profiles import services
from tutoring.profiles.selectors import by_axis

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class SheetScaleForm(VersionedForm):
    """One choice per action sheet (0–3), shown grouped by axis in fieldsets."""

    choices: list = []
    label_attribute = ""

    def __init__(self, *args, sheets, values: dict[int, int] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.sheets = sheets
        values = values or {}
        for sheet in sheets:
            name = services.sheet_field(sheet.pk)
            self.fields[name] = forms.TypedChoiceField(
                label=_("Fiche %(number)s — %(title)s")
                % {"number": sheet.number, "title": sheet.title},
                choices=self.choices,
                coerce=int,
                initial=values.get(sheet.pk, 0),
            )

    def sheet_values(self) -> dict[int, int]:
        return {
            sheet.pk: self.cleaned_data[services.sheet_field(sheet.pk)] for sheet in self.sheets
        }

    def sheet_groups(self):
        """The sheets' bound fields grouped by axis (for the fieldsets and their legends)."""
        return by_axis(
            ((sheet, self[services.sheet_field(sheet.pk)]) for sheet in self.sheets),
            sheet_of=lambda pair: pair[0],
        )


class ExpertProfileForm(SheetScaleForm):
    choices = ExpertiseLevel.choices

    bio = forms.CharField(
        label=_("Présentation courte"),
        required=False,
        max_length=services.MAX_BIO,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Votre parcours et ce que vous aimez transmettre, en quelques lignes."),
    )
    capacity = forms.IntegerField(
        label=_("Nombre de référent·es suivi·es en même temps"),
        min_value=services.MIN_CAPACITY,
        max_value=services.MAX_CAPACITY,
        help_text=_("Entre 0 et 20. Ansa ne vous proposera pas au-delà."),
        error_messages={
            "required": _("Indiquez combien de référent·es vous pouvez suivre en même temps."),
            "invalid": _("Indiquez un nombre entier."),
            "min_value": _("Indiquez un nombre entre 0 et 20."),
            "max_value": _("Indiquez un nombre entre 0 et 20."),
        },
    )


class NeedsProfileForm(SheetScaleForm):
    choices = NeedPriority.choices

    problems = forms.CharField(
        label=_("Vos difficultés, dans vos mots"),
        required=False,
        max_length=services.MAX_PROBLEMS,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Ce qui vous freine aujourd'hui dans la mise en œuvre de la méthode. Repris au départ "
            "de votre candidature ; l'expert·e qui vous accompagne le lira."
        ),
    )


class AvailabilityForm(forms.Form):
    starts_on = forms.DateField(
        label=_("Du"),
        widget=DATE_WIDGET,
        error_messages={
            "required": _("Indiquez le premier jour de la période."),
            "invalid": _("Indiquez une date valide, par exemple 12/03/2027."),
        },
    )
    ends_on = forms.DateField(
        label=_("Au"),
        widget=DATE_WIDGET,
        error_messages={
            "required": _("Indiquez le dernier jour de la période."),
            "invalid": _("Indiquez une date valide, par exemple 12/03/2027."),
        },
    )
    note = forms.CharField(
        label=_("Précision"),
        required=False,
        max_length=ExpertAvailability._meta.get_field("note").max_length,
        help_text=_("Facultatif : par exemple « le mardi et le jeudi »."),
    )

    def clean(self):
        cleaned = super().clean()
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error(
                "ends_on", _("La période doit se terminer le jour où elle commence ou après.")
            )
        return cleaned


REASON_MAX = PairingConflict._meta.get_field("reason").max_length
CONFLICT_REASON_REQUIRED = _(
    "Indiquez le motif du conflit d'intérêts (ancien employeur, lien familial, différend…)."
)


class ConflictForm(forms.Form):
    """A conflict of interest between an expert (chosen or given) and a structure."""

    structure = forms.ModelChoiceField(
        label=_("Structure"),
        queryset=Structure.objects.none(),
        empty_label=_("— Choisissez une structure —"),
        error_messages={"required": _("Choisissez la structure concernée.")},
    )
    reason = forms.CharField(
        label=_("Motif"),
        max_length=REASON_MAX,
        error_messages={"required": CONFLICT_REASON_REQUIRED},
        help_text=_("Visible d'Ansa et de l'expert·e concerné·e."),
    )

    def __init__(self, *args, structures, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["structure"].queryset = structures
