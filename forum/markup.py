"""Post content: Markdown rendered to HTML and then sanitised with nh3 (an allow-list), so whatever a member
types reaches the page inert. machina calls `render` when a post is saved (MACHINA_MARKUP_LANGUAGE)."""

from __future__ import annotations

import markdown
import nh3

from hub.text import strip_bidi_controls

ALLOWED_TAGS = {
    "p", "br", "hr", "strong", "em", "b", "i", "code", "pre", "blockquote", "ul", "ol", "li",
    "h1", "h2", "h3", "h4", "h5", "h6", "a", "table", "thead", "tbody", "tr", "th", "td", "del",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}}
URL_SCHEMES = {"http", "https", "mailto"}


def render(text: str) -> str:
    """Markdown to safe HTML; raw HTML in the source is escaped by the sanitiser's allow-list."""
    text = strip_bidi_controls(text)
    html = markdown.markdown(text, extensions=["fenced_code", "tables", "sane_lists", "nl2br"])
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="nofollow noopener noreferrer ugc",
        strip_comments=True,
    ).strip()
