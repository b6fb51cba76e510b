"""Log-in and sign-up are rate-limited per IP address and per account; a locked-out person is told why."""

import pytest

from tests.accounts.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

LOCKED_EN = "Too many failed login attempts. Try again later."
LOCKED_AR = "تجاوزت الحد المسموح لمحاولة تسجيل الدخول. حاول في وقت لاحق."


@pytest.fixture(autouse=True)
def shipped_limits(settings):
    """The defaults documented in .env.example, whatever a local .env says."""
    settings.ACCOUNT_RATE_LIMITS = {
        **settings.ACCOUNT_RATE_LIMITS,
        "login": "30/m/ip",
        "login_failed": "10/m/ip,5/5m/key",
        "signup": "20/m/ip",
    }


def _login(client, email, password, lang="en", ip="10.0.0.1"):
    return client.post(f"/{lang}/accounts/login/", {"login": email, "password": password}, REMOTE_ADDR=ip)


@pytest.mark.parametrize(("lang", "message"), [("en", LOCKED_EN), ("ar", LOCKED_AR)])
def test_account_is_locked_after_five_failures_even_with_the_right_password(client, lang, message):
    person = UserFactory(email="rana@example.org")
    for _ in range(5):
        response = _login(client, person.email, "wrong-password", lang)
        assert response.status_code == 200
        assert message not in response.content.decode()
    response = _login(client, person.email, PASSWORD, lang)
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert 'role="alert"' in html  # shown at the top of the form, not hidden in a field
    assert "_auth_user_id" not in client.session


def test_lock_follows_the_account_across_ip_addresses_and_spares_other_accounts(client):
    locked = UserFactory(email="locked@example.org")
    other = UserFactory(email="other@example.org")
    for n in range(5):
        _login(client, locked.email, "wrong", ip=f"10.0.1.{n}")
    assert LOCKED_EN in _login(client, locked.email, PASSWORD, ip="10.0.9.9").content.decode()
    response = _login(client, other.email, PASSWORD, ip="10.0.9.9")
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(other.pk)


def test_one_ip_address_is_stopped_after_ten_failures_across_accounts(client):
    for n in range(10):
        _login(client, f"guess{n}@example.org", "wrong", ip="10.0.2.1")
    person = UserFactory(email="victim@example.org")
    assert LOCKED_EN in _login(client, person.email, PASSWORD, ip="10.0.2.1").content.decode()
    assert _login(client, person.email, PASSWORD, ip="10.0.2.2").status_code == 302


def test_successful_logins_do_not_count_as_failures(client):
    person = UserFactory(email="daily@example.org")
    for _ in range(8):
        assert _login(client, person.email, PASSWORD).status_code == 302
        client.logout()


@pytest.mark.parametrize(("lang", "text"), [("en", "Too many attempts"), ("ar", "محاولات كثيرة جداً")])
def test_signups_from_one_ip_are_limited_with_a_clear_page(client, lang, text):
    for n in range(20):
        response = client.post(f"/{lang}/accounts/signup/", {"email": f"bot{n}"}, REMOTE_ADDR="10.0.3.1")
        assert response.status_code == 200  # invalid form, still counted
    response = client.post(f"/{lang}/accounts/signup/", {"email": "bot@x"}, REMOTE_ADDR="10.0.3.1")
    assert response.status_code == 429
    html = response.content.decode()
    assert text in html
    assert f'<html lang="{lang}"' in html
    assert client.post(f"/{lang}/accounts/signup/", {"email": "x"}, REMOTE_ADDR="10.0.3.2").status_code == 200
