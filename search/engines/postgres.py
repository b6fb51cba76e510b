"""The PostgreSQL engine: weighted terms built in Python by search.arabic, GIN indexes, ranking among every
match (search.engines.ranking), capped totals and facet counts, highlights in Python, and a trigram typo fallback.

Terms are not produced by a PostgreSQL text-search configuration: `document_vector` and `build_tsquery` write
tsvector/tsquery literals from search.arabic's stems, so Arabic and English, index and query, go through one
normaliser. A word gives a primary term (weights A for the title, B for the body) and, for Arabic, weak terms
prefixed with "~" (weights C and D): a query word matches its primary term or any of its weak forms.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import lru_cache

from django.conf import settings
from django.db import DatabaseError, connections, transaction

from search import arabic, embeddings, registry
from search.engines import hybrid, ranking
from search.engines.base import FACETS, Engine, FacetValue, Hit, SearchQuery, SearchResults
from search.engines.ranking import RANK_WEIGHTS, RANKED, Candidate
from search.models import SearchDocument, SearchWord

MAX_POSITION = 16383  # PostgreSQL's limit for a tsvector position
MAX_POSITIONS_PER_TERM = 256
MAX_BODY_WORDS = 5000  # the rest of a very long body adds little to finding it and a lot to the index
MAX_QUERY_WORDS = 10  # a 2,000-character query is cut, never refused
CANDIDATES = 2000  # totals and facet counts work on at most this many matches (steady latency; "at least N")
# For a search that matches a large share of a large table: the newest this many matches are counted instead,
# read through the date index (search.engines.ranking.WINDOW_IS_CHEAPER).
WINDOW = 500
FEW = 10  # fewer documents than this with every word: documents with some of the words follow them
SNIPPET_CHARS = 260
CORRECTION_CANDIDATES = 8  # closest vocabulary words considered for a word that no document has
CORRECTION_COUNT_CAP = 200  # documents counted per candidate (its usage, to prefer the corpus's spelling)
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


def build_phrase_tsquery(words: tuple[str, ...]) -> str:
    """A tsquery literal: the words next to each other, in order (stop words are not indexed, so
    "رخص في البناء" holds the phrase "رخص البناء")."""
    groups = ["(" + " | ".join(_literal(term) for term in _word_alternatives(word)) + ")" for word in words]
    return " <-> ".join(groups)


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

_COUNTED_COLUMNS = """d.id, d.source_type, d.language, d.published_at,
           d.governorate, d.governorate_name, d.municipality, d.municipality_name, d.category, d.category_name,
           EXTRACT(YEAR FROM d.published_at AT TIME ZONE %(tz)s)::int AS year"""
_COUNTED_NAMES = """w.id, w.source_type, w.language, w.published_at, w.governorate, w.governorate_name, w.municipality,
           w.municipality_name, w.category, w.category_name, w.year"""

# Which matches are counted. The share of the table that matches (`density`) is estimated from the statistics
# PostgreSQL keeps on the terms column (pg_stats.most_common_elems: the share of documents having each common
# term): for each word, its most frequent form; words multiplied (every word; for a relaxed search, some of the
# words: 1 - the product of the shares that lack each word), so the estimate errs low for words that occur
# together (then the bitmap is chosen, as before). The newest `window` matches are read through the date index
# when that passes fewer rows than the bitmap reads index entries (`search.engines.ranking.WINDOW_IS_CHEAPER`);
# the walk gives up after three times the rows the estimate expects (then nothing is counted, and the engine
# counts again through the bitmap).
#
# The share of documents having each common term, from the statistics ANALYZE keeps on the terms column.
_STATS_CTE = """stats AS MATERIALIZED (
    SELECT e.term, e.share
    FROM pg_stats p, unnest(p.most_common_elems::text::text[], p.most_common_elem_freqs) AS e(term, share)
    WHERE p.schemaname = current_schema() AND p.tablename = '{table}' AND p.attname = 'search_vector'
)"""
COMMON = 1000  # documents: a word the statistics count in at least this many exists (no index lookup needed)
_TABLE_ROWS = "(SELECT reltuples FROM pg_class WHERE oid = '{table}'::regclass)"
# The typo fallback: which query words no live document has, and how many documents (capped) each correction
# candidate finds. A word that the statistics count in at least COMMON documents is not looked up (for a common
# word the lookup reads its whole entry in the terms index).
_UNMATCHED_WORDS_SQL = (
    "WITH "  # noqa: S608 (our table)
    + _STATS_CTE
    + """
SELECT q.w FROM unnest(%s::text[], %s::text[], %s::text[]) AS q(w, tsq, term) LEFT JOIN stats s ON s.term = q.term
WHERE CASE WHEN coalesce(s.share, 0) * """
    + _TABLE_ROWS
    + """ >= %s THEN false
           ELSE NOT EXISTS (SELECT 1 FROM {table} d WHERE d.search_vector @@ q.tsq::tsquery AND NOT d.is_deleted) END
"""
)
_USAGE_SQL = (
    "WITH "  # noqa: S608 (our table)
    + _STATS_CTE
    + """
SELECT c.word, CASE WHEN coalesce(s.share, 0) * """
    + _TABLE_ROWS
    + """ >= %s THEN %s
                    ELSE (SELECT count(*) FROM (
                        SELECT 1 FROM {table} d WHERE d.search_vector @@ c.tsq::tsquery AND NOT d.is_deleted LIMIT %s
                    ) n)
               END
FROM unnest(%s::text[], %s::text[], %s::text[]) AS c(word, tsq, term) LEFT JOIN stats s ON s.term = c.term
"""
)

_CHOICE_SQL = (
    _STATS_CTE  # noqa: S608 (our table and fragments)
    + """, words AS MATERIALIZED (
    SELECT least(max(coalesce(s.share, 0)), 0.999999) AS share
    FROM unnest(%(word_of_term)s::int[], %(terms)s::text[]) AS q(word, term)
    LEFT JOIN stats s ON s.term = q.term
    GROUP BY q.word
), choice AS MATERIALIZED (
    SELECT c.density, c.rows,
           %(window)s > 0 AND {window_is_cheaper} AS walk,
           ceil(3 * %(window)s / greatest(c.density, 1e-6))::bigint AS passed
    FROM (
        SELECT (SELECT reltuples FROM pg_class WHERE oid = '{table}'::regclass) AS rows,
               CASE WHEN %(match_all)s THEN (SELECT exp(sum(ln(greatest(share, 1e-9)))) FROM words)
                    ELSE 1 - (SELECT exp(sum(ln(1 - share))) FROM words) END AS density
    ) c
), m AS MATERIALIZED (
    (SELECT {columns}, NULL::int AS tier, NULL::bigint AS rn
     FROM {table} d
     WHERE d.search_vector @@ %(tsquery)s::tsquery
       AND {visible}       AND NOT (SELECT walk FROM choice)
     LIMIT %(candidates)s)
    UNION ALL
    (SELECT {names},
            CASE WHEN w.title_vector @@ %(all_words)s::tsquery THEN {title}
                 WHEN %(match_all)s OR w.search_vector @@ %(all_words)s::tsquery THEN {all_words} ELSE {some_words}
            END AS tier,
            row_number() OVER (ORDER BY w.published_at DESC NULLS LAST, w.id DESC) AS rn
     FROM (
         SELECT {columns}, d.search_vector, d.title_vector
         FROM {table} d
         WHERE {visible}           AND (SELECT walk FROM choice)
         ORDER BY d.published_at DESC NULLS LAST, d.id DESC
         LIMIT (SELECT passed FROM choice)
     ) w
     WHERE w.search_vector @@ %(tsquery)s::tsquery
     ORDER BY w.published_at DESC NULLS LAST, w.id DESC
     LIMIT %(window)s)
)"""
)

_SEARCH_SQL = """
WITH {choice}, f AS MATERIALIZED (
    SELECT m.*,
           (cardinality(%(type)s::text[]) = 0 OR source_type = ANY(%(type)s::text[])) AS ok_type,
           (cardinality(%(governorate)s::text[]) = 0 OR governorate = ANY(%(governorate)s::text[])) AS ok_gov,
           (cardinality(%(municipality)s::text[]) = 0 OR municipality = ANY(%(municipality)s::text[])) AS ok_mun,
           (cardinality(%(category)s::text[]) = 0 OR category = ANY(%(category)s::text[])) AS ok_cat,
           (cardinality(%(year)s::int[]) = 0 OR year = ANY(%(year)s::int[])) AS ok_year
    FROM m
)
SELECT 'total', NULL, NULL, NULL,
       ((SELECT count(*) FROM m)
        >= (SELECT CASE WHEN walk THEN %(window)s ELSE %(candidates)s END FROM choice))::text,
       count(*)
FROM f WHERE ok_type AND ok_gov AND ok_mun AND ok_cat AND ok_year
UNION ALL
-- Whether the matches were read through the date index (the newest `window` of them).
SELECT 'window', NULL::int, NULL::int, NULL, (SELECT walk FROM choice)::text, NULL FROM choice
UNION ALL
-- Every counted match that passes the filters, by id: when they are fewer than the cap, they are all the matches,
-- and the ranking reads them from here rather than from the terms index again. From the date index: with its
-- tier and its place, newest first.
SELECT 'id', id, tier, NULL, NULL, rn FROM f WHERE ok_type AND ok_gov AND ok_mun AND ok_cat AND ok_year
UNION ALL
-- The planner's count of the table's rows (search.engines.ranking.scan_in_date_order).
SELECT 'table_rows', NULL, NULL, NULL, NULL, rows::bigint FROM choice
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


def search_sql(table: str) -> str:
    """The counting statement (totals, facets, and the counted matches by id)."""
    choice = _CHOICE_SQL.format(
        table=table,
        visible=ranking.VISIBLE,
        columns=_COUNTED_COLUMNS,
        names=_COUNTED_NAMES,
        window_is_cheaper=ranking.WINDOW_IS_CHEAPER,
        title=ranking.TITLE,
        all_words=ranking.ALL_WORDS,
        some_words=ranking.SOME_WORDS,
    )
    return _SEARCH_SQL.format(choice=choice, table=table, visible=ranking.VISIBLE)


def _primary(word: str) -> str:
    return arabic.word_forms(word).primary


def _estimate_terms(words: tuple[str, ...]) -> dict:
    """Each word's terms (primary and weak forms), for the estimate of how many documents match."""
    pairs = [(i, term) for i, word in enumerate(words) for term in _word_alternatives(word)]
    return {"word_of_term": [i for i, _ in pairs], "terms": [term for _, term in pairs]}


@dataclass
class _Raw:
    hits: list[Candidate]
    total: int
    facets: dict[str, list[tuple[str, str, int]]]
    capped: bool = False  # the candidate set was cut at the cap: total and facet counts are lower bounds
    complete: set[int] = field(default_factory=set)  # hits that match every query word (hybrid fusion reads it)


class PostgresEngine(Engine):
    """Searches SearchDocument rows in PostgreSQL; always current (rows are written with their source)."""

    name = "postgres"

    def __init__(
        self,
        using: str = "default",
        candidates: int | None = None,
        ranked: int | None = None,
        semantic: bool = True,
        window: int | None = None,
    ):
        self.using = using
        self.semantic = semantic  # False: lexical only, even where the vectors exist (search_eval's baseline)
        self.candidates = candidates or CANDIDATES
        self.ranked = ranked or RANKED
        self.window = WINDOW if window is None else window

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
            # Nothing has every word, and not because of the filters: a word that no document has is taken for
            # a typo and corrected on its own to the closest word that documents do have; the other words
            # stay. When the corrected words are not found together, only corrections within one or two edits
            # are kept (a real word the index lacks must not turn into another one); documents with some of the words
            # follow (below), and the page says which words were searched.
            replacements = self._correct(words)
            if replacements:
                fixed, shown = _apply(words, replacements)
                retry = self._run(fixed, query, filters, page, per_page, match_all=True)
                confident = {w: r for w, r in replacements.items() if _close_enough(w, r[0])}
                if not retry.total and confident != replacements:
                    fixed, shown = _apply(words, confident)
                    retry = self._run(fixed, query, filters, page, per_page, match_all=True) if confident else retry
                if retry.total or confident:
                    words, corrected, raw = fixed, shown, retry
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

    def ranked_candidates(self, query: SearchQuery, *, limit: int = RANKED) -> list[Candidate]:
        """The best `limit` lexical matches of `query` in ranking order (search.engines.ranking), each saying
        whether it has every query word; documents with some of the words follow when few have all of them.
        No totals, facets, highlights or typo correction: the building block for combining rankings."""
        words = parse_query(query.text).words
        if not words:
            return []
        filters = _clean_filters(query.filters)
        found = self._run(words, query, filters, 1, limit, match_all=True, counts=False).hits
        if len(found) < FEW and len(words) > 1:
            found = self._run(words, query, filters, 1, limit, match_all=False, counts=False).hits
        return found

    def _run(self, words, query: SearchQuery, filters, page, per_page, *, match_all: bool, counts=True) -> _Raw:
        params = {
            "tz": settings.TIME_ZONE,
            "tsquery": build_tsquery(words, match_all=match_all),
            "visibilities": sorted(query.audience.visibilities),
            "forum_ids": sorted(query.audience.forum_ids),
            "candidates": self.candidates,
            "window": self.window,
            "match_all": match_all,
            "all_words": build_tsquery(words, match_all=True),
            **_estimate_terms(words),
            "language": query.language or "",
            **{name: filters.get(name, []) for name in FACETS},
        }
        table = SearchDocument._meta.db_table
        raw = _Raw(hits=[], total=0, facets={name: [] for name in FACETS})
        connection = connections[self.using]
        need = page * per_page
        tiers = [ranking.TITLE, ranking.ALL_WORDS] + ([] if match_all else [ranking.SOME_WORDS])
        try:
            # One transaction (a savepoint inside the caller's): the settings apply to these statements only.
            # For a common word the planner may prefer a sequential scan that stops at the LIMIT, but it has to
            # read every row's terms on the way: the indexes are always cheaper here. JIT costs more than it saves.
            with transaction.atomic(using=self.using), connection.cursor() as cursor:
                settings_first = _SESSION  # sent with the first statement: one round trip
                table_rows: int | None = None
                listed: list[tuple[int, int, int]] = []  # (pk, tier, row number)
                window: dict[int, list[int]] = {}
                if counts:
                    sql = settings_first + search_sql(table)
                    settings_first = ""
                    raw, table_rows, listed, walked = self._count(cursor, sql, params)
                    if walked and not raw.capped:
                        # The walk through the date index gave up (the estimate was too high): count again
                        # through the bitmap.
                        params = {**params, "window": 0}
                        raw, table_rows, listed, walked = self._count(cursor, sql, params)
                    if raw.total == 0:
                        return raw
                    bitmap_only = not raw.capped  # few matches: reading them all is cheap
                    if walked:
                        # The newest `window` matches, by tier, newest first: each tier's newest documents (a
                        # tier's documents newer than the window's oldest are all in it).
                        for pk, tier, _rn in sorted(listed, key=lambda row: row[2]):
                            window.setdefault(tier, []).append(pk)
                else:
                    bitmap_only = False
                found: list[Candidate] = []
                for tier in tiers:  # best tier first; stop once the page is full
                    n = max(self.ranked, need - len(found))
                    tier_params = {**params, **self._tier_params(words, tier, n)}
                    if bitmap_only:  # fewer matches than the cap: the counting statement listed them all
                        tier_params.update(ids=[row[0] for row in listed], all_listed=match_all)
                        sql = "SET LOCAL enable_indexscan = off; " + ranking.tier_sql(tier, table, listed=True)
                    elif len(window.get(tier, ())) >= n:  # the tier's newest n, from the window
                        tier_params.update(ids=window[tier][:n], all_listed=match_all)
                        sql = "SET LOCAL enable_indexscan = off; " + ranking.tier_sql(tier, table, listed=True)
                    elif not match_all and tier != ranking.SOME_WORDS:
                        # A relaxed search runs only when fewer than FEW documents have every word: the bitmap
                        # finds them at once, where the planner (taking the words as independent) may expect
                        # thousands and walk the whole date index looking for them.
                        sql = "SET LOCAL enable_indexscan = off; " + ranking.tier_sql(tier, table)
                    else:
                        # A capped count of every word's matches is a floor under the tier's size, where the
                        # planner (taking the words as independent) often expects a tenth of them.
                        at_least = raw.total - len(found) if counts and match_all and raw.capped else 0
                        scan = self._choose_scan(cursor, tier, tier_params, table_rows=table_rows, at_least=at_least)
                        sql = scan + ranking.tier_sql(tier, table)
                    cursor.execute(settings_first + sql, tier_params)
                    settings_first = ""
                    found += ranking.order_tier(
                        cursor.fetchall(), tier=tier, language=params["language"], ranked=self.ranked
                    )
                    if len(found) >= need:
                        break
        except DatabaseError:
            # A pathological query must not become a 500: it finds nothing (and is logged by Django).
            import logging

            logging.getLogger(__name__).warning("search query failed or timed out", exc_info=True)
            return _Raw(hits=[], total=0, facets={name: [] for name in FACETS})
        raw.hits = found[need - per_page : need]
        return raw

    def _count(self, cursor, sql: str, params: dict) -> tuple[_Raw, int | None, list[tuple], bool]:
        """Runs the counting statement: (total, capped and facets; the planner's table rows; the counted matches
        that pass the filters as (id, tier, place newest first); whether they are the newest `window` matches)."""
        raw = _Raw(hits=[], total=0, facets={name: [] for name in FACETS})
        table_rows, listed, walked = None, [], False
        cursor.execute(sql, params)
        for kind, pk, tier, value, label, count in cursor.fetchall():
            if kind == "total":
                raw.total = count
                raw.capped = label == "true"
            elif kind == "window":
                walked = label == "true"
            elif kind == "table_rows":
                table_rows = count
            elif kind == "id":
                listed.append((pk, tier, count))
            else:
                raw.facets[kind].append((value, label or "", count))
        return raw, table_rows, listed, walked

    def _choose_scan(self, cursor, tier: int, params: dict, *, table_rows: int | None, at_least: int = 0) -> str:
        """Walk the date index or read every match of the tier through the GIN bitmap, whichever reads less.

        The planner counts the date-ordered scan as cheap because it does not cost reading each passed row's
        terms (a detoasted tsvector, or for the title tier the row itself): for a tier of a few thousand matches
        in a large table it would pass hundreds of thousands of rows."""
        table = SearchDocument._meta.db_table
        cursor.execute(ranking.estimate_sql(tier, table), params)
        matches = max(cursor.fetchone()[0][0]["Plan"]["Plan Rows"], at_least if tier == ranking.ALL_WORDS else 0)
        if table_rows is None:
            cursor.execute(ranking.TABLE_ROWS_SQL, [table])
            table_rows = cursor.fetchone()[0]
        walk = ranking.scan_in_date_order(wanted=params["n"], matches=matches, table_rows=table_rows, tier=tier)
        return "SET LOCAL enable_indexscan = " + ("on; " if walk else "off; ")

    def _tier_params(self, words: tuple[str, ...], tier: int, n: int) -> dict:
        return {
            "weights": RANK_WEIGHTS,
            "all_words": build_tsquery(words, match_all=True),
            "any_word": build_tsquery(words, match_all=False),
            "rank_query": build_tsquery(words, match_all=tier != ranking.SOME_WORDS),
            "has_phrase": len(words) > 1,
            "phrase": build_phrase_tsquery(words) if len(words) > 1 else "",
            "ranked": self.ranked,
            "n": n,
        }

    def _correct(self, words: tuple[str, ...]) -> dict[str, tuple[str, str, float]]:
        """For each word that matches no document: the closest vocabulary word (trigram similarity) that does,
        as (word, spelling shown, similarity); among close candidates, the one more documents use (the corpus's
        usual spelling) wins."""
        table, words_table = SearchDocument._meta.db_table, SearchWord._meta.db_table
        checkable = [w for w in words if len(w) >= 3 and not w.isdigit()]
        if not checkable:
            return {}
        try:
            # The index lookups are inside CASE (skipped for common words), so the planner plans them without
            # knowing the words: without these settings it chose a sequential scan (24 s at 1M for a typo).
            with transaction.atomic(using=self.using), connections[self.using].cursor() as cursor:
                return self._corrections(cursor, table, words_table, checkable)
        except DatabaseError:
            import logging

            logging.getLogger(__name__).warning("typo correction failed or timed out", exc_info=True)
            return {}

    def _corrections(self, cursor, table: str, words_table: str, checkable: list[str]) -> dict:
        """_correct's statements, in its transaction."""
        replacements: dict[str, tuple[str, str, float]] = {}
        cursor.execute(
            _SESSION + _UNMATCHED_WORDS_SQL.format(table=table),
            [checkable, [build_tsquery((w,)) for w in checkable], [_primary(w) for w in checkable], COMMON],
        )
        unmatched = [row[0] for row in cursor.fetchall()]
        for word in unmatched:
            cursor.execute(
                f"SELECT word, display, similarity(word, %s) FROM {words_table} "  # noqa: S608
                "WHERE word %% %s ORDER BY similarity(word, %s) DESC, word LIMIT %s",
                [word, word, word, CORRECTION_CANDIDATES],
            )
            candidates = cursor.fetchall()
            if not candidates:
                continue
            # How many live documents each candidate finds (capped): a vocabulary word no document has any
            # more finds none and is never offered.
            cursor.execute(
                _USAGE_SQL.format(table=table),
                [
                    COMMON,
                    CORRECTION_COUNT_CAP,
                    CORRECTION_COUNT_CAP,
                    [c[0] for c in candidates],
                    [build_tsquery((c[0],)) for c in candidates],
                    [_primary(c[0]) for c in candidates],
                ],
            )
            found = dict(cursor.fetchall())
            # similarity in steps of 0.05: about as close counts as equal, and usage decides
            usable = [(round(sim / 0.05), found.get(w, 0), w, shown, sim) for w, shown, sim in candidates]
            usable = [c for c in usable if c[1] > 0]
            if usable:
                _, _, best, shown, sim = max(usable, key=lambda c: (c[0], c[1], [-ord(ch) for ch in c[2]]))
                replacements[word] = (best, shown, float(sim))
        return replacements

    def _hits(self, ranked: list[Candidate], words: tuple[str, ...]) -> list[Hit]:
        if not ranked:
            return []
        from django.db.models.functions import Left

        rows = (
            SearchDocument.objects.using(self.using)
            .filter(pk__in=[candidate.pk for candidate in ranked])
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
                "municipality",
                "governorate",
                "category",
            )
        )
        by_pk = {row.pk: row for row in rows}
        matcher = Matcher(words)
        hits = []
        for candidate in ranked:
            row = by_pk.get(candidate.pk)
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
                    score=candidate.tier + candidate.rank,
                    municipality=row.municipality,
                    governorate=row.governorate,
                    category=row.category,
                )
            )
        return hits


def _close_enough(typed: str, word: str) -> bool:
    """A correction trusted on its own: at most one edit (a letter added, dropped, changed, or two neighbours
    swapped) for words of 3 to 5 letters, two for longer ones (as Elasticsearch's fuzziness AUTO)."""
    allowed = 0 if len(typed) < 3 else 1 if len(typed) <= 5 else 2
    previous2, previous = None, list(range(len(word) + 1))
    for i, a in enumerate(typed, start=1):
        current = [i]
        for j, b in enumerate(word, start=1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a != b))
            if previous2 is not None and i > 1 and j > 1 and a == word[j - 2] and typed[i - 2] == b:
                cost = min(cost, previous2[j - 2] + 1)  # two neighbours swapped
            current.append(cost)
        previous2, previous = previous, current
    return previous[-1] <= allowed


def _apply(words: tuple[str, ...], replacements: dict[str, tuple[str, str, float]]) -> tuple[tuple[str, ...], str]:
    """The query words with the replacements made, and the query as shown ("showing results for …")."""
    fixed = tuple(dict.fromkeys(replacements[w][0] if w in replacements else w for w in words))
    return fixed, " ".join(replacements[w][1] if w in replacements else w for w in words)


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
