"""Signed-in readers' pages of the project directory, project and municipality pages and the API come from the
cache too (hub.caching, keyed per reader and their CSRF secret), and nothing of one reader is ever given to another:
names, edit links and contacts follow the reader, and a change to the reader or to a project is seen at once."""

import re
from urllib.parse import quote

import pytest
from django.conf import settings
from django.test import Client
from django.utils.crypto import get_random_string

from hub.accounts import services as accounts
from projects_db import services
from projects_db.models import Project
from tests.projects_db.factories import project_url

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]

PASSWORD = "pass-1234-secret"  # tests.projects_db.factories.UserFactory's


def signed_in(user) -> Client:
    """A browser signed in as `user` that holds a CSRF cookie, as one does after logging in through the form."""
    client = Client()
    client.force_login(user)
    client.cookies[settings.CSRF_COOKIE_NAME] = get_random_string(32)
    return client


def edit_link(project) -> str:
    return f"/ar/projects/{quote(project.slug)}/edit/"


def test_a_signed_in_second_view_is_a_hit_that_costs_only_the_reader_query(published, staff_hebron,
                                                                           django_assert_num_queries):  # fmt: skip
    client = signed_in(staff_hebron)
    for url in (project_url(published), "/ar/projects/", "/ar/municipalities/", "/ar/municipalities/hebron/",
                "/api/v1/projects"):  # fmt: skip
        first = client.get(url)
        assert first["X-Hub-Cache"] == "miss", url
        assert "private" in first["Cache-Control"] and "public" not in first["Cache-Control"], url
        with django_assert_num_queries(1):  # the signed-in user; the session comes from the cache
            second = client.get(url)
        assert second["X-Hub-Cache"] == "hit", url
        assert second.content == first.content, url


def test_readers_of_different_roles_and_municipalities_never_get_each_others_page(
    published, staff_hebron, staff_nablus, member, django_user_model
):
    staff_hebron.display_name = "سلمى من الخليل"
    staff_hebron.save()
    staff_nablus.display_name = "خالد من نابلس"
    staff_nablus.save()
    url = project_url(published)
    readers = {"hebron": signed_in(staff_hebron), "nablus": signed_in(staff_nablus), "member": signed_in(member)}
    pages = {}
    for _ in range(2):  # every reader's page cached, then each served from the cache
        for name, client in readers.items():
            pages[name] = client.get(url)
    anonymous = Client()
    anonymous.get(url)
    pages["anonymous"] = anonymous.get(url)
    assert {response["X-Hub-Cache"] for response in pages.values()} == {"hit"}
    html = {name: response.content.decode() for name, response in pages.items()}
    assert edit_link(published) in html["hebron"]
    assert edit_link(published) not in html["nablus"] and edit_link(published) not in html["member"]
    assert "سلمى من الخليل" in html["hebron"] and "سلمى من الخليل" not in html["nablus"] + html["member"]
    assert "خالد من نابلس" in html["nablus"] and "خالد من نابلس" not in html["hebron"] + html["member"]
    for name in ("hebron", "nablus", "member"):
        assert "it@hebron.example.ps" in html[name], name  # the contact, for signed-in readers only
    assert "it@hebron.example.ps" not in html["anonymous"]
    assert edit_link(published) not in html["anonymous"]


def test_a_verified_member_sees_the_edit_link_at_once_and_loses_it_when_revoked(
    published, member, hebron, editor, committed
):
    from allauth.account.models import EmailAddress

    EmailAddress.objects.create(user=member, email=member.email, verified=True, primary=True)
    client = signed_in(member)
    url = project_url(published)
    client.get(url)
    assert client.get(url)["X-Hub-Cache"] == "hit"
    request = committed(accounts.membership_request_create, user=member, municipality=hebron, job_title="مهندس",
                    message="")  # fmt: skip
    committed(accounts.membership_request_verify, membership_request=request, decided_by=editor)
    page = client.get(url)
    assert page["X-Hub-Cache"] == "miss"
    assert edit_link(published) in page.content.decode()
    member.refresh_from_db()
    committed(accounts.staff_membership_revoke, user=member, revoked_by=editor)
    assert edit_link(published) not in client.get(url).content.decode()


def test_a_renamed_reader_sees_the_new_name_at_once(published, member, committed):
    client = signed_in(member)
    client.get("/ar/projects/")
    assert client.get("/ar/projects/")["X-Hub-Cache"] == "hit"
    committed(accounts.profile_update, user=member, display_name="اسم جديد للعضو", job_title="", bio="")
    assert "اسم جديد للعضو" in client.get("/ar/projects/").content.decode()


def test_a_new_role_for_the_reader_is_seen_at_once(published, member):
    """A group added to the reader outside the accounts services (the Django admin) is seen too."""
    from django.contrib.auth.models import Group

    from hub.accounts.roles import MINISTRY_EDITORS

    client = signed_in(member)
    client.get("/ar/municipalities/")
    assert client.get("/ar/municipalities/")["X-Hub-Cache"] == "hit"
    member.groups.add(Group.objects.get_or_create(name=MINISTRY_EDITORS)[0])
    assert client.get("/ar/municipalities/")["X-Hub-Cache"] == "miss"


def test_a_project_edited_through_the_service_is_seen_by_signed_in_readers(
    published, staff_hebron, member, editor, committed
):
    url = project_url(published)
    readers = [signed_in(staff_hebron), signed_in(member)]
    for client in readers:
        client.get(url)
        assert client.get(url)["X-Hub-Cache"] == "hit"
    data = services.project_edit_values(published)
    data["title"] = "بوابة الخليل المحدثة"
    committed(services.project_update, project=published, user=editor, data=data)
    for client in readers:
        assert "بوابة الخليل المحدثة" in client.get(url).content.decode()


def test_a_draft_edited_by_its_staff_is_seen_at_once(project_data, staff_hebron, committed):
    draft = committed(services.project_import, data=project_data, state=Project.State.DRAFT)
    client = signed_in(staff_hebron)
    url = project_url(draft)
    client.get(url)
    assert client.get(url)["X-Hub-Cache"] == "hit"
    data = services.project_edit_values(draft)
    data["summary"] = "ملخص المسودة الجديد"
    committed(services.project_update, project=draft, user=staff_hebron, data=data)
    assert "ملخص المسودة الجديد" in client.get(url).content.decode()


def _token(html: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def _log_in(client: Client, user) -> None:
    login = client.get("/ar/accounts/login/")
    answer = client.post("/ar/accounts/login/", {"login": user.email, "password": PASSWORD,
                                                 "csrfmiddlewaretoken": _token(login.content.decode())})  # fmt: skip
    assert answer.status_code == 302, answer.content.decode()[:500]


def test_the_logout_form_of_a_cached_page_works_and_a_new_log_in_gets_a_new_page(published, member):
    from allauth.account.models import EmailAddress

    EmailAddress.objects.create(user=member, email=member.email, verified=True, primary=True)
    client = Client(enforce_csrf_checks=True)
    url = project_url(published)
    for _ in range(2):
        _log_in(client, member)
        welcome = client.get(url)  # shows the "signed in" message: neither served from nor kept in the cache
        assert "X-Hub-Cache" not in welcome
        assert client.get(url)["X-Hub-Cache"] == "miss"  # a new log-in, a new CSRF secret: never the last one's page
        hit = client.get(url)
        assert hit["X-Hub-Cache"] == "hit"
        logout = client.post("/ar/accounts/logout/", {"csrfmiddlewaretoken": _token(hit.content.decode())})
        assert logout.status_code == 302  # the cached page's token is accepted (a 403 otherwise)
        assert "_auth_user_id" not in client.session


def test_a_page_with_a_pending_message_is_neither_served_from_nor_kept_in_the_cache(published, member):
    client = signed_in(member)
    url = "/ar/projects/"
    client.get(url)
    assert client.get(url)["X-Hub-Cache"] == "hit"
    saved = client.post("/ar/accounts/profile/", {"display_name": "عضو", "job_title": "", "bio": "", "language": "ar"})
    assert saved.status_code == 302
    page = client.get(url)
    assert "X-Hub-Cache" not in page
    assert "حُفظ ملفك الشخصي." in page.content.decode()
    after = client.get(url)
    assert after["X-Hub-Cache"] == "miss"  # the renamed reader's page, rendered again
    assert "حُفظ ملفك الشخصي." not in after.content.decode() and "عضو" in after.content.decode()
    assert client.get(url)["X-Hub-Cache"] == "hit"


def test_following_a_municipality_shows_on_the_readers_cached_page_at_once(published, member, hebron, committed):
    from hub.cooperation import services as cooperation

    client = signed_in(member)
    url = "/ar/municipalities/hebron/"
    client.get(url)
    before = client.get(url)
    assert before["X-Hub-Cache"] == "hit" and 'value="unfollow"' not in before.content.decode()
    committed(cooperation.follow_set, user=member, kind="municipality", target_id=hebron.pk, follow=True)
    assert 'value="unfollow"' in client.get(url).content.decode()


def test_a_change_to_a_roles_permissions_makes_its_readers_pages_fresh(published, member):
    from django.contrib.auth.models import Group, Permission

    role = Group.objects.create(name="مراجعو المشاريع")
    member.groups.add(role)
    client = signed_in(member)
    client.get("/ar/projects/")
    assert client.get("/ar/projects/")["X-Hub-Cache"] == "hit"
    role.permissions.add(Permission.objects.get(codename="change_project"))
    assert client.get("/ar/projects/")["X-Hub-Cache"] == "miss"
