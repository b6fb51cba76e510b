from machina.apps.forum_moderation.apps import ForumModerationAppConfig as MachinaForumModerationAppConfig


class ForumModerationAppConfig(MachinaForumModerationAppConfig):
    """machina's `forum_moderation` app (same label), with the site's views (see forum/machina_apps/__init__.py)."""

    default = True  # the config Django picks in this module (machina's is imported here too)
    name = "forum.machina_apps.forum_moderation"
