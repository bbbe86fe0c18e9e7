"""Background work of tutoring (scheduled by Celery beat, see settings)."""

from celery import shared_task

from tutoring.guide.tasks import build_guide_pdf  # noqa: F401  (registered with the app's tasks)


@shared_task(name="tutoring.escalate_questions")
def escalate_questions() -> int:
    """Send each question unanswered past its deadline one level up (experts, then Ansa)."""
    from tutoring.qa.services import escalate_due

    return escalate_due()


@shared_task(name="tutoring.accept_reminders")
def accept_reminders() -> int:
    """Remind askers to accept an answer that came some working days ago."""
    from tutoring.qa.services import remind_accept_due

    return remind_accept_due()
