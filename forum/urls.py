"""The forum under /<lang>/forum/: the site's own pages, then machina's URLs. machina's views that carry the site's
rules are found by machina itself in forum/machina_apps/ (its override mechanism), so no machina address is declared
here."""

from django.urls import include, path

from forum import views
from forum.machina_apps.forum_conversation.views import TopicCreateView

FORUM = "forum/<str:forum_slug>-<int:forum_pk>/"

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
            TopicCreateView.as_view(),
            name="project_topic_create",
        ),
    ],
    "hub_forum",
)

urlpatterns = [
    path("", include(site_patterns)),
    path("", include("machina.urls")),
]
