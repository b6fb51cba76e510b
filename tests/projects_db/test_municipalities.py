"""The portal directory and municipality pages: portals, governorates, published projects, steady queries."""

import pytest
from django.utils import timezone

from projects_db.models import Project
from tests.projects_db.factories import MunicipalityFactory, ProjectFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_visitor_sees_every_municipality_with_portal_and_published_project_count(client, hebron, nablus):
    ProjectFactory.create_batch(2, lead_municipality=hebron)
    ProjectFactory(lead_municipality=hebron, state=Project.State.DRAFT)
    response = client.get("/en/municipalities/")
    rows = {m.slug: m.published_count for m in response.context["page_obj"]}
    assert rows == {"hebron": 2, "nablus": 0}
    assert "https://hebron.example.ps/" in response.content.decode()
    only = client.get("/en/municipalities/?governorate=nablus-gov")
    assert [m.slug for m in only.context["page_obj"]] == ["nablus"]


def test_broken_portals_are_marked_for_editors_only(client, editor, hebron):
    hebron.portal_ok, hebron.portal_status, hebron.portal_checked_at = False, "HTTP 500", timezone.now()
    hebron.save()
    assert "Broken link" not in client.get("/en/municipalities/").content.decode()
    client.force_login(editor)
    assert "Broken link" in client.get("/en/municipalities/").content.decode()


def test_municipality_page_lists_its_projects_and_staff_count(client, hebron, nablus):
    UserFactory(municipality=hebron)
    lead = ProjectFactory(title="Hebron lead", lead_municipality=hebron)
    partner = ProjectFactory(title="Nablus with Hebron", lead_municipality=nablus)
    partner.partner_municipalities.add(hebron)
    ProjectFactory(title="Hebron draft", lead_municipality=hebron, state=Project.State.DRAFT)
    response = client.get("/en/municipalities/hebron/")
    assert [p.title for p in response.context["projects"]] == [partner.title, lead.title]
    assert response.context["municipality"].staff_count == 1
    assert client.get("/en/municipalities/nowhere/").status_code == 404


MUNICIPALITY_LIST_QUERIES = 3  # count, page of municipalities, governorates
MUNICIPALITY_PAGE_QUERIES = 5  # municipality + staff count, projects; cooperation panel: statuses, agreements, training


def test_municipality_pages_query_count_does_not_grow(client, django_assert_num_queries, hebron):
    ProjectFactory(lead_municipality=hebron)
    client.get("/en/municipalities/")
    with django_assert_num_queries(MUNICIPALITY_LIST_QUERIES):
        client.get("/en/municipalities/")
    with django_assert_num_queries(MUNICIPALITY_PAGE_QUERIES):
        client.get("/en/municipalities/hebron/")
    MunicipalityFactory.create_batch(10)
    ProjectFactory.create_batch(10, lead_municipality=hebron)
    with django_assert_num_queries(MUNICIPALITY_LIST_QUERIES):
        client.get("/en/municipalities/")
    with django_assert_num_queries(MUNICIPALITY_PAGE_QUERIES):
        client.get("/en/municipalities/hebron/")
