# Re-exported for machina's loader (see forms.py).
from machina.apps.forum_conversation.forum_attachments.cache import *  # noqa: F403
