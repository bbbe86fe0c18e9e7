"""Forms of the tutoring questions: field validation only, the rules live in the services."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from candidacy.forms import EVIDENCE_ACCEPT
from candidacy.models import MAX_EVIDENCE_BYTES
from curriculum.models import ActionSheetPage
from modules.forms_assignments import MARKDOWN_HELP, VersionedForm
from tutoring.attachments import MAX_ATTACHMENTS_PER_POST
from tutoring.enums import SCOPE_ORDER, QuestionStatus, Scope
from tutoring.models import TutoringSettings
from tutoring.qa import services

FILES_HELP = _(
    "Jusqu'à %(count)s fichiers : PDF, document bureautique (Word, Excel, OpenDocument) ou image "
    "PNG ou JPEG, %(size)s Mo au plus chacun. En cas d'erreur, choisissez-les de nouveau."
) % {"count": MAX_ATTACHMENTS_PER_POST, "size": MAX_EVIDENCE_BYTES // (1024 * 1024)}


def sheet_queryset():
    """The thirteen action sheets in the site's language, by number."""
    return ActionSheetPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by(
        "number"
    )


class SheetChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, sheet) -> str:
        return _("Fiche %(number)s — %(title)s") % {"number": sheet.number, "title": sheet.title}


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files at once; each is checked by its bytes in the service."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            "widget", MultipleFileInput(attrs={"accept": EVIDENCE_ACCEPT, "multiple": True})
        )
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", _("Pièces jointes"))
        kwargs.setdefault("help_text", FILES_HELP)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []


class QuestionForm(forms.Form):
    swarmed = forms.TypedChoiceField(label=_("Au nom de la structure"), coerce=int)
    title = forms.CharField(
        label=_("Titre de la question"),
        max_length=services.MAX_TITLE,
        help_text=_(
            "Une phrase qui dit l'essentiel, par exemple « Comment relancer un employeur ? »."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "off", "data-similar-source": "title"}),
    )
    body = forms.CharField(
        label=_("Votre question"),
        max_length=services.MAX_QUESTION,
        widget=forms.Textarea(attrs={"rows": 10, "data-similar-source": "body"}),
        help_text=MARKDOWN_HELP,
    )
    sheets = SheetChoiceField(
        label=_("Fiches-actions concernées"),
        queryset=ActionSheetPage.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Au moins une : c'est ainsi que les expert·es des fiches la retrouvent."),
        error_messages={"required": _("Choisissez au moins une fiche-action concernée.")},
    )
    module = forms.TypedChoiceField(
        label=_("Module de la formation-action (facultatif)"), coerce=int, required=False,
        empty_value=None,
    )  # fmt: skip
    session = forms.TypedChoiceField(
        label=_("Séance (facultatif)"), coerce=int, required=False, empty_value=None
    )
    scope = forms.ChoiceField(
        label=_("Qui peut lire la question ?"),
        choices=Scope.choices,
        initial=Scope.PAIR,
        widget=forms.RadioSelect,
        help_text=_(
            "Les expert·es A.CO.R et l'équipe Ansa lisent toujours toutes les questions. "
            "Ansa peut vous proposer plus tard de l'élargir : vous déciderez."
        ),
    )
    files = MultipleFileField()

    def __init__(self, *args, structures, modules, sessions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["swarmed"].choices = [
            (swarmed.pk, f"{swarmed.structure.name} — {swarmed.season.name}")
            for swarmed in structures
        ]
        if len(structures) == 1:
            self.fields["swarmed"].widget = forms.HiddenInput()
            self.fields["swarmed"].initial = structures[0].pk
        self.fields["sheets"].queryset = sheet_queryset()
        self.fields["module"].choices = [("", _("Aucun en particulier"))] + [
            (
                module.pk,
                _("Module %(number)s — %(title)s")
                % {"number": module.number, "title": module.title},
            )
            for module in modules
        ]
        self.fields["session"].choices = [("", _("Aucune en particulier"))] + [
            (session.pk, session.title) for session in sessions
        ]


class AnswerForm(forms.Form):
    body = forms.CharField(
        label=_("Votre réponse"),
        max_length=services.MAX_ANSWER,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=MARKDOWN_HELP,
    )
    files = MultipleFileField()


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Votre commentaire"),
        max_length=services.MAX_COMMENT,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=MARKDOWN_HELP,
    )
    answer = forms.IntegerField(widget=forms.HiddenInput, required=False)


class QuestionEditForm(VersionedForm):
    title = forms.CharField(label=_("Titre de la question"), max_length=services.MAX_TITLE)
    body = forms.CharField(
        label=_("Votre question"),
        max_length=services.MAX_QUESTION,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=MARKDOWN_HELP,
    )


class AnswerEditForm(VersionedForm):
    body = forms.CharField(
        label=_("Réponse"),
        max_length=services.MAX_ANSWER,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=MARKDOWN_HELP,
    )


class DuplicateForm(forms.Form):
    original = forms.IntegerField(
        label=_("Numéro de la question d'origine"),
        min_value=1,
        help_text=_("Le numéro figure dans l'adresse et en tête de chaque question."),
    )


class HideForm(forms.Form):
    reason = forms.CharField(
        label=_("Motif du masquage"),
        max_length=300,
        help_text=_("Il est conservé dans le journal d'audit et montré à la structure."),
    )


class CloseForm(forms.Form):
    reason = forms.CharField(
        label=_("Pourquoi la clore ? (facultatif)"), max_length=300, required=False
    )


class ScopeProposalForm(forms.Form):
    scope = forms.ChoiceField(label=_("Visibilité proposée"), widget=forms.RadioSelect)
    reason = forms.CharField(
        label=_("Pourquoi l'élargir ?"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("La personne qui a posé la question lira ce message avant de décider."),
    )

    def __init__(self, *args, current: str, **kwargs):
        super().__init__(*args, **kwargs)
        wider = SCOPE_ORDER[SCOPE_ORDER.index(current) + 1 :]
        self.fields["scope"].choices = [(scope.value, scope.label) for scope in wider]


class TutoringSettingsForm(forms.ModelForm):
    class Meta:
        model = TutoringSettings
        fields = ["expert_days", "experts_days", "accept_reminder_days"]


VIEWS = {
    "mine": _("Mes questions"),
    "to_answer": _("À répondre"),
    "unanswered": _("Sans réponse"),
    "overdue": _("En retard"),
    "all": _("Toutes les questions"),
}


class QuestionFilterForm(forms.Form):
    vue = forms.ChoiceField(label=_("Liste"), required=False)
    fiche = forms.TypedChoiceField(
        label=_("Fiche-action"), coerce=int, required=False, empty_value=None
    )
    saison = forms.ChoiceField(label=_("Saison"), required=False)
    etat = forms.ChoiceField(
        label=_("État"),
        required=False,
        choices=[("", _("Tous les états")), *QuestionStatus.choices],
    )
    q = forms.CharField(label=_("Mots-clés"), required=False, max_length=200)

    def __init__(self, *args, views, seasons, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["vue"].choices = [(key, VIEWS[key]) for key in views]
        self.fields["fiche"].choices = [("", _("Toutes les fiches"))] + [
            (
                sheet.pk,
                _("Fiche %(number)s — %(title)s") % {"number": sheet.number, "title": sheet.title},
            )
            for sheet in sheet_queryset()
        ]
        self.fields["saison"].choices = [("", _("Toutes les saisons"))] + [
            (season.slug, season.name) for season in seasons
        ]
