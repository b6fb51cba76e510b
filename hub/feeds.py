"""RSS and Atom feeds of an index page's children (stories, practices, events, news), in the page's language."""

from __future__ import annotations

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from hub import site_address


class PageFeed(Feed):
    """The 20 newest items of `index.feed_items()`; served at `<index>/feed/rss/` and `<index>/feed/atom/`."""

    def __init__(self, index, *, kind: str = "rss"):
        super().__init__()
        self.index = index
        self.feed_type = Atom1Feed if kind == "atom" else Rss201rev2Feed
        self.language = index.locale.language_code

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.index

    def title(self, obj):
        return obj.title

    # Absolute links, so that Django does not prefix the request's host: the public address is SITE_URL's (the
    # Wagtail site record follows it).
    def link(self, obj):
        return obj.get_full_url(self.request)

    def feed_url(self, obj):
        return site_address.absolute_url(self.request.path)

    def description(self, obj):
        return getattr(obj, "intro", "") or obj.title

    subtitle = description

    def items(self, obj):
        return obj.feed_items()

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return getattr(item, "summary", "")

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_guid(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        value = getattr(item, "start", None) or getattr(item, "date", None) or getattr(item, "revised", None)
        if isinstance(value, datetime.datetime):
            return value
        if isinstance(value, datetime.date):
            return timezone.make_aware(datetime.datetime.combine(value, datetime.time(9)))
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at
