"""The home page and every index run a fixed number of queries, however many pages they list."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.hub.factories import make_event, make_news, make_practice, make_story, translate
from tests.projects_db.factories import ProjectFactory

pytestmark = pytest.mark.django_db

# Measured on this branch (anonymous reader, warm renditions); see docs/editors.md.
EXPECTED = {
    "/ar/": 21,  # 22 before the forum's readable forums cost one query less (forum/handler.py)
    "/en/": 22,
    "/ar/stories/": 16,  # + the category list (the projects' categories) for the filter
    "/en/stories/?category=portal-services": 17,
    "/ar/practices/": 12,
    "/ar/events/": 13,
    "/ar/news/": 12,
}


def _count(client, url) -> int:
    client.get(url)  # warm: image renditions are created on the first view
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def _add_content(sections, n):
    for _ in range(n):
        story = make_story(sections["stories"]["ar"], featured=True)
        ProjectFactory(lead_municipality=story.municipality)
        translate(story, title=f"Story {story.pk}")
        make_practice(sections["practices"]["ar"])
        make_event(sections["events"]["ar"], days=5)
        make_event(sections["events"]["ar"], days=-5)
        make_news(sections["news"]["ar"])


@pytest.mark.parametrize("url", list(EXPECTED))
def test_query_count_does_not_grow_with_content(client, sections, url):
    _add_content(sections, 1)
    few = _count(client, url)
    _add_content(sections, 3)
    many = _count(client, url)
    print(f"{url}: {many} queries")
    assert few == many
    if EXPECTED[url] is not None:
        assert many == EXPECTED[url]
