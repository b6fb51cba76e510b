"""machina's own addresses reach the site's views through machina's override mechanism (forum/machina_apps/): the
URL names and paths are machina's, declared once, and machina's admin and models are still there."""

import pytest
from django.contrib import admin
from django.urls import resolve, reverse
from machina.core.db.models import get_model

FORUM = {"forum_slug": "f", "forum_pk": 1}
TOPIC = {**FORUM, "topic_slug": "t", "topic_pk": 2}
ROUTES = [
    ("forum:forum", {"slug": "f", "pk": 1}, "forum.views.ForumView"),
    ("forum_conversation:topic", {**FORUM, "slug": "t", "pk": 2}, "forum_conversation.views.TopicView"),
    ("forum_conversation:topic_create", FORUM, "forum_conversation.views.TopicCreateView"),
    ("forum_conversation:topic_update", {**FORUM, "slug": "t", "pk": 2}, "forum_conversation.views.TopicUpdateView"),
    ("forum_conversation:post_create", TOPIC, "forum_conversation.views.PostCreateView"),
    ("forum_conversation:post_update", {**TOPIC, "pk": 3}, "forum_conversation.views.PostUpdateView"),
    ("forum_conversation:post_delete", {**TOPIC, "pk": 3}, "forum_conversation.views.PostDeleteView"),
    ("forum_conversation:attachment", {"pk": 1}, "forum_conversation.forum_attachments.views.AttachmentView"),
    ("forum_member:profile", {"pk": 1}, "forum_member.views.ForumProfileDetailView"),
    ("forum_member:user_posts", {"pk": 1}, "forum_member.views.UserPostsView"),
    ("forum_tracking:unread_topics", {}, "forum_tracking.views.UnreadTopicsView"),
    ("forum_search:search", {}, "forum_search.urls.search_redirect"),
    ("forum_moderation:topic_lock", {"slug": "t", "pk": 1}, "forum_moderation.views.TopicLockView"),
    ("forum_moderation:topic_unlock", {"slug": "t", "pk": 1}, "forum_moderation.views.TopicUnlockView"),
    ("forum_moderation:topic_delete", {"slug": "t", "pk": 1}, "forum_moderation.views.TopicDeleteView"),
    ("forum_moderation:topic_move", {"slug": "t", "pk": 1}, "forum_moderation.views.TopicMoveView"),
    ("forum_moderation:approve_queued_post", {"pk": 1}, "forum_moderation.views.PostApproveView"),
    ("forum_moderation:disapprove_queued_post", {"pk": 1}, "forum_moderation.views.PostDisapproveView"),
]


@pytest.mark.parametrize(("name", "kwargs", "view"), ROUTES)
def test_machinas_address_reaches_the_sites_view(name, kwargs, view):
    match = resolve(reverse(name, kwargs=kwargs))
    found = getattr(match.func, "view_class", match.func)
    assert f"{found.__module__}.{found.__name__}" == f"forum.machina_apps.{view}"


def test_each_address_is_declared_once():
    from forum import urls

    declared = [str(p.pattern) for p in urls.urlpatterns]
    assert declared == ["", ""]  # the site's own pages, then machina's URL conf as machina builds it


def test_machinas_models_and_admin_stay():
    for label, model in (("forum", "Forum"), ("forum_conversation", "Topic"), ("forum_attachments", "Attachment")):
        assert admin.site.is_registered(get_model(label, model))
