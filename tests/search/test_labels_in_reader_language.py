"""Facet values, result places and type labels are shown in the reader's language, whichever language the
matching documents were written in."""

import pytest

from search import services
from tests.projects_db.factories import CategoryFactory, GovernorateFactory, MunicipalityFactory, ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def projects(db):
    nablus = MunicipalityFactory(
        slug="nablus",
        name_en="Nablus",
        name_ar="نابلس",
        governorate=GovernorateFactory(slug="nablus-gov", name_en="Nablus Governorate", name_ar="محافظة نابلس"),
    )
    bethlehem = MunicipalityFactory(
        slug="bethlehem",
        name_en="Bethlehem",
        name_ar="بيت لحم",
        governorate=GovernorateFactory(slug="bethlehem-gov", name_en="Bethlehem Governorate", name_ar="محافظة بيت لحم"),
    )
    payment = CategoryFactory(slug="e-payment", name_en="E-payment", name_ar="الدفع الإلكتروني")
    written = [
        # written in Arabic only: its document carries the Arabic names
        ProjectFactory(
            title="بوابة الجباية GIS", summary="جباية", language="ar", lead_municipality=nablus, category=payment
        ),
        # written in English only: its document carries the English names
        ProjectFactory(title="Billing portal GIS", language="en", lead_municipality=bethlehem, category=payment),
    ]
    for project in written:
        services.index_instance(source_type="project", instance=project)
    return written


def facet_labels(response, name):
    return sorted(v["value"].label for g in response.context["facets"] if g["name"] == name for v in g["values"])


def test_the_english_page_names_every_place_and_category_in_english(client, projects):
    response = client.get("/en/search/", {"q": "GIS"})
    assert facet_labels(response, "municipality") == ["Bethlehem", "Nablus"]
    assert facet_labels(response, "governorate") == ["Bethlehem Governorate", "Nablus Governorate"]
    assert facet_labels(response, "category") == ["E-payment"]
    assert facet_labels(response, "type") == ["Project"]
    assert sorted(row["hit"].municipality_name for row in response.context["hits"]) == ["Bethlehem", "Nablus"]
    html = response.content.decode()
    assert "نابلس" not in html and "بيت لحم" not in html


def test_the_arabic_page_names_them_in_arabic(client, projects):
    response = client.get("/ar/search/", {"q": "GIS"})
    assert facet_labels(response, "municipality") == sorted(["نابلس", "بيت لحم"])
    assert facet_labels(response, "governorate") == sorted(["محافظة نابلس", "محافظة بيت لحم"])
    assert facet_labels(response, "category") == ["الدفع الإلكتروني"]
    assert facet_labels(response, "type") == ["المشروع"]
    assert sorted(row["hit"].municipality_name for row in response.context["hits"]) == sorted(["نابلس", "بيت لحم"])
    assert {row["type_label"] for row in response.context["hits"]} == {"المشروع"}


def test_every_page_type_has_a_label_in_both_languages(client):
    from django.utils import translation

    from search import registry

    for language in ("en", "ar"):
        with translation.override(language):
            labels = {a.source_type: str(a.label) for a in registry.all_adapters()}
        assert set(labels) >= {"story", "event", "news", "practice", "page", "project", "forum_post"}
        if language == "en":
            assert labels["event"] == "Event" and labels["story"] == "Success story"
        else:
            assert all(not label.isascii() for label in labels.values()), labels


def test_a_category_shared_by_a_story_and_a_project_is_one_facet_value(client, projects, home_pages):
    from hub import services as hub_services
    from projects_db.models import Category
    from tests.hub.factories import make_story

    sections = hub_services.cms_ensure_sections(home=home_pages["ar"])
    make_story(sections["stories"]["ar"], title="قصة GIS", category=Category.objects.get(slug="e-payment"))
    response = client.get("/en/search/", {"q": "GIS"})
    categories = [v["value"] for g in response.context["facets"] if g["name"] == "category" for v in g["values"]]
    assert [(c.value, c.label, c.count) for c in categories] == [("e-payment", "E-payment", 3)]
    assert facet_labels(response, "type") == ["Project", "Success story"]
