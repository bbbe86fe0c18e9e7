"""Page factories: each creates its page in the tree under `parent` and publishes it."""

import datetime

import factory
from django.utils import timezone
from wagtail.models import Page

from cms_pages.models import (
    EventIndexPage,
    EventPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    StandardPage,
)


class PageFactory(factory.django.DjangoModelFactory):
    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Page {n}")
    slug = factory.Sequence(lambda n: f"page-{n}")
    live = True

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        page = model_class(*args, **kwargs)
        parent = parent or Page.get_first_root_node()
        parent.add_child(instance=page)
        page.save_revision().publish()
        page.refresh_from_db()
        return page


class HomePageFactory(PageFactory):
    class Meta:
        model = HomePage

    title = "Accueil"
    slug = "accueil"
    hero_title = "Essaimer une méthode qui fait ses preuves"
    intro = "Le portail du programme d'essaimage."


class StandardPageFactory(PageFactory):
    class Meta:
        model = StandardPage

    intro = "Une page de présentation."
    body = factory.LazyFunction(
        lambda: [
            {"type": "heading", "value": {"text": "Une section", "level": "h2"}},
            {"type": "paragraph", "value": "<p>Un paragraphe de <b>contenu</b>.</p>"},
            {
                "type": "callout",
                "value": {"tone": "info", "title": "À savoir", "text": "<p>Un encadré.</p>"},
            },
            {
                "type": "accordion",
                "value": {"items": [{"title": "Question", "text": "<p>Réponse.</p>"}]},
            },
            {
                "type": "quote",
                "value": {"text": "Une citation.", "author": "Une personne", "role": ""},
            },
            {
                "type": "table",
                "value": {
                    "caption": "Un tableau",
                    "table": {
                        "data": [["Principe", "Impact"], ["A", "fort"]],
                        "first_row_is_table_header": True,
                        "first_col_is_header": False,
                    },
                },
            },
        ]
    )


class NewsIndexPageFactory(PageFactory):
    class Meta:
        model = NewsIndexPage

    title = "Actualités"
    slug = "actualites"


class NewsPageFactory(PageFactory):
    class Meta:
        model = NewsPage

    intro = "Une actualité du programme."
    date = factory.LazyFunction(timezone.localdate)


class EventIndexPageFactory(PageFactory):
    class Meta:
        model = EventIndexPage

    title = "Évènements"
    slug = "evenements"


class EventPageFactory(PageFactory):
    class Meta:
        model = EventPage

    intro = "Une demi-journée de présentation."
    start = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=10))
    end = factory.LazyAttribute(lambda event: event.start + datetime.timedelta(hours=3))
    location = "Pau"
