"""Forms of the hotline: field validation only, the rules live in the services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from modules.forms_assignments import MARKDOWN_HELP
from tutoring.enums import Scope, TicketStatus
from tutoring.hotline.services import MAX_MESSAGE, MAX_SUBJECT
from tutoring.qa.forms import MultipleFileField, SheetChoiceField, sheet_queryset
from tutoring.qa.services import MAX_QUESTION, MAX_TITLE

#: Ansa reads the states from its side: « waiting » is the structure's turn, not Ansa's.
ANSA_STATUS_LABELS = {
    TicketStatus.OPEN: _("Ouverte, à traiter par l'équipe Ansa"),
    TicketStatus.WAITING: _("En attente de la structure"),
    TicketStatus.RESOLVED: _("Résolue"),
}
FILES_AGAIN = _(
    "Les fichiers ne sont pas conservés quand le formulaire contient une erreur : "
    "choisissez-les de nouveau."
)


def _not_blank(text: str, field: forms.Field) -> str:
    """Spaces alone are no message (the text keeps its own spacing, for Markdown)."""
    if not text.strip():
        raise forms.ValidationError(field.error_messages["required"], code="required")
    return text


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Votre message"),
        max_length=MAX_MESSAGE,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=MARKDOWN_HELP,
        strip=False,
        error_messages={"required": _("Écrivez votre message.")},
    )
    files = MultipleFileField()

    def clean_body(self) -> str:
        return _not_blank(self.cleaned_data["body"], self.fields["body"])

    def files_lost(self, uploaded: bool) -> None:
        """Tell the person to choose their files again, after any error (they are not kept)."""
        if uploaded and self.errors and FILES_AGAIN not in self.errors.get("files", []):
            self.add_error("files", FILES_AGAIN)


class TicketForm(MessageForm):
    swarmed = forms.TypedChoiceField(label=_("Au nom de la structure"), coerce=int)
    subject = forms.CharField(
        label=_("Objet de la demande"),
        max_length=MAX_SUBJECT,
        help_text=_(
            "Une phrase qui dit l'essentiel, par exemple « Accès à la grille d'entretien »."
        ),
        error_messages={"required": _("Donnez un objet à votre demande.")},
    )
    field_order = ["swarmed", "subject", "body", "files"]

    def __init__(self, *args, structures, **kwargs):
        super().__init__(*args, **kwargs)
        if len(structures) > 1:
            self.fields["swarmed"].choices = [
                (swarmed.pk, f"{swarmed.structure.name} — {swarmed.season.name}")
                for swarmed in structures
            ]
            self.fields["swarmed"].initial = structures[0].pk
        else:
            # One structure: it is implicit.
            del self.fields["swarmed"]


class ReplyForm(MessageForm):
    resolve = forms.BooleanField(required=False)

    def __init__(self, *args, from_ansa: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["resolve"].label = (
            _("Marquer la demande comme résolue (sinon, elle attend la réponse de la structure)")
            if from_ansa
            else _("Ma demande est réglée : la marquer comme résolue")
        )


class TicketFilterForm(forms.Form):
    etat = forms.ChoiceField(
        label=_("État"),
        required=False,
        choices=[("", _("Tous les états")), *ANSA_STATUS_LABELS.items()],
    )
    saison = forms.ChoiceField(label=_("Saison"), required=False)
    structure = forms.TypedChoiceField(
        label=_("Structure"), coerce=int, required=False, empty_value=None
    )

    def __init__(self, *args, seasons, structures, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["saison"].choices = [("", _("Toutes les saisons"))] + [
            (season.slug, season.name) for season in seasons
        ]
        self.fields["structure"].choices = [("", _("Toutes les structures"))] + [
            (structure.pk, structure.name) for structure in structures
        ]


class ConvertForm(forms.Form):
    title = forms.CharField(
        label=_("Titre de la question"),
        max_length=MAX_TITLE,
        error_messages={"required": _("Donnez un titre à la question.")},
    )
    body = forms.CharField(
        label=_("La question"),
        max_length=MAX_QUESTION,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=MARKDOWN_HELP,
        strip=False,
        error_messages={"required": _("Écrivez la question.")},
    )
    sheets = SheetChoiceField(
        label=_("Fiches-actions concernées"),
        queryset=sheet_queryset(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Au moins une : c'est ainsi que les expert·es des fiches la retrouvent."),
        error_messages={"required": _("Choisissez au moins une fiche-action concernée.")},
    )
    scope = forms.ChoiceField(
        label=_("Qui peut lire la question ?"),
        choices=Scope.choices,
        initial=Scope.PAIR,
        widget=forms.RadioSelect,
        help_text=_(
            "Les expert·es A.CO.R et l'équipe Ansa lisent toujours toutes les questions. "
            "Par défaut, seules la structure et son expert·e la lisent : élargissez-la plus "
            "tard, avec l'accord de la personne qui a ouvert la demande."
        ),
    )

    def clean_body(self) -> str:
        return _not_blank(self.cleaned_data["body"], self.fields["body"])
