from machina.apps.forum.apps import ForumAppConfig as MachinaForumAppConfig


class ForumAppConfig(MachinaForumAppConfig):
    """machina's `forum` app (same label), with the site's views (see forum/machina_apps/__init__.py)."""

    default = True  # the config Django picks in this module (machina's is imported here too)
    name = "forum.machina_apps.forum"
