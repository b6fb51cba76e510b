"""Reads: who may see what, which engine answers, the search itself, and index counts."""

from __future__ import annotations

import logging

from django.conf import settings
from django.db.models import Count, Q

from hub.accounts import roles
from search import registry
from search.engines.base import Audience, Engine, SearchQuery, SearchResults
from search.engines.postgres import PostgresEngine
from search.models import SearchDocument, SearchWord
from search.registry import Visibility

logger = logging.getLogger(__name__)


def audience_for(user) -> Audience:
    """Anonymous: public. Signed in: + members. Verified staff and editors: + staff. Forum ids from providers."""
    visibilities = {Visibility.PUBLIC}
    forum_ids: set[int] = set()
    if getattr(user, "is_authenticated", False):
        visibilities.add(Visibility.MEMBERS)
        if roles.is_editor(user) or roles.staff_municipality_id(user) is not None:
            visibilities.add(Visibility.STAFF)
    for provider in registry.audience_providers():
        forum_ids.update(int(i) for i in provider(user) or ())
    return Audience(visibilities=frozenset(visibilities), forum_ids=frozenset(forum_ids))


class FallbackEngine(Engine):
    """Asks `primary` (Elasticsearch); when it cannot answer, PostgreSQL answers and the log says so."""

    def __init__(self, primary: Engine, fallback: Engine):
        self.primary, self.fallback = primary, fallback
        self.name = primary.name

    def search(self, query: SearchQuery) -> SearchResults:
        from elastic_transport import TransportError
        from elasticsearch import ApiError

        try:
            return self.primary.search(query)
        except (TransportError, ApiError, ConnectionError, TimeoutError) as error:
            logger.warning("Elasticsearch unavailable (%s); search answered from PostgreSQL", error)
            return self.fallback.search(query)


def get_engine() -> Engine:
    """Elasticsearch when ELASTICSEARCH_URL is set (falling back to PostgreSQL), PostgreSQL otherwise."""
    if settings.ELASTICSEARCH_URL:
        try:
            from search.engines.elasticsearch import ElasticsearchEngine  # only imported when configured
        except ImportError:
            logger.warning("ELASTICSEARCH_URL is set but the Elasticsearch engine is not installed; using PostgreSQL")
            return PostgresEngine()
        return FallbackEngine(ElasticsearchEngine(), PostgresEngine())
    return PostgresEngine()


def search(
    *,
    text: str,
    user,
    filters: dict[str, list[str]] | None = None,
    language: str = "",
    page: int = 1,
    per_page: int = 20,
    engine: Engine | None = None,
) -> SearchResults:
    """Search what `user` may read; results, counts and facets never include anything else."""
    query = SearchQuery(
        text=text, audience=audience_for(user), filters=filters or {}, language=language, page=page, per_page=per_page
    )
    return (engine or get_engine()).search(query)


def index_status() -> dict:
    """Counts for `search_index status`: per source type, live rows, rows waiting for a push, tombstones."""
    rows = (
        SearchDocument.objects.values("source_type")
        .annotate(
            documents=Count("id", filter=Q(is_deleted=False)),
            waiting=Count("id", filter=Q(needs_push=True)),
            removed=Count("id", filter=Q(is_deleted=True)),
        )
        .order_by("source_type")
    )
    types = {row["source_type"]: {k: row[k] for k in ("documents", "waiting", "removed")} for row in rows}
    for adapter in registry.all_adapters():
        types.setdefault(adapter.source_type, {"documents": 0, "waiting": 0, "removed": 0})
    return {
        "types": types,
        "documents": sum(t["documents"] for t in types.values()),
        "waiting": sum(t["waiting"] for t in types.values()),
        "removed": sum(t["removed"] for t in types.values()),
        "words": SearchWord.objects.count(),
    }


def semantic_status() -> dict:
    """Whether the search is hybrid or lexical-only, and why (for `search_index status` and /healthz)."""
    from search import embeddings

    if not embeddings.enabled():
        return {"semantic": False, "detail": "switched off by SEARCH_SEMANTIC"}
    if not embeddings.storage_exists():
        return {"semantic": False, "detail": "the PostgreSQL extension pgvector is not installed"}
    return {"semantic": True, "detail": "hybrid: lexical and semantic (pgvector)"}
