"""The fast bulk load (empty index, indexes built at the end) finds exactly what the row-by-row path finds."""

from datetime import UTC, datetime

import pytest

from search import services
from search.models import SearchDocument, SearchWord
from tests.search.factories import DocumentFactory as Doc

pytestmark = pytest.mark.django_db


def documents():
    return [
        Doc(source_id="1", title="الدفع الإلكتروني لرسوم المياه", body="خدمة\tجديدة\nللمواطنين \\ والبلدية"),
        Doc(source_id="2", title="Solar panels on schools", language="en", forum_ids=[3, 4], visibility="forum"),
        Doc(source_id="3", title="موازنة 2024", published_at=datetime(2024, 5, 1, tzinfo=UTC), category="gis"),
    ]


def snapshot():
    rows = SearchDocument.objects.order_by("source_id").values_list(
        "source_id", "language", "title", "body", "search_vector", "forum_ids", "visibility", "published_at"
    )
    return list(rows), sorted(SearchWord.objects.values_list("word", "display"))


def test_bulk_load_writes_the_same_rows_and_words_as_indexing_one_by_one(find):
    services.bulk_index(source_type="story", documents=documents())
    expected = snapshot()
    SearchDocument.objects.all().delete()
    SearchWord.objects.all().delete()

    assert services.bulk_load(batches=[("story", documents()[:2]), ("story", documents()[2:])]) == 3

    assert snapshot() == expected
    assert [hit.source_id for hit in find("الدفع الالكتروني").hits] == ["1"]
    assert find("موازنه").total == 1


def test_bulk_load_refuses_an_index_that_is_not_empty():
    services.bulk_index(source_type="story", documents=documents())
    with pytest.raises(ValueError, match="empty"):
        services.bulk_load(batches=[("story", documents())])
