"""Background work of the evaluation (scheduled by Celery beat, see settings)."""

from celery import shared_task


@shared_task(name="evaluation.schedule_and_remind")
def schedule_and_remind() -> dict:
    """Each morning: schedule the reports of every season under way, then send the reminders."""
    from evaluation.services import reminders_send, schedule_all

    return {"scheduled": schedule_all(), "reminded": reminders_send()}
