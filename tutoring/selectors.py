"""Reading what every part of tutoring shares."""

from modules.models import SwarmedStructure
from tutoring.permissions import swarmed_ids


def swarmed_structures_of(user) -> list[SwarmedStructure]:
    """The swarmed structures a person speaks for (asking, the hotline), latest season first."""
    ids = swarmed_ids(user)
    if not ids:
        return []
    return list(
        SwarmedStructure.objects.filter(pk__in=ids)
        .select_related("structure", "season")
        .order_by("-season__call_opens_at", "structure__name")
    )
