"""Background work of the training-action (scheduled by Celery beat, see settings)."""

from celery import shared_task


@shared_task(name="modules.close_attendance")
def close_attendance() -> int:
    """Mark absent the people nobody marked, some hours after each session ended."""
    from modules.services.attendance import close_expired_attendance

    return close_expired_attendance()


@shared_task(name="modules.assignment_reminders")
def assignment_reminders() -> int:
    """Remind structures of intersession work due soon, and of work overdue."""
    from modules.services.assignments import send_assignment_reminders

    return send_assignment_reminders()
