"""Forum benchmark: generate topics and posts in bulk, then print p50/p95 of the forum's busiest pages.

    DJANGO_SETTINGS_MODULE=hub.settings.dev python bench/forum.py [--topics 1000] [--posts 100000] [--runs 30]

Uses the development database (run `manage.py setup_forum` first); the generated topics are kept, marked "bench".
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings.dev")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402
from machina.core.db.models import get_model  # noqa: E402

from forum import services  # noqa: E402

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


def measure(client, url: str, runs: int) -> tuple[float, float]:
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    timings.sort()
    return statistics.median(timings), timings[int(len(timings) * 0.95) - 1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--topics", type=int, default=1000)
    parser.add_argument("--posts", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    topic = generate(args.topics, args.posts)
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(get_user_model().objects.get(username="bench-user"))
    forum = topic.forum
    pages = {
        "forum index": reverse("forum:index"),
        "forum page": reverse("forum:forum", args=[forum.slug, forum.pk]),
        "topic page (50 posts)": reverse("forum_conversation:topic", args=[forum.slug, forum.pk, topic.slug, topic.pk]),
        "unread topics": reverse("forum_tracking:unread_topics"),
    }
    print(f"{Topic.objects.count()} topics, {Post.objects.count()} posts; {args.runs} runs each")
    for name, url in pages.items():
        p50, p95 = measure(client, url, args.runs)
        print(f"{name:24} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms")


if __name__ == "__main__":
    main()
