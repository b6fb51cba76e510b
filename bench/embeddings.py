"""Semantic search benchmark: encoder load time, embedding rate (documents/s), the cost of embedding one query, and
search latency lexical-only vs hybrid on N embedded documents, in a throwaway database.

    python bench/embeddings.py [--documents 5000] [--corpus ../shared/search-eval/corpus.jsonl] [--rounds 3]

Numbers are printed, never asserted. Record them in docs/performance.md with the load average.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings.dev")

import django  # noqa: E402

django.setup()

from search import embeddings, services  # noqa: E402
from search.engines.base import Audience, SearchQuery  # noqa: E402
from search.engines.postgres import PostgresEngine  # noqa: E402
from search.evaluation import read_jsonl, throwaway_database  # noqa: E402
from search.registry import Document, Visibility  # noqa: E402

PUBLIC = Audience(visibilities=frozenset({Visibility.PUBLIC}))
QUERIES = [
    "الدفع الإلكتروني",
    "e-payment",
    "parking fines Irbid",
    "مخالفات الوقوف اربد",
    "market stall licence",
    "ترخيص البسطات",
    "citizen service centre queue",
    "حماية البيانات الشخصية",
    "street light fault report",
    "سجل الدفن",
]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def documents(corpus: list[dict], count: int) -> list[Document]:
    """`count` documents cycling through the corpus; each copy numbered, so no two texts are equal."""
    out = []
    for n in range(count):
        row = corpus[n % len(corpus)]
        copy = n // len(corpus)
        out.append(
            Document(
                source_id=f"{row['id']}-{copy}",
                language=row["lang"],
                title=f"{row['title']} {copy}" if copy else row["title"],
                body=row["body"],
                url=f"/bench/{n}",
            )
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=5000)
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "search-eval" / "corpus.jsonl"))
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")

    started = time.perf_counter()
    embeddings.model()
    print(f"encoder load: {time.perf_counter() - started:.2f} s")

    single = []
    for _ in range(args.rounds):
        for text in QUERIES:
            started = time.perf_counter()
            embeddings.encode([text])
            single.append((time.perf_counter() - started) * 1000)
    print(f"one query embedded: p50 {statistics.median(single):.1f} ms, p95 {percentile(single, 0.95):.1f} ms")

    corpus = read_jsonl(args.corpus)
    with throwaway_database() as using:
        started = time.perf_counter()
        services.bulk_index(source_type="story", documents=documents(corpus, args.documents), using=using)
        print(f"{args.documents} documents indexed lexically in {time.perf_counter() - started:.1f} s")
        report = embeddings.embed_pending(using=using)
        if report.skipped:
            print(f"semantic search unavailable: {report.skipped}")
            return
        print(
            f"embedded {report.embedded} documents in {report.seconds:.1f} s: {report.rate:.1f} documents/s "
            f"(batches of {embeddings.BATCH}, title + {embeddings.BODY_CHARS} characters of body)"
        )
        print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        for label, engine in (
            ("lexical", PostgresEngine(using=using, semantic=False)),
            ("hybrid", PostgresEngine(using=using)),
        ):
            engine.search(SearchQuery(text=QUERIES[0], audience=PUBLIC))  # warm caches
            times = []
            for _ in range(args.rounds):
                for text in QUERIES:
                    started = time.perf_counter()
                    engine.search(SearchQuery(text=text, audience=PUBLIC))
                    times.append((time.perf_counter() - started) * 1000)
            print(
                f"{label:8} search at {args.documents} documents: p50 {statistics.median(times):.1f} ms, "
                f"p95 {percentile(times, 0.95):.1f} ms ({len(times)} searches)"
            )
        # Where the hybrid time goes: the nearest-neighbour statement alone (vector already computed).
        from search.engines import hybrid

        vectors = {text: embeddings.encode([text])[0] for text in QUERIES}
        times = []
        for _ in range(args.rounds):
            for text in QUERIES:
                started = time.perf_counter()
                hybrid.semantic_candidates(using=using, vector=vectors[text], audience=PUBLIC, filters={})
                times.append((time.perf_counter() - started) * 1000)
        print(
            f"nearest-neighbour statement: p50 {statistics.median(times):.1f} ms, p95 {percentile(times, 0.95):.1f} ms"
        )
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
