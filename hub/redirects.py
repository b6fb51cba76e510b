"""Where a form may send the user back to: the one check of a `next` address, Django's own."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme


def safe_next(request: HttpRequest, *, fallback: str, field: str = "next") -> str:
    """The `next` address posted with the form when it stays on this site, else `fallback`.

    Django's `url_has_allowed_host_and_scheme` refuses other hosts, `//host`, `/\\host`, `javascript:` and, on an
    HTTPS request, plain-HTTP addresses; a hand-written prefix check misses some of these.
    """
    candidate = request.POST.get(field, "")
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return fallback
