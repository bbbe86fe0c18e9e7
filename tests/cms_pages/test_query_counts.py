"""Pages cost a fixed number of queries, however much content the site holds."""

import pytest

from tests.cms_pages.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    StandardPageFactory,
)
from tests.helpers import count_queries


def grow_site(home, *, pages: int = 50) -> None:
    news_index = NewsIndexPageFactory(parent=home, slug="archives-actualites")
    event_index = EventIndexPageFactory(parent=home, slug="archives-evenements")
    for number in range(pages // 2):
        NewsPageFactory(parent=news_index, title=f"Actualité {number}")
        EventPageFactory(parent=event_index, title=f"Évènement {number}")
    for number in range(3):
        StandardPageFactory(parent=home, title=f"Rubrique {number}", show_in_menus=True)


@pytest.fixture
def populated_home(home):
    news_index = NewsIndexPageFactory(parent=home, show_in_menus=True)
    NewsPageFactory(parent=news_index)
    event_index = EventIndexPageFactory(parent=home, show_in_menus=True)
    EventPageFactory(parent=event_index)
    return home


HOME_QUERIES = 14
STANDARD_PAGE_QUERIES = 13


@pytest.mark.django_db
def test_home_page_query_count_is_constant(client, populated_home):
    assert count_queries(client, "/") == HOME_QUERIES
    grow_site(populated_home)
    assert count_queries(client, "/") == HOME_QUERIES


@pytest.mark.django_db
def test_standard_page_query_count_is_constant(client, home):
    page = StandardPageFactory(parent=home, slug="le-programme", show_in_menus=True)
    assert count_queries(client, page.url) == STANDARD_PAGE_QUERIES
    grow_site(home)
    assert count_queries(client, page.url) == STANDARD_PAGE_QUERIES
