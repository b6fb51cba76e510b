"""The public project directory: filters in the URL, counts next to each value, sort, pagination, steady queries."""

import datetime

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


def _titles(response):
    return [p.title for p in response.context["page_obj"]]


def test_visitor_filters_by_governorate_category_status_funder_year_and_outcomes(
    client, hebron, nablus, category, funder
):
    gis = CategoryFactory(slug="gis", name_en="GIS and planning")
    match = ProjectFactory(title="Hebron e-payment", lead_municipality=hebron, category=category)
    match.funders.add(funder)
    OutcomeFactory(project=match)
    ProjectFactory(title="Hebron GIS", lead_municipality=hebron, category=gis)
    ProjectFactory(
        title="Nablus e-payment", lead_municipality=nablus, category=category, start_date=datetime.date(2019, 1, 1)
    )
    ProjectFactory(title="Hebron draft", lead_municipality=hebron, category=category, state=Project.State.DRAFT)

    assert _titles(client.get("/en/projects/?governorate=hebron-gov")) == ["Hebron GIS", "Hebron e-payment"]
    assert _titles(client.get("/en/projects/?governorate=hebron-gov&category=e-payment")) == ["Hebron e-payment"]
    assert _titles(client.get("/en/projects/?funder=giz")) == ["Hebron e-payment"]
    assert _titles(client.get("/en/projects/?year=2019")) == ["Nablus e-payment"]
    assert _titles(client.get("/en/projects/?has_outcomes=true")) == ["Hebron e-payment"]
    assert _titles(client.get("/en/projects/?status=idea")) == []
    assert _titles(client.get("/en/projects/?sort=title")) == ["Hebron e-payment", "Hebron GIS", "Nablus e-payment"]


def test_each_filter_value_shows_how_many_projects_it_would_give(client, hebron, nablus, category):
    ProjectFactory(lead_municipality=hebron, category=category)
    ProjectFactory(lead_municipality=hebron, category=CategoryFactory(slug="gis", name_en="GIS"))
    ProjectFactory(lead_municipality=nablus, category=category)
    response = client.get("/en/projects/?category=e-payment")
    facets = {f["name"]: {value: count for value, _label, count in f["options"]} for f in response.context["facets"]}
    assert facets["governorate"] == {"hebron-gov": 1, "nablus-gov": 1}  # within the chosen category
    assert facets["category"]["e-payment"] == 2 and facets["category"]["gis"] == 1  # other categories still counted
    assert 'value="hebron-gov"' in response.content.decode()
    assert "Hebron (1)" in response.content.decode()


def test_directory_pages_twenty_at_a_time_and_keeps_the_filters_in_the_links(client, hebron, category):
    for n in range(25):
        ProjectFactory(title=f"P{n:02d}", lead_municipality=hebron, category=category)
    response = client.get("/en/projects/?category=e-payment&sort=title")
    assert len(response.context["page_obj"]) == 20
    assert "category=e-payment&amp;sort=title&amp;page=2" in response.content.decode()
    assert _titles(client.get("/en/projects/?category=e-payment&sort=title&page=2"))[0] == "P20"


def test_an_unknown_filter_value_gives_an_empty_list_not_an_error(client, hebron):
    ProjectFactory(lead_municipality=hebron)
    response = client.get("/en/projects/?status=nonsense&year=abc&page=999")
    assert response.status_code == 200
    assert _titles(response) == []


def _many(n, hebron, category, funder):
    for _ in range(n):
        project = ProjectFactory(lead_municipality=hebron, category=category)
        project.funders.add(funder)
        project.partner_municipalities.add(MunicipalityFactory())
        OutcomeFactory(project=project)


# 7 facet counts, result count, governorates, municipalities, categories, funders, the page of projects
DIRECTORY_QUERIES = 13


def test_directory_query_count_does_not_grow_with_projects(client, django_assert_num_queries, hebron, category, funder):
    _many(2, hebron, category, funder)
    client.get("/en/projects/")  # warm-up
    with django_assert_num_queries(DIRECTORY_QUERIES):
        client.get("/en/projects/?governorate=hebron-gov")
    _many(20, hebron, category, funder)
    OrganisationFactory()
    with django_assert_num_queries(DIRECTORY_QUERIES):
        client.get("/en/projects/?governorate=hebron-gov")


def test_exports_and_feed_query_count_does_not_grow(client, django_assert_num_queries, hebron, category, funder):
    _many(2, hebron, category, funder)
    counts = {}
    client.get("/en/projects/")
    for url in ("/en/projects/export.csv", "/en/projects/export.json", "/en/projects/feed/"):
        with django_assert_num_queries(1):  # the projects
            client.get(url)
    _many(10, hebron, category, funder)
    for url in ("/en/projects/export.csv", "/en/projects/export.json", "/en/projects/feed/"):
        with django_assert_num_queries(1):  # the projects
            counts[url] = client.get(url)
    assert counts["/en/projects/export.csv"].content.decode().count("\n") == 13
    assert len(counts["/en/projects/export.json"].json()["projects"]) == 12
    assert counts["/en/projects/feed/"].content.decode().count("<entry>") == 12


def test_csv_export_follows_the_filters_and_defuses_formulas(client, hebron, nablus, category):
    ProjectFactory(title="=HYPERLINK(1)", lead_municipality=hebron, category=category)
    ProjectFactory(title="Nablus one", lead_municipality=nablus, category=category)
    body = client.get("/en/projects/export.csv?governorate=hebron-gov").content.decode("utf-8-sig")
    assert "'=HYPERLINK(1)" in body
    assert "Nablus one" not in body
