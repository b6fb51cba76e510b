from machina.apps.forum_conversation.forum_attachments.apps import (
    ForumAttachmentsAppConfig as MachinaForumAttachmentsAppConfig,
)


class ForumAttachmentsAppConfig(MachinaForumAttachmentsAppConfig):
    """machina's `forum_attachments` app (same label), with the site's views (see forum/machina_apps/__init__.py)."""

    default = True  # the config Django picks in this module (machina's is imported here too)
    name = "forum.machina_apps.forum_conversation.forum_attachments"
