from django.utils.translation import gettext_lazy as _

from portal.pages import ProgrammeHomePage


class CallPage(ProgrammeHomePage):
    """The call for candidate territories; calendar and criteria come with the candidacy issue."""

    class Meta:
        verbose_name = _("appel à territoires")
