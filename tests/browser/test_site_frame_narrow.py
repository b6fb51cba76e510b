"""In a real Chromium at 360 × 740: no sideways scrolling, the menu folds behind a button, focus is visible."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize(("language", "menu", "home"), [("ar", "القائمة", "الرئيسية"), ("en", "Menu", "Home")])
def test_phone_visitor_opens_the_menu_without_scrolling_sideways(page, live_server, home_pages, language, menu, home):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"{live_server.url}/{language}/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    # The first Tab shows the skip link with a visible focus ring.
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert skip.evaluate("el => el === document.activeElement")
    assert skip.evaluate("el => getComputedStyle(el).outlineStyle") == "solid"
    assert skip.bounding_box()["y"] >= 0

    toggle = page.get_by_role("button", name=menu)
    home_link = page.locator("#site-nav").get_by_role("link", name=home)
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not home_link.is_visible()
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    assert home_link.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not home_link.is_visible()
    assert page.failed_requests == []


def test_desktop_visitor_sees_the_navigation_without_a_menu_button(page, live_server, home_pages):
    page.goto(f"{live_server.url}/en/")
    assert not page.get_by_role("button", name="Menu").is_visible()
    assert page.locator("#site-nav").get_by_role("link", name="Success stories").is_visible()
    assert page.failed_requests == []
