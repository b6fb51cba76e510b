"""The frame around every page: landmarks, a clean title, footer links, and error pages in both languages."""

import re

import pytest
from django.conf import settings
from django.test import RequestFactory
from django.utils import translation
from django.views.defaults import server_error

SITE_NAME = {"ar": "مركز معرفة البلديات الإلكترونية", "en": "e-Municipality Knowledge Hub"}


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ar", "en"])
def test_home_page_title_is_the_site_name_once(client, home_pages, language):
    html = client.get(f"/{language}/").content.decode()
    assert f"<title>{SITE_NAME[language]}</title>" in html


@pytest.mark.django_db
def test_every_page_has_the_landmarks_a_screen_reader_jumps_between(client, home_pages):
    html = client.get("/en/").content.decode()
    assert '<a class="skip-link" href="#main">Skip to content</a>' in html
    assert html.index('<header class="site-header">') < html.index('<main id="main"') < html.index("<footer")
    assert '<nav id="site-nav" class="site-nav" aria-label="Main navigation">' in html
    # The menu is a <details>: "Menu" folds it on narrow screens with or without JavaScript.
    assert '<details class="site-menu" id="site-menu">' in html
    assert '<summary class="nav-toggle">Menu</summary>' in html
    assert '<form class="header-search" method="get" action="/en/search/" role="search">' in html


@pytest.mark.django_db
def test_footer_links_to_the_sections_and_the_editors_area(client, home_pages):
    html = client.get("/ar/").content.decode()
    footer = html[html.index("<footer") :]
    for href, label in [
        ("/ar/stories/", "قصص النجاح"),
        ("/ar/municipalities/", "بوابات البلديات"),
        ("/ar/forum/", "المنتدى"),
        ("/admin/", "مساحة المحررين"),
    ]:
        assert f'<a href="{href}">{label}</a>' in footer


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "title", "home_link"),
    [("ar", "الصفحة غير موجودة", "الذهاب إلى الصفحة الرئيسية"), ("en", "Page not found", "Go to the home page")],
)
def test_a_missing_page_answers_404_inside_the_frame_in_the_visitors_language(
    client, home_pages, language, title, home_link
):
    response = client.get(f"/{language}/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert f"<title>{title} · {SITE_NAME[language]}</title>" in html
    assert f"<h1>{title}</h1>" in html
    assert f'<a href="/{language}/">{home_link}</a>' in html
    assert '<header class="site-header">' in html and "<footer" in html


@pytest.mark.parametrize(
    ("language", "heading", "direction"),
    [("ar", "حدث خطأ من جهتنا", 'dir="rtl"'), ("en", "Something went wrong on our side", 'dir="ltr"')],
)
def test_the_server_error_page_renders_in_the_frame_without_touching_the_database(language, heading, direction):
    # No django_db mark: any query while rendering would fail this test.
    with translation.override(language):
        response = server_error(RequestFactory().get(f"/{language}/"))
    html = response.content.decode()
    assert response.status_code == 500
    assert f"<h1>{heading}</h1>" in html and direction in html
    assert '<header class="site-header">' in html and "<footer" in html


PHYSICAL = re.compile(
    r"\b(?:margin|padding|border|inset)-(?:left|right)\b|(?<![-\w])(?:left|right)\s*:"
    r"|\b(?:text-align|float|clear)\s*:\s*(?:left|right)\b"
)


def test_stylesheets_use_only_logical_properties_so_one_serves_both_directions():
    sheets = list((settings.BASE_DIR / "static").rglob("*.css"))
    assert sheets
    offending = {
        f"{path.relative_to(settings.BASE_DIR)}:{number}": line.strip()
        for path in sheets
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if PHYSICAL.search(re.sub(r"/\*.*?\*/", "", line))
    }
    assert offending == {}


def test_no_page_loads_an_asset_from_another_site():
    remote = re.compile(r"<(?:link|script|img)\b[^>]*\b(?:href|src)=\"(?:https?:)?//", re.IGNORECASE)
    templates = list((settings.BASE_DIR / "templates").rglob("*.html"))
    assert [str(path) for path in templates if remote.search(path.read_text())] == []


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "label"), [("ar", "ابحث عمّا أنجزته البلديات الأخرى"), ("en", "Find what")])
def test_the_home_page_has_a_search_box_of_its_own_besides_the_headers(client, home_pages, language, label):
    html = client.get(f"/{language}/").content.decode()
    main = html[html.index('<main id="main"') : html.index("</main>")]
    assert f'action="/{language}/search/"' in main and 'name="q"' in main and label in main
    header = html[html.index('<header class="site-header">') : html.index("</header>")]
    assert f'action="/{language}/search/"' in header


@pytest.mark.django_db
def test_breadcrumbs_lead_back_from_a_deep_page(client, sections):
    from tests.hub.factories import make_story

    make_story(sections["stories"]["ar"], slug="deep", title="قصة عميقة")
    html = client.get("/ar/stories/deep/").content.decode()
    crumbs = html[html.index('<nav class="breadcrumbs"') : html.index("</nav>", html.index('<nav class="breadcrumbs"'))]
    assert '<a href="/ar/">الرئيسية</a>' in crumbs
    assert 'href="/ar/stories/"' in crumbs
    assert '<li aria-current="page"><span dir="auto">قصة عميقة</span></li>' in crumbs
