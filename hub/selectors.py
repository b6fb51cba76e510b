"""Reads for the hub's pages: lists per language, the home page blocks, and reads of other apps (their selectors).

Lists show the pages of the reader's language plus pages that exist only in another language (marked as such),
so nothing is hidden because it was not translated. Other apps are reached only through their selectors.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import Q, QuerySet
from django.utils import timezone
from wagtail.models import Locale, Page

from forum import selectors as forum_selectors
from hub.models import EventPage, NewsPage, PracticePage, StoryPage
from hub.places import selectors as places
from projects_db import selectors as projects

if TYPE_CHECKING:
    from wagtail.query import PageQuerySet  # Wagtail ships no types: Any to mypy


def _in_language(queryset: PageQuerySet, *, locale: Locale) -> PageQuerySet:
    """Live public pages in `locale`, plus those whose translation into `locale` is not live."""
    translated = Page.objects.filter(locale=locale, live=True).values("translation_key")
    return (
        queryset.live().public().filter(Q(locale=locale) | ~Q(translation_key__in=translated)).select_related("locale")
    )


@dataclass
class StoryFilters:
    """The story index's filters, read from the query string and validated (unknown values are ignored)."""

    category: str = ""
    municipality: str = ""
    year: int | None = None

    @classmethod
    def from_query(cls, query) -> StoryFilters:
        category = query.get("category", "")
        year = query.get("year", "")
        return cls(
            category=category[:140],  # a slug of the projects' categories; an unknown one matches no story
            municipality=(query.get("municipality", "") or "")[:160],
            year=int(year) if year.isdigit() and 1990 <= int(year) <= 2100 else None,
        )


def story_list(*, locale: Locale, filters: StoryFilters | None = None, featured: bool | None = None) -> QuerySet:
    filters = filters or StoryFilters()
    stories = _in_language(StoryPage.objects, locale=locale).select_related(
        "municipality__governorate", "lead_image", "category"
    )
    if filters.category:
        stories = stories.filter(category__slug=filters.category)
    if filters.municipality:
        stories = stories.filter(municipality__slug=filters.municipality)
    if filters.year:
        stories = stories.filter(date__year=filters.year)
    if featured is not None:
        stories = stories.filter(featured=featured)
    return stories.order_by("-date", "-pk")


def story_filter_options(*, locale: Locale) -> dict:
    """Choices for the index filters: categories, municipalities and years that have stories."""
    stories = _in_language(StoryPage.objects, locale=locale)
    municipalities = {}
    for slug, name_ar, name_en in stories.filter(municipality__isnull=False).values_list(
        "municipality__slug", "municipality__name_ar", "municipality__name_en"
    ):
        municipalities[slug] = name_en if locale.language_code == "en" else name_ar
    years = sorted({d.year for d in stories.values_list("date", flat=True)}, reverse=True)

    return {
        "categories": projects.category_choices(language=locale.language_code),
        "municipalities": sorted(municipalities.items(), key=lambda item: item[1]),
        "years": years,
    }


def practice_list(*, locale: Locale, audience: str = "") -> QuerySet:
    practices = _in_language(PracticePage.objects, locale=locale)
    if audience:
        practices = practices.filter(audience=audience)
    return practices.order_by("-revised", "-pk")


def event_list(*, locale: Locale, when: str = "all") -> QuerySet:
    """Events in the reader's language: "upcoming" (not yet ended, soonest first), "past" (latest first), "all"."""
    events = _in_language(EventPage.objects, locale=locale)
    now = timezone.now()
    if when == "upcoming":
        return events.filter(end__gte=now).order_by("start", "pk")
    if when == "past":
        return events.filter(end__lt=now).order_by("-start", "-pk")
    return events.order_by("-start", "-pk")


def news_list(*, locale: Locale) -> QuerySet:
    return _in_language(NewsPage.objects, locale=locale).select_related("lead_image").order_by("-date", "-pk")


# --- other apps, through their selectors ------------------------------------------------------------------


def municipality_count() -> int:
    return places.municipality_count()


def latest_projects(*, limit: int = 5) -> list:
    return list(projects.published_projects().order_by("-published_at")[:limit])


def project_count() -> int:
    return projects.published_projects().count()


def projects_for_municipality(*, municipality_id: int | None, limit: int = 6) -> list:
    if municipality_id is None:
        return []
    return list(
        projects.published_projects().filter(lead_municipality_id=municipality_id).order_by("-published_at")[:limit]
    )


def projects_by_slugs(*, slugs: list[str]) -> list:
    if not slugs:
        return []
    return list(projects.published_projects().filter(slug__in=slugs))


def latest_forum_topics(*, limit: int = 5) -> list:
    """Approved topics in forums anonymous readers may read, latest activity first."""
    return forum_selectors.latest_public_topics(limit=limit)


def forum_member_count() -> int:
    """People who have posted at least one approved message."""
    return forum_selectors.poster_count()


def home_blocks(*, locale: Locale) -> dict:
    """Everything the home page shows, each block empty-safe, with a fixed number of queries."""
    featured = list(story_list(locale=locale, featured=True)[:3])
    if not featured:
        featured = list(story_list(locale=locale)[:3])
    return {
        "featured_stories": featured,
        "latest_projects": latest_projects(),
        "latest_topics": latest_forum_topics(),
        "upcoming_events": list(event_list(locale=locale, when="upcoming")[:3]),
        "latest_news": list(news_list(locale=locale)[:3]),
        "counts": {
            "municipalities": municipality_count(),
            "projects": project_count(),
            "stories": StoryPage.objects.live().public().values("translation_key").distinct().count(),
            "forum_members": forum_member_count(),
        },
    }
