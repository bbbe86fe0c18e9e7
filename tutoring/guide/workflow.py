"""The editorial life of a guide entry, as one table: state, action, who may, next state.

    draft ──submit──▶ in review ──approve (head of network)──▶ approved ──edition──▶ published
      ▲                  │
      └───send back──────┘        any state ──retire (Ansa)──▶ retired ──restore──▶ draft

Editing an approved or published entry brings it back to draft; the revision approved before
stays the one the next edition takes until a new one is approved, and editions already
published never change. Submitting, approving and publishing all need every anonymisation flag
resolved (`tutoring.guide.services`).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from tutoring.enums import EntryEventKind, EntryStatus
from tutoring.guide import permissions


@dataclass(frozen=True)
class Transition:
    action: str
    label: str | Promise
    sources: frozenset[str]
    target: str
    allowed: Callable[..., bool]
    event: str
    #: The action needs a written comment or reason.
    needs_text: bool = False


TRANSITIONS: dict[str, Transition] = {
    transition.action: transition
    for transition in [
        Transition(
            "submit",
            _("Soumettre à la relecture"),
            frozenset({EntryStatus.DRAFT}),
            EntryStatus.IN_REVIEW,
            permissions.can_submit_entry,
            EntryEventKind.SUBMITTED,
        ),
        Transition(
            "approve",
            _("Approuver"),
            frozenset({EntryStatus.IN_REVIEW}),
            EntryStatus.APPROVED,
            permissions.can_approve_entry,
            EntryEventKind.APPROVED,
        ),
        Transition(
            "send_back",
            _("Renvoyer en brouillon"),
            frozenset({EntryStatus.IN_REVIEW}),
            EntryStatus.DRAFT,
            permissions.can_send_back_entry,
            EntryEventKind.SENT_BACK,
            needs_text=True,
        ),
        Transition(
            "retire",
            _("Retirer du guide"),
            frozenset(
                {
                    EntryStatus.DRAFT,
                    EntryStatus.IN_REVIEW,
                    EntryStatus.APPROVED,
                    EntryStatus.PUBLISHED,
                }
            ),
            EntryStatus.RETIRED,
            permissions.can_retire_entry,
            EntryEventKind.RETIRED,
            needs_text=True,
        ),
        Transition(
            "restore",
            _("Remettre en brouillon"),
            frozenset({EntryStatus.RETIRED}),
            EntryStatus.DRAFT,
            permissions.can_restore_entry,
            EntryEventKind.RESTORED,
        ),
    ]
}

#: Editing one of these brings the entry back to draft.
REOPENED_BY_EDIT = frozenset({EntryStatus.APPROVED, EntryStatus.PUBLISHED})
#: Entries an edition publishes (their approved revision) when they have one.
IN_GUIDE = frozenset(
    {EntryStatus.DRAFT, EntryStatus.IN_REVIEW, EntryStatus.APPROVED, EntryStatus.PUBLISHED}
)


def available_transitions(user, entry) -> list[Transition]:
    return [
        transition
        for transition in TRANSITIONS.values()
        if entry.status in transition.sources and transition.allowed(user, entry)
    ]
