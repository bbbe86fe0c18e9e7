"""Ordinary CMS pages: home, standard pages, news and events of the awareness campaign."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.documents.models import AbstractDocument, Document
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms_pages.blocks import BodyStreamBlock
from cms_pages.calendar import event_to_ics
from portal.storage import private_storage

NEWS_PER_PAGE = 10


class EssaimDocument(AbstractDocument):
    """A Wagtail document kept in the private storage: only Wagtail's checked view serves it.

    Collection privacy (e.g. the framework's tools) would mean nothing if the file also sat
    under the public media URL, so no document file ever does.
    """

    file = models.FileField(
        _("fichier"), upload_to="documents", storage=private_storage, max_length=200
    )

    admin_form_fields = Document.admin_form_fields

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")


def optional_link(target: str, verbose_name) -> models.ForeignKey:
    """A link to a page, document or image that editors may leave empty or that may disappear."""
    return models.ForeignKey(
        target,
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )


class BasePage(Page):
    """What every editorial page has: a short introduction shown under the title and in lists."""

    intro = models.TextField(
        _("chapeau"),
        blank=True,
        max_length=600,
        help_text=_("Une ou deux phrases, affichées sous le titre et dans les listes."),
    )

    search_fields = [*Page.search_fields, index.SearchField("intro")]

    class Meta:
        abstract = True


class HomePage(BasePage):
    hero_title = models.CharField(_("accroche"), max_length=200, blank=True)
    primary_link = optional_link("wagtailcore.Page", _("lien principal"))
    primary_link_label = models.CharField(_("texte du lien principal"), max_length=80, blank=True)
    body = StreamField(BodyStreamBlock(), verbose_name=_("contenu"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("hero_title"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("primary_link"), FieldPanel("primary_link_label")],
            heading=_("Appel à l'action"),
        ),
        FieldPanel("body"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "cms_pages.StandardPage",
        "cms_pages.NewsIndexPage",
        "cms_pages.EventIndexPage",
        "curriculum.FrameworkPage",
        "modules.TrainingActionPage",
        "candidacy.CallPage",
        "tutoring.GuidePage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("page d'accueil")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_news"] = (
            NewsPage.objects.live().public().filter(locale=self.locale).order_by("-date")[:3]
        )
        context["upcoming_events"] = (
            EventPage.objects.live()
            .public()
            .filter(locale=self.locale, end__gte=timezone.now())
            .order_by("start")[:3]
        )
        return context


class StandardPage(BasePage):
    body = StreamField(BodyStreamBlock(), verbose_name=_("contenu"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = ["cms_pages.HomePage", "cms_pages.StandardPage"]
    subpage_types = ["cms_pages.StandardPage"]

    class Meta:
        verbose_name = _("page standard")
        verbose_name_plural = _("pages standard")


class NewsIndexPage(BasePage):
    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms_pages.HomePage"]
    subpage_types = ["cms_pages.NewsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("liste des actualités")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        news = NewsPage.objects.child_of(self).live().public().order_by("-date", "-pk")
        context["news_page"] = Paginator(news, NEWS_PER_PAGE).get_page(request.GET.get("page"))
        return context


class NewsPage(BasePage):
    date = models.DateField(_("date de publication"), default=timezone.localdate)
    image = optional_link("wagtailimages.Image", _("image d'illustration"))
    image_alt = models.CharField(
        _("texte alternatif de l'image"),
        max_length=250,
        blank=True,
        help_text=_("Laisser vide si l'image est purement décorative."),
    )
    body = StreamField(BodyStreamBlock(), verbose_name=_("contenu"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Image")),
        FieldPanel("body"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = ["cms_pages.NewsIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("actualité")
        verbose_name_plural = _("actualités")


class EventIndexPage(BasePage):
    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms_pages.HomePage"]
    subpage_types = ["cms_pages.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("liste des évènements")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        events = EventPage.objects.child_of(self).live().public()
        now = timezone.now()
        context["upcoming_events"] = events.filter(end__gte=now).order_by("start")
        context["past_events"] = events.filter(end__lt=now).order_by("-start")[:12]
        return context


class EventPage(RoutablePageMixin, BasePage):
    start = models.DateTimeField(_("début"))
    end = models.DateTimeField(_("fin"))
    location = models.CharField(
        _("lieu"),
        max_length=250,
        blank=True,
        help_text=_("Adresse complète ; laisser vide pour un évènement uniquement en ligne."),
    )
    online_url = models.URLField(_("lien de connexion en ligne"), blank=True)
    registration_url = models.URLField(_("lien d'inscription"), blank=True)
    body = StreamField(BodyStreamBlock(), verbose_name=_("contenu"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("start"),
                FieldPanel("end"),
                FieldPanel("location"),
                FieldPanel("online_url"),
                FieldPanel("registration_url"),
            ],
            heading=_("Date, lieu et inscription"),
        ),
        FieldPanel("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("location"),
        index.SearchField("body"),
    ]

    parent_page_types = ["cms_pages.EventIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("évènement")
        verbose_name_plural = _("évènements")

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("La fin doit être postérieure au début.")
        if not self.location and not self.online_url:
            errors["location"] = _("Indiquez un lieu ou un lien de connexion en ligne.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_online(self) -> bool:
        return bool(self.online_url)

    @property
    def lasts_several_days(self) -> bool:
        local_start = timezone.localtime(self.start)
        local_end = timezone.localtime(self.end - timedelta(seconds=1))
        return local_start.date() != local_end.date()

    @path("ics/", name="ics")
    def ics(self, request):
        response = HttpResponse(
            event_to_ics(self, url=self.get_full_url(request)),
            content_type="text/calendar; charset=utf-8",
        )
        response["Content-Disposition"] = f'attachment; filename="{self.slug}.ics"'
        return response


@register_setting(icon="site")
class SiteChrome(BaseSiteSetting):
    """What every page's header and footer show: contact, footer links, social networks."""

    contact_email = models.EmailField(_("adresse de contact"), blank=True)
    contact_phone = models.CharField(_("téléphone de contact"), max_length=30, blank=True)
    postal_address = models.TextField(_("adresse postale"), blank=True)
    legal_notice_page = optional_link("wagtailcore.Page", _("page des mentions légales"))
    privacy_page = optional_link("wagtailcore.Page", _("page données personnelles"))
    accessibility_page = optional_link("wagtailcore.Page", _("page déclaration d'accessibilité"))
    brochure = optional_link(settings.WAGTAILDOCS_DOCUMENT_MODEL, _("plaquette à télécharger"))
    linkedin_url = models.URLField(_("LinkedIn"), blank=True)
    mastodon_url = models.URLField(_("Mastodon"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("postal_address"),
            ],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("legal_notice_page"),
                FieldPanel("privacy_page"),
                FieldPanel("accessibility_page"),
                FieldPanel("brochure"),
            ],
            heading=_("Pied de page"),
        ),
        MultiFieldPanel(
            [FieldPanel("linkedin_url"), FieldPanel("mastodon_url"), FieldPanel("youtube_url")],
            heading=_("Réseaux sociaux"),
        ),
    ]

    class Meta:
        verbose_name = _("habillage du site")

    @property
    def social_links(self) -> list[tuple[str, str]]:
        links = [
            ("LinkedIn", self.linkedin_url),
            ("Mastodon", self.mastodon_url),
            ("YouTube", self.youtube_url),
        ]
        return [(name, url) for name, url in links if url]
