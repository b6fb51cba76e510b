"""The four section index pages share one base (hub.models.section_index): intro, placement and feeds are written
once, so a fix to one section's feed reaches all four."""

import pytest

from hub.models import EventIndexPage, NewsIndexPage, PracticeIndexPage, StoryIndexPage
from hub.models.section_index import SectionIndexPage

INDEXES = [StoryIndexPage, PracticeIndexPage, NewsIndexPage, EventIndexPage]


@pytest.mark.parametrize("index_class", INDEXES, ids=lambda cls: cls.__name__)
def test_each_section_index_inherits_the_shared_parts(index_class):
    assert issubclass(index_class, SectionIndexPage)
    # Django copies an abstract base's fields onto each subclass; the copy must be the base's, unchanged.
    base_intro = SectionIndexPage._meta.get_field("intro").deconstruct()[1:]
    assert index_class._meta.get_field("intro").deconstruct()[1:] == base_intro
    for shared in ("content_panels", "parent_page_types", "max_count_per_parent", "rss_feed", "atom_feed"):
        assert shared not in vars(index_class), f"{index_class.__name__} redefines {shared}"
    assert "feed_items" in vars(index_class) and "index_view" in vars(index_class)
    names = {route.name for route in index_class.get_subpage_urls()}
    assert {"index_view", "rss_feed", "atom_feed"} <= names


@pytest.mark.django_db
@pytest.mark.parametrize("section", ["stories", "practices", "news", "events"])
def test_every_section_serves_both_feeds(client, home_pages, section):
    from hub import services

    index = services.cms_ensure_sections(home=home_pages["ar"])[section]["en"]
    for kind, content_type in (("rss", "application/rss+xml"), ("atom", "application/atom+xml")):
        response = client.get(f"{index.url}feed/{kind}/")
        assert response.status_code == 200
        assert response["Content-Type"].startswith(content_type)
