import factory
from django.utils import timezone

from portal.enums import DeliveryMode, NotificationCategory
from portal.models import Notification, NotificationPreference
from tests.portal.factories import UserFactory


class NotificationFactory(factory.django.DjangoModelFactory):
    """`NotificationFactory(read=True)`, `NotificationFactory(digest=True)`."""

    class Meta:
        model = Notification

    class Params:
        read = factory.Trait(read_at=factory.LazyFunction(timezone.now))
        digest = factory.Trait(delivery=DeliveryMode.DIGEST)

    recipient = factory.SubFactory(UserFactory)
    category = NotificationCategory.CANDIDACY
    kind = "candidacy-submitted"
    title = factory.Sequence(lambda n: f"Candidature n° {n} déposée")
    body = "La structure a déposé sa candidature."
    url = "/mon-espace/"
    delivery = DeliveryMode.IMMEDIATE


class NotificationPreferenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NotificationPreference

    user = factory.SubFactory(UserFactory)
    category = NotificationCategory.CANDIDACY
    delivery = DeliveryMode.DIGEST
