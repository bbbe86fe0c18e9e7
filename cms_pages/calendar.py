"""iCalendar files for events, built with the icalendar library."""

from django.utils import timezone
from icalendar import Calendar, Event


def event_to_ics(event, *, url: str) -> bytes:
    """One VEVENT for an EventPage, with a stable UID so calendars update rather than duplicate."""
    calendar = Calendar()
    calendar.add("prodid", "-//Ansa//Essaim//FR")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    vevent = Event()
    vevent.add("uid", f"event-{event.translation_key}@essaim")
    vevent.add("dtstamp", timezone.now())
    vevent.add("dtstart", event.start)
    vevent.add("dtend", event.end)
    vevent.add("summary", event.title)
    description = event.intro
    if event.online_url:
        description = f"{description}\n\n{event.online_url}".strip()
    if description:
        vevent.add("description", description)
    location = event.location or event.online_url
    if location:
        vevent.add("location", location)
    vevent.add("url", url)
    calendar.add_component(vevent)
    return calendar.to_ical()
