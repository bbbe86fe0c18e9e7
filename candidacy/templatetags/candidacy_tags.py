"""The candidacy pages' filters now live in the portal's `essaim` library; kept as an alias."""

from django import template

from portal.templatetags.essaim import clock, long_date, status_icon

register = template.Library()
register.filter("long_date", long_date)
register.filter("clock", clock)
register.filter("status_icon", status_icon)
