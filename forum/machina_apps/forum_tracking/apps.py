from machina.apps.forum_tracking.apps import ForumTrackingAppConfig as MachinaForumTrackingAppConfig


class ForumTrackingAppConfig(MachinaForumTrackingAppConfig):
    """machina's `forum_tracking` app (same label), with the site's views (see forum/machina_apps/__init__.py)."""

    default = True  # the config Django picks in this module (machina's is imported here too)
    name = "forum.machina_apps.forum_tracking"
