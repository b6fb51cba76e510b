"""The forum tree and who may read and post where."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from machina.core.db.models import get_model

from forum import selectors
from forum.models import ForumKey
from tests.forum import factories
from tests.forum.conftest import form_data, new_topic_url, reply_url, topic_url

Forum = get_model("forum", "Forum")
Post = get_model("forum_conversation", "Post")
Topic = get_model("forum_conversation", "Topic")
pytestmark = pytest.mark.django_db


def test_setup_forum_creates_the_tree_once():
    call_command("setup_forum")
    count = Forum.objects.count()
    call_command("setup_forum")
    assert Forum.objects.count() == count == 12
    assert set(ForumKey.objects.values_list("key", flat=True)) >= {
        "announcements", "e-payment", "permits", "gis", "portals", "infrastructure", "security", "legislation",
        "training", "staff-lounge", "moderators",
    }  # fmt: skip


def test_forum_index_is_in_the_site_frame_right_to_left_in_arabic(client, forums):
    html = client.get("/ar/forum/").content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert "الدفع الإلكتروني" in html
    assert "css/forum.css" in html
    assert "cdn" not in html.lower()
    english = client.get("/en/forum/").content.decode()
    assert 'dir="ltr"' in english


def test_the_public_reads_public_forums_but_not_the_staff_lounge(client, forums, staff):
    public = selectors.public_forum_ids()
    assert forums["e-payment"].pk in public and forums["announcements"].pk in public
    assert forums["staff-lounge"].pk not in public and forums["moderators"].pk not in public
    assert forums["staff-lounge"].pk in selectors.readable_forum_ids(staff)
    assert forums["moderators"].pk not in selectors.readable_forum_ids(staff)
    lounge = forums["staff-lounge"]
    html = client.get("/ar/forum/").content.decode()
    assert lounge.name not in html


def test_anonymous_visitor_cannot_post(client, forums, staff):
    topic = factories.make_topic(forum=forums["e-payment"], poster=staff)
    assert client.get(topic_url(topic)).status_code == 200
    response = client.post(reply_url(topic), form_data(subject="x", content="spam"))
    assert response.status_code in (302, 403)
    assert Post.objects.filter(topic=topic).count() == 1


def test_member_without_verified_email_cannot_post(client, forums):
    user = factories.make_member(username="unverified", verified=False)
    client.force_login(user)
    response = client.post(new_topic_url(forums["gis"]), form_data(**{"subject": "Hello", "content": "Hi"}))
    assert response.status_code == 403
    assert not Topic.objects.filter(subject="Hello").exists()


def test_new_members_first_post_waits_for_approval_and_staff_posts_at_once(client, forums, member, staff):
    client.force_login(member)
    client.post(new_topic_url(forums["gis"]), form_data(**{"subject": "خرائط البلدية", "content": "كيف نبدأ؟"}))
    topic = Topic.objects.get(subject="خرائط البلدية")
    assert topic.approved is False  # in machina's moderation queue
    client.force_login(staff)
    client.post(new_topic_url(forums["gis"]), form_data(**{"subject": "نظام GIS مفتوح المصدر", "content": "تجربتنا"}))
    assert Topic.objects.get(subject="نظام GIS مفتوح المصدر").approved is True


def test_member_becomes_trusted_after_approved_posts(client, forums, member, moderator, settings):
    settings.FORUM_TRUSTED_AFTER_APPROVED_POSTS = 2
    topic = factories.make_topic(forum=forums["gis"], poster=member, approved=False)
    factories.make_reply(topic=topic, poster=member, approved=False)
    client.force_login(moderator)
    for post in Post.objects.filter(topic=topic).order_by("pk"):
        assert not member.groups.filter(name="Forum trusted members").exists()
        response = client.post(reverse("forum_moderation:approve_queued_post", args=[post.pk]))
        assert response.status_code == 302
    assert member.groups.filter(name="Forum trusted members").exists()


def test_forum_groups_follow_a_confirmed_email_and_the_staff_verification(client, forums):
    from allauth.account.models import EmailAddress, EmailConfirmationHMAC

    from hub.accounts import services as account_services
    from hub.accounts.models import MembershipRequest

    person = factories.make_member(username="newcomer", verified=False)
    address = EmailAddress.objects.create(user=person, email=person.email, verified=False, primary=True)
    assert not person.groups.filter(name="Forum members").exists()
    client.post(reverse("account_confirm_email", args=[EmailConfirmationHMAC(address).key]))
    assert person.groups.filter(name="Forum members").exists()

    editor = factories.make_editor(username="editor")
    municipality = factories.make_staff(username="hebron-staff").municipality
    request = MembershipRequest.objects.create(user=person, municipality=municipality, job_title="GIS officer")
    account_services.membership_request_verify(membership_request=request, decided_by=editor)
    assert person.groups.filter(name="Forum verified staff").exists()
    account_services.staff_membership_revoke(user=person, revoked_by=editor)
    assert not person.groups.filter(name="Forum verified staff").exists()


def test_only_editors_start_topics_in_announcements(client, forums, member):
    client.force_login(member)
    assert client.get(new_topic_url(forums["announcements"])).status_code == 403
    editor = factories.make_editor(username="editor")
    client.force_login(editor)
    assert client.get(new_topic_url(forums["announcements"])).status_code == 200


def test_arabic_topic_title_makes_a_working_url(client, forums, staff):
    topic = factories.make_topic(forum=forums["e-payment"], poster=staff, subject="تسوية المدفوعات مع البنك")
    assert topic.slug == "تسوية-المدفوعات-مع-البنك"
    response = client.get(topic_url(topic))
    assert response.status_code == 200
    assert "تسوية المدفوعات مع البنك" in response.content.decode()


def test_moderator_sees_the_queue_and_members_do_not(client, forums, member, moderator):
    client.force_login(member)
    assert client.get(reverse("forum_moderation:queue")).status_code == 403
    client.force_login(moderator)
    assert client.get(reverse("forum_moderation:queue")).status_code == 200
