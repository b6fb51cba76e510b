"""Administrators manage users (with their profile fields) and see staff requests in the Django admin."""

import pytest
from django.urls import reverse

from tests.accounts.factories import MembershipRequestFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client_(client):
    client.force_login(UserFactory(username="root", is_superuser=True, is_staff=True))
    return client


def test_admin_lists_users_and_adds_one(admin_client_, hebron):
    UserFactory(municipality=hebron)
    assert admin_client_.get("/django-admin/accounts/user/").status_code == 200
    assert admin_client_.get("/django-admin/accounts/user/add/").status_code == 200
    password = "Fig-and-olive-77"
    data = {"username": "newbie", "password1": password, "password2": password, "usable_password": "true"}
    response = admin_client_.post("/django-admin/accounts/user/add/", data)
    assert response.status_code == 302


def test_staff_requests_are_read_only_in_the_django_admin(admin_client_):
    request = MembershipRequestFactory()
    assert admin_client_.get("/django-admin/accounts/membershiprequest/").status_code == 200
    admin_client_.post(f"/django-admin/accounts/membershiprequest/{request.pk}/change/", {"status": "verified"})
    request.refresh_from_db()
    assert request.status == "pending"


def test_an_administrator_cannot_set_a_users_municipality_around_staff_verification(admin_client_, member, hebron):
    url = f"/django-admin/accounts/user/{member.pk}/change/"
    page = admin_client_.get(url).content.decode()
    assert 'name="municipality"' not in page  # shown read-only, with the way to change it
    assert reverse("accounts:membership_review") in page
    data = {
        "username": member.username,
        "email": member.email,
        "display_name": "Samir O.",
        "job_title": "",
        "bio": "",
        "municipality": hebron.pk,
        "is_active": "on",
        "date_joined_0": "2026-01-01",
        "date_joined_1": "10:00:00",
    }
    response = admin_client_.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    member.refresh_from_db()
    assert member.display_name == "Samir O."
    assert member.municipality is None and not member.groups.exists()


def test_an_administrator_withdraws_staff_status_through_the_admin_action(admin_client_, hebron):
    from django.contrib.auth.models import Group

    from hub.accounts.roles import MUNICIPAL_STAFF

    staff = UserFactory(username="staff-hebron", municipality=hebron)
    staff.groups.add(Group.objects.get_or_create(name=MUNICIPAL_STAFF)[0])
    response = admin_client_.post(
        "/django-admin/accounts/user/", {"action": "withdraw_staff_status", "_selected_action": [staff.pk]}
    )
    assert response.status_code == 302
    staff.refresh_from_db()
    assert staff.municipality is None and not staff.groups.filter(name=MUNICIPAL_STAFF).exists()
