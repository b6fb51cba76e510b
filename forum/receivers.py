"""Signal receivers: the search index follows machina's writes, and the forum's role groups follow accounts.

The forum's rules for a new or approved post (the author follows the topic, readers are told, reports close, the
author may become trusted) are not here: the views call `forum.services.post_created` / `post_approved`, so a post
saved by a script or the admin is only indexed. Each receiver runs inside the transaction of the write."""

from __future__ import annotations

from django.db.models.signals import m2m_changed, post_delete, post_init, post_save
from django.dispatch import receiver
from machina.core.db.models import get_model

from forum import search as forum_search
from forum import services
from hub.accounts.signals import standing_changed

Post = get_model("forum_conversation", "Post")
Topic = get_model("forum_conversation", "Topic")


@receiver(post_save, sender=Post)
def post_saved(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    post = instance
    forum_search.index_post(post)
    # machina updates the topic's and forum's counters right after this signal: by increments for a new reply,
    # otherwise by a recount, with their rows locked first (last step). This is how machina's save is done under
    # concurrency, whoever saves; it decides nothing.
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
        for post in instance.posts.select_related(*forum_search.TOPIC_RELATED):
            forum_search.index_post(post)
    instance._hub_state = state


@receiver(standing_changed, dispatch_uid="hub_forum_standing_changed")
def standing_changed_(sender, user, **kwargs):
    """An e-mail confirmed or removed, a municipality verified or withdrawn: the forum groups follow."""
    services.sync_user_groups(user=user)


def _connect_page_cache() -> None:
    """Anonymous forum pages are cached (forum/caching.py): any write to what they show makes them stale. Topic and
    forum counters are saved through these models too, so a new post, an edit, an approval, a move or a deletion
    all reach here; permission rows change who may read."""
    from forum.caching import bump_content_version
    from forum.models import ForumName, TopicProject, TopicSolution

    models = [
        get_model("forum", "Forum"),
        Topic,
        Post,
        get_model("forum_attachments", "Attachment"),
        get_model("forum_polls", "TopicPoll"),
        get_model("forum_polls", "TopicPollOption"),
        get_model("forum_polls", "TopicPollVote"),
        get_model("forum_permission", "ForumPermission"),
        get_model("forum_permission", "UserForumPermission"),
        get_model("forum_permission", "GroupForumPermission"),
        TopicSolution,
        TopicProject,
        ForumName,
    ]
    for model in models:
        for name, signal in (("save", post_save), ("delete", post_delete)):
            signal.connect(bump_content_version, sender=model, dispatch_uid=f"forum_cache_{name}_{model._meta.label}")


_connect_page_cache()


def _connect_reader_copies() -> None:
    """A signed-in reader's cached forum pages (forum/caching.py) show their read marks, the forums and topics they
    follow and their poll votes: writing one makes that reader's copies stale."""
    from forum.caching import reader_state_changed, topic_followers_changed
    from forum.models import ForumSubscription

    models = [
        get_model("forum_tracking", "ForumReadTrack"),
        get_model("forum_tracking", "TopicReadTrack"),
        get_model("forum_polls", "TopicPollVote"),
        ForumSubscription,
    ]
    for model in models:
        for name, signal in (("save", post_save), ("delete", post_delete)):
            signal.connect(reader_state_changed, sender=model, dispatch_uid=f"forum_reader_{name}_{model._meta.label}")
    m2m_changed.connect(
        topic_followers_changed, sender=Topic.subscribers.through, dispatch_uid="forum_reader_topic_followers"
    )


_connect_reader_copies()
