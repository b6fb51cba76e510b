"""Members' posts: what waits for approval stays with its author and the forum's moderators."""

from machina.apps.forum_member.views import ForumProfileDetailView as MachinaForumProfileDetailView
from machina.apps.forum_member.views import UserPostsView as MachinaUserPostsView


class UserPostsView(MachinaUserPostsView):
    """A member's posts, without those waiting for approval unless the reader wrote them or moderates the forum."""

    def get_queryset(self):
        visible = self.request.forum_permission_handler.visible_posts_filter(self.request.user)
        return super().get_queryset().filter(visible)


class ForumProfileDetailView(MachinaForumProfileDetailView):
    """A member's profile; its recent posts leave out replies in topics that wait for approval."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["recent_posts"] = [post for post in context["recent_posts"] if post.topic.approved]
        return context
