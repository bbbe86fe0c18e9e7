"""Small helpers shared by the test modules."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def count_queries(client, url: str) -> int:
    """Queries of one successful GET of `url`, once per-process caches are warm."""
    client.get(url)  # the first request of a session fills the site, locale and type caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)
