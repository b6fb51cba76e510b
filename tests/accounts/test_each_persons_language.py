"""Each person has one language: set at sign-up from the page, changed on the profile, shared with Wagtail's admin,
and used by every e-mail the site sends them."""

import re

import pytest
from django.core import mail
from wagtail.users.models import UserProfile

from hub.accounts import selectors, services
from hub.accounts.models import User
from tests.accounts.factories import MembershipRequestFactory

pytestmark = pytest.mark.django_db

PASSWORD = "olive-Tree-2026!"


def _sign_up(client, lang: str, email: str) -> User:
    response = client.post(f"/{lang}/accounts/signup/", {"email": email, "password1": PASSWORD, "password2": PASSWORD})
    assert response.status_code == 302
    return User.objects.get(email=email)


def test_an_english_sign_up_gets_english_e_mails_and_an_english_admin_preference(client):
    user = _sign_up(client, "en", "lina@example.org")
    assert selectors.language_of(user=user) == "en"
    assert UserProfile.objects.get(user=user).preferred_language == "en"
    assert mail.outbox[-1].subject.endswith("Please Confirm Your Email Address")
    assert "/en/accounts/confirm-email/" in mail.outbox[-1].body


def test_an_arabic_sign_up_gets_arabic_e_mails(client):
    user = _sign_up(client, "ar", "amal@example.org")
    assert selectors.language_of(user=user) == "ar"
    assert "Please Confirm" not in mail.outbox[-1].subject
    assert re.search("[\u0600-\u06ff]", mail.outbox[-1].subject)


def test_a_password_reset_asked_from_an_arabic_page_is_in_the_persons_english(client):
    user = _sign_up(client, "en", "lina@example.org")
    mail.outbox.clear()
    client.post("/ar/accounts/password/reset/", {"email": user.email})
    assert len(mail.outbox) == 1
    assert "Password Reset" in mail.outbox[0].subject


def _set_language_on_profile(client, user, language: str, page_lang: str = "ar"):
    client.force_login(user)
    response = client.post(
        f"/{page_lang}/accounts/profile/",
        {"display_name": user.display_name, "job_title": "", "bio": "", "language": language},
    )
    assert response.status_code == 302


def test_changing_the_profile_language_changes_the_admin(client, editor):
    _set_language_on_profile(client, editor, "en")
    assert 'lang="en" dir="ltr"' in client.get("/admin/").content.decode()
    assert 'value="en" selected' in client.get("/ar/accounts/profile/").content.decode()
    _set_language_on_profile(client, editor, "ar", page_lang="en")
    assert 'lang="ar" dir="rtl"' in client.get("/admin/").content.decode()


def test_changing_the_profile_language_changes_the_next_e_mail(
    client, member, editor, hebron, django_capture_on_commit_callbacks
):
    _set_language_on_profile(client, member, "en")
    request = MembershipRequestFactory(user=member, municipality=hebron, language="ar")  # asked on an Arabic page
    with django_capture_on_commit_callbacks(execute=True):
        services.membership_request_verify(membership_request=request, decided_by=editor)
    assert mail.outbox[-1].subject == "You are verified staff of Hebron Municipality"


def test_an_unknown_language_is_refused_and_changes_nothing(client, member):
    services.language_set(user=member, language="en")
    client.force_login(member)
    response = client.post(
        "/en/accounts/profile/", {"display_name": "Someone else", "job_title": "", "bio": "", "language": "fr"}
    )
    assert response.status_code == 400
    member.refresh_from_db()
    assert member.display_name != "Someone else"
    assert selectors.language_of(user=member) == "en"
