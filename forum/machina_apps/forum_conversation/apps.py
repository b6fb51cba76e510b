from machina.apps.forum_conversation.apps import ForumConversationAppConfig as MachinaForumConversationAppConfig


class ForumConversationAppConfig(MachinaForumConversationAppConfig):
    """machina's `forum_conversation` app (same label), with the site's views (see forum/machina_apps/__init__.py)."""

    default = True  # the config Django picks in this module (machina's is imported here too)
    name = "forum.machina_apps.forum_conversation"
