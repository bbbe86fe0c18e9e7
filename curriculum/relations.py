"""What points at an action sheet: the sheet is Essaim's main tag.

Sessions, tutoring questions, guide entries and indicators point at sheets (a ForeignKey or
ManyToManyField to ``curriculum.ActionSheetPage``). Each capability registers here how to list,
for one sheet and one reader, the items that concern it; the sheet page shows them in its
« Autour de cette fiche » region, in registration order. Until a capability registers, its
section simply does not appear.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.utils.functional import Promise


@dataclass(frozen=True)
class RelatedItem:
    title: str
    url: str
    meta: str = ""


@dataclass(frozen=True)
class SheetRelation:
    key: str
    label: str | Promise
    #: (sheet, user) -> the items this user may see; the provider checks permissions itself.
    provider: Callable[..., Iterable[RelatedItem]]
    empty_text: str | Promise = ""


_RELATIONS: dict[str, SheetRelation] = {}


def register_sheet_relation(relation: SheetRelation) -> SheetRelation:
    _RELATIONS[relation.key] = relation
    return relation


def unregister_sheet_relation(key: str) -> None:
    _RELATIONS.pop(key, None)


def related_sections(sheet, user) -> list[dict]:
    """One section per registered relation: its label, its items for this user, its empty text."""
    return [
        {
            "key": relation.key,
            "label": relation.label,
            "items": list(relation.provider(sheet, user)),
            "empty_text": relation.empty_text,
        }
        for relation in _RELATIONS.values()
    ]
