"""machina's unread topics in one query: machina's tracking handler loaded every readable topic and checked each one
in Python (and then queried them again by id); here the rule is one filter on the tracks of the reader."""

from django.db.models import F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from machina.apps.forum_tracking.views import UnreadTopicsView as MachinaUnreadTopicsView
from machina.core.db.models import get_model

Forum = get_model("forum", "Forum")
Topic = get_model("forum_conversation", "Topic")
ForumReadTrack = get_model("forum_tracking", "ForumReadTrack")
TopicReadTrack = get_model("forum_tracking", "TopicReadTrack")


class UnreadTopicsView(MachinaUnreadTopicsView):
    def get_queryset(self):
        """machina's rule: a topic is unread if it changed after the reader's mark on it, or, with no mark on it,
        after the mark on its forum, or if neither mark exists."""
        user = self.request.user
        forums = self.request.forum_permission_handler.get_readable_forums(Forum.objects.all(), user)
        topic_mark = TopicReadTrack.objects.filter(topic=OuterRef("pk"), user=user).values("mark_time")[:1]
        forum_mark = ForumReadTrack.objects.filter(forum=OuterRef("forum_id"), user=user).values("mark_time")[:1]
        return (
            Topic.approved_objects.filter(forum__in=forums)
            .annotate(
                hub_changed=Coalesce("last_post_on", "created"),
                hub_topic_mark=Subquery(topic_mark),
                hub_forum_mark=Subquery(forum_mark),
            )
            .filter(
                Q(hub_topic_mark__lt=F("hub_changed"))
                | Q(hub_topic_mark__isnull=True)
                & (Q(hub_forum_mark__isnull=True) | Q(hub_forum_mark__lt=F("hub_changed")))
            )
            .select_related("forum", "poster", "last_post", "last_post__poster")
            .order_by("-last_post_on")
        )
