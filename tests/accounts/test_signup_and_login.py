"""A visitor signs up, confirms the e-mail from the link they receive, and logs in."""

import re

import pytest
from django.core import mail

from hub.accounts.models import User

pytestmark = pytest.mark.django_db

PASSWORD = "olive-Tree-2026!"


def _confirmation_link(message) -> str:
    return re.search(r"https?://\S+/accounts/confirm-email/\S+/", message.body).group(0)


def test_signup_verify_then_log_in(client):
    response = client.post(
        "/en/accounts/signup/", {"email": "huda@example.org", "password1": PASSWORD, "password2": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/confirm-email/"
    user = User.objects.get(email="huda@example.org")
    assert not user.emailaddress_set.get().verified

    # Before confirming, the log-in stops at the verification page.
    client.logout()
    response = client.post("/en/accounts/login/", {"login": "huda@example.org", "password": PASSWORD})
    assert response["Location"] == "/en/accounts/confirm-email/"
    assert "_auth_user_id" not in client.session

    link = _confirmation_link(mail.outbox[-1])
    path = link.split("testserver", 1)[1]
    page = client.get(path)
    assert page.status_code == 200
    assert "huda@example.org" in page.content.decode()
    client.post(path)
    assert user.emailaddress_set.get().verified

    client.logout()
    response = client.post("/en/accounts/login/", {"login": "huda@example.org", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/en/"
    assert client.session["_auth_user_id"] == str(user.pk)
    home = client.get("/en/accounts/profile/")
    assert home.status_code == 200
    assert "huda@example.org" in home.content.decode()


def test_signup_page_has_labelled_fields_in_arabic(client):
    html = client.get("/ar/accounts/signup/").content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert '<label for="id_email">' in html
    assert '<label for="id_password1">' in html
    assert "تسجيل" in html  # allauth's own Arabic catalogue


def test_signup_with_mismatched_passwords_shows_the_error_and_creates_nobody(client):
    response = client.post(
        "/en/accounts/signup/", {"email": "x@example.org", "password1": PASSWORD, "password2": PASSWORD + "x"}
    )
    assert response.status_code == 200
    assert 'class="errorlist' in response.content.decode()
    assert not User.objects.filter(email="x@example.org").exists()


def test_header_links_to_sign_up_and_log_in(client):
    html = client.get("/en/accounts/login/").content.decode()
    assert 'href="/en/accounts/signup/"' in html
    assert 'href="/en/accounts/password/reset/"' in html


def test_arabic_visitor_stays_in_arabic_after_log_in_and_log_out_whatever_the_browser_says(client):
    from tests.accounts.factories import PASSWORD as FACTORY_PASSWORD
    from tests.accounts.factories import UserFactory

    person = UserFactory(email="nour@example.org")
    english_browser = {"HTTP_ACCEPT_LANGUAGE": "en-US,en;q=0.9"}
    response = client.post(
        "/ar/accounts/login/", {"login": person.email, "password": FACTORY_PASSWORD}, **english_browser
    )
    assert response["Location"] == "/ar/"
    response = client.post("/ar/accounts/logout/", **english_browser)
    assert response["Location"] == "/ar/"


def test_forgotten_password_is_reset_from_the_emailed_link(client):
    from tests.accounts.factories import UserFactory

    person = UserFactory(email="salma@example.org")
    response = client.post("/ar/accounts/password/reset/", {"email": person.email})
    assert response.status_code == 302
    link = re.search(r"https?://\S+/ar/accounts/password/reset/key/\S+/", mail.outbox[-1].body).group(0)
    page = client.get(link.split("testserver", 1)[1], follow=True)
    assert page.status_code == 200
    form_url = page.redirect_chain[-1][0] if page.redirect_chain else link.split("testserver", 1)[1]
    new_password = "Fig-and-olive-77"
    response = client.post(form_url, {"password1": new_password, "password2": new_password})
    assert response.status_code == 302
    assert client.post("/en/accounts/login/", {"login": person.email, "password": new_password}).status_code == 302
    assert client.session["_auth_user_id"] == str(person.pk)


@pytest.mark.parametrize("path", ["/ar/accounts/email/", "/ar/accounts/password/change/"])
def test_account_management_pages_render_in_the_site_frame(client, path):
    from tests.accounts.factories import UserFactory

    client.force_login(UserFactory())
    html = client.get(path).content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert 'class="site-header"' in html and "accounts.css" in html
