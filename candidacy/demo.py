"""Demo data of candidacy; the issue that builds candidacy extends it."""

from candidacy.models import CallPage
from cms_pages.demo import ensure_page, home_pages
from cms_pages.demo_content import PROGRAMME_PAGES


def load_home_page(stdout) -> None:
    ensure_page(
        home_pages(),
        CallPage,
        "appel-a-territoires",
        PROGRAMME_PAGES["appel-a-territoires"],
        show_in_menus=True,
    )
