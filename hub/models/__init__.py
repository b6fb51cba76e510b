"""Wagtail pages of the hub, one module per page family; import them from here."""

from hub.models.events import EventIndexPage, EventKind, EventPage
from hub.models.home import HomePage
from hub.models.news import NewsIndexPage, NewsPage
from hub.models.periodic import PeriodicJobRun
from hub.models.practices import Audience, PracticeIndexPage, PracticePage
from hub.models.standard import StandardPage
from hub.models.stories import StoryIndexPage, StoryPage

__all__ = [
    "Audience",
    "EventIndexPage",
    "EventKind",
    "EventPage",
    "HomePage",
    "NewsIndexPage",
    "NewsPage",
    "PeriodicJobRun",
    "PracticeIndexPage",
    "PracticePage",
    "StandardPage",
    "StoryIndexPage",
    "StoryPage",
]
