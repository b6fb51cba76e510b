"""What a search asks the cluster (exact request bodies), how its answer becomes results, and how failures surface.

The HTTP answers here come from a recording server on 127.0.0.1, not from a cluster (see elasticsearch_support).
"""

import threading

import pytest
from elasticsearch import BadRequestError

from search.engines.base import Audience, SearchQuery
from search.engines.elasticsearch import ElasticsearchEngine, EngineUnavailable
from tests.search.elasticsearch_support import recording_server  # noqa: F401

PUBLIC = Audience(visibilities=frozenset({"public"}))
MEMBER_OF_FORUMS = Audience(visibilities=frozenset({"public", "members", "forum"}), forum_ids=frozenset({4, 2}))

HIGHLIGHT = {
    "pre_tags": ["<mark>"],
    "post_tags": ["</mark>"],
    "encoder": "html",
    "fields": {
        "title": {"number_of_fragments": 0},
        "title.en": {"number_of_fragments": 0},
        "body": {"fragment_size": 160, "number_of_fragments": 1, "no_match_size": 160},
        "body.en": {"fragment_size": 160, "number_of_fragments": 1},
    },
}


def _facet_aggs(*, language: str, filters: dict[str, dict] | None = None) -> dict:
    """The five facet aggregations; each is narrowed by the selections of the other facets only."""
    filters = filters or {}

    def narrowed(facet):
        others = [clause for name, clause in filters.items() if name != facet]
        return {"bool": {"filter": others}} if others else {"match_all": {}}

    def labelled(field, label_field, size):
        values = {
            "terms": {"field": field, "size": size},
            "aggs": {"label": {"terms": {"field": label_field, "size": 1}}},
        }
        if language:
            values["aggs"]["label_in_language"] = {
                "filter": {"term": {"language": language}},
                "aggs": {"label": {"terms": {"field": label_field, "size": 1}}},
            }
        return values

    return {
        "type": {"filter": narrowed("type"), "aggs": {"values": {"terms": {"field": "source_type", "size": 10}}}},
        "governorate": {
            "filter": narrowed("governorate"),
            "aggs": {"values": labelled("governorate", "governorate_name", 20)},
        },
        "municipality": {
            "filter": narrowed("municipality"),
            "aggs": {"values": labelled("municipality", "municipality_name", 50)},
        },
        "category": {"filter": narrowed("category"), "aggs": {"values": labelled("category", "category_name", 30)}},
        "year": {
            "filter": narrowed("year"),
            "aggs": {"values": {"terms": {"field": "year", "size": 30, "order": {"_key": "desc"}}}},
        },
    }


@pytest.fixture
def engine():
    return ElasticsearchEngine(url="http://127.0.0.1:9", alias="hub-search-test")


def test_a_visitor_searching_in_arabic_asks_for_public_documents_with_facets_and_highlights(engine):
    query = SearchQuery(text="  بلدية الخليل ", audience=PUBLIC, language="ar")
    assert engine.build_search(query).to_dict() == {
        "query": {
            "bool": {
                "filter": [{"bool": {"should": [{"terms": {"visibility": ["public"]}}], "minimum_should_match": 1}}],
                "must": [
                    {
                        "multi_match": {
                            "query": "بلدية الخليل",
                            "fields": ["title^3", "title.en^3", "body", "body.en"],
                            "type": "cross_fields",
                            "operator": "and",
                        }
                    }
                ],
                # Every word in the title, then the words as a phrase, outrank a body mention; BM25 orders the rest.
                "should": [
                    {
                        "constant_score": {
                            "filter": {
                                "multi_match": {
                                    "query": "بلدية الخليل",
                                    "fields": ["title", "title.en"],
                                    "type": "cross_fields",
                                    "operator": "and",
                                }
                            },
                            "boost": 100.0,
                        }
                    },
                    {
                        "constant_score": {
                            "filter": {
                                "multi_match": {
                                    "query": "بلدية الخليل",
                                    "fields": ["title", "title.en", "body", "body.en"],
                                    "type": "phrase",
                                }
                            },
                            "boost": 20.0,
                        }
                    },
                    {"term": {"language": {"value": "ar", "boost": 0.1}}},
                ],
            }
        },
        "aggs": _facet_aggs(language="ar"),
        "highlight": HIGHLIGHT,
        "sort": ["_score", {"published_at": {"order": "desc", "missing": "_last"}}],
        "_source": {"excludes": ["body"]},
        "track_total_hits": True,
        "from": 0,
        "size": 20,
    }


def test_a_one_word_search_boosts_a_title_match_and_asks_for_no_phrase(engine):
    body = engine.build_search(SearchQuery(text="portal", audience=PUBLIC)).to_dict()
    assert body["query"]["bool"]["should"] == [
        {
            "constant_score": {
                "filter": {
                    "multi_match": {
                        "query": "portal",
                        "fields": ["title", "title.en"],
                        "type": "cross_fields",
                        "operator": "and",
                    }
                },
                "boost": 100.0,
            }
        }
    ]
    assert body["sort"] == ["_score", {"published_at": {"order": "desc", "missing": "_last"}}]


def test_a_forum_reader_with_filters_sees_only_forums_they_may_read_and_facets_narrow_each_other(engine):
    query = SearchQuery(
        text="portal",
        audience=MEMBER_OF_FORUMS,
        filters={"governorate": ["hebron", "hebron"], "year": ["2024", "not-a-year"], "type": ["post", "page"]},
        language="en",
        page=3,
        per_page=10,
    )
    selected = {
        "type": {"terms": {"source_type": ["page", "post"]}},
        "governorate": {"terms": {"governorate": ["hebron"]}},
        "year": {"terms": {"year": [2024]}},
    }
    body = engine.build_search(query).to_dict()
    assert body["query"]["bool"]["filter"] == [
        {
            "bool": {
                "should": [
                    {"terms": {"visibility": ["members", "public"]}},  # "forum" alone opens no forum
                    {"bool": {"filter": [{"term": {"visibility": "forum"}}, {"terms": {"forum_ids": [2, 4]}}]}},
                ],
                "minimum_should_match": 1,
            }
        }
    ]
    # The audience filter is in the query, so aggregation counts never include what the reader may not see;
    # the facet selections are a post_filter, so each facet still offers its other values.
    assert body["post_filter"] == {"bool": {"filter": list(selected.values())}}
    assert body["aggs"] == _facet_aggs(language="en", filters=selected)
    assert (body["from"], body["size"]) == (20, 10)


def test_browsing_without_text_lists_the_newest_first_without_highlights(engine):
    body = engine.build_search(SearchQuery(text="", audience=PUBLIC)).to_dict()
    assert body == {
        "query": {
            "bool": {
                "filter": [{"bool": {"should": [{"terms": {"visibility": ["public"]}}], "minimum_should_match": 1}}],
                "must": [{"match_all": {}}],
            }
        },
        "aggs": _facet_aggs(language=""),
        "sort": [{"published_at": {"order": "desc", "missing": "_last"}}],
        "track_total_hits": True,
        "from": 0,
        "size": 20,
    }


def test_a_page_beyond_the_clusters_window_asks_only_for_counts_and_facets(engine):
    body = engine.build_search(SearchQuery(text="x", audience=PUBLIC, page=500, per_page=20)).to_dict()
    assert (body["from"], body["size"]) == (9980, 20)
    body = engine.build_search(SearchQuery(text="x", audience=PUBLIC, page=501, per_page=20)).to_dict()
    assert (body["from"], body["size"]) == (0, 0)
    assert set(body["aggs"]) == {"type", "governorate", "municipality", "category", "year"}


def test_an_audience_with_no_rights_matches_nothing(engine):
    body = engine.build_search(SearchQuery(text="x", audience=Audience(visibilities=frozenset()))).to_dict()
    assert body["query"]["bool"]["filter"] == [{"bool": {"must_not": [{"match_all": {}}]}}]


ANSWER = {
    "took": 3,
    "timed_out": False,
    "hits": {
        "total": {"value": 21, "relation": "eq"},
        "max_score": 4.2,
        "hits": [
            {
                "_index": "hub-search-test-1",
                "_id": "project:42:ar",
                "_score": 4.2,
                "_source": {
                    "source_type": "project",
                    "source_id": "42",
                    "language": "ar",
                    "title": "بوابة بلدية الخليل",
                    "url": "/ar/projects/42/",
                    "municipality_name": "الخليل",
                    "governorate_name": "محافظة الخليل",
                    "category_name": "بوابات",
                    "published_at": "2024-05-01T09:00:00+00:00",
                },
                "highlight": {
                    "title": ["بوابة <mark>بلدية</mark> الخليل"],
                    "body": ["خدمات <mark>البلدية</mark> &lt;جديدة&gt;"],
                },
            },
            {
                "_index": "hub-search-test-1",
                "_id": "post:9:en",
                "_score": 1.0,
                "_source": {
                    "source_type": "post",
                    "source_id": "9",
                    "language": "en",
                    "title": "Fees & <forms>",
                    "url": "/en/forum/9/",
                    "published_at": None,
                },
                "highlight": {"body": ["No match here"], "body.en": ["the <mark>municipal</mark> fees"]},
            },
        ],
    },
    "aggregations": {
        "type": {"doc_count": 21, "values": {"buckets": [{"key": "project", "doc_count": 20}]}},
        "governorate": {
            "doc_count": 21,
            "values": {
                "buckets": [
                    {
                        "key": "hebron-gov",
                        "doc_count": 12,
                        "label": {"buckets": [{"key": "Hebron Governorate", "doc_count": 7}]},
                        "label_in_language": {"doc_count": 5, "label": {"buckets": [{"key": "محافظة الخليل"}]}},
                    },
                    {"key": "jenin", "doc_count": 3, "label": {"buckets": [{"key": "Jenin", "doc_count": 3}]}},
                ]
            },
        },
        "municipality": {"doc_count": 21, "values": {"buckets": [{"key": "x", "doc_count": 1, "label": {}}]}},
        "category": {"doc_count": 21, "values": {"buckets": []}},
        "year": {"doc_count": 21, "values": {"buckets": [{"key": 2024, "doc_count": 9}]}},
    },
}


def _type_label(source_type: str) -> str:
    """A type's facet label is its adapter's label; a type no adapter registered is shown by its key."""
    from search import registry

    try:
        return str(registry.get(source_type).label)
    except KeyError:
        return source_type


def test_the_answer_becomes_hits_with_safe_highlights_and_labelled_facets(engine):
    query = SearchQuery(text="بلدية", audience=PUBLIC, filters={"year": ["2024"]}, language="ar", page=2, per_page=2)
    results = engine.results(ANSWER, query)
    assert (results.total, results.engine, results.page, results.per_page) == (21, "elasticsearch", 2, 2)
    first, second = results.hits
    assert (first.source_type, first.source_id, first.language, first.url) == (
        "project",
        "42",
        "ar",
        "/ar/projects/42/",
    )
    assert first.title_highlighted == "بوابة <mark>بلدية</mark> الخليل"
    assert first.snippet == "خدمات <mark>البلدية</mark> &lt;جديدة&gt;"
    assert (first.municipality_name, first.governorate_name, first.category_name) == (
        "الخليل",
        "محافظة الخليل",
        "بوابات",
    )
    assert first.published_at.isoformat() == "2024-05-01T09:00:00+00:00"
    assert first.score == 4.2
    # no title highlight: the title is escaped; the English sub-field's marked fragment wins over an unmarked one
    assert second.title_highlighted == "Fees &amp; &lt;forms&gt;"
    assert second.snippet == "the <mark>municipal</mark> fees"
    assert second.published_at is None
    facets = {
        name: [(v.value, v.label, v.count, v.selected) for v in values] for name, values in results.facets.items()
    }
    assert facets == {
        "type": [("project", _type_label("project"), 20, False)],
        "governorate": [("hebron-gov", "محافظة الخليل", 12, False), ("jenin", "Jenin", 3, False)],
        "municipality": [("x", "x", 1, False)],
        "category": [],
        "year": [("2024", "2024", 9, True)],
    }


def test_a_listing_without_a_query_shows_the_escaped_opening_of_each_body(engine):
    body = "مشروع <بوابة> " + "كلمة " * 60
    answer = {
        "hits": {
            "total": {"value": 1},
            "hits": [
                {
                    "_score": None,
                    "_source": {
                        "source_type": "page",
                        "source_id": "1",
                        "language": "ar",
                        "title": "ع",
                        "url": "/",
                        "body": body,
                    },
                }
            ],
        }
    }
    hit = engine.results(answer, SearchQuery(text="", audience=PUBLIC)).hits[0]
    assert hit.snippet == "مشروع &lt;بوابة&gt; " + "كلمة " * 28 + "كلمة…"  # 14 + 28 × 5 + 4 characters, cut at a word
    assert len(hit.snippet) < 180
    assert hit.score == 0.0


def test_a_search_sends_that_body_to_the_alias_and_reads_the_answer(recording_server):  # noqa: F811
    recording_server.routes[("POST", "/hub-search-test/_search")] = (200, ANSWER)
    engine = ElasticsearchEngine(url=recording_server.url, alias="hub-search-test")
    query = SearchQuery(text="بلدية", audience=PUBLIC, language="ar")
    results = engine.search(query)
    assert recording_server.calls() == [("POST", "/hub-search-test/_search")]
    assert recording_server.requests[0].json() == engine.build_search(query).to_dict()
    assert [hit.source_id for hit in results.hits] == ["42", "9"]


def test_an_unreachable_cluster_raises_engine_unavailable():
    engine = ElasticsearchEngine(url="http://127.0.0.1:9", alias="hub-search-test")  # nothing listens on port 9
    with pytest.raises(EngineUnavailable, match="Elasticsearch is unavailable: ConnectionError"):
        engine.search(SearchQuery(text="x", audience=PUBLIC))


def test_a_cluster_that_does_not_answer_raises_engine_unavailable_after_the_short_timeout(recording_server):  # noqa: F811
    recording_server.silent = True
    engine = ElasticsearchEngine(url=recording_server.url, alias="hub-search-test", timeout=0.2)
    failures = []

    def run():
        try:
            engine.search(SearchQuery(text="x", audience=PUBLIC))
        except EngineUnavailable as error:
            failures.append(error)

    worker = threading.Thread(target=run)
    worker.start()
    worker.join(timeout=30)  # a generous bound: without the client timeout this search would wait forever
    assert len(failures) == 1
    assert "ConnectionTimeout" in str(failures[0])


def test_searches_wait_at_most_the_configured_timeout(settings):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    settings.ELASTICSEARCH_TIMEOUT = 1.5
    engine = ElasticsearchEngine()
    assert engine.timeout == 1.5
    client = engine.client  # no retry inside the client: the service falls back to PostgreSQL at once
    assert (client._request_timeout, client._max_retries, client._retry_on_timeout) == (1.5, 0, False)


@pytest.mark.parametrize(
    ("status", "payload", "message"),
    [
        (503, {"error": {"type": "cluster_block_exception"}, "status": 503}, "unavailable: ApiError"),
        (
            404,
            {"error": {"type": "index_not_found_exception"}, "status": 404},
            "no index behind 'hub-search-test': run `python manage.py search_index rebuild`",
        ),
    ],
)
def test_a_failing_cluster_or_a_missing_index_raises_engine_unavailable(recording_server, status, payload, message):  # noqa: F811
    recording_server.routes[("POST", "/hub-search-test/_search")] = (status, payload)
    engine = ElasticsearchEngine(url=recording_server.url, alias="hub-search-test")
    with pytest.raises(EngineUnavailable, match=message.replace("(", r"\(").replace("`", ".")):
        engine.search(SearchQuery(text="x", audience=PUBLIC))


def test_a_request_the_cluster_rejects_is_a_bug_not_an_outage(recording_server):  # noqa: F811
    recording_server.routes[("POST", "/hub-search-test/_search")] = (400, {"error": {"type": "parsing_exception"}})
    engine = ElasticsearchEngine(url=recording_server.url, alias="hub-search-test")
    with pytest.raises(BadRequestError):
        engine.search(SearchQuery(text="x", audience=PUBLIC))


def test_without_a_url_the_engine_is_unavailable(settings):
    settings.ELASTICSEARCH_URL = ""
    with pytest.raises(EngineUnavailable, match="ELASTICSEARCH_URL is not set"):
        ElasticsearchEngine()


NOTHING = {"hits": {"total": {"value": 0}, "hits": []}, "aggregations": {}}


def test_when_no_document_has_every_word_a_loose_search_allows_typos_and_says_what_it_understood(recording_server):  # noqa: F811
    answers = iter([(200, NOTHING), (200, ANSWER)])
    recording_server.routes[("POST", "/hub-search-test/_search")] = lambda request: next(answers)
    engine = ElasticsearchEngine(url=recording_server.url, alias="hub-search-test")
    query = SearchQuery(text="بلديت الخليل", audience=PUBLIC, language="ar")

    results = engine.search(query)

    strict, loose = (request.json() for request in recording_server.requests)
    assert strict == engine.build_search(query).to_dict()
    assert loose == engine.build_search(query, loose=True).to_dict()
    assert loose["query"]["bool"]["must"] == [
        {
            "multi_match": {
                "query": "بلديت الخليل",
                "fields": ["title^3", "title.en^3", "body", "body.en"],
                "type": "most_fields",
                "fuzziness": "AUTO",
                "prefix_length": 1,
            }
        }
    ]
    assert {k: v for k, v in loose.items() if k != "query"} == {k: v for k, v in strict.items() if k != "query"}
    assert results.total == 21
    assert results.corrected_query == "بلدية الخليل"


def test_no_loose_search_when_the_words_match_but_the_facet_selection_hides_them(recording_server):  # noqa: F811
    narrowed = {
        "hits": {"total": {"value": 0}, "hits": []},
        "aggregations": {"year": {"doc_count": 3, "values": {"buckets": [{"key": 2023, "doc_count": 3}]}}},
    }
    recording_server.routes[("POST", "/hub-search-test/_search")] = (200, narrowed)
    engine = ElasticsearchEngine(url=recording_server.url, alias="hub-search-test")
    results = engine.search(SearchQuery(text="بلدية", audience=PUBLIC, filters={"year": ["2024"]}))
    assert len(recording_server.requests) == 1
    assert (results.total, results.corrected_query) == (0, None)
    assert [(v.value, v.count) for v in results.facets["year"]] == [("2023", 3)]


@pytest.mark.parametrize(
    ("typed", "marked", "understood"),
    [
        ("بلديت", ["<mark>بلدية</mark>"], "بلدية"),
        ("بلدية", ["<mark>بلدية</mark>"], None),  # found as typed: nothing to correct
        ("البلديه", ["<mark>البلدية</mark>"], None),  # a spelling variant the analyzer unifies is no typo
        ("portl fees", ["online <mark>portal</mark>"], "portal fees"),
        ("غزة بلدية", ["<mark>بلدية</mark>"], None),  # a missing word far from any match stays as typed
    ],
)
def test_the_understood_query_replaces_only_misspelt_words(typed, marked, understood):
    from search.engines.base import Hit
    from search.engines.elasticsearch import corrected_text

    hits = [Hit("page", "1", "ar", "t", "/", snippet=fragment, title_highlighted="t") for fragment in marked]
    assert corrected_text(typed, hits) == understood
