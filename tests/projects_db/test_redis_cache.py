"""The production cache is a real Redis: the production settings build Django's RedisCache (hub.redis_cache: one
client object per pool) and cached_db sessions from REDIS_URL, and against a real redis-server a cached page is
served without a query (a signed-in reader's with one: their user row), made stale by a service write and seen
fresh."""

import json
import secrets
from urllib.parse import quote

import pytest

from projects_db import services
from projects_db.models import Project
from tests.hub.test_production_settings import production_env, run_python

pytestmark = pytest.mark.django_db

SHOW_CACHE = """
import django, json
django.setup()
from django.conf import settings
from django.core.cache import cache
cache.set("hub:probe", {"ok": 1}, 30)
print(json.dumps({"backend": settings.CACHES["default"]["BACKEND"], "location": settings.CACHES["default"]["LOCATION"],
                  "sessions": settings.SESSION_ENGINE, "probe": cache.get("hub:probe")}))
"""


@pytest.fixture
def redis_cache(settings, redis_url):
    """This process's cache is the real Redis, as in production (emptied before and after)."""
    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": "hub.redis_cache.RedisCache", "LOCATION": redis_url},
    }
    settings.HUB_PAGE_CACHE_SECONDS = 300
    from django.core.cache import cache

    cache.clear()
    yield cache
    cache.clear()


def test_the_production_settings_use_redis_from_redis_url(redis_url):
    secret_key = secrets.token_urlsafe(64)
    env = production_env(DATABASE_URL="postgres://unused@/unused", SECRET_KEY=secret_key, REDIS_URL=redis_url)
    result = run_python(["-c", SHOW_CACHE], env)
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout.strip().splitlines()[-1])
    assert shown == {
        "backend": "hub.redis_cache.RedisCache",  # Django's, reusing its client objects
        "location": redis_url,
        "sessions": "django.contrib.sessions.backends.cached_db",
        "probe": {"ok": 1},  # written to and read back from the real server
    }


def test_a_page_cached_in_redis_is_served_without_a_query_and_made_fresh_by_a_service(
    client, redis_cache, project_data, editor, django_assert_num_queries, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        project = services.project_import(data=project_data, state=Project.State.PUBLISHED)
    url = f"/ar/projects/{quote(project.slug)}/"
    assert client.get(url)["X-Hub-Cache"] == "miss"
    with django_assert_num_queries(0):
        hit = client.get(url)
    assert hit["X-Hub-Cache"] == "hit" and project.title in hit.content.decode()
    assert any(key.startswith(b":1:hub:page:") for key in redis_cache._cache.get_client().keys("*"))
    with django_capture_on_commit_callbacks(execute=True):
        services.project_update(project=project, user=editor, data={"title": "عنوان جديد للمشروع"})
    fresh = client.get(url)
    assert fresh["X-Hub-Cache"] == "miss"
    assert "عنوان جديد للمشروع" in fresh.content.decode()


def test_a_signed_in_session_lives_in_redis_and_in_the_database(client, redis_cache, editor, django_assert_num_queries):
    from django.contrib.sessions.backends.cached_db import SessionStore
    from django.contrib.sessions.models import Session

    client.force_login(editor)
    key = client.cookies["sessionid"].value
    assert Session.objects.filter(session_key=key).exists()  # survives a restart of Redis
    with django_assert_num_queries(0):
        assert SessionStore(session_key=key).load()  # read from Redis


def test_a_signed_in_readers_page_cached_in_redis_costs_one_query_and_one_client(
    client, redis_cache, project_data, staff_hebron, django_assert_num_queries, django_capture_on_commit_callbacks
):
    from django.conf import settings
    from django.utils.crypto import get_random_string

    with django_capture_on_commit_callbacks(execute=True):
        project = services.project_import(data=project_data, state=Project.State.PUBLISHED)
    url = f"/ar/projects/{quote(project.slug)}/"
    client.force_login(staff_hebron)
    client.cookies[settings.CSRF_COOKIE_NAME] = get_random_string(32)
    assert client.get(url)["X-Hub-Cache"] == "miss"
    with django_assert_num_queries(1):  # the user; the session and the page come from Redis
        hit = client.get(url)
    assert hit["X-Hub-Cache"] == "hit" and "it@hebron.example.ps" in hit.content.decode()
    assert redis_cache._cache.get_client() is redis_cache._cache.get_client()
