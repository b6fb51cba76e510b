"""The PostgreSQL engine's ranking: the best matches among ALL matching documents, found through indexes.

Every match belongs to one tier, best first:

    2  every query word in the title (the title's own GIN index finds them, however many bodies mention the words)
    1  every query word in the document, not all of them in the title
    0  some of the words only (the relaxed search, when fewer than a handful of documents have every word)

Within a tier the newest `RANKED` documents (published date, then the order they were written) are ordered by
relevance: the words as a phrase first, then `ts_rank` (title terms weigh more than body terms, strong forms more
than weak Arabic forms), then the reader's language; the tier's older documents follow, newest first. A tier is
read in that date order through an index and the scan stops as soon as enough documents are found, so the cost
does not grow with the number of matches, and no match is left out because of where it sits in the table.
`bench/search.py` compares this with the same order computed over every match (`reference_order`).
"""

from __future__ import annotations

from dataclasses import dataclass

RANKED = 100  # the newest documents of a tier that are ordered by relevance (ts_rank reads each one's terms)
RANK_WEIGHTS = "{0.05,0.1,0.4,1.0}"  # D (body weak), C (title weak), B (body), A (title)

TITLE, ALL_WORDS, SOME_WORDS = 2, 1, 0


@dataclass(frozen=True)
class Candidate:
    """One ranked lexical match: what the page shows, and what a fusion with other rankings needs to know."""

    pk: int
    tier: int  # TITLE, ALL_WORDS or SOME_WORDS
    rank: float  # ts_rank for the newest RANKED documents of the tier, 0 for the others
    phrase: bool  # the words appear as a phrase (in the title for tier 2)
    complete: bool  # the document has every query word


# A live document the reader may see (its audience), and one that also has the facet values the reader selected:
# the rules every statement that reads documents applies (the counting statement and the tiers of the lexical
# engine, the semantic side in search.engines.hybrid).
VISIBLE = """NOT d.is_deleted
          AND (d.visibility = ANY(%(visibilities)s::text[])
               OR (d.visibility = 'forum' AND d.forum_ids && %(forum_ids)s::int[]))
"""
VISIBLE_AND_SELECTED = (
    VISIBLE
    + """          AND (cardinality(%(type)s::text[]) = 0 OR d.source_type = ANY(%(type)s::text[]))
          AND (cardinality(%(governorate)s::text[]) = 0 OR d.governorate = ANY(%(governorate)s::text[]))
          AND (cardinality(%(municipality)s::text[]) = 0 OR d.municipality = ANY(%(municipality)s::text[]))
          AND (cardinality(%(category)s::text[]) = 0 OR d.category = ANY(%(category)s::text[]))
          AND (cardinality(%(year)s::int[]) = 0
               OR EXTRACT(YEAR FROM d.published_at AT TIME ZONE %(tz)s)::int = ANY(%(year)s::int[]))
"""
)

# Which documents of the table are in a tier and visible to the reader with the selected facets.
_WHERE = (
    """
        {condition}
          AND """
    + VISIBLE_AND_SELECTED
)

# The rows of one tier, newest first, at most %(n)s; ranking expressions only for the first %(ranked)s.
_TIER_SQL = """
SELECT t.id, t.language, t.rn,
       CASE WHEN t.rn <= %(ranked)s THEN ts_rank(%(weights)s::float4[], t.search_vector, %(rank_query)s::tsquery, 1)
       END AS rank,
       CASE WHEN t.rn <= %(ranked)s AND %(has_phrase)s THEN {phrase_vector} @@ %(phrase)s::tsquery ELSE false
       END AS phrase
FROM (
    SELECT i.*, row_number() OVER (ORDER BY i.published_at DESC NULLS LAST, i.id DESC) AS rn
    FROM (
        SELECT d.id, d.language, d.published_at, d.search_vector, d.title_vector
        FROM {table} d
        WHERE {where}
        ORDER BY d.published_at DESC NULLS LAST, d.id DESC
        LIMIT %(n)s
    ) i
) t
"""

TABLE_ROWS_SQL = "SELECT reltuples FROM pg_class WHERE oid = %s::regclass"  # the planner's count of rows

# The date-ordered index scan stops once it has found enough documents of a tier, but it reads the terms of every
# document it passes (about this many times the cost of reading a row); reading every match through the GIN
# bitmap reads no terms. The scan is chosen when it passes fewer rows than that many times the matches.
TERMS_READ_COST = 10
# A title vector is small and stored in the row (no detoasting), but the planner's estimate of a several-word
# title tier is often 5–10 times too high (it takes the words as independent) and a walk based on it passes
# hundreds of thousands of rows: the title tier walks only when the estimate is very large.
TITLE_TERMS_READ_COST = 0.5

# The counting statement reads either every match through the GIN bitmap (then counts the first CANDIDATES), or
# the newest WINDOW matches through the date index. The bitmap costs an index entry per match, whatever the cap
# (at 1M documents a common Arabic word has 300,000–600,000), plus a row per counted match; the walk reads the
# terms of every row it passes (about twice a counted row), WINDOW / density rows, whatever the table's size.
# Costs are in counted rows; measured at 100k documents (bench/search.py, docs/performance.md).
WALK_ROW_COST = 2.0
GIN_ENTRY_COST = 0.04
# SQL over the choice's estimate `c.density` (share of the table that matches) and `c.rows` (the table's rows).
WINDOW_IS_CHEAPER = (
    f"(%(window)s / greatest(c.density, 1e-6)) * {WALK_ROW_COST}"
    f" < c.density * c.rows * {GIN_ENTRY_COST} + least(c.density * c.rows, %(candidates)s)"
)


# What puts a document in a tier (and not in a better one).
_CONDITIONS = {
    TITLE: "d.title_vector @@ %(all_words)s::tsquery",
    ALL_WORDS: (
        "d.search_vector @@ %(all_words)s::tsquery AND NOT coalesce(d.title_vector @@ %(all_words)s::tsquery, false)"
    ),
    SOME_WORDS: "d.search_vector @@ %(any_word)s::tsquery AND NOT d.search_vector @@ %(all_words)s::tsquery",
}


# The same tiers among matches already listed by id (when there are fewer than the counting cap, the statement
# that counts them lists them all): no second lookup in the terms index. `%(all_listed)s` says that every listed
# document has every word (not a relaxed search), so no document's terms need reading to tell.
_LISTED_CONDITIONS = {
    TITLE: "d.id = ANY(%(ids)s::int[]) AND d.title_vector @@ %(all_words)s::tsquery",
    ALL_WORDS: (
        "d.id = ANY(%(ids)s::int[]) AND NOT coalesce(d.title_vector @@ %(all_words)s::tsquery, false)"
        " AND (%(all_listed)s OR d.search_vector @@ %(all_words)s::tsquery)"
    ),
    SOME_WORDS: "d.id = ANY(%(ids)s::int[]) AND NOT d.search_vector @@ %(all_words)s::tsquery",
}


def tier_sql(tier: int, table: str, *, listed: bool = False) -> str:
    """One tier's statement; `listed`: among the matches given as %(ids)s."""
    phrase_vector = "t.title_vector" if tier == TITLE else "t.search_vector"
    where = _WHERE.format(condition=(_LISTED_CONDITIONS if listed else _CONDITIONS)[tier])
    return _TIER_SQL.format(table=table, where=where, phrase_vector=phrase_vector)


def estimate_sql(tier: int, table: str) -> str:
    """The planner's estimate of a tier's size (EXPLAIN: nothing is read)."""
    where = _WHERE.format(condition=_CONDITIONS[tier])
    return f"EXPLAIN (FORMAT JSON) SELECT 1 FROM {table} d WHERE {where}"  # noqa: S608 (our table, our SQL)


def scan_in_date_order(*, wanted: int, matches: float, table_rows: float, tier: int = ALL_WORDS) -> bool:
    """Whether to walk the date index (stopping after `wanted` matches) rather than read every match."""
    if matches <= 0 or table_rows <= 0:  # nothing expected, or a table never analysed: read the matches
        return False
    passed = wanted * table_rows / matches
    return passed < (TITLE_TERMS_READ_COST if tier == TITLE else TERMS_READ_COST) * matches


def order_tier(rows: list[tuple], *, tier: int, language: str, ranked: int = RANKED) -> list[Candidate]:
    """A tier's rows (id, language, rn, rank, phrase) in ranking order: the newest `ranked` by relevance, then
    the others newest first."""

    def key(row):
        pk, row_language, rn, rank, phrase = row
        if rn <= ranked:
            return (0, not phrase, -(rank or 0.0), row_language != language, rn)
        return (1, False, 0.0, False, rn)

    return [
        Candidate(pk=pk, tier=tier, rank=float(rank or 0.0), phrase=bool(phrase), complete=tier != SOME_WORDS)
        for pk, _, _, rank, phrase in sorted(rows, key=key)
    ]


def reference_order(rows: list[tuple], *, language: str, ranked: int = RANKED) -> list[int]:
    """The same order over EVERY match (untimed, for the benchmark): rows are (id, tier, language, published_at
    sort key rn within its tier, rank, phrase), with rank and phrase computed for all of them."""
    by_tier: dict[int, list[tuple]] = {}
    for pk, tier, row_language, rn, rank, phrase in rows:
        by_tier.setdefault(tier, []).append((pk, row_language, rn, rank, phrase))
    ordered: list[int] = []
    for tier in sorted(by_tier, reverse=True):
        ordered += [c.pk for c in order_tier(by_tier[tier], tier=tier, language=language, ranked=ranked)]
    return ordered
