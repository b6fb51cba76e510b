"""Out-of-range filters and pages on the directory, its exports and the API: a clear message, never a 500."""

import pytest

from tests.projects_db.factories import ProjectFactory

pytestmark = pytest.mark.django_db

BAD_YEARS = ["0", "10000", "-75126", "2019.5"]


@pytest.fixture
def project(hebron, category):
    return ProjectFactory(title="Hebron e-payment", lead_municipality=hebron, category=category)


@pytest.mark.parametrize("year", BAD_YEARS)
def test_directory_explains_a_year_out_of_range_in_the_readers_language(client, project, year):
    response = client.get(f"/en/projects/?year={year}")
    assert response.status_code == 200
    assert "Year started: Enter a year between 1 and 9999." in response.content.decode()
    assert "Hebron e-payment" not in response.content.decode()
    arabic = client.get(f"/ar/projects/?year={year}").content.decode()
    assert "أدخل سنة بين 1 و9999." in arabic


@pytest.mark.parametrize("year", BAD_YEARS)
def test_exports_refuse_a_year_out_of_range_with_a_message(client, project, year):
    response = client.get(f"/en/projects/export.csv?year={year}")
    assert response.status_code == 400
    assert "Enter a year between 1 and 9999." in response.content.decode()
    response = client.get(f"/ar/projects/export.json?year={year}")
    assert response.status_code == 400
    assert response.json() == {"errors": ["سنة البدء: أدخل سنة بين 1 و9999."]}


def test_a_year_in_range_still_filters_the_exports(client, project):
    assert "Hebron e-payment" in client.get("/en/projects/export.csv?year=2022").content.decode("utf-8-sig")
    assert client.get("/en/projects/export.json?year=1999").json() == {"projects": []}


@pytest.mark.parametrize("query", ["year=0", "year=10000", "year=-75126", "page=39336786435368353792", "page=0"])
def test_api_answers_422_json_for_a_parameter_out_of_range(client, project, query):
    response = client.get(f"/api/v1/projects?{query}")
    assert response.status_code == 422
    assert response["Content-Type"] == "application/json; charset=utf-8"
    name = query.split("=")[0]
    assert [error["loc"][-1] for error in response.json()["detail"]] == [name]


@pytest.mark.parametrize("url", ["/api/v1/projects/no-such-project", "/api/v1/no-such-endpoint", "/api/v1/a/b/"])
def test_api_404_is_json(client, project, url):
    response = client.get(url)
    assert response.status_code == 404 and response.json() == {"detail": "Not Found"}


def test_another_method_gets_a_json_405_with_the_allowed_ones(client, project):
    response = client.post("/api/v1/projects", {"title": "x"})
    assert response.status_code == 405 and response["Allow"] == "GET"
    assert response.json() == {"detail": "Method Not Allowed"}


def test_an_unexpected_api_error_is_json_and_logged(client, project, monkeypatch, caplog):
    from projects_db import selectors

    def broken(**kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(selectors, "municipality_directory", broken)
    client.raise_request_exception = False
    response = client.get("/api/v1/municipalities")
    assert response.status_code == 500
    assert response.json() == {"detail": "Internal server error"}
    assert "the database went away" not in response.content.decode()
    assert "the database went away" in caplog.text


def test_openapi_declares_the_errors_the_api_gives(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert set(paths["/api/v1/projects/{slug}"]["get"]["responses"]) == {"200", "400", "404"}
    assert set(paths["/api/v1/municipalities/{slug}"]["get"]["responses"]) == {"200", "400", "404"}
    assert set(paths["/api/v1/projects"]["get"]["responses"]) == {"200", "400", "422"}
    assert set(paths["/api/v1/municipalities"]["get"]["responses"]) == {"200", "400", "422"}
