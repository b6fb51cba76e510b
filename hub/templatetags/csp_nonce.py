"""{% csp_nonce %}: the request's Content-Security-Policy nonce, for a <script nonce="..."> in a template that is
rendered without the request (widget templates go through the form renderer, which passes none)."""

from django import template

from hub.headers import current_nonce

register = template.Library()


@register.simple_tag
def csp_nonce() -> str:
    return current_nonce()
