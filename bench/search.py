"""Search benchmark: a deterministic bilingual corpus, indexing rate, p50/p95 latency of a fixed query mix
on the PostgreSQL engine and on the naive ILIKE baseline, and how often the engine's top 10 equals the same
ranking computed over every match (overlap@10), in a throwaway database.

    python bench/search.py --sizes 10000,100000 [--rounds 3] [--baseline-rounds 1] [--keep]
    python bench/search.py --scale-check 1000,20000,100000

`--keep` loads each size once into `<database>_bench_<size>` and reuses it on the next run (drop it by hand).
The scale check: for 10 broad queries, two documents carry the query in title and body and are written last;
every other document mentions one of the queries once in its body; it prints recall@10 of those two.

Numbers are printed, never asserted. Record them in docs/performance.md.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings.dev")

import django  # noqa: E402

django.setup()

from django.db import connections  # noqa: E402

from search import services  # noqa: E402
from search.engines import ranking  # noqa: E402
from search.engines.base import Audience, SearchQuery  # noqa: E402
from search.engines.postgres import FEW, PostgresEngine, build_phrase_tsquery, build_tsquery, parse_query  # noqa: E402
from search.evaluation import ilike_baseline, throwaway_database  # noqa: E402
from search.registry import Document, Visibility  # noqa: E402

AR_WORDS = [
    "بلدية",
    "البلدية",
    "بلديات",
    "البلديات",
    "الإلكترونية",
    "الالكترونية",
    "إلكتروني",
    "خدمة",
    "الخدمات",
    "خدمات",
    "مشروع",
    "المشاريع",
    "مشاريع",
    "نظام",
    "أنظمة",
    "الأنظمة",
    "تطبيق",
    "تطبيقات",
    "الهاتف",
    "المواطنين",
    "المواطن",
    "مواطن",
    "رخصة",
    "رخص",
    "الرخص",
    "ترخيص",
    "البناء",
    "بناء",
    "الدفع",
    "دفع",
    "رسوم",
    "الرسوم",
    "فاتورة",
    "فواتير",
    "المياه",
    "الكهرباء",
    "النفايات",
    "شكوى",
    "شكاوى",
    "الشكاوى",
    "موازنة",
    "الموازنة",
    "المفتوحة",
    "مفتوحة",
    "بيانات",
    "البيانات",
    "الشخصية",
    "حماية",
    "الأمن",
    "السيبراني",
    "شبكة",
    "الشبكة",
    "الخادم",
    "الخوادم",
    "البريد",
    "السحابة",
    "الأرشيف",
    "وثائق",
    "الوثائق",
    "الإدارة",
    "إدارة",
    "الموظفين",
    "تدريب",
    "التدريب",
    "ورشة",
    "ورشات",
    "مناقصة",
    "المناقصات",
    "المشتريات",
    "الحكومية",
    "نابلس",
    "الخليل",
    "رام",
    "الله",
    "جنين",
    "طولكرم",
    "قلقيلية",
    "بيت",
    "لحم",
    "أريحا",
    "سلفيت",
    "طوباس",
    "غزة",
    "رفح",
    "خانيونس",
    "دورا",
    "يطا",
    "حلحول",
    "بيت",
    "جالا",
    "البيرة",
    "مدينة",
    "قرية",
    "مجلس",
    "المجلس",
    "المحلي",
    "بوابة",
    "البوابة",
    "الموقع",
    "موقع",
    "معلومات",
    "جغرافية",
    "الخرائط",
    "خريطة",
    "المواقف",
    "الذكية",
    "حساسات",
    "الطاقة",
    "الشمسية",
    "ألواح",
    "توفير",
    "تكلفة",
    "التكلفة",
    "جودة",
    "تحسين",
    "تطوير",
    "التحول",
    "الرقمي",
    "رقمية",
    "المراكز",
    "المجتمعية",
    "النساء",
    "الشباب",
    "المدارس",
    "الصحة",
    "الطرق",
    "الإنارة",
    "الحدائق",
    "السياحة",
    "السياحية",
    "المعالم",
    "الفعاليات",
    "المؤتمر",
    "الجائزة",
    "أفضل",
    "ممارسة",
    "ممارسات",
    "الفضلى",
    "قصة",
    "نجاح",
    "قصص",
    "توأمة",
    "تعاون",
]
AR_GLUE = ["في", "من", "على", "إلى", "عن", "مع", "و", "ثم", "هذا", "هذه", "التي", "الذي", "كما", "بعد", "قبل", "خلال"]
EN_WORDS = [
    "municipality",
    "municipal",
    "municipalities",
    "service",
    "services",
    "electronic",
    "online",
    "portal",
    "payment",
    "payments",
    "citizen",
    "citizens",
    "permit",
    "permits",
    "building",
    "license",
    "licenses",
    "water",
    "electricity",
    "waste",
    "complaint",
    "complaints",
    "budget",
    "open",
    "data",
    "personal",
    "protection",
    "security",
    "network",
    "server",
    "servers",
    "email",
    "cloud",
    "archive",
    "documents",
    "management",
    "staff",
    "training",
    "workshop",
    "tender",
    "tenders",
    "procurement",
    "government",
    "gis",
    "map",
    "maps",
    "parking",
    "smart",
    "sensors",
    "solar",
    "panels",
    "energy",
    "cost",
    "quality",
    "improvement",
    "development",
    "digital",
    "transformation",
    "community",
    "women",
    "youth",
    "schools",
    "health",
    "roads",
    "lighting",
    "parks",
    "tourism",
    "events",
    "conference",
    "award",
    "best",
    "practice",
    "practices",
    "success",
    "story",
    "stories",
    "twinning",
    "cooperation",
    "certificate",
    "renewal",
    "vendor",
    "contract",
    "billing",
    "system",
    "app",
    "mobile",
    "application",
    "users",
    "records",
    "registry",
]
EN_GLUE = ["the", "of", "and", "to", "in", "for", "on", "with", "a", "by", "from", "at"]

QUERY_MIX = [
    "البلدية",
    "الخدمات الإلكترونية",
    "الالكترونيه",
    "رخصة البناء",
    "المشاريع",
    "فواتير المياه",
    "الموازنه المفتوحه",
    "حماية البيانات الشخصية",
    "شكاوي المواطنين",
    "نظام GIS في نابلس",
    "الطاقة الشمسية دورا",
    "تطبيق الهاتف رام الله",
    "المناقصات الإلكترونيـة",
    "ورشة تدريب الموظفين",
    "السياحه أريحا",
    "الموازتة",  # typo: trigram fallback
    "open data",
    "solar panels",
    "certificate renewal",
    "email cloud server",
    "building permits online",
    "smart parking sensors",
    "municiplity",  # typo
    "digital transformation award",
]
FILTERED = {"governorate": ["nablus"]}


def zipf_choices(rng: random.Random, words: list[str], k: int) -> list[str]:
    weights = [1 / (rank + 1) ** 0.8 for rank in range(len(words))]
    return rng.choices(words, weights=weights, k=k)


def corpus(size: int, seed: int = 2012):
    rng = random.Random(seed)
    ar_words, en_words = AR_WORDS[:], EN_WORDS[:]
    rng.shuffle(ar_words)
    rng.shuffle(en_words)
    governorates = ["nablus", "hebron", "ramallah", "jenin", "bethlehem", "jericho", "tulkarm", "qalqilya"]
    types = ["story", "practice", "project", "forum", "event"]
    for i in range(size):
        arabic = rng.random() < 0.7
        words, glue = (ar_words, AR_GLUE) if arabic else (en_words, EN_GLUE)

        def text(n, words=words, glue=glue):
            out = []
            for word in zipf_choices(rng, words, n):
                out.append(word)
                if rng.random() < 0.3:
                    out.append(rng.choice(glue))
            return " ".join(out)

        governorate = rng.choice(governorates)
        yield (
            types[i % len(types)],
            Document(
                source_id=str(i),
                language="ar" if arabic else "en",
                title=text(rng.randint(4, 9)),
                body=text(rng.randint(40, 160)),
                url=f"/bench/{i}/",
                governorate=governorate,
                governorate_name=governorate.title(),
                municipality=f"{governorate}-{i % 7}",
                municipality_name=f"{governorate.title()} {i % 7}",
                category=rng.choice(["payments", "gis", "open-data", "training", "infrastructure"]),
                visibility=Visibility.PUBLIC if rng.random() < 0.9 else Visibility.MEMBERS,
            ),
        )


def percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def batches(size: int):
    """(source_type, documents) batches of the corpus, about 2,000 documents at a time."""
    batch: dict[str, list[Document]] = {}
    for source_type, document in corpus(size):
        batch.setdefault(source_type, []).append(document)
        if sum(len(b) for b in batch.values()) >= 2000:
            yield from batch.items()
            batch = {}
    yield from batch.items()


@contextlib.contextmanager
def kept_database(name: str):
    """Like throwaway_database, but the database `name` is created only if missing and never dropped; yields
    (alias, number of documents already in it)."""
    from django.db.utils import load_backend
    from psycopg2 import sql

    from search.evaluation import admin_connection, create_search_tables
    from search.models import SearchDocument

    base = connections["default"].settings_dict
    admin = admin_connection()
    with admin.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        exists = cursor.fetchone() is not None
        if not exists:
            cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    admin.close()
    alias = "search_bench"
    connections[alias] = load_backend(base["ENGINE"]).DatabaseWrapper({**base, "NAME": name}, alias)
    try:
        if not exists:
            create_search_tables(alias, semantic=False)
        yield alias, SearchDocument.objects.using(alias).count()
    finally:
        connections[alias].close()
        del connections[alias]


@contextlib.contextmanager
def loaded_database(size: int, *, keep: bool, bulk: bool, documents=None, label: str = "bench"):
    """A database holding the corpus of `size` documents; yields (alias, indexing seconds or None if reused)."""
    name = f"{connections['default'].settings_dict['NAME']}_{label}_{size}"
    with kept_database(name) if keep else _fresh() as (using, existing):
        indexing = None
        if existing not in (0, size):
            raise SystemExit(f"{name} holds {existing} documents, not {size}: drop it first")
        if not existing:
            started = time.perf_counter()
            load = documents or batches(size)
            if bulk:  # empty index: COPY, terms computed on every CPU, GIN indexes built once at the end
                services.bulk_load(batches=load, using=using, processes=os.cpu_count() or 1)
            else:  # the row-by-row path every live write takes (upsert, GIN index maintained per row)
                for st, docs in load:
                    services.bulk_index(source_type=st, documents=docs, using=using)
            indexing = time.perf_counter() - started
            with connections[using].cursor() as cursor:
                cursor.execute("VACUUM ANALYZE hub_search_searchdocument")
                cursor.execute("VACUUM ANALYZE hub_search_searchword")
        yield using, indexing


@contextlib.contextmanager
def _fresh():
    with throwaway_database() as using:
        yield using, 0


def reference_top(using: str, words: tuple[str, ...], query: SearchQuery, k: int = 10) -> tuple[list[int], list[int]]:
    """The engine's ranking computed over EVERY match (no index shortcut, every match's terms read), and the pure
    relevance order (tier, phrase, ts_rank over all matches, language, newest); both untimed. Returns the ids
    of the first k of each."""
    table = "hub_search_searchdocument"
    every, some = build_tsquery(words, match_all=True), build_tsquery(words, match_all=False)
    filters = query.filters or {}

    def rows(match):
        with connections[using].cursor() as cursor:
            cursor.execute(
                f"""
                SELECT d.id, CASE WHEN d.title_vector @@ %(every)s::tsquery THEN 2
                                  WHEN d.search_vector @@ %(every)s::tsquery THEN 1 ELSE 0 END AS tier,
                       d.language, d.published_at
                FROM {table} d
                WHERE d.search_vector @@ %(match)s::tsquery AND NOT d.is_deleted
                  AND d.visibility = ANY(%(visibilities)s::text[])
                  AND (cardinality(%(governorate)s::text[]) = 0 OR d.governorate = ANY(%(governorate)s::text[]))
                """,
                {
                    "every": every,
                    "match": match,
                    "visibilities": sorted(query.audience.visibilities),
                    "governorate": filters.get("governorate", []),
                },
            )
            found = cursor.fetchall()
        return found

    found = rows(every)
    if len(found) < FEW and len(words) > 1:
        relaxed = rows(some)
        found = relaxed if len(relaxed) > len(found) else found
    if not found:
        return [], []
    # Every match's rank and phrase flag (the expensive part the engine avoids), then its rank in date order
    # within its tier.
    phrase = build_phrase_tsquery(words) if len(words) > 1 else ""
    with connections[using].cursor() as cursor:
        cursor.execute(
            """
            SELECT v.id,
                   ts_rank(%(weights)s::float4[], d.search_vector,
                           CASE WHEN v.tier = 0 THEN %(some)s::tsquery ELSE %(every)s::tsquery END, 1),
                   %(has_phrase)s AND CASE WHEN v.tier = 2 THEN d.title_vector ELSE d.search_vector END
                                      @@ (CASE WHEN %(has_phrase)s THEN %(phrase)s ELSE 'x' END)::tsquery
            FROM unnest(%(ids)s::int[], %(tiers)s::int[]) AS v(id, tier)
            JOIN hub_search_searchdocument d ON d.id = v.id
            """,
            {
                "weights": ranking.RANK_WEIGHTS,
                "some": some,
                "every": every,
                "has_phrase": len(words) > 1,
                "phrase": phrase,
                "ids": [r[0] for r in found],
                "tiers": [r[1] for r in found],
            },
        )
        scored = {pk: (rank, bool(flag)) for pk, rank, flag in cursor.fetchall()}
    newest_first = sorted(found, key=lambda r: (r[3] is None, -(r[3].timestamp() if r[3] else 0), -r[0]))
    position: dict[int, int] = {}
    counters: dict[int, int] = {}
    for pk, tier, *_ in newest_first:
        counters[tier] = counters.get(tier, 0) + 1
        position[pk] = counters[tier]
    language = query.language or ""
    full = [(pk, tier, lang, position[pk], *scored[pk]) for pk, tier, lang, *_ in found]
    same_rule = ranking.reference_order(full, language=language)[:k]
    relevance = sorted(full, key=lambda r: (-r[1], not r[5], -r[4], r[2] != language, r[3]))
    return same_rule, [r[0] for r in relevance[:k]]


def overlap(engine: PostgresEngine, using: str, queries: list[SearchQuery]) -> dict:
    """overlap@10 of the engine's first page with the exhaustive orders, per query."""
    from search.models import SearchDocument

    equal = equal_relevance = 0
    shares, relevance_shares, misses = [], [], []
    for query in queries:
        results = engine.search(SearchQuery(**{**query.__dict__, "per_page": 10, "page": 1}))
        words = parse_query(results.corrected_query or query.text).words
        keys = {
            (st, sid, lang): pk
            for pk, st, sid, lang in SearchDocument.objects.using(using)
            .filter(source_id__in=[h.source_id for h in results.hits])
            .values_list("pk", "source_type", "source_id", "language")
        }
        mine = [keys[(h.source_type, h.source_id, h.language)] for h in results.hits]
        same_rule, relevance = reference_top(using, words, query)
        equal += mine == same_rule
        equal_relevance += mine == relevance
        shares.append(len(set(mine) & set(same_rule)) / max(1, len(same_rule)))
        relevance_shares.append(len(set(mine) & set(relevance)) / max(1, len(relevance)))
        if mine != same_rule:
            misses.append(f"{query.text!r} filters={query.filters or {}}")
    return {
        "equal": equal,
        "equal_relevance": equal_relevance,
        "n": len(queries),
        "share": statistics.mean(shares),
        "share_relevance": statistics.mean(relevance_shares),
        "misses": misses,
    }


def run(
    size: int,
    rounds: int,
    baseline_rounds: int,
    engine_options: dict,
    bulk: bool = False,
    keep: bool = False,
    with_overlap: bool = True,
) -> dict:
    with loaded_database(size, keep=keep, bulk=bulk) as (using, indexing):
        with connections[using].cursor() as cursor:
            cursor.execute("SELECT pg_size_pretty(pg_total_relation_size('hub_search_searchdocument'))")
            table_size = cursor.fetchone()[0]

        engine = PostgresEngine(using=using, semantic=False, **engine_options)  # lexical: --hybrid measures the fusion
        audience = Audience(visibilities=frozenset({Visibility.PUBLIC}))
        queries = [SearchQuery(text=q, audience=audience) for q in QUERY_MIX]
        queries += [SearchQuery(text=q, audience=audience, filters=FILTERED) for q in QUERY_MIX[:6]]
        queries += [SearchQuery(text=q, audience=audience, page=3) for q in QUERY_MIX[:4]]
        for query in queries:  # warm the cache once
            engine.search(query)
        latencies, totals, per_query = [], [], {}
        for _ in range(rounds):
            for query in queries:
                t = time.perf_counter()
                results = engine.search(query)
                elapsed = (time.perf_counter() - t) * 1000
                latencies.append(elapsed)
                totals.append(results.total)
                key = f"{query.text!r} filters={query.filters or {}} page={query.page} total={results.total}"
                per_query.setdefault(key, []).append(elapsed)
        load = os.getloadavg()[0]
        baseline = []
        for _ in range(baseline_rounds):
            for text in QUERY_MIX:
                t = time.perf_counter()
                ilike_baseline(using, text)
                baseline.append((time.perf_counter() - t) * 1000)
        compared = overlap(engine, using, [q for q in queries if q.page == 1]) if with_overlap else None
    return {
        "size": size,
        "rate": size / indexing if indexing else float("nan"),
        "indexing_s": indexing,
        "overlap": compared,
        "load": load,
        "table": table_size,
        "p50": statistics.median(latencies),
        "p95": percentile(latencies, 0.95),
        "max": max(latencies),
        "queries": len(latencies),
        "median_total": statistics.median(totals),
        "slowest": sorted(((statistics.median(v), k) for k, v in per_query.items()), reverse=True)[:5],
        "ilike_p50": statistics.median(baseline) if baseline else float("nan"),
        "ilike_p95": percentile(baseline, 0.95) if baseline else float("nan"),
    }


def fill_vectors(using: str, *, real: int) -> dict:
    """Vectors for every document of a kept benchmark database, once: the first `real` documents (by id) embedded
    for real, the others given deterministic synthetic unit vectors (normal draws, normalised; `text_hash` 32
    zeros, so `search_index embed` would replace them), then the HNSW index built once. Encoding 100,000
    documents at tens per second would take hours on this machine; the synthetic vectors measure what a search
    costs at that size (the HNSW walk over 100,000 vectors, the filters, the fusion), not relevance."""
    from search import embeddings

    connection = connections[using]
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass(%s) IS NOT NULL", [embeddings.TABLE])
        if not cursor.fetchone()[0]:
            with connection.schema_editor() as editor:
                embeddings.create_storage(editor)
        cursor.execute(f"SELECT count(*) FROM {embeddings.TABLE}")  # noqa: S608
        existing = cursor.fetchone()[0]
        cursor.execute("SELECT count(*) FROM hub_search_searchdocument")
        documents = cursor.fetchone()[0]
    connection._hub_search_embedding_table = True
    report = {"real": real, "synthetic": documents - real, "reused": existing == documents}
    if existing == documents:
        return report
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {embeddings.TABLE}")  # noqa: S608
        cursor.execute("DROP INDEX IF EXISTS search_embedding_hnsw")
        cursor.execute("SELECT id, title, body FROM hub_search_searchdocument ORDER BY id LIMIT %s", [real])
        sample = cursor.fetchall()
    embeddings.model()
    started = time.perf_counter()
    for start in range(0, len(sample), embeddings.BATCH):
        batch = sample[start : start + embeddings.BATCH]
        texts = [embeddings.document_text(title, body) for _, title, body in batch]
        vectors = embeddings.encode(texts)
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {embeddings.TABLE} (document_id, text_hash, embedding) "  # noqa: S608
                "SELECT * FROM unnest(%s::bigint[], %s::text[], %s::vector[])",
                [
                    [pk for pk, _, _ in batch],
                    [embeddings.text_hash(t) for t in texts],
                    [embeddings.vector_literal(v) for v in vectors],
                ],
            )
    report["real_rate"] = len(sample) / (time.perf_counter() - started)
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("SET max_parallel_workers_per_gather = 0")
        cursor.execute("SELECT setseed(0.2012)")
        cursor.execute(
            f"INSERT INTO {embeddings.TABLE} (document_id, text_hash, embedding) "  # noqa: S608
            f"SELECT d.id, repeat('0', 32), l2_normalize(ARRAY(SELECT random_normal() "
            f"FROM generate_series(1, {embeddings.DIMENSIONS}) WHERE d.id IS NOT NULL)::vector) "
            "FROM hub_search_searchdocument d WHERE d.id NOT IN (SELECT document_id FROM search_embedding) "
            "ORDER BY d.id"
        )
    report["synthetic_s"] = time.perf_counter() - started
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("SET maintenance_work_mem = '1GB'")
        cursor.execute(embeddings.STORAGE_SQL[1])  # the HNSW index, built once over every vector
        cursor.execute(f"VACUUM ANALYZE {embeddings.TABLE}")
    report["index_s"] = time.perf_counter() - started
    return report


def hybrid_run(size: int, rounds: int, real: int) -> dict:
    """Lexical-only and hybrid searches of the query mix, interleaved (the same load), on the kept database of
    `size` documents with vectors (fill_vectors); plus the query embedding and the nearest-neighbour statement
    alone."""
    from search import embeddings
    from search.engines import hybrid

    name = f"{connections['default'].settings_dict['NAME']}_bench_{size}"
    with kept_database(name) as (using, existing):
        if existing != size:
            raise SystemExit(f"{name} holds {existing} documents: run the lexical benchmark with --keep first")
        report = fill_vectors(using, real=real)
        lexical, fused = PostgresEngine(using=using, semantic=False), PostgresEngine(using=using)
        audience = Audience(visibilities=frozenset({Visibility.PUBLIC}))
        queries = [SearchQuery(text=q, audience=audience) for q in QUERY_MIX]
        queries += [SearchQuery(text=q, audience=audience, filters=FILTERED) for q in QUERY_MIX[:6]]
        queries += [SearchQuery(text=q, audience=audience, page=3) for q in QUERY_MIX[:4]]
        times: dict[str, list[float]] = {"lexical": [], "hybrid": [], "embedding": [], "nearest": []}
        loads = [os.getloadavg()[0]]
        for round_ in range(rounds + 1):  # the first round warms the caches and is not counted
            for query in queries:
                timed = {}
                for label, engine in (("lexical", lexical), ("hybrid", fused)):
                    started = time.perf_counter()
                    engine.search(query)
                    timed[label] = (time.perf_counter() - started) * 1000
                started = time.perf_counter()
                vector = embeddings.encode([query.text])[0]
                timed["embedding"] = (time.perf_counter() - started) * 1000
                started = time.perf_counter()
                hybrid.semantic_candidates(
                    using=using, vector=vector, audience=query.audience, filters=query.filters or {}
                )
                timed["nearest"] = (time.perf_counter() - started) * 1000
                if round_:
                    for label, ms in timed.items():
                        times[label].append(ms)
        loads.append(os.getloadavg()[0])
    summary = {label: (statistics.median(v), percentile(v, 0.95)) for label, v in times.items()}
    return {"size": size, "report": report, "summary": summary, "loads": loads, "searches": len(times["lexical"])}


SCALE_QUERIES = [
    ("ar", "الدفع الإلكتروني"),
    ("ar", "رخص البناء"),
    ("ar", "فواتير المياه"),
    ("ar", "الطاقة الشمسية"),
    ("ar", "الموازنة المفتوحة"),
    ("en", "online payments"),
    ("en", "building permits"),
    ("en", "open data"),
    ("en", "smart parking"),
    ("en", "solar panels"),
]


def scale_corpus(size: int, seed: int = 2013):
    """Fillers first, each mentioning one of SCALE_QUERIES once in its body (and none of their words anywhere
    else); then, written last, two documents per query with the query in their title and body."""
    from search.engines.postgres import Matcher

    rng = random.Random(seed)
    matchers = [Matcher(parse_query(text).words) for _, text in SCALE_QUERIES]
    vocabulary = {
        "ar": [w for w in AR_WORDS if not any(m(t) for m in matchers for t in parse_query(w).words)],
        "en": [w for w in EN_WORDS if not any(m(t) for m in matchers for t in parse_query(w).words)],
    }

    def text(language, n):
        return " ".join(rng.choices(vocabulary[language], k=n))

    def document(i, language, title, body):
        return Document(source_id=str(i), language=language, title=title, body=body, url=f"/scale/{i}/")

    fillers = size - 2 * len(SCALE_QUERIES)
    batch = []
    for i in range(fillers):
        language, query = SCALE_QUERIES[i % len(SCALE_QUERIES)]
        body = f"{text(language, rng.randint(20, 80))} {query} {text(language, rng.randint(20, 80))}"
        batch.append(document(i, language, text(language, rng.randint(4, 9)), body))
        if len(batch) >= 2000:
            yield "story", batch
            batch = []
    for n, (language, query) in enumerate(SCALE_QUERIES):
        for copy in range(2):
            title = f"{query} {text(language, 2)}"
            body = f"{query} {text(language, 60)} {query}"
            batch.append(document(f"best-{n}-{copy}", language, title, body))
    yield "story", batch


def scale_check(size: int, keep: bool) -> float:
    """Mean recall@10, over SCALE_QUERIES, of the two documents about each query."""
    with loaded_database(size, keep=keep, bulk=True, documents=scale_corpus(size), label="scale") as (using, _):
        engine = PostgresEngine(using=using, semantic=False)  # the lexical ranking (no vectors here anyway)
        audience = Audience(visibilities=frozenset({Visibility.PUBLIC}))
        recalls = []
        for n, (language, text) in enumerate(SCALE_QUERIES):
            results = engine.search(SearchQuery(text=text, audience=audience, language=language, per_page=10))
            found = {hit.source_id for hit in results.hits}
            recalls.append(len(found & {f"best-{n}-0", f"best-{n}-1"}) / 2)
        return statistics.mean(recalls)


def options_text(args) -> str:
    from search.engines import postgres

    window = postgres.WINDOW if args.window is None else args.window
    return (
        f"caps: candidates {args.candidates or postgres.CANDIDATES} counted for totals and facets "
        f"(the newest {window} when most of a large table matches), "
        f"the newest {args.ranked or postgres.RANKED} of each tier ranked by relevance"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000", help="comma-separated corpus sizes")
    parser.add_argument("--rounds", type=int, default=3, help="passes over the query mix (engine)")
    parser.add_argument("--baseline-rounds", type=int, default=1, help="passes over the query mix (ILIKE)")
    parser.add_argument("--candidates", type=int, help="matches counted for totals and facets (engine default)")
    parser.add_argument("--ranked", type=int, help="newest documents of a tier ranked with ts_rank (engine default)")
    parser.add_argument(
        "--window", type=int, help="newest matches counted when most of the table matches (0: always the bitmap)"
    )
    parser.add_argument("--bulk", action="store_true", help="load with services.bulk_load (COPY, indexes at end)")
    parser.add_argument("--slowest", action="store_true", help="print the five slowest queries (stderr)")
    parser.add_argument("--keep", action="store_true", help="load each corpus once into a kept database, reuse it")
    parser.add_argument("--scale-check", metavar="SIZES", help="only the scale check, e.g. 1000,20000,100000")
    parser.add_argument("--no-overlap", action="store_true", help="skip overlap@10 (its reference is slow at 1M)")
    parser.add_argument(
        "--hybrid",
        metavar="SIZES",
        help="only lexical vs hybrid on kept databases (run with --keep first), e.g. 100000",
    )
    parser.add_argument("--hybrid-real", type=int, default=500, help="documents embedded for real (--hybrid)")
    args = parser.parse_args()
    print(f"load average: {os.getloadavg()[0]:.2f} (1 min), {os.cpu_count()} CPUs shared with other work")
    with connections["default"].cursor() as cursor:
        cursor.execute("SHOW shared_buffers")
        print(f"PostgreSQL shared_buffers: {cursor.fetchone()[0]} (docs/deployment.md, 'PostgreSQL')")
    if args.hybrid:
        print(
            f"hybrid: the first {args.hybrid_real} documents embedded for real, the others SYNTHETIC unit vectors "
            "(latency only, not relevance); lexical and hybrid interleaved on each search"
        )
        print(
            "| documents | lexical p50 / p95 ms | hybrid p50 / p95 ms | query embedding p50 / p95 ms "
            "| nearest-neighbour statement p50 / p95 ms | load average |"
        )
        print("|---|---|---|---|---|---|")
        for size in [int(s) for s in args.hybrid.split(",") if s]:
            r = hybrid_run(size, args.rounds, args.hybrid_real)
            cells = " | ".join(
                f"{r['summary'][k][0]:.1f} / {r['summary'][k][1]:.1f}"
                for k in ("lexical", "hybrid", "embedding", "nearest")
            )
            print(f"| {size:,} | {cells} | {r['loads'][0]:.1f} → {r['loads'][1]:.1f} |", flush=True)
            rep = r["report"]
            if rep["reused"]:
                print("    vectors: reused from an earlier run")
            else:
                print(
                    f"    vectors: {rep['real']} embedded at {rep['real_rate']:.1f} documents/s, {rep['synthetic']:,} "
                    f"synthetic in {rep['synthetic_s']:.1f} s, HNSW index built in {rep['index_s']:.1f} s"
                )
        return
    if args.scale_check:
        print("scale check: 10 broad queries, 2 documents each with the query in title and body, written last;")
        print("every other document mentions one of the queries once in its body")
        print("| documents | recall@10 of the two | load average |")
        print("|---|---|---|")
        for size in [int(s) for s in args.scale_check.split(",") if s]:
            recall = scale_check(size, args.keep)
            print(f"| {size:,} | {recall:.3f} | {os.getloadavg()[0]:.2f} |", flush=True)
        return
    print(f"query mix: {len(QUERY_MIX)} texts + {6} filtered + {4} deep pages, {os.cpu_count()} CPUs")
    print(
        "load: " + ("bulk (COPY, indexes built at the end)" if args.bulk else "row by row (bulk_index)"),
        options_text(args),
        sep="; ",
    )
    print(
        "| documents | indexing (docs/s) | table+indexes | PG p50 ms | PG p95 ms | PG max ms | ILIKE p50 ms "
        "| ILIKE p95 ms |"
    )
    print("|" + "---|" * 8)
    for size in [int(s) for s in args.sizes.split(",") if s]:
        options = {k: v for k, v in (("candidates", args.candidates), ("ranked", args.ranked)) if v}
        if args.window is not None:
            options["window"] = args.window
        r = run(
            size,
            args.rounds,
            args.baseline_rounds,
            options,
            bulk=args.bulk,
            keep=args.keep,
            with_overlap=not args.no_overlap,
        )
        print(
            f"| {r['size']:,} | {r['rate']:,.0f} | {r['table']} | {r['p50']:.1f} | {r['p95']:.1f} | {r['max']:.1f} "
            f"| {r['ilike_p50']:.1f} | {r['ilike_p95']:.1f} |",
            flush=True,
        )
        o = r["overlap"]
        print(f"    load average after the timed searches: {r['load']:.2f}", flush=True)
        if o is None:
            if args.slowest:
                for ms, key in r["slowest"]:
                    print(f"    slowest: {ms:.1f} ms {key}", file=sys.stderr)
            continue
        print(
            f"    overlap@10 with the same order over every match: {o['equal']}/{o['n']} queries equal "
            f"({o['equal'] / o['n']:.0%}), mean overlap {o['share']:.3f}; with pure relevance over every match "
            f"(ts_rank of all, no date prior): {o['equal_relevance']}/{o['n']} equal, mean overlap "
            f"{o['share_relevance']:.3f}; load average now {os.getloadavg()[0]:.2f}",
            flush=True,
        )
        for miss in o["misses"]:
            print(f"    differs: {miss}", flush=True)
        if args.slowest:
            for ms, key in r["slowest"]:
                print(f"    slowest: {ms:.1f} ms {key}", file=sys.stderr)


if __name__ == "__main__":
    main()
