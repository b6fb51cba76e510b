"""The Elasticsearch engine's semantic side: the same vectors in a dense_vector field, an exact kNN request with the
audience and facet filters inside it, and the fusion with the lexical answer done in the engine (search.engines.hybrid).

The HTTP answers come from a recording server on 127.0.0.1 (see elasticsearch_support), not from a cluster.
"""

import pytest

from search import embeddings, services
from search.engines.base import Audience, SearchQuery
from search.engines.elasticsearch import ElasticsearchEngine, bulk_action
from search.models import SearchDocument
from search.tasks import send_bulk
from tests.search.elasticsearch_support import bulk_answer, recording_server  # noqa: F401
from tests.search.factories import DocumentFactory as Doc

pytestmark = pytest.mark.django_db

READER = Audience(visibilities=frozenset({"public", "members"}), forum_ids=frozenset({3}))


def _source(source_id, language, title):
    return {
        "source_type": "project",
        "source_id": source_id,
        "language": language,
        "title": title,
        "url": f"/{language}/projects/{source_id}/",
    }


LEXICAL = {
    "hits": {
        "total": {"value": 1, "relation": "eq"},
        "hits": [{"_id": "project:1:en", "_score": 3.0, "_source": _source("1", "en", "E-payment in Karak")}],
    },
    "aggregations": {},
}
KNN = {
    "hits": {
        "total": {"value": 2, "relation": "eq"},
        "hits": [
            # cosine 0.4 and 0.1, scored by Elasticsearch as (1 + cos) / 2
            {"_id": "project:2:ar", "_score": 0.7, "_source": _source("2", "ar", "الدفع الإلكتروني في الخليل")},
            {"_id": "project:3:ar", "_score": 0.55, "_source": _source("3", "ar", "زراعة الأشجار")},
        ],
    },
}


def test_the_knn_request_carries_the_query_vector_and_the_same_filters_as_the_lexical_one():
    engine = ElasticsearchEngine(url="http://127.0.0.1:9", alias="hub-search-test", semantic=True)
    query = SearchQuery(text="e-payment", audience=READER, filters={"type": ["project"], "year": ["2024"]})
    vector = embeddings.encode(["e-payment"])[0]
    body = engine.build_knn(query, vector)
    assert body == {
        "knn": {
            "field": "embedding",
            "query_vector": [round(float(x), 6) for x in vector],
            "k": 50,
            "num_candidates": 200,
            "filter": {
                "bool": {
                    "filter": [
                        {
                            "bool": {
                                "should": [
                                    {"terms": {"visibility": ["members", "public"]}},
                                    {
                                        "bool": {
                                            "filter": [
                                                {"term": {"visibility": "forum"}},
                                                {"terms": {"forum_ids": [3]}},
                                            ]
                                        }
                                    },
                                ],
                                "minimum_should_match": 1,
                            }
                        },
                        {"terms": {"source_type": ["project"]}},
                        {"terms": {"year": [2024]}},
                    ]
                }
            },
        },
        "size": 50,
    }
    assert len(body["knn"]["query_vector"]) == 512


def test_a_hybrid_search_asks_both_and_fuses_them_in_the_engine(recording_server):  # noqa: F811
    answers = iter([(200, LEXICAL), (200, KNN)])
    recording_server.routes[("POST", "/hub-search-test/_search")] = lambda request: next(answers)
    engine = ElasticsearchEngine(url=recording_server.url, alias="hub-search-test", semantic=True)
    query = SearchQuery(text="e-payment", audience=READER, language="en")

    results = engine.search(query)

    lexical, knn = (request.json() for request in recording_server.requests)
    assert (
        lexical
        == engine.build_search(SearchQuery(text="e-payment", audience=READER, language="en", per_page=100)).to_dict()
    )
    assert knn == engine.build_knn(query, embeddings.encode(["e-payment"])[0])
    # the complete lexical match first, then the Arabic neighbour; the far one (cosine 0.1) is noise
    assert [(hit.source_id, hit.language) for hit in results.hits] == [("1", "en"), ("2", "ar")]
    assert results.total == 2


def test_switched_off_only_the_lexical_request_is_sent(recording_server):  # noqa: F811
    recording_server.routes[("POST", "/hub-search-test/_search")] = (200, LEXICAL)
    engine = ElasticsearchEngine(url=recording_server.url, alias="hub-search-test", semantic=False)
    engine.search(SearchQuery(text="e-payment", audience=READER))
    assert len(recording_server.requests) == 1 and "knn" not in recording_server.requests[0].json()


def test_pushed_rows_carry_their_current_vector_and_embedding_queues_them_again(recording_server, settings):  # noqa: F811
    settings.ELASTICSEARCH_URL = recording_server.url
    recording_server.routes[("PUT", "/_bulk")] = bulk_answer()
    services.bulk_index(source_type="project", documents=[Doc(source_id="1", title="الدفع الإلكتروني")])
    SearchDocument.objects.update(needs_push=False)
    embeddings.embed_pending()
    row = SearchDocument.objects.get()
    assert row.needs_push  # the vector must reach the cluster too
    engine = ElasticsearchEngine(url=recording_server.url, alias="hub-search-test")
    send_bulk(engine, [row], index="hub-search-test-1")
    source = recording_server.requests[-1].ndjson()[1]
    assert len(source["embedding"]) == 512
    assert bulk_action(SearchDocument.objects.get(), index="x")["_source"].get("embedding") is None  # none attached
