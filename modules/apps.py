from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModulesConfig(AppConfig):
    name = "modules"
    label = "modules"
    verbose_name = _("Saisons et formation-action")

    def ready(self) -> None:
        from modules import signals  # noqa: F401
