"""Background work of search: embedding new and changed documents (semantic search), and pushing the outbox of
changed SearchDocument rows to Elasticsearch.

Embedding: after a write commits, `embed_search_documents` embeds every live row that has no current vector, in
batches (search.embeddings.embed_pending), so the request that saved the content never waits on the encoder; the
document is found lexically at once and semantically seconds later.

A write marks its rows `needs_push` (search.services); after the commit, `push_search_outbox` is enqueued. It takes
waiting rows in batches (locked with SKIP LOCKED, so two workers never push the same row), sends one bulk request
per batch, and then marks each row pushed, deletes pushed tombstones, or records the failure on the row.
Pushing is idempotent: documents have stable ids, and deleting what is already gone counts as done.

When the cluster cannot be reached, nothing is lost: rows stay waiting, pushes back off (30 s, doubling, at most
30 min) and a deferred retry is queued when the task backend can defer; `search_index sync` pushes at once.
"""

from __future__ import annotations

import contextlib
import json
import logging
from dataclasses import asdict, dataclass
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django_tasks import task

from search.models import SearchDocument

logger = logging.getLogger(__name__)

BATCH_SIZE = 500
MAX_AUTOMATIC_ATTEMPTS = 8  # past this a row waits for `search_index sync` (its error is shown by `status`)
BACKOFF_KEY = "hub_search:es_backoff_until"
FAILURES_KEY = "hub_search:es_consecutive_failures"
REBUILDING_KEY = "hub_search:es_rebuilding"
BACKOFF_FIRST = 30  # seconds
BACKOFF_MAX = 30 * 60


@dataclass
class PushReport:
    """What one push did; `skipped` says why nothing was tried, `error` why it stopped."""

    indexed: int = 0
    deleted: int = 0
    failed: int = 0
    skipped: str = ""
    error: str = ""


def push_outbox(
    *,
    engine=None,
    include_parked: bool = False,
    ignore_backoff: bool = False,
    batch_size: int = BATCH_SIZE,
    progress=None,
) -> PushReport:
    """Push every waiting row to the cluster; never raises because the cluster is down (see PushReport.error)."""
    from search.engines.elasticsearch import BULK_TIMEOUT, ElasticsearchEngine, EngineUnavailable

    report = PushReport()
    if engine is None and not settings.ELASTICSEARCH_URL:
        report.skipped = "ELASTICSEARCH_URL is not set"
        return report
    if cache.get(REBUILDING_KEY):  # its own catch-up push runs once the flag is cleared
        report.skipped = "a rebuild is running; it pushes the outbox when it has swapped the alias"
        return report
    backoff_until = cache.get(BACKOFF_KEY)
    if backoff_until and not ignore_backoff:
        report.skipped = f"the last push failed; next try after {backoff_until.isoformat()}"
        return report
    engine = engine or ElasticsearchEngine(timeout=BULK_TIMEOUT)
    waiting = SearchDocument.objects.filter(needs_push=True)
    if not include_parked:
        waiting = waiting.filter(push_attempts__lt=MAX_AUTOMATIC_ATTEMPTS)
    last_id = 0
    alias_checked = False
    while True:
        with transaction.atomic():
            rows = list(waiting.filter(id__gt=last_id).order_by("id").select_for_update(skip_locked=True)[:batch_size])
            if not rows:
                break
            last_id = rows[-1].id
            try:
                if not alias_checked and not engine.alias_indices():
                    raise EngineUnavailable(
                        f"Elasticsearch has no index behind '{engine.alias}': "
                        "run `python manage.py search_index rebuild`"
                    )
                alias_checked = True
                outcomes = send_bulk(engine, rows)
            except EngineUnavailable as error:
                _stop(report, error, rows=rows)
                return report
            _apply(outcomes, report)
        if progress:
            progress(report.indexed + report.deleted + report.failed)
    cache.delete_many([BACKOFF_KEY, FAILURES_KEY])
    return report


def send_bulk(engine, rows: list[SearchDocument], *, index: str | None = None) -> list[tuple[SearchDocument, str]]:
    """One bulk request for `rows`; returns (row, outcome) with outcome "indexed", "deleted" or an error text."""
    from elasticsearch import ApiError
    from elasticsearch.helpers import streaming_bulk

    from search.engines.elasticsearch import BULK_TIMEOUT, bulk_action, is_unavailability, unavailable

    target = index or engine.alias
    from search import embeddings

    embeddings.attach_vectors(rows)  # hybrid hook: each row's current vector goes into its dense_vector field
    actions = [bulk_action(row, index=target) for row in rows]
    outcomes = []
    client = engine.client.options(request_timeout=BULK_TIMEOUT)
    try:
        answers = streaming_bulk(
            client,
            actions,
            chunk_size=len(actions),
            max_chunk_bytes=50 * 1024 * 1024,  # well under the cluster's default http.max_content_length (100 MB)
            raise_on_error=False,
            max_retries=0,
            # Pushes go through the alias, and must never auto-create an index of that name when it is missing.
            **({} if index else {"require_alias": True}),  # type: ignore[arg-type]  # mypy matches it to every parameter
        )
        for row, (ok, item) in zip(rows, answers, strict=True):
            operation, info = next(iter(item.items()))
            if ok:
                outcomes.append((row, "deleted" if operation == "delete" else "indexed"))
            elif operation == "delete" and info.get("status") == 404 and "error" not in info:
                outcomes.append((row, "deleted"))  # already gone: the tombstone is done
            else:
                outcomes.append((row, json.dumps(info.get("error", info), ensure_ascii=False)[:2000]))
    except Exception as error:
        if is_unavailability(error):
            raise unavailable(error, alias=target) from error
        if isinstance(error, ApiError):  # the whole request was refused: a bug to see in status, not an outage
            return [(row, f"{error.__class__.__name__}: {error}"[:2000]) for row in rows]
        raise
    return outcomes


def _apply(outcomes: list[tuple[SearchDocument, str]], report: PushReport) -> None:
    indexed = [row.pk for row, outcome in outcomes if outcome == "indexed"]
    deleted = [row.pk for row, outcome in outcomes if outcome == "deleted"]
    if indexed:
        SearchDocument.objects.filter(pk__in=indexed).update(needs_push=False, push_attempts=0, last_push_error="")
    if deleted:
        SearchDocument.objects.filter(pk__in=deleted, is_deleted=True).delete()
    for row, outcome in outcomes:
        if outcome not in ("indexed", "deleted"):
            SearchDocument.objects.filter(pk=row.pk).update(
                push_attempts=F("push_attempts") + 1, last_push_error=outcome
            )
            logger.warning("Elasticsearch refused %s: %s", row, outcome)
    if indexed or deleted:  # the cluster answers differently now (hub.caching's "search" section)
        from search.services import changed

        changed()
    report.indexed += len(indexed)
    report.deleted += len(deleted)
    report.failed += len(outcomes) - len(indexed) - len(deleted)


def _stop(report: PushReport, error: Exception, *, rows: list[SearchDocument]) -> None:
    """The cluster cannot take pushes now: note it on the rows tried, back off, and plan a retry."""
    message = str(error)[:2000]
    if rows:
        SearchDocument.objects.filter(pk__in=[row.pk for row in rows]).update(
            push_attempts=F("push_attempts") + 1, last_push_error=message
        )
    failures = (cache.get(FAILURES_KEY) or 0) + 1
    delay = min(BACKOFF_FIRST * 2 ** (failures - 1), BACKOFF_MAX)
    retry_at = timezone.now() + timedelta(seconds=delay)
    cache.set(FAILURES_KEY, failures, timeout=24 * 3600)
    cache.set(BACKOFF_KEY, retry_at, timeout=max(delay - 1, 1))  # expired when the retry runs
    report.error = message
    logger.warning("Search outbox not pushed (%s); next try after %s s", message, delay)
    if push_search_outbox.get_backend().supports_defer:
        push_search_outbox.using(run_after=retry_at).enqueue()


@task()
def push_search_outbox() -> dict:
    """Push the waiting search documents to Elasticsearch (idempotent; safe to run any number of times)."""
    return asdict(push_outbox())


def schedule_push() -> None:
    """Enqueue one push after the current transaction commits (once per transaction, however many writes)."""
    connection = transaction.get_connection()
    if any(callback is _enqueue_push for _, callback, *_ in connection.run_on_commit):
        return
    transaction.on_commit(_enqueue_push, robust=True)


def _enqueue_push() -> None:
    push_search_outbox.enqueue()


def rebuild_elasticsearch(*, engine=None, batch_size: int = BATCH_SIZE, progress=None) -> dict:
    """Load every live row into a new index, swap the alias to it in one step, drop the old indices, catch up.

    Searches keep using the old index until the swap, so they never see a half-filled one. Automatic pushes pause
    meanwhile (their rows stay waiting); rows that change during the load keep `needs_push` and are pushed to the
    new index right after the swap.
    """
    from search.engines.elasticsearch import ElasticsearchEngine

    engine = engine or ElasticsearchEngine()
    # Pauses automatic pushes; expires by itself should this process die before the end.
    cache.set(REBUILDING_KEY, timezone.now(), timeout=6 * 3600)
    new_index = engine.new_index_name()
    try:
        old_indices = engine.alias_indices()
        engine.create_index(new_index)
        loaded: list[tuple[int, object]] = []
        failed = 0
        batch: list[SearchDocument] = []
        live = SearchDocument.objects.filter(is_deleted=False).order_by("id").iterator(chunk_size=batch_size)
        for row in live:
            batch.append(row)
            if len(batch) == batch_size:
                failed += _load(engine, batch, new_index, loaded)
                batch = []
                if progress:
                    progress(len(loaded) + failed)
        if batch:
            failed += _load(engine, batch, new_index, loaded)
            if progress:
                progress(len(loaded) + failed)
        engine.refresh(new_index)
        engine.swap_alias(new_index=new_index, old_indices=old_indices)
    except Exception:
        cache.delete(REBUILDING_KEY)
        with contextlib.suppress(Exception):  # best effort: the cluster is failing already
            engine.client.indices.delete(index=new_index, ignore_unavailable=True)
        raise
    # Rows loaded as they are now need no push any more; a row changed since it was read keeps waiting.
    for start in range(0, len(loaded), batch_size):
        chunk = loaded[start : start + batch_size]
        unchanged = Q()
        for pk, indexed_at in chunk:
            unchanged |= Q(pk=pk, indexed_at=indexed_at)
        SearchDocument.objects.filter(unchanged).update(needs_push=False, push_attempts=0, last_push_error="")
    cache.delete(REBUILDING_KEY)
    catch_up = push_outbox(engine=engine, include_parked=True, ignore_backoff=True)
    return {
        "alias": engine.alias,
        "index": new_index,
        "replaced": old_indices,
        "loaded": len(loaded),
        "failed": failed,
        "caught_up": asdict(catch_up),
    }


def _load(engine, rows: list[SearchDocument], index: str, loaded: list) -> int:
    """Bulk-load rows into the new index; remember the ones taken (with their version), return how many failed."""
    failed = 0
    for row, outcome in send_bulk(engine, rows, index=index):
        if outcome == "indexed":
            loaded.append((row.pk, row.indexed_at))
        else:
            failed += 1
            SearchDocument.objects.filter(pk=row.pk).update(last_push_error=outcome)
    return failed


@task()
def embed_search_documents() -> dict:
    """Embed the documents that have no current vector (idempotent: current vectors are left alone)."""
    from search import embeddings

    report = embeddings.embed_pending()
    return {"embedded": report.embedded, "seconds": round(report.seconds, 3), "skipped": report.skipped}


def schedule_embedding(*, using: str = "default") -> None:
    """Enqueue one embedding run after the current transaction commits (once per transaction)."""
    from search import embeddings

    if not settings.SEARCH_EMBED_AFTER_COMMIT or not embeddings.available(using):
        return
    connection = transaction.get_connection(using)
    if any(callback is _enqueue_embedding for _, callback, *_ in connection.run_on_commit):
        return
    transaction.on_commit(_enqueue_embedding, using=using, robust=True)


def _enqueue_embedding() -> None:
    embed_search_documents.enqueue()
