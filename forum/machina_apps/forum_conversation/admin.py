import machina.apps.forum_conversation.admin  # noqa: F401  (registers machina's admin for this app)
