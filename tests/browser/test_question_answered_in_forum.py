"""In a real Chromium: a verified staff member asks, a colleague replies, the asker is told by e-mail, marks the
answer, and the topic shows as solved; an anonymous visitor reads it and cannot post."""

import pytest
from django.core import mail

from tests.browser.signing_in import sign_in
from tests.forum import factories

# The flush after a transactional test also removes Wagtail's root page (made by a migration), which the
# `home_pages` fixture needs: this file's name sorts after test_home_languages.py on purpose.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_staff_question_is_answered_and_marked_solved(page, live_server, browser):
    from forum import services

    forums = services.setup_forum()
    asker = factories.make_staff(username="staff-hebron")
    colleague = factories.make_staff(username="staff-nablus")
    forum = forums["e-payment"]
    mail.outbox.clear()

    sign_in(page, live_server, asker)
    page.goto(f"{live_server.url}/ar/forum/forum/{forum.slug}-{forum.pk}/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.get_by_role("link", name="موضوع جديد").click()
    page.fill("#id_subject", "تسوية مدفوعات البنك مع نظام الفوترة")
    page.fill("#id_content", "كيف تطابقون كشف البنك اليومي مع الفواتير؟")
    page.locator("form button[type=submit], form input[type=submit]").last.click()
    page.wait_for_selector("h1:has-text('تسوية مدفوعات البنك')")
    topic_url = page.url.split("?")[0]

    sign_in(page, live_server, colleague)
    page.goto(topic_url)
    page.get_by_role("link", name="الرد", exact=True).first.click()
    page.fill("#id_content", "نضع رقم الفاتورة في حقل المرجع ونطابق آليًا كل ليلة.")
    page.locator("form button[type=submit], form input[type=submit]").last.click()
    page.wait_for_selector("text=نضع رقم الفاتورة")

    assert [m.to for m in mail.outbox] == [[asker.email]]
    assert "/unsubscribe/" in mail.outbox[0].body

    sign_in(page, live_server, asker)
    page.goto(topic_url)
    page.get_by_role("button", name="اعتماد كإجابة").click()
    page.wait_for_selector(".accepted-answer")
    assert "نضع رقم الفاتورة" in page.locator(".accepted-answer").inner_text()
    page.goto(f"{live_server.url}/ar/forum/forum/{forum.slug}-{forum.pk}/")
    assert page.locator(".topic-row .badge--solved").count() == 1

    page.context.clear_cookies()
    page.goto(topic_url)
    assert "نضع رقم الفاتورة" in page.locator(".accepted-answer").inner_text()
    assert page.get_by_role("link", name="الرد", exact=True).count() == 0
    assert page.get_by_role("link", name="سجّل الدخول للرد").count() == 1
    assert page.failed_requests == []
