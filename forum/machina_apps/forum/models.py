from machina.apps.forum.models import *  # noqa: F403  (machina's models, under this app's label)
