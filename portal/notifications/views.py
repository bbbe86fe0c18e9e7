"""The notification centre and the preferences page. Logged-in only (LoginRequiredMiddleware)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from portal.notifications.forms import NotificationPreferencesForm
from portal.notifications.selectors import notification_list_for, notification_preferences_for
from portal.notifications.services import (
    notification_mark_all_read,
    notification_mark_read,
    notification_preferences_update,
)

NOTIFICATIONS_PER_PAGE = 20


def notification_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(notification_list_for(user=request.user), NOTIFICATIONS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(request, "portal/notifications/list.html", {"page_obj": page})


@require_POST
def notification_open(request: HttpRequest, pk: int) -> HttpResponse:
    # Another person's notification is simply not found.
    notification = get_object_or_404(notification_list_for(user=request.user), pk=pk)
    notification_mark_read(user=request.user, notification=notification)
    if notification.url and url_has_allowed_host_and_scheme(
        notification.url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(notification.url)
    return redirect("notifications:list")


@require_POST
def notification_mark_all_read_view(request: HttpRequest) -> HttpResponse:
    count = notification_mark_all_read(user=request.user)
    if count:
        messages.success(
            request,
            ngettext(
                "%(count)d notification marquée comme lue.",
                "%(count)d notifications marquées comme lues.",
                count,
            )
            % {"count": count},
        )
    return redirect("notifications:list")


@require_http_methods(["GET", "POST"])
def notification_preferences(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = NotificationPreferencesForm(request.POST)
        if form.is_valid():
            try:
                notification_preferences_update(user=request.user, preferences=form.preferences())
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Vos préférences de notification sont enregistrées."))
                return redirect(reverse("notifications:preferences"))
    else:
        form = NotificationPreferencesForm(initial=notification_preferences_for(user=request.user))
    return render(request, "portal/notifications/preferences.html", {"form": form})
