"""The signed-in topic page: what each reader sees of each post (their own controls, the posts waiting for approval)
stays theirs although the rendered posts are cached and shared by readers who may do the same things; a write shows
at the next view; the page's queries do not grow with its posts; a topic read again writes nothing; machina's
permissions, loaded for every forum at once, give machina's answers."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from machina.apps.forum_permission.checker import ForumPermissionChecker
from machina.apps.forum_permission.handler import PermissionHandler as MachinaPermissionHandler
from machina.core.db.models import get_model

from forum import caching, selectors, services
from forum.handler import PermissionHandler
from tests.forum import factories
from tests.forum.conftest import topic_url

Forum = get_model("forum", "Forum")
Post = get_model("forum_conversation", "Post")
ForumPermission = get_model("forum_permission", "ForumPermission")
TopicReadTrack = get_model("forum_tracking", "TopicReadTrack")

pytestmark = pytest.mark.django_db

# Signed-in member, a topic page of 10 or of 50 posts (a full page): the session (from the cache) and the user,
# the topic with its poll, accepted answer and project, the member's permissions in every forum (2), the forum list,
# the count of the page's posts, each post's id and author (the key of the rendered posts), whether the topic is
# read already, the breadcrumb's ancestors, the forums' names, the topic's subscribers, the member's groups and the
# "related elsewhere" statement (search): 13 when the rendered posts come from the cache. When they do not, the
# posts and their attachments are loaded (+2). With the cache off there is no key to make: 14.
SIGNED_IN_TOPIC_QUERIES = {"cached": 13, "not yet cached": 15, "cache off": 14}


def _articles(html: str) -> dict[int, str]:
    """{post id: the HTML of its <article>}."""
    found = re.findall(r'<article id="(\d+)"(.*?)</article>', html, flags=re.S)
    return {int(pk): body for pk, body in found}


@pytest.fixture
def thread(forums, staff):
    """A topic by verified staff with replies by two members; a third member's reply waits for approval."""
    writer, other = factories.make_member(username="writer"), factories.make_member(username="other")
    topic = factories.make_topic(forum=forums["e-payment"], poster=staff, subject="Counter payments")
    by_writer = factories.make_reply(topic=topic, poster=writer, content="WRITERREPLY")
    by_other = factories.make_reply(topic=topic, poster=other, content="OTHERREPLY")
    newcomer = factories.make_member(username="newcomer")
    pending = factories.make_reply(topic=topic, poster=newcomer, content="PENDINGREPLY", approved=False)
    return {
        "topic": topic,
        "staff": staff,
        "writer": writer,
        "other": other,
        "newcomer": newcomer,
        "head": topic.first_post_id,
        "by_writer": by_writer.pk,
        "by_other": by_other.pk,
        "pending": pending.pk,
    }


def _page(user, topic) -> str:
    client = Client()
    client.force_login(user)
    response = client.get(topic_url(topic))
    assert response.status_code == 200
    return response.content.decode()


def _controls(article: str) -> set[str]:
    found = set()
    if re.search(r'href="[^"]*/(post/\d+/)?update/"', article):
        found.add("edit")
    if re.search(r'href="[^"]*/delete/"', article):
        found.add("delete")
    if "/report/" in article:
        found.add("report")
    if 'form="post-actions"' in article:
        found.add("answer")
    return found


def test_each_reader_sees_their_own_controls_from_the_shared_cache(thread, moderator):
    """The same page viewed in turn by readers with different rights, the cache kept between them (the second
    member is served the copy the first one made)."""
    topic, head, w, o, p = thread["topic"], thread["head"], thread["by_writer"], thread["by_other"], thread["pending"]
    third = factories.make_member(username="third")
    pages = {
        "third": _page(third, topic),
        "other": _page(thread["other"], topic),
        "writer": _page(thread["writer"], topic),
        "newcomer": _page(thread["newcomer"], topic),
        "author": _page(thread["staff"], topic),
        "moderator": _page(moderator, topic),
        "third again": _page(third, topic),
    }
    seen = {name: {pk: _controls(body) for pk, body in _articles(html).items()} for name, html in pages.items()}
    # A member: report others' posts; edit their own (members may edit their own posts); the pending reply unseen.
    assert seen["third"] == {head: {"report"}, w: {"report"}, o: {"report"}}
    assert seen["third again"] == seen["third"]
    assert seen["other"] == {head: {"report"}, w: {"report"}, o: {"edit", "delete"}}
    assert seen["writer"] == {head: {"report"}, w: {"edit", "delete"}, o: {"report"}}
    # The author of the pending reply sees it, marked, with their controls.
    assert seen["newcomer"] == {head: {"report"}, w: {"report"}, o: {"report"}, p: {"edit", "delete"}}
    assert "PENDINGREPLY" in pages["newcomer"] and "PENDINGREPLY" not in pages["third"]
    assert gettext("Waiting for approval") in _articles(pages["newcomer"])[p]
    # The topic's author (verified staff) may accept an answer among the approved replies.
    assert seen["author"] == {
        head: {"edit", "delete"},
        w: {"report", "answer"},
        o: {"report", "answer"},
    }
    # The moderator sees the pending reply and may edit and delete every post and accept an answer.
    assert seen["moderator"] == {
        head: {"edit", "delete", "report"},
        w: {"edit", "delete", "report", "answer"},
        o: {"edit", "delete", "report", "answer"},
        p: {"edit", "delete", "report", "answer"},
    }


def test_the_reader_language_is_kept_apart(thread):
    """Arabic first; the same reader in English gets the English page, not the Arabic copy."""
    client = Client()
    client.force_login(thread["writer"])
    arabic = client.get(topic_url(thread["topic"])).content.decode()
    with translation.override("en"):
        english_url = topic_url(thread["topic"])
    english = client.get(english_url).content.decode()
    with translation.override("ar"):
        report_ar = gettext("Report")
    assert report_ar != "Report"
    assert report_ar in _articles(arabic)[thread["by_other"]] and "Report" not in _articles(arabic)[thread["by_other"]]
    assert "Report" in _articles(english)[thread["by_other"]]


def test_a_new_reply_an_edit_and_an_accepted_answer_show_at_the_next_view(thread):
    topic, reader = thread["topic"], thread["other"]
    _page(reader, topic)
    reply = factories.make_reply(topic=topic, poster=thread["writer"], content="BRANDNEWREPLY")
    assert "BRANDNEWREPLY" in _page(reader, topic)
    reply.content = "EDITEDREPLY"
    reply.save()
    html = _page(reader, topic)
    assert "EDITEDREPLY" in html and "BRANDNEWREPLY" not in html
    services.mark_solution(topic=topic, post=reply, user=thread["staff"])
    assert "post--accepted" in _articles(_page(reader, topic))[reply.pk]


def test_the_answer_buttons_post_with_the_readers_own_token(thread):
    """The rendered posts hold no CSRF token (they are shared): the buttons submit one form outside them."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(thread["staff"])
    _page(thread["other"], thread["topic"])  # a copy of the posts made for someone else first
    html = client.get(topic_url(thread["topic"])).content.decode()
    assert all("csrfmiddlewaretoken" not in body for body in _articles(html).values())
    form = re.search(r'<form id="post-actions" method="post"[^>]*>(.*?)</form>', html, flags=re.S)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.group(1)).group(1)
    action = re.search(r'form="post-actions" formaction="([^"]+)"', _articles(html)[thread["by_writer"]]).group(1)
    response = client.post(action, {"csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert selectors.solution_for_topic(topic=thread["topic"]).post_id == thread["by_writer"]


@pytest.mark.parametrize("case", list(SIGNED_IN_TOPIC_QUERIES))
def test_topic_page_queries_do_not_grow_with_its_posts(
    forums, member, staff, settings, case, django_assert_num_queries
):  # noqa: E501
    settings.FORUM_PAGE_CACHE_SECONDS = 0 if case == "cache off" else 300
    small = factories.make_topic(forum=forums["e-payment"], poster=staff, subject="Ten posts")
    big = factories.make_topic(forum=forums["e-payment"], poster=staff, subject="Fifty posts")
    for n in range(9):
        factories.make_reply(topic=small, poster=member if n % 2 else staff, content=f"reply {n}")
    for n in range(49):
        factories.make_reply(topic=big, poster=member if n % 2 else staff, content=f"reply {n}")
    client = Client()
    client.force_login(member)
    for topic, posts in ((small, 10), (big, 50)):
        client.get(topic_url(topic))  # the first view marks the topic read; the next ones only check it
        if case == "not yet cached":
            caching.bump_content_version()  # as any write to the forum does
        with django_assert_num_queries(SIGNED_IN_TOPIC_QUERIES[case]):
            response = client.get(topic_url(topic))
        assert len(_articles(response.content.decode())) == posts


def test_a_topic_read_again_writes_nothing_and_a_new_reply_makes_it_unread(thread):
    topic, reader = thread["topic"], thread["other"]
    client = Client()
    client.force_login(reader)
    client.get(topic_url(topic))
    with CaptureQueriesContext(connection) as queries:
        client.get(topic_url(topic))
    writes = [q["sql"] for q in queries if q["sql"].split()[0] in ("INSERT", "UPDATE", "DELETE")]
    assert writes == []
    unread = reverse("forum_tracking:unread_topics")
    assert topic.subject not in client.get(unread).content.decode()
    factories.make_reply(topic=topic, poster=thread["writer"], content="LATER")
    assert topic.subject in client.get(unread).content.decode()
    client.get(topic_url(topic))
    assert topic.subject not in client.get(unread).content.decode()


@pytest.mark.parametrize("role", ["anonymous", "member", "staff", "moderator", "editor"])
def test_permissions_loaded_for_every_forum_at_once_are_machinas(forums, role):
    from django.contrib.auth.models import AnonymousUser

    user = {
        "anonymous": AnonymousUser,
        "member": lambda: factories.make_member(username="m"),
        "staff": lambda: factories.make_staff(username="s"),
        "moderator": lambda: factories.make_moderator(username="mod"),
        "editor": lambda: factories.make_editor(username="ed"),
    }[role]()
    every_forum = list(Forum.objects.all())
    codenames = list(ForumPermission.objects.values_list("codename", flat=True))
    ours, machinas = PermissionHandler(), MachinaPermissionHandler()
    for forum in every_forum:
        for codename in codenames:
            expected = ForumPermissionChecker(user).has_perm(codename, forum)
            assert ours._get_checker(user).has_perm(codename, forum) == expected, (forum.name, codename)
    assert ours.readable_forum_ids(user) == {f.pk for f in machinas.get_readable_forums(Forum.objects.all(), user)}
    assert set(ours.get_moderation_queue_forums(user)) == set(machinas.get_moderation_queue_forums(user))
    assert {f.pk for f in ours.forum_list_filter(Forum.objects.all(), user)} == {
        f.pk for f in machinas.forum_list_filter(Forum.objects.all(), user)
    }
