"""The home page and every index run a fixed number of queries, however many pages they list."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.conftest import sections_ensure, sections_read
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


@pytest.fixture(scope="module")
def few_queries(module_transaction, django_db_blocker):
    """The content every test reads, written once for the module inside its transaction (tests/conftest.py,
    `module_transaction`): each URL's query count with one item of each kind, then three more of each. The counts
    with one are returned; each test counts its URL with four."""
    from django.conf import settings
    from django.core.cache import cache
    from django.test import Client
    from django.utils import translation

    assert module_transaction, "this module has no transactional test"
    with django_db_blocker.unblock(), translation.override(settings.LANGUAGE_CODE):
        cache.clear()
        sections = sections_read(sections_ensure())
        _add_content(sections, 1)
        client = Client()
        few = {url: _count(client, url) for url in EXPECTED}
        _add_content(sections, 3)
        return few


@pytest.mark.parametrize("url", list(EXPECTED))
def test_query_count_does_not_grow_with_content(client, few_queries, url):
    many = _count(client, url)
    print(f"{url}: {many} queries")
    assert few_queries[url] == many
    if EXPECTED[url] is not None:
        assert many == EXPECTED[url]
