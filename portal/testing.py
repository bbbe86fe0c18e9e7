"""Test-only helpers that settings can import."""

import sys
from pathlib import Path

from django.template import TemplateSyntaxError

PROJECT_DIR = Path(__file__).resolve().parent.parent
THIRD_PARTY_DIR = PROJECT_DIR / ".venv"


class StrictUndefined(str):
    """`string_if_invalid` that fails on unknown variables in Essaim's own templates.

    Third-party templates (Wagtail's admin, allauth) rely on missing variables rendering as
    nothing; they are left alone.
    """

    def __contains__(self, item: object) -> bool:
        return item == "%s"

    def __mod__(self, variable: object) -> str:
        frame = sys._getframe(1)
        context = frame.f_locals.get("context")
        template = getattr(context, "template", None)
        origin = str(getattr(getattr(template, "origin", None), "name", "") or "")
        if origin.startswith(str(PROJECT_DIR)) and not origin.startswith(str(THIRD_PARTY_DIR)):
            raise TemplateSyntaxError(f"Unknown template variable {variable!r} in {origin}")
        return ""
