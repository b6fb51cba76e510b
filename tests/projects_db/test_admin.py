"""Wagtail admin: editors list, filter and search projects and places; saving goes through the same services."""

import pytest
from django.contrib.auth import get_user_model

from projects_db.models import Project
from tests.projects_db.factories import ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("root", "root@example.ps", "pass-1234-secret")
    client.force_login(user)
    return client


def test_editor_lists_filters_and_searches_projects_and_places(admin_client, hebron, nablus):
    ProjectFactory(title="Hebron e-portal", lead_municipality=hebron)
    ProjectFactory(title="Nablus billing", lead_municipality=nablus, state=Project.State.SUBMITTED)
    body = admin_client.get("/admin/snippets/projects_db/project/?state=submitted").content.decode()
    assert "Nablus billing" in body and "Hebron e-portal" not in body
    body = admin_client.get("/admin/snippets/projects_db/project/?q=portal").content.decode()
    assert "Hebron e-portal" in body and "Nablus billing" not in body
    for model in ("projects_db/category", "projects_db/organisation", "places/municipality", "places/governorate"):
        assert admin_client.get(f"/admin/snippets/{model}/").status_code == 200


def test_saving_in_the_admin_goes_through_the_service_and_is_recorded(admin_client, hebron, category):
    project = ProjectFactory(title="Hebron e-portal", lead_municipality=hebron, category=category)
    data = {
        "title": "Hebron e-portal, second phase",
        "summary": project.summary,
        "description": '{"blocks": [], "entityMap": {}}',  # Draftail's empty content
        "language": "en",
        "lead_municipality": hebron.pk,
        "category": category.pk,
        "status": "live",
        "maintenance": "in_house",
        "start_date": "2022-03-01",
        "end_date": "2021-01-01",
    }
    response = admin_client.post(f"/admin/snippets/projects_db/project/edit/{project.pk}/", data)
    assert response.status_code == 200  # end before start: refused
    project.refresh_from_db()
    assert project.title == "Hebron e-portal"
    data["end_date"] = ""
    response = admin_client.post(f"/admin/snippets/projects_db/project/edit/{project.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    project.refresh_from_db()
    assert project.title == "Hebron e-portal, second phase"
    assert project.changes.get().diff["title"] == ["Hebron e-portal", "Hebron e-portal, second phase"]
