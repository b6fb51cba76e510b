"""machina's unread topics, loading each topic's forum, poster and last post with the list (no N+1)."""

from machina.apps.forum_tracking.views import UnreadTopicsView as MachinaUnreadTopicsView


class UnreadTopicsView(MachinaUnreadTopicsView):
    def get_queryset(self):
        return super().get_queryset().select_related("forum", "poster", "last_post", "last_post__poster")
