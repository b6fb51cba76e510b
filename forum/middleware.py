"""machina's permission middleware, limited so that the rest of the site writes nothing for anonymous readers, and
giving every request the site's permission handler (forum/handler.py)."""

import re

from machina.apps.forum_permission.middleware import ForumPermissionMiddleware as MachinaForumPermissionMiddleware

from forum.handler import PermissionHandler

FORUM_PATH = re.compile(r"^/[a-z]{2}/forum/")


class ForumPermissionMiddleware(MachinaForumPermissionMiddleware):
    """machina gives every anonymous visitor a key stored in the session (for anonymous posts and poll votes), which
    creates a session and a database write on every page and makes pages uncacheable. Only forum pages need it."""

    def process_request(self, request):
        if request.user.is_authenticated or FORUM_PATH.match(request.path_info):
            super().process_request(request)
        request.forum_permission_handler = PermissionHandler()
        return None
