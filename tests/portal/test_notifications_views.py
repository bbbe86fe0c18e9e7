"""The notification centre: each person sees and changes only their own notifications."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from portal.enums import DeliveryMode, NotificationCategory
from portal.models import Notification
from portal.notifications.selectors import notification_preferences_for
from tests.helpers import count_queries
from tests.portal.factories import UserFactory
from tests.portal.notification_factories import NotificationFactory, NotificationPreferenceFactory

pytestmark = pytest.mark.django_db

LIST_URL = reverse("notifications:list")
PREFERENCES_URL = reverse("notifications:preferences")
MARK_ALL_READ_URL = reverse("notifications:mark_all_read")


def open_url(notification: Notification) -> str:
    return reverse("notifications:open", args=[notification.pk])


@pytest.fixture
def person(client, home):
    user = UserFactory(first_name="Léa")
    client.force_login(user)
    return user


def soup_of(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def test_centre_lists_only_my_notifications_newest_first(client, person):
    older = NotificationFactory(recipient=person, title="Séance du 12 mars programmée")
    newer = NotificationFactory(recipient=person, title="Question reçue sur le guide")
    NotificationFactory(title="Notification de quelqu'un d'autre")

    response = client.get(LIST_URL)

    assert response.status_code == 200
    titles = [title.get_text(strip=True) for title in soup_of(response).select(".card__title")]
    assert titles == [newer.title, older.title]


def test_unread_notifications_are_marked_as_such(client, person):
    NotificationFactory(recipient=person, title="Pas encore lue")
    NotificationFactory(recipient=person, title="Déjà lue", read=True)

    soup = soup_of(client.get(LIST_URL))

    unread = soup.select(".notification--unread")
    assert [item.select_one(".card__title").get_text(strip=True) for item in unread] == [
        "Pas encore lue"
    ]
    assert "Non lue" in unread[0].get_text()


def test_centre_is_paginated_by_twenty(client, person):
    NotificationFactory.create_batch(25, recipient=person)
    first = soup_of(client.get(LIST_URL))
    second = soup_of(client.get(LIST_URL, {"page": 2}))
    assert len(first.select(".notification")) == 20
    assert len(second.select(".notification")) == 5
    assert first.select_one("nav.pagination") is not None


def test_empty_centre_explains_what_will_appear(client, person):
    response = client.get(LIST_URL)
    assert "Vous n'avez aucune notification" in response.content.decode()


def test_opening_a_notification_marks_it_read_and_goes_to_its_object(client, person):
    notification = NotificationFactory(recipient=person, url="/mon-espace/")

    response = client.post(open_url(notification))

    assert response.status_code == 302
    assert response["Location"] == "/mon-espace/"
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_opening_never_redirects_to_another_site(client, person):
    notification = NotificationFactory(recipient=person, url="https://evil.example.com/")
    response = client.post(open_url(notification))
    assert response["Location"] == LIST_URL


def test_opening_a_notification_without_link_returns_to_the_centre(client, person):
    notification = NotificationFactory(recipient=person, url="")
    response = client.post(open_url(notification))
    assert response["Location"] == LIST_URL
    notification.refresh_from_db()
    assert notification.is_read


def test_someone_elses_notification_is_not_found(client, person):
    theirs = NotificationFactory(title="Candidature confidentielle")

    response = client.post(open_url(theirs))

    assert response.status_code == 404
    assert "Candidature confidentielle" not in response.content.decode()
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_opening_needs_a_post(client, person):
    notification = NotificationFactory(recipient=person)
    assert client.get(open_url(notification)).status_code == 405
    notification.refresh_from_db()
    assert notification.read_at is None


def test_mark_all_read_marks_only_mine(client, person):
    NotificationFactory.create_batch(3, recipient=person)
    theirs = NotificationFactory()

    response = client.post(MARK_ALL_READ_URL, follow=True)

    assert response.redirect_chain == [(LIST_URL, 302)]
    assert "3 notifications marquées comme lues." in response.content.decode()
    assert not person.notifications.filter(read_at__isnull=True).exists()
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_header_shows_the_unread_count(client, person):
    NotificationFactory.create_batch(3, recipient=person)
    NotificationFactory(recipient=person, read=True)
    NotificationFactory()

    link = soup_of(client.get(reverse("portal:dashboard"))).select_one(
        f'header a[href="{LIST_URL}"]'
    )

    assert " ".join(link.get_text().split()) == "Notifications (3 non lues)"
    assert link.select_one(".visually-hidden").get_text(strip=True) == "non lues"


def test_header_has_no_notification_link_for_anonymous_visitors(client, home):
    assert LIST_URL not in client.get("/").content.decode()


def test_anonymous_visitors_are_sent_to_login(client, home):
    for url in (LIST_URL, PREFERENCES_URL):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(f"{reverse('account_login')}?next=")
    notification = NotificationFactory()
    assert client.post(open_url(notification)).status_code == 302
    assert client.post(MARK_ALL_READ_URL).status_code == 302
    notification.refresh_from_db()
    assert notification.read_at is None


#: Session, user, page count, page slice, header unread count, site chrome (4).
LIST_QUERIES = 9


def test_centre_query_count_is_constant(client, person):
    NotificationFactory.create_batch(2, recipient=person)
    assert count_queries(client, LIST_URL) == LIST_QUERIES
    NotificationFactory.create_batch(30, recipient=person)
    NotificationFactory.create_batch(5)
    assert count_queries(client, LIST_URL) == LIST_QUERIES


# Preferences


def test_preferences_form_offers_off_only_where_allowed(client, person):
    soup = soup_of(client.get(PREFERENCES_URL))

    signature = soup.select_one("fieldset:has(input[name=signature])")
    assert signature.legend.get_text(strip=True) == "Demandes de signature"
    assert {radio["value"] for radio in signature.select("input[type=radio]")} == {
        "immediate",
        "digest",
    }
    assert "ne peuvent pas être désactivées" in signature.get_text()
    candidacy = soup.select_one("fieldset:has(input[name=candidacy])")
    assert {radio["value"] for radio in candidacy.select("input[type=radio]")} == {
        "immediate",
        "digest",
        "off",
    }
    # Every radio has its own label.
    for radio in soup.select("input[type=radio]"):
        assert soup.select_one(f'label[for="{radio["id"]}"]') is not None


def test_preferences_form_shows_the_current_choices(client, person):
    NotificationPreferenceFactory(user=person, category="tutoring", delivery=DeliveryMode.OFF)
    soup = soup_of(client.get(PREFERENCES_URL))
    assert soup.select_one("input[name=tutoring][checked]")["value"] == "off"
    assert soup.select_one("input[name=signature][checked]")["value"] == "immediate"


def all_preferences(**overrides) -> dict[str, str]:
    return {category.value: "immediate" for category in NotificationCategory} | overrides


def test_saving_preferences(client, person):
    response = client.post(PREFERENCES_URL, all_preferences(candidacy="digest", guide="off"))

    assert response.status_code == 302
    assert response["Location"] == PREFERENCES_URL
    preferences = notification_preferences_for(user=person)
    assert preferences[NotificationCategory.CANDIDACY] == DeliveryMode.DIGEST
    assert preferences[NotificationCategory.GUIDE] == DeliveryMode.OFF


def test_mandatory_category_cannot_be_turned_off_through_the_form(client, person):
    response = client.post(PREFERENCES_URL, all_preferences(signature="off", candidacy="digest"))

    assert response.status_code == 200
    soup = soup_of(response)
    summary = soup.select_one("#error-summary")
    assert summary["role"] == "alert"
    assert "ne peuvent pas être désactivées" in summary.get_text()
    # The summary links to the group, whose error sits next to it.
    link = summary.select_one("a")
    assert link["href"] == "#id_signature_0"
    assert soup.select_one("#id_signature_0") is not None
    fieldset = soup.select_one("fieldset:has(#id_signature_0)")
    assert "id_signature_error" in fieldset["aria-describedby"]
    assert "ne peuvent pas être désactivées" in fieldset.select_one("#id_signature_error").text
    # What was chosen elsewhere is kept; nothing was saved.
    assert soup.select_one("input[name=candidacy][checked]")["value"] == "digest"
    assert not person.notification_preferences.exists()


def test_preferences_form_errors_are_french(client, person):
    data = all_preferences()
    del data["training"]

    soup = soup_of(client.post(PREFERENCES_URL, data))

    assert (
        "Choisissez comment recevoir ces notifications"
        in soup.select_one("#id_training_error").get_text()
    )
    assert "Le formulaire contient des erreurs" in soup.select_one("#error-summary").get_text()
