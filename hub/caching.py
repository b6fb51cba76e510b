"""Whole-page caching of anonymous views, keyed on named section versions that the services bump after commit.

The API (small on purpose; docs/performance.md, "Caching"):

- `bump(*sections)` / `bump_on_commit(*sections)`: what a section shows changed; every cached response that depends
  on one of them is stale at once (its key carried the old version). Sections: `SECTIONS`. `version(*sections)`
  gives the current versions, for a key built by hand (a template fragment, a forum page).
- `cache_anonymous(sections=..., params=...)`: a view decorator. An anonymous GET is answered from the cache, keyed
  on the sections' versions, the host, the path and only the query parameters the view reads (the view itself sees
  only those, so what it renders is a function of the key: `utm_*` and junk neither split the cache nor leak into
  links). Works on Django views, ninja operations (`ninja.decorators.decorate_view`) and feeds.
- `CachedServeMixin` (first base of a Wagtail page class) and `serve_page` (Wagtail's serve view, wrapped in
  hub/urls.py): a cached page is answered before Wagtail routes, so a hit costs no query.

Never cached: signed-in readers, previews, other methods than GET/HEAD, non-200 answers, answers that set a cookie,
use the CSP nonce or need a CSRF cookie, requests carrying a session or pending messages, pages with view
restrictions. `HUB_PAGE_CACHE_SECONDS` (default 300, 0 turns caching off) sets the server-side lifetime, a bound
for what no service announces (related items, dates), and the `Cache-Control: max-age` a CDN may use.
"""

from __future__ import annotations

import functools
import hashlib
import uuid
from collections.abc import Callable, Iterable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse, QueryDict
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import get_language

# What a cached response may depend on; a service that changes one calls bump_on_commit(name).
SECTIONS = frozenset({"pages", "projects", "places", "cooperation", "forum", "search"})
# What a Wagtail page shows unless its class says more (CachedServeMixin.cache_sections): pages, projects (lists and
# links), place names and the award.
PAGE_SECTIONS = ("pages", "projects", "places", "cooperation")


def cache_seconds() -> int:
    return int(getattr(settings, "HUB_PAGE_CACHE_SECONDS", 300))


def _version_key(section: str) -> str:
    return f"hub:version:{section}"


def _check(sections: Iterable[str]) -> None:
    unknown = set(sections) - SECTIONS
    if unknown:
        raise ValueError(f"unknown cache sections: {sorted(unknown)}")


def bump(*sections: str) -> None:
    """Make every cached response that depends on one of `sections` stale."""
    _check(sections)
    cache.set_many({_version_key(section): uuid.uuid4().hex for section in sections}, None)


def bump_on_commit(*sections: str) -> None:
    """bump(), after the current transaction commits (at once outside one): a reader never caches the old rows
    under the new version."""
    _check(sections)  # now, where the caller sees the error
    transaction.on_commit(lambda: bump(*sections))


def bump_pages(**kwargs: Any) -> None:
    """Receiver of Wagtail's page signals (hub/apps.py): a page was published, unpublished, moved or deleted."""
    bump_on_commit("pages")


def _versions(sections: Iterable[str], *extra_keys: str) -> tuple[dict[str, str], dict[str, Any]]:
    """The sections' current versions (missing ones created), and the values of `extra_keys` found, read in one
    round trip."""
    keys = {section: _version_key(section) for section in sections}
    found = cache.get_many([*keys.values(), *extra_keys])
    versions = {}
    for section, key in keys.items():
        if key not in found:
            cache.add(key, uuid.uuid4().hex, None)
            found[key] = cache.get(key)
        versions[section] = str(found[key])
    return versions, {key: found[key] for key in extra_keys if key in found}


def _joined(versions: dict[str, str], sections: Iterable[str]) -> str:
    return ".".join(versions[section] for section in sorted(set(sections)))


def version(*sections: str) -> str:
    """The current version of `sections`: what a cache key of something that shows them must include."""
    _check(sections)
    return _joined(_versions(sections)[0], sections)


def _cacheable(request: HttpRequest) -> bool:
    return (
        cache_seconds() > 0
        and request.method in ("GET", "HEAD")
        and not getattr(request, "is_preview", False)
        and not getattr(getattr(request, "user", None), "is_authenticated", False)
    )


def _only(request: HttpRequest, params: Iterable[str]) -> QueryDict:
    """The request's query string cut down to `params` (every value of each), in a fixed order."""
    kept = QueryDict(mutable=True)
    for name in sorted(set(params)):
        if name in request.GET:
            kept.setlist(name, request.GET.getlist(name))
    return kept


def _restrict(request: HttpRequest, params: Iterable[str]) -> None:
    """From here on the request carries only `params`: its GET and its query string (links built from the full
    path, such as the alternate-language ones, included)."""
    request.GET = _only(request, params)
    request.META["QUERY_STRING"] = request.GET.urlencode()


def _response_key(request: HttpRequest, versions: str, query: QueryDict) -> str:
    where = f"{request.get_host()}|{get_language()}|{request.path}|{query.urlencode()}"
    return f"hub:page:{versions}:{hashlib.sha256(where.encode()).hexdigest()}"


def _path_key(request: HttpRequest) -> str:
    where = f"{request.get_host()}|{request.path}"
    return f"hub:page-path:{hashlib.sha256(where.encode()).hexdigest()}"


def _personal(request: HttpRequest) -> bool:
    """The request carries a session or pending messages: what it renders may be this reader's own."""
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME in cookies or getattr(settings, "MESSAGE_COOKIE_NAME", "messages") in cookies


def _store(request: HttpRequest, response: HttpResponse, key: str) -> bool:
    """Keep a response every anonymous reader may be given; False when it is not one."""
    if hasattr(response, "render") and not getattr(response, "is_rendered", True):
        response.render()
    session = getattr(request, "session", None)
    if (
        response.status_code != 200
        or response.streaming
        or response.cookies
        or _personal(request)
        or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        or isinstance(getattr(request, "_csp_nonce", None), str)  # the page holds this request's nonce
        or (session is not None and session.modified)
    ):
        return False
    patch_cache_control(response, public=True, max_age=cache_seconds())
    patch_vary_headers(response, ("Cookie",))
    cache.set(key, response, cache_seconds())
    return True


def _hit(response: HttpResponse) -> HttpResponse:
    response["X-Hub-Cache"] = "hit"
    return response


def cache_anonymous(*, sections: Iterable[str], params: Iterable[str] = ()) -> Callable:
    """Decorate a view whose anonymous answer depends only on `sections` and the query parameters `params`."""
    sections = tuple(sections)
    params = tuple(params)
    if not sections:
        raise ValueError("cache_anonymous needs the sections the view shows")
    _check(sections)

    def decorator(view: Callable) -> Callable:
        @functools.wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not _cacheable(request):
                return view(request, *args, **kwargs)
            _restrict(request, params)
            versions, _ = _versions(sections)
            key = _response_key(request, _joined(versions, sections), request.GET)
            cached = cache.get(key)
            if cached is not None:
                return _hit(cached)
            response = view(request, *args, **kwargs)
            if _store(request, response, key):
                response["X-Hub-Cache"] = "miss"
            return response

        return wrapped

    return decorator


def serve_page(request: HttpRequest, path: str) -> HttpResponse:
    """Wagtail's serve view, answered from the cache for anonymous readers before any routing. Which query
    parameters a path's page reads, and which sections it shows, are learnt when the page is first served
    (CachedServeMixin) and kept for the path; every section's version comes in the same round trip."""
    from wagtail.views import serve

    if not _cacheable(request):
        return serve(request, path)
    path_key = _path_key(request)
    versions, found = _versions(SECTIONS, path_key)
    if path_key in found:
        sections, params = found[path_key]
        cached = cache.get(_response_key(request, _joined(versions, sections), _only(request, params)))
        if cached is not None:
            return _hit(cached)
    response = serve(request, path)
    learnt = getattr(request, "hub_cache_page", None)
    if learnt is not None:
        sections, params = learnt
        if _store(request, response, _response_key(request, _joined(versions, sections), request.GET)):
            cache.set(path_key, learnt, None)
            response["X-Hub-Cache"] = "miss"
    return response


class CachedServeMixin:
    """First base of a Wagtail page class whose anonymous views serve_page may cache. `cache_query_params`: the
    query parameters the page (and its sub-routes) read; the page sees no other. `cache_sections`: what it shows."""

    cache_query_params: tuple[str, ...] = ()
    cache_sections: tuple[str, ...] = PAGE_SECTIONS

    def serve(self, request, *args, **kwargs):
        if _cacheable(request) and not self.get_view_restrictions():
            _restrict(request, self.cache_query_params)
            request.hub_cache_page = (sorted(self.cache_sections), sorted(self.cache_query_params))
        return super().serve(request, *args, **kwargs)
