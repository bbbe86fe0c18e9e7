"""Profile and deletion-request forms: field validation only, errors in French."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

#: Spaces (non-breaking ones too), dots and hyphens people type between digit pairs.
PHONE_SEPARATORS = re.compile(r"[\s.\-]")
FRENCH_PHONE = re.compile(r"0[1-9][0-9]{8}")


def normalise_french_phone(value: str) -> str:
    """« 06.12.34.56.78 » or « +33 6 12 34 56 78 » → « 06 12 34 56 78 »; "" stays ""."""
    compact = PHONE_SEPARATORS.sub("", value)
    if not compact:
        return ""
    national = f"0{compact[3:]}" if compact.startswith("+33") else compact
    if not FRENCH_PHONE.fullmatch(national):
        raise ValidationError(
            _(
                "Saisissez un numéro de téléphone français : 10 chiffres commençant "
                "par 0 (par exemple 06 12 34 56 78) ou la forme +33 6 12 34 56 78."
            ),
            code="phone",
        )
    return " ".join(national[i : i + 2] for i in range(0, 10, 2))


class ProfileForm(forms.Form):
    first_name = forms.CharField(label=_("Prénom"), max_length=150)
    last_name = forms.CharField(label=_("Nom"), max_length=150)
    phone = forms.CharField(
        label=_("Téléphone"),
        required=False,
        max_length=30,
        help_text=_("Facultatif. Par exemple 06 12 34 56 78 ou +33 6 12 34 56 78."),
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )

    login_code_by_email = forms.BooleanField(
        label=_("Recevoir un code par courriel à chaque connexion, après le mot de passe"),
        required=False,
        help_text=_(
            "Une protection supplémentaire sans application d'authentification. Si vous "
            "utilisez une application, c'est son code qui vous est demandé."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["first_name"].widget.attrs["autocomplete"] = "given-name"
        self.fields["last_name"].widget.attrs["autocomplete"] = "family-name"

    def clean_phone(self) -> str:
        return normalise_french_phone(self.cleaned_data["phone"])


class DeletionRequestForm(forms.Form):
    reason = forms.CharField(
        label=_("Motif"),
        required=False,
        max_length=2000,
        help_text=_("Facultatif. Il aide l'équipe à améliorer le portail."),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    confirm = forms.BooleanField(
        label=_("Je demande la suppression de mon compte Essaim."),
        error_messages={
            "required": _("Cochez la case pour confirmer votre demande de suppression.")
        },
    )
