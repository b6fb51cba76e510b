"""Reads for the forum: which forums a user may read, solved topics, subscriptions, project discussions."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Count, Exists, QuerySet
from django.db.models.functions import TruncMonth
from django.utils import translation
from machina.core.db.models import get_model
from machina.core.loading import get_class

from forum.handler import PermissionHandler as HubPermissionHandler
from forum.models import ForumKey, ForumName, PendingNotification, PostReport, TopicProject, TopicSolution

Forum = get_model("forum", "Forum")
Post = get_model("forum_conversation", "Post")
Topic = get_model("forum_conversation", "Topic")
PermissionHandler = get_class("forum_permission.handler", "PermissionHandler")

if TYPE_CHECKING:
    from collections.abc import Iterable

    # machina ships no types: its models are Any to mypy; the name says which model a parameter is.
    from machina.apps.forum.models import Forum as ForumModel
    from machina.apps.forum_conversation.models import Topic as TopicModel

    from hub.accounts.models import User


def readable_forum_ids(user: User | AnonymousUser | None, *, handler: HubPermissionHandler | None = None) -> set[int]:
    """The ids of the forums `user` (or the public, for None/anonymous) may read, by machina's permissions. Kept on
    the user object: a view that has the request's permission handler (`handler`, whose permissions are loaded
    already) asks first, and the later questions of the same request (search's "related" panel) cost nothing."""
    user = user or AnonymousUser()
    cached = getattr(user, "_hub_readable_forum_ids", None)
    if cached is not None:
        return cached
    ids = (handler or HubPermissionHandler()).readable_forum_ids(user)
    user._hub_readable_forum_ids = ids  # type: ignore[union-attr]  # a cache on the request's user object
    return ids


def forum_names(*, language: str | None = None) -> dict[int, tuple[str, str]]:
    """{forum id: (name, description)} in `language` (the active one by default; Arabic where the English is
    missing), for every forum that has names per language: one query for a whole page."""
    language = language or translation.get_language() or "ar"
    return {names.forum_id: (names.name(language), names.description(language)) for names in ForumName.objects.all()}


def forum_name(*, forum: ForumModel, language: str | None = None) -> str:
    """One forum's name in `language` (the active one by default); machina's name if it has none per language."""
    language = language or translation.get_language() or "ar"
    names = getattr(forum, "hub_names", None) if _names_loaded(forum) else None
    if names is None:
        names = ForumName.objects.filter(forum_id=forum.pk).first()
    return names.name(language) if names is not None else forum.name


def _names_loaded(forum) -> bool:
    """Whether `forum.hub_names` is already loaded (select_related), so that reading it runs no query."""
    try:
        return "hub_names" in forum._state.fields_cache
    except AttributeError:
        return False


def public_forum_ids() -> set[int]:
    return readable_forum_ids(AnonymousUser())


def latest_public_topics(*, limit: int = 5) -> list[TopicModel]:
    """Approved topics in the forums the public may read, latest activity first (the home page's list), each with
    `hub_forum_name`: its forum's name in the active language."""
    topics = list(
        Topic.objects.filter(approved=True, forum_id__in=public_forum_ids())
        .select_related("forum__hub_names")
        .order_by("-last_post_on", "-pk")[:limit]
    )
    for topic in topics:
        topic.hub_forum_name = forum_name(forum=topic.forum)  # in the reader's language, no query more
    return topics


def poster_count() -> int:
    """How many people have at least one approved post."""
    return Post.objects.filter(approved=True, poster__isnull=False).values("poster").distinct().count()


def public_activity(*, since: datetime.datetime) -> dict:
    """The public forums' activity for the statistics page: approved posts per month since `since`
    ({"posts_by_month": [(date of the month's first day, n), ...]}), approved topics and how many of them are
    solved (an accepted answer). Constant queries whatever the number of posts."""
    forum_ids = public_forum_ids()
    posts = (
        Post.objects.filter(approved=True, topic__approved=True, topic__forum_id__in=forum_ids, created__gte=since)
        .annotate(month=TruncMonth("created"))
        .order_by()
        .values("month")
        .annotate(n=Count("pk"))
        .order_by("month")
    )
    topics = Topic.objects.filter(approved=True, forum_id__in=forum_ids).aggregate(
        topics=Count("pk"), solved=Count("solution", distinct=True)
    )
    return {
        "posts_by_month": [(row["month"].date(), row["n"]) for row in posts],
        "topics": topics["topics"],
        "solved": topics["solved"],
    }


def _loaded_one_to_one(topic: TopicModel, name: str):
    """(True, the related object or None) when the topic was loaded by `topic_for_page` (with its relations, in this
    request); (False, None) otherwise: another instance may hold an older answer."""
    if not getattr(topic, "_hub_loaded_for_page", False) or not getattr(Topic, name).is_cached(topic):
        return False, None
    try:
        return True, getattr(topic, name)
    except ObjectDoesNotExist:
        return True, None


def solution_for_topic(*, topic: TopicModel) -> TopicSolution | None:
    """The topic's accepted answer (with its post, poster and who marked it), or None; no query when the topic was
    loaded with TOPIC_PAGE_RELATED."""
    loaded, solution = _loaded_one_to_one(topic, "solution")
    if loaded:
        return solution
    return TopicSolution.objects.select_related("post", "post__poster", "marked_by").filter(topic=topic).first()


def solved_topic_ids(*, topic_ids: Iterable[int]) -> set[int]:
    return set(TopicSolution.objects.filter(topic_id__in=list(topic_ids)).values_list("topic_id", flat=True))


def open_reports() -> QuerySet[PostReport]:
    """Reports a moderator has not reviewed yet, newest first, with their post and topic."""
    return (
        PostReport.objects.filter(resolved_at=None)
        .select_related("post", "post__topic", "post__topic__forum", "post__poster", "reporter")
        .order_by("-created")
    )


def unsent_notifications(*, user: User, topic: TopicModel | None = None) -> QuerySet[PendingNotification]:
    qs = PendingNotification.objects.filter(user=user, sent_at=None).select_related(
        "post", "post__poster", "topic", "topic__forum"
    )
    if topic is not None:
        qs = qs.filter(topic=topic)
    return qs.order_by("created")


def project_topics(*, project_id: int, user: User | AnonymousUser | None = None) -> QuerySet[TopicModel]:
    """Topics discussing one project that `user` may read."""
    return (
        Topic.objects.filter(hub_project__project_id=project_id, approved=True, forum_id__in=readable_forum_ids(user))
        .select_related("forum", "poster", "last_post")
        .order_by("-last_post_on")
    )


def project_for_topic(*, topic: TopicModel) -> int | None:
    loaded, link = _loaded_one_to_one(topic, "hub_project")
    if loaded:
        return link.project_id if link is not None else None
    return TopicProject.objects.filter(topic=topic).values_list("project_id", flat=True).first()


# What the topic page reads of a topic, loaded with it in one query (forum.machina_apps.forum_conversation.views).
TOPIC_PAGE_RELATED = ("forum", "poll", "solution__post__poster", "solution__marked_by", "hub_project")


def topic_for_page(*, pk: int) -> TopicModel | None:
    """The topic with what its page shows of it (TOPIC_PAGE_RELATED), in one query; `solution_for_topic` and
    `project_for_topic` then answer from it."""
    topic = Topic.objects.select_related(*TOPIC_PAGE_RELATED).filter(pk=pk).first()
    if topic is not None:
        topic._hub_loaded_for_page = True
    return topic


def topic_is_read(*, topic: TopicModel, user: User) -> bool:
    """Whether `user` has read the topic since its last post (a mark on the topic or on its whole forum at or after
    it: machina's read tracking); one query."""
    if topic.last_post_on is None:
        return False
    TopicReadTrack = get_model("forum_tracking", "TopicReadTrack")
    ForumReadTrack = get_model("forum_tracking", "ForumReadTrack")
    on_topic = TopicReadTrack.objects.filter(topic_id=topic.pk, user=user, mark_time__gte=topic.last_post_on)
    on_forum = ForumReadTrack.objects.filter(forum_id=topic.forum_id, user=user, mark_time__gte=topic.last_post_on)
    return Topic.objects.filter(pk=topic.pk).filter(Exists(on_topic) | Exists(on_forum)).exists()


def project_card(*, project_id: int) -> dict | None:
    """A small card for one published project ({"id", "title", "url", "municipality", "summary"}), or None."""
    from projects_db import selectors as project_selectors

    return project_selectors.project_card(project_id=project_id)


def project_discussion_forum(*, card: dict) -> ForumModel | None:
    """Where a project's discussion starts: the forum of its category (FORUM_CATEGORY_FORUMS), else the default
    project discussion forum (FORUM_PROJECT_DISCUSSION_FORUM)."""
    from forum import conf

    by_category = conf.get("FORUM_CATEGORY_FORUMS").get(card.get("category") or "")
    keys = [key for key in (by_category, conf.get("FORUM_PROJECT_DISCUSSION_FORUM")) if key]
    found = {link.key: link.forum for link in ForumKey.objects.select_related("forum").filter(key__in=keys)}
    return next((found[key] for key in keys if key in found), None)


def project_card_for_topic(*, topic: TopicModel) -> dict | None:
    """The card of the project a topic discusses, if any."""
    project_id = project_for_topic(topic=topic)
    return None if project_id is None else (project_card(project_id=project_id) or {"id": project_id})


def posts_awaiting_approval(*, user: User | AnonymousUser, limit: int = 20) -> tuple[int, list]:
    """(how many, the `limit` oldest) unapproved posts in the forums where machina lets `user` approve posts."""
    if not getattr(user, "is_authenticated", False):
        return 0, []
    forums = PermissionHandler().get_moderation_queue_forums(user)
    if not forums:
        return 0, []
    queryset = (
        Post.objects.filter(approved=False, topic__forum__in=forums)
        .select_related("topic", "topic__forum", "poster")
        .order_by("created", "pk")
    )
    return queryset.count(), list(queryset[:limit])
