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
        from forum import receivers
        from forum.search import ForumPostAdapter
        from search.registry import register

        receivers.connect_allauth()
        register(ForumPostAdapter())
