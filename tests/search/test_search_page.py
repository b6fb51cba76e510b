"""The search page: a reader types words and sees mixed results, facets, pages and a helpful empty state."""

import pytest
from django.test import override_settings

from search.registry import Visibility
from tests.search.factories import DocumentFactory as Doc

pytestmark = pytest.mark.django_db


@pytest.fixture
def stories(index):
    index(
        [
            Doc(
                source_id="a",
                title="الموازنة المفتوحة",
                body="نشر الموازنة",
                governorate="nablus",
                governorate_name="نابلس",
                municipality="nablus-city",
                municipality_name="بلدية نابلس",
            ),
            Doc(source_id="b", title="موازنة البلدية", governorate="hebron", governorate_name="الخليل"),
            Doc(
                source_id="secret",
                title="موازنة سرية",
                visibility=Visibility.STAFF,
                governorate="jenin",
                governorate_name="جنين",
            ),
        ]
    )
    index([Doc(source_id="t1", title="سؤال عن الموازنة")], source_type="forum-post")


def test_reader_sees_mixed_results_with_type_snippet_and_place(client, stories):
    html = client.get("/ar/search/", {"q": "الموازنه"}).content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert 'value="الموازنه"' in html  # the box keeps the query
    assert "<mark>الموازنة</mark> المفتوحة" in html
    assert "بلدية نابلس" in html
    assert "forum-post" in html  # an unregistered type falls back to its name
    assert "3 نتائج" in html


def test_staff_only_documents_never_appear_to_the_public_not_even_in_counts(client, stories, editor):
    html = client.get("/ar/search/", {"q": "موازنة"}).content.decode()
    assert "سرية" not in html and "جنين" not in html and "3 نتائج" in html
    client.force_login(editor)
    html = client.get("/ar/search/", {"q": "موازنة"}).content.decode()
    assert "سرية" in html and "جنين" in html and "4 نتائج" in html


def test_facet_links_toggle_a_filter_kept_in_the_url(client, stories):
    response = client.get("/ar/search/", {"q": "موازنة"})
    facet_urls = [v["url"] for g in response.context["facets"] if g["name"] == "governorate" for v in g["values"]]
    nablus = next(url for url in facet_urls if "governorate=nablus" in url)
    filtered = client.get(nablus)
    assert [hit["hit"].source_id for hit in filtered.context["hits"]] == ["a"]
    html = filtered.content.decode()
    assert 'name="governorate" value="nablus"' in html  # a new query keeps the filter
    assert 'aria-current="true"' in html
    assert "إزالة كل عوامل التصفية" in html


def test_english_page_is_left_to_right_and_translated(client, stories):
    html = client.get("/en/search/", {"q": "موازنة"}).content.decode()
    assert '<html lang="en" dir="ltr">' in html
    assert "3 results" in html and "Governorate" in html


def test_empty_query_shows_an_invitation(client, db):
    response = client.get("/ar/search/")
    assert response.status_code == 200
    assert "ابحث في قصص النجاح" in response.content.decode()


def test_nothing_found_suggests_what_to_do(client, stories):
    html = client.get("/en/search/", {"q": "zzqqxx", "type": "story"}).content.decode()
    assert "Nothing found for “zzqqxx”" in html
    assert "Search again without the filters." in html


def test_typo_says_showing_results_for(client, stories):
    html = client.get("/en/search/", {"q": "الموازتة"}).content.decode()
    assert "Showing results for “الموازنة”" in html


def test_pagination_links_keep_query_and_filters(client, index):
    index([Doc(source_id=f"d{i}", title=f"تقرير {i}", category="reports") for i in range(45)])
    response = client.get("/ar/search/", {"q": "تقرير", "category": "reports"})
    pages = response.context["pages"]
    assert pages["count"] == 3
    assert "page=2" in pages["next"] and "category=reports" in pages["next"]
    second = client.get(pages["next"])
    assert len(second.context["hits"]) == 20 and second.context["pages"]["current"] == 2


def test_query_count_does_not_grow_with_results(client, index, django_assert_num_queries):
    index([Doc(source_id=f"few{i}", title="تقرير قليل", municipality="few") for i in range(2)])
    client.get("/ar/search/")  # warm-up: per-process caches are filled on the first visit
    # 2 for the forums the reader may read (machina's permissions and the forum list, via the forum's audience
    # provider: forum/handler.py);
    # savepoint, one statement for total + facets, one per ranking tier until the page is full (here: the title
    # tier, then the body tier), release, one fetch of the page's rows; one for the municipalities' names in the
    # reader's language (projects_db's label provider); the semantic side (hybrid search): savepoint, one
    # nearest-neighbour statement, release
    with django_assert_num_queries(12):
        client.get("/ar/search/", {"q": "تقرير"})
    index([Doc(source_id=f"many{i}", title="تقرير كثير", municipality=f"m{i}") for i in range(60)])
    with django_assert_num_queries(12):  # the same on page 2: the fused window covers it
        client.get("/ar/search/", {"q": "تقرير", "page": "2"})


BAD_INPUT = [
    "",
    " ",
    "x" * 2000,
    "موازنة " * 300,
    "...,,,;;;!!!",
    "&|!():*'\"\\",
    '"unbalanced quote',
    "'; DROP TABLE hub_search_searchdocument; --",
    "1' OR '1'='1",
    "موازنة & | ! <-> :* تقرير",
    "نظام GIS في نابلس 🙂",
    "\u200fموازنة\u200e\u202b",
    "🙂🙂🙂",
    "في من على",  # only stop words
    "\x00null byte",
    "%_%",
]


@pytest.mark.parametrize("text", BAD_INPUT)
def test_odd_input_gets_a_clear_answer_never_an_error(client, stories, text):
    response = client.get("/ar/search/", {"q": text, "page": "2", "year": "abc", "type": "<script>"})
    # a NUL byte is refused for the whole site with a 400 page that says why (hub.middleware)
    assert response.status_code == (400 if "\x00" in text else 200)
    assert "<script>" not in response.content.decode().split("<main", 1)[1]


def test_bad_page_number_is_ignored(client, stories):
    for page in ("-1", "abc", "0", "1.5"):
        response = client.get("/ar/search/", {"q": "موازنة", "page": page})
        assert response.status_code == 200 and response.context["results"].page == 1
        assert len(response.context["hits"]) == 3
    assert client.get("/ar/search/", {"q": "موازنة", "page": "99999999999"}).context["hits"] == []


def test_long_query_is_cut_and_the_reader_told(client, stories):
    html = client.get("/en/search/", {"q": "budget " * 100}).content.decode()
    assert "only its beginning was used" in html


@override_settings(SEARCH_RATE_LIMIT_PER_MINUTE=3)
def test_too_many_searches_get_a_clear_429(client, stories):
    for _ in range(3):
        assert client.get("/en/search/", {"q": "x"}).status_code == 200
    response = client.get("/en/search/", {"q": "x"})
    assert response.status_code == 429
    assert "Too many searches" in response.content.decode()
    other_client = client.__class__(REMOTE_ADDR="10.0.0.9")
    assert other_client.get("/en/search/", {"q": "x"}).status_code == 200


def test_when_counting_stops_at_the_cap_the_page_says_at_least_in_both_languages(client, stories, monkeypatch):
    monkeypatch.setattr("search.engines.postgres.CANDIDATES", 2)
    html = client.get("/ar/search/", {"q": "موازنة"}).content.decode()
    assert "2 نتيجة على الأقل" in html and "نتائج</p>" not in html
    html = client.get("/en/search/", {"q": "موازنة"}).content.decode()
    assert "At least 2 results" in html


@override_settings(SEARCH_RATE_LIMIT_PER_MINUTE=2, ALLAUTH_TRUSTED_PROXY_COUNT=1)
def test_behind_the_proxy_each_visitor_has_their_own_search_allowance(client, stories):
    # Every request reaches the site from nginx (127.0.0.1); the client is the last X-Forwarded-For entry.
    first = {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "203.0.113.7"}
    second = {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "198.51.100.20"}
    for _ in range(2):
        assert client.get("/en/search/", {"q": "x"}, **first).status_code == 200
    assert client.get("/en/search/", {"q": "x"}, **first).status_code == 429
    assert client.get("/en/search/", {"q": "x"}, **second).status_code == 200
    # a forged entry in front of the real one does not buy a new allowance
    forged = {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "10.9.9.9, 203.0.113.7"}
    assert client.get("/en/search/", {"q": "x"}, **forged).status_code == 429
