"""The projects database in the Wagtail admin, per role: docs/projects.md promises ministry editors the projects,
categories, organisations, municipalities and governorates there (add, change, view; no delete); nobody else but
administrators gets in."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from hub.accounts import roles
from projects_db.models import Project
from tests.projects_db.factories import ProjectFactory, UserFactory

pytestmark = pytest.mark.django_db

MODELS = [
    "projects_db/project",
    "projects_db/category",
    "projects_db/organisation",
    "places/municipality",
    "places/governorate",
]
ROLES = ["anonymous", "member", "staff", "editor", "moderator", "admin"]
ALLOWED = {"editor", "admin"}


@pytest.fixture
def login(client, hebron):
    from hub.services import cms_ensure_workflow

    cms_ensure_workflow()  # staff get the admin (for stories and documents), as on the site

    def as_role(role):
        if role == "anonymous":
            return client
        if role == "admin":
            user = get_user_model().objects.create_superuser("root", "root@example.ps", "pass-1234-secret")
        else:
            user = UserFactory(username=role, editor=role == "editor")
        if role == "staff":
            user.municipality = hebron
            user.save()
            user.groups.add(Group.objects.get(name=roles.MUNICIPAL_STAFF))
        if role == "moderator":
            user.groups.add(Group.objects.get_or_create(name=roles.FORUM_MODERATORS)[0])
        client.force_login(user)
        return client

    return as_role


@pytest.mark.parametrize("role", ROLES)
def test_projects_database_in_the_admin_is_for_editors_and_administrators(login, hebron, role):
    project = ProjectFactory(title="Hebron e-portal", lead_municipality=hebron)
    client = login(role)
    for model in MODELS:
        response = client.get(f"/admin/snippets/{model}/")
        assert (response.status_code == 200) is (role in ALLOWED), (model, response.status_code)
        if role not in ALLOWED:
            assert response.status_code == 302  # to the log-in page or, for staff, the admin's home
    edit = client.get(f"/admin/snippets/projects_db/project/edit/{project.pk}/")
    assert (edit.status_code == 200) is (role in ALLOWED)
    if role in ALLOWED:
        assert "Hebron e-portal" in client.get("/admin/snippets/projects_db/project/").content.decode()


def test_an_editor_adds_and_changes_but_does_not_delete(login, hebron, category):
    client = login("editor")
    for model in MODELS:
        assert client.get(f"/admin/snippets/{model}/add/").status_code == 200, model
    project = ProjectFactory(title="Hebron e-portal", lead_municipality=hebron, category=category)
    response = client.post(
        f"/admin/snippets/projects_db/project/edit/{project.pk}/",
        {
            "title": "Hebron e-portal, second phase",
            "summary": project.summary,
            "description": '{"blocks": [], "entityMap": {}}',
            "language": "en",
            "lead_municipality": hebron.pk,
            "category": category.pk,
            "status": "live",
            "maintenance": "in_house",
            "start_date": "2022-03-01",
            "contact_name": "Contact Person",
            "contact_email": "contact@example.ps",
        },
    )
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.title == "Hebron e-portal, second phase"
    assert project.changes.filter(action="edited").exists()  # through the service, recorded in the history
    client.post(f"/admin/snippets/projects_db/project/delete/{project.pk}/")
    assert Project.objects.filter(pk=project.pk).exists()
