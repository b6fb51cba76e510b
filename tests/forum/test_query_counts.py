"""The forum's busiest pages make a fixed number of queries, however many topics and posts there are."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.forum import factories
from tests.forum.conftest import topic_url

pytestmark = pytest.mark.django_db

# Pinned counts (signed-in verified staff member; the session comes from the cache). If one grows, look for an N+1
# before changing the number. The permission handler loads the reader's permissions for every forum at once (the
# forum list and two queries, forum/handler.py), whatever the page asks. The topic page: 13, its rendered posts
# from the cache (tests/forum/test_topic_page_fast.py says which, and counts a miss); its view count is kept in the
# cache, and a topic already read is checked in one query, not marked again. The unread list is one query for the
# topics, whatever their number (machina's tracking handler loaded them all and checked each one). The index, forum
# and topic pages read every forum's names in the reader's language once (+1).
EXPECTED = {"index": 9, "forum": 14, "topic": 13, "unread": 7}
# An anonymous reader's first GET of the topic page (the next ones are cache hits: no query, see
# test_anonymous_pages_cached.py); no session, no read tracking, no view counter written.
EXPECTED_ANONYMOUS_TOPIC = 9


def _count(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def _pages(forums, topic):
    forum = forums["e-payment"]
    return {
        "index": reverse("forum:index"),
        "forum": reverse("forum:forum", args=[forum.slug, forum.pk]),
        "topic": topic_url(topic),
        "unread": reverse("forum_tracking:unread_topics"),
    }


def _grow(forums, *, topics, replies, replies_to_first=None):
    """`topics` new topics by three members, each with `replies` replies (the first topic `replies_to_first`)."""
    members = [factories.make_member(username=f"writer{n}-{topics}") for n in range(3)]
    made = []
    for t in range(topics):
        topic = factories.make_topic(forum=forums["e-payment"], poster=members[t % 3], subject=f"Topic {t}-{topics}")
        count = replies_to_first if t == 0 and replies_to_first is not None else replies
        for r in range(count):
            factories.make_reply(topic=topic, poster=members[r % 3], content=f"reply {r}")
        made.append(topic)
    return made


def test_page_queries_do_not_grow_with_posts(client, forums, staff):
    client.force_login(staff)
    small = _grow(forums, topics=3, replies=5)
    urls = _pages(forums, small[0])
    client.get(urls["topic"])  # first view creates the read tracks
    counts_small = {name: _count(client, url) for name, url in urls.items()}
    # More than four times the topics in the forum (13 against 3, by three members each time), and a topic page of
    # 50 posts, a full page (MACHINA_TOPIC_POSTS_NUMBER_PER_PAGE), against 6.
    big = _grow(forums, topics=10, replies=1, replies_to_first=49)
    urls = _pages(forums, big[0])
    client.get(urls["topic"])
    counts_big = {name: _count(client, url) for name, url in urls.items()}
    assert counts_big == counts_small
    assert counts_big == EXPECTED


def test_anonymous_topic_page_queries_do_not_grow_with_posts(client, forums, settings):
    settings.FORUM_PAGE_CACHE_SECONDS = 0  # every GET rendered: the count of a cache miss
    small = _grow(forums, topics=1, replies=5)
    big = _grow(forums, topics=2, replies=49)
    counts = [_count(client, topic_url(small[0])), _count(client, topic_url(big[0]))]
    assert counts == [EXPECTED_ANONYMOUS_TOPIC, EXPECTED_ANONYMOUS_TOPIC]
