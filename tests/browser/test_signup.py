"""In a real Chromium: sign up in Arabic, follow the link from the e-mail, arrive logged in."""

import re

import pytest
from django.core import mail
from django.core.cache import cache

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_visitor_signs_up_in_arabic_and_confirms_by_email(page, live_server, home_pages, settings):
    cache.clear()  # rate-limit counters of earlier tests
    settings.SITE_URL = live_server.url  # the e-mail links to the site's public address
    page.goto(f"{live_server.url}/ar/")
    page.get_by_role("link", name="إنشاء حساب").click()
    page.wait_for_url(f"{live_server.url}/ar/accounts/signup/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.get_by_label("البريد الإلكتروني").fill("maha@example.org")
    page.locator("#id_password1").fill("olive-Tree-2026!")  # labelled "كلمة المرور" (and "*")
    page.get_by_label("كلمة المرور (مرة أخرى)").fill("olive-Tree-2026!")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"{live_server.url}/ar/accounts/confirm-email/")

    link = re.search(rf"{live_server.url}/ar/accounts/confirm-email/\S+/", mail.outbox[-1].body).group(0)
    page.goto(link)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"{live_server.url}/ar/")
    assert "maha@example.org" in page.locator(".messages").inner_text()  # "you have confirmed ..."
    account = page.locator(".account-links")
    assert account.get_by_role("button", name="تسجيل الخروج").is_visible()
    assert account.get_by_role("link", name="maha").is_visible()
    assert page.failed_requests == []
