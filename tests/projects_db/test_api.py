"""The public JSON API: only published data, filters, pagination, an OpenAPI description, steady queries."""

import pytest

from projects_db.models import Project
from tests.projects_db.factories import (
    CategoryFactory,
    MunicipalityFactory,
    OrganisationFactory,
    OutcomeFactory,
    ProjectFactory,
)

pytestmark = pytest.mark.django_db


def test_api_lists_published_projects_with_filters_and_pages(client, hebron, nablus, category):
    ProjectFactory.create_batch(3, lead_municipality=hebron, category=category)
    ProjectFactory(lead_municipality=nablus, category=category)
    ProjectFactory(lead_municipality=hebron, state=Project.State.SUBMITTED)
    data = client.get("/api/v1/projects?governorate=hebron-gov&page_size=2").json()
    assert data["count"] == 3 and len(data["items"]) == 2
    assert data["items"][0]["municipality"] == "hebron"
    assert client.get("/api/v1/projects").json()["count"] == 4


def test_api_project_detail_has_outcomes_and_reuse(client, hebron):
    project = ProjectFactory(lead_municipality=hebron, contact_email="secret@hebron.example.ps")
    OutcomeFactory(project=project)
    reuse = ProjectFactory(based_on=project)
    data = client.get(f"/api/v1/projects/{project.slug}").json()
    assert data["outcomes"] == [{"label": "share of bills paid online", "value": "34.00", "unit": "%"}]
    assert data["reused_by"] == [reuse.slug]
    assert "secret@hebron.example.ps" not in str(data)  # contact people are for signed-in users of the site


def test_api_municipalities_and_categories(client, hebron, nablus, category):
    ProjectFactory(lead_municipality=hebron, category=category)
    data = client.get("/api/v1/municipalities?governorate=hebron-gov").json()
    assert [(m["slug"], m["published_projects"]) for m in data["items"]] == [("hebron", 1)]
    assert client.get("/api/v1/municipalities/nablus").json()["published_projects"] == 0
    assert client.get("/api/v1/municipalities/nowhere").status_code == 404
    assert [c["slug"] for c in client.get("/api/v1/categories").json()] == ["e-payment"]


def test_openapi_description_lists_every_endpoint(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert set(schema["paths"]) >= {
        "/api/v1/projects",
        "/api/v1/projects/{slug}",
        "/api/v1/municipalities",
        "/api/v1/municipalities/{slug}",
        "/api/v1/categories",
    }


def _grow(n, hebron, category):
    for _ in range(n):
        project = ProjectFactory(lead_municipality=hebron, category=category)
        project.funders.add(OrganisationFactory())
        project.partner_municipalities.add(MunicipalityFactory())
        OutcomeFactory(project=project)
        ProjectFactory(based_on=project, category=CategoryFactory())


API_QUERIES = {
    "/api/v1/projects": 2,  # count, page
    "/api/v1/projects/{slug}": 8,  # project, 7 prefetches
    "/api/v1/municipalities": 2,  # count, page
    "/api/v1/municipalities/hebron": 1,
    "/api/v1/categories": 1,
}


def test_api_query_counts_do_not_grow(client, django_assert_num_queries, hebron, category):
    _grow(1, hebron, category)
    slug = Project.objects.filter(based_on=None).first().slug
    client.get("/api/v1/categories")  # warm-up
    for size in (1, 10):
        if size == 10:
            _grow(9, hebron, category)
        for url, queries in API_QUERIES.items():
            with django_assert_num_queries(queries):
                assert client.get(url.replace("{slug}", slug)).status_code == 200
