from django.db import models
from django.utils.translation import gettext_lazy as _


class Axis(models.TextChoices):
    JOB_SEEKER = "job_seeker", _("Avec le chercheur d'emploi")
    COMPANIES = "companies", _("Avec les entreprises")
    CROSS_CUTTING = "cross_cutting", _("Transversal")


class ImpactLevel(models.TextChoices):
    STRONG = "strong", _("Fort")
    WEAK = "weak", _("Faible")
