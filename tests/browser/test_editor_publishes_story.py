"""In a real Chromium: an editor works in the Arabic Wagtail admin, uploads an image, publishes a success story,
and a visitor finds it on the home page and in the story index."""

import io

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def cms(home_pages, settings):
    from hub import services
    from hub.accounts import roles
    from tests.hub.factories import CategoryFactory, MunicipalityFactory, UserFactory

    settings.ROOT_URLCONF = "tests.browser.media_urls"
    settings.WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no network: no avatar from gravatar.com
    # Wagtail 8 autosaves the editor every 500 ms; a robot types faster than a person, and an autosave racing the
    # publish click creates the page twice. Editors keep autosave; this journey turns it off.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    sections = services.cms_ensure_sections(home=home_pages["ar"])
    services.cms_ensure_workflow()
    MunicipalityFactory(slug="hebron", name_ar="الخليل", name_en="Hebron")
    CategoryFactory(
        slug="portal-services", name_ar="البوابة والخدمات الإلكترونية", name_en="Portal and online services"
    )
    UserFactory(username="editor", groups=[roles.MINISTRY_EDITORS])  # password: pass-for-tests-1
    return sections


def _png_file(tmp_path):
    from PIL import Image

    path = tmp_path / "portal.png"
    buffer = io.BytesIO()
    Image.new("RGB", (900, 500), (26, 107, 79)).save(buffer, format="PNG")
    path.write_bytes(buffer.getvalue())
    return path


def test_editor_publishes_a_story_with_an_image_and_a_visitor_sees_it(page, live_server, cms, tmp_path):
    index = cms["stories"]["ar"]
    page.set_extra_http_headers({"Accept-Language": "ar"})
    page.goto(f"{live_server.url}/admin/login/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.fill("input[name=username]", "editor")
    page.fill("input[name=password]", "pass-for-tests-1")
    page.locator("form button[type=submit]").click()
    page.wait_for_url(f"{live_server.url}/admin/")

    # Upload the picture.
    page.goto(f"{live_server.url}/admin/images/add/")
    page.set_input_files("input[name=file]", str(_png_file(tmp_path)))
    page.fill("input[name=title]", "بوابة الخليل")
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url(f"{live_server.url}/admin/images/")

    # Write and publish the story.
    page.goto(f"{live_server.url}/admin/pages/add/hub/storypage/{index.pk}/")
    page.fill("input[name=title]", "بوابة الخليل الإلكترونية")
    page.select_option("select[name=category]", label="البوابة والخدمات الإلكترونية")
    page.fill("textarea[name=summary]", "أطلقت بلدية الخليل بوابتها الإلكترونية.")
    # Municipality (a snippet chooser), then the lead image (the image chooser).
    page.locator("[data-chooser-action-choose]").nth(0).click()
    page.locator(".modal a[data-chooser-modal-choice]", has_text="الخليل").first.click()
    page.locator(".modal").first.wait_for(state="hidden")
    page.locator("[data-chooser-action-choose]").nth(1).click()
    page.locator(".modal a[data-chooser-modal-choice], .modal a.image-choice").first.click()
    page.fill("input[name=lead_image_alt]", "شاشة البوابة الإلكترونية")
    page.locator("footer [data-w-dropdown-target=toggle], footer .dropdown-toggle").first.click()
    page.locator("button[name=action-publish]").click()
    page.wait_for_url(f"{live_server.url}/admin/pages/{index.pk}/")

    # A visitor (a fresh tab, not signed in) finds it on the home page and in the index.
    visitor = page.context.browser.new_context().new_page()
    visitor.goto(f"{live_server.url}/ar/")
    assert visitor.get_by_role("link", name="بوابة الخليل الإلكترونية").is_visible()
    assert visitor.locator("img[alt='شاشة البوابة الإلكترونية']").count() == 1
    visitor.goto(f"{live_server.url}/ar/stories/")
    visitor.get_by_role("link", name="بوابة الخليل الإلكترونية").click()
    # The slug was made from the Arabic title: an Arabic URL.
    visitor.wait_for_url(f"{live_server.url}/ar/stories/%D8%A8%D9%88%D8%A7%D8%A8%D8%A9-*/")
    assert visitor.locator("h1").inner_text() == "بوابة الخليل الإلكترونية"
    visitor.context.close()
    assert page.failed_requests == []
