"""machina's permission handler with the site's rule on unapproved content: a topic or post waiting for
moderation is seen only by its author and by the moderators of its forum (machina itself hides such posts from
topic pages and counts, but still opens the unapproved topic's page, lists the posts on the member's profile and
offers a reply). Every request gets this handler from forum.middleware.

It also asks the database less: machina's checker loads a user's permissions forum by forum (two queries for each
forum asked about, and two more for each list of forums), here they are loaded for every forum at the first question
(the same two queries, machina's own computation), and the forums a user may read come from the forum list the
handler already holds rather than from two more queries."""

from __future__ import annotations

from collections import OrderedDict

from django.db.models import Q
from machina.apps.forum_permission.checker import ForumPermissionChecker
from machina.apps.forum_permission.handler import PermissionHandler as MachinaPermissionHandler


class AllForumsChecker(ForumPermissionChecker):
    """machina's permission checker that computes the user's permissions in every forum at the first question
    (machina's `get_perms_for_forumlist` over all forums) and answers every later one, for one forum or a list, from
    that. A forum it does not know (created since) is asked about as machina does."""

    def __init__(self, user, all_forums):
        super().__init__(user)
        self._all_forums = all_forums  # a callable: the handler's list of every forum
        self._every_forum: dict[int, set[str]] | None = None

    def _every_forum_perms(self) -> dict[int, set[str]]:
        if self._every_forum is None:
            perms = ForumPermissionChecker.get_perms_for_forumlist(self, self._all_forums(), None)
            self._every_forum = {forum.id: set(codes) for forum, codes in perms.items()}
        return self._every_forum

    def _applies(self) -> bool:
        """machina answers superusers and inactive users without looking at permissions: so does this."""
        return bool(self.user) and not self.user.is_superuser and (self.user.is_anonymous or self.user.is_active)

    def get_perms(self, forum):
        if forum is not None and self._applies():
            known = self._every_forum_perms().get(forum.id)
            if known is not None:
                return known
        return super().get_perms(forum)

    def get_perms_for_forumlist(self, forums, perm_codenames=None):
        if self._applies():
            known = self._every_forum_perms()
            if all(forum is not None and forum.id in known for forum in forums):
                wanted = set(perm_codenames) if perm_codenames else None
                return OrderedDict(
                    (forum, known[forum.id] & wanted if wanted is not None else set(known[forum.id]))
                    for forum in forums
                )
        return super().get_perms_for_forumlist(forums, perm_codenames)


class PermissionHandler(MachinaPermissionHandler):
    def _get_checker(self, user):
        key = user.id if not user.is_anonymous else "anonymous"
        if key not in self._user_perm_checkers_cache:
            self._user_perm_checkers_cache[key] = AllForumsChecker(user, self._get_all_forums)
        return self._user_perm_checkers_cache[key]

    def _filter_granted_forums_using_tree(self, granted_forums):
        """The granted forums whose ancestors are all granted too (machina's rule), from the forum list already
        loaded: machina walks a tree it loads again and returns a queryset, a third query."""
        granted = {forum.id for forum in granted_forums}
        by_id = {forum.id: forum for forum in self._get_all_forums()}

        def reachable(forum) -> bool:
            while forum is not None:
                if forum.id not in granted:
                    return False
                forum = by_id.get(forum.parent_id)
            return True

        return [forum for forum in by_id.values() if reachable(forum)]

    def readable_forum_ids(self, user) -> set[int]:
        """The ids of the forums `user` may read (machina's `get_readable_forums` over the forum list it holds)."""
        return {forum.id for forum in self.get_readable_forums(self._get_all_forums(), user)}

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
