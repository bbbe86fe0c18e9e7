"""Serving a file from the private storage, once the view has checked who asks."""

from django.http import FileResponse, Http404
from django.utils.cache import patch_cache_control


def private_file_response(field_file, *, filename: str, content_type: str) -> FileResponse:
    """The file as an attachment that no browser sniffs and no shared cache keeps."""
    try:
        handle = field_file.storage.open(field_file.name, "rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle, as_attachment=True, filename=filename, content_type=content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    patch_cache_control(response, private=True, no_store=True)
    return response
