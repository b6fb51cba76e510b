import machina.apps.forum.admin  # noqa: F401  (registers machina's admin for this app)
