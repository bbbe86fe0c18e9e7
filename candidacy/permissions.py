"""Who may do what with a candidacy. Every view and service asks here.

- Applicants: the active members of the candidate structure. They see and edit their own
  dossier (never the reviews or A.CO.R's opinion).
- Ansa's programme team: sees submitted dossiers (never drafts), reviews, decides.
- A.CO.R's head of network: sees submitted dossiers and records A.CO.R's opinion.
- Signers reach the frozen dossier only through their personal link (see `services`).
"""

from candidacy.models import EDITABLE_STATES, Candidacy, CandidacyState
from portal.roles import Role, has_role, is_ansa, is_structure_member

#: Without a submission date, a dossier in these states never reached Ansa.
NEVER_SUBMITTED_STATES = frozenset({CandidacyState.DRAFT, CandidacyState.WITHDRAWN})


def can_apply_for(user, structure) -> bool:
    return getattr(user, "is_authenticated", False) and is_structure_member(user, structure)


def is_applicant(user, candidacy: Candidacy) -> bool:
    return getattr(user, "is_authenticated", False) and is_structure_member(
        user, candidacy.structure
    )


def can_edit(user, candidacy: Candidacy) -> bool:
    return is_applicant(user, candidacy) and candidacy.state in EDITABLE_STATES


def can_view_as_applicant(user, candidacy: Candidacy) -> bool:
    return is_applicant(user, candidacy)


def can_view_as_staff(user, candidacy: Candidacy) -> bool:
    """Ansa and the head of network see dossiers once submitted, not the applicant's drafts.

    A draft withdrawn before it was ever submitted stays a draft for them: never seen.
    """
    if candidacy.submitted_at is None and candidacy.state in NEVER_SUBMITTED_STATES:
        return False
    return is_staff_reader(user)


def is_staff_reader(user) -> bool:
    return is_ansa(user) or has_role(user, Role.HEAD_OF_NETWORK)


def can_review(user, candidacy: Candidacy) -> bool:
    return is_ansa(user) and can_view_as_staff(user, candidacy)


def can_decide(user) -> bool:
    return is_ansa(user)


def can_give_opinion(user, candidacy: Candidacy) -> bool:
    return has_role(user, Role.HEAD_OF_NETWORK) and can_view_as_staff(user, candidacy)


def can_invite_agreement_signer(user, candidacy: Candidacy) -> bool:
    """Once selected, the applicant (or Ansa) asks the DG to sign the participation agreement."""
    if candidacy.state != CandidacyState.SELECTED:
        return False
    return is_applicant(user, candidacy) or is_ansa(user)
