"""Demo data of modules; the issue that builds modules extends it."""

from cms_pages.demo import ensure_page, home_pages
from cms_pages.demo_content import PROGRAMME_PAGES
from modules.models import TrainingActionPage


def load_home_page(stdout) -> None:
    ensure_page(
        home_pages(),
        TrainingActionPage,
        "formation-action",
        PROGRAMME_PAGES["formation-action"],
        show_in_menus=True,
    )


def load_training(stdout) -> None:
    """Being written (issue 7): the season in progress, its sessions and work."""
