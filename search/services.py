"""Writes to the search index. Call these inside the transaction that changes the source object."""

from __future__ import annotations

from dataclasses import asdict

from django.conf import settings
from django.db import transaction

from search import registry
from search.models import SearchDocument


@transaction.atomic
def index_instance(*, source_type: str, instance) -> int:
    """Replace the documents of `instance` with what its adapter says now; return how many remain."""
    adapter = registry.get(source_type)
    source_id = str(instance.pk)
    documents = adapter.documents(instance)
    keep_languages = []
    for document in documents:
        values = asdict(document)
        values.pop("source_id")
        language = values.pop("language")
        values.update(needs_push=True, is_deleted=False, push_attempts=0, last_push_error="")
        SearchDocument.objects.update_or_create(
            source_type=source_type, source_id=document.source_id, language=language, defaults=values
        )
        keep_languages.append(language)
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
