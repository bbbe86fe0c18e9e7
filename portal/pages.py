"""Abstract page types shared by the apps built on the portal."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index


class ProgrammeHomePage(Page):
    """The public home of one part of the programme (framework, training-action, call).

    Each app's concrete page adds its own content and template as its issue lands.
    """

    intro = models.TextField(_("chapeau"), blank=True, max_length=600)
    body = RichTextField(
        _("présentation"), blank=True, features=["bold", "italic", "link", "ol", "ul", "h2", "h3"]
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["cms_pages.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        abstract = True
