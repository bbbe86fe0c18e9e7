from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from portal import views

portal_patterns = (
    [path("tableau-de-bord/", views.dashboard, name="dashboard")],
    "portal",
)

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sante/", views.health, name="health"),
]

urlpatterns += i18n_patterns(
    path("comptes/", include("allauth.urls")),
    path("", include(portal_patterns)),
    path("recherche/", views.search, name="search"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns

handler403 = views.error_403
handler404 = views.error_404
handler500 = views.error_500
