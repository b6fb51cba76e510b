"""Ranking among every match: a document about the query wins however many documents mention it, wherever it
sits in the table, and the candidates handed to other rankings say whether they have every word."""

import random

import pytest
from django.db import connection

from search import services
from search.engines.base import SearchQuery
from search.engines.postgres import CANDIDATES, WINDOW, PostgresEngine
from tests.search.conftest import PUBLIC
from tests.search.factories import DocumentFactory as Doc

pytestmark = pytest.mark.django_db

FILLER_WORDS = ["تقرير", "المجلس", "الموظفين", "الحدائق", "الطرق", "الإنارة", "النفايات", "المدارس", "الصحة"]


def ids(results):
    return [hit.source_id for hit in results.hits]


def fillers(count, *, mention, start=0):
    """Documents whose titles say nothing of the query and whose bodies mention it once, among other words."""
    rng = random.Random(count)
    for i in range(start, start + count):
        words = rng.choices(FILLER_WORDS, k=30)
        yield Doc(
            source_id=f"filler{i}",
            title=" ".join(rng.choices(FILLER_WORDS, k=5)),
            body=" ".join(words[:15] + [mention] + words[15:]),
        )


def test_documents_about_the_query_outrank_thousands_of_body_mentions_written_before_and_after_them():
    many = CANDIDATES + 1000  # more matches than the engine counts: the old cut-off, in the table's order
    first = Doc(source_id="first", title="رخص البناء في نابلس", body="إصدار رخص البناء إلكترونيا")
    last = Doc(source_id="last", title="رخصة البناء الإلكترونية", body="طلب رخصة البناء")
    batches = [("story", [first]), ("story", list(fillers(many, mention="رخص البناء"))), ("story", [last])]
    services.bulk_load(batches=batches)

    results = PostgresEngine().search(SearchQuery(text="رخص البناء", audience=PUBLIC, per_page=10))

    assert sorted(ids(results)[:2]) == ["first", "last"]
    assert all(source_id.startswith("filler") for source_id in ids(results)[2:])
    # shown as "at least 2000", or "at least 500" once ANALYZE has seen that every document matches (the newest
    # WINDOW matches are then counted: see the next test)
    assert results.total_is_capped and results.total in (CANDIDATES, WINDOW)


def test_a_search_most_documents_match_counts_the_newest_matches_and_ranks_exactly_as_before():
    first = Doc(source_id="first", title="رخص البناء في نابلس", body="إصدار رخص البناء إلكترونيا")
    last = Doc(source_id="last", title="رخصة البناء الإلكترونية", body="طلب رخصة البناء")
    batches = [("story", [first]), ("story", list(fillers(600, mention="رخص البناء"))), ("story", [last])]
    services.bulk_load(batches=batches)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE hub_search_searchdocument")  # the statistics say that every document matches
    windowed, bitmap = PostgresEngine(window=200), PostgresEngine(window=0)

    def search(engine, page):
        return engine.search(SearchQuery(text="رخص البناء", audience=PUBLIC, per_page=10, page=page))

    results = search(windowed, 1)
    assert sorted(ids(results)[:2]) == ["first", "last"]  # the oldest document about the query too
    assert (results.total, results.total_is_capped) == (200, True)  # the newest 200 counted: "at least 200"
    assert (search(bitmap, 1).total, search(bitmap, 1).total_is_capped) == (602, False)  # every match counted
    # the same order either way: the first pages from the window's newest matches, page 30 beyond it
    for page in (1, 2, 30):
        assert ids(search(windowed, page)) == ids(search(bitmap, page))


def test_with_thousands_of_matches_a_filter_still_finds_the_best_filtered_document():
    best = Doc(source_id="best", title="online payments portal", language="en", governorate="jenin")
    english = [
        Doc(source_id=f"filler{i}", language="en", title="annual report", body="we now accept online payments")
        for i in range(CANDIDATES + 500)
    ]
    services.bulk_load(batches=[("story", [best]), ("story", english)])

    results = PostgresEngine().search(
        SearchQuery(text="online payments", audience=PUBLIC, filters={"governorate": ["jenin"]})
    )

    assert ids(results) == ["best"]


def test_the_words_as_a_phrase_outrank_the_same_words_apart(index, find):
    index(
        [
            Doc(source_id="apart", title="تقرير", body="رخص المحلات ثم البناء"),
            Doc(source_id="phrase", title="تقرير", body="رخص البناء"),
            Doc(source_id="title-apart", title="رخص المحلات وقواعد البناء"),
            Doc(source_id="title-phrase", title="دليل رخص البناء"),
        ]
    )
    assert ids(find("رخص البناء")) == ["title-phrase", "title-apart", "phrase", "apart"]


def test_deep_pages_continue_the_same_order_across_tiers(index, find):
    index([Doc(source_id=f"title{i}", title=f"الموازنة المفتوحة {i}") for i in range(15)])
    index([Doc(source_id=f"body{i}", title="تقرير", body=f"الموازنة المفتوحة {i}") for i in range(15)])
    pages = [ids(find("الموازنة المفتوحة", per_page=10, page=page)) for page in (1, 2, 3)]
    assert [len(page) for page in pages] == [10, 10, 10]
    assert all(source_id.startswith("title") for source_id in pages[0] + pages[1][:5])
    assert all(source_id.startswith("body") for source_id in pages[1][5:] + pages[2])
    assert len({source_id for page in pages for source_id in page}) == 30


def test_ranked_candidates_say_which_have_every_word(index):
    index(
        [
            Doc(source_id="all", title="فواتير المياه"),
            Doc(source_id="some", title="شبكة المياه"),
            Doc(source_id="none", title="الحدائق العامة"),
        ]
    )
    candidates = PostgresEngine().ranked_candidates(SearchQuery(text="فواتير المياه", audience=PUBLIC))
    from search.models import SearchDocument

    source_ids = dict(SearchDocument.objects.values_list("pk", "source_id"))
    assert [(source_ids[c.pk], c.complete) for c in candidates] == [("all", True), ("some", False)]
