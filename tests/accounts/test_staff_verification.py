"""A member asks to be recognised as staff of a municipality; an editor verifies or rejects the request."""

import pytest
from django.core import mail

from hub.accounts import roles
from hub.accounts.models import MembershipRequest, User
from tests.accounts.factories import MembershipRequestFactory, UserFactory

pytestmark = pytest.mark.django_db


def _ask(client, municipality, job_title="IT officer", lang="en"):
    return client.post(
        f"/{lang}/accounts/membership/",
        {"municipality": municipality.pk, "job_title": job_title, "message": "Ext. 204"},
    )


def test_member_asks_editor_verifies_badge_shown_and_in_group(
    client, member, editor, hebron, django_capture_on_commit_callbacks
):
    client.force_login(member)
    response = _ask(client, hebron, lang="ar")
    assert response.status_code == 302
    request = MembershipRequest.objects.get(user=member)
    assert (request.status, request.language) == ("pending", "ar")
    assert "بانتظار قرار محرر" in client.get("/ar/accounts/profile/").content.decode()

    client.force_login(editor)
    review = client.get("/en/accounts/memberships/").content.decode()
    assert "Samir Odeh" in review and "Hebron Municipality" in review and "samir@example.org" in review
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/en/accounts/memberships/{request.pk}/verify/")
    assert response.status_code == 302

    member = User.objects.get(pk=member.pk)
    request.refresh_from_db()
    assert member.municipality == hebron
    assert member.job_title == "IT officer"
    assert roles.MUNICIPAL_STAFF in member.groups.values_list("name", flat=True)
    assert roles.staff_municipality_id(member) == hebron.pk
    assert (request.status, request.decided_by, request.decided_at is not None) == ("verified", editor, True)

    # The applicant is told in their language (Arabic: the default, as no other was chosen), once.
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["samir@example.org"]
    assert "بلدية الخليل" in mail.outbox[0].subject
    assert "/ar/accounts/profile/" in mail.outbox[0].body

    client.force_login(member)
    profile = client.get("/en/accounts/profile/").content.decode()
    assert 'class="badge badge--staff"' in profile and "Hebron Municipality" in profile
    assert "Verified staff" in client.get("/en/accounts/members/samir/").content.decode()


def test_editor_rejects_with_reason_and_nothing_else_changes(
    client, member, editor, hebron, django_capture_on_commit_callbacks
):
    request = MembershipRequestFactory(user=member, municipality=hebron, language="en")
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/en/accounts/memberships/{request.pk}/reject/", {f"r{request.pk}-reason": "Unknown to HR."})
    request.refresh_from_db()
    member.refresh_from_db()
    assert (request.status, request.reason, request.decided_by) == ("rejected", "Unknown to HR.", editor)
    assert member.municipality is None
    assert not member.groups.filter(name__in=roles.ALL_GROUPS).exists()  # the forum keeps its own groups
    assert len(mail.outbox) == 1 and "Unknown to HR." in mail.outbox[0].body
    client.force_login(member)
    profile = client.get("/en/accounts/profile/").content.decode()
    assert "was rejected" in profile and "Unknown to HR." in profile


def test_rejection_without_reason_is_refused_and_changes_nothing(client, member, editor, hebron):
    request = MembershipRequestFactory(user=member, municipality=hebron)
    client.force_login(editor)
    response = client.post(f"/ar/accounts/memberships/{request.pk}/reject/", {f"r{request.pk}-reason": "  "})
    assert response.status_code == 400
    assert "اذكر لمقدّم الطلب سبب الرفض." in response.content.decode()
    request.refresh_from_db()
    assert request.status == "pending" and request.decided_by is None
    assert mail.outbox == []


def test_a_second_pending_request_is_refused_with_a_clear_message(client, member, hebron, nablus):
    client.force_login(member)
    _ask(client, hebron)
    response = _ask(client, nablus)
    assert response.status_code == 400
    assert "is waiting for an editor" in response.content.decode()
    assert MembershipRequest.objects.filter(user=member).count() == 1


def test_service_refuses_a_second_pending_request(member, hebron, nablus):
    from django.core.exceptions import ValidationError

    from hub.accounts import services

    services.membership_request_create(user=member, municipality=hebron, job_title="IT")
    with pytest.raises(ValidationError, match="لديك طلب قيد الانتظار"):  # tests run in Arabic, the site's default
        services.membership_request_create(user=member, municipality=nablus, job_title="IT")


def test_verified_staff_asking_again_for_same_municipality_is_told_so(client, member, hebron):
    member.municipality = hebron
    member.save()
    client.force_login(member)
    response = _ask(client, hebron)
    assert response.status_code == 400
    assert "already verified staff of Hebron Municipality" in response.content.decode()
    assert not MembershipRequest.objects.exists()


def test_unverified_email_cannot_ask(client, hebron):
    person = UserFactory(verified_email=False)
    client.force_login(person)
    response = _ask(client, hebron)
    assert response.status_code == 400
    assert "Verify your e-mail address" in response.content.decode()
    assert not MembershipRequest.objects.exists()


@pytest.mark.parametrize("who", ["anonymous", "member", "staff", "moderator"])
def test_non_editors_get_404_on_review_and_cannot_decide(client, who, member, hebron):
    request = MembershipRequestFactory(municipality=hebron)
    if who != "anonymous":
        person = UserFactory(username=f"p-{who}")
        if who == "staff":
            person.municipality = hebron
            person.save()
        if who == "moderator":
            from django.contrib.auth.models import Group

            person.groups.add(Group.objects.get(name=roles.FORUM_MODERATORS))
        client.force_login(person)
    assert client.get("/en/accounts/memberships/").status_code == 404
    assert client.post(f"/en/accounts/memberships/{request.pk}/verify/").status_code == 404
    reject = client.post(f"/en/accounts/memberships/{request.pk}/reject/", {f"r{request.pk}-reason": "x"})
    assert reject.status_code == 404
    request.refresh_from_db()
    assert request.status == "pending"
    assert request.user.municipality is None


def test_an_already_decided_request_cannot_be_decided_again(client, editor, hebron, nablus):
    request = MembershipRequestFactory(municipality=hebron)
    client.force_login(editor)
    client.post(f"/en/accounts/memberships/{request.pk}/verify/")
    reason = {f"r{request.pk}-reason": "no"}
    response = client.post(f"/en/accounts/memberships/{request.pk}/reject/", reason, follow=True)
    assert "This request was already decided." in response.content.decode()
    request.refresh_from_db()
    assert request.status == "verified"


def test_decision_email_is_sent_once_even_if_the_task_runs_twice(editor, hebron, django_capture_on_commit_callbacks):
    from hub.accounts import services
    from hub.accounts.tasks import send_membership_decision

    request = MembershipRequestFactory(municipality=hebron)
    with django_capture_on_commit_callbacks(execute=True):
        services.membership_request_verify(membership_request=request, decided_by=editor)
    send_membership_decision.enqueue(membership_request_id=request.pk)
    assert len(mail.outbox) == 1


def test_review_page_query_count_does_not_grow_with_requests(client, editor, django_assert_num_queries):
    client.force_login(editor)
    client.get("/en/accounts/memberships/")  # warm the session and group cache of this client

    def count():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/en/accounts/memberships/").status_code == 200
        return len(ctx.captured_queries)

    MembershipRequestFactory.create_batch(2)
    few = count()
    MembershipRequestFactory.create_batch(8)
    decided = MembershipRequestFactory.create_batch(3)
    for item in decided:
        from hub.accounts import services

        services.membership_request_verify(membership_request=item, decided_by=editor)
    assert count() == few
    # editor, editor's groups, pending requests (with user and municipality), recent decisions (the session is cached)
    with django_assert_num_queries(4):
        client.get("/en/accounts/memberships/")


def test_editor_finds_the_requests_in_the_wagtail_admin_menu(client, editor):
    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    assert "/accounts/memberships/" in html


def test_groups_exist_with_wagtail_access_for_editors():
    from django.contrib.auth.models import Group

    assert set(Group.objects.filter(name__in=roles.ALL_GROUPS).values_list("name", flat=True)) == set(roles.ALL_GROUPS)
    editors = Group.objects.get(name=roles.MINISTRY_EDITORS)
    assert editors.permissions.filter(codename="access_admin").exists()
    assert editors.page_permissions.filter(permission__codename="publish_page").exists()
    assert editors.collection_permissions.filter(permission__codename="add_image").exists()
    # Staff enter the Wagtail admin to draft stories (hub.accounts.group_permissions), and nothing more there.
    staff_codenames = set(Group.objects.get(name=roles.MUNICIPAL_STAFF).permissions.values_list("codename", flat=True))
    assert staff_codenames == {"access_admin"}
