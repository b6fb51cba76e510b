import pytest

from tests.forum import factories


@pytest.fixture
def member(forums):
    return factories.make_member(username="member")


@pytest.fixture
def staff(forums):
    return factories.make_staff(username="staff-hebron")


@pytest.fixture
def moderator(forums):
    return factories.make_moderator(username="moderator")


def topic_url(topic):
    from django.urls import reverse

    return reverse(
        "forum_conversation:topic",
        kwargs={"forum_slug": topic.forum.slug, "forum_pk": topic.forum_id, "slug": topic.slug, "pk": topic.pk},
    )


def reply_url(topic):
    from django.urls import reverse

    return reverse(
        "forum_conversation:post_create",
        kwargs={
            "forum_slug": topic.forum.slug, "forum_pk": topic.forum_id, "topic_slug": topic.slug, "topic_pk": topic.pk
        },
    )  # fmt: skip


def new_topic_url(forum):
    from django.urls import reverse

    return reverse("forum_conversation:topic_create", kwargs={"forum_slug": forum.slug, "forum_pk": forum.pk})


def form_data(**fields):
    """What machina's post and topic forms expect: the fields plus empty attachment and poll formsets."""
    data = {
        "attachment-TOTAL_FORMS": "0", "attachment-INITIAL_FORMS": "0", "attachment-MAX_NUM_FORMS": "15",
        "poll-TOTAL_FORMS": "0", "poll-INITIAL_FORMS": "0", "poll-MAX_NUM_FORMS": "30",
        "topic_type": "0",
    }  # fmt: skip
    data.update(fields)
    return data
