"""A small guide to read: a framework with sheets on two axes, the guide page, entries.

`reading_sheets(home)` a framework whose sheets 1, 2 (job seeker) and 8 (companies) are live;
`approved_entry(sheets=[…], kind=…, title=…, body=…, public=False)` an entry the head of network
approved; `promoted_entry(question, …)` an entry promoted from an answered question by an expert,
rewritten, submitted and approved through the services, as the editorial work does it;
`reedit(entry, body=…)` a new text approved again.
"""

from curriculum.enums import Axis
from tests.curriculum.factories import ActionSheetPageFactory, FrameworkPageFactory
from tests.portal.factories import UserFactory
from tests.tutoring.guide_factories import GuideEntryFactory, ansa, head_of_network
from tutoring.enums import EntryKind
from tutoring.guide import services
from tutoring.guide.models import GuideEntry

SHEET_TITLES = {
    1: ("L'accueil", Axis.JOB_SEEKER),
    2: ("La période d'engagement réciproque", Axis.JOB_SEEKER),
    8: ("La prospection et la captation des offres", Axis.COMPANIES),
}


def reading_sheets(home) -> dict:
    framework = FrameworkPageFactory(parent=home)
    return {
        number: ActionSheetPageFactory(parent=framework, number=number, title=title, axis=axis)
        for number, (title, axis) in SHEET_TITLES.items()
    }


def approved_entry(*, sheets, kind=EntryKind.GOOD_PRACTICE, title=None, body=None, public=False):
    values = {"kind": kind, "sheets": list(sheets)}
    if title is not None:
        values["title"] = title
    if body is not None:
        values["body"] = body
    return GuideEntryFactory(**values, **({"public": True} if public else {"approved": True}))


def _approve(entry: GuideEntry) -> GuideEntry:
    entry = services.entry_transition(actor=ansa(), entry=entry, action="submit")
    return services.entry_transition(actor=head_of_network(), entry=entry, action="approve")


def promoted_entry(question, *, title: str, body: str, sheets, territory_kind: str = ""):
    expert = UserFactory(expert=True)
    entry = services.entry_promote(actor=expert, questions=[question])
    entry = services.entry_update(
        actor=expert,
        entry=entry,
        version=entry.version,
        kind=EntryKind.FAQ,
        title=title,
        body=body,
        sheet_ids=[sheet.pk for sheet in sheets],
        territory_kind=territory_kind,
    )
    for flag in services.open_flags(entry):
        services.flag_resolve(actor=expert, flag=flag, mask=False, reason="Texte réécrit.")
    return _approve(entry)


def reedit(entry: GuideEntry, *, body: str, title: str | None = None) -> GuideEntry:
    """Edit an entry already in the guide and approve its new text."""
    entry.refresh_from_db()
    entry = services.entry_update(
        actor=ansa(),
        entry=entry,
        version=entry.version,
        kind=entry.kind,
        title=title or entry.title,
        body=body,
        sheet_ids=list(entry.sheets.values_list("pk", flat=True)),
        territory_kind=entry.territory_kind,
    )
    for flag in services.open_flags(entry):
        services.flag_resolve(actor=ansa(), flag=flag, mask=False, reason="Rien de personnel.")
    return _approve(entry)
