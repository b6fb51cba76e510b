"""In a real Chromium, with the forum's own script instead of machina's jQuery/Bootstrap bundle: a member starts a
topic with a poll option and a file added on the page, previews it and posts it; a moderator opens the topic's
moderation menu and locks the topic. No CSP violation and no script error on the way."""

import pytest

from tests.browser.signing_in import sign_in
from tests.forum import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`);
});
"""


@pytest.fixture
def watched(page):
    page.add_init_script(RECORD_VIOLATIONS)
    page.page_errors = []
    page.on("pageerror", lambda error: page.page_errors.append(str(error)))
    page.requested = []
    page.on("request", lambda request: page.requested.append(request.url))
    return page


def assert_clean(page):
    assert page.evaluate("window.__csp || []") == []
    assert page.page_errors == []
    assert not [url for url in page.requested if "machina" in url or "jquery" in url.lower()]


def test_member_starts_a_topic_with_an_added_poll_option_and_file_after_a_preview(watched, live_server, tmp_path):
    from forum import services

    forum = services.setup_forum()["e-payment"]
    staff = factories.make_staff(username="staff-hebron")
    sign_in(watched, live_server, staff)
    page = watched
    page.goto(f"{live_server.url}/en/forum/forum/{forum.slug}-{forum.pk}/topic/create/")
    page.fill("#id_subject", "Which payment gateway?")
    page.fill("#id_content", "We compare three gateways; vote and share your contracts.")
    page.get_by_role("tab", name="Poll").click()  # the form's options, poll and attachments are tabs
    page.fill("#id_poll_question", "Which gateway do you use?")

    options = page.locator("#poll_formset .poll-option-form")
    before = options.count()
    page.get_by_text("Add a poll option").click()
    assert options.count() == before + 1
    assert page.locator("#id_poll-TOTAL_FORMS").input_value() == str(before + 1)
    for n, name in enumerate(["Bank gateway", "Card gateway", "Wallet"][: before + 1]):
        page.fill(f"#id_poll-{n}-text", name)
    assert page.locator(f"#id_poll-{before}-text").input_value() != ""

    page.get_by_role("tab", name="Attachments").click()
    files = page.locator("#attachment_formset .attachment-form")
    assert files.count() == 1
    page.get_by_text("Add another file").click()
    assert files.count() == 2
    for n in range(2):
        path = tmp_path / f"contract-{n}.txt"
        path.write_text(f"Contract {n}: fees and settlement times.")
        page.set_input_files(f"#id_attachment-{n}-file", str(path))

    page.locator("button[name=preview]").click()
    page.wait_for_load_state("networkidle")
    assert "We compare three gateways" in page.locator("main").inner_text()
    assert page.locator("#id_content").input_value().startswith("We compare three gateways")
    page.locator(".form-actions button[type=submit]:not([name=preview])").click()
    page.wait_for_selector("h1:has-text('Which payment gateway?')")
    body = page.locator("main").inner_text()
    assert "Which gateway do you use?" in body
    assert "Wallet" in body or "Card gateway" in body
    assert "contract-0" in body and "contract-1" in body  # a name already in the media folder gets a suffix
    assert_clean(page)


def test_moderator_opens_the_topic_menu_and_locks_the_topic(watched, live_server):
    from forum import services

    forum = services.setup_forum()["e-payment"]
    topic = factories.make_topic(forum=forum, poster=factories.make_staff(username="asker"), subject="Bank files")
    moderator = factories.make_moderator(username="moderator")
    sign_in(watched, live_server, moderator)
    page = watched
    page.goto(f"{live_server.url}/en/forum/forum/{forum.slug}-{forum.pk}/topic/{topic.slug}-{topic.pk}/")
    toggle = page.locator("#id_dropdown_moderation_menu_button")
    menu = page.locator(".moderation-dropdown .dropdown-menu")
    page.mouse.click(5, 5)
    assert not menu.is_visible()
    toggle.click()
    assert menu.is_visible() and toggle.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Escape")
    assert not menu.is_visible() and toggle.get_attribute("aria-expanded") == "false"
    toggle.click()
    menu.get_by_text("Lock topic").click()
    page.wait_for_url("**/lock/")
    page.get_by_role("button", name="Yes, I'm sure").click()
    page.wait_for_url(f"**/topic/{topic.slug}-{topic.pk}/")
    topic.refresh_from_db()
    assert topic.is_locked
    assert_clean(page)
