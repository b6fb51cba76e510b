import machina.apps.forum_member.admin  # noqa: F401  (registers machina's admin for this app)
