"""The checks a report's values go through: one home for the evaluation's rules of coherence.

Each value is checked against its indicator's unit (no negative count, a rate between 0 and
100 %, whole numbers of days); then values of the same report are checked against each other
(a durable job is a return to work, a return to work concerns a person supported). Required
indicators are required only to submit: a draft may be saved half-filled.
"""

from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from evaluation.enums import Unit

#: (smaller, larger): the value of `smaller` may not exceed the value of `larger`.
COHERENCE = [
    ("durable_jobs", "returns_to_work"),
    ("returns_to_work", "people_supported"),
    ("offers_proposed", "offers_captured"),
]

MAX_NUMBER = Decimal("9999999999")


def parse_value(indicator, raw: str) -> tuple[dict, str]:
    """({number|boolean|text: …}, error) for what was typed in the indicator's field."""
    raw = (raw or "").strip()
    if indicator.unit == Unit.TEXT:
        if len(raw) > 2000:
            return {}, _("2 000 caractères au plus.")
        return {"text": raw}, ""
    if indicator.unit == Unit.BOOLEAN:
        if raw in {"", "yes", "no"}:
            return {"boolean": {"": None, "yes": True, "no": False}[raw]}, ""
        return {}, _("Répondez par oui ou par non.")
    if not raw:
        return {"number": None}, ""
    try:
        number = Decimal(raw.replace(" ", "").replace(" ", "").replace(",", "."))
    except InvalidOperation:
        return {}, _("Saisissez un nombre, par exemple 12 ou 12,5.")
    if not number.is_finite() or abs(number) > MAX_NUMBER:
        return {}, _("Saisissez un nombre, par exemple 12 ou 12,5.")
    if number < 0:
        return {}, _("Une valeur négative n'a pas de sens ici.")
    if indicator.unit == Unit.RATE and number > 100:
        return {}, _("Un taux est compris entre 0 et 100 %.")
    if indicator.unit in {Unit.COUNT, Unit.DAYS} and number != number.to_integral_value():
        return {}, _("Saisissez un nombre entier.")
    return {"number": number}, ""


def coherence_errors(numbers: dict[str, Decimal], labels: dict[str, str]) -> dict[str, str]:
    """{code: error} where one value exceeds the value it is part of."""
    errors = {}
    for smaller, larger in COHERENCE:
        a, b = numbers.get(smaller), numbers.get(larger)
        if a is not None and b is not None and a > b:
            errors[smaller] = _("Ne peut pas dépasser « %(other)s » (%(value)s).") % {
                "other": labels.get(larger, larger),
                "value": f"{b.normalize():f}",
            }
    return errors
