"""The one sanitiser for text written by users: Markdown in, safe HTML out.

Services call `render_markdown` when they save a text and store the result beside the source;
templates print the stored HTML. Nothing is rendered per request.
"""

from functools import partial

import bleach
import markdown
from bleach.linkifier import LinkifyFilter

ALLOWED_TAGS = frozenset(
    {
        "p", "br", "hr", "h3", "h4", "h5", "h6",
        "strong", "em", "del", "code", "pre", "blockquote",
        "ul", "ol", "li", "a",
        "table", "thead", "tbody", "tr", "th", "td",
    }
)  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": ["href", "title", "rel"], "th": ["align"], "td": ["align"]}
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})
MARKDOWN_EXTENSIONS = ["tables", "fenced_code", "sane_lists"]


def _set_rel(attrs: dict, new: bool = False) -> dict:
    attrs[(None, "rel")] = "nofollow noopener"
    return attrs


_cleaner = bleach.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    protocols=ALLOWED_PROTOCOLS,
    strip=True,
    strip_comments=True,
    filters=[partial(LinkifyFilter, callbacks=[_set_rel], skip_tags={"pre", "code"})],
)


def _markdown() -> markdown.Markdown:
    md = markdown.Markdown(extensions=MARKDOWN_EXTENSIONS, output_format="html")
    # Raw HTML typed by a user is shown as text, never passed through.
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    return md


def render_markdown(source: str) -> str:
    """Render user-written Markdown to HTML that is safe to store and display as is."""
    if not source or not source.strip():
        return ""
    return _cleaner.clean(_markdown().convert(source))
