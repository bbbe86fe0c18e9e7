from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CandidacyConfig(AppConfig):
    name = "candidacy"
    label = "candidacy"
    verbose_name = _("Candidatures")
