"""Adapters: how another app's objects become search documents. search/ imports no other app's models.

An app describes its searchable objects with an `Adapter` subclass and registers it in its AppConfig.ready():

    from search.registry import Adapter, Document, register

    class ProjectAdapter(Adapter):
        source_type = "project"

        def documents(self, instance) -> list[Document]:
            if not instance.is_published:          # nothing to show: the documents are removed
                return []
            return [Document(source_id=str(instance.pk), language="ar", title=..., body=..., url=...)]

        def queryset(self):
            return Project.objects.published()     # every object to index on a full rebuild

    register(ProjectAdapter())

and, in the same transaction as each write, calls `search.services.index_instance(source_type=..., instance=...)`
(or `search.services.unindex(source_type=..., source_id=...)` when the object is deleted).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any

from django.utils import timezone

if TYPE_CHECKING:
    from django.db.models import QuerySet


class Visibility:
    """Who may see a document. FORUM documents are visible to readers of one of `forum_ids`."""

    PUBLIC = "public"
    MEMBERS = "members"  # any signed-in user
    STAFF = "staff"  # verified municipal staff, editors
    FORUM = "forum"
    CHOICES = [PUBLIC, MEMBERS, STAFF, FORUM]


@dataclass
class Document:
    """One searchable unit in one language (an object with two languages gives two documents)."""

    source_id: str
    language: str
    title: str
    body: str
    url: str
    municipality: str = ""  # slug
    municipality_name: str = ""
    governorate: str = ""  # slug
    governorate_name: str = ""
    category: str = ""  # slug
    category_name: str = ""
    status: str = ""
    published_at: datetime | None = None  # the source's own date (a date is taken as midnight, site time)
    updated_at: datetime | None = None
    visibility: str = Visibility.PUBLIC
    forum_ids: list[int] = field(default_factory=list)

    def __post_init__(self):
        # A source's own date is often a calendar date (a story's, a launch): midnight of that day, site time.
        for name in ("published_at", "updated_at"):
            value = getattr(self, name)
            if isinstance(value, date) and not isinstance(value, datetime):
                midnight = datetime.combine(value, time.min)
                setattr(self, name, timezone.make_aware(midnight, timezone.get_default_timezone()))


class Adapter:
    """Turns objects of one source type into documents. Subclass and register one per source type."""

    source_type: str = ""
    label: str = ""  # human name of the type, translatable (gettext_lazy)

    def documents(self, instance) -> list[Document]:
        """The documents for `instance` now; an empty list means it must not be found."""
        raise NotImplementedError

    def queryset(self) -> QuerySet[Any] | Collection[Any]:
        """Every object that should be searchable, for a full rebuild."""
        raise NotImplementedError


_adapters: dict[str, Adapter] = {}


def register(adapter: Adapter) -> Adapter:
    if not adapter.source_type:
        raise ValueError("An adapter needs a source_type.")
    _adapters[adapter.source_type] = adapter
    return adapter


def get(source_type: str) -> Adapter:
    return _adapters[source_type]


def all_adapters() -> list[Adapter]:
    return list(_adapters.values())


# Forum permissions: the forum app registers a function user -> ids of the forums whose posts that user may
# read; a FORUM document is visible when its forum_ids meet that set. With no provider nobody reads FORUM rows.
_audience_providers: list = []


def register_audience_provider(provider) -> None:
    """Register `provider(user) -> set[int]` (forum ids the user may read)."""
    if provider not in _audience_providers:
        _audience_providers.append(provider)


def audience_providers() -> list:
    return list(_audience_providers)


# Facet labels in the reader's language: the app that owns municipalities, governorates or categories registers
# `provider(*, values: set[str], language: str) -> {slug: label}` for that facet. The search shows those labels
# on facets and results; a value no provider knows keeps the label stored in its document.
LABELLED_FACETS = ("municipality", "governorate", "category")
_label_providers: dict[str, list] = {}


def register_label_provider(facet: str, provider) -> None:
    """Register `provider(*, values, language) -> {value: label}` for one of LABELLED_FACETS."""
    if facet not in LABELLED_FACETS:
        raise ValueError(f"Labels are provided for {', '.join(LABELLED_FACETS)}, not {facet!r}.")
    providers = _label_providers.setdefault(facet, [])
    if provider not in providers:
        providers.append(provider)


def labels(*, facet: str, values: set[str], language: str) -> dict[str, str]:
    """Labels in `language` for the facet values the registered providers know (one call per provider)."""
    found: dict[str, str] = {}
    for provider in _label_providers.get(facet, []):
        missing = {value for value in values if value and value not in found}
        if not missing:
            break
        found.update({k: v for k, v in (provider(values=missing, language=language) or {}).items() if v})
    return found
