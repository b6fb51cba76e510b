"""Server-rendered SVG for the statistics page: horizontal bar charts (mirrored for right-to-left readers) and a
map of points drawn from coordinates, with no tile server and no JavaScript."""

from __future__ import annotations

import math

from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from hub.statistics.selectors import Chart, readiness_level

# A narrow drawing (scaled to the column's width) keeps labels readable on a 360 px phone as on a desktop.
WIDTH = 460
LABEL_WIDTH = 170
VALUE_WIDTH = 40
ROW = 30
BAR = 18
PAD = 10
LABEL_CHARS = 22

# Colours of the e-readiness levels (also in static/css/statistics.css, for the legend).
READINESS_COLOURS = {"none": "#b0bec5", "started": "#a5d6a7", "medium": "#43a047", "high": "#0b6e4f"}


def _short(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1].rstrip() + "…"


def _isolate(text: str, rtl: bool) -> str:
    """Keep a label's own direction inside the SVG, which is laid out left to right whatever the page's direction
    (so that text-anchor means the same on both): the label's glyphs are still ordered for its language."""
    return f"\u2067{text}\u2069" if rtl else f"\u2066{text}\u2069"


def bar_chart(chart: Chart, *, rtl: bool) -> SafeString:
    """Horizontal bars: labels on the reading side, bars growing away from them, the value at each bar's end."""
    rows = chart.bars
    height = max(len(rows), 1) * ROW + 2 * PAD
    top = max((bar.value for bar in rows), default=0) or 1
    area = WIDTH - LABEL_WIDTH - VALUE_WIDTH - 2 * PAD
    parts = [
        f'<svg class="chart-svg" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="100%" direction="ltr" role="img" aria-labelledby="{chart.slug}-svg-title" focusable="false">',
        f'<title id="{chart.slug}-svg-title">{escape(chart.title)}</title>',
    ]
    axis = WIDTH - PAD - LABEL_WIDTH if rtl else PAD + LABEL_WIDTH
    parts.append(f'<line x1="{axis}" y1="{PAD - 4}" x2="{axis}" y2="{height - PAD + 4}" class="chart-axis"/>')
    for i, bar in enumerate(rows):
        y = PAD + i * ROW
        length = round(area * bar.value / top, 1)
        middle = y + ROW / 2
        label = escape(_isolate(_short(bar.label), rtl))
        value = escape(number_format(bar.value))
        if rtl:
            label_x, label_anchor = axis + 8, "start"
            bar_x, value_x, value_anchor = axis - length, axis - length - 6, "end"
        else:
            label_x, label_anchor = axis - 8, "end"
            bar_x, value_x, value_anchor = axis, axis + length + 6, "start"
        parts.append(
            f'<g class="chart-row"><title>{escape(bar.label)}: {value}</title>'
            f'<text x="{label_x}" y="{middle}" text-anchor="{label_anchor}" dominant-baseline="middle" '
            f'class="chart-label">{label}</text>'
            f'<rect x="{bar_x}" y="{middle - BAR / 2}" width="{length}" height="{BAR}" rx="3" class="chart-bar"/>'
            f'<text x="{value_x}" y="{middle}" text-anchor="{value_anchor}" dominant-baseline="middle" '
            f'class="chart-value">{value}</text></g>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # every text above is escaped


def map_chart(chart: Chart) -> SafeString:
    """Municipalities as dots at their coordinates (an equirectangular projection corrected for latitude), each a
    link to its page; geography is never mirrored, whatever the reading direction."""
    points = chart.points
    if not points:
        return mark_safe("")
    lats = [p.latitude for p in points]
    lons = [p.longitude for p in points]
    margin = 0.08
    south, north = min(lats) - margin, max(lats) + margin
    west, east = min(lons) - margin, max(lons) + margin
    scale_x = math.cos(math.radians((south + north) / 2))
    span_x, span_y = max((east - west) * scale_x, 0.01), max(north - south, 0.01)
    width = 420
    height = round(width * span_y / span_x)
    height = min(max(height, 240), 900)
    sx, sy = width / span_x, height / span_y

    def project(lat: float, lon: float) -> tuple[float, float]:
        return round((lon - west) * scale_x * sx, 1), round((north - lat) * sy, 1)

    parts = [
        f'<svg class="chart-svg chart-map" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="100%" direction="ltr" role="group" aria-labelledby="{chart.slug}-svg-title">',  # it holds links
        f'<title id="{chart.slug}-svg-title">{escape(chart.title)}</title>',
        f'<rect x="0" y="0" width="{width}" height="{height}" class="map-ground"/>',
    ]
    # A graticule every half degree gives the eye a scale without any map tiles.
    step = 0.5
    lat = math.ceil(south / step) * step
    while lat < north:
        _x, y = project(lat, west)
        parts.append(f'<line x1="0" y1="{y}" x2="{width}" y2="{y}" class="map-grid"/>')
        parts.append(f'<text x="4" y="{y - 3}" class="map-grid-label">{lat:.1f}°N</text>')
        lat += step
    lon = math.ceil(west / step) * step
    while lon < east:
        x, _y = project(south, lon)
        parts.append(f'<line x1="{x}" y1="0" x2="{x}" y2="{height}" class="map-grid"/>')
        parts.append(f'<text x="{x + 3}" y="{height - 4}" class="map-grid-label">{lon:.1f}°E</text>')
        lon += step
    for point in sorted(points, key=lambda p: p.services):  # the most advanced drawn last, on top
        x, y = project(point.latitude, point.longitude)
        level = readiness_level(point.services)
        radius = 5 + min(point.services, 6)
        label = f"{escape(point.name)} ({escape(point.governorate)}): {number_format(point.services)}"
        parts.append(
            f'<a href="{escape(point.url)}" aria-label="{label}"><circle cx="{x}" cy="{y}" r="{radius}" '
            f'fill="{READINESS_COLOURS[level]}" class="map-point map-point--{level}">'
            f"<title>{label}</title></circle></a>"
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # every text above is escaped


def render(chart: Chart, *, rtl: bool) -> SafeString:
    return map_chart(chart) if chart.kind == "map" else bar_chart(chart, rtl=rtl)
