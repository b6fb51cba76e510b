"""Whole-page caching of public views, for anonymous and signed-in readers, checked against named section versions
that the services bump after commit.

The API (small on purpose; docs/performance.md, "Caching"):

- `bump(*sections)` / `bump_on_commit(*sections)`: what a section shows changed; every cached response that depends
  on one of them is stale at once (it was kept with the old version). Sections: `SECTIONS`. `version(*sections)`
  gives the current versions, for a key built by hand (a template fragment, a forum page).
- `bump_reader(user_id)` / `bump_reader_on_commit(user_id)`: something a page shows about this signed-in reader
  changed (name, verification, role, municipality, permissions); only that reader's cached pages are stale. The
  "readers" section is the same for every reader at once (a role's permissions changed).
- `cache_public(sections=..., params=...)`: a view decorator. A GET is answered from the cache, keyed on the host,
  the language, the path and only the query parameters the view reads (the view itself sees only those, so what it
  renders is a function of the key: `utm_*` and junk neither split the cache nor leak into links), and for a
  signed-in reader also on who they are (user pk) and their CSRF secret (the page's forms carry a token made from
  it). An entry is served only while the sections' versions (and the reader's) are those it was rendered under.
  Works on Django views, ninja operations (`ninja.decorators.decorate_view`) and feeds. `cache_anonymous`: the
  same for anonymous readers only. Both take `seconds`, a function giving the lifetime of their entries (0: off),
  for views whose app has its own setting (the forum's `FORUM_PAGE_CACHE_SECONDS`); by default
  `HUB_PAGE_CACHE_SECONDS`.
- `CachedServeMixin` (first base of a Wagtail page class) and `serve_page` (Wagtail's serve view, wrapped in
  hub/urls.py): a cached page is answered before Wagtail routes, so a hit costs no query.

A hit is one round trip to the cache (the versions and the entry read together), and the entry is the rendered
bytes with their status and headers, not a pickled response object.

Never cached: previews, other methods than GET/HEAD, non-200 answers, answers that set a cookie or use the CSP
nonce, pages with view restrictions, requests with pending messages; for anonymous readers also requests carrying a
session and answers that need a CSRF cookie; for signed-in readers answers that made a new CSRF secret or changed
the session. `HUB_PAGE_CACHE_SECONDS` (default 300, 0 turns caching off) sets the server-side lifetime, a bound for
what no service announces (related items, dates), and the `Cache-Control: max-age` a CDN may use on anonymous pages
(a signed-in reader's page is `private`).
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

# What a cached response may depend on; a service that changes one calls bump_on_commit(name). "readers": what any
# signed-in page shows about its reader's role (a group's permissions); every signed-in entry depends on it.
SECTIONS = frozenset({"pages", "projects", "places", "cooperation", "forum", "search", "readers"})
READERS = "readers"
# What a Wagtail page shows unless its class says more (CachedServeMixin.cache_sections): pages, projects (lists and
# links), place names and the award.
PAGE_SECTIONS = ("pages", "projects", "places", "cooperation")


def cache_seconds() -> int:
    return int(getattr(settings, "HUB_PAGE_CACHE_SECONDS", 300))


def _version_key(section: str) -> str:
    return f"hub:version:{section}"


def _reader_key(user_id: Any) -> str:
    return f"hub:reader:{user_id}"


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


def bump_reader(user_id: Any) -> None:
    """Make every cached page of this signed-in reader stale (what a page shows about them changed)."""
    cache.set(_reader_key(user_id), uuid.uuid4().hex, None)


def bump_reader_on_commit(user_id: Any) -> None:
    """bump_reader() now and again after the current transaction commits: the reader's own request, still inside
    the transaction, renders fresh, and nobody keeps the old rows under the new version."""
    bump_reader(user_id)
    transaction.on_commit(lambda: bump_reader(user_id))


def bump_pages(**kwargs: Any) -> None:
    """Receiver of Wagtail's page signals (hub/apps.py): a page was published, unpublished, moved or deleted."""
    bump_on_commit("pages")


def _read(version_keys: dict[str, str], *extra_keys: str) -> tuple[dict[str, str], dict[str, Any]]:
    """The current versions of `version_keys` ({name: cache key}; missing ones created), and the values of
    `extra_keys` found, read in one round trip."""
    found = cache.get_many([*version_keys.values(), *extra_keys])
    versions = {}
    for name, key in version_keys.items():
        if key not in found:
            cache.add(key, uuid.uuid4().hex, None)
            found[key] = cache.get(key)
        versions[name] = str(found[key])
    return versions, {key: found[key] for key in extra_keys if key in found}


def _joined(versions: dict[str, str], sections: Iterable[str]) -> str:
    return ".".join(versions[section] for section in sorted(set(sections)))


def version(*sections: str) -> str:
    """The current version of `sections`: what a cache key of something that shows them must include."""
    _check(sections)
    return _joined(_read({section: _version_key(section) for section in sections})[0], sections)


def _cacheable(request: HttpRequest, seconds: Callable[[], int] = cache_seconds) -> bool:
    return seconds() > 0 and request.method in ("GET", "HEAD") and not getattr(request, "is_preview", False)


def _signed_in(request: HttpRequest) -> bool:
    return bool(getattr(getattr(request, "user", None), "is_authenticated", False))


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


class _Reader:
    """Who a request's page is rendered for: `anonymous`, or a signed-in user with the CSRF secret the request came
    with (the page's forms carry tokens made from it). `personal`: the request carries what must not be answered
    from or kept in the cache (pending messages)."""

    def __init__(self, request: HttpRequest):
        self.anonymous = not _signed_in(request)
        self.user_id = None if self.anonymous else request.user.pk
        self.csrf_secret = request.META.get("CSRF_COOKIE")
        messages_cookie = bool(request.COOKIES.get(getattr(settings, "MESSAGE_COOKIE_NAME", "messages")))
        session = getattr(request, "session", None)
        self.personal = messages_cookie or (
            not self.anonymous and session is not None and "_messages" in session  # the session message storage
        )

    @property
    def audience(self) -> str:
        return "anonymous" if self.anonymous else f"user:{self.user_id}:{self.csrf_secret or ''}"

    def version_keys(self, sections: Iterable[str]) -> dict[str, str]:
        keys = {section: _version_key(section) for section in sections}
        if not self.anonymous:
            keys[READERS] = _version_key(READERS)
            keys["reader"] = _reader_key(self.user_id)
        return keys

    def sections(self, sections: Iterable[str]) -> list[str]:
        return sorted({*sections, READERS, "reader"}) if not self.anonymous else sorted(set(sections))


def _page_key(request: HttpRequest, query: QueryDict, reader: _Reader) -> str:
    where = f"{request.get_host()}|{get_language()}|{request.path}|{query.urlencode()}|{reader.audience}"
    return f"hub:page:{hashlib.sha256(where.encode()).hexdigest()}"


def _path_key(request: HttpRequest) -> str:
    where = f"{request.get_host()}|{request.path}"
    return f"hub:page-path:{hashlib.sha256(where.encode()).hexdigest()}"


def _fresh(entry: Any, versions: str) -> HttpResponse | None:
    """The cached answer of `entry` if it was kept under `versions` (the current ones), else None."""
    if not isinstance(entry, tuple) or len(entry) != 4 or entry[0] != versions:
        return None
    _, status, headers, content = entry
    response = HttpResponse(content, status=status, headers=headers)
    response["X-Hub-Cache"] = "hit"
    return response


def _session_personal(request: HttpRequest) -> bool:
    """The request carries a session (an anonymous reader's may hold a passed page password, a message)."""
    return settings.SESSION_COOKIE_NAME in request.COOKIES


def _store(
    request: HttpRequest,
    response: HttpResponse,
    key: str,
    versions: str,
    reader: _Reader,
    seconds: Callable[[], int] = cache_seconds,
) -> bool:
    """Keep a response the same reader (every anonymous reader, or this signed-in one with the same CSRF secret)
    may be given while `versions` are current; False when it is not one."""
    if hasattr(response, "render") and not getattr(response, "is_rendered", True):
        response.render()
    session = getattr(request, "session", None)
    csrf_changed = (
        bool(request.META.get("CSRF_COOKIE_NEEDS_UPDATE"))
        if reader.anonymous  # an anonymous page that needs a CSRF cookie would give everyone the same one
        else request.META.get("CSRF_COOKIE") != reader.csrf_secret  # a new secret was made: its cookie is not sent
    )
    if (
        response.status_code != 200
        or response.streaming
        or response.cookies
        or reader.personal
        or (reader.anonymous and _session_personal(request))
        or csrf_changed
        or getattr(getattr(request, "_messages", None), "added_new", False)  # a message waits for the next page
        or isinstance(getattr(request, "_csp_nonce", None), str)  # the page holds this request's nonce
        or (session is not None and session.modified)
    ):
        return False
    lifetime = seconds()
    if reader.anonymous:
        patch_cache_control(response, public=True, max_age=lifetime)
    else:
        patch_cache_control(response, private=True)
    patch_vary_headers(response, ("Cookie",))
    cache.set(key, (versions, response.status_code, dict(response.items()), response.content), lifetime)
    return True


def _decorator(
    sections: Iterable[str], params: Iterable[str], signed_in: bool, seconds: Callable[[], int] | None
) -> Callable:
    lifetime = seconds or cache_seconds
    sections = tuple(sections)
    params = tuple(params)
    if not sections:
        raise ValueError("a cached view needs the sections it shows")
    _check(sections)

    def decorator(view: Callable) -> Callable:
        @functools.wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not _cacheable(request, lifetime):
                return view(request, *args, **kwargs)
            reader = _Reader(request)
            if reader.personal or (not signed_in and not reader.anonymous):
                return view(request, *args, **kwargs)
            _restrict(request, params)
            key = _page_key(request, request.GET, reader)
            versions, found = _read(reader.version_keys(sections), key)
            current = _joined(versions, reader.sections(sections))
            cached = _fresh(found.get(key), current)
            if cached is not None:
                return cached
            response = view(request, *args, **kwargs)
            if _store(request, response, key, current, reader, lifetime):
                response["X-Hub-Cache"] = "miss"
            return response

        return wrapped

    return decorator


def cache_public(
    *, sections: Iterable[str], params: Iterable[str] = (), seconds: Callable[[], int] | None = None
) -> Callable:
    """Decorate a public view whose answer depends only on `sections`, the query parameters `params` and, for a
    signed-in reader, on who they are: each reader gets pages rendered for them. `seconds()`: how long an entry is
    kept (0: not cached); HUB_PAGE_CACHE_SECONDS by default."""
    return _decorator(sections, params, signed_in=True, seconds=seconds)


def cache_anonymous(
    *, sections: Iterable[str], params: Iterable[str] = (), seconds: Callable[[], int] | None = None
) -> Callable:
    """cache_public() for anonymous readers only: a signed-in reader's page is always rendered."""
    return _decorator(sections, params, signed_in=False, seconds=seconds)


def serve_page(request: HttpRequest, path: str) -> HttpResponse:
    """Wagtail's serve view, answered from the cache before any routing. Which query parameters a path's page
    reads, and which sections it shows, are learnt when the page is first served (CachedServeMixin) and kept for the
    path; every version, the path's entry and (for a request without a query string) the page come in the same
    round trip."""
    from wagtail.views import serve

    if not _cacheable(request):
        return serve(request, path)
    reader = _Reader(request)
    if reader.personal:
        return serve(request, path)
    path_key = _path_key(request)
    plain_key = None if request.GET else _page_key(request, request.GET, reader)
    versions, found = _read(reader.version_keys(SECTIONS), path_key, *([plain_key] if plain_key else []))
    if path_key in found:
        sections, params = found[path_key]
        key = plain_key or _page_key(request, _only(request, params), reader)
        entry = found.get(key) if key == plain_key else cache.get(key)
        cached = _fresh(entry, _joined(versions, reader.sections(sections)))
        if cached is not None:
            return cached
    response = serve(request, path)
    learnt = getattr(request, "hub_cache_page", None)
    if learnt is not None:
        sections, params = learnt
        key = _page_key(request, request.GET, reader)
        if _store(request, response, key, _joined(versions, reader.sections(sections)), reader):
            cache.set(path_key, learnt, None)
            response["X-Hub-Cache"] = "miss"
    return response


class CachedServeMixin:
    """First base of a Wagtail page class whose views serve_page may cache. `cache_query_params`: the query
    parameters the page (and its sub-routes) read; the page sees no other. `cache_sections`: what it shows."""

    cache_query_params: tuple[str, ...] = ()
    cache_sections: tuple[str, ...] = PAGE_SECTIONS

    def serve(self, request, *args, **kwargs):
        if _cacheable(request) and not self.get_view_restrictions():
            _restrict(request, self.cache_query_params)
            request.hub_cache_page = (sorted(self.cache_sections), sorted(self.cache_query_params))
        return super().serve(request, *args, **kwargs)
