"""Relevance evaluation: load a corpus into a throwaway database, run queries, score the engine and a naive
ILIKE baseline (recall@10, MRR@10, nDCG@10). Used by `manage.py search_eval`."""

from __future__ import annotations

import json
import math
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import psycopg2
from django.db import connections
from django.db.utils import load_backend
from psycopg2 import sql

from search import embeddings
from search.engines.base import Audience, SearchQuery
from search.models import SearchDocument, SearchWord
from search.registry import Document, Visibility

K = 10
ALIAS = "search_eval"


@dataclass
class Scores:
    recall: float
    mrr: float
    ndcg: float

    def line(self) -> str:
        return f"recall@{K}={self.recall:.3f} mrr@{K}={self.mrr:.3f} ndcg@{K}={self.ndcg:.3f}"


def read_jsonl(path: str | Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def score(ranked: list[list[str]], relevant: list[list[str]]) -> Scores:
    """Mean recall@K, MRR@K and binary nDCG@K over queries."""
    recalls, rrs, ndcgs = [], [], []
    for found, wanted in zip(ranked, relevant, strict=True):
        top, wanted_set = found[:K], set(wanted)
        hits = [i for i, doc in enumerate(top) if doc in wanted_set]
        recalls.append(len(hits) / len(wanted_set) if wanted_set else 1.0)
        rrs.append(1 / (hits[0] + 1) if hits else 0.0)
        dcg = sum(1 / math.log2(i + 2) for i in hits)
        ideal = sum(1 / math.log2(i + 2) for i in range(min(K, len(wanted_set))))
        ndcgs.append(dcg / ideal if ideal else 1.0)
    n = len(ranked) or 1
    return Scores(sum(recalls) / n, sum(rrs) / n, sum(ndcgs) / n)


def corpus_documents(corpus: list[dict]) -> dict[str, list[Document]]:
    by_type: dict[str, list[Document]] = {}
    for row in corpus:
        by_type.setdefault(row.get("type") or "document", []).append(
            Document(
                source_id=str(row["id"]),
                language=row.get("lang") or "ar",
                title=row.get("title") or "",
                body=row.get("body") or "",
                url=f"/eval/{row['id']}",
                visibility=Visibility.PUBLIC,
            )
        )
    return by_type


def admin_connection():
    """An autocommit connection to the server's `postgres` database, as the default database's user: for creating
    and dropping the databases of evaluations and benchmarks."""
    base = connections["default"].settings_dict
    admin = psycopg2.connect(
        dbname="postgres",
        user=base["USER"],
        password=base["PASSWORD"] or None,
        host=base["HOST"] or None,
        port=base["PORT"] or None,
    )
    admin.autocommit = True
    return admin


def create_search_tables(alias: str, *, semantic: bool) -> None:
    """The search tables (and, with `semantic`, the vectors' storage where pgvector exists) in an empty database."""
    with connections[alias].schema_editor() as editor:
        editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        editor.create_model(SearchDocument)
        editor.create_model(SearchWord)
        if semantic:
            embeddings.create_storage(editor)


@contextmanager
def throwaway_database() -> Iterator[str]:
    """A new, empty PostgreSQL database with only the search tables, dropped afterwards; yields its alias."""
    base = connections["default"].settings_dict
    name = f"{base['NAME']}_eval_{os.getpid()}"[:63]
    admin = admin_connection()
    with admin.cursor() as cursor:
        cursor.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
        cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    # A connection created here rather than declared in settings: it lives only as long as this evaluation.
    wrapper = load_backend(base["ENGINE"]).DatabaseWrapper({**base, "NAME": name}, ALIAS)
    connections[ALIAS] = wrapper
    try:
        create_search_tables(ALIAS, semantic=True)
        yield ALIAS
    finally:
        wrapper.close()
        del connections[ALIAS]
        with admin.cursor() as cursor:
            cursor.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        admin.close()


def ilike_baseline(using: str, text: str) -> list[str]:
    """The naive search: every word of the query, as typed, somewhere in the title or body (ILIKE)."""
    from django.db.models import Q

    words = text.split()
    queryset = SearchDocument.objects.using(using).filter(is_deleted=False)
    for word in words[:10]:
        queryset = queryset.filter(Q(title__icontains=word) | Q(body__icontains=word))
    return list(queryset.order_by("id").values_list("source_id", flat=True)[:K])


def evaluate(
    *, corpus_path: str, queries_path: str, engine_name: str = "postgres", out: Callable[[str], None] = print
) -> Scores:
    """Run the evaluation and print per-query misses, the baseline and the engine; return the engine's scores."""
    from search import services

    corpus = read_jsonl(corpus_path)
    queries = read_jsonl(queries_path)
    audience = Audience(visibilities=frozenset({Visibility.PUBLIC}))
    with throwaway_database() as using:
        for source_type, documents in corpus_documents(corpus).items():
            services.bulk_index(source_type=source_type, documents=documents, using=using)
        out(f"corpus: {len(corpus)} documents, {len(queries)} queries")
        report = embeddings.embed_pending(using=using)
        if report.skipped:
            out(f"semantic: off ({report.skipped})")
        else:
            out(f"semantic: {report.embedded} documents embedded in {report.seconds:.1f} s ({report.rate:.0f}/s)")
        relevant = [q["relevant"] for q in queries]
        baseline = score([ilike_baseline(using, q["query"]) for q in queries], relevant)
        out(f"ilike baseline: {baseline.line()}")
        runs = [(_engine(engine_name, using, corpus, semantic=False), "lexical")]
        if not report.skipped and engine_name == "postgres":
            runs.append((_engine(engine_name, using, corpus), "hybrid"))
        for engine, label in runs:  # the last run (hybrid when available) is the engine as the site uses it
            ranked = []
            for q in queries:
                results = engine.search(SearchQuery(text=q["query"], audience=audience, per_page=K))
                found = [hit.source_id for hit in results.hits]
                ranked.append(found)
                missing = [doc for doc in q["relevant"] if doc not in found]
                if missing:
                    out(f"  miss ({label}): {q['query']!r} ({q.get('case', '')}): {', '.join(missing)} not in top {K}")
            scores = score(ranked, relevant)
            out(f"{engine.name} {label}: {scores.line()}")
        out(scores.line())
    return scores


def _engine(name: str, using: str, corpus: list[dict], *, semantic: bool = True):
    if name == "postgres":
        from search.engines.postgres import PostgresEngine

        return PostgresEngine(using=using, semantic=semantic)
    # The Elasticsearch engine evaluates against its own throwaway index, built from the same documents.
    from search.engines.elasticsearch import ElasticsearchEngine

    return ElasticsearchEngine.for_eval(corpus_documents(corpus))
