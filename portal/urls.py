"""Root URLs. Logged-in by default (LoginRequiredMiddleware); public views are marked here.

Wagtail's own URL modules don't mark their front-end views as public, so they are routed here
with `login_not_required`; those views check page and document privacy themselves.
"""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents.views import serve as document_views
from wagtail.urls import serve_pattern

from portal import views

portal_patterns = (
    [path("mon-espace/", views.dashboard, name="dashboard")],
    "portal",
)

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    re_path(
        r"^documents/(\d+)/(.*)$",
        login_not_required(document_views.serve),
        name="wagtaildocs_serve",
    ),
    path(
        "documents/authenticate_with_password/<int:restriction_id>/",
        login_not_required(document_views.authenticate_with_password),
        name="wagtaildocs_authenticate_with_password",
    ),
    path("sante/", views.health, name="health"),
    path("sitemap.xml", login_not_required(sitemap), name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
]

urlpatterns += i18n_patterns(
    path("comptes/", include("allauth.urls")),
    path("", include(portal_patterns)),
    path("", include("portal.urls_people")),
    path("recherche/", views.search, name="search"),
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        login_not_required(wagtail_views.authenticate_with_password),
        name="wagtailcore_authenticate_with_password",
    ),
    # Wagtail reverses this name even when WAGTAIL_FRONTEND_LOGIN_URL points elsewhere: it only
    # forwards to allauth's login, so no login form escapes its throttling and second factor.
    path(
        "_util/login/",
        login_not_required(RedirectView.as_view(pattern_name="account_login", query_string=True)),
        name="wagtailcore_login",
    ),
    re_path(serve_pattern, login_not_required(wagtail_views.serve), name="wagtail_serve"),
    prefix_default_language=False,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns

handler403 = views.error_403
handler404 = views.error_404
handler500 = views.error_500
