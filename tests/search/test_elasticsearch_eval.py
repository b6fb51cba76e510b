"""`search_eval --engine elasticsearch` gets an engine over a throwaway index holding only the evaluation corpus.

Checked against the recording server on 127.0.0.1 (exact requests; it is not a cluster).
"""

import atexit
import re

from search.engines.elasticsearch import ElasticsearchEngine, EngineUnavailable, index_definition
from search.registry import Document
from tests.search.elasticsearch_support import bulk_answer, recording_server  # noqa: F401


def test_the_evaluation_engine_loads_the_corpus_into_its_own_index_behind_its_own_alias(settings, recording_server):  # noqa: F811
    settings.ELASTICSEARCH_URL = recording_server.url
    server = recording_server
    answers = {"PUT": (200, {"acknowledged": True}), "POST": (200, {"acknowledged": True})}
    server.routes = type(
        "Routes",
        (dict,),
        {
            "get": staticmethod(
                lambda key, default=None: bulk_answer() if key == ("PUT", "/_bulk") else answers.get(key[0], default)
            )
        },
    )()
    corpus = {
        "page": [Document(source_id="1", language="ar", title="بلدية", body="نص", url="/eval/1")],
        "post": [Document(source_id="2", language="en", title="Portal", body="", url="/eval/2")],
    }

    engine = ElasticsearchEngine.for_eval(corpus)

    assert re.fullmatch(r"hub-search-test-eval-[0-9a-f]{8}", engine.alias)
    created = server.requests[0]
    index = created.path.strip("/")
    assert re.fullmatch(rf"{engine.alias}-\d{{20}}", index)
    assert server.calls() == [
        ("PUT", f"/{index}"),
        ("PUT", "/_bulk"),
        ("POST", f"/{index}/_refresh"),
        ("POST", "/_aliases"),
    ]
    assert created.json() == index_definition(index).to_dict()
    assert [line for line in server.requests[1].ndjson() if "index" in line] == [
        {"index": {"_index": index, "_id": "page:1:ar"}},
        {"index": {"_index": index, "_id": "post:2:en"}},
    ]
    assert server.requests[3].json() == {"actions": [{"add": {"index": index, "alias": engine.alias}}]}

    # At exit the throwaway index is deleted (called here while the server still listens).
    atexit.unregister(engine.drop)
    answers["GET"] = (200, {index: {"aliases": {engine.alias: {}}}})
    answers["DELETE"] = (200, {"acknowledged": True})
    server.requests.clear()
    engine.drop()
    assert server.calls() == [("GET", f"/_alias/{engine.alias}"), ("DELETE", f"/{index}")]


def test_engine_unavailable_is_a_connection_error_for_callers_that_fall_back_on_those():
    assert issubclass(EngineUnavailable, ConnectionError)
