"""Anonymous views of the project directory (with its filters), project pages, the municipal portal directory and
municipality pages, the projects feed and the public API come from the cache with no query, and the services that
change what they show make them committed."""

import datetime
import json
from urllib.parse import quote

import pytest
from django.utils import translation

from hub.cooperation import services as cooperation
from hub.places import services as places
from projects_db import services
from projects_db.models import Project
from tests.projects_db.factories import MunicipalityFactory, project_url

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]


def urls(project) -> list[str]:
    return [
        "/ar/projects/",
        "/en/projects/?category=e-payment&sort=title",
        "/ar/projects/?governorate=hebron-gov&year=2021&page=1",
        project_url(project),
        "/ar/municipalities/",
        "/ar/municipalities/?governorate=hebron-gov",
        "/ar/municipalities/hebron/",
        "/ar/projects/feed/",
        "/api/v1/projects",
        "/api/v1/projects?category=e-payment&page_size=5",
        f"/api/v1/projects/{quote(project.slug)}",
        "/api/v1/municipalities?governorate=hebron-gov",
        "/api/v1/municipalities/hebron",
        "/api/v1/categories",
    ]


def test_every_page_is_served_again_from_the_cache_without_a_query(client, published, django_assert_num_queries):
    for url in urls(published):
        first = client.get(url)
        assert first.status_code == 200, url
        assert first["X-Hub-Cache"] == "miss", url
        with django_assert_num_queries(0):
            second = client.get(url)
        assert second["X-Hub-Cache"] == "hit", url
        assert second.content == first.content, url


def test_an_editors_change_to_a_published_project_shows_everywhere(client, published, editor, committed):
    for url in urls(published):
        client.get(url)
    committed(services.project_update, project=published, user=editor, data={"title": "بوابة الخليل الجديدة"})
    for url in ("/ar/projects/", project_url(published), "/ar/municipalities/hebron/", "/ar/projects/feed/"):
        assert "بوابة الخليل الجديدة" in client.get(url).content.decode(), url
    assert [p["title"] for p in json.loads(client.get("/api/v1/projects").content)["items"]] == ["بوابة الخليل الجديدة"]


def test_a_newly_published_project_enters_the_directory_and_the_api(client, published, project_data, committed):
    client.get("/ar/projects/")
    client.get("/api/v1/projects")
    committed(services.project_import, data={**project_data, "title": "مشروع ثان"}, state=Project.State.PUBLISHED)
    assert "مشروع ثان" in client.get("/ar/projects/").content.decode()
    assert len(json.loads(client.get("/api/v1/projects").content)["items"]) == 2


def test_a_deleted_project_is_gone_from_its_page_and_the_directory(client, published, committed, django_user_model):
    url = project_url(published)
    client.get(url)
    client.get("/ar/projects/")
    admin = django_user_model.objects.create_superuser("root", "root@example.ps", "x")
    committed(services.project_delete, project=published, user=admin)
    assert client.get(url).status_code == 404
    assert published.title not in client.get("/ar/projects/").content.decode()


def test_a_renamed_municipality_is_renamed_on_every_page(client, published, hebron, committed):
    for url in urls(published):
        client.get(url)
    committed(places.municipality_update, municipality=hebron, user=None, data={"name_ar": "الخليل الكبرى"})
    for url in ("/ar/municipalities/", "/ar/municipalities/hebron/", project_url(published), "/ar/projects/"):
        assert "الخليل الكبرى" in client.get(url).content.decode(), url
    assert json.loads(client.get("/api/v1/municipalities/hebron").content)["name_ar"] == "الخليل الكبرى"


def test_a_new_municipality_enters_the_portal_directory(client, hebron, committed):
    client.get("/ar/municipalities/")
    data = {"name_ar": "بيت لحم", "name_en": "Bethlehem", "slug": "bethlehem", "governorate": hebron.governorate}
    committed(places.municipality_create, user=None, data=data)
    assert "بيت لحم" in client.get("/ar/municipalities/").content.decode()


def test_a_new_twinning_shows_on_the_municipality_page(client, published, hebron, editor, committed):
    client.get("/ar/municipalities/hebron/")
    karak = MunicipalityFactory(slug="karak", name_ar="الكرك", is_partner=True)
    committed(cooperation.agreement_create, user=editor, kind="twinning", title_ar="توأمة الخليل والكرك",
          title_en="Hebron–Karak twinning", signed_on=datetime.date(2013, 4, 20), parties=[hebron, karak])  # fmt: skip
    assert "توأمة الخليل والكرك" in client.get("/ar/municipalities/hebron/").content.decode()


def test_a_new_category_enters_the_api_list(client, editor, committed):
    client.get("/api/v1/categories")
    committed(services.category_create, user=editor, data={"slug": "gis", "name_ar": "نظم المعلومات", "name_en": "GIS"})
    assert "gis" in [c["slug"] for c in json.loads(client.get("/api/v1/categories").content)]


def test_only_the_parameters_a_page_reads_are_in_its_key(client, published):
    assert client.get("/ar/projects/?utm_source=mail&gclid=1")["X-Hub-Cache"] == "miss"
    assert client.get("/ar/projects/")["X-Hub-Cache"] == "hit"
    page = client.get("/ar/projects/?category=e-payment&utm_source=mail")
    assert page["X-Hub-Cache"] == "miss" and "utm_source" not in page.content.decode()
    assert client.get("/ar/projects/?utm_medium=x&category=e-payment")["X-Hub-Cache"] == "hit"
    assert client.get("/ar/projects/?category=other")["X-Hub-Cache"] == "miss"
    assert client.get("/api/v1/projects?utm_source=x")["X-Hub-Cache"] == "miss"
    assert client.get("/api/v1/projects")["X-Hub-Cache"] == "hit"
    assert client.get("/api/v1/projects?page_size=1")["X-Hub-Cache"] == "miss"


def test_bad_filters_are_answered_but_errors_never_cached(client, published):
    for _ in range(2):
        response = client.get("/api/v1/projects?year=0")
        assert response.status_code == 422 and "X-Hub-Cache" not in response


def test_signed_in_readers_get_their_own_page(client, published, staff_hebron):
    """Never the anonymous copy (tests/projects_db/test_signed_in_cache.py: their own copies)."""
    from django.conf import settings
    from django.utils.crypto import get_random_string

    url = project_url(published)
    client.get(url)
    assert "it@hebron.example.ps" not in client.get(url).content.decode()
    client.force_login(staff_hebron)
    client.cookies[settings.CSRF_COOKIE_NAME] = get_random_string(32)
    response = client.get(url)
    assert response["X-Hub-Cache"] == "miss"
    assert "it@hebron.example.ps" in response.content.decode()  # the contact, shown to signed-in readers only


def test_english_and_arabic_are_cached_apart(client, published):
    with translation.override("en"):
        english = client.get("/en/municipalities/hebron/").content.decode()
    assert "Hebron" in english
    assert client.get("/ar/municipalities/hebron/")["X-Hub-Cache"] == "miss"
