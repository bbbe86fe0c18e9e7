from django import template

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
