"""The forum under /<lang>/forum/: the site's own pages, then machina's URLs. A few of machina's addresses are
answered first by thin subclasses of its views (same paths, so machina's URL names still reverse to them)."""

from django.urls import include, path
from machina.core.loading import get_class

from forum import views

FORUM = "forum/<str:forum_slug>-<int:forum_pk>/"
TOPIC = FORUM + "topic/<str:topic_slug>-<int:topic_pk>/"


def _mod(name: str):
    return get_class("forum_moderation.views", name)


site_patterns = (
    [
        path("post/<int:pk>/answer/", views.mark_solution, name="mark_solution"),
        path("topic/<int:pk>/unanswer/", views.unmark_solution, name="unmark_solution"),
        path("post/<int:pk>/report/", views.report_post, name="report_post"),
        path("moderation/reports/", views.report_list, name="reports"),
        path("moderation/reports/<int:pk>/resolve/", views.resolve_reports, name="resolve_reports"),
        path("notifications/", views.notification_settings, name="notifications"),
        path("notifications/forum/<int:pk>/", views.toggle_forum_subscription, name="toggle_forum_subscription"),
        path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
        path("projects/<int:project_id>/discuss/", views.discuss_project, name="discuss_project"),
        path(
            FORUM + "topic/create/project-<int:project_id>/",
            views.TopicCreateView.as_view(),
            name="project_topic_create",
        ),
    ],
    "hub_forum",
)

overrides = [
    path("search/", views.search_redirect),
    path("tracking/unread-topics/", views.UnreadTopicsView.as_view()),
    path("member/profile/<int:pk>/", views.ForumProfileDetailView.as_view()),
    path("member/profile/<int:pk>/posts/", views.UserPostsView.as_view()),
    path("attachment/<int:pk>/", views.AttachmentView.as_view()),
    path("forum/<str:slug>-<int:pk>/", views.ForumView.as_view()),
    path(FORUM + "topic/create/", views.TopicCreateView.as_view()),
    path(FORUM + "topic/<str:slug>-<int:pk>/", views.TopicView.as_view()),
    path(FORUM + "topic/<str:slug>-<int:pk>/update/", views.logged(views.TopicUpdateView, "edit_topic").as_view()),
    path(TOPIC + "post/create/", views.PostCreateView.as_view()),
    path(TOPIC + "<int:pk>/post/update/", views.LoggedPostUpdateView.as_view()),
    path(TOPIC + "<int:pk>/post/delete/", views.LoggedPostDeleteView.as_view()),
    path("moderation/topic/<str:slug>-<int:pk>/lock/", views.logged(_mod("TopicLockView"), "lock_topic").as_view()),
    path(
        "moderation/topic/<str:slug>-<int:pk>/unlock/", views.logged(_mod("TopicUnlockView"), "unlock_topic").as_view()
    ),
    path(
        "moderation/topic/<str:slug>-<int:pk>/delete/", views.logged(_mod("TopicDeleteView"), "delete_topic").as_view()
    ),
    path("moderation/topic/<str:slug>-<int:pk>/move/", views.logged(_mod("TopicMoveView"), "move_topic").as_view()),
    path("moderation/queue/<int:pk>/approve/", views.logged(views.PostApproveView, "approve_post").as_view()),
    path(
        "moderation/queue/<int:pk>/disapprove/", views.logged(_mod("PostDisapproveView"), "disapprove_post").as_view()
    ),
]

urlpatterns = [
    path("", include(site_patterns)),
    *overrides,
    path("", include("machina.urls")),
]
