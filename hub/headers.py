"""Security headers: the site's Content-Security-Policy (django-csp, settings in hub/settings/base.py), one policy
for the whole site, the admin included: scripts from the site itself or with the request's nonce."""

import json
import re
from contextvars import ContextVar

from csp.middleware import CSPMiddleware
from django.conf import settings

# The nonce of the request being answered, for what renders scripts without the request at hand: Django's form
# renderer (widget templates) and Wagtail's chooser widgets. Read through current_nonce().
_request_nonce: ContextVar = ContextVar("csp_nonce", default=None)


def current_nonce() -> str:
    """The nonce of the request being answered ("" outside a request). Reading it puts it in the header."""
    nonce = _request_nonce.get()
    return str(nonce) if nonce is not None else ""


# Wagtail's chooser widgets start with `<script>new PageChooser("id_page", {...options});</script>`, written in Python
# (BaseChooser.render) by every form that has a chooser, Wagtail's own forms included: no template reaches it. The
# task chooser of workflows starts with `createTaskChooser("id_task");` instead (AdminTaskChooser.render_js_init).
_CHOOSER_SCRIPT = re.compile(r"<script>((new )?([A-Za-z_$][\w$]*)\((.*?)\);)</script>", re.S)
_CHOOSER_FUNCTIONS = {"createTaskChooser"}


def _chooser_constructors() -> set[str]:
    """The JavaScript constructor of every chooser widget class Wagtail and the project define (page, image,
    document, snippet...), read from the classes so that a new chooser is recognised without a list to maintain."""
    from wagtail.admin.widgets.chooser import BaseChooser

    names, pending = set(), [BaseChooser]
    while pending:
        widget = pending.pop()
        pending.extend(widget.__subclasses__())
        if isinstance(getattr(widget, "js_constructor", None), str):
            names.add(widget.js_constructor)
    return names


def _is_chooser_start(match: re.Match, constructors: set[str]) -> bool:
    """True if the script is exactly `new <a chooser>(<JSON string>, <JSON object>);` or `createTaskChooser(<JSON
    string>);`: a call of one of Wagtail's chooser starters on JSON literals, which run no code."""
    is_new, name, arguments = bool(match[2]), match[3], match[4]
    if name not in (constructors if is_new else _CHOOSER_FUNCTIONS):
        return False
    try:
        values = json.loads(f"[{arguments}]")
    except ValueError:
        return False
    if not values or not isinstance(values[0], str):
        return False
    return len(values) == 2 and isinstance(values[1], dict) if is_new else len(values) == 1


def nonce_chooser_scripts(html: str, nonce: str) -> str:
    """html with the nonce on each chooser's starting script, and on no other script. Wagtail copies the nonce when
    it clones a form from a <template> (an inline panel's "add", a formset's new row), so clones start too."""
    constructors = _chooser_constructors()

    def stamp(match: re.Match) -> str:
        if not _is_chooser_start(match, constructors):
            return match[0]
        return f'<script nonce="{nonce}">{match[1]}</script>'

    return _CHOOSER_SCRIPT.sub(stamp, html)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, which also makes the request's nonce reachable by current_nonce(). Under the admin
    prefixes (CSP_ADMIN_PATH_PREFIXES) the directives of CSP_ADMIN_REPLACE replace the site's: <style> elements,
    which Wagtail's editors insert while they run. In the admin's pages, the script that starts each chooser
    widget gets the nonce (nonce_chooser_scripts), and the fixed inline scripts of CSP_ADMIN_SCRIPT_HASHES run by
    their hash (see docs/deployment.md). No page allows inline scripts in general."""

    def process_request(self, request):
        super().process_request(request)
        request._csp_nonce_token = _request_nonce.set(request.csp_nonce)

    def process_response(self, request, response):
        if self._is_admin(request) and self._is_html(response) and b"<script>" in response.content:
            response.content = nonce_chooser_scripts(response.content.decode(response.charset), str(request.csp_nonce))
            if response.has_header("Content-Length"):
                response["Content-Length"] = str(len(response.content))
        token = getattr(request, "_csp_nonce_token", None)
        if token is not None:
            _request_nonce.reset(token)
            request._csp_nonce_token = None
        return super().process_response(request, response)

    @staticmethod
    def _is_admin(request) -> bool:
        return request.path_info.startswith(tuple(settings.CSP_ADMIN_PATH_PREFIXES))

    @staticmethod
    def _is_html(response) -> bool:
        return not response.streaming and response.get("Content-Type", "").startswith("text/html")

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if self._is_admin(request):
            parts.replace = {**settings.CSP_ADMIN_REPLACE, **(parts.replace or {})}
            update = dict(parts.update or {})
            update["script-src"] = [*update.get("script-src", []), *settings.CSP_ADMIN_SCRIPT_HASHES]
            parts.update = update
        return parts
