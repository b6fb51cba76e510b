"""Per-client rate limit for the search page, counted in the cache (fixed one-minute windows)."""

from __future__ import annotations

import time

from django.conf import settings
from django.core.cache import cache

DEFAULT_PER_MINUTE = 60


def client_address(request) -> str:
    """The client's address as the log-in limits see it: allauth's, which honours TRUSTED_PROXY_COUNT (the
    proxies that append to X-Forwarded-For). A request that did not come through the proxies (fewer entries
    than configured) is counted under its peer address."""
    from allauth.account.adapter import get_adapter
    from django.core.exceptions import ImproperlyConfigured, PermissionDenied

    try:
        return get_adapter(request).get_client_ip(request)
    except (ImproperlyConfigured, PermissionDenied):
        return request.META.get("REMOTE_ADDR", "")


def client_key(request) -> str:
    """The signed-in user, or the client's address behind the documented reverse proxy."""
    if request.user.is_authenticated:
        return f"user:{request.user.pk}"
    return f"ip:{client_address(request)}"


def allow(request) -> bool:
    """Count one search for this client; False once it went past its allowance for the current minute."""
    limit = int(getattr(settings, "SEARCH_RATE_LIMIT_PER_MINUTE", DEFAULT_PER_MINUTE))
    window = int(time.time() // 60)
    key = f"search-rate:{client_key(request)}:{window}"
    if cache.add(key, 1, timeout=90):
        return limit >= 1
    try:
        return cache.incr(key) <= limit
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=90)
        return True
