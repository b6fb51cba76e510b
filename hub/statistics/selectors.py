"""Reads behind the statistics page: each chart's data, taken from the other apps through their selectors.

Every chart costs a fixed number of queries (aggregations in PostgreSQL), whatever the number of projects,
municipalities, nominations or posts: the page's query count does not grow with the data.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Min
from django.db.models.functions import ExtractYear
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from forum import selectors as forum
from hub.cooperation import selectors as cooperation
from hub.places import selectors as places
from projects_db import selectors as projects

DEFAULT_ADOPTION_CATEGORY = "e-payment"
LIVE_STATUSES = ("live", "completed")  # a service that was delivered and is (or was) used
FORUM_MONTHS = 12


@dataclass
class Bar:
    """One bar: its label in the reader's language, its value, and a language-neutral key for the CSV."""

    label: str
    value: int
    key: str = ""
    extra: list = field(default_factory=list)  # more columns of the data table, after the value


@dataclass
class MapPoint:
    name: str
    governorate: str
    latitude: float
    longitude: float
    services: int
    url: str
    key: str


@dataclass
class Chart:
    slug: str
    title: str
    description: str
    label_heading: str
    value_heading: str
    bars: list[Bar] = field(default_factory=list)
    points: list[MapPoint] = field(default_factory=list)
    extra_headings: list[str] = field(default_factory=list)
    summary: str = ""
    kind: str = "bars"  # or "map"
    options: dict = field(default_factory=dict)  # e.g. the categories the adoption chart can show

    @property
    def is_empty(self) -> bool:
        return not (self.points if self.kind == "map" else any(bar.value for bar in self.bars))

    def table(self) -> tuple[list[str], list[list]]:
        """The chart's data as a table: its headings and rows (the accessible table and the CSV)."""
        if self.kind == "map":
            headings = [_("Municipality"), _("Governorate"), _("Services online"), _("Latitude"), _("Longitude")]
            rows = [[p.name, p.governorate, p.services, p.latitude, p.longitude] for p in self.points]
            return headings, rows
        headings = [self.label_heading, self.value_heading, *self.extra_headings]
        return headings, [[bar.label, bar.value, *bar.extra] for bar in self.bars]


def _english() -> bool:
    return (get_language() or "ar").startswith("en")


def _name(row: Mapping[str, Any], prefix: str) -> str:
    first, second = ("en", "ar") if _english() else ("ar", "en")
    return row.get(f"{prefix}_{first}") or row.get(f"{prefix}_{second}") or ""


# ---- projects ----


def projects_by_year() -> Chart:
    rows = (
        projects.published_projects()
        .filter(start_date__isnull=False)
        .annotate(year=ExtractYear("start_date"))
        .order_by()
        .values("year")
        .annotate(n=Count("pk", distinct=True))
        .order_by("year")
    )
    return Chart(
        slug="projects-by-year",
        title=_("Projects by year started"),
        description=_("Published projects of the directory, by the year they started."),
        label_heading=_("Year"),
        value_heading=_("Projects"),
        bars=[Bar(label=str(r["year"]), value=r["n"], key=str(r["year"])) for r in rows],
    )


def projects_by_status() -> Chart:
    queryset = projects.published_projects()
    counts = projects.facet_counts(queryset=queryset, field="status")
    return Chart(
        slug="projects-by-status",
        title=_("Projects by status"),
        description=_("Published projects, from ideas to live services."),
        label_heading=_("Status"),
        value_heading=_("Projects"),
        bars=[
            Bar(label=str(label), value=counts.get(value, 0), key=value)
            for value, label in queryset.model.Status.choices
        ],
    )


def projects_by_category() -> Chart:
    rows = (
        projects.published_projects()
        .order_by()
        .values("category__slug", "category__name_ar", "category__name_en", "category__sort_order")
        .annotate(n=Count("pk", distinct=True))
        .order_by("-n", "category__sort_order")
    )
    return Chart(
        slug="projects-by-category",
        title=_("Projects by category"),
        description=_("Published projects, by the kind of e-service they build."),
        label_heading=_("Category"),
        value_heading=_("Projects"),
        bars=[
            Bar(label=_name(r, "category__name") or _("No category"), value=r["n"], key=r["category__slug"] or "")
            for r in rows
        ],
    )


def services_by_governorate() -> Chart:
    counts = projects.facet_counts(
        queryset=projects.published_projects().filter(status="live"), field="lead_municipality__governorate_id"
    )
    bars = [
        Bar(label=governorate.name, value=counts.get(governorate.pk, 0), key=governorate.slug)
        for governorate in places.governorates()
    ]
    bars.sort(key=lambda bar: -bar.value)
    return Chart(
        slug="e-services-by-governorate",
        title=_("E-services online by governorate"),
        description=_("Live e-services, counted in the governorate of the municipality that runs them."),
        label_heading=_("Governorate"),
        value_heading=_("Services online"),
        bars=bars,
    )


def adoption(*, category_slug: str = DEFAULT_ADOPTION_CATEGORY) -> Chart:
    """How many municipalities had a live service of one category, year after year (cumulative)."""
    categories = list(projects.categories())
    category = next((c for c in categories if c.slug == category_slug), None)
    if category is None:
        category = next((c for c in categories if c.slug == DEFAULT_ADOPTION_CATEGORY), None) or (
            categories[0] if categories else None
        )
    firsts: dict[int, int] = {}
    if category is not None:
        rows = (
            projects.published_projects()
            .filter(category_id=category.pk, status__in=LIVE_STATUSES, launch_date__isnull=False)
            .order_by()
            .values("lead_municipality_id")
            .annotate(first=Min("launch_date"))
        )
        for row in rows:
            firsts[row["first"].year] = firsts.get(row["first"].year, 0) + 1
    bars, total = [], 0
    if firsts:
        for year in range(min(firsts), max(max(firsts), timezone.localdate().year) + 1):
            total += firsts.get(year, 0)
            bars.append(Bar(label=str(year), value=total, key=str(year), extra=[firsts.get(year, 0)]))
    name = category.name if category is not None else ""
    return Chart(
        slug="adoption",
        title=_("Adoption over time: %(category)s") % {"category": name},
        description=_("How many municipalities have a live service of this category, at the end of each year.")
        + " "
        + _("A municipality counts from the launch of its first such service."),
        label_heading=_("Year"),
        value_heading=_("Municipalities"),
        extra_headings=[_("Municipalities that started that year")],
        bars=bars,
        options={"categories": categories, "current": category.slug if category else ""},
    )


# ---- the award ----


def award_participation() -> Chart:
    rows = cooperation.award_participation()
    return Chart(
        slug="award-participation",
        title=_("Award participation"),
        description=_("Nominations for the best municipal e-service award, edition by edition."),
        label_heading=_("Edition"),
        value_heading=_("Nominations"),
        extra_headings=[_("Municipalities")],
        bars=[
            Bar(label=str(r["year"]), value=r["nominations"], key=str(r["year"]), extra=[r["municipalities"]])
            for r in rows
        ],
    )


# ---- the forum ----


def _months_back(today: datetime.date, months: int) -> list[datetime.date]:
    first = today.replace(day=1)
    result = []
    for _i in range(months):
        result.append(first)
        first = (first - datetime.timedelta(days=1)).replace(day=1)
    return list(reversed(result))


def forum_charts() -> list[Chart]:
    """Posts per month over the last year, and the share of questions solved, in the public forums."""
    months = _months_back(timezone.localdate(), FORUM_MONTHS)
    activity = forum.public_activity(since=timezone.make_aware(datetime.datetime.combine(months[0], datetime.time.min)))
    per_month = dict(activity["posts_by_month"])
    posts = Chart(
        slug="forum-activity",
        title=_("Forum activity"),
        description=_("Approved posts per month in the public forums, over the last twelve months."),
        label_heading=_("Month"),
        value_heading=_("Posts"),
        bars=[
            Bar(label=formats.date_format(m, "YEAR_MONTH_FORMAT"), value=per_month.get(m, 0), key=m.strftime("%Y-%m"))
            for m in months
        ],
    )
    topics, solved = activity["topics"], activity["solved"]
    rate = round(100 * solved / topics) if topics else 0
    solved_chart = Chart(
        slug="forum-solved",
        title=_("Questions solved in the forum"),
        description=_("Topics of the public forums with an accepted answer, and those still open."),
        label_heading=_("Topics"),
        value_heading=_("Number"),
        bars=[
            Bar(label=_("Solved"), value=solved, key="solved"),
            Bar(label=_("Not solved yet"), value=topics - solved, key="open"),
        ],
        summary=_("%(rate)s%% of %(topics)s topics are solved.") % {"rate": rate, "topics": topics},
    )
    return [posts, solved_chart]


# ---- the map ----

READINESS_LEVELS = (  # (lowest number of services online, key); the template names and colours them
    (4, "high"),
    (2, "medium"),
    (1, "started"),
    (0, "none"),
)


def readiness_level(services: int) -> str:
    return next(key for lowest, key in READINESS_LEVELS if services >= lowest)


def municipalities_map() -> Chart:
    counts = projects.facet_counts(
        queryset=projects.published_projects().filter(status="live"), field="lead_municipality_id"
    )
    points = [
        MapPoint(
            name=m.name,
            governorate=m.governorate.name,
            latitude=float(m.latitude or 0),  # never None here: filtered below
            longitude=float(m.longitude or 0),
            services=counts.get(m.pk, 0),
            url=reverse("projects_db:municipality_detail", kwargs={"slug": m.slug}),
            key=m.slug,
        )
        for m in places.municipalities().filter(latitude__isnull=False, longitude__isnull=False)
    ]
    return Chart(
        slug="municipalities-map",
        title=_("Map of e-readiness"),
        description=_("Each municipality at its coordinates, coloured by the number of its e-services online."),
        label_heading=_("Municipality"),
        value_heading=_("Services online"),
        points=points,
        kind="map",
    )


# ---- all charts ----

BUILDERS: dict[str, Callable[..., Chart]] = {
    "projects-by-year": projects_by_year,
    "projects-by-status": projects_by_status,
    "projects-by-category": projects_by_category,
    "e-services-by-governorate": services_by_governorate,
    "adoption": adoption,
    "award-participation": award_participation,
    "municipalities-map": municipalities_map,
}
CHART_SLUGS = (*BUILDERS, "forum-activity", "forum-solved")


def all_charts(*, adoption_category: str = DEFAULT_ADOPTION_CATEGORY) -> list[Chart]:
    """Every chart of the page, in the page's order."""
    charts = [builder() for slug, builder in BUILDERS.items() if slug not in ("adoption", "municipalities-map")]
    charts.insert(3, adoption(category_slug=adoption_category))
    charts += forum_charts()
    charts.append(municipalities_map())
    return charts


def chart_by_slug(*, slug: str, adoption_category: str = DEFAULT_ADOPTION_CATEGORY) -> Chart | None:
    if slug == "adoption":
        return adoption(category_slug=adoption_category)
    if slug in BUILDERS:
        return BUILDERS[slug]()
    if slug in ("forum-activity", "forum-solved"):
        return next(c for c in forum_charts() if c.slug == slug)
    return None


def chart_url(slug: str) -> str:
    return reverse("statistics_chart", kwargs={"chart": slug})
