"""Forum benchmark: generate topics and posts in bulk, then print p50/p95 and the queries of the forum's busiest pages.

    python bench/forum.py [--topics 1000] [--posts 100000] [--runs 30] [--profile]

Measures the production path in one process through Django's test client: DEBUG off, the cached template loader,
production's middleware and persistent connection (bench/settings_forum.py), against the development database (run
`manage.py migrate` and `manage.py setup_forum` first); the generated topics are kept, marked "bench". Each page is
requested once before the timed runs (the first request of a process loads templates and catalogues). The topic
page is measured signed in (the bench member: from the second GET on, the reader's own cached copy), signed in with
HUB_PAGE_CACHE_SECONDS=0 (the page rendered for the reader, its posts from the fragment cache), anonymous (from the
second GET on, a cache hit), and signed in with FORUM_PAGE_CACHE_SECONDS=0 (no cache: the posts rendered each
time). `--profile` prints cProfile's top functions for one signed-in request of the topic page.
"""

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings_forum")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402
from machina.core.db.models import get_model  # noqa: E402

from forum import conf, services  # noqa: E402

Topic = get_model("forum_conversation", "Topic")
Post = get_model("forum_conversation", "Post")


def generate(topics: int, posts: int) -> Topic:
    forums = services.setup_forum()
    forum = forums["infrastructure"]
    user, _ = get_user_model().objects.get_or_create(username="bench-user", defaults={"email": "bench@example.org"})
    existing = Topic.objects.filter(subject__startswith="bench ").count()
    per_topic = max(1, posts // topics)
    now = timezone.now()
    for t in range(existing, topics):
        topic = Topic.objects.create(forum=forum, poster=user, subject=f"bench {t}", type=0, status=0, approved=True)
        Post.objects.bulk_create(
            [
                Post(topic=topic, poster=user, subject=f"bench {t}", content=f"post {p} of topic {t}",
                     _content_rendered=f"<p>post {p}</p>", approved=True, created=now, updated=now)
                for p in range(per_topic)
            ]
        )  # fmt: skip
        topic.update_trackers()
    forum.update_trackers()
    return Topic.objects.filter(subject__startswith="bench ").order_by("pk").first()


def count_queries(client, url: str) -> int:
    """The statements one request runs (DEBUG is off, so Django keeps no query log: a wrapper counts them)."""
    statements = []

    def counting(execute, sql, params, many, context):
        statements.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(counting):
        client.get(url)
    return len(statements)


def measure(client, url: str, runs: int) -> tuple[float, float, int, str]:
    """(p50 ms, p95 ms, median CPU ms of this process, queries of one request, X-Hub-Cache of the last answer).
    The CPU time (PostgreSQL's not included) depends far less on what else the machine runs than the wall time."""
    client.get(url)  # the process's first request of this page: templates, catalogues
    queries = count_queries(client, url)
    timings, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        response = client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    timings.sort()
    p95 = timings[max(0, -(-len(timings) * 95 // 100) - 1)]
    return statistics.median(timings), p95, statistics.median(cpu), queries, response.get("X-Hub-Cache", "")


def profile(client, url: str) -> None:
    client.get(url)
    profiler = cProfile.Profile()
    profiler.enable()
    client.get(url)
    profiler.disable()
    stats = pstats.Stats(profiler, stream=sys.stdout)
    stats.sort_stats("cumulative").print_stats(40)
    stats.sort_stats("tottime").print_stats(25)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--topics", type=int, default=1000)
    parser.add_argument("--posts", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--profile", action="store_true", help="cProfile of one signed-in topic page")
    args = parser.parse_args()
    topic = generate(args.topics, args.posts)
    member = Client(HTTP_HOST="127.0.0.1")
    member.force_login(get_user_model().objects.get(username="bench-user"))
    anonymous = Client(HTTP_HOST="127.0.0.1")
    forum = topic.forum
    topic_url = reverse("forum_conversation:topic", args=[forum.slug, forum.pk, topic.slug, topic.pk])
    if args.profile:
        profile(member, topic_url)
        return
    pages = [
        ("forum index", member, reverse("forum:index")),
        ("forum page", member, reverse("forum:forum", args=[forum.slug, forum.pk])),
        ("topic page (50 posts)", member, topic_url),
        ("topic page, rendered", member, topic_url),  # HUB_PAGE_CACHE_SECONDS=0: no copy per reader, posts cached
        ("unread topics", member, reverse("forum_tracking:unread_topics")),
        ("topic page, anonymous", anonymous, topic_url),
        ("topic page, not cached", member, topic_url),  # FORUM_PAGE_CACHE_SECONDS=0: the posts rendered each time
    ]
    load = os.getloadavg()
    print(f"settings {os.environ['DJANGO_SETTINGS_MODULE']}, DEBUG off, cached template loader")
    print(f"{Topic.objects.count()} topics, {Post.objects.count()} posts; {args.runs} runs each")
    print(f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} (1, 5, 15 min)")
    for name, client, url in pages:
        with override_settings(
            FORUM_PAGE_CACHE_SECONDS=0 if "not cached" in name else conf.get("FORUM_PAGE_CACHE_SECONDS"),
            HUB_PAGE_CACHE_SECONDS=0 if "rendered" in name else getattr(settings, "HUB_PAGE_CACHE_SECONDS", 300),
        ):
            p50, p95, cpu, queries, cached = measure(client, url, args.runs)
        hit = f"   cache {cached}" if cached else ""
        print(f"{name:24} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms   CPU {cpu:6.1f} ms   {queries:3} queries{hit}")
    load = os.getloadavg()
    print(f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} (1, 5, 15 min)")


if __name__ == "__main__":
    main()
