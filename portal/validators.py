"""Validators for identifiers French organisations use."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# La Poste's establishments share the SIREN 356 000 000, whose SIRET numbers follow another rule.
LA_POSTE_SIREN = "356000000"


def luhn_valid(digits: str) -> bool:
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def validate_siret(value: str) -> None:
    """A SIRET has 14 digits and passes the Luhn check (La Poste: digit sum multiple of 5)."""
    digits = value.replace(" ", "")
    if len(digits) != 14 or not digits.isdigit():
        raise ValidationError(
            _("Un numéro SIRET compte 14 chiffres (les espaces sont acceptés)."), code="format"
        )
    if digits.startswith(LA_POSTE_SIREN) and sum(int(char) for char in digits) % 5 == 0:
        return
    if not luhn_valid(digits):
        raise ValidationError(
            _("Ce numéro SIRET n'est pas valide : vérifiez qu'aucun chiffre n'a été mal saisi."),
            code="checksum",
        )
