"""A browser walks one award edition: staff nominate, a juror scores, the editor publishes, a voter votes."""

import pytest
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore

from tests.cooperation.conftest import make_juror, make_verified, move_to

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _sign_in(page, live_server, user):
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    page.context.clear_cookies()
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session.session_key, "url": live_server.url}]
    )


def test_one_award_edition_from_nomination_to_published_winner(
    page, live_server, edition, staff_hebron, hebron_service, editor
):
    base = f"{live_server.url}/en/cooperation/award/{edition.year}/"
    _sign_in(page, live_server, staff_hebron)
    page.goto(base)
    page.get_by_role("link", name="Nominate a service of your municipality").click()
    page.select_option("select[name=project]", str(hebron_service.pk))
    page.fill("textarea[name=what_it_does]", "Citizens pay water bills online.")
    page.fill("input[name=users_count]", "4200")
    page.fill("textarea[name=what_changed]", "Queues at the counter halved.")
    page.get_by_role("button", name="Save the nomination").click()
    assert page.get_by_text("Your nomination is saved.").is_visible()

    voter = make_verified("browser-voter")
    _sign_in(page, live_server, voter)
    page.goto(base)
    page.get_by_role("button", name="Vote for this service").click()
    assert page.get_by_text("Thank you: your vote is counted.").is_visible()

    move_to(edition, "jury")
    juror = make_juror("browser-juror")
    _sign_in(page, live_server, juror)
    page.goto(base + "jury/")
    page.get_by_role("link", name="Hebron e-payment").click()
    for field in page.locator("input[type=number]").all():
        field.fill("11")
    # Outside the scale: the browser refuses to send it (the server refuses too: test_award_cycle).
    assert page.locator("input[type=number]").first.evaluate("e => e.validity.valid") is False
    for field in page.locator("input[type=number]").all():
        field.fill("8")
    page.get_by_role("button", name="Save my scores").click()
    assert page.get_by_text("Your scores are saved.").is_visible()

    move_to(edition, "closed")
    _sign_in(page, live_server, editor)
    page.goto(base + "ranking/")
    assert page.locator("td strong").first.inner_text() == "8.00"
    page.get_by_role("button", name="Publish the winners").click()
    assert page.get_by_text("The winners are published.").is_visible()
    assert page.get_by_text("Prize 1").is_visible()

    page.goto(f"{live_server.url}/ar/cooperation/award/{edition.year}/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.get_by_text("المرتبة 1").is_visible()
    assert page.failed_requests == []
