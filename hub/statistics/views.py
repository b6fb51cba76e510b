"""Statistics pages: thin views over hub.statistics.selectors, with charts drawn by hub.statistics.charts."""

from __future__ import annotations

import csv

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language, get_language_bidi

from hub.caching import cache_anonymous
from hub.statistics import charts, selectors

# The charts count projects, places, the award and the forum: any of them changing makes the cached pages stale.
cached = cache_anonymous(sections=("projects", "places", "cooperation", "forum"), params=("category",))


def _category(request) -> str:
    return (request.GET.get("category") or selectors.DEFAULT_ADOPTION_CATEGORY)[:140]


def _drawn(chart_list: list[selectors.Chart]) -> list[dict]:
    rtl = get_language_bidi()
    result = []
    for chart in chart_list:
        headings, rows = chart.table()
        result.append({"chart": chart, "svg": charts.render(chart, rtl=rtl), "headings": headings, "rows": rows})
    return result


@cached
def index(request):
    chart_list = selectors.all_charts(adoption_category=_category(request))
    context = {"charts": _drawn(chart_list)}
    return render(request, "statistics/index.html", context)


def _chart_or_404(request, slug: str) -> selectors.Chart:
    found = selectors.chart_by_slug(slug=slug, adoption_category=_category(request))
    if found is None:
        raise Http404
    return found


@cached
def chart(request, chart: str):
    found = _chart_or_404(request, chart)
    context = {"item": _drawn([found])[0]}
    return render(request, "statistics/chart.html", context)


@cached
def chart_csv(request, chart: str):
    """The chart's data table as CSV (UTF-8 with a byte-order mark, so spreadsheets read Arabic right)."""
    found = _chart_or_404(request, chart)
    headings, rows = found.table()
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{found.slug}-{get_language()}.csv"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(headings)
    writer.writerows(rows)
    return response
