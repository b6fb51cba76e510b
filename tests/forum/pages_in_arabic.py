"""Every kind of forum page, as each role sees it: (role, name, url, method, data) for the Arabic catalogue check."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from machina.core.db.models import get_model

from forum import services
from tests.forum import factories

Topic = get_model("forum_conversation", "Topic")
Post = get_model("forum_conversation", "Post")
TopicPoll = get_model("forum_polls", "TopicPoll")
TopicPollOption = get_model("forum_polls", "TopicPollOption")
Attachment = get_model("forum_attachments", "Attachment")


def _kw(topic):
    return {"forum_slug": topic.forum.slug, "forum_pk": topic.forum_id}


def build(forums):
    """Users, a topic with a poll, a reply with an attachment, a post waiting for approval; then the pages."""
    member = factories.make_member(username="member")
    staff = factories.make_staff(username="staff-hebron")
    moderator = factories.make_moderator(username="moderator")
    topic = factories.make_topic(forum=forums["e-payment"], poster=staff, subject="بوابة الدفع", content="سؤال")
    poll = TopicPoll.objects.create(topic=topic, question="أي بوابة؟", max_options=1, duration=30)
    for text in ("الأولى", "الثانية"):
        TopicPollOption.objects.create(poll=poll, text=text)
    reply = factories.make_reply(topic=topic, poster=staff, content="رد")
    Attachment.objects.create(post=reply, file=SimpleUploadedFile("plan.pdf", b"%PDF-1.4 x"), comment="مخطط")
    services.mark_solution(topic=topic, post=reply, user=staff)
    own = factories.make_reply(topic=topic, poster=member, content="رد العضو", approved=True)
    waiting = factories.make_topic(
        forum=forums["gis"], poster=member, subject="ينتظر", content="ينتظر الموافقة", approved=False
    )
    topic_kw = {**_kw(topic), "slug": topic.slug, "pk": topic.pk}
    post_kw = {**_kw(topic), "topic_slug": topic.slug, "topic_pk": topic.pk}
    forum = topic.forum
    pages = [
        ("anonymous", "index", reverse("forum:index")),
        ("anonymous", "forum", reverse("forum:forum", kwargs={"slug": forum.slug, "pk": forum.pk})),
        ("anonymous", "topic", reverse("forum_conversation:topic", kwargs=topic_kw)),
        ("anonymous", "profile", reverse("forum_member:profile", kwargs={"pk": staff.pk})),
        ("anonymous", "user posts", reverse("forum_member:user_posts", kwargs={"pk": staff.pk})),
        ("member", "index", reverse("forum:index")),
        ("member", "forum", reverse("forum:forum", kwargs={"slug": forum.slug, "pk": forum.pk})),
        ("member", "topic", reverse("forum_conversation:topic", kwargs=topic_kw)),
        ("member", "new topic", reverse("forum_conversation:topic_create", kwargs=_kw(topic))),
        ("member", "reply", reverse("forum_conversation:post_create", kwargs=post_kw)),
        ("member", "edit post", reverse("forum_conversation:post_update", kwargs={**post_kw, "pk": own.pk})),
        ("member", "delete post", reverse("forum_conversation:post_delete", kwargs={**post_kw, "pk": own.pk})),
        ("member", "subscriptions", reverse("forum_member:user_subscriptions")),
        ("member", "unread", reverse("forum_tracking:unread_topics")),
        ("member", "mark read", reverse("forum_tracking:mark_all_forums_read")),
        ("member", "profile", reverse("forum_member:profile", kwargs={"pk": member.pk})),
        ("member", "edit profile", reverse("forum_member:profile_update")),
        ("member", "my posts", reverse("forum_member:user_posts", kwargs={"pk": member.pk})),
        ("member", "unsubscribe", reverse("forum_member:topic_unsubscribe", kwargs={"pk": topic.pk})),
        ("member", "report", reverse("hub_forum:report_post", kwargs={"pk": reply.pk})),
        ("member", "e-mail settings", reverse("hub_forum:notifications")),
        ("staff", "edit topic", reverse("forum_conversation:topic_update", kwargs=topic_kw)),
        ("staff", "lounge", reverse("forum:forum", kwargs={"slug": forums["staff-lounge"].slug,
                                                            "pk": forums["staff-lounge"].pk})),
        ("moderator", "topic", reverse("forum_conversation:topic", kwargs=topic_kw)),
        ("moderator", "queue", reverse("forum_moderation:queue")),
        ("moderator", "queued post", reverse("forum_moderation:queued_post", kwargs={"pk": waiting.first_post_id})),
        ("moderator", "approve", reverse("forum_moderation:approve_queued_post", kwargs={"pk": waiting.first_post_id})),
        ("moderator", "disapprove",
         reverse("forum_moderation:disapprove_queued_post", kwargs={"pk": waiting.first_post_id})),
        ("moderator", "lock", reverse("forum_moderation:topic_lock", kwargs={"slug": topic.slug, "pk": topic.pk})),
        ("moderator", "move", reverse("forum_moderation:topic_move", kwargs={"slug": topic.slug, "pk": topic.pk})),
        ("moderator", "delete", reverse("forum_moderation:topic_delete", kwargs={"slug": topic.slug, "pk": topic.pk})),
        ("moderator", "sticky",
         reverse("forum_moderation:topic_update_to_sticky", kwargs={"slug": topic.slug, "pk": topic.pk})),
        ("moderator", "announce",
         reverse("forum_moderation:topic_update_to_announce", kwargs={"slug": topic.slug, "pk": topic.pk})),
        ("moderator", "reports", reverse("hub_forum:reports")),
    ]  # fmt: skip
    users = {"anonymous": None, "member": member, "staff": staff, "moderator": moderator}
    return users, pages, {"topic": topic, "poll": poll, "post_kw": post_kw}
