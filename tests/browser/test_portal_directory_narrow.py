"""The portal directory on a 360 px phone, in Arabic and English: the cards reflow and nothing runs off the side."""

import pytest

from projects_db import demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("language", ["ar", "en"])
def test_phone_visitor_reads_the_portal_directory_without_scrolling_sideways(page, live_server, home_pages, language):
    demo.load_places()
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"{live_server.url}/{language}/municipalities/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert page.evaluate("window.scrollX") == 0  # the Arabic page opens at its start, not shifted
    # No card, link or fact is wider than the screen or starts off it.
    outside = page.evaluate(
        """() => [...document.querySelectorAll('main *')].filter(el => {
            const box = el.getBoundingClientRect();
            return box.width > 0 && (box.left < -1 || box.right > document.documentElement.clientWidth + 1);
        }).map(el => el.tagName + '.' + el.className)"""
    )
    assert outside == []
    hebron = page.locator(".portal-card", has=page.locator('a[href="https://www.hebron-city.ps/"]'))
    assert hebron.is_visible()
    assert page.failed_requests == []
