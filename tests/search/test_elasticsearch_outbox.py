"""Saving content never waits for Elasticsearch: changes wait in the outbox and are pushed in bulk, retried, caught up.

"Elasticsearch down" is a URL where nothing listens (127.0.0.1:9); "Elasticsearch back" is the recording server on
127.0.0.1, which checks the exact bulk requests sent (it is not a cluster; see elasticsearch_support).
"""

import logging

import pytest
from django.core.management import call_command

from search import tasks
from search.engines.elasticsearch import document_source
from search.models import SearchDocument
from search.services import index_instance, unindex
from tests.search.elasticsearch_support import (  # noqa: F401
    Note,
    bulk_answer,
    clean_cache,
    notes,
    recording_server,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clean_cache")]

DOWN = "http://127.0.0.1:9"
ALIAS_ROUTE = ("GET", "/_alias/hub-search-test")
ALIAS_ANSWER = (200, {"hub-search-test-1": {"aliases": {"hub-search-test": {}}}})


def _save(notes, *items, capture):  # noqa: F811
    """Index notes in one transaction, as a source app's service would, and run what waits for the commit."""
    with capture(execute=True) as callbacks:
        for note in items:
            index_instance(source_type="note", instance=notes.add(note))
    return callbacks


def test_saving_content_while_elasticsearch_is_down_succeeds_and_the_change_waits(
    settings,
    notes,  # noqa: F811
    django_capture_on_commit_callbacks,
    caplog,
):
    settings.ELASTICSEARCH_URL = DOWN
    caplog.set_level(logging.WARNING, logger="search.tasks")
    callbacks = _save(
        notes,
        Note(pk=1, title="بوابة البلدية"),
        Note(pk=2, title="Portal", language="en"),
        capture=django_capture_on_commit_callbacks,
    )
    pushes = [callback for callback in callbacks if callback.__name__ == "_enqueue_push"]
    assert len(pushes) == 1  # one push per transaction, however many documents it wrote
    rows = list(SearchDocument.objects.order_by("source_id").values_list("source_id", "needs_push", "push_attempts"))
    assert rows == [("1", True, 1), ("2", True, 1)]
    error = SearchDocument.objects.first().last_push_error
    assert error.startswith("Elasticsearch is unavailable: ConnectionError")
    assert "Search outbox not pushed (Elasticsearch is unavailable: ConnectionError" in caplog.text
    assert "next try after 30 s" in caplog.text

    # Another save during the back-off does not hammer the dead cluster: the push is skipped, the row waits.
    _save(notes, Note(pk=3, title="ثالث"), capture=django_capture_on_commit_callbacks)
    assert SearchDocument.objects.get(source_id="3").push_attempts == 0
    assert tasks.push_outbox().skipped.startswith("the last push failed; next try after")


def test_when_elasticsearch_is_back_sync_pushes_everything_waiting_in_one_bulk_request(
    settings,
    notes,  # noqa: F811
    recording_server,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    settings.ELASTICSEARCH_URL = DOWN
    _save(
        notes,
        Note(pk=1, title="بوابة البلدية"),
        Note(pk=2, title="Portal", language="en"),
        capture=django_capture_on_commit_callbacks,
    )
    with django_capture_on_commit_callbacks(execute=True):
        unindex(source_type="note", source_id=2)  # removed while the cluster was down: a tombstone waits
    assert SearchDocument.objects.get(source_id="2").is_deleted

    settings.ELASTICSEARCH_URL = recording_server.url
    recording_server.routes[ALIAS_ROUTE] = ALIAS_ANSWER
    recording_server.routes[("PUT", "/_bulk")] = bulk_answer()
    call_command("search_index", "sync", stdout=(out := _Output()))

    assert recording_server.calls() == [ALIAS_ROUTE, ("PUT", "/_bulk")]
    bulk = recording_server.requests[1]
    assert bulk.params == {"require_alias": "true"}
    first = SearchDocument.objects.get(source_id="1")
    assert bulk.ndjson() == [
        {"index": {"_index": "hub-search-test", "_id": "note:1:ar"}},
        document_source(first),
        {"delete": {"_index": "hub-search-test", "_id": "note:2:en"}},
    ]
    assert list(SearchDocument.objects.values_list("source_id", "needs_push", "push_attempts", "last_push_error")) == [
        ("1", False, 0, "")
    ]  # the tombstone is gone once the cluster forgot the document
    assert "Pushed: 2/2 (1 indexed, 1 deleted, 0 failed)" in out.text

    # Pushing again is harmless and sends nothing: nothing waits.
    recording_server.requests.clear()
    assert tasks.push_outbox() == tasks.PushReport()
    assert recording_server.calls() == []


def test_a_document_the_cluster_refuses_keeps_waiting_with_its_error_while_the_others_are_pushed(
    settings,
    notes,  # noqa: F811
    recording_server,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    settings.ELASTICSEARCH_URL = recording_server.url
    recording_server.routes[ALIAS_ROUTE] = ALIAS_ANSWER
    refused = {"type": "mapper_parsing_exception", "reason": "failed to parse field [published_at]"}
    recording_server.routes[("PUT", "/_bulk")] = bulk_answer({"note:2:ar": refused})
    _save(notes, Note(pk=1, title="أ"), Note(pk=2, title="ب"), capture=django_capture_on_commit_callbacks)

    rows = {row.source_id: row for row in SearchDocument.objects.all()}
    assert (rows["1"].needs_push, rows["1"].push_attempts) == (False, 0)
    assert (rows["2"].needs_push, rows["2"].push_attempts) == (True, 1)
    assert "failed to parse field [published_at]" in rows["2"].last_push_error

    # After repeated refusals the automatic pushes leave the row for `search_index sync` (status shows it).
    SearchDocument.objects.filter(source_id="2").update(push_attempts=tasks.MAX_AUTOMATIC_ATTEMPTS)
    recording_server.requests.clear()
    assert tasks.push_outbox() == tasks.PushReport()
    assert recording_server.calls() == []
    report = tasks.push_outbox(include_parked=True)
    assert (report.failed, SearchDocument.objects.get(source_id="2").push_attempts) == (1, 9)


def test_pushes_wait_until_a_first_rebuild_has_created_the_index(
    settings,
    notes,  # noqa: F811
    recording_server,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    settings.ELASTICSEARCH_URL = recording_server.url
    recording_server.routes[ALIAS_ROUTE] = (404, {"error": "alias [hub-search-test] missing", "status": 404})
    _save(notes, Note(pk=1, title="أ"), capture=django_capture_on_commit_callbacks)
    assert recording_server.calls() == [ALIAS_ROUTE]  # never a bulk that would create an index by itself
    row = SearchDocument.objects.get()
    assert (row.needs_push, row.push_attempts) == (True, 1)
    assert "run `python manage.py search_index rebuild`" in row.last_push_error


def test_without_elasticsearch_nothing_is_queued_and_removals_delete_rows(
    settings,
    notes,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    settings.ELASTICSEARCH_URL = ""
    callbacks = _save(notes, Note(pk=1, title="أ"), capture=django_capture_on_commit_callbacks)
    assert [callback.__name__ for callback in callbacks] == ["_bump_search"]  # no push, only the search cache
    unindex(source_type="note", source_id=1)
    assert not SearchDocument.objects.exists()
    assert tasks.push_outbox().skipped == "ELASTICSEARCH_URL is not set"


class _Output:
    """A stdout for call_command that keeps the text."""

    def __init__(self):
        self.text = ""

    def write(self, value):
        self.text += value

    def flush(self):
        pass

    def isatty(self):
        return False
