"""What every form of the portal shares."""

from django.core.exceptions import ValidationError


def add_service_errors(form, error: ValidationError, *, default_field: str | None = None) -> None:
    """Put a service's errors next to their fields; the others at the top of the form."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else default_field, errors)
    else:
        form.add_error(default_field, error)
