"""An anonymous reader writes nothing outside the forum: a bounded crawl of the public pages (CMS pages and feeds,
project and portal directories, project and municipality pages, search, cooperation pages, the API) adds no session
row and runs no INSERT, UPDATE or DELETE, with the page cache on (misses, then hits) as in production."""

import re
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.hub.factories import make_event, make_news, make_practice, make_story
from tests.projects_db.factories import ProjectFactory

pytestmark = pytest.mark.django_db

START = ["/ar/", "/en/", "/ar/projects/", "/ar/search/?q=بوابة", "/api/v1/projects", "/api/v1/municipalities"]
# Not public pages, or the forum (tests/forum/test_anonymous_session.py): never followed. Search is read once from
# START: its own rate limit would answer the crawl's many facet links with 429s.
SKIP = re.compile(r"^/(ar/|en/)?(forum|accounts|admin|django-admin|documents|media|static|_util|search)/")
HREF = re.compile(r'href="([^"#]+)')
LIMIT = 120  # pages: bounded whatever the links


@pytest.fixture
def site(sections, settings):
    settings.HUB_PAGE_CACHE_SECONDS = 300
    from django.core.cache import cache

    cache.clear()
    story = make_story(sections["stories"]["ar"], slug="story", title="قصة بوابة الدفع")
    make_practice(sections["practices"]["ar"], slug="practice")
    make_event(sections["events"]["ar"], slug="event")
    make_news(sections["news"]["ar"], slug="news")
    ProjectFactory(title="بوابة الدفع", slug="payment-portal", lead_municipality=story.municipality)


def crawl(client) -> list[str]:
    seen, queue = set(), list(START)
    while queue and len(seen) < LIMIT:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        assert response.status_code < 500, url
        assert "sessionid" not in response.cookies and "csrftoken" not in response.cookies, url
        if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
            continue
        for href in HREF.findall(response.content.decode()):
            target = urlsplit(urljoin(url, urldefrag(href.replace("&amp;", "&"))[0]))
            if target.netloc in ("", "testserver") and not SKIP.match(target.path):
                queue.append(target.path + (f"?{target.query}" if target.query else ""))
    return sorted(seen)


def writes(queries) -> list[str]:
    return [q["sql"] for q in queries.captured_queries if re.match(r"\s*(INSERT|UPDATE|DELETE)", q["sql"], re.I)]


def test_a_crawl_of_the_public_pages_writes_nothing(client, site):
    from django.contrib.sessions.models import Session

    sessions = Session.objects.count()
    with CaptureQueriesContext(connection) as first_queries:
        first = crawl(client)
    # The first view of an image at a size makes its rendition (Wagtail's derived file, made once, then read).
    assert [sql for sql in writes(first_queries) if '"wagtailimages_rendition"' not in sql] == []
    from django.core.cache import cache

    with CaptureQueriesContext(connection) as second_queries:
        second = crawl(client)  # from the cache
        cache.clear()  # every page rendered again, as after a publication
        assert crawl(client) == second
    assert writes(second_queries) == []
    assert Session.objects.count() == sessions
    print(f"{len(first)} pages crawled three times")
    assert len(first) >= 20 and first == second
    assert {"/ar/stories/story/", "/ar/projects/payment-portal/"} <= set(first)
