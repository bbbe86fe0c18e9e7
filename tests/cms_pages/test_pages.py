import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from icalendar import Calendar
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from candidacy.models import CallPage
from cms_pages.models import (
    EventIndexPage,
    EventPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    StandardPage,
)
from curriculum.models import FrameworkPage
from modules.models import TrainingActionPage
from tests.cms_pages.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    StandardPageFactory,
)
from tutoring.guide.models import GuidePage


class TestPageTree(WagtailPageTestCase):
    def test_home_sits_at_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_home_children(self):
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                StandardPage,
                NewsIndexPage,
                EventIndexPage,
                FrameworkPage,
                TrainingActionPage,
                CallPage,
                GuidePage,
            },
        )

    def test_standard_pages_nest(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})

    def test_news_live_only_in_the_news_index(self):
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})
        self.assertAllowedSubpageTypes(NewsPage, set())

    def test_events_live_only_in_the_event_index(self):
        self.assertAllowedParentPageTypes(EventPage, {EventIndexPage})
        self.assertAllowedSubpageTypes(EventIndexPage, {EventPage})
        self.assertAllowedSubpageTypes(EventPage, set())

    def test_programme_pages_sit_under_home(self):
        for model in (FrameworkPage, TrainingActionPage, CallPage):
            self.assertAllowedParentPageTypes(model, {HomePage})


@pytest.mark.django_db
class TestRendering:
    def test_home_shows_latest_news_and_upcoming_events(self, client, home):
        news_index = NewsIndexPageFactory(parent=home)
        NewsPageFactory(parent=news_index, title="Ouverture de l'appel 2027")
        event_index = EventIndexPageFactory(parent=home)
        EventPageFactory(parent=event_index, title="Demi-journée à Pau")
        past = timezone.now() - datetime.timedelta(days=30)
        EventPageFactory(
            parent=event_index,
            title="Réunion passée",
            start=past,
            end=past + datetime.timedelta(hours=2),
        )

        html = client.get("/").content.decode()

        assert "Ouverture de l&#x27;appel 2027" in html
        assert "Demi-journée à Pau" in html
        assert "Réunion passée" not in html
        assert html.count("<h1") == 1

    def test_standard_page_renders_every_block(self, client, home):
        page = StandardPageFactory(parent=home, title="Le programme", slug="le-programme")

        response = client.get(page.url)

        html = response.content.decode()
        assert response.status_code == 200
        assert "<h2>Une section</h2>" in html
        assert '<aside class="callout callout--info"' in html
        assert "<details" in html
        assert "<blockquote>" in html
        assert "<caption>Un tableau</caption>" in html
        assert '<th scope="col">Principe</th>' in html
        assert 'aria-label="Fil d’Ariane"' in html
        assert html.count("<h1") == 1

    def test_news_index_lists_news_newest_first(self, client, home):
        index = NewsIndexPageFactory(parent=home)
        today = timezone.localdate()
        NewsPageFactory(parent=index, title="Ancienne", date=today - datetime.timedelta(days=9))
        NewsPageFactory(parent=index, title="Récente", date=today)

        html = client.get(index.url).content.decode()

        assert html.index("Récente") < html.index("Ancienne")

    def test_event_index_separates_upcoming_and_past(self, client, home):
        index = EventIndexPageFactory(parent=home)
        EventPageFactory(parent=index, title="À venir bientôt")
        past = timezone.now() - datetime.timedelta(days=3)
        EventPageFactory(
            parent=index, title="Déjà passé", start=past, end=past + datetime.timedelta(hours=1)
        )

        html = client.get(index.url).content.decode()

        assert html.index("À venir bientôt") < html.index("Évènements passés")
        assert html.index("Évènements passés") < html.index("Déjà passé")

    def test_unpublished_pages_are_not_listed(self, client, home):
        index = NewsIndexPageFactory(parent=home)
        draft = NewsPageFactory(parent=index, title="Brouillon secret")
        draft.unpublish()

        assert "Brouillon secret" not in client.get(index.url).content.decode()
        assert client.get(f"{index.url}{draft.slug}/").status_code == 404


@pytest.mark.django_db
class TestEvents:
    def test_event_ics_download(self, client, home):
        index = EventIndexPageFactory(parent=home)
        start = timezone.make_aware(datetime.datetime(2027, 3, 12, 9, 30))
        event = EventPageFactory(
            parent=index,
            title="Présentation de l'appel",
            slug="presentation",
            start=start,
            end=start + datetime.timedelta(hours=3),
            location="Pau, salle des fêtes",
        )

        response = client.get(f"{event.url}ics/")

        assert response.status_code == 200
        assert response["Content-Type"] == "text/calendar; charset=utf-8"
        assert response["Content-Disposition"] == 'attachment; filename="presentation.ics"'
        calendar = Calendar.from_ical(response.content)
        (vevent,) = calendar.walk("VEVENT")
        assert str(vevent["SUMMARY"]) == "Présentation de l'appel"
        assert vevent.decoded("DTSTART") == start
        assert vevent.decoded("DTEND") == start + datetime.timedelta(hours=3)
        assert str(vevent["LOCATION"]) == "Pau, salle des fêtes"
        assert str(vevent["URL"]).endswith("/evenements/presentation/")
        assert str(vevent["UID"]) == f"event-{event.translation_key}@essaim"

    def test_online_event_puts_its_link_in_the_calendar(self, client, home):
        index = EventIndexPageFactory(parent=home)
        event = EventPageFactory(
            parent=index, location="", online_url="https://visio.example.org/essaim"
        )

        vevent = Calendar.from_ical(client.get(f"{event.url}ics/").content).walk("VEVENT")[0]

        assert str(vevent["LOCATION"]) == "https://visio.example.org/essaim"
        assert "https://visio.example.org/essaim" in str(vevent["DESCRIPTION"])

    def test_event_page_offers_the_ics_link(self, client, home):
        index = EventIndexPageFactory(parent=home)
        event = EventPageFactory(parent=index, registration_url="https://example.org/inscription")

        html = client.get(event.url).content.decode()

        assert f'href="{event.url}ics/"' in html
        assert 'href="https://example.org/inscription"' in html

    def test_event_must_end_after_it_starts(self):
        start = timezone.now()
        event = EventPage(title="x", slug="x", start=start, end=start, location="Paris")
        with pytest.raises(ValidationError) as error:
            event.clean()
        assert "end" in error.value.message_dict

    def test_event_needs_a_place_or_a_link(self):
        start = timezone.now()
        event = EventPage(title="x", slug="x", start=start, end=start + datetime.timedelta(hours=1))
        with pytest.raises(ValidationError) as error:
            event.clean()
        assert "location" in error.value.message_dict
