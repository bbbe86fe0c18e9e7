"""Forms of the intersession work: field validation only, the rules live in the services."""

import zoneinfo

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from candidacy.forms import EVIDENCE_ACCEPT
from modules.models import Assignment, Submission, SubmissionStatus

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
MARKDOWN_HELP = _(
    "Mise en forme Markdown : **gras**, *italique*, listes avec « - », titres avec « ### », "
    "liens [texte](https://…). Le code HTML est affiché tel quel."
)


class ParisDateTimeField(forms.DateTimeField):
    """A date and time typed in Europe/Paris, whatever the server's or browser's time zone."""

    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")

    def prepare_value(self, value):
        with timezone.override(PARIS):
            return super().prepare_value(value)

    def to_python(self, value):
        with timezone.override(PARIS):
            return super().to_python(value)


class VersionedForm(forms.Form):
    """A form that changes the deliverable: it remembers the text's version it was opened at."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


def with_version(data, version: int):
    """The typed data with the deliverable's current version, after someone else saved it."""
    data = data.copy()
    data["version"] = str(version)
    return data


class AssignmentForm(forms.Form):
    title = forms.CharField(
        label=_("Intitulé du travail"),
        max_length=Assignment._meta.get_field("title").max_length,
    )
    instructions = forms.CharField(
        label=_("Consignes"),
        max_length=Assignment._meta.get_field("instructions").max_length,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=MARKDOWN_HELP,
    )
    due_at = ParisDateTimeField(
        label=_("À rendre avant le"),
        help_text=_("Date et heure de Paris, pendant la formation-action de la saison."),
    )

    @classmethod
    def initial_for(cls, assignment: Assignment | None) -> dict:
        if assignment is None:
            return {}
        return {
            "title": assignment.title,
            "instructions": assignment.instructions,
            "due_at": assignment.due_at,
        }


class SubmissionTextForm(VersionedForm):
    text = forms.CharField(
        label=_("Texte du livrable"),
        required=False,
        max_length=Submission._meta.get_field("text").max_length,
        widget=forms.Textarea(attrs={"rows": 18}),
        help_text=MARKDOWN_HELP,
        strip=False,
    )


class SubmissionFileForm(forms.Form):
    file = forms.FileField(
        label=_("Ajouter un fichier"),
        widget=forms.ClearableFileInput(attrs={"accept": EVIDENCE_ACCEPT}),
    )

    def __init__(self, *args, max_megabytes: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _(
            "PDF, document bureautique (Word, Excel, OpenDocument) ou image PNG ou JPEG, "
            "%(size)s Mo au plus."
        ) % {"size": max_megabytes}


class SubmitForm(VersionedForm):
    """« Remettre »: the text handed in is the one the page showed."""


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Décision"),
        widget=forms.RadioSelect,
        choices=[
            (SubmissionStatus.VALIDATED.value, _("Validé")),
            (SubmissionStatus.CHANGES_REQUESTED.value, _("À reprendre")),
        ],
    )
    comment = forms.CharField(
        label=_("Commentaire"),
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_(
            "Obligatoire si le travail est à reprendre. Mise en forme Markdown possible, comme "
            "pour le livrable."
        ),
    )

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("decision") == SubmissionStatus.CHANGES_REQUESTED
            and not (cleaned.get("comment") or "").strip()
            and "comment" not in self.errors
        ):
            raise ValidationError(
                {"comment": _("Expliquez ce qui est à reprendre : les membres en ont besoin.")}
            )
        return cleaned
