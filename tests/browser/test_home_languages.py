"""In a real Chromium: the home page in both languages, switching language, direction, no failed request."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_visitor_reads_home_in_arabic_then_switches_to_english(page, live_server, home_pages):
    page.goto(f"{live_server.url}/ar/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("h1").inner_text() == "مركز معرفة البلديات الإلكترونية"
    page.get_by_role("link", name="English").click()
    page.wait_for_url(f"{live_server.url}/en/")
    assert page.locator("html").get_attribute("dir") == "ltr"
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "e-Municipality Knowledge Hub"
    page.get_by_role("link", name="العربية").click()
    page.wait_for_url(f"{live_server.url}/ar/")
    assert page.failed_requests == []
