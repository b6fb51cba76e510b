from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HubForumConfig(AppConfig):
    """The site's additions to django-machina. Its label is not `forum`, which machina would take for an
    override of its own forum app (machina/core/loading.py)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "forum"
    label = "hub_forum"
    verbose_name = _("Forum")

    def ready(self):
        from forum import receivers, selectors  # noqa: F401  (receivers: connects the signals)
        from forum.search import ForumPostAdapter
        from search.registry import register, register_audience_provider

        register(ForumPostAdapter())
        # The site search shows a forum post only to readers of its forum, by machina's permissions.
        register_audience_provider(selectors.readable_forum_ids)
