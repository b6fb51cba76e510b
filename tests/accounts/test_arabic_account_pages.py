"""The account pages and e-mails read as correct Arabic: allauth's mistakes ("غضو دقائق", «رمز المرور» beside
«كلمة المرور», «كود») are corrected in the project's catalogue, which Django reads before allauth's and Wagtail's."""

import pytest
from django.core import mail

pytestmark = pytest.mark.django_db

MISTAKES = ["غضو ", "رمز المرور", "كود", "الالكتروني", "لم ترى", "لم تتلقى", "نتهت", "الاشتراك", "\u202a", "\u202c"]


@pytest.mark.parametrize("path", ["login/", "signup/", "password/reset/", "password/reset/done/", "confirm-email/"])
def test_account_pages_in_arabic_have_none_of_allauths_mistakes(client, path):
    html = client.get(f"/ar/accounts/{path}").content.decode()
    assert [mistake for mistake in MISTAKES if mistake in html] == []


def test_the_login_form_names_the_password_as_the_sign_up_form_does(client):
    assert "كلمة المرور" in client.get("/ar/accounts/login/").content.decode()
    assert "إنشاء حساب" in client.get("/ar/accounts/signup/").content.decode()


def test_the_arabic_verification_e_mail_has_none_of_allauths_mistakes(client):
    password = "olive-Tree-2026!"
    client.post("/ar/accounts/signup/", {"email": "amal@example.org", "password1": password, "password2": password})
    message = mail.outbox[-1]
    assert [m for m in MISTAKES if m in message.body or m in message.subject] == []
    assert "يرجى تأكيد عنوان بريدك الإلكتروني" in message.subject
