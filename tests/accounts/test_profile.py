"""A member edits their profile; others see the public part of it (never the e-mail)."""

import pytest

from hub.accounts.models import User
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_member_edits_own_profile(client, member):
    client.force_login(member)
    response = client.post(
        "/en/accounts/profile/",
        {"display_name": "Samir O.", "job_title": "Web developer", "bio": "I build e-services."},
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert (member.display_name, member.job_title, member.bio) == ("Samir O.", "Web developer", "I build e-services.")
    page = client.get("/en/accounts/profile/").content.decode()
    assert "Your profile was saved." in page


def test_too_long_bio_shows_an_error_and_changes_nothing(client, member):
    client.force_login(member)
    response = client.post(
        "/ar/accounts/profile/", {"display_name": "Changed", "job_title": "Changed", "bio": "x" * 1001}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "1000" in html and 'class="errorlist"' in html
    stored = User.objects.get(pk=member.pk)
    assert (stored.display_name, stored.job_title, stored.bio) == ("Samir Odeh", "", "")


def test_profile_needs_log_in(client):
    response = client.get("/en/accounts/profile/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")


def test_public_profile_shows_name_badge_municipality_but_no_email(client, member, hebron):
    member.job_title = "IT officer"
    member.bio = "Portal maintainer."
    member.municipality = hebron
    member.save()
    html = client.get("/en/accounts/members/samir/").content.decode()
    assert "Samir Odeh" in html
    assert "Verified staff" in html
    assert "Hebron Municipality" in html
    assert "IT officer" in html and "Portal maintainer." in html
    assert "samir@example.org" not in html


def test_public_profile_of_unknown_or_inactive_member_is_404(client):
    UserFactory(username="gone", is_active=False)
    assert client.get("/en/accounts/members/gone/").status_code == 404
    assert client.get("/en/accounts/members/nobody/").status_code == 404


def test_public_profile_works_with_an_arabic_username(client):
    UserFactory(username="سمير", display_name="سمير عودة")
    response = client.get("/ar/accounts/members/سمير/")
    assert response.status_code == 200
    assert "سمير عودة" in response.content.decode()


def test_public_profile_query_count_is_fixed(client, member, hebron, django_assert_num_queries):
    member.municipality = hebron
    member.save()
    client.get("/en/accounts/members/samir/")
    UserFactory.create_batch(5, municipality=hebron)
    # The member with the municipality in one query (an anonymous reader has no session outside the forum).
    with django_assert_num_queries(1):
        assert client.get("/en/accounts/members/samir/").status_code == 200


def test_own_profile_query_count_does_not_grow_with_requests(client, member, hebron, django_assert_num_queries):
    from tests.accounts.factories import MembershipRequestFactory

    client.force_login(member)
    MembershipRequestFactory(user=member, municipality=hebron, status="rejected", reason="Unknown")
    client.get("/en/accounts/profile/")
    MembershipRequestFactory.create_batch(3, user=member, municipality=hebron, status="rejected", reason="Again")
    # user, latest request with its municipality, the user's groups (editor link), their language (session: cached)
    with django_assert_num_queries(4):
        assert client.get("/en/accounts/profile/").status_code == 200
