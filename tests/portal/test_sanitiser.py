from html.parser import HTMLParser

import pytest

from portal.sanitiser import ALLOWED_TAGS, render_markdown


class ElementCollector(HTMLParser):
    """The elements and attributes a browser would build from the HTML (text is ignored)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, {name: value or "" for name, value in attrs}))


def parsed(html: str) -> list[tuple[str, dict[str, str]]]:
    collector = ElementCollector()
    collector.feed(html)
    return collector.elements


XSS_VECTORS = [
    "<script>alert(1)</script>",
    '<img src="x" onerror="alert(1)">',
    "[cliquez](javascript:alert(1))",
    "[cliquez](JaVaScRiPt:alert(1))",
    "[cliquez](&#106;avascript:alert(1))",
    "[cliquez](javascript&#58;alert(1))",
    "[cliquez](&#x6A;&#x61;&#x76;&#x61;script:alert(1))",
    "[cliquez](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![image](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    "![image](javascript:alert(1))",
    '<svg onload="alert(1)"><circle r="1"/></svg>',
    '<a href="javascript:alert(1)">lien</a>',
    '<iframe src="https://example.org"></iframe>',
    "<style>body{display:none}</style>",
    '<p style="background:url(javascript:alert(1))">x</p>',
    '[lien](https://example.org "titre" onmouseover="alert(1)")',
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    '<div onclick="alert(1)">clic</div>',
]


@pytest.mark.parametrize("vector", XSS_VECTORS)
def test_xss_vector_is_neutralised(vector):
    for tag, attributes in parsed(render_markdown(vector)):
        assert tag in ALLOWED_TAGS
        assert set(attributes) <= {"href", "title", "rel", "align"}
        href = attributes.get("href", "").strip().lower()
        assert not href or href.startswith(("http://", "https://", "mailto:"))


def test_raw_html_is_shown_as_text_not_interpreted():
    assert render_markdown("<b>gras</b>") == "<p>&lt;b&gt;gras&lt;/b&gt;</p>"


def test_markdown_formatting_is_kept():
    html = render_markdown("## Titre\n\n**gras** et *italique*\n\n- un\n- deux\n\n> citation")
    assert "<strong>gras</strong>" in html
    assert "<em>italique</em>" in html
    assert "<li>un</li>" in html
    assert "<blockquote>" in html


def test_headings_outside_the_allow_list_are_stripped_but_their_text_stays():
    # Page titles own h1 and h2; user text starts at h3.
    html = render_markdown("# Grand titre")
    assert "<h1>" not in html
    assert "Grand titre" in html


def test_links_get_nofollow_noopener():
    html = render_markdown("[Ansa](https://www.solidarites-actives.com)")
    assert html == (
        '<p><a href="https://www.solidarites-actives.com" rel="nofollow noopener">Ansa</a></p>'
    )


def test_bare_urls_become_safe_links():
    html = render_markdown("Voir https://example.org/page")
    assert '<a href="https://example.org/page" rel="nofollow noopener">' in html


@pytest.mark.parametrize(
    ("source", "kept"),
    [("[écrire](mailto:contact@essaim.test)", 'href="mailto:contact@essaim.test"'),
     ("[site](http://example.org)", 'href="http://example.org"')],
)  # fmt: skip
def test_allowed_schemes_are_kept(source, kept):
    assert kept in render_markdown(source)


@pytest.mark.parametrize("scheme", ["ftp", "file", "vbscript", "tel"])
def test_other_schemes_are_dropped(scheme):
    assert f'href="{scheme}' not in render_markdown(f"[x]({scheme}://example.org/a)")


def test_tables_are_supported():
    html = render_markdown("| a | b |\n|---|---|\n| 1 | 2 |")
    assert "<table>" in html
    assert "<th>a</th>" in html


def test_code_blocks_escape_their_content():
    html = render_markdown("```\n<script>alert(1)</script>\n```")
    assert "&lt;script&gt;" in html
    assert "<script" not in html


def test_empty_text_renders_empty():
    assert render_markdown("") == ""
    assert render_markdown("   \n") == ""
