"""`load_demo_data` creates one account per role, idempotently; the shared password is for development only."""

import io

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import authenticate
from wagtail.users.models import UserProfile

from hub.accounts import demo, roles
from hub.accounts.models import User

pytestmark = pytest.mark.django_db


def _load():
    out = io.StringIO()
    demo.load(stdout=out)
    return out.getvalue()


def test_in_development_every_role_exists_with_verified_email_and_the_password_is_printed(
    settings, hebron, nablus, monkeypatch
):
    settings.DEBUG = True
    monkeypatch.delenv("DEMO_PASSWORD", raising=False)
    output = _load()
    assert "hub-demo-2026" in output
    assert "http://127.0.0.1:8000/ar/accounts/login/" in output
    assert "editor@hub.example" in output

    users = {u.username: u for u in User.objects.select_related("municipality")}
    assert set(users) == {"admin", "editor", "hebron", "nablus", "moderator", "juror", "juror2", "member"}
    assert users["admin"].is_superuser
    assert roles.is_editor(users["editor"]) and not users["editor"].is_superuser
    assert roles.is_moderator(users["moderator"]) and not roles.is_editor(users["moderator"])
    assert users["hebron"].municipality == hebron and users["nablus"].municipality == nablus
    assert roles.MUNICIPAL_STAFF in users["hebron"].groups.values_list("name", flat=True)
    assert not roles.is_editor(users["member"]) and users["member"].municipality is None
    assert roles.is_juror(users["juror"]) and roles.is_juror(users["juror2"]) and not roles.is_editor(users["juror"])
    assert EmailAddress.objects.filter(verified=True, primary=True).count() == 8
    assert UserProfile.get_for_user(users["editor"]).preferred_language == "ar"
    assert authenticate(email="member@hub.example", password="hub-demo-2026") == users["member"]


def test_loading_twice_adds_nothing(settings, hebron, nablus):
    settings.DEBUG = True
    _load()
    counts = (User.objects.count(), EmailAddress.objects.count(), users_in_groups())
    _load()
    assert (User.objects.count(), EmailAddress.objects.count(), users_in_groups()) == counts


def users_in_groups():
    return User.groups.through.objects.count()


def test_without_debug_the_default_password_is_refused(settings, monkeypatch):
    settings.DEBUG = False
    monkeypatch.delenv("DEMO_PASSWORD", raising=False)
    output = _load()
    assert "skipped" in output and "DEMO_PASSWORD" in output
    assert not User.objects.exists()


def test_without_debug_a_chosen_password_is_used_but_never_printed(settings, monkeypatch, hebron, nablus):
    settings.DEBUG = False
    monkeypatch.setenv("DEMO_PASSWORD", "a-Secret-of-ours-77")
    output = _load()
    assert "a-Secret-of-ours-77" not in output
    assert authenticate(email="editor@hub.example", password="a-Secret-of-ours-77") is not None


def test_staff_stay_unverified_with_a_note_when_the_municipalities_are_missing(settings):
    settings.DEBUG = True
    output = _load()
    assert "municipality 'hebron' not found" in output
    assert User.objects.get(username="hebron").municipality is None
