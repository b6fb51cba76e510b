"""In a real Chromium: a reader searches in Arabic, sees results and a facet, narrows by it; the URL keeps it."""

import pytest

from search import services
from tests.search.factories import DocumentFactory as Doc

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_reader_searches_in_arabic_and_narrows_by_governorate(page, live_server):
    from django.core.cache import cache

    cache.clear()
    services.bulk_index(
        source_type="story",
        documents=[
            Doc(source_id="n", title="الموازنة المفتوحة لبلدية نابلس", governorate="nablus", governorate_name="نابلس"),
            Doc(source_id="h", title="موازنة بلدية الخليل", governorate="hebron", governorate_name="الخليل"),
        ],
    )
    page.goto(f"{live_server.url}/ar/search/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.locator("#search-q").fill("الموازنه")
    page.locator("#search-q").press("Enter")
    page.wait_for_selector(".search-hit")
    assert page.locator(".search-hit").count() == 2
    assert page.locator(".search-hit mark").first.inner_text() in {"الموازنة", "موازنة"}
    page.locator('[data-facet="governorate"] a', has_text="نابلس").click()
    page.wait_for_url("**governorate=nablus**")
    assert page.locator(".search-hit").count() == 1
    assert "نابلس" in page.locator(".search-hit__title").inner_text()
    assert page.locator("#search-q").input_value() == "الموازنه"
    # a new query from the box keeps the filter
    page.locator("#search-q").fill("موازنة")
    page.locator("#search-q").press("Enter")
    page.wait_for_url("**q=%D9%85%D9%88%D8%A7%D8%B2%D9%86%D8%A9**")
    assert "governorate=nablus" in page.url
    assert page.locator(".search-hit").count() == 1
    assert page.failed_requests == []
