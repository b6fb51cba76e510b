"""In a real Chromium: sign up in Arabic, follow the link from the e-mail, arrive logged in."""

import re

import pytest
from django.core import mail
from django.core.cache import cache

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def wagtail_root(transactional_db):
    """An earlier transactional test flushes the tables, Wagtail's root page (made by a migration) included."""
    from wagtail.models import Locale, Page

    if not Page.objects.filter(depth=1).exists():
        locale, _ = Locale.objects.get_or_create(language_code="ar")
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))


def test_visitor_signs_up_in_arabic_and_confirms_by_email(page, live_server, home_pages):
    cache.clear()  # rate-limit counters of earlier tests
    page.goto(f"{live_server.url}/ar/")
    page.get_by_role("link", name="إنشاء حساب").click()
    page.wait_for_url(f"{live_server.url}/ar/accounts/signup/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.get_by_label("بريد إلكتروني").fill("maha@example.org")
    page.get_by_label("رمز المرور").fill("olive-Tree-2026!")
    page.get_by_label("كلمة المرور (مجددا)").fill("olive-Tree-2026!")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"{live_server.url}/ar/accounts/confirm-email/")

    link = re.search(r"http://\S+/ar/accounts/confirm-email/\S+/", mail.outbox[-1].body).group(0)
    page.goto(link)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"{live_server.url}/ar/")
    assert "maha@example.org" in page.locator(".messages").inner_text()  # "you have confirmed ..."
    account = page.locator(".account-links")
    assert account.get_by_role("button", name="تسجيل الخروج").is_visible()
    assert account.get_by_role("link", name="maha").is_visible()
    assert page.failed_requests == []
