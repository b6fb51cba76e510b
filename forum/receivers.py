"""Signal receivers: keep search, subscriptions, notifications and role groups in step with machina's writes.
They only call services; each runs inside the transaction of the write that sent the signal."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models.signals import post_delete, post_init, post_save
from django.dispatch import receiver
from machina.core.db.models import get_model

from forum import search as forum_search
from forum import services

Post = get_model("forum_conversation", "Post")
Topic = get_model("forum_conversation", "Topic")


@receiver(post_init, sender=Post)
def remember_post_state(sender, instance, **kwargs):
    instance._hub_was_approved = instance.__dict__.get("approved") if instance.pk else None


@receiver(post_save, sender=Post)
def post_saved(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    post = instance
    became_approved = post.approved and (created or post._hub_was_approved is False)
    if created and post.poster_id:
        post.topic.subscribers.add(post.poster_id)  # posting subscribes you to the topic
    forum_search.index_post(post)
    if became_approved:
        services.queue_post_notifications(post=post)
        if not created:
            services.resolve_reports(post=post, moderator=None)
            if post.poster_id:
                services.sync_user_groups(user=post.poster)  # enough approved posts make a member trusted
    post._hub_was_approved = post.approved
    # machina updates the topic's and forum's counters right after this signal: by increments for a new reply,
    # otherwise by a recount, with their rows locked first (last step).
    if not (created and services.count_reply_on_save(post=post)):
        services.lock_topic_counters(topic_id=post.topic_id, forum_id=post.topic.forum_id)


@receiver(post_delete, sender=Post)
def post_deleted(sender, instance, **kwargs):
    forum_search.unindex_post(instance.pk)


@receiver(post_init, sender=Topic)
def remember_topic_state(sender, instance, **kwargs):
    d = instance.__dict__
    instance._hub_state = (d.get("forum_id"), d.get("approved"), d.get("subject")) if instance.pk else None


@receiver(post_save, sender=Topic)
def topic_saved(sender, instance, created, raw=False, **kwargs):
    """A moved, renamed, approved or hidden topic changes who may find its posts: reindex them."""
    if raw or created:
        return
    state = (instance.forum_id, instance.approved, instance.subject)
    if instance._hub_state is not None and state != instance._hub_state:
        for post in instance.posts.select_related("topic", "topic__forum"):
            forum_search.index_post(post)
    instance._hub_state = state


@receiver(post_save, sender=get_user_model())
def user_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or (update_fields and set(update_fields) <= {"last_login"}):
        return
    services.sync_user_groups(user=instance)


def _email_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        services.sync_user_groups(user=instance.user)


def connect_allauth() -> None:
    from allauth.account.models import EmailAddress

    post_save.connect(_email_changed, sender=EmailAddress, dispatch_uid="hub_forum_email_verified")
