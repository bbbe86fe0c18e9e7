import pytest
from django.core.exceptions import ValidationError

from portal.validators import validate_siret


@pytest.mark.parametrize(
    "siret",
    [
        "73282932000074",  # a valid Luhn number
        "732 829 320 00074",  # spaces are accepted
        "35600000000048",  # La Poste: digit sum multiple of 5
    ],
)
def test_valid_siret(siret):
    validate_siret(siret)


@pytest.mark.parametrize(
    ("siret", "code"),
    [
        ("73282932000075", "checksum"),  # one digit mistyped
        ("7328293200007", "format"),  # 13 digits
        ("7328293200007A", "format"),
        ("", "format"),
    ],
)
def test_invalid_siret_says_why(siret, code):
    with pytest.raises(ValidationError) as error:
        validate_siret(siret)
    assert error.value.code == code
