"""Background work of candidacies."""

from celery import shared_task


@shared_task(name="candidacy.anonymise_expired_candidacies")
def anonymise_expired_candidacies() -> int:
    """Each night: anonymise dossiers not selected once their season's retention has passed."""
    from candidacy.services import anonymise_expired

    return anonymise_expired()
