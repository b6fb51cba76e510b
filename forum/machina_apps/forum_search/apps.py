from machina.apps.forum_search.apps import ForumSearchAppConfig as MachinaForumSearchAppConfig


class ForumSearchAppConfig(MachinaForumSearchAppConfig):
    """machina's `forum_search` app (same label), with the site's views (see forum/machina_apps/__init__.py)."""

    default = True  # the config Django picks in this module (machina's is imported here too)
    name = "forum.machina_apps.forum_search"
