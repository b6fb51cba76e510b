"""Demo projects: 30+ realistic projects across categories, statuses and both languages; loading twice is harmless."""

import pytest

from projects_db import demo_projects
from projects_db.models import Project
from search.models import SearchDocument
from tests.projects_db.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db


def _places():
    slugs = {p["lead"] for p in demo_projects.PROJECTS} | {
        s for p in demo_projects.PROJECTS for s in p.get("partners", [])
    }
    for slug in slugs:
        MunicipalityFactory(slug=slug)


def test_demo_projects_cover_categories_statuses_languages_and_the_hebron_karak_twinning():
    _places()
    assert demo_projects.load() == len(demo_projects.PROJECTS) >= 30
    published = Project.objects.published()
    assert published.values("category").distinct().count() == len(demo_projects.CATEGORIES)
    assert set(Project.objects.values_list("status", flat=True)) == set(Project.Status.values)
    assert set(Project.objects.values_list("language", flat=True)) == {"ar", "en"}
    karak = Project.objects.get(slug="karak-e-portal")
    assert karak.based_on.slug == "hebron-e-portal"
    assert karak.partner_municipalities.filter(slug="hebron").exists()
    assert SearchDocument.objects.filter(source_type="project").count() > published.count()
    assert Project.objects.filter(state="draft").exists() and Project.objects.filter(state="submitted").exists()


def test_loading_twice_creates_nothing_new_and_missing_municipalities_are_skipped():
    MunicipalityFactory(slug="hebron")
    first = demo_projects.load()
    assert first == sum(1 for p in demo_projects.PROJECTS if p["lead"] == "hebron")
    assert demo_projects.load() == 0
