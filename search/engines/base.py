"""The interface both engines implement; the search service talks only to this."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

FACETS = ("type", "governorate", "municipality", "category", "year")


@dataclass(frozen=True)
class Audience:
    """What the asking user may read: visibility levels, and the forum ids whose posts they may read."""

    visibilities: frozenset[str]
    forum_ids: frozenset[int] = frozenset()


@dataclass
class SearchQuery:
    text: str  # as typed; each engine normalises it with search.arabic
    audience: Audience
    filters: dict[str, list[str]] = field(default_factory=dict)  # facet name -> selected values
    language: str = ""  # the reader's language, used to break ties, never to hide results
    page: int = 1
    per_page: int = 20


@dataclass
class Hit:
    source_type: str
    source_id: str
    language: str
    title: str
    url: str
    snippet: str  # HTML-safe: text escaped, matches wrapped in <mark>
    title_highlighted: str  # HTML-safe
    municipality_name: str = ""
    governorate_name: str = ""
    category_name: str = ""
    published_at: datetime | None = None
    score: float = 0.0
    municipality: str = ""  # slugs, so the names can be shown in the reader's language
    governorate: str = ""
    category: str = ""


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class SearchResults:
    hits: list[Hit]
    total: int
    facets: dict[str, list[FacetValue]]
    engine: str  # "postgres" or "elasticsearch"
    corrected_query: str | None = None  # set when results come from the typo fallback ("showing results for")
    page: int = 1
    per_page: int = 20
    total_is_capped: bool = False  # the engine stopped counting at its cap: `total` is a lower bound ("at least")


class Engine:
    """A search engine over SearchDocument rows."""

    name = ""

    def search(self, query: SearchQuery) -> SearchResults:
        raise NotImplementedError
