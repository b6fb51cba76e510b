"""Search fixtures: an index writer, users of each audience, and a fresh rate-limit window per test."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache

from hub.accounts import roles
from search import services
from search.engines.base import Audience, SearchQuery
from search.engines.postgres import PostgresEngine
from search.registry import Visibility


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def index(db):
    """index(docs, source_type="story"): write documents as an adapter would."""

    def write(documents, source_type="story"):
        services.bulk_index(source_type=source_type, documents=documents)
        return documents

    return write


PUBLIC = Audience(visibilities=frozenset({Visibility.PUBLIC}))


@pytest.fixture
def find():
    """find("text", audience=PUBLIC, **query) -> SearchResults from the PostgreSQL engine."""

    def run(text, audience=PUBLIC, **kwargs):
        return PostgresEngine().search(SearchQuery(text=text, audience=audience, **kwargs))

    return run


@pytest.fixture
def member(db):
    return get_user_model().objects.create_user(username="member", email="member@example.org", password="x")


@pytest.fixture
def editor(db):
    user = get_user_model().objects.create_user(username="editor", email="editor@example.org", password="x")
    user.groups.add(Group.objects.get_or_create(name=roles.MINISTRY_EDITORS)[0])
    return user
