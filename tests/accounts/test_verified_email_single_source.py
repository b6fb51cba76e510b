""" "Has a verified e-mail" is answered in one place, hub.accounts.selectors.has_verified_email."""

from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import AnonymousUser

from hub.accounts import selectors

from .factories import UserFactory

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_a_person_counts_as_verified_once_they_confirm_an_address():
    person = UserFactory(verified_email=False)
    assert selectors.has_verified_email(user=person) is False
    EmailAddress.objects.create(user=person, email=person.email, verified=False, primary=True)
    assert selectors.has_verified_email(user=person) is False
    EmailAddress.objects.filter(user=person).update(verified=True)
    assert selectors.has_verified_email(user=person) is True
    assert selectors.has_verified_email(user=AnonymousUser()) is False


def test_no_other_module_decides_it():
    """Only the selector reads allauth's verification."""
    readers = sorted(
        str(path.relative_to(ROOT))
        for app in ("hub", "projects_db", "forum", "search")
        for path in (ROOT / app).rglob("*.py")
        if "verified=True" in (text := path.read_text())
        and "EmailAddress" in text
        or "import has_verified_email" in text
    )
    assert readers == ["hub/accounts/selectors.py"]
