"""The one way tutoring tells people something: an in-app notification of the tutoring
category (e-mailed as each person chose), pointing at the object it is about."""

from collections.abc import Iterable

from django.db import models

from portal.enums import NotificationCategory
from portal.models import User
from portal.notifications.services import notification_create


def notify(
    people: Iterable[User],
    target: models.Model,
    *,
    url: str,
    kind: str,
    title: str,
    body: str = "",
    category: str = NotificationCategory.TUTORING,
) -> None:
    for person in people:
        notification_create(
            recipient=person,
            category=category,
            kind=kind,
            title=title,
            body=body,
            url=url,
            target=target,
        )
