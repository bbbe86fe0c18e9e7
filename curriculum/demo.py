"""Demo data of curriculum; the issue that builds curriculum extends it."""

from cms_pages.demo import ensure_page, home_pages
from cms_pages.demo_content import PROGRAMME_PAGES
from curriculum.models import FrameworkPage


def load_home_page(stdout) -> None:
    ensure_page(
        home_pages(),
        FrameworkPage,
        "referentiel",
        PROGRAMME_PAGES["referentiel"],
        show_in_menus=True,
    )
