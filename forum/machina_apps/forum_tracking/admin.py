import machina.apps.forum_tracking.admin  # noqa: F401  (registers machina's admin for this app)
