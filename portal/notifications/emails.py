"""Building the notification e-mails, in French, as text and HTML from templates/emails/."""

from collections.abc import Sequence

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.urls import reverse
from django.utils import translation
from django.utils.translation import ngettext

from portal.mail import absolute_url, templated_email
from portal.models import Notification, User

#: Mail clients and servers must not answer these messages automatically (RFC 3834).
HEADERS = {"Auto-Submitted": "auto-generated"}


def _common_context(recipient: User) -> dict:
    return {
        "recipient": recipient,
        "site_url": absolute_url("/"),
        "centre_url": absolute_url(reverse("notifications:list")),
        "preferences_url": absolute_url(reverse("notifications:preferences")),
    }


def _message(
    *, recipient: User, subject: str, template: str, context: dict
) -> EmailMultiAlternatives:
    return templated_email(
        to=[recipient.email],
        subject=f"{settings.EMAIL_SUBJECT_PREFIX}{subject}",
        template=template,
        context=context,
        headers=HEADERS,
    )


def notification_email(notification: Notification) -> EmailMultiAlternatives:
    recipient = notification.recipient
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            **_common_context(recipient),
            "notification": notification,
            "link": absolute_url(notification.url),
        }
        return _message(
            recipient=recipient,
            subject=" ".join(notification.title.split()),
            template="notification",
            context=context,
        )


def digest_email(recipient: User, notifications: Sequence[Notification]) -> EmailMultiAlternatives:
    with translation.override(settings.LANGUAGE_CODE):
        count = len(notifications)
        context = {
            **_common_context(recipient),
            "count": count,
            "entries": [
                {"notification": notification, "link": absolute_url(notification.url)}
                for notification in notifications
            ],
        }
        subject = ngettext(
            "Votre résumé quotidien : %(count)d notification",
            "Votre résumé quotidien : %(count)d notifications",
            count,
        ) % {"count": count}
        return _message(recipient=recipient, subject=subject, template="digest", context=context)
