"""Staff of Hebron can never change Nablus's projects; the public never sees unpublished records (404, not 403)."""

import pytest
from django.urls import reverse

from projects_db.models import Project, ProjectChange
from tests.projects_db.factories import ProjectFactory

pytestmark = pytest.mark.django_db

UNPUBLISHED = [Project.State.DRAFT, Project.State.SUBMITTED, Project.State.RETURNED]
ACTIONS = [
    "projects_db:project_edit",
    "projects_db:project_submit",
    "projects_db:project_publish",
    "projects_db:project_return",
]


def _url(name, project, lang="en"):
    return f"/{lang}" + reverse(name, kwargs={"slug": project.slug})[3:]


@pytest.mark.parametrize("state", UNPUBLISHED)
def test_the_public_gets_404_for_unpublished_projects_everywhere(client, member, nablus, state):
    project = ProjectFactory(lead_municipality=nablus, state=state, published_at=None)
    assert client.get(_url("projects_db:project_detail", project)).status_code == 404
    assert project.title not in client.get("/en/projects/").content.decode()
    assert project.title not in client.get("/en/projects/export.csv").content.decode()
    assert project.title not in client.get("/en/projects/export.json").content.decode()
    assert project.title not in client.get("/en/projects/feed/").content.decode()
    assert project.title not in client.get("/en/municipalities/nablus/").content.decode()
    assert client.get(f"/api/v1/projects/{project.slug}").status_code == 404
    assert project.slug not in client.get("/api/v1/projects").content.decode()
    client.force_login(member)
    assert client.get(_url("projects_db:project_detail", project)).status_code == 404
    for name in ACTIONS:
        assert client.post(_url(name, project), {"comment": "x"}).status_code == 404


@pytest.mark.parametrize("state", [*UNPUBLISHED, Project.State.PUBLISHED])
def test_staff_of_hebron_cannot_change_nablus_projects_whatever_they_post(client, staff_hebron, nablus, hebron, state):
    project = ProjectFactory(lead_municipality=nablus, state=state, title="Nablus water billing")
    client.force_login(staff_hebron)
    if state != Project.State.PUBLISHED:
        assert client.get(_url("projects_db:project_detail", project)).status_code == 404
    assert client.get(_url("projects_db:project_edit", project)).status_code == 404
    for name in ACTIONS:
        response = client.post(
            _url(name, project),
            {"title": "Taken over", "lead_municipality": hebron.pk, "comment": "x", "summary": "x"},
        )
        assert response.status_code == 404, name
    project.refresh_from_db()
    assert project.title == "Nablus water billing" and project.state == state
    assert project.lead_municipality == nablus
    assert not ProjectChange.objects.filter(project=project).exists()


def test_staff_cannot_create_a_project_for_another_municipality(client, staff_hebron, nablus, category):
    client.force_login(staff_hebron)
    response = client.post(
        "/en/projects/new/",
        {
            "title": "Nablus portal",
            "summary": "s",
            "language": "en",
            "lead_municipality": nablus.pk,
            "category": category.pk,
            "status": "live",
            "maintenance": "in_house",
        },
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not Project.objects.exists()


def test_staff_cannot_publish_or_return_even_their_own_project(client, staff_hebron, hebron):
    project = ProjectFactory(lead_municipality=hebron, state=Project.State.SUBMITTED, published_at=None)
    client.force_login(staff_hebron)
    assert client.post(_url("projects_db:project_publish", project)).status_code == 404
    assert client.post(_url("projects_db:project_return", project), {"comment": "x"}).status_code == 404
    assert client.get("/en/projects/review/").status_code == 404
    project.refresh_from_db()
    assert project.state == Project.State.SUBMITTED


def test_a_signed_in_member_without_municipality_cannot_record_projects(client, member):
    client.force_login(member)
    assert client.get("/en/projects/new/").status_code == 404
    assert client.get("/en/projects/mine/").status_code == 404


def test_staff_see_their_own_drafts_and_editors_see_everything(client, staff_hebron, editor, hebron):
    project = ProjectFactory(lead_municipality=hebron, state=Project.State.DRAFT, published_at=None)
    client.force_login(staff_hebron)
    assert client.get(_url("projects_db:project_detail", project)).status_code == 200
    assert project.title in client.get("/en/projects/mine/").content.decode()
    client.force_login(editor)
    assert client.get(_url("projects_db:project_detail", project)).status_code == 200
    assert client.get(_url("projects_db:project_edit", project)).status_code == 200
