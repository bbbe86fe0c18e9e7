"""The unread count shown in every page's header."""

from functools import cache, partial

from django.http import HttpRequest

from portal.notifications.selectors import notification_unread_count


def notifications(request: HttpRequest) -> dict:
    # A callable: templates call it only when they show the count, and only once per request.
    return {
        "notifications_unread_count": cache(
            partial(notification_unread_count, user=getattr(request, "user", None))
        )
    }
