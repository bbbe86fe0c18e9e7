"""Field rules of a structure's card that the model does not carry itself."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

#: Metropolitan départements (Corsica is 2A and 2B, not 20) and the overseas ones.
DEPARTEMENTS = frozenset(
    [f"{number:02d}" for number in range(1, 96) if number != 20]
    + ["2A", "2B"]
    + [str(number) for number in range(971, 977)]
)

#: The SIRET is unique among structures (a database constraint); its error, on the field.
SIRET_TAKEN = _("Une structure porte déjà ce numéro SIRET.")


def normalise_siret(value: str) -> str:
    """People copy SIRET numbers with spaces (« 732 829 320 00074 »); the database holds digits."""
    return re.sub(r"\s+", "", value or "")


def normalise_departement(value: str) -> str:
    value = (value or "").strip().upper()
    return f"0{value}" if len(value) == 1 and value.isdigit() else value


def validate_departement(value: str) -> None:
    if value and value not in DEPARTEMENTS:
        raise ValidationError(
            _(
                "Ce département n'existe pas : saisissez son numéro, de 01 à 95, 2A ou 2B pour "
                "la Corse, ou de 971 à 976 pour l'outre-mer."
            ),
            code="departement",
        )


def validate_postal_code(value: str) -> None:
    if value and not (len(value) == 5 and value.isdigit()):
        raise ValidationError(_("Un code postal compte 5 chiffres."), code="postal_code")
