"""Who may read and edit the guide d'essaimage. Views and services ask here, never elsewhere.

Reading: the network — people of a swarmed structure of any season, A.CO.R (experts and head of
network) and Ansa — reads every published edition in full; anyone else, visitors included, reads
only the entries the head of network opened to the public. The PDF is the network's.

Editing: Ansa and A.CO.R's experts promote answered questions into entries and write them; an
entry is edited by its owner, Ansa or the head of network. Only the head of network approves an
entry and opens it to the public; only Ansa publishes an edition and retires an entry. Source
questions stay where they were: an editor reaches one only if tutoring lets them read it.
"""

from portal.roles import Role, has_role, is_ansa
from tutoring.enums import EntryStatus
from tutoring.permissions import _authenticated, is_expert, swarmed_ids


def is_head_of_network(user) -> bool:
    return _authenticated(user) and (
        bool(getattr(user, "is_superuser", False)) or has_role(user, Role.HEAD_OF_NETWORK)
    )


def is_network_member(user) -> bool:
    """Reads the whole guide: Ansa, A.CO.R, and the people of every season's structures."""
    return is_ansa(user) or is_expert(user) or bool(swarmed_ids(user))


def can_edit_guide(user) -> bool:
    """Has a place in the guide's editorial work (the back office)."""
    return is_ansa(user) or is_expert(user)


def can_promote(user, question) -> bool:
    """Ansa or an expert turns a question with an accepted answer into an entry draft."""
    from tutoring.qa.permissions import can_see_question

    return (
        can_edit_guide(user)
        and question.accepted_answer_id is not None
        and not question.hidden_at
        and can_see_question(user, question)
    )


def can_edit_entry(user, entry) -> bool:
    if entry.status == EntryStatus.RETIRED or not _authenticated(user):
        return False
    return is_ansa(user) or is_head_of_network(user) or entry.owner_id == user.pk


def can_comment_entry(user, entry) -> bool:
    return can_edit_guide(user)


def can_submit_entry(user, entry) -> bool:
    return entry.status == EntryStatus.DRAFT and can_edit_entry(user, entry)


def can_approve_entry(user, entry) -> bool:
    return entry.status == EntryStatus.IN_REVIEW and is_head_of_network(user)


def can_send_back_entry(user, entry) -> bool:
    return entry.status == EntryStatus.IN_REVIEW and (is_head_of_network(user) or is_ansa(user))


def can_retire_entry(user, entry) -> bool:
    return entry.status != EntryStatus.RETIRED and is_ansa(user)


def can_restore_entry(user, entry) -> bool:
    return entry.status == EntryStatus.RETIRED and is_ansa(user)


def can_set_public(user, entry) -> bool:
    return entry.status != EntryStatus.RETIRED and is_head_of_network(user)


def can_change_owner(user, entry) -> bool:
    return entry.status != EntryStatus.RETIRED and is_ansa(user)


def can_report_outdated(user, entry) -> bool:
    return is_network_member(user)


def can_close_outdated(user, entry) -> bool:
    return can_edit_entry(user, entry)


def can_check_entry(user, entry) -> bool:
    """The periodic review: an editor confirms the entry still holds this season."""
    return entry.status != EntryStatus.RETIRED and can_edit_guide(user)


def can_manage_editions(user) -> bool:
    return is_ansa(user)


def can_see_guide_stats(user) -> bool:
    return is_ansa(user) or is_head_of_network(user)


def can_see_source(user, question) -> bool:
    """A source question is linked for an editor only if tutoring lets them read it."""
    from tutoring.qa.permissions import can_see_question

    return can_edit_guide(user) and can_see_question(user, question)
