"""Per-client rate limit for the search page, counted in the cache (fixed one-minute windows)."""

from __future__ import annotations

import time

from django.conf import settings
from django.core.cache import cache

DEFAULT_PER_MINUTE = 60


def client_key(request) -> str:
    """The signed-in user, or the address the request came from (the proxy sets REMOTE_ADDR in production)."""
    if request.user.is_authenticated:
        return f"user:{request.user.pk}"
    return f"ip:{request.META.get('REMOTE_ADDR', '')}"


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
