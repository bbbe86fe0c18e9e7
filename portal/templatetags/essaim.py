import datetime

from django import template
from django.utils import formats, timezone, translation
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


@register.filter
def is_section_of(item, page) -> bool:
    """True when `page` is `item` or lies under it in the page tree."""
    if page is None or not hasattr(page, "path"):
        return False
    return page.path.startswith(item.path)


@register.filter
def described_field(field) -> str:
    """Render a bound field's widget linked to its help text and errors for screen readers."""
    ids = []
    if field.help_text:
        ids.append(f"{field.auto_id}_helptext")
    if field.errors:
        ids.append(f"{field.auto_id}_error")
    attrs = {"aria-describedby": " ".join(ids)} if ids else {}
    if field.errors:
        attrs["aria-invalid"] = "true"
    return field.as_widget(attrs=attrs)


# Dates, times and status marks in French typography (« 1er mars 2027 », « 9 h 30 »).
#: A mark beside each status's words, so a status never rests on colour alone.
STATUS_ICONS = {
    "met": "✓",
    "done": "✓",
    "signed": "✓",
    "to_judge": "◐",
    "missing": "○",
    "todo": "○",
    "pending": "○",
    "unmet": "✗",
    "declined": "✗",
    "voided": "✗",
    "revoked": "–",
    "outdated": "✗",
}


def _french() -> bool:
    return (translation.get_language() or "fr").startswith("fr")


@register.filter
def long_date(value) -> str:
    """« 1er mars 2027 », from a date or a date-time (read in Europe/Paris)."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value)
    text = formats.date_format(value, "DATE_FORMAT")
    if _french() and value.day == 1:
        text = "1er" + text[1:]
    return text


@register.filter
def clock(value) -> str:
    """« 12 h » or « 9 h 30 » (Europe/Paris)."""
    if not value:
        return ""
    value = timezone.localtime(value)
    if _french():
        minutes = f"\u00a0{value.minute:02d}" if value.minute else ""
        return f"{value.hour}\u00a0h{minutes}"
    return formats.time_format(value, "TIME_FORMAT")


@register.filter
def status_icon(status) -> str:
    return STATUS_ICONS.get(str(status), "•")


@register.filter
def css_string(text) -> SafeString:
    """`text` as a quoted CSS string, safe inside a <style> element (a margin box's content).

    Django's HTML escaping does not protect CSS: each character that could end the string or
    the element is written as a CSS escape instead.
    """
    escaped = "".join(
        f"\\{ord(char):x} " if char in "\"\\<>&'" or ord(char) < 32 else char for char in str(text)
    )
    return mark_safe(f'"{escaped}"')
