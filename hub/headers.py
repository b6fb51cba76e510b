"""Security headers: the site's Content-Security-Policy (django-csp, settings in hub/settings/base.py), one policy
for the whole site, the admin included: scripts from the site itself or with the request's nonce."""

import re
from contextvars import ContextVar

from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware
from django.conf import settings

# The nonce of the request being answered, for what renders scripts without the request at hand: Django's form
# renderer (widget templates) and Wagtail's chooser widgets. Read through current_nonce().
_request_nonce: ContextVar = ContextVar("csp_nonce", default=None)


def current_nonce() -> str:
    """The nonce of the request being answered ("" outside a request). Reading it puts it in the header."""
    nonce = _request_nonce.get()
    return str(nonce) if nonce is not None else ""


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, which also makes the request's nonce reachable by current_nonce(). Under the admin
    prefixes (CSP_ADMIN_PATH_PREFIXES) the directives of CSP_ADMIN_REPLACE replace the site's: <style> elements,
    which Wagtail's editors insert while they run. The few admin pages whose inline script cannot
    carry the nonce (CSP_ADMIN_INLINE_SCRIPT_PATHS) allow inline scripts instead (see docs/deployment.md)."""

    def process_request(self, request):
        super().process_request(request)
        request._csp_nonce_token = _request_nonce.set(request.csp_nonce)

    def process_response(self, request, response):
        token = getattr(request, "_csp_nonce_token", None)
        if token is not None:
            _request_nonce.reset(token)
            request._csp_nonce_token = None
        return super().process_response(request, response)

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if request.path_info.startswith(tuple(settings.CSP_ADMIN_PATH_PREFIXES)):
            replace = dict(settings.CSP_ADMIN_REPLACE)
            if any(re.match(pattern, request.path_info) for pattern in settings.CSP_ADMIN_INLINE_SCRIPT_PATHS):
                replace["script-src"] = [SELF, UNSAFE_INLINE]  # without the nonce, which would void 'unsafe-inline'
            parts.replace = {**replace, **(parts.replace or {})}
        return parts
