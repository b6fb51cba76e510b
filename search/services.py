"""Writes to the search index. Call these inside the transaction that changes the source object."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import asdict
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import connections, transaction

from hub.caching import bump
from search import registry
from search.engines.postgres import document_vector, vocabulary
from search.models import SearchDocument, SearchWord

if TYPE_CHECKING:
    from django.db.models import Model

BATCH = 500


def _row_values(document: registry.Document) -> dict:
    values = asdict(document)
    values.pop("source_id")
    values.pop("language")
    values.update(
        needs_push=True,
        is_deleted=False,
        push_attempts=0,
        last_push_error="",
        search_vector=document_vector(document.title, document.body),
        title_vector=document_vector(document.title, ""),
    )
    return values


@transaction.atomic(savepoint=False)
def index_instance(*, source_type: str, instance: Model) -> int:
    """Replace the documents of `instance` with what its adapter says now; return how many remain. One upsert
    (INSERT … ON CONFLICT DO UPDATE) writes them, and no savepoint is taken: this runs inside the write of the
    source object (a forum reply, a page publication), and a failure here fails that write."""
    adapter = registry.get(source_type)
    source_id = str(instance.pk)
    documents = adapter.documents(instance)
    if documents:
        _write_batch(source_type, documents, "default")  # also remembers the words and embeds after commit
    stale = SearchDocument.objects.filter(source_type=source_type, source_id=source_id)
    _remove(stale.exclude(language__in=[document.language for document in documents]))
    _push_after_commit()
    return len(documents)


@transaction.atomic
def unindex(*, source_type: str, source_id: str | int) -> int:
    """Remove every document of one source object (it was deleted); return how many went."""
    removed = _remove(SearchDocument.objects.filter(source_type=source_type, source_id=str(source_id)))
    _push_after_commit()
    return removed


def bulk_index(*, source_type: str, documents: Iterable[registry.Document], using: str = "default") -> int:
    """Insert or replace many documents of one type at once (rebuilds, benchmarks, the eval command)."""
    count = 0
    batch: list[registry.Document] = []
    for document in documents:
        batch.append(document)
        if len(batch) >= BATCH:
            count += _write_batch(source_type, batch, using)
            batch = []
    if batch:
        count += _write_batch(source_type, batch, using)
    return count


def _write_batch(source_type: str, documents: list[registry.Document], using: str) -> int:
    rows = [
        SearchDocument(source_type=source_type, source_id=d.source_id, language=d.language, **_row_values(d))
        for d in documents
    ]
    update_fields = [f for f in _row_values(documents[0]) if f != "forum_ids"] + ["forum_ids", "indexed_at"]
    with transaction.atomic(using=using, savepoint=False):
        SearchDocument.objects.using(using).bulk_create(
            rows,
            update_conflicts=True,
            unique_fields=["source_type", "source_id", "language"],
            update_fields=sorted(set(update_fields)),
        )
        _remember_words(documents, using=using)
        if using == "default":  # the eval command embeds its throwaway database itself
            _embed_after_commit()
            changed()
    return len(rows)


class Rebuilt(dict):
    """{source_type: documents} after a rebuild, with per type `objects` and `removed` (stale rows), the size of
    the new vocabulary (`words`), and the outcome of the Elasticsearch load (`elasticsearch`, None without it)."""

    def __init__(self):
        super().__init__()
        self.objects: dict[str, int] = {}
        self.totals: dict[str, int] = {}
        self.removed: dict[str, int] = {}
        self.words = 0
        self.elasticsearch: dict | None = None


def rebuild(
    *,
    source_types: list[str] | None = None,
    progress: Callable[[str, int, int], None] | None = None,
    elasticsearch: bool = True,
) -> Rebuilt:
    """The one full rebuild (`search_index rebuild`, the demo loader): every row again from the registered
    adapters' queryset(), rows no adapter produces any more removed, the typo vocabulary recomputed from scratch,
    and, with ELASTICSEARCH_URL set (and `elasticsearch`), a new Elasticsearch index loaded and swapped in.

    Objects are written in batches of BATCH, each in its own transaction, so a long rebuild never holds the rows
    that editors are changing meanwhile. `progress(stage, done, total)` is called after each batch; the stages
    are the source types, then "elasticsearch". Raises EngineUnavailable (a ConnectionError) when the cluster
    cannot be loaded; PostgreSQL is rebuilt by then and the rows wait in the outbox.
    """
    from django.db.models import QuerySet
    from django.utils import timezone

    rebuilt = Rebuilt()
    adapters = [a for a in registry.all_adapters() if not source_types or a.source_type in source_types]
    for adapter in adapters:
        source_type = adapter.source_type
        started = timezone.now()
        objects = adapter.queryset()
        total = objects.count() if isinstance(objects, QuerySet) else len(objects)
        iterator = objects.iterator(chunk_size=BATCH) if isinstance(objects, QuerySet) else iter(objects)
        done = written = 0
        documents: list[registry.Document] = []
        for instance in iterator:
            documents.extend(adapter.documents(instance))
            done += 1
            if done % BATCH == 0:
                written += bulk_index(source_type=source_type, documents=documents)
                documents = []
                if progress:
                    progress(source_type, done, total)
        written += bulk_index(source_type=source_type, documents=documents)
        if progress:
            progress(source_type, done, total)
        # Every row written above is newer than `started`; an older one belongs to an object that is gone or
        # no longer searchable. (A row an editor's save wrote meanwhile is newer too, and stays.)
        stale = SearchDocument.objects.filter(source_type=source_type, is_deleted=False, indexed_at__lt=started)
        with transaction.atomic():
            rebuilt.removed[source_type] = _remove(stale)
        rebuilt[source_type], rebuilt.objects[source_type], rebuilt.totals[source_type] = written, done, total
    if not source_types:  # rows of types nobody registers any more (an app was removed)
        with transaction.atomic():
            _remove(SearchDocument.objects.exclude(source_type__in=[a.source_type for a in registry.all_adapters()]))
    rebuilt.words = rebuild_vocabulary()
    if settings.ELASTICSEARCH_URL and elasticsearch and not source_types:
        from search.tasks import rebuild_elasticsearch

        live = SearchDocument.objects.filter(is_deleted=False).count()
        rebuilt.elasticsearch = rebuild_elasticsearch(
            progress=(lambda n: progress("elasticsearch", n, live)) if progress else None
        )
        rebuilt.elasticsearch["total"] = live
    return rebuilt


def _remember_words(documents: Iterable[registry.Document], using: str = "default") -> None:
    """Add the documents' words to the typo fallback's vocabulary (words are never removed here; a rebuild
    of the vocabulary is `search.services.rebuild_vocabulary`)."""
    words: dict[str, str] = {}
    for document in documents:
        for word, written in vocabulary(document.title, document.body).items():
            words.setdefault(word, written)
    if not words:
        return
    table = SearchWord._meta.db_table
    with connections[using].cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (word, display) SELECT * FROM unnest(%s::text[], %s::text[]) "  # noqa: S608
            "ON CONFLICT (word) DO NOTHING",
            [list(words), list(words.values())],
        )


@transaction.atomic
def rebuild_vocabulary() -> int:
    """Recompute the typo fallback's vocabulary from the live documents; return its size."""
    changed()
    SearchWord.objects.all().delete()
    rows = SearchDocument.objects.filter(is_deleted=False).values_list("title", "body")
    batch = []
    for title, body in rows.iterator(chunk_size=BATCH):
        batch.append(registry.Document(source_id="", language="", title=title, body=body, url=""))
        if len(batch) >= BATCH:
            _remember_words(batch)
            batch = []
    _remember_words(batch)
    return SearchWord.objects.count()


def _remove(queryset) -> int:
    """Delete rows, or keep them as tombstones for the outbox when Elasticsearch must also forget them."""
    changed(queryset.db)
    if settings.ELASTICSEARCH_URL:
        from django.utils import timezone

        # indexed_at moves, so that a rebuild loading this row meanwhile knows to push the removal again.
        return queryset.filter(is_deleted=False).update(
            is_deleted=True, needs_push=True, push_attempts=0, indexed_at=timezone.now()
        )
    deleted, _ = queryset.delete()
    return deleted


def changed(using: str = "default") -> None:
    """What a search finds has changed (documents written or removed, vectors or the vocabulary replaced, a push
    to Elasticsearch done): cached results and search pages are not used once this transaction commits
    (hub.caching's "search" section; once per transaction, however many writes). Throwaway databases
    (benchmarks, the eval command) have no cached pages."""
    if using != "default":
        return
    connection = transaction.get_connection()
    if any(callback is _bump_search for _, callback, *_ in connection.run_on_commit):
        return
    transaction.on_commit(_bump_search, robust=True)


def _bump_search() -> None:
    bump("search")


def _push_after_commit() -> None:
    """With Elasticsearch configured, push the outbox once this transaction has committed (search.tasks)."""
    if settings.ELASTICSEARCH_URL:
        from search.tasks import schedule_push

        schedule_push()


def _embed_after_commit(using: str = "default") -> None:
    """Vectors for the new and changed rows are computed by a task once this transaction has committed."""
    from search.tasks import schedule_embedding

    schedule_embedding(using=using)


# --- fast bulk load into an empty index -------------------------------------------------------------------

# Indexes rebuilt once at the end of a bulk load instead of row by row (GIN index maintenance is most of the
# cost of a write): the terms index of the documents and the trigram index of the vocabulary.
_DEFERRED_INDEXES = [
    (SearchDocument, "searchdoc_vector_gin"),
    (SearchDocument, "searchdoc_title_gin"),
    (SearchDocument, "searchdoc_recent_idx"),
    (SearchWord, "searchword_trgm"),
]
_COPY_COLUMNS = [f.column for f in SearchDocument._meta.concrete_fields if f.column != "id"]


def _copy_value(value) -> str:
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, list):
        value = "{" + ",".join(str(int(v)) for v in value) + "}"
    elif hasattr(value, "isoformat"):
        value = value.isoformat()
    return str(value).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def _prepare(item: tuple[str, list[registry.Document], str]) -> tuple[str, dict[str, str]]:
    """COPY text for one batch of documents, and its vocabulary (runs in a worker process: no database)."""
    source_type, documents, indexed_at = item
    lines, words = [], {}  # type: ignore[var-annotated]  # list[str], dict[str, str]
    for document in documents:
        values = {
            "source_type": source_type,
            "source_id": document.source_id,
            "language": document.language,
            "indexed_at": indexed_at,
            **_row_values(document),
        }
        lines.append("\t".join(_copy_value(values[column]) for column in _COPY_COLUMNS))
        for word, written in vocabulary(document.title, document.body).items():
            words.setdefault(word, written)
    return "\n".join(lines) + "\n", words


def bulk_load(
    *, batches: Iterable[tuple[str, list[registry.Document]]], using: str = "default", processes: int = 1
) -> int:
    """Fill an EMPTY index fast (a benchmark corpus, a rebuild into a new database): the GIN indexes are dropped,
    terms are computed in `processes` worker processes, rows are written with COPY, and the indexes are built
    once at the end. `batches` yields (source_type, documents). Rows that already exist make COPY fail (the
    unique constraint stays): use `bulk_index` to update a live index. Returns the number of documents."""
    import io
    import multiprocessing

    from django.utils import timezone

    if SearchDocument.objects.using(using).exists():
        raise ValueError("bulk_load fills an empty index only; use bulk_index to update one")
    connection = connections[using]
    indexes = {
        name: (model, next(i for i in model._meta.indexes if i.name == name)) for model, name in _DEFERRED_INDEXES
    }
    with connection.schema_editor() as editor:
        for model, index in indexes.values():
            editor.remove_index(model, index)
    indexed_at = timezone.now().isoformat()
    work = ((source_type, documents, indexed_at) for source_type, documents in batches)
    count = 0
    if connection.in_atomic_block:
        processes = 1  # the caller's transaction holds the connection: no fork
    elif processes > 1:
        connection.close()  # workers are forked: none of them may inherit an open connection
    pool = multiprocessing.get_context("fork").Pool(processes) if processes > 1 else None
    try:
        prepared = pool.imap(_prepare, work) if pool else map(_prepare, work)
        table = SearchDocument._meta.db_table
        with connection.cursor() as cursor:
            for text, words in prepared:
                with transaction.atomic(using=using):
                    cursor.copy_expert(f"COPY {table} ({', '.join(_COPY_COLUMNS)}) FROM STDIN", io.StringIO(text))  # type: ignore[arg-type]  # no column is None
                    if words:
                        cursor.execute(
                            f"INSERT INTO {SearchWord._meta.db_table} (word, display) "  # noqa: S608
                            "SELECT * FROM unnest(%s::text[], %s::text[]) ON CONFLICT (word) DO NOTHING",
                            [list(words), list(words.values())],
                        )
                count += text.count("\n")
    finally:
        if pool:
            pool.close()
            pool.join()
    with connection.cursor() as cursor:
        cursor.execute("SET maintenance_work_mem = '256MB'")
    with connection.schema_editor() as editor:
        for model, index in indexes.values():
            editor.add_index(model, index)
    changed(using)
    return count
