"""Forms of the pair's space: field validation only, the rules live in `tutoring.pairing.pairs`."""

from django import forms
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from modules.forms_assignments import MARKDOWN_HELP
from modules.models import Season
from portal.models import User
from tutoring.enums import Channel, PairingStatus
from tutoring.pairing import pairs


class SheetChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, sheet) -> str:
        return _("Fiche %(number)s — %(title)s") % {"number": sheet.number, "title": sheet.title}


class LogEntryForm(forms.Form):
    happened_on = forms.DateField(
        label=_("Date de l'échange"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Le jour où l'échange a eu lieu : ni dans le futur, ni avant le binôme."),
        error_messages={
            "required": pairs.DATE_REQUIRED,
            "invalid": _("Indiquez une date valide, par exemple 12/03/2027."),
        },
    )
    duration_minutes = forms.IntegerField(
        label=_("Durée (minutes)"),
        widget=forms.NumberInput(
            attrs={"min": pairs.MIN_DURATION, "max": pairs.MAX_DURATION, "inputmode": "numeric"}
        ),
        error_messages={
            "required": pairs.DURATION_REQUIRED,
            "invalid": _("Indiquez la durée en minutes, par un nombre entier."),
        },
    )
    channel = forms.ChoiceField(
        label=_("Canal"),
        choices=Channel.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": pairs.CHANNEL_REQUIRED,
            "invalid_choice": pairs.CHANNEL_REQUIRED,
        },
    )
    sheets = SheetChoiceField(
        label=_("Fiches-actions abordées"),
        queryset=pairs.action_sheets(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Facultatif : les fiches dont vous avez parlé."),
        error_messages={
            "invalid_choice": _("Choisissez parmi les fiches-actions du référentiel."),
            "invalid_pk_value": _("Choisissez parmi les fiches-actions du référentiel."),
        },
    )
    notes = forms.CharField(
        label=_("Notes"),
        required=False,
        max_length=pairs.MAX_NOTES,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=format_lazy(
            "{} {}", _("Lues par le binôme et l'équipe Ansa seulement."), MARKDOWN_HELP
        ),
        strip=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sheets"].queryset = pairs.action_sheets()
        # Formatted here, in the language of the request.
        self.fields["duration_minutes"].help_text = _("De %(minimum)s à %(maximum)s minutes.") % {
            "minimum": pairs.MIN_DURATION,
            "maximum": pairs.MAX_DURATION,
        }
        self.fields["happened_on"].widget.attrs["max"] = timezone.localdate().isoformat()
        if not self.is_bound:
            self.initial.setdefault("happened_on", timezone.localdate())


class ChangeRequestForm(forms.Form):
    reason = forms.CharField(
        label=_("Pourquoi demandez-vous un changement ?"),
        max_length=pairs.MAX_REQUEST_REASON,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Seule l'équipe Ansa lit ce motif, avec les personnes de votre côté du binôme."
        ),
        error_messages={"required": pairs.REQUEST_REASON_REQUIRED},
    )


class PairingEndForm(forms.Form):
    reason = forms.CharField(
        label=_("Motif de fin"),
        max_length=pairs.MAX_END_REASON,
        help_text=_("Lu par l'expert·e et la structure, et gardé dans l'historique du binôme."),
        error_messages={"required": pairs.END_REASON_REQUIRED},
    )


ACCEPT, DECLINE = "accept", "decline"


class ExpertChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, expert) -> str:
        load = ngettext("%(count)s binôme en cours", "%(count)s binômes en cours", expert.load) % {
            "count": expert.load
        }
        if expert.capacity is None:
            label = _("%(name)s — %(load)s, pas de profil d'expert·e") % {
                "name": expert,
                "load": load,
            }
        else:
            label = _("%(name)s — %(load)s, pour %(capacity)s au plus") % {
                "name": expert,
                "load": load,
                "capacity": expert.capacity,
            }
        if expert.in_conflict:
            label = _("%(label)s (conflit d'intérêts déclaré)") % {"label": label}
        return label


class ChangeRequestHandleForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Décision"),
        widget=forms.RadioSelect,
        choices=[
            (ACCEPT, _("Accepter : le binôme actuel prend fin")),
            (DECLINE, _("Refuser : le binôme continue")),
        ],
        error_messages={"required": _("Choisissez d'accepter ou de refuser la demande.")},
    )
    new_expert = ExpertChoiceField(
        label=_("Nouvel·le expert·e (si vous acceptez)"),
        queryset=None,
        required=False,
        empty_label=_("Personne pour l'instant"),
        help_text=_(
            "Facultatif : sans choix, la structure attend un nouveau binôme (par la prochaine "
            "proposition d'appariement, par exemple)."
        ),
        error_messages={"invalid_choice": _("Choisissez un·e expert·e de la liste.")},
    )
    response = forms.CharField(
        label=_("Réponse à la personne qui a demandé"),
        required=False,
        max_length=pairs.MAX_RESPONSE,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Obligatoire si vous refusez."),
    )

    def __init__(self, *args, experts: list, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["new_expert"]
        by_pk = {expert.pk: expert for expert in experts}
        # The choices are the annotated experts themselves: no query per option.
        field.queryset = User.objects.filter(pk__in=list(by_pk))
        field.choices = [("", field.empty_label)] + [
            (expert.pk, field.label_from_instance(expert)) for expert in experts
        ]
        self._experts = by_pk

    def clean_new_expert(self):
        expert = self.cleaned_data.get("new_expert")
        return self._experts.get(expert.pk) if expert is not None else None

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("decision") == DECLINE
            and not (cleaned.get("response") or "").strip()
            and "response" not in self.errors
        ):
            self.add_error("response", pairs.DECLINE_RESPONSE_REQUIRED)
        return cleaned


class PairingFilterForm(forms.Form):
    """Ansa's filters on the list; an unknown value is ignored rather than refused."""

    season = forms.ChoiceField(
        label=_("Saison"),
        required=False,
        error_messages={
            "invalid_choice": _("Cette saison n'existe pas : choisissez-la dans la liste.")
        },
    )
    status = forms.ChoiceField(
        label=_("État"),
        required=False,
        choices=[("", _("Tous")), *PairingStatus.choices],
        error_messages={"invalid_choice": _("Choisissez un état de la liste.")},
    )
    expert = forms.TypedChoiceField(
        label=_("Expert·e"),
        required=False,
        coerce=int,
        empty_value=None,
        error_messages={"invalid_choice": _("Choisissez un·e expert·e de la liste.")},
    )

    def __init__(self, *args, seasons: list[Season], experts: list, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["season"].choices = [("", _("Toutes"))] + [
            (season.slug, season.name) for season in seasons
        ]
        self.fields["expert"].choices = [("", _("Tous et toutes"))] + [
            (expert.pk, str(expert)) for expert in experts
        ]
