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
