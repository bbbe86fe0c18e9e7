"""E-mails sent by Essaim's own services: absolute links and text + HTML from templates/emails/."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils.http import url_has_allowed_host_and_scheme


def absolute_url(path: str) -> str:
    """`path` on the public site, or "" when it is not a local path (never link elsewhere)."""
    if not path or not url_has_allowed_host_and_scheme(path, allowed_hosts=None):
        return ""
    if not path.startswith("/"):
        return ""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def templated_email(
    *,
    to: list[str],
    subject: str,
    template: str,
    context: dict,
    headers: dict[str, str] | None = None,
) -> EmailMultiAlternatives:
    """A message whose text and HTML bodies are `emails/<template>.txt` and `.html`."""
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"emails/{template}.txt", context),
        to=to,
        headers=headers,
    )
    message.attach_alternative(render_to_string(f"emails/{template}.html", context), "text/html")
    return message
