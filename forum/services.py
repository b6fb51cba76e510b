"""Writes for the forum: the forum tree and its permissions, role groups, accepted answers, reports,
subscriptions, notifications and the moderation log (Wagtail's audit log). machina's writes stay in its views."""

from __future__ import annotations

import datetime
import re
from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from machina.core.db.models import get_model
from machina.core.loading import get_class

from forum import caching, conf, permissions
from forum.models import (
    ForumKey,
    ForumName,
    ForumSubscription,
    NotificationPreference,
    PendingNotification,
    PostReport,
    TopicProject,
    TopicSolution,
)
from forum.tree import TREE
from hub.accounts import roles
from hub.accounts import selectors as account_selectors

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser
    from django.core.management.base import OutputWrapper

    # machina ships no types: its models are Any to mypy; these names say which model a parameter is.
    from machina.apps.forum.models import Forum as ForumModel
    from machina.apps.forum_conversation.forum_polls.models import TopicPoll as TopicPollModel
    from machina.apps.forum_conversation.models import Post as PostModel
    from machina.apps.forum_conversation.models import Topic as TopicModel

    from hub.accounts.models import User

Forum = get_model("forum", "Forum")
Post = get_model("forum_conversation", "Post")
Topic = get_model("forum_conversation", "Topic")
TopicPoll = get_model("forum_polls", "TopicPoll")
TopicPollOption = get_model("forum_polls", "TopicPollOption")
TopicPollVote = get_model("forum_polls", "TopicPollVote")
ForumPermission = get_model("forum_permission", "ForumPermission")
GroupForumPermission = get_model("forum_permission", "GroupForumPermission")
UserForumPermission = get_model("forum_permission", "UserForumPermission")

MENTION_RE = re.compile(r"(?<![\w@])@([\w.+-]{2,150})", re.UNICODE)


# --- Forum tree and permissions -------------------------------------------------------------------------------


@transaction.atomic
def setup_forum(*, stdout: OutputWrapper | None = None) -> dict[str, ForumModel]:
    """Create (or complete) the forum tree, the role groups and every forum's permissions. Idempotent."""
    groups = {
        name: Group.objects.get_or_create(name=name)[0] for name in (*permissions.FORUM_GROUPS, *roles.ALL_GROUPS)
    }
    perms = {p.codename: p for p in ForumPermission.objects.all()}
    forums: dict[str, ForumModel] = {}
    for spec in TREE:
        key = ForumKey.objects.select_related("forum").filter(key=spec.key).first()
        if key is None:
            forum = Forum(
                name=spec.name_ar,
                description=spec.description_ar,
                type=Forum.FORUM_CAT if spec.is_category else Forum.FORUM_POST,
                parent=forums.get(spec.parent),  # type: ignore[arg-type]  # no parent: None
            )
            forum.full_clean(exclude=["slug"])
            forum.save()
            ForumKey.objects.create(key=spec.key, forum=forum)
            if stdout:
                stdout.write(f"forum: created {spec.key}")
        else:
            forum = key.forum
        if not ForumName.objects.filter(forum=forum).exists():  # an editor's renaming is kept
            forum_names_set(
                forum=forum,
                name_ar=spec.name_ar,
                name_en=spec.name_en,
                description_ar=spec.description_ar,
                description_en=spec.description_en,
            )
        forums[spec.key] = forum
        _grant(forum=forum, plan=permissions.PLAN[spec.kind], groups=groups, perms=perms)
    sync_all_user_groups()
    return forums


def _grant(*, forum, plan: dict[str, list[str]], groups, perms) -> None:
    """Make every row of `plan` exist for `forum` with has_perm=True: the rows of the forum are read once, the
    missing ones inserted in one statement per table and any that deny turned to grant (a few statements, not one
    per row: setup_forum runs on every demo load and in the tests' forum fixture)."""
    all_users = {}  # (permission, "anonymous" | "authenticated"): machina's rows for every (signed-in) user
    for row in UserForumPermission.objects.filter(forum=forum, user=None):
        for audience, flag in (("anonymous", row.anonymous_user), ("authenticated", row.authenticated_user)):
            if flag:
                all_users[(row.permission_id, audience)] = row
    by_group = {(row.permission_id, row.group_id): row for row in GroupForumPermission.objects.filter(forum=forum)}
    new_user_rows, new_group_rows, denied_user_rows, denied_group_rows = {}, {}, [], []
    for audience, codenames in plan.items():
        for codename in codenames:
            permission = perms[codename]
            if audience in ("anonymous", "authenticated"):
                anonymous = audience == "anonymous"
                key = (permission.pk, audience)
                row = all_users.get(key)
                if row is None:
                    new_user_rows[key] = UserForumPermission(
                        forum=forum, permission=permission, anonymous_user=anonymous,
                        authenticated_user=not anonymous, user=None, has_perm=True,
                    )  # fmt: skip
                elif not row.has_perm:
                    denied_user_rows.append(row.pk)
            else:
                key = (permission.pk, groups[audience].pk)
                row = by_group.get(key)
                if row is None:
                    new_group_rows[key] = GroupForumPermission(
                        forum=forum, permission=permission, group=groups[audience], has_perm=True
                    )
                elif not row.has_perm:
                    denied_group_rows.append(row.pk)
    UserForumPermission.objects.bulk_create(new_user_rows.values())
    GroupForumPermission.objects.bulk_create(new_group_rows.values())
    UserForumPermission.objects.filter(pk__in=denied_user_rows).update(has_perm=True)
    GroupForumPermission.objects.filter(pk__in=denied_group_rows).update(has_perm=True)
    caching.bump_content_version()  # bulk writes send no signal: who may read may have changed


@transaction.atomic
def forum_names_set(
    *, forum: ForumModel, name_ar: str, name_en: str, description_ar: str = "", description_en: str = ""
) -> ForumName:
    """A forum's name and description in Arabic and English (shown in the reader's language). machina's own name
    and description take the Arabic ones: the site's first language, and the name machina makes the slug from."""
    names = ForumName.objects.filter(forum=forum).first() or ForumName(forum=forum)
    names.name_ar, names.name_en = name_ar.strip(), name_en.strip()
    names.description_ar, names.description_en = description_ar.strip(), description_en.strip()
    names.full_clean()
    names.save()
    if (forum.name, str(forum.description or "")) != (names.name_ar, names.description_ar):
        forum.name, forum.description = names.name_ar, names.description_ar
        forum.save()
    return names


def forum_by_key(key: str) -> ForumModel | None:
    found = ForumKey.objects.select_related("forum").filter(key=key).first()
    return found.forum if found else None


# --- Role groups, kept in step with accounts -------------------------------------------------------------------


def _approved_posts(user) -> int:
    return Post.objects.filter(poster=user, approved=True).count()


@transaction.atomic
def sync_user_groups(*, user: User) -> None:
    """Put `user` in the forum groups their account allows: verified e-mail, trusted, verified staff."""
    if not user.pk:
        return
    wanted = {
        permissions.FORUM_MEMBERS: user.is_active and account_selectors.has_verified_email(user=user),
        permissions.FORUM_STAFF: user.is_active and user.municipality_id is not None,
    }
    wanted[permissions.FORUM_TRUSTED] = wanted[permissions.FORUM_MEMBERS] and (
        _approved_posts(user) >= conf.get("FORUM_TRUSTED_AFTER_APPROVED_POSTS")
    )
    current = set(user.groups.filter(name__in=permissions.FORUM_GROUPS).values_list("name", flat=True))
    for name, should in wanted.items():
        if should and name not in current:
            user.groups.add(Group.objects.get_or_create(name=name)[0])
        elif not should and name in current:
            user.groups.remove(Group.objects.get(name=name))
    user.__dict__.pop("_hub_group_names", None)


def sync_all_user_groups() -> None:
    for user in get_user_model().objects.all().iterator():
        sync_user_groups(user=user)


def is_new_member(user: User | AnonymousUser) -> bool:
    """A member whose posts still wait for approval: not trusted, not staff, not editor or moderator."""
    if roles.is_moderator(user) or roles.is_editor(user) or roles.staff_municipality_id(user):
        return False
    return not user.groups.filter(name=permissions.FORUM_TRUSTED).exists()


# --- Read tracking ---------------------------------------------------------------------------------------------


def mark_topic_read(*, topic: TopicModel, user: User | AnonymousUser) -> None:
    """A signed-in reader opened the topic: machina's read tracking (the topic's mark, and the forum's once every
    topic in it is read). A topic already read since its last post changes nothing, so that is asked first (one
    query): machina wrote the topic's mark again and counted the forum's topics on every view (six queries)."""
    if not user.is_authenticated:
        return
    from forum import selectors

    if selectors.topic_is_read(topic=topic, user=user):
        return
    get_class("forum_tracking.handler", "TrackingHandler")().mark_topic_read(topic, user)


# --- Accepted answers ------------------------------------------------------------------------------------------


def can_mark_solution(*, user: User | AnonymousUser, topic: TopicModel) -> bool:
    return bool(user.is_authenticated and (topic.poster_id == user.pk or roles.is_moderator(user)))


@transaction.atomic
def mark_solution(*, topic: TopicModel, post: PostModel, user: User) -> TopicSolution:
    """The topic's author or a moderator marks the reply that solved the question."""
    if not can_mark_solution(user=user, topic=topic):
        raise PermissionDenied
    if post.topic_id != topic.pk or not post.approved or post.pk == topic.first_post_id:
        raise ValidationError(_("Only an approved reply in this topic can be the accepted answer."))
    solution, _created = TopicSolution.objects.update_or_create(topic=topic, defaults={"post": post, "marked_by": user})
    if user.pk != topic.poster_id:
        log_moderation(actor=user, action="mark_solution", post=post)
    return solution


@transaction.atomic
def unmark_solution(*, topic: TopicModel, user: User) -> None:
    if not can_mark_solution(user=user, topic=topic):
        raise PermissionDenied
    TopicSolution.objects.filter(topic=topic).delete()


# --- Reports ---------------------------------------------------------------------------------------------------


@transaction.atomic
def report_post(*, post: PostModel, user: User | AnonymousUser, reason: str) -> PostReport:
    """A member reports a post; when enough members did, it is hidden (unapproved) until a moderator decides."""
    reason = (reason or "").strip()
    if not user.is_authenticated:
        raise PermissionDenied
    if post.poster_id == user.pk:
        raise ValidationError(_("You cannot report your own post."))
    if not reason:
        raise ValidationError(_("Please say why you report this post."))
    if PostReport.objects.filter(post=post, reporter=user, resolved_at=None).exists():
        raise ValidationError(_("You have already reported this post."))
    report = PostReport(post=post, reporter=user, reason=reason[:1000])
    report.full_clean(exclude=["post", "reporter"])
    PostReport.objects.filter(post=post, reporter=user).delete()  # an old, resolved report of the same member
    report.save()
    open_reports = PostReport.objects.filter(post=post, resolved_at=None).count()
    if post.approved and open_reports >= conf.get("FORUM_REPORTS_TO_HIDE"):
        # Unapproved posts are hidden by machina and listed in its moderation queue.
        post.approved = False
        post.save()
        log_moderation(actor=None, action="hide_reported", post=post)
    return report


@transaction.atomic
def resolve_reports(*, post: PostModel, moderator: User) -> int:
    """A moderator has reviewed the post (approved it, edited it or dismissed the reports)."""
    return PostReport.objects.filter(post=post, resolved_at=None).update(
        resolved_at=timezone.now(), resolved_by=moderator
    )


@transaction.atomic
def dismiss_reports(*, post: PostModel, moderator: User) -> int:
    """A moderator closes a post's reports and leaves the post as it is; logged with how many were closed."""
    count = resolve_reports(post=post, moderator=moderator)
    log_moderation(actor=moderator, action="dismiss_reports", post=post, detail=str(count))
    return count


# --- Moderation log: Wagtail's audit log ----------------------------------------------------------------------

AUDIT_ACTION_PREFIX = "forum."  # Wagtail audit log actions: "forum." + a key of MODERATION_ACTIONS
MODERATION_ACTIONS = {
    "approve_post": gettext_lazy("Forum: post approved"),
    "disapprove_post": gettext_lazy("Forum: post refused"),
    "edit_post": gettext_lazy("Forum: another member's post edited"),
    "edit_topic": gettext_lazy("Forum: another member's topic edited"),
    "delete_post": gettext_lazy("Forum: post deleted"),
    "lock_topic": gettext_lazy("Forum: topic locked"),
    "unlock_topic": gettext_lazy("Forum: topic unlocked"),
    "move_topic": gettext_lazy("Forum: topic moved"),
    "delete_topic": gettext_lazy("Forum: topic deleted"),
    "hide_reported": gettext_lazy("Forum: post hidden after reports"),
    "dismiss_reports": gettext_lazy("Forum: reports closed"),
    "mark_solution": gettext_lazy("Forum: accepted answer marked"),
}


def log_moderation(
    *,
    actor: User | AnonymousUser | None,
    action: str,
    post: PostModel | None = None,
    topic: TopicModel | None = None,
    detail: str = "",
    deleted: bool = False,
) -> None:
    """One moderator action (or the site's, with no actor) in Wagtail's audit log, on the post or else the topic:
    the admin's "Site history" report lists it, labelled in the reader's language (forum/wagtail_hooks.py).
    Called by the services once the action is done, inside its transaction (before a deletion, `deleted=True`)."""
    from wagtail.log_actions import log

    if action not in MODERATION_ACTIONS:
        raise ValueError(f"Unknown moderation action: {action}")
    instance = post if post is not None else topic
    log(
        instance=instance,
        action=AUDIT_ACTION_PREFIX + action,
        user=actor if actor is not None and actor.is_authenticated else None,
        data={
            "topic_id": post.topic_id if post is not None else topic.pk,  # type: ignore[union-attr]
            "post_id": post.pk if post is not None else None,
            "detail": detail,
        },
        deleted=deleted,
    )


# --- What follows a post written on the site ------------------------------------------------------------------


def post_created(*, post: PostModel) -> None:
    """A member's new topic or reply, saved by the site's forms: its author follows the topic, and if it needs no
    approval its readers are told (after commit). Runs in the view's transaction; a post saved any other way (a
    script, the admin) is only indexed."""
    if post.poster_id:
        post.topic.subscribers.add(post.poster_id)
    queue_post_notifications(post=post)


def post_approved(*, post: PostModel, moderator: User) -> None:
    """A moderator approved a post that waited (new, or hidden by reports): its readers are told, its reports are
    closed, and its author, with one more approved post, may now be a trusted member."""
    queue_post_notifications(post=post)
    resolve_reports(post=post, moderator=moderator)
    if post.poster_id:
        sync_user_groups(user=post.poster)
    log_moderation(actor=moderator, action="approve_post", post=post)


def post_disapproved(*, post: PostModel, moderator: User) -> None:
    """A moderator refused a post of the queue (machina then deletes it): logged, in the same transaction."""
    log_moderation(actor=moderator, action="disapprove_post", post=post, deleted=True)


def post_edited(*, post: PostModel, editor: User) -> None:
    """A post (or a topic's first post) was edited on the site: someone else's post is a moderator's edit."""
    if post.poster_id != editor.pk:
        action = "edit_topic" if post.is_topic_head else "edit_post"
        log_moderation(actor=editor, action=action, post=post)


def post_deleted(*, post: PostModel, moderator: User) -> None:
    """Someone else's post is being deleted (in the deletion's transaction): a moderator's action, logged."""
    if post.poster_id != moderator.pk:
        log_moderation(actor=moderator, action="delete_post", post=post, deleted=True)


def topic_moderated(*, topic: TopicModel, moderator: User, action: str) -> None:
    """A moderator locked, unlocked, moved or deleted a topic (`action`: lock_topic, unlock_topic, move_topic,
    delete_topic), called in the action's transaction."""
    log_moderation(actor=moderator, action=action, topic=topic, deleted=action == "delete_topic")


# --- Subscriptions and notifications ---------------------------------------------------------------------------


@transaction.atomic
def subscribe_forum(*, user: User, forum: ForumModel) -> ForumSubscription:
    return ForumSubscription.objects.get_or_create(user=user, forum=forum)[0]


@transaction.atomic
def unsubscribe_forum(*, user: User, forum: ForumModel) -> None:
    ForumSubscription.objects.filter(user=user, forum=forum).delete()


@transaction.atomic
def unsubscribe_topic(*, user: User, topic: TopicModel) -> None:
    topic.subscribers.remove(user)
    PendingNotification.objects.filter(user=user, topic=topic, sent_at=None).delete()


@transaction.atomic
def set_daily_digest(*, user: User, daily_digest: bool) -> NotificationPreference:
    preference, _created = NotificationPreference.objects.update_or_create(
        user=user, defaults={"daily_digest": daily_digest}
    )
    return preference


def mentioned_usernames(text: str) -> set[str]:
    return {m.rstrip(".") for m in MENTION_RE.findall(text or "")}


def queue_post_notifications(*, post: PostModel) -> None:
    """After commit, start one task for an approved post: it works out who must hear of it and tells them.
    Nothing per recipient happens in the request that saves the post."""
    if not post.approved:
        return
    from forum.tasks import notify_new_post

    post_id = post.pk
    transaction.on_commit(lambda: notify_new_post.enqueue(post_id=post_id))


@transaction.atomic
def record_post_notifications(*, post: PostModel) -> list[int]:
    """Record who must hear of an approved post (subscribers of its topic and forum who may read it, people it
    mentions) and return their ids. Idempotent: a (user, post) pair is recorded once."""
    if not post.approved:
        return []
    topic = post.topic
    user_model = get_user_model()
    readers = {}
    subscriber_ids = set(topic.subscribers.values_list("pk", flat=True))
    subscriber_ids |= set(ForumSubscription.objects.filter(forum_id=topic.forum_id).values_list("user_id", flat=True))
    mentioned = mentioned_usernames(post.content.raw if hasattr(post.content, "raw") else str(post.content))
    mention_ids = set(user_model.objects.filter(username__in=mentioned).values_list("pk", flat=True))
    for uid in subscriber_ids | mention_ids:
        if uid != post.poster_id:
            readers[uid] = uid in mention_ids
    if not readers:
        return []
    # Only people who may read the forum hear of it.
    from forum.selectors import readable_forum_ids

    users = user_model.objects.filter(pk__in=readers, is_active=True).exclude(email="")
    allowed = [u for u in users if topic.forum_id in readable_forum_ids(u)]
    already = set(PendingNotification.objects.filter(post=post).values_list("user_id", flat=True))
    rows = [
        PendingNotification(user=u, post=post, topic=topic, is_mention=readers[u.pk])
        for u in allowed
        if u.pk not in already
    ]
    PendingNotification.objects.bulk_create(rows, ignore_conflicts=True)
    return [row.user_id for row in rows]


# --- Posting: one post at a time per member, counters written by one poster at a time ---------------------------

# First key of PostgreSQL's two-key advisory locks for "this member is posting" (the second is the user id).
POSTING_LOCK_NAMESPACE = 10_001


def lock_posting(*, user: User | AnonymousUser) -> None:
    """Serialise the posts of one member until the end of the current transaction, in every worker and on every
    host sharing the database, so that the interval between two posts is checked and the post saved as one step."""
    if not user.is_authenticated:
        return
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("lock_posting must run inside transaction.atomic()")
    with transaction.get_connection().cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [POSTING_LOCK_NAMESPACE, user.pk])


def lock_topic_counters(*, topic_id: int, forum_id: int) -> None:
    """Inside a transaction, lock the rows of a topic and its forum before machina recounts their posts, so two
    posts saved at once cannot both write a count that misses the other. Taken last, just before the recount."""
    if not transaction.get_connection().in_atomic_block:
        return  # autocommit: machina's counters are written statement by statement, as before
    # FOR NO KEY UPDATE, like the UPDATE that follows: it does not wait for the key-share locks that inserting
    # a post (or a subscriber) referencing the topic takes, so two posters cannot deadlock on them.
    list(Topic.objects.select_for_update(no_key=True).filter(pk=topic_id).values_list("pk", flat=True))
    list(Forum.objects.select_for_update(no_key=True).filter(pk=forum_id).values_list("pk", flat=True))


def count_reply_on_save(*, post: PostModel) -> bool:
    """For a new approved reply in an approved topic, have machina's counter update (which Post.save runs right
    after the post_save signal) add the reply to the topic's and forum's counters instead of recounting every post
    and topic (9 queries on the whole topic and forum). Returns False when machina must recount (a topic's first
    post, a post waiting for approval, autocommit), which then happens under the row locks of lock_topic_counters.
    The two UPDATEs lock the rows themselves, topic then forum as the recount does, so concurrent replies queue
    on them and none is missed; the last post is the one created last, whatever the order of the commits."""
    topic = post.topic
    if not (post.approved and topic.approved and topic.first_post_id and transaction.get_connection().in_atomic_block):
        return False

    def add_reply():
        del topic.update_trackers  # once: any later update of this instance is machina's recount again
        add_reply_to_counters(topic_id=topic.pk, forum_id=topic.forum_id, post_id=post.pk, created=post.created)

    topic.update_trackers = add_reply
    return True


def add_reply_to_counters(*, topic_id: int, forum_id: int, post_id: int, created: datetime.datetime) -> None:
    """What machina's recount would find after one more approved reply, as two increments."""
    from django.db.models import Case, F, Q, Value, When
    from django.db.models.functions import Greatest

    def newest(field):
        is_newer = Q(last_post_on__isnull=True) | Q(last_post_on__lte=created)
        return {
            "last_post": Case(When(is_newer, then=Value(post_id)), default=F("last_post"), output_field=Post._meta.pk),
            "last_post_on": Greatest(F("last_post_on"), Value(created)),
            field: F(field) + 1,
            "updated": timezone.now(),
        }

    Topic.objects.filter(pk=topic_id).update(**newest("posts_count"))
    Forum.objects.filter(pk=forum_id).update(**newest("direct_posts_count"))


# --- Topics written outside the site's forms: the demo, an import ------------------------------------------------


@transaction.atomic
def topic_start(
    *,
    forum: ForumModel,
    poster: User,
    subject: str,
    content: str,
    created: datetime.datetime | None = None,
    topic_type: int | None = None,
    notify: bool = True,
) -> TopicModel:
    """A topic with its first post, as the new-topic form makes it (approved; its author follows it), dated
    `created` (a date the source gives: an import, the demo). `notify=False` tells nobody (the demo)."""
    topic = Topic.objects.create(
        forum=forum,
        poster=poster,
        subject=subject,
        type=Topic.TOPIC_POST if topic_type is None else topic_type,
        status=Topic.TOPIC_UNLOCKED,
        approved=True,
    )
    post = Post(topic=topic, poster=poster, subject=subject, content=content, approved=True)
    post.full_clean(exclude=["topic", "poster", "anonymous_key", "username"])
    post.save()
    _date_post(post=post, created=created)
    _after_post(post=post, notify=notify)
    topic.refresh_from_db()
    return topic


@transaction.atomic
def reply_add(
    *,
    topic: TopicModel,
    poster: User,
    content: str,
    created: datetime.datetime | None = None,
    notify: bool = True,
) -> PostModel:
    """A reply as the reply form makes it (approved; its author follows the topic), dated `created` if given."""
    from django.conf import settings
    from django.utils import translation

    with translation.override(settings.LANGUAGE_CODE):  # stored once for every reader: the site's first language
        prefix = _("Re:")
    subject = f"{prefix} {topic.subject}"
    post = Post(topic=topic, poster=poster, subject=subject[:255], content=content, approved=True)
    post.full_clean(exclude=["topic", "poster", "anonymous_key", "username"])
    post.save()
    _date_post(post=post, created=created)
    _after_post(post=post, notify=notify)
    return post


def _date_post(*, post: PostModel, created: datetime.datetime | None) -> None:
    """Give a post the date its source says, then recount its topic and forum (machina orders by date) and index it
    again (its search document carries the date)."""
    if created is None:
        return
    Post.objects.filter(pk=post.pk).update(created=created, updated=created)
    post.created = post.updated = created
    if post.topic.first_post_id in (None, post.pk):
        Topic.objects.filter(pk=post.topic_id).update(created=created)
    post.topic.refresh_from_db()
    post.topic.update_trackers()
    from forum.search import index_post

    index_post(post)


def _after_post(*, post: PostModel, notify: bool) -> None:
    if post.poster_id:
        post.topic.subscribers.add(post.poster_id)
    if notify:
        queue_post_notifications(post=post)


@transaction.atomic
def topic_import_state(*, topic: TopicModel, locked: bool = False, views: int = 0) -> None:
    """What a topic written elsewhere (an import, the demo) brings from its source: locked or not, how often read."""
    Topic.objects.filter(pk=topic.pk).update(
        status=Topic.TOPIC_LOCKED if locked else Topic.TOPIC_UNLOCKED, views_count=max(views, 0)
    )
    from forum.caching import bump_content_version

    bump_content_version()  # an UPDATE sends no signal


@transaction.atomic
def poll_create(
    *,
    topic: TopicModel,
    question: str,
    options: list[str],
    max_options: int = 1,
    duration: int | None = None,
    user_changes: bool = False,
) -> TopicPollModel:
    """A poll on a topic, with its options, as the new-topic form adds one (at least two options)."""
    if len(options) < 2:
        raise ValidationError(_("At least two poll options must be defined."))
    poll = TopicPoll(
        topic=topic, question=question, max_options=max_options, duration=duration or None, user_changes=user_changes
    )
    poll.full_clean(exclude=["topic"])
    poll.save()
    TopicPollOption.objects.bulk_create([TopicPollOption(poll=poll, text=text) for text in options])
    return poll


@transaction.atomic
def poll_vote(*, poll: TopicPollModel, user: User, options: list[str]) -> None:
    """`user`'s vote for the options of `poll` named `options` (their text); a second vote replaces the first."""
    chosen = list(TopicPollOption.objects.filter(poll=poll, text__in=options))
    if not chosen or len(chosen) > poll.max_options:
        raise ValidationError(_("Choose between one and %(count)d options.") % {"count": poll.max_options})
    TopicPollVote.objects.filter(poll_option__poll=poll, voter=user).delete()
    TopicPollVote.objects.bulk_create([TopicPollVote(poll_option=option, voter=user) for option in chosen])


@transaction.atomic
def link_topic_to_project(*, topic: TopicModel, project_id: int) -> TopicProject:
    link, _created = TopicProject.objects.get_or_create(topic=topic, defaults={"project_id": project_id})
    return link


def is_moderator_or_editor(user: User | AnonymousUser) -> bool:

    return roles.is_moderator(user) or roles.is_editor(user)
