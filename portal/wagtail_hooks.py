"""The portal's records in Wagtail's admin: the audit log and deletion requests, read-only.

Each is a `ModelViewSet` with only its listing and inspect views: no add, edit, copy or delete
URL exists, and a permission policy grants "view" alone, to Ansa's team and superusers.
"""

from collections.abc import Callable

from django.contrib.auth.models import Permission
from django.db.models import Q
from django.urls import path
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views.generic import InspectView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy

from portal.accounts.permissions import can_handle_deletion_request
from portal.audit.permissions import can_read_audit_log
from portal.audit.selectors import change_rows
from portal.models import AccountDeletionRequest, AuditLogEntry, User
from portal.roles import Role


class ViewOnlyPermissionPolicy(BasePermissionPolicy):
    """Grants "view" to the people `can_view` accepts and nothing else to anybody."""

    def __init__(self, model, *, can_view: Callable[[object], bool]):
        super().__init__(model)
        self.can_view = can_view

    def user_has_permission(self, user, action: str) -> bool:
        return action == "view" and self.can_view(user)

    def user_has_any_permission(self, user, actions) -> bool:
        return "view" in actions and self.can_view(user)

    def users_with_any_permission(self, actions):
        if "view" not in actions:
            return User.objects.none()
        return User.objects.filter(
            Q(is_superuser=True) | Q(groups__name=Role.ANSA.value), is_active=True
        ).distinct()


# Registered before the viewsets, which would otherwise create Wagtail's default policy.
register_permission_policy(
    AuditLogEntry, ViewOnlyPermissionPolicy(AuditLogEntry, can_view=can_read_audit_log)
)
register_permission_policy(
    AccountDeletionRequest,
    ViewOnlyPermissionPolicy(
        AccountDeletionRequest, can_view=lambda user: can_handle_deletion_request(user)
    ),
)


class ReadOnlyModelViewSet(ModelViewSet):
    """A listing and an inspect view; nothing that writes."""

    inspect_view_enabled = True
    copy_view_enabled = False
    add_to_reference_index = False
    WRITING_URL_NAMES = ("add", "edit", "delete", "copy", "history", "usage")

    def get_common_view_kwargs(self, **kwargs):
        view_kwargs = super().get_common_view_kwargs(**kwargs)
        for name in self.WRITING_URL_NAMES:
            view_kwargs[f"{name}_url_name"] = None
        return view_kwargs

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path(f"inspect/<{self.pk_path_converter}:pk>/", self.inspect_view, name="inspect"),
        ]

    def get_permissions_to_register(self):
        # The policy above decides; no group permission could grant more.
        return Permission.objects.none()

    def register_admin_url_finder(self):
        # Wagtail's finder points at the edit view, which does not exist here.
        pass


def _shown(value) -> str:
    if value is None or value == "":
        return _("(vide)")
    if isinstance(value, bool):
        return _("oui") if value else _("non")
    return value


class AuditLogEntryInspectView(InspectView):
    def get_changes_display_value(self):
        return format_html_join(
            "\n",
            "<p>{} : {} → {}</p>",
            (
                (row.label, _shown(row.before), _shown(row.after))
                for row in change_rows(self.object)
            ),
        ) or _("Aucun champ modifié")


class AuditLogEntryViewSet(ReadOnlyModelViewSet):
    model = AuditLogEntry
    name = "journal"
    icon = "history"
    menu_label = _("Journal d'audit")
    inspect_view_class = AuditLogEntryInspectView
    list_display = ["__str__", "actor_label", "action", "content_type", "created_at"]
    list_filter = ["action", "created_at"]
    search_fields = ["actor_label", "action", "object_repr"]
    search_backend_name = None
    list_per_page = 50


class AccountDeletionRequestViewSet(ReadOnlyModelViewSet):
    model = AccountDeletionRequest
    name = "demandes-suppression"
    icon = "user"
    menu_label = _("Demandes de suppression de compte")
    list_display = ["email", "status", "requested_at", "handled_at"]
    list_filter = ["status"]
    inspect_view_fields = ["email", "reason", "status", "requested_at", "handled_at"]


class PeopleAndTrustViewSetGroup(ModelViewSetGroup):
    menu_label = _("Comptes et traçabilité")
    menu_icon = "lock"
    items = (AuditLogEntryViewSet, AccountDeletionRequestViewSet)


@hooks.register("register_admin_viewset")
def register_people_and_trust_viewsets():
    return PeopleAndTrustViewSetGroup()
