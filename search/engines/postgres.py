"""The PostgreSQL engine: weighted terms built in Python by search.arabic, a GIN index, ranking of a capped
candidate set, facet counts in the same statement, highlights in Python, and a trigram typo fallback.

Terms are not produced by a PostgreSQL text-search configuration: `document_vector` and `build_tsquery` write
tsvector/tsquery literals from search.arabic's stems, so Arabic and English, index and query, go through one
normaliser. A word gives a primary term (weights A for the title, B for the body) and, for Arabic, weak terms
prefixed with "~" (weights C and D): a query word matches its primary term or any of its weak forms.
"""

from __future__ import annotations

import html
import re
from contextlib import nullcontext
from dataclasses import dataclass, field
from functools import lru_cache

from django.conf import settings
from django.db import DatabaseError, connections, transaction

from search import arabic, embeddings, registry
from search.engines import hybrid
from search.engines.base import FACETS, Engine, FacetValue, Hit, SearchQuery, SearchResults
from search.models import SearchDocument, SearchWord

MAX_POSITION = 16383  # PostgreSQL's limit for a tsvector position
MAX_POSITIONS_PER_TERM = 256
MAX_BODY_WORDS = 5000  # the rest of a very long body adds little to finding it and a lot to the index
MAX_QUERY_WORDS = 10  # a 2,000-character query is cut, never refused
CANDIDATES = 2000  # totals and facet counts work on at most this many matches (steady latency; "at least N")
FEW = 10  # fewer documents than this with every word: documents with some of the words follow them
RANKED = 200  # and ranking, which must read each document's terms, on at most this many of them
RANK_WEIGHTS = "{0.05,0.1,0.4,1.0}"  # D (body weak), C (title weak), B (body), A (title)
SNIPPET_CHARS = 260
STATEMENT_TIMEOUT_MS = 3000
WEAK = "~"
_SESSION = f"SET LOCAL statement_timeout = {STATEMENT_TIMEOUT_MS}; SET LOCAL enable_seqscan = off; SET LOCAL jit = off;"


def _literal(term: str) -> str:
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"


# --- index side -------------------------------------------------------------------------------------------


def document_vector(title: str, body: str) -> str:
    """A tsvector literal for one document (title terms weigh more than body terms)."""
    positions: dict[str, list[str]] = {}
    position = 0
    for text, strong, weak, limit in ((title, "A", "C", None), (body, "B", "D", MAX_BODY_WORDS)):
        for word in arabic.index_words(text)[:limit]:
            position = min(position + 1, MAX_POSITION)
            primary, weak_terms = _terms(word)
            _add(positions, primary, f"{position}{strong}")
            if weak_terms:
                where = f"{position}{weak}"
                for term in weak_terms:
                    _add(positions, term, where)
    return " ".join(f"{_literal(term)}:{','.join(where)}" for term, where in positions.items())


@lru_cache(maxsize=131072)
def _terms(word: str) -> tuple[str, tuple[str, ...]]:
    """A word's primary term and (Arabic only) its weak terms, "~"-prefixed."""
    forms = arabic.word_forms(word)
    return forms.primary, tuple(WEAK + form for form in forms.weak) if arabic.is_arabic(word) else ()


def _add(positions: dict[str, list[str]], term: str, where: str) -> None:
    found = positions.get(term)
    if found is None:
        positions[term] = [where]
    elif len(found) < MAX_POSITIONS_PER_TERM and found[-1] != where:
        found.append(where)


def vocabulary(title: str, body: str) -> dict[str, str]:
    """Normalised word -> first spelling as written, for the typo fallback's vocabulary."""
    words: dict[str, str] = {}
    for text in (title, body[:20000]):
        for run in _WORD_RUN.findall(text):
            tokens = _run_words(run)
            for word in tokens:
                if word not in words and 3 <= len(word) <= 64 and not word.isdigit() and not arabic.is_stopword(word):
                    # the spelling as written when the run is this one word (else its normalised form)
                    words[word] = run if len(tokens) == 1 and len(run) <= 64 else word
    return words


# --- query side -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ParsedQuery:
    words: tuple[str, ...]  # normalised, stop words out, deduplicated, at most MAX_QUERY_WORDS

    @property
    def is_empty(self) -> bool:
        return not self.words


def parse_query(text: str) -> ParsedQuery:
    tokens = arabic.tokenize(text or "")
    words = [t for t in tokens if not arabic.is_stopword(t)]
    return ParsedQuery(tuple(dict.fromkeys(words))[:MAX_QUERY_WORDS])


def _word_alternatives(word: str) -> list[str]:
    forms = arabic.word_forms(word)
    terms = [forms.primary]
    if arabic.is_arabic(word):
        terms += [WEAK + form for form in sorted(forms.weak)]
    return terms


def build_tsquery(words: tuple[str, ...], *, match_all: bool = True) -> str:
    """A tsquery literal: every word (or any word) must match one of its terms. Safe for any input."""
    groups = ["(" + " | ".join(_literal(term) for term in _word_alternatives(word)) + ")" for word in words]
    return (" & " if match_all else " | ").join(groups)


class Matcher:
    """Tells whether a word of a document is one the query found (the same rule as the tsquery)."""

    def __init__(self, words: tuple[str, ...]):
        self.primary = {arabic.word_forms(w).primary for w in words}
        self.weak = set().union(*[arabic.word_forms(w).weak for w in words if arabic.is_arabic(w)])

        self._seen: dict[str, bool] = {}

    def __call__(self, word: str) -> bool:
        found = self._seen.get(word)
        if found is None:
            forms = arabic.word_forms(word)
            found = forms.primary in self.primary or (arabic.is_arabic(word) and not self.weak.isdisjoint(forms.weak))
            self._seen[word] = found
        return found


# Words as written: letters and digits plus the marks that live inside Arabic words (diacritics, tatweel, joiners).
_WORD_RUN = re.compile("[\\w\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d]+")


@lru_cache(maxsize=65536)
def _run_words(run: str) -> tuple[str, ...]:
    return tuple(arabic.tokenize(run))


def highlight(text: str, matcher: Matcher) -> str:
    """`text` HTML-escaped, with each matching word wrapped in <mark>."""
    out, last = [], 0
    for match in _WORD_RUN.finditer(text):
        if any(matcher(word) for word in _run_words(match.group())):
            out += [html.escape(text[last : match.start()]), "<mark>", html.escape(match.group()), "</mark>"]
            last = match.end()
    out.append(html.escape(text[last:]))
    return "".join(out)


def snippet(text: str, matcher: Matcher, *, size: int = SNIPPET_CHARS) -> str:
    """A short extract around the first match (or the start), escaped and highlighted."""
    text = " ".join(text.split())
    start = 0
    for match in _WORD_RUN.finditer(text):
        if any(matcher(word) for word in _run_words(match.group())):
            start = max(0, match.start() - size // 3)
            break
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < start + 30 else start
    end = start + size
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start + size // 2 else end
    extract = highlight(text[start:end], matcher)
    return ("… " if start else "") + extract + (" …" if end < len(text) else "")


# --- the engine -------------------------------------------------------------------------------------------

_SEARCH_SQL = """
WITH m AS MATERIALIZED (
    SELECT d.id, d.source_type, d.language, d.published_at,
           d.governorate, d.governorate_name, d.municipality, d.municipality_name, d.category, d.category_name,
           EXTRACT(YEAR FROM d.published_at AT TIME ZONE %(tz)s)::int AS year
    FROM {table} d
    WHERE d.search_vector @@ %(tsquery)s::tsquery
      AND NOT d.is_deleted
      AND (d.visibility = ANY(%(visibilities)s::text[])
           OR (d.visibility = 'forum' AND d.forum_ids && %(forum_ids)s::int[]))
    LIMIT %(candidates)s
), f AS MATERIALIZED (
    SELECT m.*,
           (cardinality(%(type)s::text[]) = 0 OR source_type = ANY(%(type)s::text[])) AS ok_type,
           (cardinality(%(governorate)s::text[]) = 0 OR governorate = ANY(%(governorate)s::text[])) AS ok_gov,
           (cardinality(%(municipality)s::text[]) = 0 OR municipality = ANY(%(municipality)s::text[])) AS ok_mun,
           (cardinality(%(category)s::text[]) = 0 OR category = ANY(%(category)s::text[])) AS ok_cat,
           (cardinality(%(year)s::int[]) = 0 OR year = ANY(%(year)s::int[])) AS ok_year
    FROM m
), ranked AS (
    -- Ranking reads each candidate's terms (the expensive part): only the first %(ranked)s candidates are ranked.
    SELECT c.id, c.language, c.published_at, x.complete,
           CASE WHEN x.complete THEN ts_rank(%(weights)s::float4[], d.search_vector, %(all_words)s::tsquery, 1)
                ELSE ts_rank(%(weights)s::float4[], d.search_vector, %(tsquery)s::tsquery, 1) END AS rank
    FROM (SELECT id, language, published_at FROM f WHERE ok_type AND ok_gov AND ok_mun AND ok_cat AND ok_year
          LIMIT %(ranked)s) c
    JOIN {table} d ON d.id = c.id,
    LATERAL (SELECT CASE WHEN %(relaxed)s THEN d.search_vector @@ %(all_words)s::tsquery ELSE true END AS complete) x
)
SELECT 'hit', id, rank, complete::text, NULL, ordinal FROM (
    SELECT id, rank, complete, row_number() OVER (
        ORDER BY complete DESC, rank DESC, (language = %(language)s) DESC, published_at DESC NULLS LAST, id
    ) AS ordinal
    FROM ranked
    ORDER BY ordinal LIMIT %(limit)s OFFSET %(offset)s
) hits
UNION ALL
SELECT 'total', NULL, NULL, NULL, ((SELECT count(*) FROM m) >= %(candidates)s)::text, count(*)
FROM f WHERE ok_type AND ok_gov AND ok_mun AND ok_cat AND ok_year
UNION ALL
-- The five facets in one pass over the candidates; each counts the rows that pass every filter but its own.
SELECT kind, NULL, NULL, value, label, n FROM (
    SELECT CASE WHEN GROUPING(source_type) = 0 THEN 'type' WHEN GROUPING(governorate) = 0 THEN 'governorate'
                WHEN GROUPING(municipality) = 0 THEN 'municipality' WHEN GROUPING(category) = 0 THEN 'category'
                ELSE 'year' END AS kind,
           coalesce(source_type, governorate, municipality, category, year::text) AS value,
           CASE WHEN GROUPING(governorate) = 0
                THEN coalesce(max(governorate_name) FILTER (WHERE language = %(language)s), max(governorate_name))
                WHEN GROUPING(municipality) = 0
                THEN coalesce(max(municipality_name) FILTER (WHERE language = %(language)s), max(municipality_name))
                WHEN GROUPING(category) = 0
                THEN coalesce(max(category_name) FILTER (WHERE language = %(language)s), max(category_name))
           END AS label,
           CASE WHEN GROUPING(source_type) = 0 THEN count(*) FILTER (WHERE ok_gov AND ok_mun AND ok_cat AND ok_year)
                WHEN GROUPING(governorate) = 0 THEN count(*) FILTER (WHERE ok_type AND ok_mun AND ok_cat AND ok_year)
                WHEN GROUPING(municipality) = 0 THEN count(*) FILTER (WHERE ok_type AND ok_gov AND ok_cat AND ok_year)
                WHEN GROUPING(category) = 0 THEN count(*) FILTER (WHERE ok_type AND ok_gov AND ok_mun AND ok_year)
                ELSE count(*) FILTER (WHERE ok_type AND ok_gov AND ok_mun AND ok_cat) END AS n
    FROM f GROUP BY GROUPING SETS ((source_type), (governorate), (municipality), (category), (year))
) facets
WHERE n > 0 AND value <> ''
"""


@dataclass
class _Raw:
    hits: list[tuple[int, float]]
    total: int
    facets: dict[str, list[tuple[str, str, int]]]
    capped: bool = False  # the candidate set was cut at the cap: total and facet counts are lower bounds
    complete: set[int] = field(default_factory=set)  # hits that match every query word (hybrid fusion reads it)


class PostgresEngine(Engine):
    """Searches SearchDocument rows in PostgreSQL; always current (rows are written with their source)."""

    name = "postgres"

    def __init__(
        self, using: str = "default", candidates: int | None = None, ranked: int | None = None, semantic: bool = True
    ):
        self.using = using
        self.semantic = semantic  # False: lexical only, even where the vectors exist (search_eval's baseline)
        self.candidates = candidates or CANDIDATES
        self.ranked = ranked or RANKED

    def search(self, query: SearchQuery) -> SearchResults:
        parsed = parse_query(query.text)
        page = max(1, int(query.page or 1))
        per_page = max(1, min(int(query.per_page or 20), 100))
        filters = _clean_filters(query.filters)
        empty = SearchResults(hits=[], total=0, facets={}, engine=self.name, page=page, per_page=per_page)
        if parsed.is_empty:
            return empty
        corrected = None
        words = parsed.words
        # Hybrid hook (search.engines.hybrid): with vectors, the lexical top WINDOW is fetched and fused with the
        # semantic candidates; pages past the window follow the lexical order alone.
        fused = self.semantic and page * per_page <= hybrid.WINDOW and embeddings.available(self.using)
        page, per_page = (1, hybrid.WINDOW) if fused else (page, per_page)
        raw = self._run(words, query, filters, page, per_page, match_all=True)
        if raw.total == 0 and not any(raw.facets.values()):
            # Nothing has every word, and not because of the filters: suppose a typo, a word the index has
            # never seen, and correct it to the closest word it has.
            fixed = self._correct(words)
            if fixed is not None:
                retry = self._run(fixed[0], query, filters, page, per_page, match_all=True)
                if retry.total:  # the correction is kept only when every corrected word is found together
                    (words, corrected), raw = fixed, retry
        if raw.total < FEW and len(words) > 1:
            # Few documents have every word: add those with some of them, after the ones with all of them.
            relaxed = self._run(words, query, filters, page, per_page, match_all=False)
            if relaxed.total > raw.total:
                raw = relaxed
        if fused:  # hybrid hook: the requested page of the fused order
            page, per_page = max(1, int(query.page or 1)), max(1, min(int(query.per_page or 20), 100))
            raw = hybrid.merge(
                raw, words=words, query=query, filters=filters, page=page, per_page=per_page, using=self.using
            )
        if raw.total == 0:
            corrected = None
        hits = self._hits(raw.hits, words)
        return SearchResults(
            hits=hits,
            total=raw.total,
            facets=_facets(raw.facets, filters),
            engine=self.name,
            corrected_query=corrected,
            page=page,
            per_page=per_page,
            total_is_capped=raw.capped and raw.total > 0,
        )

    def _run(self, words, query: SearchQuery, filters, page, per_page, *, match_all: bool) -> _Raw:
        params = {
            "tz": settings.TIME_ZONE,
            "weights": RANK_WEIGHTS,
            "tsquery": build_tsquery(words, match_all=match_all),
            "relaxed": not match_all,
            "all_words": build_tsquery(words, match_all=True),
            "visibilities": sorted(query.audience.visibilities),
            "forum_ids": sorted(query.audience.forum_ids),
            "candidates": self.candidates,
            "ranked": self.ranked,
            "language": query.language or "",
            "limit": per_page,
            "offset": (page - 1) * per_page,
            **{name: filters.get(name, []) for name in FACETS},
        }
        sql = _SEARCH_SQL.format(table=SearchDocument._meta.db_table)
        raw = _Raw(hits=[], total=0, facets={name: [] for name in FACETS})
        connection = connections[self.using]
        # Outside a transaction the SETs and the query form one implicit transaction (one round trip, no COMMIT);
        # inside one, a savepoint keeps a failing statement from breaking the caller's transaction.
        scope = transaction.atomic(using=self.using) if connection.in_atomic_block else nullcontext()
        try:
            with scope, connection.cursor() as cursor:
                # One round trip; the settings apply to this transaction only. For a common word the planner
                # may prefer a sequential scan that stops at the LIMIT, but it has to read every row's terms on
                # the way: the GIN index is always cheaper here. JIT compilation costs more than it saves.
                cursor.execute(f"{_SESSION} {sql}", params)
                rows = cursor.fetchall()
        except DatabaseError:
            # A pathological query must not become a 500: it finds nothing (and is logged by Django).
            import logging

            logging.getLogger(__name__).warning("search query failed or timed out", exc_info=True)
            return raw
        hits = []
        for kind, pk, rank, value, label, count in rows:
            if kind == "hit":
                hits.append((count, pk, rank))
                if value == "true":
                    raw.complete.add(pk)
            elif kind == "total":
                raw.total = count
                raw.capped = label == "true"
            else:
                raw.facets[kind].append((value, label or "", count))
        raw.hits = [(pk, rank) for _, pk, rank in sorted(hits)]
        return raw

    def _correct(self, words: tuple[str, ...]) -> tuple[tuple[str, ...], str] | None:
        """Replace words the index has never seen by the closest known word (trigram similarity)."""
        known = set(SearchWord.objects.using(self.using).filter(word__in=words).values_list("word", flat=True))
        unknown = [w for w in words if w not in known and len(w) >= 3 and not w.isdigit()]
        if not unknown:
            return None
        table = SearchWord._meta.db_table
        replacements: dict[str, tuple[str, str]] = {}
        with connections[self.using].cursor() as cursor:
            for word in unknown:
                cursor.execute(
                    f"SELECT word, display FROM {table} WHERE word %% %s "  # noqa: S608 (table name is ours)
                    "ORDER BY similarity(word, %s) DESC, word LIMIT 1",
                    [word, word],
                )
                row = cursor.fetchone()
                if row:
                    replacements[word] = row
        if not replacements:
            return None
        fixed = tuple(replacements.get(w, (w, w))[0] for w in words)
        shown = " ".join(replacements.get(w, (w, w))[1] for w in words)
        return fixed, shown

    def _hits(self, ranked: list[tuple[int, float]], words: tuple[str, ...]) -> list[Hit]:
        if not ranked:
            return []
        from django.db.models.functions import Left

        rows = (
            SearchDocument.objects.using(self.using)
            .filter(pk__in=[pk for pk, _ in ranked])
            .annotate(body_start=Left("body", 2500))
            .only(
                "source_type",
                "source_id",
                "language",
                "title",
                "url",
                "municipality_name",
                "governorate_name",
                "category_name",
                "published_at",
            )
        )
        by_pk = {row.pk: row for row in rows}
        matcher = Matcher(words)
        hits = []
        for pk, rank in ranked:
            row = by_pk.get(pk)
            if row is None:
                continue
            hits.append(
                Hit(
                    source_type=row.source_type,
                    source_id=row.source_id,
                    language=row.language,
                    title=row.title,
                    url=row.url,
                    snippet=snippet(row.body_start, matcher),
                    title_highlighted=highlight(row.title, matcher),
                    municipality_name=row.municipality_name,
                    governorate_name=row.governorate_name,
                    category_name=row.category_name,
                    published_at=row.published_at,
                    score=float(rank),
                )
            )
        return hits


def _clean_filters(filters: dict[str, list[str]]) -> dict[str, list]:
    """Known facets only, strings trimmed, years as integers; anything else is ignored, never an error."""
    clean: dict[str, list] = {}
    for name in FACETS:
        values = [str(v).strip()[:160] for v in (filters or {}).get(name, []) if str(v).strip()][:20]
        if name == "year":
            values = [int(v) for v in values if v.isdigit() and 1 <= int(v) <= 9999]
        if values:
            clean[name] = list(dict.fromkeys(values))
    return clean


def _facets(raw: dict[str, list[tuple[str, str, int]]], filters: dict[str, list]) -> dict[str, list[FacetValue]]:
    facets: dict[str, list[FacetValue]] = {}
    for name in FACETS:
        selected = {str(v) for v in filters.get(name, [])}
        values = []
        for value, label, count in raw.get(name, []):
            if name == "type":
                label = _type_label(value)
            values.append(FacetValue(value=value, label=label or value, count=count, selected=value in selected))
        if name == "year":
            values.sort(key=lambda v: v.value, reverse=True)
        else:
            values.sort(key=lambda v: (-v.count, v.label))
        facets[name] = values
    return facets


def _type_label(source_type: str) -> str:
    try:
        return str(registry.get(source_type).label or source_type)
    except KeyError:
        return source_type
