"""Forms of the guide's editorial side: field validation only, the rules live in the services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from curriculum.enums import Axis
from modules.forms_assignments import MARKDOWN_HELP, VersionedForm
from portal.roles import Role, people_with_role
from tutoring.enums import EntryKind, EntryStatus, TerritoryKind
from tutoring.guide.models import (
    AnonymisationFlag,
    GuideComment,
    GuideEdition,
    GuideEntry,
    GuideEntryRevision,
    OutdatedReport,
)
from tutoring.qa.forms import SheetChoiceField, sheet_queryset

TITLE_MAX = GuideEntry._meta.get_field("title").max_length
BODY_MAX = GuideEntry._meta.get_field("body").max_length
TEXT_MAX = 500


def _sheet_field(**kwargs) -> SheetChoiceField:
    return SheetChoiceField(
        label=_("Fiches-actions de l'entrée"),
        queryset=sheet_queryset(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "La première, par numéro, est le chapitre où l'entrée paraît ; elle est citée "
            "dans les autres."
        ),
        error_messages={"required": _("Rattachez l'entrée à au moins une fiche-action.")},
        **kwargs,
    )


class SheetsByAxisMixin:
    """The sheet checkboxes grouped by axis, one fieldset each (`form.sheet_groups`)."""

    def sheet_groups(self) -> list[dict]:
        axes = {sheet.pk: sheet.axis for sheet in self.fields["sheets"].queryset}
        groups = []
        for value, label in Axis.choices:
            choices = [
                choice for choice in self["sheets"] if axes.get(choice.data["value"].value) == value
            ]
            if choices:
                groups.append({"axis": value, "label": label, "choices": choices})
        return groups


def _kind_field() -> forms.ChoiceField:
    return forms.ChoiceField(
        label=_("Type d'entrée"),
        choices=EntryKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choisissez le type de l'entrée.")},
    )


def _territory_field() -> forms.ChoiceField:
    return forms.ChoiceField(
        label=_("Type de territoire d'origine (facultatif)"),
        choices=[("", _("Non précisé")), *TerritoryKind.choices],
        required=False,
        help_text=_("Assez pour situer l'expérience, jamais assez pour retrouver le territoire."),
    )


class EntryFilterForm(forms.Form):
    etat = forms.ChoiceField(
        label=_("État"), required=False, choices=[("", _("Tous les états")), *EntryStatus.choices]
    )
    fiche = forms.TypedChoiceField(
        label=_("Fiche-action"), coerce=int, required=False, empty_value=None
    )
    type = forms.ChoiceField(
        label=_("Type d'entrée"),
        required=False,
        choices=[("", _("Tous les types")), *EntryKind.choices],
    )
    miennes = forms.BooleanField(label=_("Seulement les entrées dont je suis responsable"),
                                 required=False)  # fmt: skip
    donnees = forms.BooleanField(label=_("Avec des données à anonymiser non traitées"),
                                 required=False)  # fmt: skip
    depassees = forms.BooleanField(label=_("Signalées comme dépassées (non traitées)"),
                                   required=False)  # fmt: skip
    q = forms.CharField(label=_("Mots du titre ou du texte"), required=False, max_length=200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["fiche"].choices = [("", _("Toutes les fiches"))] + [
            (
                sheet.pk,
                _("Fiche %(number)s — %(title)s") % {"number": sheet.number, "title": sheet.title},
            )
            for sheet in sheet_queryset()
        ]


class PromoteForm(SheetsByAxisMixin, forms.Form):
    related = forms.TypedMultipleChoiceField(
        label=_("Questions proches à reprendre aussi"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leur réponse acceptée s'ajoute au texte de départ et à la provenance."),
    )
    kind = _kind_field()
    title = forms.CharField(
        label=_("Titre de l'entrée"),
        max_length=TITLE_MAX,
        error_messages={"required": _("Donnez un titre à l'entrée.")},
    )
    sheets = _sheet_field()
    territory_kind = _territory_field()

    def __init__(self, *args, related=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sheets"].queryset = sheet_queryset()
        self.fields["related"].choices = [(question.pk, question.title) for question in related]


class EntryEditForm(SheetsByAxisMixin, VersionedForm):
    kind = _kind_field()
    title = forms.CharField(
        label=_("Titre de l'entrée"),
        max_length=TITLE_MAX,
        error_messages={"required": _("Donnez un titre à l'entrée.")},
    )
    body = forms.CharField(
        label=_("Texte de l'entrée"),
        max_length=BODY_MAX,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 20}),
        help_text=MARKDOWN_HELP,
        error_messages={"required": _("Écrivez le texte de l'entrée.")},
    )
    sheets = _sheet_field()
    territory_kind = _territory_field()
    note = forms.CharField(
        label=_("Note de version (facultatif)"),
        max_length=GuideEntryRevision._meta.get_field("note").max_length,
        required=False,
        help_text=_("Ce qui change, en quelques mots : la relecture la lira dans l'historique."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sheets"].queryset = sheet_queryset()

    @staticmethod
    def initial_for(entry: GuideEntry) -> dict:
        return {
            "kind": entry.kind,
            "title": entry.title,
            "body": entry.body,
            "sheets": [sheet.pk for sheet in entry.sheets.all()],
            "territory_kind": entry.territory_kind,
            "version": entry.version,
        }


class FlagMaskForm(forms.Form):
    replacement = forms.CharField(
        label=_("Remplacer par"),
        max_length=AnonymisationFlag._meta.get_field("replacement").max_length,
        required=False,
    )


class FlagKeepForm(forms.Form):
    reason = forms.CharField(
        label=_("Pourquoi le conserver ?"),
        max_length=AnonymisationFlag._meta.get_field("reason").max_length,
        error_messages={"required": _("Dites pourquoi ce passage peut rester tel quel.")},
        help_text=_("Par exemple : nom d'un dispositif public, pas d'une personne."),
    )


class TransitionForm(forms.Form):
    """One step of the editorial table; some need a few words of explanation."""

    text = forms.CharField(
        label=_("Pourquoi ?"),
        max_length=TEXT_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, needs_text: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if needs_text:
            self.fields["text"].required = True
            self.fields["text"].error_messages["required"] = _(
                "Expliquez pourquoi en quelques mots."
            )
        else:
            del self.fields["text"]


class OwnerForm(forms.Form):
    owner = forms.ModelChoiceField(
        label=_("Nouvelle ou nouveau responsable"),
        queryset=None,
        error_messages={
            "required": _("Choisissez une personne de l'équipe Ansa ou d'A.CO.R."),
            "invalid_choice": _("Choisissez une personne de l'équipe Ansa ou d'A.CO.R."),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = people_with_role(
            Role.ANSA, Role.EXPERT, Role.HEAD_OF_NETWORK
        ).order_by("last_name", "first_name", "pk")
        self.fields["owner"].label_from_instance = lambda user: user.get_full_name() or user.email


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Votre commentaire"),
        max_length=GuideComment._meta.get_field("body").max_length,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=MARKDOWN_HELP,
        error_messages={"required": _("Écrivez votre commentaire.")},
    )


class OutdatedReportForm(forms.Form):
    reason = forms.CharField(
        label=_("Qu'est-ce qui n'est plus juste ?"),
        max_length=OutdatedReport._meta.get_field("reason").max_length,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Décrivez ce qui a changé sur le terrain ou dans le cadre ; l'équipe éditoriale "
            "vous répondra."
        ),
        error_messages={"required": _("Dites ce qui n'est plus juste dans cette entrée.")},
    )


class OutdatedCloseForm(forms.Form):
    response = forms.CharField(
        label=_("Suite donnée"),
        max_length=OutdatedReport._meta.get_field("response").max_length,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("La personne qui a signalé l'entrée la lira."),
        error_messages={"required": _("Dites la suite donnée au signalement.")},
    )


class EditionCreateForm(forms.Form):
    season = forms.ModelChoiceField(
        label=_("Saison"),
        queryset=None,
        error_messages={
            "required": _("Choisissez la saison de l'édition."),
            "invalid_choice": _("Choisissez une saison qui n'a pas encore d'édition."),
        },
    )
    name = forms.CharField(
        label=_("Nom de l'édition"),
        max_length=GuideEdition._meta.get_field("name").max_length,
        help_text=_("Par exemple « Édition 2027 » ; il sert aussi à l'adresse de l'édition."),
        error_messages={"required": _("Nommez l'édition, par exemple « Édition 2027 ».")},
    )
    note = forms.CharField(
        label=_("Mot de l'édition (facultatif)"),
        max_length=GuideEdition._meta.get_field("note").max_length,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=MARKDOWN_HELP,
    )

    def __init__(self, *args, seasons, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["season"].queryset = seasons


class EditionNoteForm(VersionedForm):
    note = forms.CharField(
        label=_("Mot de l'édition"),
        max_length=GuideEdition._meta.get_field("note").max_length,
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=MARKDOWN_HELP,
    )


class PublishForm(VersionedForm):
    """« Publier l'édition »: what is published is what the preview showed."""


class StatsFilterForm(forms.Form):
    saison = forms.ChoiceField(label=_("Saison"), required=False)

    def __init__(self, *args, seasons, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["saison"].choices = [("", _("Toutes les saisons"))] + [
            (season.slug, season.name) for season in seasons
        ]
