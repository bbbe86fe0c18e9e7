"""Forms of the applicant's pages: field validation only, the rules live in the services.

Every form that changes the dossier carries the `version` it was opened at, so two people
editing the same candidacy never overwrite each other silently (see `services.ConcurrentEdit`).
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from candidacy import criteria
from candidacy.criteria import Criterion, Hypothesis, Question, QuestionKind
from candidacy.models import ALLOWED_EVIDENCE_TYPES, Candidacy
from portal.enums import MembershipRole, StructureKind
from portal.structures.forms import DepartementField, SiretField
from portal.structures.selectors import structure_siret_taken
from portal.structures.validators import SIRET_TAKEN

NEW_STRUCTURE = "new"

#: What the file picker offers: the accepted extensions and their types.
EVIDENCE_ACCEPT = ",".join(
    sorted({*ALLOWED_EVIDENCE_TYPES.values(), ".jpeg", *ALLOWED_EVIDENCE_TYPES})
)

TEXT_ANSWER_MAX_LENGTH = 5000


class VersionedForm(forms.Form):
    """A form that changes the dossier: it remembers the version it was opened at."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


def with_version(data, version: int):
    """The typed data with the dossier's current version, after someone else saved it."""
    data = data.copy()
    for key in list(data):
        if key == "version" or key.endswith("-version"):
            data[key] = str(version)
    return data


# Starting a candidacy


class StartForm(forms.Form):
    structure = forms.ChoiceField(
        label=_("Structure candidate"), widget=forms.RadioSelect, required=True
    )
    structure_name = forms.CharField(label=_("Nom de la structure"), max_length=200, required=False)
    structure_kind = forms.ChoiceField(
        label=_("Type de structure"),
        widget=forms.RadioSelect,
        required=False,
        choices=[
            (StructureKind.OPERATOR.value, _("Un opérateur (association, entreprise, régie…)")),
            (StructureKind.COLLECTIVITE.value, _("Une collectivité")),
        ],
    )
    structure_siret = SiretField(
        label=_("SIRET de la structure"),
        required=False,
        help_text=_("14 chiffres, espaces acceptés ; facultatif."),
    )
    structure_city = forms.CharField(label=_("Commune du siège"), max_length=120, required=False)
    structure_departement = DepartementField(
        label=_("Département du siège"),
        required=False,
        help_text=_("Numéro, par exemple 64, 2A ou 974."),
    )
    member_role = forms.ChoiceField(
        label=_("Votre fonction dans la structure"),
        required=False,
        choices=[("", _("Choisissez")), *MembershipRole.choices],
        help_text=_("Vous gérerez la fiche de la structure et pourrez inviter vos collègues."),
    )
    hypothesis = forms.ChoiceField(
        label=_("Hypothèse de candidature"), widget=forms.RadioSelect, choices=Hypothesis.choices
    )
    territory = forms.CharField(
        label=_("Territoire concerné"),
        max_length=200,
        help_text=_("La commune, l'intercommunalité ou le bassin d'emploi où vous agirez."),
    )
    departement = DepartementField(
        label=_("Département du territoire"), help_text=_("Numéro, par exemple 64, 2A ou 974.")
    )
    prescriber_name = forms.CharField(
        label=_("Collectivité prescriptrice"),
        max_length=200,
        required=False,
        help_text=_(
            "Hypothèse A seulement : la collectivité pour laquelle vous intervenez, par exemple "
            "« Département des Landes »."
        ),
    )

    #: The fields of a structure created on the way, shown in their own group.
    NEW_STRUCTURE_FIELDS = (
        "structure_name",
        "structure_kind",
        "structure_siret",
        "structure_city",
        "structure_departement",
        "member_role",
    )

    def __init__(self, *args, structures=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.structures = {str(structure.pk): structure for structure in structures}
        self.fields["structure"].choices = [
            *((pk, structure.name) for pk, structure in self.structures.items()),
            (NEW_STRUCTURE, _("Une structure qui n'est pas encore inscrite sur Essaim")),
        ]
        if not self.is_bound:
            self.initial.setdefault(
                "structure", next(iter(self.structures)) if len(self.structures) == 1 else ""
            )
            if not self.structures:
                self.initial["structure"] = NEW_STRUCTURE

    def new_structure_fields(self):
        return [self[name] for name in self.NEW_STRUCTURE_FIELDS]

    def identity_fields(self):
        return [self["territory"], self["departement"], self["prescriber_name"]]

    def clean_structure_siret(self) -> str:
        siret = self.cleaned_data["structure_siret"]
        if siret and structure_siret_taken(siret=siret, exclude_pk=None):
            raise ValidationError(SIRET_TAKEN, code="unique")
        return siret

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("structure") == NEW_STRUCTURE:
            required = {
                "structure_name": _("Indiquez le nom de la structure."),
                "structure_kind": _("Choisissez le type de structure."),
                "member_role": _("Choisissez votre fonction dans la structure."),
            }
            for name, message in required.items():
                if name not in self.errors and not cleaned.get(name):
                    self.add_error(name, message)
        if (
            cleaned.get("hypothesis") == Hypothesis.A
            and "prescriber_name" not in self.errors
            and not (cleaned.get("prescriber_name") or "").strip()
        ):
            self.add_error(
                "prescriber_name",
                _(
                    "En hypothèse A, indiquez la collectivité prescriptrice pour laquelle vous "
                    "intervenez."
                ),
            )
        return cleaned

    def chosen_structure(self):
        """The existing structure chosen, or None for a new one."""
        return self.structures.get(self.cleaned_data["structure"])

    def new_structure_data(self) -> dict:
        return {
            "name": self.cleaned_data["structure_name"],
            "kind": self.cleaned_data["structure_kind"],
            "siret": self.cleaned_data["structure_siret"],
            "city": self.cleaned_data["structure_city"],
            "departement": self.cleaned_data["structure_departement"],
        }

    def identity_data(self) -> dict:
        return {
            name: self.cleaned_data[name]
            for name in ("hypothesis", "territory", "departement", "prescriber_name")
        }


# The dossier's identity


class IdentityForm(VersionedForm):
    territory = forms.CharField(
        label=_("Territoire concerné"),
        max_length=200,
        help_text=_("La commune, l'intercommunalité ou le bassin d'emploi où vous agirez."),
    )
    departement = DepartementField(
        label=_("Département du territoire"), help_text=_("Numéro, par exemple 64, 2A ou 974.")
    )
    prescriber_name = forms.CharField(
        label=_("Collectivité prescriptrice"),
        max_length=200,
        help_text=_("La collectivité pour laquelle vous intervenez."),
    )
    needs = forms.CharField(
        label=_("Vos besoins et vos difficultés"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Ce que vous attendez de l'accompagnement, dans vos mots : il servira à choisir "
            "l'expert ou l'experte d'A.CO.R qui vous suivra."
        ),
    )

    def __init__(self, *args, candidacy: Candidacy, **kwargs):
        super().__init__(*args, **kwargs)
        if candidacy.hypothesis != Hypothesis.A:
            del self.fields["prescriber_name"]


# One criterion's answers


class YesNoField(forms.TypedChoiceField):
    """Oui / Non as two radios: unlike a checkbox, leaving both unticked means « no answer »."""

    widget = forms.RadioSelect

    def __init__(self, **kwargs):
        super().__init__(
            choices=[("true", _("Oui")), ("false", _("Non"))],
            coerce=lambda value: value == "true",
            empty_value=None,
            **kwargs,
        )

    def prepare_value(self, value):
        if value is True:
            return "true"
        if value is False:
            return "false"
        return value


def question_field(question: Question) -> forms.Field:
    """The form field of one question. Nothing is required: a draft always saves."""
    common = {"label": question.label, "help_text": question.help_text, "required": False}
    kind = question.kind
    if kind == QuestionKind.INTEGER:
        return forms.IntegerField(min_value=question.min_value, max_value=100_000, **common)
    if kind == QuestionKind.DECIMAL:
        return forms.DecimalField(
            min_value=question.min_value,
            max_value=100_000,
            max_digits=9,
            decimal_places=2,
            localize=True,
            widget=forms.TextInput(attrs={"inputmode": "decimal"}),
            **common,
        )
    if kind == QuestionKind.BOOLEAN:
        return YesNoField(**common)
    if kind == QuestionKind.CHOICE:
        return forms.ChoiceField(choices=question.choices, widget=forms.RadioSelect, **common)
    if kind == QuestionKind.DATE:
        return forms.DateField(
            widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            input_formats=["%Y-%m-%d", "%d/%m/%Y"],
            **common,
        )
    return forms.CharField(
        max_length=TEXT_ANSWER_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 6}), **common
    )


class CriterionForm(VersionedForm):
    """The questions of one criterion, built from `candidacy.criteria`."""

    def __init__(self, *args, criterion: Criterion, **kwargs):
        super().__init__(*args, **kwargs)
        self.criterion = criterion
        for question in criterion.questions:
            field = question_field(question)
            field.question = question
            self.fields[question.key] = field

    def question_fields(self):
        return [self[question.key] for question in self.criterion.questions]

    def answers(self) -> dict:
        return {
            question.key: self.cleaned_data[question.key] for question in self.criterion.questions
        }

    @classmethod
    def initial_for(cls, candidacy: Candidacy, criterion: Criterion) -> dict:
        stored = candidacy.answers.get(criterion.code, {})
        return {"version": candidacy.version, **criteria.from_storage(criterion, stored)}


class EvidenceForm(VersionedForm):
    kind = forms.ChoiceField(label=_("Pièce"))
    file = forms.FileField(
        label=_("Fichier"),
        widget=forms.FileInput(attrs={"accept": EVIDENCE_ACCEPT}),
    )

    def __init__(self, *args, criterion: Criterion, max_megabytes: int, **kwargs):
        kwargs.setdefault("prefix", "evidence")
        super().__init__(*args, **kwargs)
        choices = [(kind.key, kind.label) for kind in criterion.evidence]
        self.fields["kind"].choices = choices
        if len(choices) == 1:
            self.fields["kind"].initial = choices[0][0]
        self.fields["file"].help_text = _(
            "PDF, Word, Excel, OpenDocument, PNG ou JPEG ; %(size)s Mo au plus."
        ) % {"size": max_megabytes}


# Signatures


class SignerForm(forms.Form):
    full_name = forms.CharField(
        label=_("Nom et prénom"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    email = forms.EmailField(
        label=_("Adresse électronique"), widget=forms.EmailInput(attrs={"autocomplete": "off"})
    )
    organisation = forms.CharField(label=_("Organisme représenté"), max_length=200)


class DirectorForm(forms.Form):
    full_name = forms.CharField(
        label=_("Nom et prénom du directeur ou de la directrice générale"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    email = forms.EmailField(
        label=_("Son adresse électronique"),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
        help_text=_("Elle ou il recevra le lien pour signer la convention."),
    )


# Submission and withdrawal


class SubmitForm(VersionedForm):
    answer = forms.CharField(
        label=_("Votre réponse à la demande d'Ansa"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Expliquez ce que vous avez complété ou modifié dans le dossier."),
    )

    def __init__(self, *args, needs_answer: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not needs_answer:
            del self.fields["answer"]


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("Pourquoi retirez-vous la candidature ?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Ansa lit ce motif ; il aide à améliorer l'appel."),
    )
    delete_data = forms.BooleanField(
        label=_("Supprimer aussi les données du dossier (réponses, pièces jointes, signataires)"),
        required=False,
        help_text=_("Le retrait reste inscrit, sans rien qui vous identifie. C'est définitif."),
    )
