"""Anonymous page views are cached and served again without work, until something is published or unpublished."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.hub.factories import make_story

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.HUB_PAGE_CACHE_SECONDS = 300
    from django.core.cache import cache

    cache.clear()


def test_a_second_anonymous_view_comes_from_the_cache(client, sections):
    make_story(sections["stories"]["ar"], slug="cached", title="قصة مخزنة")
    first = client.get("/ar/stories/")
    assert first["X-Hub-Cache"] == "miss"
    assert "public" in first["Cache-Control"] and "max-age=300" in first["Cache-Control"]
    with CaptureQueriesContext(connection) as ctx:
        second = client.get("/ar/stories/")
    assert second["X-Hub-Cache"] == "hit"
    assert second.content == first.content
    print(f"cached view: {len(ctx.captured_queries)} queries")
    assert len(ctx.captured_queries) == 7  # site, locale, routing to the page; nothing rendered


def test_publishing_a_story_invalidates_the_home_page_and_the_index(client, sections):
    client.get("/ar/")
    client.get("/ar/stories/")
    make_story(sections["stories"]["ar"], slug="fresh", title="قصة جديدة")
    home = client.get("/ar/")
    assert home["X-Hub-Cache"] == "miss" and "قصة جديدة" in home.content.decode()
    assert "قصة جديدة" in client.get("/ar/stories/").content.decode()


def test_unpublishing_removes_the_story_from_cached_pages(client, sections):
    story = make_story(sections["stories"]["ar"], slug="gone", title="قصة ستختفي")
    assert "قصة ستختفي" in client.get("/ar/stories/").content.decode()
    story.unpublish()
    assert "قصة ستختفي" not in client.get("/ar/stories/").content.decode()
    assert client.get("/ar/stories/gone/").status_code == 404


def test_signed_in_readers_are_never_served_from_the_cache(client, sections, django_user_model):
    make_story(sections["stories"]["ar"], slug="members", contact_email="team@example.org")
    client.get("/ar/stories/members/")
    client.force_login(django_user_model.objects.create_user("member", "m@example.org", "x"))
    response = client.get("/ar/stories/members/")
    assert "X-Hub-Cache" not in response
    assert "mailto:team@example.org" in response.content.decode()
