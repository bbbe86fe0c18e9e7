"""What the guide contributes to the rest of Essaim (the sheet page's related region)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from curriculum.relations import RelatedItem, SheetRelation, register_sheet_relation
from tutoring.enums import ENTRY_KIND_ORDER
from tutoring.guide import selectors

#: Entries listed on the sheet page before a link to the whole chapter takes over.
LIMIT = 8


def sheet_guide_entries(sheet, user) -> list[RelatedItem]:
    """The current edition's entries about this sheet that this reader may read."""
    edition = selectors.current_edition()
    page = selectors.guide_page()
    if edition is None or page is None:
        return []
    items = [
        item
        for item in selectors.edition_items(edition, user).defer(
            "revision__body", "revision__body_html", "revision__search_text"
        )
        if sheet.number in item.sheet_numbers
    ]
    # Those filed under this sheet's chapter first, then those filed elsewhere that concern it.
    items.sort(
        key=lambda item: (item.chapter != sheet.number, ENTRY_KIND_ORDER[item.kind], item.position)
    )
    base = page.url
    related = [
        RelatedItem(
            title=item.revision.title,
            url=base + page.reverse_subpage("entry", args=(item.entry_id,)),
            meta=item.get_kind_display(),
        )
        for item in items[:LIMIT]
    ]
    if len(items) > LIMIT:
        related.append(
            RelatedItem(
                title=_("Tout le chapitre de cette fiche dans le guide"),
                url=base + page.reverse_subpage("chapter", args=(sheet.number,)),
                meta=_("%(count)s entrées") % {"count": len(items)},
            )
        )
    return related


register_sheet_relation(
    SheetRelation(
        key="guide_entries",
        label=gettext_lazy("Dans le guide d'essaimage"),
        provider=sheet_guide_entries,
        empty_text=gettext_lazy(
            "Aucune entrée de l'édition en vigueur du guide que vous puissiez lire ne porte sur "
            "cette fiche."
        ),
    )
)
