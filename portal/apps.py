from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    label = "portal"
    verbose_name = _("Portail")

    def ready(self) -> None:
        # Each app contributes its demo data and dashboard panels through `<app>/contrib.py`,
        # so the foundation never imports the apps built on it.
        autodiscover_modules("contrib")
