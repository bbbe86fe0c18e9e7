"""Demo page tree of the public site, in French with English translations.

Idempotent: a page that already exists (same slug under the same parent) is left as it is, so
running `load_demo` again never overwrites what editors changed.
"""

from datetime import datetime, time, timedelta

from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Site,
)

from cms_pages import demo_content as content
from cms_pages.models import (
    EventIndexPage,
    EventPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    SiteChrome,
    StandardPage,
)
from portal.roles import Role

PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
COLLECTION_PERMISSIONS = [
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
]
EDITOR_ROLES = (Role.EDITOR, Role.ANSA, Role.HEAD_OF_NETWORK)


def publish(page: Page) -> Page:
    page.save_revision().publish()
    page.refresh_from_db()
    return page.specific


def ensure_child(parent: Page, model: type[Page], slug: str, **fields) -> Page:
    existing = parent.get_children().filter(slug=slug).specific().first()
    if existing is not None:
        return existing
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    return publish(page)


def ensure_translation(page: Page, locale: Locale, **fields) -> Page:
    """The page's translation in `locale`, created from the source then given its own text."""
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    translation = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    return publish(translation)


def ensure_page(parent_by_locale, model, slug: str, texts: dict, **common):
    """Create a page in French and its English translation; return both keyed by language."""
    french = ensure_child(parent_by_locale["fr"], model, slug, **common, **texts["fr"])
    english = ensure_translation(french, parent_by_locale["en"].locale, **texts["en"])
    return {"fr": french, "en": english}


def ensure_home(locales: dict[str, Locale]) -> dict[str, HomePage]:
    home = HomePage.objects.filter(locale=locales["fr"]).first()
    if home is None:
        root = Page.get_first_root_node()
        home = HomePage(slug="accueil", **_home_fields("fr"))
        root.add_child(instance=home)
        home = publish(home)
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    if site.root_page_id != home.pk:
        placeholder = site.root_page if site.pk else None
        site.root_page = home
        site.hostname = site.hostname or "localhost"
        site.site_name = "Essaim"
        site.save()
        # Wagtail's migrations leave a "Welcome" page as the first site's root; drop it.
        if placeholder is not None and placeholder.specific_class is Page:
            placeholder.delete()
    english = ensure_translation(home, locales["en"], **_home_fields("en"))
    return {"fr": home, "en": english}


def _home_fields(language: str) -> dict:
    texts = content.HOME[language]
    return {
        "title": texts["title"],
        "hero_title": texts["hero_title"],
        "intro": texts["intro"],
        "primary_link_label": texts["primary_link_label"],
        "body": texts["body"],
    }


def ensure_brochure():
    Document = get_document_model()
    document = Document.objects.filter(title=content.BROCHURE["title"]).first()
    if document is None:
        from weasyprint import HTML

        pdf = HTML(string=content.BROCHURE["html"]).write_pdf()
        document = Document(
            title=content.BROCHURE["title"], collection=Collection.get_first_root_node()
        )
        document.file.save("plaquette-essaim-2027.pdf", ContentFile(pdf), save=False)
        document.file_size = len(pdf)
        document.save()
    return document


def ensure_editor_permissions() -> None:
    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    page_permissions = Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=PAGE_PERMISSIONS
    )
    collection_permissions = [
        Permission.objects.get(content_type__app_label=app, codename=codename)
        for app, codename in COLLECTION_PERMISSIONS
    ]
    for role in EDITOR_ROLES:
        group = Group.objects.get_or_create(name=role.value)[0]
        group.permissions.add(access_admin)
        for permission in page_permissions:
            GroupPagePermission.objects.get_or_create(
                group=group, page=root_page, permission=permission
            )
        for permission in collection_permissions:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission
            )


def _event_times(spec: dict) -> tuple[datetime, datetime]:
    day = timezone.localdate() + timedelta(days=spec["in_days"])
    tz = timezone.get_current_timezone()

    def at(clock: str) -> datetime:
        hours, minutes = (int(part) for part in clock.split(":"))
        return datetime.combine(day, time(hours, minutes), tzinfo=tz)

    return at(spec["start"]), at(spec["end"])


def load_site(stdout) -> None:
    locales = {
        "fr": Locale.objects.get_or_create(language_code="fr")[0],
        "en": Locale.objects.get_or_create(language_code="en")[0],
    }
    home = ensure_home(locales)
    brochure = ensure_brochure()

    programme = None
    for spec in content.STANDARD_PAGES:
        pages = ensure_page(
            home, StandardPage, spec["slug"], _with_document(spec, brochure), show_in_menus=True
        )
        programme = programme or pages

    legal = {
        slug: ensure_page(home, StandardPage, slug, texts, show_in_menus=False)
        for slug, texts in content.LEGAL_PAGES.items()
    }

    site = Site.objects.get(is_default_site=True)
    chrome = SiteChrome.for_site(site)
    if not chrome.contact_email:
        chrome.contact_email = content.SITE_CHROME["contact_email"]
        chrome.contact_phone = content.SITE_CHROME["contact_phone"]
        chrome.postal_address = content.SITE_CHROME["postal_address"]
        chrome.legal_notice_page = legal["mentions-legales"]["fr"]
        chrome.privacy_page = legal["donnees-personnelles"]["fr"]
        chrome.accessibility_page = legal["accessibilite"]["fr"]
        chrome.brochure = brochure
        chrome.save()
    if programme and not home["fr"].primary_link_id:
        for language in ("fr", "en"):
            # Fresh from the database: a stale copy would save an outdated child count.
            page = HomePage.objects.get(pk=home[language].pk)
            page.primary_link = programme[language]
            publish(page)

    ensure_editor_permissions()
    stdout.write("  accueil, pages du programme et pages légales")


def home_pages() -> dict[str, HomePage]:
    """The demo home in each language, for the loaders of the apps that add pages under it."""
    french = HomePage.objects.get(locale__language_code="fr", depth=2)
    return {"fr": french, "en": french.get_translation(Locale.objects.get(language_code="en"))}


def load_news_and_events(stdout) -> None:
    home = home_pages()
    news_index = ensure_page(
        home, NewsIndexPage, "actualites", content.NEWS_INDEX, show_in_menus=True
    )
    for spec in content.NEWS:
        date = timezone.localdate() - timedelta(days=spec["days_ago"])
        ensure_page(news_index, NewsPage, spec["slug"], spec, date=date)

    event_index = ensure_page(
        home, EventIndexPage, "evenements", content.EVENT_INDEX, show_in_menus=True
    )
    for spec in content.EVENTS:
        start, end = _event_times(spec)
        ensure_page(
            event_index,
            EventPage,
            spec["slug"],
            spec,
            start=start,
            end=end,
            location=spec["location"],
            online_url=spec["online_url"],
            registration_url=spec["registration_url"],
        )

    stdout.write(f"  site public : {Page.objects.live().count()} pages publiées")


def _with_document(spec: dict, document) -> dict:
    """Page texts with a download block for the brochure appended to each language's body."""
    texts = {}
    for language in ("fr", "en"):
        fields = dict(spec[language])
        label = "Télécharger la plaquette" if language == "fr" else "Download the brochure"
        fields["body"] = [
            *fields.get("body", []),
            {"type": "document", "value": {"document": document.pk, "title": label}},
        ]
        texts[language] = fields
    return texts
