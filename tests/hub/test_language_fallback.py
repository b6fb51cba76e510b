"""A page in one language only is shown in the other language's interface with a note, never a 404."""

import pytest

from tests.hub.factories import make_story, translate

pytestmark = pytest.mark.django_db


def test_an_arabic_only_story_is_shown_in_the_english_interface_with_a_note(client, sections):
    make_story(sections["stories"]["ar"], slug="gis-maps", title="الخرائط الرقمية")
    response = client.get("/en/stories/gis-maps/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en" dir="ltr">' in html
    assert "This page has not been translated into your language yet; it is shown in Arabic." in html
    assert '<article class="hub-page" lang="ar" dir="rtl">' in html
    assert "<h1>الخرائط الرقمية</h1>" in html
    assert 'rel="canonical" href="http://testserver/ar/stories/gis-maps/"' in html


def test_the_switcher_on_an_untranslated_page_stays_on_that_page(client, sections):
    make_story(sections["stories"]["ar"], slug="gis-maps")
    html = client.get("/ar/stories/gis-maps/").content.decode()
    assert 'href="/en/stories/gis-maps/" hreflang="en"' in html
    html = client.get("/en/stories/gis-maps/").content.decode()
    assert 'href="/ar/stories/gis-maps/" hreflang="ar"' in html


def test_lists_show_each_story_once_in_the_readers_language_when_translated(client, sections):
    translated = make_story(sections["stories"]["ar"], slug="translated", title="قصة مترجمة")
    translate(translated, title="Translated story")
    make_story(sections["stories"]["ar"], slug="arabic-only", title="قصة عربية فقط")
    html = client.get("/en/stories/").content.decode()
    assert "Translated story" in html and "قصة مترجمة" not in html
    assert "قصة عربية فقط" in html  # untranslated stories are not hidden from English readers
    html = client.get("/ar/stories/").content.decode()
    assert "قصة مترجمة" in html and "Translated story" not in html


def test_a_missing_page_is_still_a_404_in_both_languages(client, sections):
    assert client.get("/en/stories/nothing-here/").status_code == 404
    assert client.get("/ar/stories/nothing-here/").status_code == 404
