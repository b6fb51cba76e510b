"""The search box and its filters, read from the URL (GET), never an error for odd input."""

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from search.engines.base import FACETS

MAX_QUERY_CHARS = 300


class SearchForm(forms.Form):
    data: QueryDict  # always bound to request.GET (filters() reads every value of a facet)

    q = forms.CharField(label=_("Search"), required=False, strip=True)
    page = forms.CharField(required=False)  # parsed leniently: a bad page number means the first page

    def clean_q(self) -> str:
        # Longer text is cut rather than refused: the engine only uses the first few words anyway.
        return " ".join(self.cleaned_data["q"].split())[:MAX_QUERY_CHARS]

    @property
    def was_shortened(self) -> bool:
        return len(" ".join(self.data.get("q", "").split())) > MAX_QUERY_CHARS

    def query(self) -> str:
        return self.cleaned_data.get("q", "") if self.is_valid() else ""

    def page_number(self) -> int:
        value = (self.cleaned_data.get("page") or "").strip() if self.is_valid() else ""
        return min(int(value), 10000) if value.isdigit() and int(value) >= 1 else 1

    def filters(self) -> dict[str, list[str]]:
        """Facet name -> selected values, as they appear in the URL (the engine ignores unknown values)."""
        return {name: [v for v in self.data.getlist(name) if v][:20] for name in FACETS if self.data.getlist(name)}
