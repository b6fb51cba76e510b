"""A signed-in reader's forum pages come from their own cached copy: a second view of the index, a forum page or a
topic page renders nothing; what the page shows of that reader alone (new-post marks, the forums and topics they
follow) changes at once; another reader never gets their copy; a new post is seen by everyone."""

import pytest
from django.conf import settings
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.crypto import get_random_string

from forum import services
from tests.forum import factories
from tests.forum.conftest import topic_url

pytestmark = pytest.mark.django_db(transaction=True)  # the copies move on when the writes commit


@pytest.fixture(autouse=True)
def page_cache(settings):
    from django.core.cache import cache

    settings.HUB_PAGE_CACHE_SECONDS = 300
    cache.clear()


@pytest.fixture
def topic(forums, staff):
    return factories.make_topic(forum=forums["e-payment"], poster=staff, subject="Card payments at the counter")


def signed_in(user) -> Client:
    """A browser signed in as `user` that holds a CSRF cookie, as one does after logging in."""
    client = Client()
    client.force_login(user)
    client.cookies[settings.CSRF_COOKIE_NAME] = get_random_string(32)
    return client


def test_a_second_view_of_each_forum_page_is_the_readers_cached_copy(topic, member):
    client = signed_in(member)
    forum = topic.forum
    for url in (reverse("forum:index"), reverse("forum:forum", args=[forum.slug, forum.pk]), topic_url(topic)):
        first = client.get(url)
        assert first.status_code == 200
        client.get(url)  # reading the topic marked it read: the copy made before that is stale
        with CaptureQueriesContext(connection) as queries:
            again = client.get(url)
        assert again["X-Hub-Cache"] == "hit", url
        assert len(queries.captured_queries) <= 2, (url, [q["sql"] for q in queries.captured_queries])
        assert again.content == client.get(url).content


def test_reading_a_topic_clears_its_forums_new_posts_mark_at_once(topic, member):
    client = signed_in(member)
    index = reverse("forum:index")
    assert "forum-card--unread" in client.get(index).content.decode()
    assert client.get(index)["X-Hub-Cache"] == "hit"
    client.get(topic_url(topic))  # the only topic of the only unread forum
    assert "forum-card--unread" not in client.get(index).content.decode()


def test_following_a_forum_shows_on_the_readers_copy_at_once_and_not_on_anothers(topic, member, staff):
    reader, other = signed_in(member), signed_in(staff)
    forum = topic.forum
    url = reverse("forum:forum", args=[forum.slug, forum.pk])
    before, others_before = reader.get(url).content, other.get(url).content
    assert reader.get(url)["X-Hub-Cache"] == "hit"
    with transaction.atomic():
        services.subscribe_forum(user=member, forum=forum)
    after = reader.get(url)
    assert after["X-Hub-Cache"] != "hit" and after.content != before
    assert other.get(url).content == others_before  # the other reader's copy is theirs, unchanged


def test_a_new_reply_is_seen_by_every_signed_in_reader_at_once(topic, member, staff):
    reader = signed_in(member)
    url = topic_url(topic)
    reader.get(url)
    reader.get(url)
    assert reader.get(url)["X-Hub-Cache"] == "hit"
    with transaction.atomic():
        factories.make_reply(topic=topic, poster=staff, content="Pay by card at the counter from June")
    assert "Pay by card at the counter from June" in reader.get(url).content.decode()


def test_a_topic_view_from_the_readers_copy_is_still_counted(topic, member):
    from forum import tasks

    tasks.flush_topic_views.call(include_current=True)  # views counted by earlier tests in this process
    before = type(topic).objects.get(pk=topic.pk).views_count
    client = signed_in(member)
    url = topic_url(topic)
    hits = [client.get(url).get("X-Hub-Cache") for _ in range(4)]
    assert hits[-1] == "hit"
    tasks.flush_topic_views.call(include_current=True)
    assert type(topic).objects.get(pk=topic.pk).views_count == before + 4
