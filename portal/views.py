"""Site-wide views: personal dashboard, search, health, error pages."""

from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from wagtail.models import Locale, Page

from portal.health import run_checks
from portal.registry import dashboard_panels
from portal.roles import user_roles

SEARCH_RESULTS_PER_PAGE = 10


def dashboard(request: HttpRequest) -> HttpResponse:
    panels = []
    for panel in dashboard_panels():
        context = panel.build(request)
        if context is not None:
            panels.append({"template": panel.template, "context": context})
    roles = sorted(user_roles(request.user), key=lambda role: role.label)
    return render(
        request,
        "portal/dashboard.html",
        {
            "panels": panels,
            "roles": roles,
            "role_templates": [f"portal/dashboard/role_{role.value}.html" for role in roles],
        },
    )


@login_not_required
@require_GET
def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:200]
    results = None
    if query:
        pages = (
            Page.objects.live()
            .public()
            .filter(locale=Locale.get_active())
            .exclude(depth__lte=1)
            .specific()
        )
        results = Paginator(pages.search(query), SEARCH_RESULTS_PER_PAGE).get_page(
            request.GET.get("page")
        )
    return render(request, "portal/search.html", {"query": query, "results": results})


@login_not_required
@never_cache
@require_GET
def health(request: HttpRequest) -> JsonResponse:
    checks = run_checks()
    healthy = all(not value.startswith("error") for value in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "error", "checks": checks}, status=200 if healthy else 503
    )


@login_not_required
@require_GET
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /comptes/",
        "Disallow: /mon-espace/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def error_403(request: HttpRequest, exception=None) -> HttpResponse:
    return render(request, "errors/403.html", status=403)


def error_404(request: HttpRequest, exception=None) -> HttpResponse:
    return render(request, "errors/404.html", status=404)


def error_500(request: HttpRequest) -> HttpResponse:
    # No context processors here: the database may be what failed.
    from django.template import loader

    return HttpResponse(loader.get_template("errors/500.html").render(), status=500)
