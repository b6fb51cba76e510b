"""`manage.py search_index rebuild|sync|status` as an operator runs it.

The Elasticsearch side is checked against the recording server on 127.0.0.1 (exact requests; it is not a cluster).
"""

import re

import pytest
from django.core.management import CommandError, call_command

from search.engines.elasticsearch import index_definition
from search.models import SearchDocument
from search.services import index_instance
from tests.search.elasticsearch_support import (  # noqa: F401
    Note,
    bulk_answer,
    clean_cache,
    notes,
    recording_server,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clean_cache")]


class Output:
    def __init__(self):
        self.text = ""

    def write(self, value):
        self.text += value

    def flush(self):
        pass

    def isatty(self):
        return False


def run(*args) -> str:
    out = Output()
    call_command("search_index", *args, stdout=out)
    return out.text


def test_rebuild_indexes_every_source_and_removes_what_no_longer_exists(settings, notes):  # noqa: F811
    settings.ELASTICSEARCH_URL = ""
    notes.add(Note(pk=1, title="بوابة"))
    notes.add(Note(pk=2, title="Portal", language="en"))
    gone = Note(pk=3, title="قديم")
    index_instance(source_type="note", instance=gone)  # indexed once, no longer in the adapter's queryset
    SearchDocument.objects.create(source_type="retired", source_id="1", language="ar", title="x", url="/x/")

    output = run("rebuild")

    assert sorted(SearchDocument.objects.values_list("source_type", "source_id", "language")) == [
        ("note", "1", "ar"),
        ("note", "2", "en"),
    ]
    assert "note: 2/2 objects, 2 documents, 1 stale removed" in output
    assert run("rebuild").count("note: 2/2 objects, 2 documents, 0 stale removed") == 1  # idempotent


def test_rebuild_recomputes_the_typo_vocabulary_from_scratch(settings, notes):  # noqa: F811
    from search.models import SearchWord

    settings.ELASTICSEARCH_URL = ""
    notes.add(Note(pk=1, title="الموازنة المفتوحة"))
    SearchWord.objects.create(word="الحدايق", display="الحدائق")  # a word of a document long gone

    output = run("rebuild")

    assert set(SearchWord.objects.values_list("word", flat=True)) == {"الموازنه", "المفتوحه"}
    assert "Typo vocabulary: 2 words" in output


def test_the_demo_loader_rebuilds_through_the_same_service(settings, notes):  # noqa: F811
    from search import demo
    from search.models import SearchWord

    settings.ELASTICSEARCH_URL = ""
    notes.add(Note(pk=1, title="بوابة"))
    index_instance(source_type="note", instance=Note(pk=3, title="قديم"))  # no longer in the adapter's queryset
    SearchWord.objects.create(word="الحدايق", display="الحدائق")
    out = Output()

    demo.load(stdout=out)

    assert sorted(SearchDocument.objects.values_list("source_type", "source_id")) == [("note", "1")]
    assert set(SearchWord.objects.values_list("word", flat=True)) == {"بوابه"}
    assert "note 1" in out.text and "typo vocabulary 1 words" in out.text


def test_status_counts_documents_per_type_and_language_and_the_waiting_pushes(settings, notes):  # noqa: F811
    settings.ELASTICSEARCH_URL = ""
    for note in (Note(pk=1, title="أ"), Note(pk=2, title="ب"), Note(pk=3, title="c", language="en")):
        index_instance(source_type="note", instance=notes.add(note))
    SearchDocument.objects.filter(source_id="3").update(push_attempts=2, last_push_error="mapper_parsing_exception")

    output = run("status")

    assert output.splitlines() == [
        "Documents in PostgreSQL: 3",
        "  note             ar   2",
        "  note             en   1",
        "Waiting for Elasticsearch: 3 (removals: 0)",
        "Failed pushes: 1 rows (0 wait for `sync` after repeated failures)",
        "  note:3:en after 2 attempts: mapper_parsing_exception",
        "Semantic search: on (0 vectors, 3 documents waiting for one)",
        "Elasticsearch: not configured (ELASTICSEARCH_URL is empty); search uses PostgreSQL.",
    ]


def test_sync_without_elasticsearch_says_there_is_nothing_to_push(settings):
    settings.ELASTICSEARCH_URL = ""
    with pytest.raises(CommandError, match="ELASTICSEARCH_URL is not set"):
        run("sync")


def test_sync_while_elasticsearch_is_down_fails_loudly_and_keeps_the_rows(settings, notes):  # noqa: F811
    settings.ELASTICSEARCH_URL = ""
    index_instance(source_type="note", instance=notes.add(Note(pk=1, title="أ")))
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    with pytest.raises(CommandError, match="Stopped: Elasticsearch is unavailable: ConnectionError"):
        run("sync")
    assert SearchDocument.objects.get().needs_push


def test_rebuild_loads_a_new_index_then_swaps_the_alias_and_drops_the_old_one(settings, notes, recording_server):  # noqa: F811
    settings.ELASTICSEARCH_URL = recording_server.url
    notes.add(Note(pk=1, title="بوابة"))
    notes.add(Note(pk=2, title="Portal", language="en"))
    server = recording_server
    server.routes[("GET", "/_alias/hub-search-test")] = (
        200,
        {"hub-search-test-old": {"aliases": {"hub-search-test": {}}}},
    )
    created = {}

    def create(request):
        created["name"] = request.path.strip("/")
        created["body"] = request.json()
        return 200, {"acknowledged": True, "index": created["name"]}

    server.routes[("PUT", "/_bulk")] = bulk_answer()
    server.routes[("POST", "/_aliases")] = (200, {"acknowledged": True})
    server.routes[("DELETE", "/hub-search-test-old")] = (200, {"acknowledged": True})
    # The new index's name carries a timestamp: answer any PUT /hub-search-test-<digits>.
    original = server.routes.get

    def route(key, default=None):
        method, path = key
        if method == "PUT" and re.fullmatch(r"/hub-search-test-\d{20}", path):
            return create
        if method == "POST" and re.fullmatch(r"/hub-search-test-\d{20}/_refresh", path):
            return (200, {"_shards": {"total": 1, "successful": 1, "failed": 0}})
        return original(key, default)

    server.routes = type("Routes", (dict,), {"get": staticmethod(route)})(server.routes)

    output = run("rebuild")

    new = created["name"]
    assert server.calls() == [
        ("GET", "/_alias/hub-search-test"),
        ("PUT", f"/{new}"),
        ("PUT", "/_bulk"),
        ("POST", f"/{new}/_refresh"),
        ("POST", "/_aliases"),
        ("DELETE", "/hub-search-test-old"),
    ]
    assert created["body"] == index_definition(new).to_dict()
    bulk = server.requests[2]
    assert bulk.params == {}  # loading the new index directly, not through the alias
    assert [line for line in bulk.ndjson() if "index" in line] == [
        {"index": {"_index": new, "_id": "note:1:ar"}},
        {"index": {"_index": new, "_id": "note:2:en"}},
    ]
    assert server.requests[4].json() == {
        "actions": [
            {"remove": {"index": "hub-search-test-old", "alias": "hub-search-test"}},
            {"add": {"index": new, "alias": "hub-search-test"}},
        ]
    }
    assert not SearchDocument.objects.filter(needs_push=True).exists()
    assert f"Elasticsearch: 2/2 loaded into {new}, failed 0" in output
    assert (
        f"Alias hub-search-test -> {new} (replaced hub-search-test-old); pushed since: 0 indexed, 0 deleted" in output
    )


def test_a_rebuild_that_loses_the_cluster_leaves_the_alias_alone_and_says_why(settings, notes, recording_server):  # noqa: F811
    settings.ELASTICSEARCH_URL = ""
    notes.add(Note(pk=1, title="بوابة"))
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    with pytest.raises(CommandError, match="Elasticsearch is unavailable: ConnectionError"):
        run("rebuild")
    assert SearchDocument.objects.get().needs_push  # PostgreSQL is rebuilt; the cluster catches up later


def test_status_shows_the_alias_and_its_document_count(settings, recording_server):  # noqa: F811
    settings.ELASTICSEARCH_URL = recording_server.url
    recording_server.routes[("GET", "/_alias/hub-search-test")] = (
        200,
        {"hub-search-test-20260101000000000000": {"aliases": {"hub-search-test": {}}}},
    )
    recording_server.routes[("POST", "/hub-search-test/_count")] = (200, {"count": 1234})
    output = run("status")
    assert (
        output.splitlines()[-1]
        == "Elasticsearch: alias hub-search-test -> hub-search-test-20260101000000000000; 1234 documents"
    )


def test_status_says_when_the_cluster_cannot_be_reached(settings):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    assert run("status").splitlines()[-1].startswith("Elasticsearch: unavailable (Elasticsearch is unavailable: ")


def test_a_document_changed_while_the_rebuild_loads_is_pushed_again_after_the_swap(settings, notes, recording_server):  # noqa: F811
    from search import tasks
    from search.engines.elasticsearch import ElasticsearchEngine

    settings.ELASTICSEARCH_URL = ""
    for note in (Note(pk=1, title="أول"), Note(pk=2, title="ثان")):
        index_instance(source_type="note", instance=notes.add(note))
    settings.ELASTICSEARCH_URL = recording_server.url
    engine = ElasticsearchEngine(alias="hub-search-test")
    new = engine.new_index_name()
    engine.new_index_name = lambda: new
    server = recording_server
    server.routes.update(
        {
            ("GET", "/_alias/hub-search-test"): (404, {"error": "alias [hub-search-test] missing", "status": 404}),
            ("PUT", f"/{new}"): (200, {"acknowledged": True}),
            ("PUT", "/_bulk"): bulk_answer(),
            ("POST", f"/{new}/_refresh"): (200, {}),
            ("POST", "/_aliases"): (200, {"acknowledged": True}),
        }
    )

    def edit_during_load(done):
        if done == 1:  # the first note is in the new index; an editor changes it before the swap
            index_instance(source_type="note", instance=notes.add(Note(pk=1, title="أول معدل")))
            server.routes[("GET", "/_alias/hub-search-test")] = (200, {new: {"aliases": {"hub-search-test": {}}}})

    outcome = tasks.rebuild_elasticsearch(engine=engine, batch_size=1, progress=edit_during_load)

    assert outcome["loaded"] == 2
    assert outcome["caught_up"] == {"indexed": 1, "deleted": 0, "failed": 0, "skipped": "", "error": ""}
    assert server.calls()[-2:] == [("GET", "/_alias/hub-search-test"), ("PUT", "/_bulk")]
    catch_up = server.requests[-1]
    assert catch_up.params == {"require_alias": "true"}
    assert catch_up.ndjson()[0] == {"index": {"_index": "hub-search-test", "_id": "note:1:ar"}}
    assert catch_up.ndjson()[1]["title"] == "أول معدل"
    assert not SearchDocument.objects.filter(needs_push=True).exists()


def test_sync_during_a_rebuild_leaves_the_rows_to_the_rebuild(settings, notes):  # noqa: F811
    from django.core.cache import cache
    from django.utils import timezone

    from search import tasks

    settings.ELASTICSEARCH_URL = ""
    index_instance(source_type="note", instance=notes.add(Note(pk=1, title="أ")))
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    cache.set(tasks.REBUILDING_KEY, timezone.now())
    with pytest.raises(CommandError, match="Not pushed: a rebuild is running"):
        run("sync")
    assert "A rebuild is running since " in run("status")
    assert SearchDocument.objects.get().push_attempts == 0


def test_on_a_terminal_the_progress_is_a_bar_that_ends_with_the_count():
    from django.core.management.base import OutputWrapper

    from search.management.commands.search_index import Progress

    class Terminal(Output):
        def isatty(self):
            return True

    terminal = Terminal()
    bar = Progress(OutputWrapper(terminal), "note", 4)
    bar.update(1)
    bar.finish(4, " objects")
    assert terminal.text == (
        "\rnote [#######.......................] 1/4\rnote [##############################] 4/4\nnote: 4/4 objects\n"
    )
