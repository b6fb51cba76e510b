"""Anonymous readers of the forum are served from the cache and write nothing: the second GET of the index, a forum
page or a topic page makes no query; a new post, an edit, an approval or a move shows on the next GET; what waits for
approval never reaches the cache; topic views are counted in the cache and written in one batch by a task."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from machina.core.db.models import get_model

from forum import tasks
from tests.forum import factories
from tests.forum.conftest import topic_url

Topic = get_model("forum_conversation", "Topic")
pytestmark = pytest.mark.django_db


@pytest.fixture
def topic(forums, staff):
    return factories.make_topic(forum=forums["e-payment"], poster=staff, subject="Card payments at the counter")


def _pages(topic):
    forum = topic.forum
    return [reverse("forum:index"), reverse("forum:forum", args=[forum.slug, forum.pk]), topic_url(topic)]


def _writes(queries):
    return [q["sql"] for q in queries if q["sql"].split(None, 1)[0].upper() in ("INSERT", "UPDATE", "DELETE")]


def test_second_anonymous_get_of_each_forum_page_is_a_cache_hit_without_a_query(client, topic):
    for url in _pages(topic):
        with CaptureQueriesContext(connection) as first:
            assert client.get(url).status_code == 200
        assert _writes(first.captured_queries) == [], url
        with CaptureQueriesContext(connection) as second:
            response = client.get(url)
        assert response.status_code == 200 and response["X-Hub-Cache"] == "hit", url
        assert len(second.captured_queries) == 0, url
        assert "sessionid" not in response.cookies


def test_anonymous_forum_pages_live_for_the_forums_own_setting_and_ignore_parameters_they_do_not_read(
    client, topic, settings
):
    settings.HUB_PAGE_CACHE_SECONDS = 0  # the rest of the site's page cache is off: the forum's setting decides
    settings.FORUM_PAGE_CACHE_SECONDS = 120
    first = client.get(topic_url(topic))
    assert first["X-Hub-Cache"] == "miss"
    assert "public" in first["Cache-Control"] and "max-age=120" in first["Cache-Control"]
    tracked = client.get(topic_url(topic) + "?utm_source=newsletter")
    assert tracked["X-Hub-Cache"] == "hit"  # the same entry: the view reads no such parameter
    settings.FORUM_PAGE_CACHE_SECONDS = 0
    assert "X-Hub-Cache" not in client.get(topic_url(topic))


def test_signed_in_readers_are_not_served_from_the_cache(client, topic, member):
    client.get(topic_url(topic))
    client.force_login(member)
    response = client.get(topic_url(topic))
    assert response.status_code == 200 and "X-Hub-Cache" not in response


def test_a_new_reply_an_edit_and_a_move_show_on_the_next_anonymous_get(client, forums, topic, staff):
    for url in _pages(topic):
        client.get(url)
    reply = factories.make_reply(topic=topic, poster=staff, content="NEWREPLY use the bank's gateway")
    assert "NEWREPLY" in client.get(topic_url(topic)).content.decode()
    reply.content = "EDITEDREPLY use the national gateway"
    reply.save()
    page = client.get(topic_url(topic)).content.decode()
    assert "EDITEDREPLY" in page and "NEWREPLY" not in page
    client.get(reverse("forum:forum", args=[forums["gis"].slug, forums["gis"].pk]))
    topic.forum = forums["gis"]
    topic.save()
    gis = client.get(reverse("forum:forum", args=[forums["gis"].slug, forums["gis"].pk])).content.decode()
    assert "Card payments at the counter" in gis


def test_a_reply_waiting_for_approval_is_never_cached_and_shows_once_a_moderator_approves_it(client, topic, moderator):
    newcomer = factories.make_member(username="newcomer")
    reply = factories.make_reply(topic=topic, poster=newcomer, content="PENDINGREPLY wait for me", approved=False)
    assert "PENDINGREPLY" not in client.get(topic_url(topic)).content.decode()
    moderating = client.__class__()
    moderating.force_login(moderator)
    response = moderating.post(reverse("forum_moderation:approve_queued_post", args=[reply.pk]))
    assert response.status_code == 302
    assert "PENDINGREPLY" in client.get(topic_url(topic)).content.decode()


def test_topic_views_are_counted_in_the_cache_and_written_in_one_batch(client, topic):
    tasks.flush_topic_views.call(include_current=True)  # views counted by earlier tests in this process
    before = Topic.objects.get(pk=topic.pk).views_count
    for _ in range(3):
        client.get(topic_url(topic))  # one miss, then two cache hits: all three are views
    assert Topic.objects.get(pk=topic.pk).views_count == before
    with CaptureQueriesContext(connection) as flushing:
        written = tasks.flush_topic_views.call(include_current=True)
    assert written == 3 and len(_writes(flushing.captured_queries)) == 1
    assert Topic.objects.get(pk=topic.pk).views_count == before + 3
    assert tasks.flush_topic_views.call(include_current=True) == 0  # idempotent: nothing is written twice


def test_views_are_still_written_after_the_cache_lost_its_slot_counter(client, topic):
    from django.core.cache import cache

    from forum import caching

    tasks.flush_topic_views.call(include_current=True)
    cache.set(caching.FLUSHED_KEY, 10**6, None)  # as if the slot counter had been evicted and started again
    cache.delete(caching.SLOTS_KEY)
    before = Topic.objects.get(pk=topic.pk).views_count
    client.get(topic_url(topic))
    tasks.flush_topic_views.call(include_current=True)
    assert Topic.objects.get(pk=topic.pk).views_count == before + 1
