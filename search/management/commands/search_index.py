"""`search_index rebuild|sync|embed|status`: rebuild the search documents, push the outbox, compute the semantic
vectors, or show where things stand."""

from __future__ import annotations

import time

from django.conf import settings
from django.core.cache import cache
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Count

from search import embeddings, services, tasks
from search.models import SearchDocument


class Progress:
    """A one-line progress bar on a terminal; elsewhere (logs, CI) only the final count."""

    WIDTH = 30

    def __init__(self, stream, label: str, total: int):
        self.stream, self.label, self.total = stream, label, total
        self.tty = stream.isatty()
        self._last = 0.0

    def update(self, done: int) -> None:
        now = time.monotonic()
        if not self.tty or (now - self._last < 0.1 and done < self.total):
            return
        self._last = now
        filled = self.WIDTH * done // self.total if self.total else self.WIDTH
        bar = "#" * filled + "." * (self.WIDTH - filled)
        self.stream.write(f"\r{self.label} [{bar}] {done}/{self.total}", ending="")
        self.stream.flush()

    def finish(self, done: int, extra: str = "") -> None:
        if self.tty:
            self.update(done)
            self.stream.write("")
        self.stream.write(f"{self.label}: {done}/{self.total}{extra}")


class Command(BaseCommand):
    help = (
        "rebuild: index every registered source again (and, with ELASTICSEARCH_URL, load a new index and swap the "
        "alias); sync: push the documents waiting for Elasticsearch now; embed: compute the semantic vectors of "
        "the documents that have none or a stale one (--all: of every document); status: counts and pending work."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild", "sync", "embed", "status"])
        parser.add_argument("--all", action="store_true", help="embed: recompute every vector, not only missing ones")
        parser.add_argument(
            "--postgres-only", action="store_true", help="rebuild: only the PostgreSQL rows, not the cluster"
        )

    def handle(self, *args, action: str, postgres_only: bool = False, **options):
        getattr(self, f"handle_{action}")(postgres_only=postgres_only, everything=options.get("all", False))

    # rebuild
    def handle_rebuild(self, *, postgres_only: bool, **options) -> None:
        """The same service as the demo loader (search.services.rebuild); this only draws its progress."""
        from search.engines.elasticsearch.client import EngineUnavailable

        bars: dict[str, Progress] = {}

        def progress(stage: str, done: int, total: int) -> None:
            if stage not in bars:
                if bars and self.stdout.isatty():
                    self.stdout.write("")  # the previous stage's bar keeps its line
                bars[stage] = Progress(self.stdout, "Elasticsearch" if stage == "elasticsearch" else stage, total)
            bars[stage].update(done)

        try:
            rebuilt = services.rebuild(progress=progress, elasticsearch=not postgres_only)
        except EngineUnavailable as error:
            raise CommandError(str(error)) from error
        if bars and self.stdout.isatty():
            self.stdout.write("")
        for source_type, documents in rebuilt.items():
            self.stdout.write(
                f"{source_type}: {rebuilt.objects[source_type]}/{rebuilt.totals[source_type]} objects, "
                f"{documents} documents, {rebuilt.removed[source_type]} stale removed"
            )
        self.stdout.write(f"Typo vocabulary: {rebuilt.words} words")
        outcome = rebuilt.elasticsearch
        if outcome is None:
            return
        self.stdout.write(
            f"Elasticsearch: {outcome['loaded']}/{outcome['total']} loaded into {outcome['index']}, "
            f"failed {outcome['failed']}"
        )
        replaced = ", ".join(outcome["replaced"]) or "nothing"
        caught_up = outcome["caught_up"]
        self.stdout.write(
            f"Alias {outcome['alias']} -> {outcome['index']} (replaced {replaced}); "
            f"pushed since: {caught_up['indexed']} indexed, {caught_up['deleted']} deleted"
        )

    # sync
    def handle_sync(self, **options) -> None:
        if not settings.ELASTICSEARCH_URL:
            raise CommandError("ELASTICSEARCH_URL is not set: PostgreSQL search needs no push.")
        waiting = SearchDocument.objects.filter(needs_push=True).count()
        bar = Progress(self.stdout, "Pushed", waiting)
        report = tasks.push_outbox(include_parked=True, ignore_backoff=True, progress=bar.update)
        done = report.indexed + report.deleted + report.failed
        bar.finish(done, f" ({report.indexed} indexed, {report.deleted} deleted, {report.failed} failed)")
        if report.skipped:
            raise CommandError(f"Not pushed: {report.skipped}")
        if report.error:
            raise CommandError(f"Stopped: {report.error}")

    # embed
    def handle_embed(self, *, everything: bool = False, **options) -> None:
        """Idempotent and resumable: each batch is committed, and only missing or stale vectors are computed."""
        if not embeddings.available():
            raise CommandError(f"Semantic search is off: {semantic_state()}. Search stays lexical-only.")
        if everything:
            embeddings.forget_all()
        waiting = embeddings.pending_count()
        if not waiting:
            self.stdout.write("Every document has a current vector: nothing to embed.")
            return
        started = time.monotonic()
        embeddings.model()
        self.stdout.write(f"Encoder loaded in {time.monotonic() - started:.1f} s; {waiting} documents to embed")
        bar = Progress(self.stdout, "Embedded", waiting)
        report = embeddings.embed_pending(progress=bar.update)
        bar.finish(report.embedded, f" in {report.seconds:.1f} s ({report.rate:.1f} documents/s)")

    # status
    def handle_status(self, **options) -> None:
        live = SearchDocument.objects.filter(is_deleted=False)
        rows = live.values("source_type", "language").annotate(n=Count("id")).order_by("source_type", "language")
        self.stdout.write(f"Documents in PostgreSQL: {live.count()}")
        for row in rows:
            self.stdout.write(f"  {row['source_type']:<16} {row['language']:<4} {row['n']}")
        waiting = SearchDocument.objects.filter(needs_push=True)
        failing = waiting.filter(push_attempts__gt=0)
        parked = waiting.filter(push_attempts__gte=tasks.MAX_AUTOMATIC_ATTEMPTS).count()
        self.stdout.write(
            f"Waiting for Elasticsearch: {waiting.count()} (removals: {waiting.filter(is_deleted=True).count()})"
        )
        self.stdout.write(f"Failed pushes: {failing.count()} rows ({parked} wait for `sync` after repeated failures)")
        last = failing.order_by("-push_attempts", "id").first()
        if last:
            self.stdout.write(f"  {last} after {last.push_attempts} attempts: {last.last_push_error[:300]}")
        if embeddings.available():
            state = embeddings.counts()
            self.stdout.write(
                f"Semantic search: on ({state['vectors']} vectors, {state['pending']} documents waiting for one)"
            )
        else:
            self.stdout.write(f"Semantic search: off ({semantic_state()}); search is lexical-only.")
        if rebuilding_since := cache.get(tasks.REBUILDING_KEY):
            self.stdout.write(
                f"A rebuild is running since {rebuilding_since:%Y-%m-%d %H:%M:%S %Z}; pushes wait for it."
            )
        if not settings.ELASTICSEARCH_URL:
            self.stdout.write("Elasticsearch: not configured (ELASTICSEARCH_URL is empty); search uses PostgreSQL.")
            return
        from search.engines.elasticsearch import ElasticsearchEngine, EngineUnavailable

        engine = ElasticsearchEngine()
        try:
            indices = engine.alias_indices()
            if not indices:
                self.stdout.write(f"Elasticsearch: no index behind alias {engine.alias}; run `search_index rebuild`.")
                return
            names = ", ".join(indices)
            self.stdout.write(f"Elasticsearch: alias {engine.alias} -> {names}; {engine.count()} documents")
        except EngineUnavailable as error:
            self.stdout.write(f"Elasticsearch: unavailable ({error})")


def semantic_state() -> str:
    """Why semantic search is on or off, in words (also used by /healthz through search.selectors)."""
    from search import selectors

    return selectors.semantic_status()["detail"]
