from django import template

register = template.Library()


@register.filter
def is_section_of(item, page) -> bool:
    """True when `page` is `item` or lies under it in the page tree."""
    if page is None or not hasattr(page, "path"):
        return False
    return page.path.startswith(item.path)
