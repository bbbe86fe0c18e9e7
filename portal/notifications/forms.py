"""The notification preferences form: one radio group per category."""

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.enums import MANDATORY_CATEGORIES, DeliveryMode, NotificationCategory

MANDATORY_HELP = _(
    "Ces notifications ne peuvent pas être désactivées : elles portent des actes dont le "
    "programme dépend. Vous pouvez les recevoir dans le résumé quotidien."
)
MANDATORY_ERROR = _(
    "Choisissez « Immédiatement » ou « Dans un résumé quotidien » : ces notifications ne "
    "peuvent pas être désactivées."
)

REQUIRED_ERROR = _("Choisissez comment recevoir ces notifications par courriel.")


class RadioGroup(forms.RadioSelect):
    """Radios whose group is reached through its first option (error summary links)."""

    def id_for_label(self, id_, index=None):
        return super().id_for_label(id_, "0" if index is None else index)


class NotificationPreferencesForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for category in NotificationCategory:
            mandatory = category in MANDATORY_CATEGORIES
            choices = [
                (mode.value, mode.label)
                for mode in DeliveryMode
                if not (mandatory and mode == DeliveryMode.OFF)
            ]
            field = forms.ChoiceField(
                label=category.label,
                choices=choices,
                widget=RadioGroup,
                help_text=MANDATORY_HELP if mandatory else "",
            )
            field.error_messages["required"] = REQUIRED_ERROR
            if mandatory:
                field.error_messages["invalid_choice"] = MANDATORY_ERROR
            self.fields[category.value] = field

    def preferences(self) -> dict[str, str]:
        return {name: self.cleaned_data[name] for name in self.fields}
