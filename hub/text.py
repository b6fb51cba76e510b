"""Text hygiene shared by every app: bidirectional controls out of single-line user text, and the one HTML
allow-list for rich text."""

from __future__ import annotations

import re

import nh3
from django import forms

# Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) can reorder what a reader sees
# ("Trojan Source", a subject that reads backwards). Arabic and English text never needs them typed in by hand.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def strip_bidi_controls(text: str) -> str:
    return BIDI_CONTROLS.sub("", text or "")


def is_single_line(field: forms.Field) -> bool:
    """A text field shown as one line (subjects, names, titles), as opposed to a textarea."""
    return isinstance(field, forms.CharField) and not isinstance(field.widget, forms.Textarea)


class SingleLineTextMixin:
    """For any form: bidirectional controls are removed from its single-line text fields before they are validated,
    so a name or subject made only of them is empty (and refused if required)."""

    def full_clean(self):
        if self.is_bound:
            names = [self.add_prefix(name) for name, field in self.fields.items() if is_single_line(field)]
            if any(name in self.data for name in names):
                data = self.data.copy()
                for name in names:
                    if name not in data:
                        continue
                    if hasattr(data, "setlist"):  # a QueryDict: every value of the field
                        data.setlist(name, [strip_bidi_controls(v) for v in data.getlist(name)])
                    elif isinstance(data[name], str):
                        data[name] = strip_bidi_controls(data[name])
                self.data = data
        super().full_clean()


# The HTML rich text may hold, wherever it comes from (Wagtail's editor, see hub.blocks.RICH_TEXT_FEATURES; the
# project forms, the import, the API) and wherever it goes (stored by projects_db.services, shown by the
# `safe_richtext` filter). `linktype` and `id` are Wagtail's stored form of internal links; `hreflang` is how it
# expands them. Anything else is dropped, so no script or event handler reaches a page.
RICH_TEXT_TAGS = frozenset({"p", "br", "h2", "h3", "h4", "b", "strong", "i", "em", "a", "ol", "ul", "li", "blockquote"})
RICH_TEXT_ATTRIBUTES = {"a": frozenset({"href", "id", "hreflang", "linktype"})}
URL_SCHEMES = frozenset({"http", "https", "mailto"})


# Forum posts are Markdown rendered to HTML (forum/markup.py): the rich-text tags plus what Markdown makes of code,
# tables, rules, strike-through and every heading level. Their links carry only an address and a title (no `id`,
# which a member could use to clobber the page's own elements), and are marked as user content.
POST_TAGS = RICH_TEXT_TAGS | {
    "h1", "h5", "h6", "hr", "code", "pre", "del", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
POST_ATTRIBUTES = {"a": frozenset({"href", "title"}), "th": frozenset({"align"}), "td": frozenset({"align"})}
POST_LINK_REL = "nofollow noopener noreferrer ugc"


def clean_rich_text(html: str) -> str:
    """`html` with only the allow-listed tags, attributes and link schemes; links get rel="noopener"."""
    return _clean(html, tags=RICH_TEXT_TAGS, attributes=RICH_TEXT_ATTRIBUTES, link_rel="noopener")


def clean_post_html(html: str) -> str:
    """A forum post's HTML (rendered from Markdown) with only the tags, attributes and link schemes of posts."""
    return _clean(html, tags=POST_TAGS, attributes=POST_ATTRIBUTES, link_rel=POST_LINK_REL)


def _clean(html: str, *, tags: frozenset[str], attributes: dict[str, frozenset[str]], link_rel: str) -> str:
    if not html:
        return ""
    return nh3.clean(
        html,
        tags=set(tags),
        attributes={tag: set(names) for tag, names in attributes.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel=link_rel,
        strip_comments=True,
    )
