from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsPagesConfig(AppConfig):
    name = "cms_pages"
    label = "cms_pages"
    verbose_name = _("Pages éditoriales")
