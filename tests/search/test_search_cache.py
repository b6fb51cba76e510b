"""Searches answered from the cache: an anonymous reader's repeated search costs no query, a signed-in reader's
costs no engine work, and neither ever shows what the index no longer says or what the reader may not see."""

import types

import pytest
from django.db import transaction

from search import services
from search.registry import Visibility
from tests.search.factories import DocumentFactory as Doc

pytestmark = pytest.mark.django_db(transaction=True)  # the cache moves on when the index's writes commit


@pytest.fixture(autouse=True)
def cached(settings):
    settings.HUB_PAGE_CACHE_SECONDS = 300
    settings.SEARCH_SEMANTIC = False  # no model load here; the vectors' own bump is checked below


@pytest.fixture
def budget(index):
    index(
        [
            Doc(source_id="open", title="الموازنة المفتوحة", body="نشر الموازنة للمواطنين"),
            Doc(source_id="secret", title="موازنة سرية للموظفين", visibility=Visibility.STAFF),
        ]
    )


def test_an_anonymous_search_is_served_again_without_a_query(client, budget, django_assert_num_queries):
    first = client.get("/ar/search/", {"q": "الموازنة"})
    assert first["X-Hub-Cache"] == "miss" and "المفتوحة" in first.content.decode()
    with django_assert_num_queries(0):
        again = client.get("/ar/search/", {"q": "الموازنة", "utm_source": "mail"})
    assert again["X-Hub-Cache"] == "hit" and again.content == first.content


def test_a_new_document_is_found_at_once_after_it_is_indexed(client, budget):
    assert "تحديث" not in client.get("/ar/search/", {"q": "الموازنة"}).content.decode()
    with transaction.atomic():
        services.bulk_index(source_type="story", documents=[Doc(source_id="new", title="تحديث الموازنة")])
    response = client.get("/ar/search/", {"q": "الموازنة"})
    assert response["X-Hub-Cache"] == "miss" and "تحديث" in response.content.decode()


def test_a_removed_document_disappears_at_once(client, budget):
    assert "المفتوحة" in client.get("/ar/search/", {"q": "الموازنة"}).content.decode()
    services.unindex(source_type="story", source_id="open")
    assert "المفتوحة" not in client.get("/ar/search/", {"q": "الموازنة"}).content.decode()


def test_a_signed_in_search_reuses_the_engines_answer_for_its_audience_only(
    client, budget, editor, member, django_assert_max_num_queries
):
    client.force_login(editor)
    assert "سرية" in client.get("/ar/search/", {"q": "موازنة"}).content.decode()
    with django_assert_max_num_queries(6) as repeated:  # session, user, groups; no engine statement
        assert "سرية" in client.get("/ar/search/", {"q": "موازنة"}).content.decode()
    assert not any("hub_search_searchdocument" in query["sql"] for query in repeated.captured_queries)
    client.force_login(member)  # same words, a reader who may not see staff documents
    html = client.get("/ar/search/", {"q": "موازنة"}).content.decode()
    assert "سرية" not in html and "المفتوحة" in html


def test_repeated_anonymous_searches_from_the_cache_do_not_use_up_the_rate_limit(client, budget, settings, monkeypatch):
    settings.SEARCH_RATE_LIMIT_PER_MINUTE = 2
    clock = types.SimpleNamespace(time=lambda: 1_800_000_030.0)  # one minute's window throughout
    monkeypatch.setattr("search.ratelimit.time", clock)
    assert client.get("/ar/search/", {"q": "الموازنة"}).status_code == 200
    for _ in range(5):
        assert client.get("/ar/search/", {"q": "الموازنة"}).status_code == 200
    assert client.get("/ar/search/", {"q": "مواطنين"}).status_code == 200
    assert client.get("/ar/search/", {"q": "نشر"}).status_code == 429  # the third search the engine would answer


def test_new_vectors_and_a_new_vocabulary_move_the_cache_on(budget):
    from hub.caching import version

    before = version("search")
    with transaction.atomic():
        services.rebuild_vocabulary()
    assert version("search") != before
