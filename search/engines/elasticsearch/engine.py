"""The Elasticsearch engine: queries with audience, facets, highlights and a typo fallback; index administration.

Documents reach the index through the outbox (search.tasks); `search_index rebuild` creates a new timestamped
index behind the alias and swaps it atomically.
"""

from __future__ import annotations

import atexit
import contextlib
import html
import re
import uuid
from dataclasses import asdict, replace
from datetime import datetime

import elastic_transport
from django.conf import settings
from django.utils import timezone
from elasticsearch import ApiError, NotFoundError
from elasticsearch_dsl import Q, Search

from search import embeddings, registry
from search.engines import hybrid
from search.engines.base import FACETS, Engine, FacetValue, Hit, SearchQuery, SearchResults
from search.engines.elasticsearch.client import (
    BULK_TIMEOUT,
    DEFAULT_TIMEOUT,
    EngineUnavailable,
    _client,
    configured_alias,
    is_unavailability,
    unavailable,
)
from search.engines.elasticsearch.index import ARABIC_CHAR_MAPPINGS, index_definition
from search.registry import Visibility

SNIPPET_CHARS = 160
MAX_RESULT_WINDOW = 10_000  # index.max_result_window: deeper pages are refused by the cluster

FACET_FIELDS = {
    "type": "source_type",
    "governorate": "governorate",
    "municipality": "municipality",
    "category": "category",
    "year": "year",
}
FACET_LABEL_FIELDS = {
    "governorate": "governorate_name",
    "municipality": "municipality_name",
    "category": "category_name",
}
FACET_SIZES = {"type": 10, "governorate": 20, "municipality": 50, "category": 30, "year": 30}
TEXT_FIELDS = ["title^3", "title.en^3", "body", "body.en"]
TITLE_FIELDS = ["title", "title.en"]
PHRASE_FIELDS = ["title", "title.en", "body", "body.en"]
# The same principle as the PostgreSQL engine's tiers (search.engines.ranking): a document with every word in its
# title outranks one that only mentions them in its body, and the words as a phrase outrank scattered words;
# BM25 then orders each group. Constant boosts far above a BM25 score (a few units) make the groups tiers.
TITLE_TIER_BOOST = 100.0
PHRASE_BOOST = 20.0
LANGUAGE_TIE_BREAK = 0.1


class ElasticsearchEngine(Engine):
    """Searches the alias in the cluster at ELASTICSEARCH_URL; raises EngineUnavailable when it cannot."""

    name = "elasticsearch"

    def __init__(
        self,
        *,
        url: str | None = None,
        alias: str | None = None,
        timeout: float | None = None,
        semantic: bool | None = None,
    ):
        # Hybrid (kNN over the dense_vector field, fused in the engine as for PostgreSQL) unless switched off by
        # SEARCH_SEMANTIC or ELASTICSEARCH_SEMANTIC.
        if semantic is None:
            semantic = embeddings.enabled() and getattr(settings, "ELASTICSEARCH_SEMANTIC", True)
        self.semantic = semantic
        self.url = url if url is not None else settings.ELASTICSEARCH_URL
        if not self.url:
            raise EngineUnavailable("ELASTICSEARCH_URL is not set.")
        self.alias = alias or configured_alias()
        self.timeout = timeout if timeout is not None else getattr(settings, "ELASTICSEARCH_TIMEOUT", DEFAULT_TIMEOUT)
        self.client = _client(self.url, float(self.timeout))

    # Queries
    def build_search(self, query: SearchQuery, *, loose: bool = False) -> Search:
        """The whole request for one search: text, audience, facet filters and aggregations, highlights, page.

        Every word must match; `loose` is the fallback when nothing does: words may be misspelt (fuzzy) and
        documents with some of the words count, those with most of them first.
        """
        text = query.text.strip()
        bool_query = {"filter": [audience_filter(query)]}
        if text and loose:
            bool_query["must"] = [
                Q("multi_match", query=text, fields=TEXT_FIELDS, type="most_fields", fuzziness="AUTO", prefix_length=1)
            ]
        elif text:
            bool_query["must"] = [Q("multi_match", query=text, fields=TEXT_FIELDS, type="cross_fields", operator="and")]
            bool_query["should"] = ranking_tiers(text)
        else:
            bool_query["must"] = [Q("match_all")]
        if query.language:
            bool_query.setdefault("should", []).append(
                Q("term", language={"value": query.language, "boost": LANGUAGE_TIE_BREAK})
            )
        search = Search(using=self.client, index=self.alias).query(Q("bool", **bool_query))

        selected = selected_filters(query.filters)
        if selected:
            search = search.post_filter(Q("bool", filter=list(selected.values())))
        for facet in FACETS:
            others = [clause for name, clause in selected.items() if name != facet]
            bucket = search.aggs.bucket(facet, "filter", filter=Q("bool", filter=others) if others else Q("match_all"))
            terms = {"field": FACET_FIELDS[facet], "size": FACET_SIZES[facet]}
            if facet == "year":
                terms["order"] = {"_key": "desc"}
            values = bucket.bucket("values", "terms", **terms)
            if facet in FACET_LABEL_FIELDS:
                label_field = FACET_LABEL_FIELDS[facet]
                values.bucket("label", "terms", field=label_field, size=1)
                if query.language:
                    values.bucket("label_in_language", "filter", filter=Q("term", language=query.language)).bucket(
                        "label", "terms", field=label_field, size=1
                    )

        if text:
            search = search.highlight_options(pre_tags=["<mark>"], post_tags=["</mark>"], encoder="html")
            search = search.highlight("title", "title.en", number_of_fragments=0)
            search = search.highlight(
                "body", fragment_size=SNIPPET_CHARS, number_of_fragments=1, no_match_size=SNIPPET_CHARS
            )
            search = search.highlight("body.en", fragment_size=SNIPPET_CHARS, number_of_fragments=1)
            search = search.sort("_score", {"published_at": {"order": "desc", "missing": "_last"}})
            search = search.source(excludes=["body"])  # the highlighter returns the snippet; bodies need not travel
        else:
            search = search.sort({"published_at": {"order": "desc", "missing": "_last"}})
        search = search.extra(track_total_hits=True)
        page = max(query.page, 1)
        start = (page - 1) * query.per_page
        if start + query.per_page > MAX_RESULT_WINDOW:  # past the cluster's window: counts and facets, no hits
            return search[0:0]
        return search[start : start + query.per_page]

    def search(self, query: SearchQuery) -> SearchResults:
        if self.semantic and query.text.strip() and max(query.page, 1) * query.per_page <= hybrid.WINDOW:
            vector = hybrid.query_vector(query.text)
            if vector is not None:
                return self._hybrid(query, vector)
        return self._lexical(query)[0]

    def _lexical(self, query: SearchQuery) -> tuple[SearchResults, bool]:
        """The lexical results, and whether they come from the loose fallback (partial matches)."""
        results = self.results(self._ask(self.build_search(query)), query)
        if results.total or not query.text.strip() or any(results.facets.values()):
            return results, False
        # Nothing has every word: allow typos and partial matches, and say which spelling was understood.
        results = self.results(self._ask(self.build_search(query, loose=True)), query)
        if results.total:
            results.corrected_query = corrected_text(query.text, results.hits)
        return results, True

    def build_knn(self, query: SearchQuery, vector) -> dict:
        """The semantic request: nearest neighbours of the query's vector among what the audience may read and
        the selected facets allow (filters inside the kNN search, so k results survive them)."""
        clauses = [audience_filter(query), *selected_filters(query.filters).values()]
        return {
            "knn": {
                "field": "embedding",
                "query_vector": [round(float(x), 6) for x in vector],
                "k": hybrid.SEMANTIC_CANDIDATES,
                "num_candidates": 4 * hybrid.SEMANTIC_CANDIDATES,
                "filter": Q("bool", filter=clauses).to_dict(),
            },
            "size": hybrid.SEMANTIC_CANDIDATES,
        }

    def _hybrid(self, query: SearchQuery, vector) -> SearchResults:
        """Lexical top WINDOW and kNN candidates fused by the same rule as the PostgreSQL engine (hybrid.fuse)."""
        lexical, loose = self._lexical(replace(query, page=1, per_page=hybrid.WINDOW))
        answer = self._ask(self.build_knn(query, vector))

        def key(hit: Hit) -> tuple[str, str, str]:
            return hit.source_type, hit.source_id, hit.language

        by_key = {key(hit): hit for hit in lexical.hits}
        semantic = []
        for raw in answer["hits"]["hits"]:
            hit = _hit(raw)
            by_key.setdefault(key(hit), hit)
            # Elasticsearch scores cosine similarity as (1 + cos) / 2.
            semantic.append(
                hybrid.SemanticHit(id=key(hit), language=hit.language, similarity=2 * hit.score - 1, facets={})
            )
        keys = [key(hit) for hit in lexical.hits]
        order = hybrid.fuse(
            lexical=keys,
            complete=set() if loose else set(keys),
            coverage={},
            semantic=semantic,
            language=hybrid.query_language(query.text),
        )
        page = max(query.page, 1)
        start = (page - 1) * query.per_page
        hits = []
        for position, found in enumerate(order[start : start + query.per_page], start=start):
            hits.append(replace(by_key[found], score=1.0 / (1 + position)))
        added = len(set(order) - set(keys))
        return replace(lexical, hits=hits, total=lexical.total + added, page=page, per_page=query.per_page)

    def _ask(self, search: Search | dict) -> dict:
        body = search if isinstance(search, dict) else search.to_dict()
        try:
            return dict(self.client.search(index=self.alias, body=body).body)
        except (elastic_transport.TransportError, ApiError) as error:
            if is_unavailability(error):
                raise unavailable(error, alias=self.alias) from error
            raise

    def results(self, response: dict, query: SearchQuery) -> SearchResults:
        """Turn a raw search response into SearchResults: hits with safe highlights, labelled facet values."""
        hits = [_hit(raw) for raw in response["hits"]["hits"]]
        total = response["hits"]["total"]["value"]
        aggregations = response.get("aggregations", {})
        facets = {}
        for facet in FACETS:
            chosen = set(query.filters.get(facet, []))
            buckets = aggregations.get(facet, {}).get("values", {}).get("buckets", [])
            facets[facet] = [
                FacetValue(
                    value=str(bucket["key"]),
                    label=_facet_label(facet, bucket),
                    count=bucket["doc_count"],
                    selected=str(bucket["key"]) in chosen,
                )
                for bucket in buckets
            ]
        return SearchResults(
            hits=hits,
            total=total,
            facets=facets,
            engine=self.name,
            page=max(query.page, 1),
            per_page=query.per_page,
        )

    @classmethod
    def for_eval(cls, documents: dict[str, list[registry.Document]], *, url: str | None = None) -> ElasticsearchEngine:
        """An engine over a throwaway index holding only `documents` (by source type), for `search_eval`.

        The index sits behind its own alias `<alias>-eval-<random>` and is deleted when the process exits.
        """
        from search.models import SearchDocument
        from search.tasks import send_bulk

        engine = cls(url=url, alias=f"{configured_alias()}-eval-{uuid.uuid4().hex[:8]}", timeout=BULK_TIMEOUT)
        index = engine.new_index_name()
        engine.create_index(index)
        atexit.register(engine.drop)
        rows = [
            SearchDocument(source_type=source_type, **asdict(document))
            for source_type, batch in documents.items()
            for document in batch
        ]
        for start in range(0, len(rows), 500):
            refused = [o for _, o in send_bulk(engine, rows[start : start + 500], index=index) if o != "indexed"]
            if refused:
                raise ValueError(f"Elasticsearch refused {len(refused)} evaluation documents: {refused[0]}")
        engine.refresh(index)
        engine.swap_alias(new_index=index, old_indices=[])
        return engine

    def drop(self) -> None:
        """Delete every index behind this engine's alias (throwaway evaluation indices)."""
        with contextlib.suppress(EngineUnavailable):
            for index in self.alias_indices():
                self._admin(self.client.indices.delete, index=index)

    # Index administration (used by search.tasks and the search_index command)
    def _admin(self, call, *args, **kwargs):
        try:
            return call(*args, **kwargs)
        except (elastic_transport.TransportError, ApiError) as error:
            if isinstance(error, ApiError) and not is_unavailability(error):
                raise
            raise unavailable(error, alias=self.alias) from error

    def alias_indices(self) -> list[str]:
        """The concrete indices behind the alias now (empty when it does not exist yet)."""
        try:
            answer = self.client.indices.get_alias(name=self.alias)
        except NotFoundError:
            return []
        except (elastic_transport.TransportError, ApiError) as error:
            raise unavailable(error, alias=self.alias) from error
        return sorted(answer.body)

    def new_index_name(self, now: datetime | None = None) -> str:
        return f"{self.alias}-{(now or timezone.now()).strftime('%Y%m%d%H%M%S%f')}"

    def create_index(self, name: str) -> None:
        """Create a concrete index with the analyzers and mapping; it holds no alias until swap_alias."""
        body = index_definition(name).to_dict()
        self._admin(self.client.indices.create, index=name, settings=body["settings"], mappings=body["mappings"])

    def swap_alias(self, *, new_index: str, old_indices: list[str]) -> None:
        """Point the alias at `new_index` in one atomic step, then drop the old indices."""
        actions = [{"remove": {"index": old, "alias": self.alias}} for old in old_indices]
        actions.append({"add": {"index": new_index, "alias": self.alias}})
        self._admin(self.client.indices.update_aliases, actions=actions)
        for old in old_indices:
            self._admin(self.client.indices.delete, index=old)

    def refresh(self, index: str | None = None) -> None:
        self._admin(self.client.indices.refresh, index=index or self.alias)

    def count(self) -> int:
        return self._admin(self.client.count, index=self.alias)["count"]


def ranking_tiers(text: str) -> list[Q]:
    """Scoring clauses (they filter nothing): every word in the title, and (several words) the words as a phrase
    anywhere."""
    title = Q("multi_match", query=text, fields=TITLE_FIELDS, type="cross_fields", operator="and")
    clauses = [Q("constant_score", filter=title, boost=TITLE_TIER_BOOST)]
    if len(text.split()) > 1:
        phrase = Q("multi_match", query=text, fields=PHRASE_FIELDS, type="phrase")
        clauses.append(Q("constant_score", filter=phrase, boost=PHRASE_BOOST))
    return clauses


def audience_filter(query: SearchQuery) -> Q:
    """Only what the reader may see: a plain visibility level they hold, or a post in a forum they may read."""
    levels = sorted(set(query.audience.visibilities) - {Visibility.FORUM})
    allowed = [Q("terms", visibility=levels)] if levels else []
    if query.audience.forum_ids:
        allowed.append(
            Q(
                "bool",
                filter=[
                    Q("term", visibility=Visibility.FORUM),
                    Q("terms", forum_ids=sorted(query.audience.forum_ids)),
                ],
            )
        )
    if not allowed:
        return Q("bool", must_not=[Q("match_all")])
    return Q("bool", should=allowed, minimum_should_match=1)


def selected_filters(filters: dict[str, list[str]]) -> dict[str, Q]:
    """One clause per facet with a selection: values of one facet are alternatives, facets combine."""
    clauses = {}
    for facet in FACETS:
        values = [str(value) for value in filters.get(facet, []) if str(value)]
        if facet == "year":
            values = [int(value) for value in values if value.isdigit()]
        if values:
            clauses[facet] = Q("terms", **{FACET_FIELDS[facet]: sorted(set(values))})  # type: ignore[type-var]  # all str or all int
    return clauses


def _hit(raw: dict) -> Hit:
    source = raw["_source"]
    highlight = raw.get("highlight", {})
    title = _first(highlight, "title", "title.en") or html.escape(source["title"])
    snippet = _first(highlight, "body", "body.en") or html.escape(_shorten(source.get("body", "")))
    published = source.get("published_at")
    return Hit(
        source_type=source["source_type"],
        source_id=source["source_id"],
        language=source["language"],
        title=source["title"],
        url=source["url"],
        snippet=snippet,
        title_highlighted=title,
        municipality_name=source.get("municipality_name", ""),
        governorate_name=source.get("governorate_name", ""),
        category_name=source.get("category_name", ""),
        published_at=datetime.fromisoformat(published) if published else None,
        score=raw.get("_score") or 0.0,
        municipality=source.get("municipality", ""),
        governorate=source.get("governorate", ""),
        category=source.get("category", ""),
    )


_MARKED = re.compile(r"<mark>(.*?)</mark>")
_FOLD = str.maketrans({rule.split("=>")[0]: rule.split("=>")[1] for rule in ARABIC_CHAR_MAPPINGS})


def corrected_text(text: str, hits: list[Hit]) -> str | None:
    """The query with each word that no hit contains replaced by the closest word the hits matched (the words
    the fuzzy fallback found), or None when every word was found as typed."""
    marked: list[str] = []
    for hit in hits:
        for fragment in (hit.title_highlighted, hit.snippet):
            marked.extend(html.unescape(word) for word in _MARKED.findall(fragment))
    folded = {word.translate(_FOLD).lower(): word for word in marked}
    words = text.split()
    corrected = []
    for word in words:
        key = word.translate(_FOLD).lower()
        if key in folded or not folded:
            corrected.append(word)
            continue
        distance, closest = min((_distance(key, other), folded[other]) for other in folded)
        corrected.append(closest if distance <= 2 else word)
    return " ".join(corrected) if corrected != words else None


def _distance(a: str, b: str) -> int:
    """Levenshtein distance (short words only: query words against matched words)."""
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i]
        for j, char_b in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b)))
        previous = current
    return previous[-1]


def _shorten(text: str) -> str:
    """The opening of a body for a listing without a query: whole words, at most SNIPPET_CHARS characters."""
    text = " ".join(text.split())
    if len(text) <= SNIPPET_CHARS:
        return text
    return text[:SNIPPET_CHARS].rsplit(" ", 1)[0] + "…"


def _first(highlight: dict, *fields: str) -> str:
    """The first fragment among `fields` that marks something (either analyzer may match), else any fragment."""
    fragments = [fragment for field in fields for fragment in highlight.get(field, [])]
    marked = [fragment for fragment in fragments if "<mark>" in fragment]
    return (marked or fragments or [""])[0]


def _facet_label(facet: str, bucket: dict) -> str:
    if facet == "type":
        try:
            return str(registry.get(bucket["key"]).label or bucket["key"])
        except KeyError:
            return str(bucket["key"])
    if facet == "year":
        return str(bucket["key"])
    for agg in (bucket.get("label_in_language", {}).get("label", {}), bucket.get("label", {})):
        if agg.get("buckets"):
            return agg["buckets"][0]["key"]
    return str(bucket["key"])
