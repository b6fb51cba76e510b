"""Hybrid search: semantic candidates from pgvector, and their fusion with the lexical engine's ranked list.

The semantic side only ever returns rows the reader may see and that pass the selected facets: the same
audience and filter conditions as the lexical statement, applied inside the nearest-neighbour query (HNSW
with pgvector's iterative scan, so a selective filter still fills the list).
"""

from __future__ import annotations

import logging
from collections.abc import Hashable
from contextlib import nullcontext
from dataclasses import dataclass
from typing import Generic, TypeVar

from django.conf import settings
from django.db import DatabaseError, connections, transaction

from search import arabic, embeddings
from search.engines import ranking
from search.engines.base import Audience

logger = logging.getLogger(__name__)

SEMANTIC_CANDIDATES = 50  # nearest neighbours considered per search
FACET_NAMES = ("type", "governorate", "municipality", "category", "year")
POOL = 200  # nearest vectors read through the HNSW index before audience and facets filter them
WINDOW = 100  # lexical candidates considered per search; pages past this follow the lexical order alone

# The HNSW index serves the inner ORDER BY ... LIMIT on the vectors alone (a join above it would make the planner
# read every vector); audience and facets then filter that pool. When a facet is selected and the pool leaves
# fewer than `limit` rows, `_EXACT` reads every vector that passes the filters instead, so a selective filter
# still gets its nearest documents.
_FILTERS = f"""
    WHERE {ranking.VISIBLE_AND_SELECTED}      AND NOT (d.id = ANY(%(exclude)s::bigint[]))
"""
_COLUMNS = """d.id, d.language, d.source_type, d.governorate, d.governorate_name, d.municipality, d.municipality_name,
       d.category, d.category_name, EXTRACT(YEAR FROM d.published_at AT TIME ZONE %(tz)s)::int AS year"""
_SESSION = (
    f"SET LOCAL statement_timeout = 3000; SET LOCAL hnsw.ef_search = {embeddings.EF_SEARCH}; SET LOCAL jit = off;"
)
_SEMANTIC_SQL = f"""{_SESSION}
SELECT {_COLUMNS}, 1 - e.distance AS similarity
FROM (SELECT document_id, embedding <=> %(vector)s::vector AS distance FROM {embeddings.TABLE}
      ORDER BY embedding <=> %(vector)s::vector LIMIT %(pool)s) e
JOIN hub_search_searchdocument d ON d.id = e.document_id
{_FILTERS}
ORDER BY e.distance LIMIT %(limit)s
"""  # noqa: S608
_EXACT_SQL = f"""{_SESSION}
SELECT {_COLUMNS}, 1 - (e.embedding <=> %(vector)s::vector) AS similarity
FROM {embeddings.TABLE} e JOIN hub_search_searchdocument d ON d.id = e.document_id
{_FILTERS}
ORDER BY e.embedding <=> %(vector)s::vector LIMIT %(limit)s
"""  # noqa: S608


# A document's key: PostgreSQL's row id, or Elasticsearch's (source type, source id, language).
Key = TypeVar("Key", bound=Hashable)


@dataclass
class SemanticHit(Generic[Key]):
    id: Key
    language: str
    similarity: float
    facets: dict  # facet name -> (value, label), for the counts of rows only the semantic side found


def query_language(text: str) -> str:
    """ "ar" when the query has more Arabic letters than Latin ones, else "en"."""
    arabic_letters = sum(1 for c in text if arabic.is_arabic(c))
    latin = sum(1 for c in text if c.isascii() and c.isalpha())
    return "ar" if arabic_letters >= latin and arabic_letters else "en"


def semantic_candidates(
    *,
    using: str,
    vector,
    audience: Audience,
    filters: dict[str, list],
    limit: int = SEMANTIC_CANDIDATES,
    exclude: list[int] | None = None,
) -> list[SemanticHit]:
    """The `limit` documents nearest to `vector` that the audience may read and that pass `filters`."""
    params = {
        "tz": settings.TIME_ZONE,
        "vector": embeddings.vector_literal(vector),
        "visibilities": sorted(audience.visibilities),
        "forum_ids": sorted(audience.forum_ids),
        "limit": limit,
        "pool": max(POOL, limit),
        "exclude": exclude or [],
        **{name: filters.get(name, []) for name in ("type", "governorate", "municipality", "category", "year")},
    }
    connection = connections[using]
    # As in the lexical engine: outside a transaction the SETs and the statement form one implicit transaction;
    # inside one, a savepoint keeps a failing statement from breaking the caller's transaction.
    scope = transaction.atomic(using=using) if connection.in_atomic_block else nullcontext()
    try:
        with scope, connection.cursor() as cursor:
            cursor.execute(_SEMANTIC_SQL, params)
            rows = cursor.fetchall()
            if len(rows) < limit and any(filters.get(name) for name in FACET_NAMES):
                cursor.execute(_EXACT_SQL, params)
                rows = cursor.fetchall()
    except DatabaseError:
        logger.warning("semantic search failed; lexical results only", exc_info=True)
        return []
    hits = []
    for pk, language, source_type, gov, gov_name, mun, mun_name, cat, cat_name, year, similarity in rows:
        facets = {
            "type": (source_type, ""),
            "governorate": (gov, gov_name),
            "municipality": (mun, mun_name),
            "category": (cat, cat_name),
            "year": (str(year) if year else "", ""),
        }
        hits.append(SemanticHit(id=pk, language=language, similarity=float(similarity), facets=facets))
    return hits


# --- fusion -------------------------------------------------------------------------------------------------

# What each side found decides the order (docs/search.md, "Hybrid search", explains the rule and its numbers):
COMPLETE = 1.0  # a lexical match with every query word
COVERAGE = 0.8  # x (share of the query's words the document has)²: partial matches count by how partial
LEXICAL_ORDER = 0.1  # / (1 + lexical rank): the lexical engine's own order among its matches
SEMANTIC = 0.4  # x similarity / the best similarity of this search
OTHER_LANGUAGE = 0.4  # added for the best OTHER_LANGUAGE_TOP hits in the other language (lower similarities)
OTHER_LANGUAGE_TOP = 3
SAME_LANGUAGE_ONLY_SEMANTIC = 0.5  # a same-language document the lexical side did not find counts half
PROTECTED_COVERAGE = 0.5  # lexical top-10 matches with at least this share of the words stay in the top 10
MIN_SIMILARITY = 0.15  # below this a neighbour is noise (right cross-language answers start near 0.16)
SEMANTIC_ONLY_MIN_SIMILARITY = 0.2  # when the lexical side found nothing at all, a stricter floor


def fuse(
    *,
    lexical: list[Key],
    complete: set[Key],
    coverage: dict[Key, float],
    semantic: list[SemanticHit[Key]],
    language: str,
    top: int = 10,
) -> list[Key]:
    """The fused order of lexical and semantic candidates (document ids).

    - Lexical evidence: complete matches first, partial ones by the share of the words they have, then the
      lexical order.
    - Semantic evidence: similarity relative to the best of this search; the best few documents in the other
      language get a bonus, because cross-language similarities are lower than same-language ones, and
      otherwise partial matches in the query's language crowd them out.
    - A same-language document only the semantic side found counts half: the lexical engine already saw it.
    - Lexical matches in its top 10 with at least half of the words are never pushed out of the top 10.
    """
    floor = MIN_SIMILARITY if lexical else SEMANTIC_ONLY_MIN_SIMILARITY
    semantic = [hit for hit in semantic if hit.similarity >= floor]
    best = max((hit.similarity for hit in semantic), default=1.0) or 1.0
    other = [hit.id for hit in semantic if hit.language != language][:OTHER_LANGUAGE_TOP]
    in_lexical = set(lexical)
    scores: dict[Key, float] = {}
    for rank, pk in enumerate(lexical):
        share = coverage.get(pk, 1.0 if pk in complete else 0.0)
        scores[pk] = COMPLETE * (pk in complete) + COVERAGE * share * share + LEXICAL_ORDER / (1 + rank)
    for hit in semantic:
        relative = hit.similarity / best
        if hit.id in other:
            relative += OTHER_LANGUAGE
        elif hit.id not in in_lexical:
            relative *= SAME_LANGUAGE_ONLY_SEMANTIC
        scores[hit.id] = scores.get(hit.id, 0.0) + SEMANTIC * relative
    order = sorted(scores, key=lambda pk: -scores[pk])
    protected = [pk for pk in lexical[:top] if pk in complete or coverage.get(pk, 0.0) >= PROTECTED_COVERAGE]
    head = order[:top]
    missing = [pk for pk in protected if pk not in head]
    for pk in missing:  # each takes the place of the lowest unprotected document of the top
        for index in range(len(head) - 1, -1, -1):
            if head[index] not in protected:
                del head[index]
                break
        head.append(pk)
    return head + [pk for pk in order if pk not in head]


def coverage(*, using: str, ids: list[int], word_queries: list[str]) -> dict[int, float]:
    """Share of the query's words (each a tsquery) that each document has."""
    if not ids or not word_queries:
        return {}
    with connections[using].cursor() as cursor:
        cursor.execute(
            "SELECT id, (SELECT count(*) FROM unnest(%s::tsquery[]) w WHERE d.search_vector @@ w) "
            "FROM hub_search_searchdocument d WHERE id = ANY(%s)",
            [word_queries, ids],
        )
        return {pk: n / len(word_queries) for pk, n in cursor.fetchall()}


def query_vector(text: str):
    """The query's embedding (once per search), or None when the encoder cannot be used."""
    try:
        return embeddings.encode([text])[0]
    except Exception:  # a broken model must not break the search: lexical results only
        logger.warning("query embedding failed; lexical results only", exc_info=True)
        return None


def merge(raw, *, words: tuple[str, ...], query, filters: dict, page: int, per_page: int, using: str):
    """The lexical engine's raw answer (its top WINDOW) fused with the semantic candidates: the requested page,
    and totals and facet counts that include the documents only the semantic side found."""
    from search.engines.postgres import build_tsquery

    vector = query_vector(query.text)
    if vector is None:
        semantic = []
    else:
        semantic = semantic_candidates(using=using, vector=vector, audience=query.audience, filters=filters)
    lexical = [candidate.pk for candidate in raw.hits]
    ranks = set(lexical)
    raw.complete = {candidate.pk for candidate in raw.hits if candidate.complete}
    partial = [pk for pk in lexical if pk not in raw.complete]  # complete matches have every word: no statement
    shares = coverage(using=using, ids=partial, word_queries=[build_tsquery((word,)) for word in words])
    order = fuse(
        lexical=lexical,
        complete=raw.complete,
        coverage=shares,
        semantic=semantic,
        language=query_language(query.text),
    )
    by_id = {hit.id: hit for hit in semantic}
    added = [by_id[pk] for pk in order if pk not in ranks]
    start = (page - 1) * per_page
    # A hit's score is its reciprocal fused rank: comparable between lexical and semantic hits (the peer finder
    # adds them up per municipality).
    # (tier 0: the page's score is the fused rank alone)
    raw.hits = [
        ranking.Candidate(pk=pk, tier=0, rank=1.0 / (1 + start + n), phrase=False, complete=pk in raw.complete)
        for n, pk in enumerate(order[start : start + per_page])
    ]
    raw.complete = {candidate.pk for candidate in raw.hits if candidate.complete}
    raw.total += len(added)
    for hit in added:  # counted under their own values; see docs/search.md on facets of semantic hits
        for name, (value, label) in hit.facets.items():
            if not value:
                continue
            values = raw.facets.setdefault(name, [])
            for index, (known, known_label, count) in enumerate(values):
                if known == value:
                    values[index] = (known, known_label or label, count + 1)
                    break
            else:
                values.append((value, label, 1))
    return raw
