import machina.apps.forum_conversation.forum_attachments.admin  # noqa: F401  (registers machina's admin for this app)
