"""Whole-page caching of anonymous views of hub pages, invalidated whenever any page is published or unpublished.

Every cached response is keyed on a site-wide content version; publishing, unpublishing, moving or deleting a
page bumps the version, so lists (home, indexes, feeds) never show a stale story. Signed-in readers, previews,
POSTs and responses that set a cookie are never cached. `HUB_PAGE_CACHE_SECONDS` (default 300, 0 turns it off)
sets both the server-side lifetime and the `Cache-Control: max-age` a CDN may use; with Wagtail's
frontend_cache app configured, the CDN is purged on publish too.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import get_language

VERSION_KEY = "hub:content-version"


def cache_seconds() -> int:
    return int(getattr(settings, "HUB_PAGE_CACHE_SECONDS", 300))


def content_version() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        cache.add(VERSION_KEY, version, None)
        version = cache.get(VERSION_KEY, version)
    return version


def bump_content_version(**kwargs) -> None:
    """Signal receiver: any change to what the public sees makes every cached page stale."""
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def _cacheable(request) -> bool:
    return (
        cache_seconds() > 0
        and request.method in ("GET", "HEAD")
        and not getattr(request, "is_preview", False)
        and not getattr(getattr(request, "user", None), "is_authenticated", False)
    )


def _key(request) -> str:
    return f"hub:page:{content_version()}:{get_language()}:{request.get_full_path()}"


class CachedServeMixin:
    """First base of every hub page: serve anonymous readers from the cache when the content has not changed."""

    def serve(self, request, *args, **kwargs):
        if not _cacheable(request):
            return super().serve(request, *args, **kwargs)
        key = _key(request)
        cached = cache.get(key)
        if cached is not None:
            cached["X-Hub-Cache"] = "hit"
            return cached
        response = super().serve(request, *args, **kwargs)
        if hasattr(response, "render") and not response.is_rendered:
            response.render()
        if response.status_code == 200 and not response.cookies:
            patch_cache_control(response, public=True, max_age=cache_seconds())
            patch_vary_headers(response, ("Cookie",))
            cache.set(key, response, cache_seconds())
            response["X-Hub-Cache"] = "miss"
        return response
