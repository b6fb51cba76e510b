"""Background work for the forum: notification e-mails (throttled per topic) and the daily digest."""

from __future__ import annotations

import logging
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task
from machina.core.db.models import get_model

from forum import conf
from forum.models import NotificationPreference, PendingNotification
from hub.accounts.selectors import language_of, languages_of
from hub.unsubscribe import make_token

Post = get_model("forum_conversation", "Post")
logger = logging.getLogger(__name__)


def unsubscribe_token(*, user_id: int, topic_id: int | None = None, forum_id: int | None = None) -> str:
    """A one-click link's token (hub.unsubscribe, purpose "forum"): {"u", "t", "f"}, as the links already sent."""
    return make_token(purpose="forum", user_id=user_id, t=topic_id, f=forum_id)


def _absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _topic_url(topic) -> str:
    return reverse(
        "forum_conversation:topic",
        kwargs={"forum_slug": topic.forum.slug, "forum_pk": topic.forum_id, "slug": topic.slug, "pk": topic.pk},
    )


def _wants_digest(user) -> bool:
    return NotificationPreference.objects.filter(user=user, daily_digest=True).exists()


@task()
def send_topic_notifications(*, user_id: int, topic_id: int) -> int:
    """Send one e-mail about the new posts of one topic, unless one was sent in the throttle window (the
    `forum_notifications` command sends it later) or the user reads a daily digest. Returns mails sent."""
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None or not user.email or _wants_digest(user):
        return 0
    window = timezone.now() - timedelta(minutes=conf.get("FORUM_NOTIFY_THROTTLE_MINUTES"))
    with transaction.atomic():
        pending = list(
            PendingNotification.objects.select_for_update(of=("self",))
            .filter(user=user, topic_id=topic_id, sent_at=None)
            .select_related("post", "post__poster", "topic", "topic__forum")
            .order_by("created")
        )
        if not pending:
            return 0
        if PendingNotification.objects.filter(user=user, topic_id=topic_id, sent_at__gte=window).exists():
            return 0
        topic = pending[0].topic
        with translation.override(language_of(user=user)):
            context = {
                "user": user,
                "topic": topic,
                "posts": [p.post for p in pending],
                "mentioned": any(p.is_mention for p in pending),
                "topic_url": _absolute(_topic_url(topic)),
                "unsubscribe_url": _absolute(
                    reverse("hub_forum:unsubscribe", args=[unsubscribe_token(user_id=user.pk, topic_id=topic.pk)])
                ),
            }
            subject = render_to_string("forum/email/topic_subject.txt", context).strip()
            body = render_to_string("forum/email/topic_body.txt", context)
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
        PendingNotification.objects.filter(pk__in=[p.pk for p in pending]).update(sent_at=timezone.now())
    return 1


@task()
def notify_new_post(*, post_id: int) -> int:
    """One task per new approved post: record who must hear of it, then send each of them the topic's e-mail
    (throttled and digest rules as in send_topic_notifications). Idempotent. Returns mails sent."""
    from forum import services

    post = Post.objects.select_related("topic", "topic__forum").filter(pk=post_id, approved=True).first()
    if post is None:
        return 0
    sent = 0
    for user_id in services.record_post_notifications(post=post):
        try:
            sent += send_topic_notifications.call(user_id=user_id, topic_id=post.topic_id)
        except Exception:
            # The row stays unsent: send_due_notifications (forum_notifications) tries again later.
            logger.exception("forum notification to user %s about topic %s failed", user_id, post.topic_id)
    return sent


@task()
def send_due_notifications() -> int:
    """Send every notification held back by the throttle whose window has passed (run every few minutes)."""
    sent = 0
    pairs = (
        PendingNotification.objects.filter(sent_at=None)
        .exclude(user__forum_notification_preference__daily_digest=True)
        .values_list("user_id", "topic_id")
        .distinct()
    )
    for user_id, topic_id in list(pairs):
        sent += send_topic_notifications.call(user_id=user_id, topic_id=topic_id)
    return sent


@task()
def send_daily_digests() -> int:
    """One e-mail per digest reader with every unsent notification; idempotent (sent rows are marked)."""
    sent = 0
    readers = (
        PendingNotification.objects.filter(sent_at=None, user__forum_notification_preference__daily_digest=True)
        .values_list("user_id", flat=True)
        .distinct()
    )
    readers = list(readers)
    languages = languages_of(user_ids=readers)
    for user in get_user_model().objects.filter(pk__in=readers, is_active=True):
        with transaction.atomic():
            pending = list(
                PendingNotification.objects.select_for_update(of=("self",))
                .filter(user=user, sent_at=None)
                .select_related("post", "post__poster", "topic", "topic__forum")
                .order_by("topic_id", "created")
            )
            if not pending or not user.email:
                continue
            topics = {}
            for p in pending:
                topics.setdefault(p.topic, []).append(p.post)
            with translation.override(languages[user.pk]):
                context = {
                    "user": user,
                    "topics": [
                        {"topic": t, "posts": posts, "url": _absolute(_topic_url(t))} for t, posts in topics.items()
                    ],
                }
                subject = render_to_string("forum/email/digest_subject.txt", context).strip()
                body = render_to_string("forum/email/digest_body.txt", context)
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
            PendingNotification.objects.filter(pk__in=[p.pk for p in pending]).update(sent_at=timezone.now())
            sent += 1
    return sent


@task()
def flush_topic_views(*, include_current: bool = False) -> int:
    """Write the topic views counted in the cache (forum.caching.count_view) to the topics, one UPDATE for all of
    them; run every few minutes (`forum_notifications`). The minute still being counted waits for the next run
    unless `include_current`. Returns the number of views written."""
    from forum import caching

    return caching.flush_views(include_current=include_current)
