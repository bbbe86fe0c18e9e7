from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CurriculumConfig(AppConfig):
    name = "curriculum"
    label = "curriculum"
    verbose_name = _("Référentiel")

    def ready(self) -> None:
        from curriculum import signals  # noqa: F401
