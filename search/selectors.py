"""Reads: who may see what, which engine answers, the search itself, and index counts."""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import Count, Q
from django.utils import translation

from hub.accounts import roles
from hub.caching import cache_seconds, version
from search import registry
from search.engines import ranking
from search.engines.base import Audience, Engine, SearchQuery, SearchResults
from search.engines.postgres import PostgresEngine
from search.models import SearchDocument, SearchWord
from search.registry import Visibility

if TYPE_CHECKING:
    # search/ never imports another app's models, not even for types: a user is Django's abstract user.
    from django.contrib.auth.base_user import AbstractBaseUser
    from django.contrib.auth.models import AnonymousUser

logger = logging.getLogger(__name__)


def audience_for(user: AbstractBaseUser | AnonymousUser | None) -> Audience:
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
    """Asks `primary` (Elasticsearch); when it cannot answer, PostgreSQL answers and the log says so. A circuit
    breaker (search.breaker) stops asking a cluster that keeps failing or hanging, so that searches do not each
    wait for its timeout, and tries it again later."""

    def __init__(self, primary: Engine, fallback: Engine, breaker=None):
        from search.breaker import CircuitBreaker

        self.primary, self.fallback = primary, fallback
        self.breaker = breaker or CircuitBreaker()
        self.name = primary.name

    def search(self, query: SearchQuery) -> SearchResults:
        from elastic_transport import TransportError
        from elasticsearch import ApiError

        if not self.breaker.allow():
            return self.fallback.search(query)  # open: no wait, no log line per search
        try:
            results = self.primary.search(query)
        except (TransportError, ApiError, ConnectionError, TimeoutError) as error:
            if not isinstance(error, ApiError) or getattr(error, "status_code", 500) >= 500:
                self.breaker.record_failure(error)  # a refused request of ours is not an outage
            if not self.breaker.is_open():
                logger.warning("Elasticsearch unavailable (%s); search answered from PostgreSQL", error)
            return self.fallback.search(query)
        self.breaker.record_success()
        return results


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
    user: AbstractBaseUser | AnonymousUser | None,
    filters: dict[str, list[str]] | None = None,
    language: str = "",
    page: int = 1,
    per_page: int = 20,
    engine: Engine | None = None,
) -> SearchResults:
    """Search what `user` may read; results, counts and facets never include anything else.

    The configured engine's answer is kept in the cache for the same words, filters, page, language and audience
    (what the reader may see, not who they are) until the index changes (`search.services.changed`: the "search"
    section of hub.caching) or the places are renamed ("places": the labels)."""
    query = SearchQuery(
        text=text, audience=audience_for(user), filters=filters or {}, language=language, page=page, per_page=per_page
    )
    key = _results_key(query) if engine is None and cache_seconds() > 0 else None
    results = cache.get(key) if key else None
    if results is None:
        results = (engine or get_engine()).search(query)
        localise_labels(results, language=language or translation.get_language() or settings.LANGUAGE_CODE)
        if key:
            cache.set(key, results, cache_seconds())
    return results


def _results_key(query: SearchQuery) -> str:
    what = json.dumps(
        [
            query.text,
            sorted((name, sorted(values)) for name, values in query.filters.items()),
            query.language or translation.get_language() or settings.LANGUAGE_CODE,
            query.page,
            query.per_page,
            sorted(query.audience.visibilities),
            sorted(query.audience.forum_ids),
        ],
        ensure_ascii=False,
    )
    return f"hub:search:{version('search', 'places')}:{hashlib.sha256(what.encode()).hexdigest()}"


def localise_labels(results: SearchResults, *, language: str) -> None:
    """Municipality, governorate and category names of facets and hits in `language`, from the apps' label
    providers (search.registry), whatever language the matching documents were written in."""
    language = language.split("-")[0]
    for facet in registry.LABELLED_FACETS:
        values = {value.value for value in results.facets.get(facet, [])}
        values.update(getattr(hit, facet) for hit in results.hits)
        names = registry.labels(facet=facet, values={v for v in values if v}, language=language)
        if not names:
            continue
        for value in results.facets.get(facet, []):
            value.label = names.get(value.value, value.label)
        results.facets.get(facet, []).sort(key=lambda v: (-v.count, v.label))
        for hit in results.hits:
            if getattr(hit, facet) in names:
                setattr(hit, f"{facet}_name", names[getattr(hit, facet)])


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


@dataclass
class RelatedItem:
    """A nearest neighbour of a page or object, from another municipality and of another type."""

    source_type: str
    source_id: str
    language: str
    title: str
    url: str
    type_label: str
    place: str  # municipality, else governorate ("" when the item has neither)
    similarity: float


RELATED_LIMIT = 5
RELATED_MIN_SIMILARITY = 0.2  # below this a "neighbour" is about something else: better to show nothing
RELATED_CANDIDATES = 60  # nearest documents read before removing the same type, municipality and duplicates
RELATED_POOL = 200  # nearest vectors taken from the index before the audience, type and municipality filters


def related_items(
    *,
    source_type: str,
    source_id: str | int,
    user: AbstractBaseUser | AnonymousUser | None,
    language: str = "",
    limit: int = RELATED_LIMIT,
) -> list[RelatedItem]:
    """Up to `limit` published items nearest to this object by meaning, that `user` may read, of another type
    and from another municipality; one statement. Empty when semantic search is off or nothing is close."""
    from search import embeddings

    if not embeddings.available():
        return []
    audience = audience_for(user)
    with connection.cursor() as cursor:
        cursor.execute(
            _RELATED_SQL,
            {
                "source_type": source_type,
                "source_id": str(source_id),
                "language": language,
                "visibilities": sorted(audience.visibilities),
                "forum_ids": sorted(audience.forum_ids),
                "candidates": RELATED_CANDIDATES,
                "pool": RELATED_POOL,
                "min_similarity": RELATED_MIN_SIMILARITY,
                "limit": limit,
            },
        )
        rows = cursor.fetchall()
    items = []
    for item_type, item_id, item_language, title, url, municipality, governorate, similarity in rows:
        try:
            label = str(registry.get(item_type).label or item_type)
        except KeyError:
            label = item_type
        items.append(
            RelatedItem(
                source_type=item_type,
                source_id=item_id,
                language=item_language,
                title=title,
                url=url,
                type_label=label,
                place=municipality or governorate,
                similarity=float(similarity),
            )
        )
    return items


# The object's vector (the document in the reader's language when it has one), then its RELATED_POOL nearest
# vectors through the HNSW index (the InitPlan gives the index a constant; a join in the same scan would make the
# planner read every vector), filtered by audience, type and municipality, one row per item the reader would open,
# nearest first; the audience is the rule of every search statement (ranking.VISIBLE). The SETs and the query run
# as one implicit transaction.
#
# One item is the page a document links to, whatever its language: its address without the language prefix, the
# query string and the fragment (RELATED_ITEM_KEY). So the posts of one forum topic (each links to the topic's
# page, `?post=N#N`) are one item, and so are a page and its translations (Wagtail's translations keep the page's
# slug: /ar/practices/x/ and /en/practices/x/) and the two languages of a project. Of each item the document in
# the reader's language is shown, else the nearest one.
RELATED_ITEM_KEY = r"regexp_replace(split_part(split_part(d.url, '#', 1), '?', 1), '^/[a-z]{2}(-[a-z0-9]+)?/', '/')"
_RELATED_SQL = f"""
SET LOCAL hnsw.ef_search = 200; SET LOCAL statement_timeout = 3000;
WITH src AS MATERIALIZED (
    SELECT d.source_type, d.source_id, d.municipality, e.embedding
    FROM hub_search_searchdocument d JOIN search_embedding e ON e.document_id = d.id
    WHERE d.source_type = %(source_type)s AND d.source_id = %(source_id)s AND NOT d.is_deleted
    ORDER BY (d.language = %(language)s) DESC, d.id LIMIT 1
), near AS MATERIALIZED (
    SELECT d.source_type, d.source_id, d.language, d.title, d.url, d.municipality, d.municipality_name,
           d.governorate_name, 1 - e.distance AS similarity, {RELATED_ITEM_KEY} AS item
    FROM (SELECT document_id, embedding <=> (SELECT embedding FROM src) AS distance FROM search_embedding
          WHERE EXISTS (SELECT 1 FROM src)
          ORDER BY embedding <=> (SELECT embedding FROM src) LIMIT %(pool)s) e
    JOIN hub_search_searchdocument d ON d.id = e.document_id
    WHERE {ranking.VISIBLE}      AND d.source_type <> (SELECT source_type FROM src)
      AND ((SELECT municipality FROM src) = '' OR d.municipality <> (SELECT municipality FROM src))
    ORDER BY e.distance
    LIMIT %(candidates)s
)
SELECT source_type, source_id, language, title, url, municipality_name, governorate_name, similarity FROM (
    SELECT DISTINCT ON (item) *, max(similarity) OVER (PARTITION BY item) AS best
    FROM near
    ORDER BY item, (language = %(language)s) DESC, similarity DESC, source_type, source_id
) one_per_item
WHERE best >= %(min_similarity)s
ORDER BY best DESC, item
LIMIT %(limit)s
"""  # noqa: S608 (a constant fragment of ours)
