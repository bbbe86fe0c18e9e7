"""Files joined to a question, an answer or a hotline message: checked like candidacy evidence
(size, real type from the bytes), stored in the private storage, served only after a check."""

import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from portal.models import User
from tutoring.models import Answer, Attachment, Question, TicketMessage

#: More files than this on one post is a sign something went wrong.
MAX_ATTACHMENTS_PER_POST = 5


def check_uploads(uploads: Iterable) -> list[tuple]:
    """[(upload, content type, extension)] once every file passed, before anything is written."""
    from candidacy.services import check_upload  # the portal's one upload check

    uploads = [uploaded for uploaded in uploads if uploaded]
    if len(uploads) > MAX_ATTACHMENTS_PER_POST:
        raise ValidationError(
            _("Joignez au plus %(count)s fichiers à un message.")
            % {"count": MAX_ATTACHMENTS_PER_POST}
        )
    checked = []
    for uploaded in uploads:
        try:
            content_type, extension = check_upload(uploaded)
        except ValidationError as error:
            raise ValidationError(
                _("« %(name)s » : %(error)s") % {"name": uploaded.name, "error": error.messages[0]}
            ) from error
        checked.append((uploaded, content_type, extension))
    return checked


@contextmanager
def stored_files() -> Iterator[list]:
    """Collects the files written in a block; if the block fails, they are removed again.

    Use it around the transaction that writes a post and its attachments: nothing half-saved.
    """
    written: list = []
    try:
        yield written
    except BaseException:
        for field_file in written:
            field_file.storage.delete(field_file.name)
        raise


def attachments_save(
    *,
    actor: User,
    checked: list[tuple],
    written: list,
    question: Question | None = None,
    answer: Answer | None = None,
    message: TicketMessage | None = None,
) -> list[Attachment]:
    """Store the files `check_uploads` accepted and join them to exactly one post."""
    owner = {
        name: value
        for name, value in {"question": question, "answer": answer, "message": message}.items()
        if value is not None
    }
    if len(owner) != 1:
        raise ValueError("An attachment belongs to exactly one post.")
    saved = []
    for uploaded, content_type, extension in checked:
        attached = Attachment(
            **owner,
            original_name=(uploaded.name or "fichier")[-200:],
            content_type=content_type,
            size=uploaded.size,
            uploaded_by=actor,
        )
        attached.file.save(f"{uuid.uuid4().hex}{extension}", uploaded, save=False)
        written.append(attached.file)
        attached.save()
        saved.append(attached)
    return saved
