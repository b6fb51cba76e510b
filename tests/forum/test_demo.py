"""The demo forum is a living community: the demo accounts and practitioners of other municipalities, topics in
every forum with replies, accepted answers, a poll, mentions and questions about projects; loaded twice, it adds
nothing."""

import pytest
from django.contrib.auth import get_user_model
from machina.core.db.models import get_model

from forum import demo, demo_data
from forum.models import ForumKey, TopicProject, TopicSolution
from forum.tree import TREE

Topic = get_model("forum_conversation", "Topic")
Post = get_model("forum_conversation", "Post")
TopicPollVote = get_model("forum_polls", "TopicPollVote")
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo_site(module_transaction, django_db_blocker):
    """What the forum demo stands on: places, the demo accounts and projects (load_demo_data's earlier steps), loaded
    once for the module inside its transaction (tests/conftest.py, `module_transaction`)."""
    from django.conf import settings
    from django.utils import translation

    from hub.accounts import demo as accounts_demo
    from projects_db import demo as projects_demo

    assert module_transaction, "this module has no transactional test"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DEMO_PASSWORD", "forum-demo-tests")  # the published default is refused with DEBUG off
        with django_db_blocker.unblock(), translation.override(settings.LANGUAGE_CODE):
            projects_demo.load_places()
            accounts_demo.load()
            projects_demo.load_categories()
            projects_demo.load_projects()
        yield


def test_the_demo_forum_is_a_community_and_loads_twice_without_duplicates(demo_site):
    demo.load()
    counts = (Topic.objects.count(), Post.objects.count(), TopicSolution.objects.count(), TopicPollVote.objects.count())
    demo.load()
    assert (Topic.objects.count(), Post.objects.count(), TopicSolution.objects.count(),
            TopicPollVote.objects.count()) == counts  # fmt: skip
    topics, posts, solved, votes = counts
    assert topics >= 40 and posts >= topics * 2 and solved >= 10 and votes >= 5
    # every forum one can post in has topics, the announcements too
    posting_forums = {spec.key for spec in TREE if not spec.is_category}
    with_topics = set(ForumKey.objects.filter(forum__topics__isnull=False).values_list("key", flat=True))
    assert with_topics == posting_forums
    # written by the demo accounts and practitioners of many municipalities, none made up
    posters = get_user_model().objects.filter(posts__isnull=False).distinct()
    assert {"hebron", "nablus", "member", "editor", "moderator"} <= {u.username for u in posters}
    assert posters.exclude(municipality=None).values("municipality").distinct().count() >= 10
    assert not get_user_model().objects.filter(username__startswith="forum-").exists()
    assert Post.objects.filter(content__contains="@").exists()
    assert TopicProject.objects.count() >= 5
    assert Topic.objects.filter(forum__hub_key__key="announcements", type=Topic.TOPIC_STICKY).exists()
    # the practitioners cannot be signed in as: they only write in the demo
    practitioner = get_user_model().objects.get(username=demo_data.PEOPLE[0].username)
    assert not practitioner.has_usable_password()


def test_an_earlier_demos_made_up_authors_give_their_posts_to_the_demo_accounts(demo_site):
    from forum import services

    forums = services.setup_forum()
    ghost = get_user_model().objects.create(username="forum-staff-hebron", email="forum-staff-hebron@example.org")
    topic = services.topic_start(forum=forums["gis"], poster=ghost, subject="قديم", content="نص", notify=False)
    demo.load()
    topic.refresh_from_db()
    assert topic.poster.username == "hebron"
    assert not get_user_model().objects.filter(username="forum-staff-hebron").exists()
