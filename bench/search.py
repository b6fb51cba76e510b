"""Search benchmark: a deterministic bilingual corpus, indexing rate, and p50/p95 latency of a fixed query mix
on the PostgreSQL engine and on the naive ILIKE baseline, in a throwaway database.

    python bench/search.py --sizes 10000,100000 [--rounds 3] [--baseline-rounds 1]

Numbers are printed, never asserted. Record them in docs/performance.md.
"""

from __future__ import annotations

import argparse
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
from search.engines.base import Audience, SearchQuery  # noqa: E402
from search.engines.postgres import PostgresEngine  # noqa: E402
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


def run(size: int, rounds: int, baseline_rounds: int, engine_options: dict, bulk: bool = False) -> dict:
    with throwaway_database() as using:
        started = time.perf_counter()
        if bulk:  # empty index: COPY, terms computed on every CPU, GIN indexes built once at the end
            services.bulk_load(batches=batches(size), using=using, processes=os.cpu_count() or 1)
        else:  # the row-by-row path every live write takes (upsert, GIN index maintained per row)
            for st, docs in batches(size):
                services.bulk_index(source_type=st, documents=docs, using=using)
        indexing = time.perf_counter() - started
        with connections[using].cursor() as cursor:
            cursor.execute("VACUUM ANALYZE hub_search_searchdocument")
            cursor.execute("VACUUM ANALYZE hub_search_searchword")
            cursor.execute("SELECT pg_size_pretty(pg_total_relation_size('hub_search_searchdocument'))")
            table_size = cursor.fetchone()[0]

        engine = PostgresEngine(using=using, **engine_options)
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
        baseline = []
        for _ in range(baseline_rounds):
            for text in QUERY_MIX:
                t = time.perf_counter()
                ilike_baseline(using, text)
                baseline.append((time.perf_counter() - t) * 1000)
    return {
        "size": size,
        "rate": size / indexing,
        "indexing_s": indexing,
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


def options_text(args) -> str:
    from search.engines import postgres

    return f"caps: candidates {args.candidates or postgres.CANDIDATES}, ranked {args.ranked or postgres.RANKED}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000", help="comma-separated corpus sizes")
    parser.add_argument("--rounds", type=int, default=3, help="passes over the query mix (engine)")
    parser.add_argument("--baseline-rounds", type=int, default=1, help="passes over the query mix (ILIKE)")
    parser.add_argument("--candidates", type=int, help="matches counted for totals and facets (engine default)")
    parser.add_argument("--ranked", type=int, help="candidates ranked with ts_rank (engine default)")
    parser.add_argument("--bulk", action="store_true", help="load with services.bulk_load (COPY, indexes at end)")
    parser.add_argument("--slowest", action="store_true", help="print the five slowest queries (stderr)")
    args = parser.parse_args()
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
        r = run(size, args.rounds, args.baseline_rounds, options, bulk=args.bulk)
        print(
            f"| {r['size']:,} | {r['rate']:,.0f} | {r['table']} | {r['p50']:.1f} | {r['p95']:.1f} | {r['max']:.1f} "
            f"| {r['ilike_p50']:.1f} | {r['ilike_p95']:.1f} |",
            flush=True,
        )
        if args.slowest:
            for ms, key in r["slowest"]:
                print(f"    slowest: {ms:.1f} ms {key}", file=sys.stderr)


if __name__ == "__main__":
    main()
