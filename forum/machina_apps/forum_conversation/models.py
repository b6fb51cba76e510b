from machina.apps.forum_conversation.models import *  # noqa: F403  (machina's models, under this app's label)
