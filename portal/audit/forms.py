"""The audit log's filter form (GET): every field optional, errors in French."""

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _

from portal.audit.selectors import content_type_label


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class AuditFilterForm(forms.Form):
    action = forms.ChoiceField(label=_("Action"), required=False)
    actor = forms.CharField(
        label=_("Adresse électronique de l'auteur·rice"),
        help_text=_("Tout ou partie de l'adresse, par exemple « @ansa.fr »."),
        required=False,
        max_length=254,
    )
    object_type = forms.ChoiceField(label=_("Type d'objet"), required=False)
    date_from = forms.DateField(label=_("Du"), required=False, widget=DateInput)
    date_to = forms.DateField(label=_("Au"), required=False, widget=DateInput)

    def __init__(self, *args, actions: list[str], content_types: list[ContentType], **kwargs):
        super().__init__(*args, **kwargs)
        self._content_types = {str(content_type.pk): content_type for content_type in content_types}
        self.fields["action"].choices = [
            ("", _("Toutes les actions")),
            *((action, action) for action in actions),
        ]
        self.fields["object_type"].choices = [
            ("", _("Tous les types")),
            *((pk, content_type_label(ct)) for pk, ct in self._content_types.items()),
        ]

    def clean_object_type(self) -> ContentType | None:
        value = self.cleaned_data["object_type"]
        return self._content_types.get(value) if value else None

    def clean(self):
        cleaned_data = super().clean()
        date_from, date_to = cleaned_data.get("date_from"), cleaned_data.get("date_to")
        if date_from and date_to and date_to < date_from:
            self.add_error("date_to", _("La date de fin ne peut pas précéder la date de début."))
        return cleaned_data

    def filters(self) -> dict:
        """The valid filters as keyword arguments of `audit_entry_list`; invalid ones are left out.

        Call after `is_valid()`.
        """
        data = getattr(self, "cleaned_data", {})
        return {
            "action": data.get("action") or "",
            "actor_email": data.get("actor") or "",
            "content_type": data.get("object_type"),
            "date_from": data.get("date_from"),
            "date_to": data.get("date_to"),
        }
