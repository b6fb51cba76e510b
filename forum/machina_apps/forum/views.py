"""machina's forum index and forum page, cached whole for anonymous readers (forum/caching.py); the forum page
with the site's unsolved filter and "Follow this forum"."""

from machina.apps.forum.views import ForumView as MachinaForumView
from machina.apps.forum.views import IndexView as MachinaIndexView

from forum.caching import ForumPageCache


class IndexView(ForumPageCache, MachinaIndexView):
    cache_params = ()


class ForumView(ForumPageCache, MachinaForumView):
    """A forum's topics; `?unsolved=1` keeps only topics without an accepted answer."""

    cache_params = ("page", "unsolved")

    def get_queryset(self):
        qs = super().get_queryset()
        if self.request.GET.get("unsolved"):
            qs = qs.filter(solution__isnull=True)
        return qs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["unsolved_only"] = bool(self.request.GET.get("unsolved"))
        user = self.request.user
        context["follows_forum"] = user.is_authenticated and user.forum_subscriptions.filter(forum=self.forum).exists()
        return context
