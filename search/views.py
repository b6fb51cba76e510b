"""The search page: one box, mixed results, facets and pages whose state lives in the URL."""

from __future__ import annotations

import math

from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from hub.caching import cache_public
from search import arabic, ratelimit, registry, selectors
from search.engines.base import FACETS
from search.forms import SearchForm

PER_PAGE = 20
FACET_TITLES = {
    "type": _("Type"),
    "governorate": _("Governorate"),
    "municipality": _("Municipality"),
    "category": _("Category"),
    "year": _("Year"),
}


@cache_public(sections=("search", "places"), params=("q", "page", *FACETS))
def search(request):
    """`/<lang>/search/?q=…&type=…&page=…`. A page seen before (anonymously, or by the same signed-in reader)
    comes from the cache until the index changes; only the searches that reach the engine count against the rate
    limit."""
    if not ratelimit.allow(request):
        return render(request, "search/rate_limited.html", status=429)
    form = SearchForm(request.GET)
    text = form.query()
    filters = form.filters()
    results = None
    no_words = bool(text) and not arabic.index_words(text)
    if text and not no_words:
        results = selectors.search(
            text=text,
            user=request.user,
            filters=filters,
            language=get_language() or "",
            page=form.page_number(),
            per_page=PER_PAGE,
        )
    context = {
        "form": form,
        "query": text,
        "no_words": no_words,
        "shortened": form.was_shortened,
        "results": results,
        "hits": [{"hit": hit, "type_label": _type_label(hit.source_type)} for hit in results.hits] if results else [],
        "facets": _facet_groups(request, results) if results else [],
        "has_filters": bool(filters),
        "clear_filters_url": _url(request, {"q": [text]}) if text else "",
        "pages": _pages(request, results) if results else None,
    }
    return render(request, "search/search.html", context)


def _url(request, params: dict[str, list[str]]) -> str:
    from urllib.parse import urlencode

    pairs = [(key, value) for key, values in params.items() for value in values if value != ""]
    return f"{request.path}?{urlencode(pairs)}" if pairs else request.path


def _current(request) -> dict[str, list[str]]:
    params = {"q": [" ".join(request.GET.get("q", "").split())]}
    for name in FACETS:
        if request.GET.getlist(name):
            params[name] = request.GET.getlist(name)
    return params


def _facet_groups(request, results) -> list[dict]:
    """Each facet with, for each value, the URL that toggles it (page reset to 1)."""
    current = _current(request)
    groups = []
    for name in FACETS:
        values = []
        for value in results.facets.get(name, []):
            params = {key: list(vals) for key, vals in current.items()}
            chosen = params.setdefault(name, [])
            if value.value in chosen:
                chosen.remove(value.value)
            else:
                chosen.append(value.value)
            values.append({"value": value, "url": _url(request, params)})
        if values:
            groups.append({"name": name, "title": FACET_TITLES[name], "values": values})
    return groups


def _pages(request, results) -> dict | None:
    count = math.ceil(results.total / results.per_page) if results.total else 0
    if count <= 1:
        return None
    current = _current(request)
    page = min(results.page, count)

    def link(number: int) -> str:
        return _url(request, {**current, "page": [str(number)]} if number > 1 else current)

    window = range(max(1, page - 3), min(count, page + 3) + 1)
    return {
        "count": count,
        "current": page,
        "previous": link(page - 1) if page > 1 else "",
        "next": link(page + 1) if page < count else "",
        "links": [{"number": n, "url": link(n), "current": n == page} for n in window],
    }


def _type_label(source_type: str) -> str:
    try:
        return registry.get(source_type).label or source_type
    except KeyError:
        return source_type
