"""Publishing an edition for the first time freezes the sheets it contains."""

from django.dispatch import receiver
from wagtail.signals import published

from curriculum.models import FrameworkEdition


@receiver(published, sender=FrameworkEdition, dispatch_uid="curriculum_freeze_edition")
def freeze_edition_on_first_publication(sender, instance: FrameworkEdition, **kwargs) -> None:
    instance.freeze()
