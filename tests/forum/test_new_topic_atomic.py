"""A new topic with a poll is created whole or not at all; a poll duration the database cannot hold is refused."""

import pytest
from django.conf import settings as django_settings
from django.utils import translation
from machina.core.db.models import get_model

from tests.forum.conftest import form_data, new_topic_url

Post = get_model("forum_conversation", "Post")
Topic = get_model("forum_conversation", "Topic")
TopicPoll = get_model("forum_polls", "TopicPoll")
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def default_language_after():
    yield
    translation.activate(django_settings.LANGUAGE_CODE)


def _new_topic_with_poll(client, forum, duration, lang="en"):
    data = form_data(
        subject="Which payment gateway?",
        content="Tell us which one you use.",
        poll_question="Which gateway?",
        poll_max_options="1",
        poll_duration=str(duration),
    )
    data.update({"poll-TOTAL_FORMS": "2", "poll-0-text": "PalPay", "poll-1-text": "Bank of Palestine"})
    with translation.override(lang):
        url = new_topic_url(forum)
    return client.post(url, data)


def _nothing_saved():
    return not Topic.objects.exists() and not Post.objects.exists() and not TopicPoll.objects.exists()


def test_a_poll_duration_beyond_the_limit_is_refused_with_a_message(client, forums, staff, settings):
    settings.FORUM_MIN_SECONDS_BETWEEN_POSTS = 0
    client.force_login(staff)
    response = _new_topic_with_poll(client, forums["gis"], 2147483648)
    assert response.status_code == 200
    assert "A poll can run for at most 365 days." in response.content.decode()
    response = _new_topic_with_poll(client, forums["gis"], 2147483648, lang="ar")
    assert "لا يمكن أن يستمر الاستطلاع أكثر من 365 يوماً." in response.content.decode()
    assert _nothing_saved()


def test_a_poll_within_the_limit_is_created_with_its_topic(client, forums, staff, settings):
    settings.FORUM_MIN_SECONDS_BETWEEN_POSTS = 0
    client.force_login(staff)
    response = _new_topic_with_poll(client, forums["gis"], 365)
    assert response.status_code == 302
    poll = TopicPoll.objects.get()
    assert poll.duration == 365 and poll.topic.first_post is not None
    assert client.get(response["Location"]).status_code == 200


def test_when_the_database_refuses_the_poll_no_topic_or_post_is_left(client, forums, staff, settings):
    # Let the form through so that PostgreSQL itself refuses the value (integer out of range) after the topic and
    # its first post are written: the request fails, and neither stays.
    settings.FORUM_MIN_SECONDS_BETWEEN_POSTS = 0
    settings.FORUM_POLL_MAX_DAYS = 10**12
    client.force_login(staff)
    client.raise_request_exception = False
    response = _new_topic_with_poll(client, forums["gis"], 2147483648)
    assert response.status_code == 500
    assert _nothing_saved()
