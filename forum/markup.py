"""Post content: Markdown rendered to HTML and then sanitised with nh3 (an allow-list), so whatever a member
types reaches the page inert. machina calls `render` when a post is saved (MACHINA_MARKUP_LANGUAGE)."""

from __future__ import annotations

import markdown

from hub.text import clean_post_html, strip_bidi_controls


def render(text: str) -> str:
    """Markdown to safe HTML; raw HTML in the source is escaped by the sanitiser's allow-list (hub.text.POST_TAGS)."""
    text = strip_bidi_controls(text)
    html = markdown.markdown(text, extensions=["fenced_code", "tables", "sane_lists", "nl2br"])
    return clean_post_html(html).strip()
