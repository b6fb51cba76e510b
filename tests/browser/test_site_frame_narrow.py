"""In a real Chromium at 360 × 740: no sideways scrolling, the menu folds behind "Menu" (a <details>, so with or
without JavaScript), the Cooperation list opens from the keyboard, focus is visible; at 1280 the sections show."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize(
    ("language", "menu", "stories", "cooperation", "award"),
    [
        ("ar", "القائمة", "قصص النجاح", "التعاون", "جائزة أفضل خدمة إلكترونية"),
        ("en", "Menu", "Success stories", "Cooperation", "Best e-service award"),
    ],
)
@pytest.mark.parametrize("javascript", [True, False])
def test_phone_visitor_opens_the_menu_without_scrolling_sideways(
    browser, live_server, home_pages, language, menu, stories, cooperation, award, javascript
):
    context = browser.new_context(viewport={"width": 360, "height": 740}, java_script_enabled=javascript)
    page = context.new_page()
    page.goto(f"{live_server.url}/{language}/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    # The first Tab shows the skip link with a visible focus ring.
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert skip.evaluate("el => el === document.activeElement")
    assert skip.evaluate("el => getComputedStyle(el).outlineStyle") == "solid"

    toggle = page.locator("summary.nav-toggle")
    assert toggle.inner_text() == menu
    stories_link = page.locator("#site-nav").get_by_role("link", name=stories)
    assert not stories_link.is_visible()
    toggle.focus()
    page.keyboard.press("Enter")
    assert stories_link.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    # Cooperation opens from the keyboard too and lists the award.
    page.locator("#site-nav summary", has_text=cooperation).focus()
    page.keyboard.press("Enter")
    assert page.locator("#site-nav").get_by_role("link", name=award).is_visible()
    if javascript:  # Escape folds the innermost open list, then the menu
        page.keyboard.press("Escape")
        assert not page.locator("#site-nav").get_by_role("link", name=award).is_visible()
        page.keyboard.press("Escape")
        assert not stories_link.is_visible()
    context.close()


def test_desktop_visitor_sees_the_sections_and_a_search_box_without_a_menu_button(page, live_server, home_pages):
    page.goto(f"{live_server.url}/en/")
    assert not page.locator("summary.nav-toggle").is_visible()
    assert page.locator("#site-nav").get_by_role("link", name="Success stories").is_visible()
    assert page.locator("#site-nav").get_by_role("link", name="Events").is_visible()
    page.get_by_role("searchbox", name="Search the hub").fill("portal")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server.url}/en/search/?q=portal")
    assert page.failed_requests == []
