"""machina's permission handler with the site's rule on unapproved content: a topic or post waiting for
moderation is seen only by its author and by the moderators of its forum (machina itself hides such posts from
topic pages and counts, but still opens the unapproved topic's page, lists the posts on the member's profile and
offers a reply). Every request gets this handler from forum.middleware."""

from __future__ import annotations

from django.db.models import Q
from machina.apps.forum_permission.handler import PermissionHandler as MachinaPermissionHandler


class PermissionHandler(MachinaPermissionHandler):
    def can_moderate_forum(self, forum, user) -> bool:
        """Whether `user` approves posts in `forum` (and so sees what waits for approval there)."""
        return bool(user.is_authenticated) and self.can_approve_posts(forum, user)

    def can_read_topic(self, topic, user) -> bool:
        """A readable forum, and the topic approved, or `user` its author or a moderator of its forum."""
        if not self.can_read_forum(topic.forum, user):
            return False
        if topic.approved:
            return True
        if not user.is_authenticated:
            return False
        return topic.poster_id == user.pk or self.can_moderate_forum(topic.forum, user)

    def can_read_post(self, post, user) -> bool:
        """A post of a readable topic, approved, or `user` its author or a moderator of its forum."""
        if not self.can_read_topic(post.topic, user):
            return False
        if post.approved:
            return True
        return bool(user.is_authenticated) and (
            post.poster_id == user.pk or self.can_moderate_forum(post.topic.forum, user)
        )

    def visible_posts_filter(self, user) -> Q:
        """Posts `user` may see among those of forums they read: approved ones in approved topics, their own, and
        everything in the forums they moderate."""
        visible = Q(approved=True, topic__approved=True)
        if user.is_authenticated:
            moderated = [forum.pk for forum in self.get_moderation_queue_forums(user)]
            visible |= Q(poster_id=user.pk) | Q(topic__forum_id__in=moderated)
        return visible

    def can_add_post(self, topic, user):
        """No reply to a topic still waiting for approval, except by a moderator (who may approve it anyway)."""
        return super().can_add_post(topic, user) and (topic.approved or self.can_moderate_forum(topic.forum, user))

    def can_subscribe_to_topic(self, topic, user):
        return super().can_subscribe_to_topic(topic, user) and self.can_read_topic(topic, user)

    def can_vote_in_poll(self, poll, user):
        return super().can_vote_in_poll(poll, user) and self.can_read_topic(poll.topic, user)
