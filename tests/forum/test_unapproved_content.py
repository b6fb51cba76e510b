"""A topic or reply waiting for moderation is seen only by its author and by the moderators of its forum: on the
member's post list and profile, the topic's own page, the forum index and its counts, the feeds, the home page's
forum block and the site search. Everyone else sees nothing of it, not even its subject."""

import pytest
from django.urls import reverse
from machina.core.db.models import get_model

from tests.forum import factories
from tests.forum.conftest import form_data, reply_url, topic_url

Forum = get_model("forum", "Forum")
Post = get_model("forum_conversation", "Post")
Topic = get_model("forum_conversation", "Topic")
pytestmark = pytest.mark.django_db

SUBJECT = "PENDINGSUBJECT طلب ينتظر الموافقة"
BODY = "PENDINGBODY نص ينتظر"
REPLY = "PENDINGREPLY رد ينتظر"
ROLES = ["anonymous", "member", "other_staff", "author", "moderator"]
SEES_PENDING = {"author", "moderator"}


@pytest.fixture(scope="module")
def module_pending(module_forums, django_db_blocker):
    """A new member's topic waiting for approval, and their reply waiting in a staff member's approved topic: made
    once for the module, inside its transaction (tests/conftest.py, `module_transaction`)."""
    assert module_forums is not None, "this module has no transactional test: its forums are the module's"
    with django_db_blocker.unblock():
        gis = Forum.objects.get(pk=module_forums["gis"])
        author = factories.make_member(username="newcomer")
        staff = factories.make_staff(username="staff-hebron")
        topic = factories.make_topic(forum=gis, poster=author, subject=SUBJECT, content=BODY, approved=False)
        approved_topic = factories.make_topic(
            forum=gis, poster=staff, subject="Approved GIS topic", content="APPROVEDBODY نص ينتظر الجميع"
        )
        reply = factories.make_reply(topic=approved_topic, poster=author, content=REPLY, approved=False)
        return {"author": author.pk, "topic": topic.pk, "approved_topic": approved_topic.pk, "reply": reply.pk}


@pytest.fixture
def pending(module_pending, forums, django_user_model):
    """The module's pending topic and reply, read afresh for each test."""
    topics = Topic.objects.select_related("forum").in_bulk([module_pending["topic"], module_pending["approved_topic"]])
    return {
        "author": django_user_model.objects.get(pk=module_pending["author"]),
        "topic": topics[module_pending["topic"]],
        "approved_topic": topics[module_pending["approved_topic"]],
        "reply": Post.objects.get(pk=module_pending["reply"]),
    }


@pytest.fixture
def login_as(client, forums, pending):
    def login(role):
        users = {
            "anonymous": None,
            "member": lambda: factories.make_member(username="someone"),
            "other_staff": lambda: factories.make_staff(username="other-staff"),
            "author": lambda: pending["author"],
            "moderator": lambda: factories.make_moderator(username="mod"),
        }
        if users[role] is not None:
            client.force_login(users[role]())
        return client

    return login


@pytest.mark.parametrize("role", ROLES)
def test_member_post_list_shows_pending_posts_only_to_author_and_moderators(login_as, pending, role):
    client = login_as(role)
    url = reverse("forum_member:user_posts", kwargs={"pk": pending["author"].pk})
    html = client.get(url).content.decode()
    for text in (BODY, REPLY):
        assert (text in html) is (role in SEES_PENDING), (role, text)


@pytest.mark.parametrize("role", ROLES)
def test_member_profile_lists_no_pending_posts(login_as, pending, role):
    client = login_as(role)
    html = client.get(reverse("forum_member:profile", kwargs={"pk": pending["author"].pk})).content.decode()
    assert BODY not in html and REPLY not in html


@pytest.mark.parametrize("role", ROLES)
def test_pending_topic_page_answers_404_except_to_author_and_moderators(login_as, pending, role):
    client = login_as(role)
    response = client.get(topic_url(pending["topic"]))
    if role in SEES_PENDING:
        html = response.content.decode()
        assert response.status_code == 200 and SUBJECT in html and BODY in html
        assert "badge--pending" in html  # marked as waiting
        # Only a moderator may reply to a topic that waits for approval.
        assert (reply_url(pending["topic"]) in html) is (role == "moderator")
    else:
        assert response.status_code == 404
        assert SUBJECT not in response.content.decode()


@pytest.mark.parametrize("role", ROLES)
def test_pending_reply_in_an_approved_topic_shows_only_to_author_and_moderators(login_as, pending, role):
    client = login_as(role)
    response = client.get(topic_url(pending["approved_topic"]))
    assert response.status_code == 200
    assert (REPLY in response.content.decode()) is (role in SEES_PENDING)


def test_staff_cannot_reply_to_a_pending_topic(client, pending, forums):
    client.force_login(factories.make_staff(username="other-staff"))
    response = client.post(reply_url(pending["topic"]), form_data(subject="Re", content="sneaky reply"))
    assert response.status_code in (403, 404)
    assert not Post.objects.filter(content="sneaky reply").exists()


@pytest.mark.parametrize("role", ROLES)
def test_forum_index_counts_and_last_post_leave_pending_topics_out(login_as, pending, forums, role):
    client = login_as(role)
    gis = forums["gis"]
    gis.refresh_from_db()
    assert gis.direct_topics_count == 1 and gis.direct_posts_count == 1  # the approved topic and its first post
    for url in ("/ar/forum/", reverse("forum:forum", kwargs={"slug": gis.slug, "pk": gis.pk})):
        html = client.get(url).content.decode()
        assert SUBJECT not in html, url


@pytest.mark.parametrize("role", ROLES)
def test_feeds_leave_pending_topics_out(login_as, pending, forums, role):
    client = login_as(role)
    gis = forums["gis"]
    for url in (
        reverse("forum_feeds:latest_topics"),
        reverse("forum_feeds:forum_latest_topics", kwargs={"forum_slug": gis.slug, "forum_pk": gis.pk}),
    ):
        response = client.get(url)
        assert response.status_code == 200 and SUBJECT not in response.content.decode(), url


@pytest.mark.parametrize("role", ROLES)
def test_home_page_forum_block_and_search_leave_pending_posts_out(login_as, pending, home_pages, role):
    client = login_as(role)
    home = client.get("/ar/").content.decode()
    assert "Approved GIS topic" in home and SUBJECT not in home
    results = client.get("/ar/search/?q=ينتظر").content.decode()
    assert "Approved GIS topic" in results  # the search finds the approved topic with the same word
    assert "PENDINGSUBJECT" not in results and "PENDINGBODY" not in results and "PENDINGREPLY" not in results


def test_once_approved_the_topic_is_public(client, pending):
    post = pending["topic"].first_post
    post.approved = True
    post.save()
    response = client.get(topic_url(pending["topic"]))
    assert response.status_code == 200 and SUBJECT in response.content.decode()


@pytest.mark.parametrize("role", ["member", "other_staff"])
def test_the_report_form_of_a_pending_post_answers_404_to_others(login_as, pending, role):
    client = login_as(role)
    response = client.get(reverse("hub_forum:report_post", kwargs={"pk": pending["reply"].pk}))
    assert response.status_code == 404 and REPLY not in response.content.decode()
