"""Second factors: MFA required for programme staff, and an optional e-mailed login code.

allauth has no switch to force MFA on some users; Essaim's middleware does it: under
ESSAIM_STAFF_MFA=required, staff without a second factor reach only the public site and allauth's
account pages until they set one up: not the Wagtail admin, not `@staff_page` views, nor any
other page behind a login.
"""

from collections.abc import Callable
from functools import wraps

from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from portal.roles import is_programme_staff

ADMIN_PREFIX = "/admin/"
#: allauth's pages (login, logout, e-mail, password, second factor) stay open to set MFA up.
ACCOUNT_URL_PREFIXES = ("account_", "mfa_")


def staff_page(view: Callable) -> Callable:
    """Mark a view as a staff page: programme staff only, with MFA when it is required."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not is_programme_staff(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    wrapper.essaim_staff_page = True
    return wrapper


def staff_mfa_required() -> bool:
    return settings.ESSAIM_STAFF_MFA == "required"


def needs_mfa_enrolment(user) -> bool:
    return (
        staff_mfa_required()
        and getattr(user, "is_authenticated", False)
        and is_programme_staff(user)
        and not is_mfa_enabled(user)
    )


class StaffMFAMiddleware:
    """Send programme staff without a second factor to its set-up before any staff page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith(ADMIN_PREFIX) and needs_mfa_enrolment(request.user):
            return self._enrol(request)
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not needs_mfa_enrolment(request.user):
            return None
        # Until enrolled, staff keep the public site and their account pages (where the second
        # factor is set up); every other page, staff pages first, waits for the second factor.
        url_name = getattr(request.resolver_match, "url_name", "") or ""
        if url_name.startswith(ACCOUNT_URL_PREFIXES):
            return None
        if getattr(view_func, "essaim_staff_page", False) or getattr(
            view_func, "login_required", True
        ):
            return self._enrol(request)
        return None

    def _enrol(self, request):
        messages.warning(
            request,
            _(
                "Votre rôle dans le programme demande une double authentification : "
                "activez-la pour accéder aux pages de l'équipe."
            ),
        )
        return redirect("mfa_activate_totp")


class AccountAdapter(DefaultAccountAdapter):
    def is_login_by_code_required(self, login) -> bool:
        # People who chose it get a code by e-mail after their password, unless they already
        # use an authenticator app (allauth then asks for its code instead).
        user = login.user
        if getattr(user, "login_code_by_email", False) and not is_mfa_enabled(user):
            from allauth.account.internal.flows.login import get_authentication_records

            records = get_authentication_records(self.request, user)
            return not records or records[-1]["method"] != "code"
        return super().is_login_by_code_required(login)
