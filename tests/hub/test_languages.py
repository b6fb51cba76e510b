"""Arabic first, English second: prefixes, direction, and a switcher that keeps you on the same page."""

import pytest

pytestmark = pytest.mark.django_db


def test_root_redirects_to_arabic(client, home_pages):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/ar/"


def test_arabic_home_is_right_to_left(client, home_pages):
    html = client.get("/ar/").content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert "مركز معرفة البلديات الإلكترونية" in html
    assert "انتقل إلى المحتوى" in html  # the skip link, translated


def test_english_home_is_left_to_right(client, home_pages):
    html = client.get("/en/").content.decode()
    assert '<html lang="en" dir="ltr">' in html
    assert "<h1>e-Municipality Knowledge Hub</h1>" in html


def test_switcher_links_to_the_same_page_in_the_other_language(client, home_pages):
    html = client.get("/ar/accounts/login/").content.decode()
    assert 'href="/en/accounts/login/" hreflang="en"' in html
    html = client.get("/en/").content.decode()
    assert 'href="/ar/" hreflang="ar"' in html


def test_navigation_lists_every_section(client, home_pages):
    html = client.get("/en/").content.decode()
    assert 'class="site-name" href="/en/">e-Municipality Knowledge Hub</a>' in html  # the site's name leads home
    for label in ["Success stories", "Practices", "Projects", "Municipal portals", "Forum", "Events", "News"]:
        assert f">{label}</a>" in html
    assert 'role="search"' in html
