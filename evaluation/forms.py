"""Forms of the evaluation's reports, catalogue and milestone settings: field validation only.

The rules (what a value may be, what is required to submit, what a review needs) live in
`evaluation/checks.py` and `evaluation/services.py`: these forms carry what was typed, exactly,
so that a service's errors come back beside the fields and nothing typed is lost.
"""

from dataclasses import dataclass
from decimal import Decimal

from django import forms
from django.forms import BoundField
from django.utils import formats
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from evaluation.enums import DEFAULT_OFFSETS, FidelityLevel, Milestone, Unit
from evaluation.models import EvaluationSettings, Indicator, IndicatorValue
from evaluation.selectors import DEFAULT_REMIND_DAYS
from modules.forms_assignments import VersionedForm
from tutoring.qa.forms import MultipleFileField

YES, NO = "yes", "no"

#: What follows a number in its field and in a table (none for a plain count).
UNIT_SUFFIX = {
    Unit.RATE: "%",
    Unit.DAYS: gettext_lazy("jours"),
}

FILES_HELP = gettext_lazy(
    "Comptes rendus, tableaux de suivi, photos d'un café-rencontre… Jusqu'à 5 fichiers à la "
    "fois : PDF, document bureautique ou image PNG ou JPEG. Choisissez-les de nouveau si le "
    "formulaire signale une erreur."
)


# --- Values as shown and as typed ------------------------------------------------------------


def number_text(number: Decimal) -> str:
    """« 12 » or « 12,5 » in French: how a saved number reads, and how it is typed again."""
    return formats.number_format(Decimal(f"{number.normalize():f}"), use_l10n=True)


def value_display(value: IndicatorValue | None, unit: str) -> str:
    """A saved value as a reader sees it: « Oui », « 12,5 % », « 45 jours »; empty if none."""
    if value is None or value.is_empty:
        return ""
    if value.boolean is not None:
        return _("Oui") if value.boolean else _("Non")
    if value.number is not None:
        suffix = UNIT_SUFFIX.get(unit)
        text = number_text(value.number)
        return f"{text} {suffix}" if suffix else text
    return value.text


def value_typed(value: IndicatorValue | None) -> str:
    """A saved value as its field shows it again (the form of `checks.parse_value`)."""
    if value is None or value.is_empty:
        return ""
    if value.boolean is not None:
        return YES if value.boolean else NO
    if value.number is not None:
        return number_text(value.number)
    return value.text


def _described_by(field: BoundField, *extra: str) -> str:
    ids = [name for name in extra if name]
    if field.help_text:
        ids.append(f"{field.auto_id}_helptext")
    if field.errors:
        ids.append(f"{field.auto_id}_error")
    return " ".join(ids)


def _widget(field: BoundField, described_by: str) -> SafeString:
    attrs = {"aria-describedby": described_by} if described_by else {}
    if field.errors:
        attrs["aria-invalid"] = "true"
    return field.as_widget(attrs=attrs)


# --- The report ------------------------------------------------------------------------------


@dataclass
class ReportContent:
    """What a report's form is made of, loaded once by the view (constant queries)."""

    indicators: list
    principles: list
    #: {principle id: {level: descriptor text}}
    descriptors: dict
    #: {indicator code: IndicatorValue} of the latest earlier milestone.
    previous: dict
    #: {indicator id: IndicatorValue} already saved in this report.
    saved: dict
    #: {principle id: FidelityRating} already saved in this report.
    ratings: dict


@dataclass
class IndicatorRow:
    indicator: object
    field: BoundField
    suffix: str
    previous: str
    previous_milestone: str
    described_by: str
    widget: SafeString
    is_choice: bool
    is_text: bool


@dataclass
class PrincipleRow:
    principle: object
    level: BoundField
    comment: BoundField
    comment_widget: SafeString
    level_described_by: str


class ReportForm(VersionedForm):
    """Every indicator of the report's milestone, the two texts, fidelity A–D and evidence.

    Fields: `ind_<code>` for each indicator, `practice_changes`, `difficulties`,
    `fid_<letter>_level` and `fid_<letter>_comment` for each principle, `files`, `version`:
    the names the services key their errors by.
    """

    practice_changes = forms.CharField(
        label=gettext_lazy("Ce qui a changé dans la pratique de l'équipe"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=gettext_lazy(
            "Quelques lignes suffisent : une habitude nouvelle, un outil adopté, une façon "
            "différente d'aller vers les entreprises."
        ),
    )
    difficulties = forms.CharField(
        label=gettext_lazy("Difficultés rencontrées"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=gettext_lazy("Ce qui freine, ce qui vous manque, ce que vous aimeriez essayer."),
    )
    files = MultipleFileField(label=gettext_lazy("Pièces justificatives"), help_text=FILES_HELP)

    def __init__(self, *args, content: ReportContent, milestone_labels: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.content = content
        self.milestone_labels = milestone_labels
        fresh = not content.saved
        initial = {}
        for indicator in content.indicators:
            name = f"ind_{indicator.code}"
            self.fields[name] = self._indicator_field(indicator)
            saved = content.saved.get(indicator.pk)
            if saved is not None:
                initial[name] = value_typed(saved)
            elif fresh:
                # A report nobody has written in yet starts from the previous milestone's values.
                initial[name] = value_typed(content.previous.get(indicator.code))
        for principle in content.principles:
            levels = content.descriptors.get(principle.pk, {})
            self.fields[f"fid_{principle.letter}_level"] = forms.CharField(
                label=_("Principe %(letter)s — %(title)s")
                % {"letter": principle.letter, "title": principle.title},
                required=False,
                widget=forms.RadioSelect(
                    choices=[
                        (
                            str(level.value),
                            _("%(level)s — %(name)s : %(text)s")
                            % {
                                "level": level.value,
                                "name": level.label,
                                "text": levels.get(level.value, ""),
                            }
                            if levels.get(level.value)
                            else f"{level.value} — {level.label}",
                        )
                        for level in FidelityLevel
                    ]
                ),
            )
            self.fields[f"fid_{principle.letter}_comment"] = forms.CharField(
                label=_("Commentaire et éléments de preuve (principe %(letter)s)")
                % {"letter": principle.letter},
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
                help_text=_(
                    "Un exemple concret qui justifie le niveau choisi : une pratique, un chiffre, "
                    "un document joint."
                ),
            )
            rating = content.ratings.get(principle.pk)
            if rating is not None:
                initial[f"fid_{principle.letter}_level"] = (
                    str(rating.self_level) if rating.self_level else ""
                )
                initial[f"fid_{principle.letter}_comment"] = rating.self_comment
        self.initial = {**initial, **self.initial}

    @staticmethod
    def _indicator_field(indicator: Indicator) -> forms.Field:
        """The field as the unit asks; every value is checked by `checks.parse_value`."""
        common = {"label": indicator.label, "required": False, "help_text": indicator.definition}
        if indicator.unit == Unit.BOOLEAN:
            return forms.CharField(
                widget=forms.RadioSelect(choices=[(YES, _("Oui")), (NO, _("Non"))]), **common
            )
        if indicator.unit == Unit.TEXT:
            return forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), **common)
        mode = "decimal" if indicator.unit == Unit.RATE else "numeric"
        # A text input: « 12,5 » typed in French reaches the server as typed, and comes back
        # with its error rather than emptied by the browser.
        return forms.CharField(
            widget=forms.TextInput(attrs={"inputmode": mode, "autocomplete": "off", "size": 10}),
            **common,
        )

    # The service's input, from what was typed.

    def values(self) -> dict[str, str]:
        return {
            indicator.code: self.cleaned_data.get(f"ind_{indicator.code}", "")
            for indicator in self.content.indicators
        }

    def fidelity(self) -> dict[str, tuple[str, str]]:
        return {
            principle.letter: (
                self.cleaned_data.get(f"fid_{principle.letter}_level", ""),
                self.cleaned_data.get(f"fid_{principle.letter}_comment", ""),
            )
            for principle in self.content.principles
        }

    def typed_as_data(self) -> dict[str, str]:
        """The saved report as submitted data: to show a refusal's errors on the saved values."""
        data = {name: self.initial.get(name, "") for name in self.fields if name != "files"}
        return {key: "" if value is None else str(value) for key, value in data.items()}

    # What the template walks through, built once every error is known.

    def indicator_rows(self) -> list[IndicatorRow]:
        rows = []
        for indicator in self.content.indicators:
            field = self[f"ind_{indicator.code}"]
            previous = self.content.previous.get(indicator.code)
            suffix = UNIT_SUFFIX.get(indicator.unit, "")
            extra = []
            if suffix:
                extra.append(f"{field.auto_id}_unit")
            if previous is not None:
                extra.append(f"{field.auto_id}_previous")
            described_by = _described_by(field, *extra)
            is_choice = indicator.unit == Unit.BOOLEAN
            rows.append(
                IndicatorRow(
                    indicator=indicator,
                    field=field,
                    suffix=str(suffix),
                    previous=value_display(previous, indicator.unit),
                    previous_milestone=str(
                        self.milestone_labels.get(previous.report.milestone, "")
                        if previous is not None
                        else ""
                    ),
                    described_by=described_by,
                    widget=SafeString("") if is_choice else _widget(field, described_by),
                    is_choice=is_choice,
                    is_text=indicator.unit == Unit.TEXT,
                )
            )
        return rows

    def principle_rows(self) -> list[PrincipleRow]:
        rows = []
        for principle in self.content.principles:
            level = self[f"fid_{principle.letter}_level"]
            comment = self[f"fid_{principle.letter}_comment"]
            rows.append(
                PrincipleRow(
                    principle=principle,
                    level=level,
                    comment=comment,
                    comment_widget=_widget(comment, _described_by(comment)),
                    level_described_by=_described_by(level),
                )
            )
        return rows


class PhoneInterviewForm(ReportForm):
    """Ansa types the 3-month report from a phone interview, with whom and when it took place."""

    interview_note = forms.CharField(
        label=gettext_lazy("Avec qui, quand"),
        required=False,  # the service says what is missing, with the other errors at once
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=gettext_lazy(
            "Par exemple « Entretien avec la référente, Mme Durand, le 12 mars 2027 »."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["files"]
        self.order_fields(["interview_note"])

    def note_widget(self) -> SafeString:
        field = self["interview_note"]
        return _widget(field, _described_by(field))


class SubmitForm(VersionedForm):
    """« Transmettre » the report as the page showed it."""


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=gettext_lazy("Décision"),
        widget=forms.RadioSelect,
        choices=[
            ("accept", gettext_lazy("Accepter le bilan")),
            ("return", gettext_lazy("Le renvoyer à la structure pour compléments")),
        ],
        error_messages={"required": gettext_lazy("Choisissez d'accepter ou de renvoyer le bilan.")},
    )
    comment = forms.CharField(
        label=gettext_lazy("Commentaire à la structure"),
        required=False,  # required to send back: the service says so
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=gettext_lazy(
            "Obligatoire pour renvoyer le bilan : dites ce qu'il faut compléter ou corriger. "
            "La structure le lit dans l'historique du bilan."
        ),
    )


class SeasonFilterForm(forms.Form):
    saison = forms.ChoiceField(label=gettext_lazy("Saison"), required=False)

    def __init__(self, *args, seasons, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["saison"].choices = [("", _("Toutes les saisons"))] + [
            (season.slug, season.name) for season in seasons
        ]


# --- The catalogue and the milestones --------------------------------------------------------


class IndicatorForm(forms.Form):
    code = forms.SlugField(
        label=gettext_lazy("Code"),
        max_length=50,
        help_text=gettext_lazy(
            "Court, en minuscules, sans espace ni accent, par exemple « retours_emploi ». Il relie "
            "les valeurs d'une version du catalogue à l'autre."
        ),
        error_messages={
            "required": gettext_lazy("Donnez un code court, par exemple « retours_emploi »."),
            "invalid": gettext_lazy(
                "Lettres sans accent, chiffres, tirets et soulignés seulement."
            ),
        },
    )
    label = forms.CharField(
        label=gettext_lazy("Libellé"),
        max_length=200,
        error_messages={"required": gettext_lazy("Donnez le libellé de l'indicateur.")},
    )
    definition = forms.CharField(
        label=gettext_lazy("Définition"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy(
            "Ce que l'on compte, et comment : la structure la lit en remplissant."
        ),
    )
    unit = forms.ChoiceField(
        label=gettext_lazy("Unité"),
        choices=Unit.choices,
        error_messages={
            "required": gettext_lazy("Choisissez une unité de la liste."),
            "invalid_choice": gettext_lazy("Choisissez une unité de la liste."),
        },
    )
    milestones = forms.MultipleChoiceField(
        label=gettext_lazy("Jalons où il est demandé"),
        choices=Milestone.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,  # the service says at least one
    )
    required = forms.BooleanField(
        label=gettext_lazy("Obligatoire pour transmettre le bilan"), required=False
    )
    target = forms.DecimalField(
        label=gettext_lazy("Cible (facultatif)"),
        required=False,
        max_digits=12,
        decimal_places=2,
        localize=True,
        help_text=gettext_lazy("Pour un taux, entre 0 et 100."),
    )
    in_totals = forms.BooleanField(
        label=gettext_lazy("Compté dans les totaux du programme"), required=False
    )
    position = forms.IntegerField(
        label=gettext_lazy("Ordre dans le formulaire"),
        min_value=0,
        max_value=32767,
        initial=0,
        help_text=gettext_lazy("Les indicateurs se suivent du plus petit nombre au plus grand."),
        error_messages={"required": gettext_lazy("Donnez un nombre entier, 0 pour le premier.")},
    )

    @classmethod
    def initial_for(cls, indicator: Indicator) -> dict:
        return {name: getattr(indicator, name) for name in cls.base_fields}


class PublishForm(forms.Form):
    note = forms.CharField(
        label=gettext_lazy("Ce qui change dans cette version"),
        required=False,  # the service asks for it, with its own words
        max_length=300,
        help_text=gettext_lazy(
            "Une phrase, lue par tous ceux qui consultent le catalogue. Les bilans déjà commencés "
            "gardent la version à laquelle ils répondent."
        ),
    )


MONTHS_REQUIRED = {"required": gettext_lazy("Indiquez un nombre de mois.")}


class SettingsForm(forms.Form):
    appropriation_months = forms.IntegerField(
        label=gettext_lazy("Bilan d'appropriation, en mois après le début de la formation"),
        min_value=1,
        max_value=60,
        error_messages=MONTHS_REQUIRED,
    )
    implementation_months = forms.IntegerField(
        label=gettext_lazy("Bilan de mise en œuvre, en mois après le début de la formation"),
        min_value=1,
        max_value=60,
        error_messages=MONTHS_REQUIRED,
    )
    impact_months = forms.IntegerField(
        label=gettext_lazy("Bilan d'impact, en mois après le début de la formation"),
        min_value=1,
        max_value=60,
        error_messages=MONTHS_REQUIRED,
    )
    remind_days_before = forms.IntegerField(
        label=gettext_lazy("Rappel envoyé avant l'échéance, en jours"),
        min_value=0,
        max_value=90,
        error_messages={
            "required": gettext_lazy("Indiquez un nombre de jours, 0 pour aucun rappel.")
        },
        help_text=gettext_lazy(
            "Le référent ou la référente reçoit un rappel ce nombre de jours avant l'échéance, "
            "puis chaque semaine en cas de retard, avec son expert·e en copie."
        ),
    )

    @classmethod
    def initial_for(cls, settings: EvaluationSettings | None) -> dict:
        if settings is None:
            return {
                "appropriation_months": DEFAULT_OFFSETS[Milestone.APPROPRIATION],
                "implementation_months": DEFAULT_OFFSETS[Milestone.IMPLEMENTATION],
                "impact_months": DEFAULT_OFFSETS[Milestone.IMPACT],
                "remind_days_before": DEFAULT_REMIND_DAYS,
            }
        return {name: getattr(settings, name) for name in cls.base_fields}
