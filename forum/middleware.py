"""machina's permission middleware without the anonymous key, giving every request the site's permission handler
(forum/handler.py)."""

from machina.apps.forum_permission.middleware import ForumPermissionMiddleware as MachinaForumPermissionMiddleware

from forum.handler import PermissionHandler


class ForumPermissionMiddleware(MachinaForumPermissionMiddleware):
    """machina gives every anonymous visitor a key stored in the session, for anonymous posts and poll votes. The
    site grants neither to anonymous readers (forum/permissions.py), and the key created a session, a database write
    on every anonymous page, and made the pages uncacheable: no anonymous reader gets one."""

    def process_request(self, request):
        request.forum_permission_handler = PermissionHandler()
        return None
