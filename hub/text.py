"""Plain-text hygiene shared by every app's forms: bidirectional controls out of single-line user text."""

from __future__ import annotations

import re

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
