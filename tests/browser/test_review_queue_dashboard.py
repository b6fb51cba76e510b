"""In a real Chromium at 1280 px: an editor's Wagtail dashboard lists what waits for them, right-to-left in Arabic and
left-to-right in English, and a submission published from it leaves the queue. Screenshots go to var/screens/."""

from pathlib import Path

import pytest
from django.conf import settings
from wagtail.users.models import UserProfile

from hub.accounts.models import MembershipRequest
from projects_db.models import Project, ProjectRevision
from tests.browser.signing_in import sign_in
from tests.projects_db.factories import CategoryFactory, MunicipalityFactory, ProjectFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENS = Path(settings.BASE_DIR) / "var" / "screens"


@pytest.mark.parametrize(("language", "direction", "heading"), [("ar", "rtl", "بانتظار قرارك"), ("en", "ltr", None)])
def test_editor_sees_and_decides_the_queue_on_the_dashboard(page, live_server, language, direction, heading):
    hebron = MunicipalityFactory(slug="hebron", name_en="Hebron", name_ar="الخليل")
    nablus = MunicipalityFactory(slug="nablus", name_en="Nablus", name_ar="نابلس")
    category = CategoryFactory(slug="e-payment", name_en="E-payment", name_ar="الدفع الإلكتروني")
    submitted = ProjectFactory(
        title="بوابة الخليل لدفع الفواتير", lead_municipality=hebron, category=category, state=Project.State.SUBMITTED
    )
    changed = ProjectFactory(title="Nablus permits portal", lead_municipality=nablus, category=category)
    ProjectRevision.objects.create(project=changed, data={"title": "Nablus permits portal, phase two"})
    MembershipRequest.objects.create(
        user=UserFactory(username="samira", first_name="Samira"), municipality=hebron, job_title="GIS officer"
    )
    editor = UserFactory(username="editor", editor=True)
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = language
    profile.save()

    sign_in(page, live_server, editor)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/admin/")
    panel = page.locator("#review-queue-section")
    panel.wait_for()
    assert page.locator("html").get_attribute("dir") == direction
    text = panel.inner_text()
    assert (heading or "Waiting for your review") in text
    assert "بوابة الخليل لدفع الفواتير" in text and "Nablus permits portal" in text and "samira" in text
    # The panel fits the window: no sideways scrolling at 1280 px, in either direction.
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    assert not [url for url in page.failed_requests if "review_queue" in url]

    page.locator("#review-changes-list summary").first.click()  # "Return with comment" opens its form
    form = page.locator("#review-changes-list details[open] textarea").bounding_box()
    box = panel.bounding_box()
    assert box["x"] <= form["x"] and form["x"] + form["width"] <= box["x"] + box["width"]  # inside the panel
    SCREENS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 1280, "height": 1400})  # the admin scrolls inside its frame: show it all
    page.screenshot(path=str(SCREENS / f"review-queue-{language}.png"))

    # Publish the submission from the dashboard: back on the dashboard, it is no longer waiting.
    page.locator("#review-projects-list button[type=submit]").first.click()
    page.wait_for_load_state()
    assert page.url.endswith("/admin/")
    submitted.refresh_from_db()
    assert submitted.state == Project.State.PUBLISHED
    assert "بوابة الخليل لدفع الفواتير" not in page.locator("#review-queue-section").inner_text()
