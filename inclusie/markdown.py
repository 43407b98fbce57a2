"""Markdown for texts people write in the portal (the raadsmededeling's sections).

Two steps, one place:

- :func:`clean_source` runs when a text is saved: raw HTML is removed from the
  Markdown source with nh3, so what is stored is plain Markdown and nothing else.
- :func:`render_markdown` turns it into HTML for the page, the live preview and
  the PDF: markdown-it-py (CommonMark, raw HTML off) and then nh3 with a short
  allowlist, so only lists, emphasis, links (http, https, mailto), quotes and
  subheadings reach a reader.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {
    "p",
    "br",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "a",
    "blockquote",
    "h3",
    "h4",
    "code",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
URL_SCHEMES = {"http", "https", "mailto"}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@lru_cache(maxsize=1)
def _parser():
    from markdown_it import MarkdownIt

    # "commonmark" with raw HTML switched off: "<b>" stays visible text, never markup.
    # Headings in a section start at level 3: the document owns h1 and h2.
    return MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})


def clean_source(text: str) -> str:
    """The Markdown source as stored: no control characters, no raw HTML, LF line ends."""
    import nh3

    text = _CONTROL.sub("", (text or "").replace("\r\n", "\n").replace("\r", "\n"))
    if "<" not in text:
        return text.strip()
    # nh3 drops every tag (and the content of script/style); unescape gives back the
    # "&" and "<" a writer typed as text, which Markdown then escapes again on render.
    stripped = nh3.clean(text, tags=set(), attributes={}, strip_comments=True)
    return html.unescape(stripped).strip()


def _demote_headings(rendered: str) -> str:
    # "# Kop" in a section becomes h3: h1 is the document title, h2 the section heading.
    return re.sub(
        r"<(/?)h([1-6])>",
        lambda m: f"<{m.group(1)}h{min(max(int(m.group(2)) + 2, 3), 4)}>",
        rendered,
    )


def render_markdown(text: str) -> SafeString:
    """Sanitised HTML for a Markdown text (safe to put in a page or a PDF)."""
    import nh3

    rendered = _demote_headings(_parser().render(text or ""))
    safe = nh3.clean(
        rendered,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
    )
    return mark_safe(safe)  # noqa: S308 - nh3 allowlist above
