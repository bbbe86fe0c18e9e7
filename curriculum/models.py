from django.utils.translation import gettext_lazy as _

from portal.pages import ProgrammeHomePage


class FrameworkPage(ProgrammeHomePage):
    """Home of the reference framework; sheets and principles come with the framework issue."""

    class Meta:
        verbose_name = _("référentiel")
