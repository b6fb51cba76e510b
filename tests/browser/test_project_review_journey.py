"""In a real Chromium: staff of Hebron records a project, an editor returns it, staff fixes it, the editor publishes
it, and an anonymous visitor finds it in the directory through the filters."""

import pytest
from allauth.account.models import EmailAddress

from tests.projects_db.factories import CategoryFactory, GovernorateFactory, MunicipalityFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "pass-1234-secret"


def _user(username, **kwargs):
    user = UserFactory(username=username, email=f"{username}@example.ps", **kwargs)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def _log_in(page, base, user):
    # Land on the staff list, not on the home page (this test creates no Wagtail pages).
    page.goto(f"{base}/en/accounts/login/?next=/en/projects/mine/")
    page.fill("input[name=login]", user.email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_load_state()


def _log_out(page):
    page.context.clear_cookies()  # the header's log-out button lands on the home page, which this test does not build


def test_a_project_goes_from_hebron_staff_through_review_to_the_public_directory(page, live_server):
    base = live_server.url
    hebron = MunicipalityFactory(
        slug="hebron",
        name_en="Hebron",
        name_ar="الخليل",
        governorate=GovernorateFactory(slug="hebron-gov", name_en="Hebron", name_ar="الخليل"),
    )
    MunicipalityFactory(slug="nablus", name_en="Nablus", name_ar="نابلس")
    CategoryFactory(slug="e-payment", name_en="E-payment", name_ar="الدفع الإلكتروني")
    CategoryFactory(slug="gis", name_en="GIS and planning", name_ar="نظم المعلومات الجغرافية")
    staff = _user("staff-hebron", municipality=hebron)
    editor = _user("editor", editor=True)

    # Staff of Hebron records a project and submits it.
    _log_in(page, base, staff)
    page.goto(f"{base}/en/projects/new/")
    page.fill("#id_title", "Hebron water bills online")
    page.fill("#id_summary", "Pay water bills online")
    page.select_option("#id_language", "en")
    page.select_option("#id_category", label="E-payment")
    page.select_option("#id_status", "live")
    page.fill("#id_start_date", "2022-01-10")
    page.fill("#id_outcomes_text", "share of bills paid online | 34 | %")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(f"{base}/en/projects/hebron-water-bills-online/")
    page.get_by_role("button", name="Submit for review").click()
    page.wait_for_load_state()
    assert "Submitted for review" in page.content()
    _log_out(page)

    # The editor returns it with a comment.
    _log_in(page, base, editor)
    page.goto(f"{base}/en/projects/review/")
    page.fill("textarea[name=comment]", "Please give the start of online payment in the summary.")
    page.get_by_role("button", name="Return with comment").click()
    page.wait_for_load_state()
    assert "No submission waits for review." in page.content()
    _log_out(page)

    # Staff sees the comment, fixes and resubmits.
    _log_in(page, base, staff)
    page.goto(f"{base}/en/projects/hebron-water-bills-online/")
    assert "Please give the start of online payment in the summary." in page.content()
    page.get_by_role("link", name="Edit", exact=True).click()
    page.fill("#id_summary", "Pay water bills online since January 2022")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(f"{base}/en/projects/hebron-water-bills-online/")
    page.get_by_role("button", name="Submit for review").click()
    page.wait_for_load_state()
    _log_out(page)

    # The editor publishes it.
    _log_in(page, base, editor)
    page.goto(f"{base}/en/projects/review/")
    page.get_by_role("button", name="Publish").click()
    page.wait_for_load_state()
    _log_out(page)

    # An anonymous visitor finds it through the filters.
    page.goto(f"{base}/en/projects/")
    page.select_option("#filter-governorate", "hebron-gov")
    page.select_option("#filter-category", "e-payment")
    page.check("input[name=has_outcomes]")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_load_state()
    assert "governorate=hebron-gov" in page.url and "category=e-payment" in page.url
    page.get_by_role("link", name="Hebron water bills online").click()
    page.wait_for_url(f"{base}/en/projects/hebron-water-bills-online/")
    assert "Pay water bills online since January 2022" in page.content()
    assert "34 %" in page.content()
    assert page.failed_requests == []
