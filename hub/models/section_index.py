"""What the four section index pages (stories, practices, news, events) share: an introduction, one per home page,
and RSS and Atom feeds of `feed_items`. Each subclass adds its list view (`@path("")`) and its items."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from hub.caching import CachedServeMixin
from hub.models.base import HubPageMixin, TranslationFallbackMixin


class SectionIndexPage(CachedServeMixin, TranslationFallbackMixin, RoutablePageMixin, HubPageMixin, Page):
    """A section's list page under a home page, with its feeds."""

    intro = models.CharField(_("introduction"), max_length=300, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["hub.HomePage"]
    max_count_per_parent = 1
    cache_query_params = ("page",)  # hub.caching: the only query parameters the list reads

    class Meta:
        abstract = True

    @path("feed/rss/")
    def rss_feed(self, request):
        from hub.feeds import PageFeed

        return PageFeed(self, kind="rss")(request)

    @path("feed/atom/")
    def atom_feed(self, request):
        from hub.feeds import PageFeed

        return PageFeed(self, kind="atom")(request)

    def feed_items(self):
        """The newest items of the section, for its feeds."""
        raise NotImplementedError
