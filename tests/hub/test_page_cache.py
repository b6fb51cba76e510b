"""Anonymous views of the CMS pages (home, indexes, stories, practices, events, news, feeds) come from the cache with
no query at all, until a publication makes them stale; what a reader sends beyond the parameters a page reads does
not split or leak into the cache."""

import pytest

from tests.conftest import pages_read, sections_read
from tests.hub.factories import make_event, make_news, make_practice, make_story

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.HUB_PAGE_CACHE_SECONDS = 300
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(scope="module")
def module_content(module_sections, django_db_blocker):
    """A story, a practice, an event and a news item, made once for the module inside its transaction
    (tests/conftest.py, `module_transaction`): {kind: pk}."""
    assert module_sections is not None, "this module has no transactional test: its sections are the module's"
    with django_db_blocker.unblock():
        sections = sections_read(module_sections)
        return {
            "story": make_story(sections["stories"]["ar"], slug="cached", title="قصة مخزنة").pk,
            "practice": make_practice(sections["practices"]["ar"], slug="practice", title="ممارسة مخزنة").pk,
            "event": make_event(sections["events"]["ar"], slug="event", title="فعالية مخزنة").pk,
            "news": make_news(sections["news"]["ar"], slug="news", title="خبر مخزن").pk,
        }


@pytest.fixture
def content(module_content, sections):
    pages = pages_read(module_content.values())
    return {kind: pages[pk] for kind, pk in module_content.items()}


@pytest.mark.parametrize(
    "url",
    [
        "/ar/",
        "/en/",
        "/ar/stories/",
        "/ar/stories/cached/",
        "/ar/practices/",
        "/ar/practices/practice/",
        "/ar/events/",
        "/ar/events/event/",
        "/ar/events/event/ics/",
        "/ar/events/ical/",
        "/ar/news/",
        "/ar/news/news/",
        "/ar/stories/feed/rss/",
        "/ar/news/feed/atom/",
    ],
)
def test_a_second_anonymous_view_comes_from_the_cache_without_a_query(client, content, url, django_assert_num_queries):
    first = client.get(url)
    assert first.status_code == 200
    assert first["X-Hub-Cache"] == "miss"
    assert "public" in first["Cache-Control"] and "max-age=300" in first["Cache-Control"]
    with django_assert_num_queries(0):
        second = client.get(url)
    assert second["X-Hub-Cache"] == "hit"
    assert second.content == first.content


def test_publishing_a_story_makes_the_home_page_the_index_and_the_feed_fresh(
    client, sections, django_capture_on_commit_callbacks
):
    for url in ("/ar/", "/ar/stories/", "/ar/stories/feed/rss/"):
        client.get(url)
    with django_capture_on_commit_callbacks(execute=True):
        make_story(sections["stories"]["ar"], slug="fresh", title="قصة جديدة")
    for url in ("/ar/", "/ar/stories/", "/ar/stories/feed/rss/"):
        response = client.get(url)
        assert response["X-Hub-Cache"] == "miss", url
        assert "قصة جديدة" in response.content.decode(), url


def test_editing_a_published_story_shows_the_new_text(client, content, django_capture_on_commit_callbacks):
    story = content["story"]
    assert "قصة مخزنة" in client.get("/ar/stories/cached/").content.decode()
    story.title = "قصة معدلة"
    with django_capture_on_commit_callbacks(execute=True):
        story.save_revision().publish()
    assert "قصة معدلة" in client.get("/ar/stories/cached/").content.decode()


def test_unpublishing_removes_the_story_from_cached_pages(client, content, django_capture_on_commit_callbacks):
    assert "قصة مخزنة" in client.get("/ar/stories/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        content["story"].unpublish()
    assert "قصة مخزنة" not in client.get("/ar/stories/").content.decode()
    assert client.get("/ar/stories/cached/").status_code == 404


def test_a_renamed_municipality_is_shown_renamed_on_the_story(client, content, django_capture_on_commit_callbacks):
    from hub.places import services as places

    municipality = content["story"].municipality
    client.get("/ar/stories/cached/")
    with django_capture_on_commit_callbacks(execute=True):
        places.municipality_update(municipality=municipality, user=None, data={"name_ar": "بلدية باسم جديد"})
    assert "بلدية باسم جديد" in client.get("/ar/stories/cached/").content.decode()


def test_query_parameters_the_page_does_not_read_share_its_entry_and_stay_out_of_it(client, sections):
    index = sections["stories"]["ar"]
    for n in range(13):  # two pages of twelve
        make_story(index, slug=f"s{n}", title=f"قصة {n}")
    first = client.get("/ar/stories/?utm_source=newsletter&fbclid=x1")
    assert first["X-Hub-Cache"] == "miss"
    assert "utm_source" not in first.content.decode()  # the pagination links carry only what the page reads
    assert client.get("/ar/stories/")["X-Hub-Cache"] == "hit"
    assert client.get("/ar/stories/?utm_campaign=y")["X-Hub-Cache"] == "hit"
    second_page = client.get("/ar/stories/?page=2&utm_source=z")
    assert second_page["X-Hub-Cache"] == "miss"
    assert client.get("/ar/stories/?page=2")["X-Hub-Cache"] == "hit"
    assert client.get("/ar/stories/?category=e-payment")["X-Hub-Cache"] == "miss"


def _signed_in(client, user):
    from django.conf import settings
    from django.utils.crypto import get_random_string

    client.force_login(user)
    client.cookies[settings.CSRF_COOKIE_NAME] = get_random_string(32)  # as after logging in through the form
    return client


def test_signed_in_readers_get_their_own_cached_page(client, sections, django_user_model, django_assert_num_queries):
    make_story(sections["stories"]["ar"], slug="members", contact_email="team@example.org")
    client.get("/ar/stories/members/")
    anonymous = client.get("/ar/stories/members/")
    assert anonymous["X-Hub-Cache"] == "hit" and "mailto:team@example.org" not in anonymous.content.decode()
    _signed_in(client, django_user_model.objects.create_user("member", "m@example.org", "x", display_name="ريم"))
    first = client.get("/ar/stories/members/")
    assert first["X-Hub-Cache"] == "miss" and "private" in first["Cache-Control"]
    with django_assert_num_queries(1):  # the signed-in user; the session comes from the cache
        second = client.get("/ar/stories/members/")
    assert second["X-Hub-Cache"] == "hit"
    assert "mailto:team@example.org" in second.content.decode() and "ريم" in second.content.decode()


@pytest.mark.parametrize("url", ["/ar/", "/ar/stories/", "/ar/events/event/", "/ar/news/feed/atom/"])
def test_two_signed_in_readers_never_get_each_others_page(content, django_user_model, url):
    from django.test import Client

    readers = {name: _signed_in(Client(), django_user_model.objects.create_user(name, f"{name}@example.org", "x",
                                                                               display_name=f"القارئ {name}"))
               for name in ("one", "two")}  # fmt: skip
    for _ in range(2):
        pages = {name: reader.get(url) for name, reader in readers.items()}
    assert {page["X-Hub-Cache"] for page in pages.values()} == {"hit"}
    if url.endswith("/atom/"):
        assert pages["one"].content == pages["two"].content  # a feed names nobody
    else:
        assert "القارئ one" in pages["one"].content.decode() and "القارئ one" not in pages["two"].content.decode()
        assert "القارئ two" in pages["two"].content.decode() and "القارئ two" not in pages["one"].content.decode()


def test_publishing_is_seen_at_once_by_a_signed_in_reader(client, sections, django_user_model,
                                                          django_capture_on_commit_callbacks):  # fmt: skip
    _signed_in(client, django_user_model.objects.create_user("member", "m@example.org", "x"))
    client.get("/ar/stories/")
    assert client.get("/ar/stories/")["X-Hub-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        make_story(sections["stories"]["ar"], slug="fresh", title="قصة للأعضاء")
    assert "قصة للأعضاء" in client.get("/ar/stories/").content.decode()


def test_an_editors_preview_is_never_cached_nor_served_from_the_cache(client, content, django_user_model):
    from django.urls import reverse

    from hub.accounts.roles import MINISTRY_EDITORS

    editor = django_user_model.objects.create_user("editor", "e@example.org", "x")
    editor.groups.add(__import__("django.contrib.auth.models", fromlist=["Group"]).Group.objects.get(
        name=MINISTRY_EDITORS))  # fmt: skip
    _signed_in(client, editor)
    story = content["story"]
    client.get("/ar/stories/cached/")
    assert client.get("/ar/stories/cached/")["X-Hub-Cache"] == "hit"
    story.title = "عنوان المسودة"
    story.save_revision()
    preview = client.get(reverse("wagtailadmin_pages:view_draft", args=(story.pk,)))
    assert preview.status_code == 200 and "عنوان المسودة" in preview.content.decode()
    assert "X-Hub-Cache" not in preview
    live = client.get("/ar/stories/cached/")
    assert live["X-Hub-Cache"] == "hit" and "عنوان المسودة" not in live.content.decode()


def test_not_found_pages_are_not_cached(client, home_pages):
    assert client.get("/ar/no-such-page/").status_code == 404
    response = client.get("/ar/no-such-page/")
    assert response.status_code == 404 and "X-Hub-Cache" not in response


def test_a_reader_with_a_session_is_not_cached_for_others(client, content):
    """A session may carry what is this reader's own (a passed page password, a message): a miss for such a reader
    is served but not kept; a cached page is still given to them."""
    client.cookies["sessionid"] = "someone"
    response = client.get("/ar/stories/cached/")
    assert response.status_code == 200 and "X-Hub-Cache" not in response
    del client.cookies["sessionid"]
    assert client.get("/ar/stories/cached/")["X-Hub-Cache"] == "miss"
    client.cookies["sessionid"] = "someone"
    assert client.get("/ar/stories/cached/")["X-Hub-Cache"] == "hit"


def test_caching_is_off_with_zero_seconds(client, content, settings):
    settings.HUB_PAGE_CACHE_SECONDS = 0
    client.get("/ar/stories/")
    assert "X-Hub-Cache" not in client.get("/ar/stories/")


def test_a_forum_change_makes_the_home_page_fresh_and_leaves_stories_cached(client, content):
    """The home page lists the latest forum topics; a story does not. (The forum's services bump "forum".)"""
    from hub import caching

    client.get("/ar/")
    client.get("/ar/stories/cached/")
    caching.bump("forum")
    assert client.get("/ar/")["X-Hub-Cache"] == "miss"
    assert client.get("/ar/stories/cached/")["X-Hub-Cache"] == "hit"


def test_an_unknown_section_is_refused_where_it_is_named():
    from hub import caching

    with pytest.raises(ValueError, match="unknown cache sections"):
        caching.bump_on_commit("projets")
