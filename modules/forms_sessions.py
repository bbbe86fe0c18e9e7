"""Forms of the session and season-people pages: field validation only, the rules live in
`modules.services.sessions` and `modules.services.people`.

Field names match the keys of the services' ValidationError dicts, so an error raised by a
service lands next to its field.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from curriculum.models import ActionSheetPage
from modules.models import PlaceKind, SeasonRole, SessionKind
from modules.services.people import season_modules
from modules.services.sessions import expert_choices
from portal.models import User

#: What <input type="datetime-local"> sends and shows.
DATETIME_LOCAL = "%Y-%m-%dT%H:%M"


class GroupCheckboxSelectMultiple(forms.CheckboxSelectMultiple):
    """Checkboxes shown in a fieldset: the error summary links to the first option."""

    def id_for_label(self, id_, index="0"):
        return forms.widgets.ChoiceWidget.id_for_label(self, id_, index)


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        name = obj.get_full_name()
        return f"{name} ({obj.email})" if name else obj.email


class PeopleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.get_full_name() or obj.email


class SheetChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.number}. {obj.title}"


class LocalDateTimeField(forms.DateTimeField):
    """A date and time typed in Paris time (the site's time zone) through the browser's picker."""

    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_LOCAL)

    def __init__(self, **kwargs):
        kwargs.setdefault("input_formats", [DATETIME_LOCAL, "%Y-%m-%d %H:%M", "%d/%m/%Y %H:%M"])
        super().__init__(**kwargs)


class SessionForm(forms.Form):
    kind = forms.ChoiceField(label=_("Type de séance"), choices=SessionKind.choices)
    module = forms.ModelChoiceField(
        label=_("Module"),
        queryset=None,
        required=False,
        empty_label=_("Aucun (visite de site, journée d'échange)"),
        help_text=_("Obligatoire pour une séance collective."),
    )
    title = forms.CharField(label=_("Intitulé"), max_length=200)
    starts_at = LocalDateTimeField(
        label=_("Début"),
        help_text=_("Heure de Paris. Par exemple 12/03/2027 09:30."),
        error_messages={"required": _("Indiquez le début de la séance.")},
    )
    ends_at = LocalDateTimeField(
        label=_("Fin"),
        help_text=_("Heure de Paris."),
        error_messages={"required": _("Indiquez la fin de la séance.")},
    )
    place_kind = forms.ChoiceField(label=_("Lieu"), choices=PlaceKind.choices)
    address = forms.CharField(
        label=_("Adresse"),
        max_length=250,
        required=False,
        help_text=_("Obligatoire dans un territoire ; à Paris ou à Pau, précisez la salle."),
    )
    online_url = forms.URLField(
        label=_("Lien de visioconférence"),
        max_length=200,
        required=False,
        assume_scheme="https",
        help_text=_(
            "Obligatoire pour une séance en ligne. Seuls les membres de la saison le voient."
        ),
    )
    experts = PeopleChoiceField(
        label=_("Expert·es qui animent la séance"),
        queryset=None,
        required=False,
        widget=GroupCheckboxSelectMultiple,
    )
    sheets = SheetChoiceField(
        label=_("Fiches-actions travaillées"),
        queryset=None,
        required=False,
        widget=GroupCheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["module"].queryset = season_modules()
        self.fields["experts"].queryset = expert_choices()
        self.fields["sheets"].queryset = ActionSheetPage.objects.live().order_by("number")

    @staticmethod
    def initial_for(session) -> dict:
        return {
            "kind": session.kind,
            "module": session.module_id,
            "title": session.title,
            "starts_at": session.starts_at,
            "ends_at": session.ends_at,
            "place_kind": session.place_kind,
            "address": session.address,
            "online_url": session.online_url,
            "experts": [expert.pk for expert in session.experts.all()],
            "sheets": [sheet.pk for sheet in session.sheets.all()],
        }


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Motif de l'annulation"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Envoyé aux participant·es et aux expert·es avec l'annulation."),
        error_messages={"required": _("Indiquez pourquoi la séance est annulée.")},
    )


class MemberAddForm(forms.Form):
    user = PersonChoiceField(
        label=_("Personne de la structure"),
        queryset=None,
        empty_label=_("Choisissez…"),
        error_messages={"required": _("Choisissez une personne de la structure.")},
    )
    role = forms.ChoiceField(label=_("Rôle dans la saison"), choices=SeasonRole.choices)

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = User.objects.filter(pk__in=[u.pk for u in candidates])
        self.fields["user"].choices = [("", _("Choisissez…"))] + [
            (user.pk, self.fields["user"].label_from_instance(user)) for user in candidates
        ]


class ModuleLeadForm(forms.Form):
    experts = PeopleChoiceField(
        label=_("Expert·es qui animent ce module"),
        queryset=None,
        required=False,
        widget=GroupCheckboxSelectMultiple,
    )

    def __init__(self, *args, experts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["experts"].queryset = expert_choices()
        # The choices are listed once for every module's form.
        self.fields["experts"].choices = [
            (expert.pk, self.fields["experts"].label_from_instance(expert)) for expert in experts
        ]
