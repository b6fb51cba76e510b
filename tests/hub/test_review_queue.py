"""The one review queue of the Wagtail admin: each reviewer sees on the dashboard what waits for their decision (and
nobody sees what they may not decide), decides it there or one click away, and the admin's audit log records it."""

import datetime
import json

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from hub.accounts.models import MembershipRequest
from hub.review import queue as review_queue
from projects_db import services
from projects_db.models import Project, ProjectChange, ProjectRevision
from tests.cooperation.conftest import make_juror
from tests.cooperation.factories import AwardEditionFactory, CriterionFactory, NominationFactory
from tests.projects_db.conftest import (  # noqa: F401  (named places and people shared with projects_db)
    category,
    editor,
    funder,
    hebron,
    member,
    nablus,
    project_data,
    staff_hebron,
)
from tests.projects_db.factories import ProjectFactory, UserFactory

pytestmark = pytest.mark.django_db


def admin_user(user):
    """Give one person the right to enter the Wagtail admin (editors have it through their group)."""
    user.user_permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    return user


def sign_in(client, user, language="en"):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)
    return client


def dashboard(client) -> str:
    response = client.get("/admin/")
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def submitted(hebron, category):  # noqa: F811
    return ProjectFactory(
        title="Hebron water bills online", lead_municipality=hebron, category=category, state=Project.State.SUBMITTED
    )


@pytest.fixture
def changed(nablus, category):  # noqa: F811
    """A published project of Nablus with a change its staff proposed."""
    project = ProjectFactory(title="Nablus permits portal", lead_municipality=nablus, category=category)
    ProjectRevision.objects.create(project=project, data={"title": "Nablus permits portal, second phase"})
    return project


@pytest.fixture
def membership_request(hebron):  # noqa: F811
    applicant = UserFactory(username="applicant", first_name="Samira")
    return MembershipRequest.objects.create(user=applicant, municipality=hebron, job_title="GIS officer")


# ---- who sees what --------------------------------------------------------------------------------------------


def test_editor_sees_submissions_changes_and_staff_requests_with_their_age(
    client,
    editor,  # noqa: F811
    submitted,
    changed,
    membership_request,
):
    Project.objects.filter(pk=submitted.pk).update(updated_at=timezone.now() - datetime.timedelta(days=3))
    html = dashboard(sign_in(client, editor))
    assert "Waiting for your review" in html
    assert "Hebron water bills online" in html and "Nablus permits portal" in html
    assert "applicant" in html and "GIS officer" in html
    assert "waiting for 3\xa0days" in html
    # Decided there: publish / approve / return with comment, verify / reject.
    assert f'action="/en/projects/{submitted.slug}/publish/"' in html
    assert f'action="/en/projects/{changed.slug}/return/"' in html
    assert f'action="/en/accounts/memberships/{membership_request.pk}/verify/"' in html
    assert f'action="/en/accounts/memberships/{membership_request.pk}/reject/"' in html


def test_staff_and_members_see_no_queue_and_no_menu_item(
    client,
    staff_hebron,  # noqa: F811
    submitted,
    changed,
    membership_request,
):
    html = dashboard(sign_in(client, admin_user(staff_hebron)))
    assert "Waiting for your review" not in html
    assert "Hebron water bills online" not in html and "applicant" not in html
    assert "review-queue" not in html  # the menu item's name
    page = client.get("/admin/review/").content.decode()
    assert "Hebron water bills online" not in page and "Nothing is waiting for your decision." not in page


def test_juror_sees_the_nominations_left_to_score_and_editors_do_not(client, editor, hebron, category):  # noqa: F811
    now = timezone.now()
    edition = AwardEditionFactory(
        year=2031,
        nominations_open=now - datetime.timedelta(days=20),
        nominations_close=now - datetime.timedelta(days=2),
        jury_closes=now + datetime.timedelta(days=10),
        vote_opens=now - datetime.timedelta(days=20),
    )
    criterion = CriterionFactory(edition=edition)
    nomination = NominationFactory(
        edition=edition, project=ProjectFactory(title="Hebron e-payment", lead_municipality=hebron, category=category)
    )
    juror = admin_user(make_juror("juror"))
    html = dashboard(sign_in(client, juror))
    assert "Award nominations to score" in html and "Hebron e-payment" in html
    assert f"/en/cooperation/award/2031/jury/{nomination.pk}/" in html
    assert "Hebron e-payment" not in dashboard(sign_in(client, editor))

    # Once the juror has scored every criterion, the nomination leaves their queue.
    nomination.scores.create(criterion=criterion, juror=juror, value=7)
    html = dashboard(sign_in(client, juror))
    assert "Hebron e-payment" not in html


def test_editor_sees_award_results_to_publish_once_the_jury_has_closed(client, editor):  # noqa: F811
    now = timezone.now()
    AwardEditionFactory(
        year=2032,
        title_en="Award 2032",
        nominations_open=now - datetime.timedelta(days=30),
        nominations_close=now - datetime.timedelta(days=20),
        jury_closes=now - datetime.timedelta(days=1),
        vote_opens=now - datetime.timedelta(days=30),
    )
    html = dashboard(sign_in(client, editor))
    assert "Award results to publish" in html and "/en/cooperation/award/2032/ranking/" in html


def test_forum_posts_awaiting_approval_are_shown_to_their_moderators_only(client, editor):  # noqa: F811
    from forum import services as forum_services
    from tests.forum import factories as forum_factories

    forums = forum_services.setup_forum()
    author = forum_factories.make_member(username="newcomer")
    topic = forum_factories.make_topic(
        forum=forums["gis"], poster=author, subject="PENDING how to publish a map", approved=False
    )
    moderator = admin_user(forum_factories.make_moderator(username="mod"))
    html = dashboard(sign_in(client, moderator))
    assert "Forum posts awaiting approval" in html and "PENDING how to publish a map" in html
    assert f"/en/forum/moderation/queue/{topic.first_post_id}/" in html
    # Editors have no moderation right in the forum (forum/permissions.py): they do not see it.
    assert "PENDING how to publish a map" not in dashboard(sign_in(client, editor))


def test_pages_in_a_wagtail_workflow_are_left_to_wagtails_own_panel(client, sections, workflow):
    from hub.accounts import roles
    from tests.hub.factories import UserFactory as CmsUserFactory
    from tests.hub.factories import make_story

    story = make_story(sections["stories"]["ar"], title="STORY waiting")
    story.save_revision()
    staff = CmsUserFactory(username="staffer", municipality=story.municipality, groups=[roles.MUNICIPAL_STAFF])
    workflow.start(story, staff)
    cms_editor = CmsUserFactory(username="cms-editor", groups=[roles.MINISTRY_EDITORS])
    html = dashboard(sign_in(client, cms_editor))
    assert "1 page waits for you in a Wagtail workflow task" in html
    assert html.count("STORY waiting") == 1  # listed once, by Wagtail's "Awaiting your review"
    assert 'id="awaiting-review-section"' in html


# ---- deciding from the queue ------------------------------------------------------------------------------------


def test_editor_publishes_a_submission_from_the_dashboard(client, editor, submitted):  # noqa: F811
    sign_in(client, editor)
    response = client.post(f"/en/projects/{submitted.slug}/publish/", {"next": "/admin/"})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    submitted.refresh_from_db()
    assert submitted.state == Project.State.PUBLISHED
    html = dashboard(client)
    assert "The project is published." in html and "Hebron water bills online" not in html


def test_editor_returns_a_submission_with_a_comment_and_an_empty_comment_changes_nothing(
    client,
    editor,  # noqa: F811
    submitted,
):
    sign_in(client, editor)
    client.post(f"/en/projects/{submitted.slug}/return/", {"next": "/admin/", "comment": "  "})
    submitted.refresh_from_db()
    assert submitted.state == Project.State.SUBMITTED
    assert "Say what needs to change." in dashboard(client)

    client.post(f"/en/projects/{submitted.slug}/return/", {"next": "/admin/", "comment": "Add the budget, please."})
    submitted.refresh_from_db()
    assert submitted.state == Project.State.RETURNED and submitted.review_comment == "Add the budget, please."
    assert "Hebron water bills online" not in dashboard(client)


def test_editor_approves_a_proposed_change_from_the_dashboard(client, editor, changed):  # noqa: F811
    sign_in(client, editor)
    response = client.post(f"/en/projects/{changed.slug}/publish/", {"next": "/admin/"})
    assert response["Location"] == "/admin/"
    changed.refresh_from_db()
    assert changed.title == "Nablus permits portal, second phase"
    assert not ProjectRevision.objects.filter(project=changed).exists()


def test_editor_verifies_and_rejects_staff_requests_from_the_dashboard(client, editor, membership_request, nablus):  # noqa: F811
    sign_in(client, editor)
    response = client.post(f"/en/accounts/memberships/{membership_request.pk}/verify/", {"next": "/admin/"})
    assert response["Location"] == "/admin/"
    membership_request.user.refresh_from_db()
    assert membership_request.user.municipality.slug == "hebron"

    other = MembershipRequest.objects.create(
        user=UserFactory(username="second"), municipality=nablus, job_title="Clerk"
    )
    field = f"r{other.pk}-reason"
    response = client.post(
        f"/en/accounts/memberships/{other.pk}/reject/", {"next": "/admin/", field: "Not on our staff list."}
    )
    assert response["Location"] == "/admin/"
    other.refresh_from_db()
    assert other.status == MembershipRequest.Status.REJECTED and other.reason == "Not on our staff list."
    # An address elsewhere is not followed.
    third = MembershipRequest.objects.create(user=UserFactory(username="third"), municipality=nablus, job_title="x")
    response = client.post(f"/en/accounts/memberships/{third.pk}/verify/", {"next": "https://evil.example/admin/"})
    assert response["Location"] == "/en/accounts/memberships/"


def test_staff_cannot_decide_by_posting_what_the_queue_does_not_show_them(
    client,
    staff_hebron,  # noqa: F811
    submitted,
    membership_request,
):
    sign_in(client, admin_user(staff_hebron))
    assert client.post(f"/en/projects/{submitted.slug}/publish/", {"next": "/admin/"}).status_code == 404
    assert client.post(f"/en/accounts/memberships/{membership_request.pk}/verify/").status_code == 404
    submitted.refresh_from_db()
    membership_request.refresh_from_db()
    assert submitted.state == Project.State.SUBMITTED and membership_request.is_pending


# ---- the menu, the page of its own, the languages, the queries ---------------------------------------------------


def test_menu_item_gives_the_number_waiting_and_leads_to_the_queue_page(
    client,
    editor,  # noqa: F811
    submitted,
    changed,
    membership_request,
):
    html = dashboard(sign_in(client, editor))
    assert json.dumps("Review queue (3)") in html
    assert '"url": "/admin/review/"' in html
    page = client.get("/admin/review/").content.decode()
    assert "Hebron water bills online" in page and "Nablus permits portal" in page


def test_the_queue_is_in_arabic_for_an_arabic_admin(client, editor, submitted):  # noqa: F811
    html = dashboard(sign_in(client, editor, language="ar"))
    assert 'lang="ar" dir="rtl"' in html
    assert "بانتظار قرارك" in html  # "Waiting for your review"
    assert "مشاريع مرسلة للمراجعة" in html  # "Projects submitted for review"
    assert json.dumps("قائمة المراجعة (1)") in html


def test_the_panel_costs_the_same_queries_whatever_the_number_of_items(
    rf,
    editor,  # noqa: F811
    hebron,  # noqa: F811
    category,  # noqa: F811
    django_assert_num_queries,
):
    from hub.accounts.roles import is_editor

    def render():
        request = rf.get("/admin/")
        request.user = type(editor).objects.get(pk=editor.pk)
        is_editor(request.user)  # the role lookup, cached on the user as in any admin request
        return review_queue.ReviewQueuePanel().render_html({"request": request, "csrf_token": "x"})

    for n in range(2):
        ProjectFactory(lead_municipality=hebron, category=category, state=Project.State.SUBMITTED)
        MembershipRequest.objects.create(
            user=UserFactory(username=f"applicant-{n}"), municipality=hebron, job_title="Clerk"
        )
    with django_assert_num_queries(PANEL_QUERIES):
        render()
    for n in range(2, 8):
        ProjectFactory(lead_municipality=hebron, category=category, state=Project.State.SUBMITTED)
        MembershipRequest.objects.create(
            user=UserFactory(username=f"applicant-{n}"), municipality=hebron, job_title="Clerk"
        )
    with django_assert_num_queries(PANEL_QUERIES):
        html = render()
    assert html.count("/publish/") == 8


PANEL_QUERIES = 15  # roles, then a count and a list per kind, forum permissions, workflow tasks


# ---- the audit log ----------------------------------------------------------------------------------------------


def test_project_steps_are_in_wagtails_audit_log_with_the_comment(
    client,
    editor,  # noqa: F811
    staff_hebron,  # noqa: F811
    project_data,  # noqa: F811
):
    project = services.project_create(user=staff_hebron, data=project_data)
    services.project_submit(project=project, user=staff_hebron)
    services.project_return(project=project, user=editor, comment="Add the budget, please.")
    services.project_submit(project=project, user=staff_hebron)
    services.project_publish(project=project, user=editor)

    entries = list(ModelLogEntry.objects.filter(object_id=str(project.pk)).order_by("timestamp", "pk"))
    assert [e.action for e in entries] == [
        "projects.created",
        "projects.submitted",
        "projects.returned",
        "projects.submitted",
        "projects.published",
    ]
    assert entries[2].user_id == editor.pk and entries[2].data["comment"] == "Add the budget, please."
    # One source: each entry points at its line of the project's history.
    changes = list(ProjectChange.objects.filter(project=project).order_by("created_at", "pk"))
    assert [e.data["change_id"] for e in entries] == [c.pk for c in changes]

    # The admin's history of the project and the "Site history" report show them, labelled.
    sign_in(client, editor)
    response = client.get(f"/admin/snippets/projects_db/project/history/{project.pk}/")
    history = response.content.decode()
    assert "Returned for changes: Add the budget, please." in history
    report = client.get("/admin/reports/site-history/").content.decode()
    assert "Submitted for review" in report and "Returned for changes: Add the budget, please." in report
    sign_in(client, editor, language="ar")
    history = client.get(f"/admin/snippets/projects_db/project/history/{project.pk}/").content.decode()
    assert "معاد للتعديل: Add the budget, please." in history
