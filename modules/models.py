from django.utils.translation import gettext_lazy as _

from portal.pages import ProgrammeHomePage


class TrainingActionPage(ProgrammeHomePage):
    """Home of the five-month training-action; modules come with the training-action issue."""

    class Meta:
        verbose_name = _("formation-action")
