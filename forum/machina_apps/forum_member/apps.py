from machina.apps.forum_member.apps import ForumMemberAppConfig as MachinaForumMemberAppConfig


class ForumMemberAppConfig(MachinaForumMemberAppConfig):
    """machina's `forum_member` app (same label), with the site's views (see forum/machina_apps/__init__.py)."""

    default = True  # the config Django picks in this module (machina's is imported here too)
    name = "forum.machina_apps.forum_member"
