"""Forms of the signers' pages: field validation only, the rules live in `candidacy.services`."""

from django import forms
from django.utils.translation import gettext_lazy as _

from modules.models import MAX_PEOPLE_PER_STRUCTURE
from portal.models import Membership, User


class GroupRadioSelect(forms.RadioSelect):
    """Radios shown in a fieldset: the error summary links to the first option."""

    def id_for_label(self, id_, index="0"):
        return forms.widgets.ChoiceWidget.id_for_label(self, id_, index)


class GroupCheckboxSelectMultiple(forms.CheckboxSelectMultiple):
    """Checkboxes shown in a fieldset: the error summary links to the first option."""

    def id_for_label(self, id_, index="0"):
        return forms.widgets.ChoiceWidget.id_for_label(self, id_, index)


class SignForm(forms.Form):
    """The signer certifies they read the version whose fingerprint the page carries."""

    consent = forms.BooleanField(
        error_messages={"required": _("Cochez la case pour signer cette version du dossier.")}
    )
    # Not required: a missing or altered fingerprint is simply "another version" for the service.
    seen_hash = forms.CharField(required=False, max_length=64, widget=forms.HiddenInput)

    def __init__(self, *args, role_label: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consent"].label = _(
            "Je certifie avoir lu cette version et je la signe en qualité de %(role)s."
        ) % {"role": role_label}


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Motif du refus"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Ce motif est transmis à la structure, qui pourra corriger le dossier et vous "
            "solliciter de nouveau. 2 000 caractères au plus."
        ),
        error_messages={"required": _("Expliquez en quelques mots pourquoi vous refusez.")},
    )


class AgreementForm(forms.Form):
    """The director general names the referent and at most two more people, then signs."""

    referent = forms.ModelChoiceField(
        label=_("Référent·e de la structure pour la saison"),
        queryset=User.objects.none(),
        widget=GroupRadioSelect,
        empty_label=None,
        help_text=_(
            "L'interlocuteur ou l'interlocutrice d'Ansa et de l'expert·e d'A.CO.R qui "
            "accompagne la structure. Vous pouvez vous désigner vous-même."
        ),
        error_messages={
            "required": _("Choisissez le ou la référente."),
            "invalid_choice": _("Choisissez une personne de la liste."),
        },
    )
    participants = forms.ModelMultipleChoiceField(
        label=_("Autres participant·es"),
        queryset=User.objects.none(),
        widget=GroupCheckboxSelectMultiple,
        required=False,
        error_messages={"invalid_choice": _("Choisissez des personnes de la liste.")},
    )
    consent = forms.BooleanField(
        error_messages={"required": _("Cochez la case pour signer la convention.")}
    )

    def __init__(
        self, *args, memberships: list[Membership], director: User, structure_name: str, **kwargs
    ):
        super().__init__(*args, **kwargs)
        people = User.objects.filter(
            pk__in={membership.user_id for membership in memberships}
        ).order_by("last_name", "first_name", "pk")
        functions = {
            membership.user_id: membership.get_role_display() for membership in memberships
        }

        def label(person: User) -> str:
            text = f"{person} — {functions.get(person.pk, '')}"
            return f"{text} ({_('vous')})" if person.pk == director.pk else text

        self.fields["participants"].help_text = _(
            "Au plus %(count)s personnes en plus du ou de la référente."
        ) % {"count": MAX_PEOPLE_PER_STRUCTURE - 1}
        for name in ("referent", "participants"):
            self.fields[name].queryset = people
            self.fields[name].label_from_instance = label
        self.fields["consent"].label = _(
            "Je signe cette convention au nom de %(structure)s, en qualité de directeur·rice "
            "général·e, et je désigne les personnes choisies ci-dessus."
        ) % {"structure": structure_name}

    def clean(self):
        cleaned = super().clean()
        referent = cleaned.get("referent")
        participants = cleaned.get("participants")
        if referent is not None and participants is not None:
            others = [person for person in participants if person.pk != referent.pk]
            if len(others) + 1 > MAX_PEOPLE_PER_STRUCTURE:
                self.add_error(
                    "participants",
                    _(
                        "Au plus %(max)s personnes en tout, référent·e compris·e : vous en avez "
                        "désigné %(count)s. Décochez-en %(extra)s."
                    )
                    % {
                        "max": MAX_PEOPLE_PER_STRUCTURE,
                        "count": len(others) + 1,
                        "extra": len(others) + 1 - MAX_PEOPLE_PER_STRUCTURE,
                    },
                )
            cleaned["participants"] = others
        return cleaned
