"""Security headers: the site's Content-Security-Policy (django-csp, settings in hub/settings/base.py), with the
two directives Wagtail's and Django's admin need loosened for their pages only."""

from csp.middleware import CSPMiddleware
from django.conf import settings


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware; under the admin prefixes (CSP_ADMIN_PATH_PREFIXES) the directives of
    CSP_ADMIN_REPLACE replace the site's. Wagtail's admin writes inline scripts without a nonce (date pickers,
    inline panels) and inline styles, so there a nonce cannot be used: the admin keeps every other directive,
    and no third-party origin."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if request.path_info.startswith(tuple(settings.CSP_ADMIN_PATH_PREFIXES)):
            parts.replace = {**settings.CSP_ADMIN_REPLACE, **(parts.replace or {})}
        return parts
