# machina's loader finds `forum_attachments.<module>` in this package and, for a nested app, does not fall back to
# machina's (it would look for machina.apps.forum_attachments): the modules machina loads by name are re-exported.
from machina.apps.forum_conversation.forum_attachments.forms import *  # noqa: F403
