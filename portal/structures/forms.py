"""Forms of the structure pages: field validation only, the rules live in the services."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from portal.enums import MembershipRole, StructureKind
from portal.models import Structure
from portal.structures import selectors
from portal.structures.services import STRUCTURE_FIELDS
from portal.structures.validators import (
    SIRET_TAKEN,
    normalise_departement,
    normalise_siret,
    validate_departement,
    validate_postal_code,
)
from portal.validators import validate_siret


class SiretField(forms.CharField):
    """Accepts the number as people copy it, with spaces; cleans to 14 digits."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 20)
        super().__init__(**kwargs)
        self.validators.append(validate_siret)

    def to_python(self, value):
        return normalise_siret(super().to_python(value))

    def widget_attrs(self, widget):
        return {**super().widget_attrs(widget), "inputmode": "numeric", "autocomplete": "off"}


class DepartementField(forms.CharField):
    """Accepts « 2a » or « 1 »; cleans to the official number (« 2A », « 01 »)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 3)
        super().__init__(**kwargs)
        self.validators.append(validate_departement)

    def to_python(self, value):
        return normalise_departement(super().to_python(value))


class StructureForm(forms.ModelForm):
    siret = SiretField(
        label=_("SIRET"),
        required=False,
        help_text=_("14 chiffres, espaces acceptés ; facultatif."),
    )
    departement = DepartementField(
        label=_("Département"),
        required=False,
        help_text=_("Numéro, par exemple 64, 2A ou 974."),
    )
    postal_code = forms.CharField(
        label=_("Code postal"),
        required=False,
        max_length=5,
        validators=[validate_postal_code],
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "postal-code"}),
    )
    website = forms.URLField(
        label=_("Site internet"),
        required=False,
        assume_scheme="https",
        help_text=_("Par exemple https://www.exemple.fr"),
    )

    class Meta:
        model = Structure
        fields = STRUCTURE_FIELDS
        labels = {
            "name": _("Nom de la structure"),
            "kind": _("Type de structure"),
            "address": _("Adresse"),
            "city": _("Commune"),
        }
        widgets = {
            "address": forms.TextInput(attrs={"autocomplete": "street-address"}),
        }

    def clean_siret(self) -> str:
        # Checked here so the error lands on the field; the model's constraint would report it
        # for the whole form.
        siret = self.cleaned_data["siret"]
        if siret and selectors.structure_siret_taken(siret=siret, exclude_pk=self.instance.pk):
            raise ValidationError(SIRET_TAKEN, code="unique")
        return siret


class StructureFilterForm(forms.Form):
    q = forms.CharField(label=_("Nom, commune ou SIRET"), required=False, max_length=200)
    kind = forms.ChoiceField(
        label=_("Type"),
        required=False,
        choices=[("", _("Tous les types")), *StructureKind.choices],
    )


class InvitationForm(forms.Form):
    email = forms.EmailField(
        label=_("Adresse électronique de la personne"),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    role = forms.ChoiceField(label=_("Fonction dans la structure"), choices=MembershipRole.choices)
    is_admin = forms.BooleanField(
        label=_("Gérera la structure (inviter des personnes, modifier la fiche)"),
        required=False,
    )

    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip().lower()


class MembershipForm(forms.Form):
    role = forms.ChoiceField(label=_("Fonction dans la structure"), choices=MembershipRole.choices)
    is_admin = forms.BooleanField(
        label=_("Gère la structure (inviter des personnes, modifier la fiche)"), required=False
    )


class MembershipEndForm(forms.Form):
    reason = forms.CharField(
        label=_("Motif"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Par exemple : départ de la structure, changement de poste. "
            "Il est consigné dans le journal."
        ),
    )
