"""The forum's pages in the site's page cache (hub.caching): the index, forum and topic pages kept whole, for
anonymous readers for FORUM_PAGE_CACHE_SECONDS and for each signed-in reader as the site's pages are, checked
against the "forum" and "places" section versions, which every change to what a reader may see bumps; the topic
page's rendered posts; and topic view counts, counted in the cache and written to the database in batches by a task
(forum.tasks.flush_topic_views), so that an anonymous GET writes nothing.

The "forum" version is bumped at once (the writing process serves fresh pages within its transaction) and again
after the commit (a reader who cached the old page between the two cannot keep it)."""

from __future__ import annotations

import time

from django.core.cache import cache
from django.db.models import Case, F, IntegerField, Value, When
from django.utils.timezone import get_current_timezone_name
from django.utils.translation import get_language

from forum import conf
from hub.caching import bump, bump_on_commit, bump_reader_on_commit, cache_anonymous, cache_public, version

SLOTS_KEY = "forum:views:slots"
FLUSHED_KEY = "forum:views:flushed"
VIEW_BUCKET_SECONDS = 60
KEEP_SECONDS = 24 * 3600


def page_seconds() -> int:
    return int(conf.get("FORUM_PAGE_CACHE_SECONDS"))


def content_version() -> str:
    """The version of the site cache's "forum" section (hub.caching), which the home and project pages that list
    topics share with the forum's own pages."""
    return version("forum")


def bump_content_version(**kwargs) -> None:
    """Signal receiver: a forum, topic, post, attachment, poll, accepted answer or permission changed."""
    bump("forum")
    bump_on_commit("forum")


# What a forum page shows: the forum's content and the names of places (a member's municipality, a project's).
PAGE_SECTIONS = ("forum", "places")


class ForumPageCache:
    """First base of a forum view: its GETs answered from the site's page cache (hub.caching) while what the page
    shows is unchanged. `cache_params` names the query parameters the view reads (anything else does not make
    another copy, and the view does not see it).

    An anonymous reader's page is kept for FORUM_PAGE_CACHE_SECONDS (0: the forum's pages are not cached at all). A
    signed-in reader gets their own copy, as on the site's other pages (keyed per reader and CSRF secret, kept for
    HUB_PAGE_CACHE_SECONDS, stale when anything about the reader changes); what a forum page shows of its reader
    alone — read marks, followed forums and topics, poll votes — bumps the reader (`reader_state_changed`)."""

    cache_params: tuple[str, ...] = ("page",)

    def dispatch(self, request, *args, **kwargs):
        if page_seconds() <= 0:
            return super().dispatch(request, *args, **kwargs)
        if request.user.is_authenticated:
            cached = cache_public(sections=PAGE_SECTIONS, params=self.cache_params)
        else:
            cached = cache_anonymous(sections=PAGE_SECTIONS, params=self.cache_params, seconds=page_seconds)
        response = cached(self._render)(request, *args, **kwargs)
        if response.get("X-Hub-Cache") == "hit":
            self.page_served_from_cache(request, *args, **kwargs)
        return response

    def page_served_from_cache(self, request, *args, **kwargs) -> None:
        """What a view still does when its page comes from the cache (the topic page counts the view)."""

    def _render(self, request, *args, **kwargs):
        response = super().dispatch(request, *args, **kwargs)
        if hasattr(response, "render") and not response.is_rendered:
            response.render()
        return response


def reader_state_changed(sender, instance, **kwargs) -> None:
    """Signal receiver: a read mark, a followed forum or a poll vote of one reader was written or removed."""
    user_id = getattr(instance, "user_id", None) or getattr(instance, "voter_id", None)
    if user_id:
        bump_reader_on_commit(user_id)


def topic_followers_changed(sender, instance, action, pk_set, reverse=False, **kwargs) -> None:
    """m2m_changed of a topic's subscribers (from the topic's side or the user's)."""
    if not action.startswith("post_"):
        return
    for user_id in {instance.pk} if reverse else set(pk_set or ()):
        bump_reader_on_commit(user_id)


def posts_fragment_key(*, topic_id: int, page: int, flags: tuple, posts: list[tuple[int, bool, bool, bool]]) -> str:
    """The key of a topic page's rendered posts (templates/machina/forum_conversation/partials/topic_posts.html):
    the forum's content version (any post, topic, attachment, poll, answer or permission written makes every copy
    stale), the language and time zone of the dates, the page, the page's flags (accept buttons, downloads) and, for
    each post shown, (its id, whether this reader may edit, delete, report it). Readers who may do the same things
    share a copy; a moderator, the author of a post on the page or a reader who sees a post waiting for approval
    gets their own."""
    controls = ";".join(f"{pk}:{int(edit)}{int(delete)}{int(report)}" for pk, edit, delete, report in posts)
    flags_part = "".join(str(int(bool(flag))) for flag in flags)
    return (
        f"{content_version()}|{get_language()}|{get_current_timezone_name()}|{topic_id}|{page}|{flags_part}|{controls}"
    )


def count_view(*, topic_id: int) -> None:
    """One more view of a topic, in the cache. Counts go by minute; the first view of a topic in a minute takes a
    numbered slot (an atomic increment), which is how the flush finds the counters without listing keys."""
    bucket = int(time.time()) // VIEW_BUCKET_SECONDS
    key = f"forum:views:{bucket}:{topic_id}"
    try:
        cache.incr(key)  # the usual case: the topic was viewed before in this minute
        return
    except ValueError:
        pass
    if cache.add(key, 1, KEEP_SECONDS):
        cache.add(SLOTS_KEY, 0, None)
        slot = cache.incr(SLOTS_KEY)
        cache.set(f"forum:views:slot:{slot}", (bucket, topic_id), KEEP_SECONDS)
    else:
        cache.incr(key)


def _collect(*, include_current: bool):
    last = cache.get(SLOTS_KEY) or 0
    first = (cache.get(FLUSHED_KEY) or 0) + 1
    if last < first - 1:
        first = 1  # the slot counter was evicted or the cache emptied: numbering started again
    slots = cache.get_many([f"forum:views:slot:{n}" for n in range(first, last + 1)])
    open_bucket = int(time.time()) // VIEW_BUCKET_SECONDS
    done_up_to, entries = first - 1, []
    for n in range(first, last + 1):
        entry = slots.get(f"forum:views:slot:{n}")
        if entry is not None and not include_current and entry[0] >= open_bucket:
            break  # slots are numbered in time order: the rest are of the open minute
        done_up_to = n
        if entry is not None:
            entries.append(entry)
    keys = [f"forum:views:{bucket}:{topic_id}" for bucket, topic_id in entries]
    counts = cache.get_many(keys)
    totals: dict[int, int] = {}
    for bucket, topic_id in entries:
        totals[topic_id] = totals.get(topic_id, 0) + int(counts.get(f"forum:views:{bucket}:{topic_id}", 0))
    return totals, done_up_to, keys


def flush_views(*, include_current: bool = False) -> int:
    """Add the counted views to the topics' `views_count` in one UPDATE; returns the number of views written."""
    from machina.core.db.models import get_model

    Topic = get_model("forum_conversation", "Topic")
    totals, done_up_to, keys = _collect(include_current=include_current)
    totals = {topic_id: n for topic_id, n in totals.items() if n}
    if totals:
        Topic.objects.filter(pk__in=totals).update(
            views_count=F("views_count")
            + Case(*(When(pk=pk, then=Value(n)) for pk, n in totals.items()), output_field=IntegerField())
        )
    cache.delete_many(keys)
    cache.set(FLUSHED_KEY, done_up_to, None)
    return sum(totals.values())
