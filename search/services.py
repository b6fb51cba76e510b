"""Writes to the search index. Call these inside the transaction that changes the source object."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import asdict

from django.conf import settings
from django.db import connections, transaction

from search import registry
from search.engines.postgres import document_vector, vocabulary
from search.models import SearchDocument, SearchWord

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
    )
    return values


@transaction.atomic
def index_instance(*, source_type: str, instance) -> int:
    """Replace the documents of `instance` with what its adapter says now; return how many remain."""
    adapter = registry.get(source_type)
    source_id = str(instance.pk)
    documents = adapter.documents(instance)
    keep_languages = []
    for document in documents:
        SearchDocument.objects.update_or_create(
            source_type=source_type,
            source_id=document.source_id,
            language=document.language,
            defaults=_row_values(document),
        )
        keep_languages.append(document.language)
    _remember_words(documents)
    stale = SearchDocument.objects.filter(source_type=source_type, source_id=source_id)
    _remove(stale.exclude(language__in=keep_languages))
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
    with transaction.atomic(using=using):
        SearchDocument.objects.using(using).bulk_create(
            rows,
            update_conflicts=True,
            unique_fields=["source_type", "source_id", "language"],
            update_fields=sorted(set(update_fields)),
        )
        _remember_words(documents, using=using)
    return len(rows)


@transaction.atomic
def rebuild(*, source_types: list[str] | None = None, progress: Callable[[str, int], None] | None = None) -> dict:
    """Rewrite every row from the registered adapters' queryset(); rows no adapter produces any more are removed.

    Returns {source_type: number of documents}. `progress(source_type, n)` is called after each object.
    """
    counts: dict[str, int] = {}
    for adapter in registry.all_adapters():
        if source_types and adapter.source_type not in source_types:
            continue
        keep: set[tuple[str, str]] = set()
        documents: list[registry.Document] = []
        for done, instance in enumerate(adapter.queryset(), start=1):
            for document in adapter.documents(instance):
                keep.add((document.source_id, document.language))
                documents.append(document)
            if len(documents) >= BATCH:
                bulk_index(source_type=adapter.source_type, documents=documents)
                documents = []
            if progress:
                progress(adapter.source_type, done)
        bulk_index(source_type=adapter.source_type, documents=documents)
        existing = SearchDocument.objects.filter(source_type=adapter.source_type, is_deleted=False)
        gone = [pk for pk, sid, lang in existing.values_list("pk", "source_id", "language") if (sid, lang) not in keep]
        _remove(SearchDocument.objects.filter(pk__in=gone))
        counts[adapter.source_type] = len(keep)
    return counts


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
    if settings.ELASTICSEARCH_URL:
        from django.utils import timezone

        # indexed_at moves, so that a rebuild loading this row meanwhile knows to push the removal again.
        return queryset.filter(is_deleted=False).update(
            is_deleted=True, needs_push=True, push_attempts=0, indexed_at=timezone.now()
        )
    deleted, _ = queryset.delete()
    return deleted


def _push_after_commit() -> None:
    """With Elasticsearch configured, push the outbox once this transaction has committed (search.tasks)."""
    if settings.ELASTICSEARCH_URL:
        from search.tasks import schedule_push

        schedule_push()
