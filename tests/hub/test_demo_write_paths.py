"""The demo loaders write through the apps' services, like the admin: after `load_demo_data`, the search documents,
the history (Wagtail's audit log, the projects' own history) and the pages agree, and a second load adds nothing.

The demo is loaded once for the module, without the loader's last step (search.demo, a full rebuild of the search
index): the documents checked here are the ones the services wrote as each object was saved.
"""

import io
import os
from importlib import import_module

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from wagtail.models import ModelLogEntry, Page, PageLogEntry

from hub.cooperation.models import Agreement, AwardEdition, Nomination, Recommendation, ResponsibleBody
from hub.management.commands.load_demo_data import STEPS
from hub.places import services as places_services
from hub.places.models import Governorate, Municipality
from projects_db import demo_places
from projects_db.models import Category, Organisation, Project
from search.models import SearchDocument
from tests.projects_db.factories import UserFactory

REBUILD_STEP = "search.demo:load"


@pytest.fixture(scope="module")
def demo(module_transaction, django_db_blocker):
    """Every step of load_demo_data but the final rebuild of the search index, loaded once for the module inside its
    transaction (tests/conftest.py, `module_transaction`)."""
    assert STEPS[-1] == REBUILD_STEP
    previous = os.environ.get("DEMO_PASSWORD")
    os.environ["DEMO_PASSWORD"] = "demo-write-path-tests"  # the published default is refused with DEBUG off
    assert module_transaction, "this module has no transactional test"
    with django_db_blocker.unblock():
        for step in STEPS[:-1]:
            module, function = step.split(":")
            getattr(import_module(module), function)(stdout=io.StringIO())
    yield
    if previous is None:
        os.environ.pop("DEMO_PASSWORD", None)
    else:
        os.environ["DEMO_PASSWORD"] = previous


def _actions(model, *, action: str) -> set[str]:
    """The ids of `model`'s objects that have an `action` entry in Wagtail's audit log."""
    entries = ModelLogEntry.objects.filter(content_type=ContentType.objects.get_for_model(model), action=action)
    return set(entries.values_list("object_id", flat=True))


def _ids(model) -> set[str]:
    return {str(pk) for pk in model.objects.values_list("pk", flat=True)}


def _documents(source_type: str, source_id) -> dict[str, SearchDocument]:
    rows = SearchDocument.objects.filter(source_type=source_type, source_id=str(source_id), is_deleted=False)
    return {document.language: document for document in rows}


def test_every_demo_object_has_its_created_entry_in_the_audit_log(demo, db):
    for model in (Governorate, Municipality, Category, Organisation, ResponsibleBody, Recommendation, Agreement):
        ids = _ids(model)
        assert ids, model
        assert ids <= _actions(model, action="wagtail.create"), model.__name__
    assert _ids(AwardEdition) <= _actions(AwardEdition, action="wagtail.create")
    # The demo nominations passed the award's rules: a published, live project of the nominating municipality.
    nominations = Nomination.objects.select_related("project")
    assert nominations.count() == 5
    assert all(n.project.is_published and n.project.lead_municipality_id == n.municipality_id for n in nominations)
    # Every page was created and published through Wagtail's page API, which records both.
    pages = Page.objects.filter(depth__gt=1)
    assert pages.count() > 40 and not pages.filter(live=False).exists()
    created = set(PageLogEntry.objects.filter(action="wagtail.create").values_list("page_id", flat=True))
    published = set(PageLogEntry.objects.filter(action="wagtail.publish").values_list("page_id", flat=True))
    assert set(pages.values_list("pk", flat=True)) <= created & published


def test_every_demo_project_has_its_history_and_its_search_documents_name_its_place(demo, db):
    projects = Project.objects.select_related("lead_municipality__governorate")
    assert projects.count() >= 30
    for project in projects:
        history = list(project.changes.order_by("created_at", "id").values_list("action", flat=True))
        assert history[0] == "imported", project.slug
        assert {str(project.pk)} <= _actions(Project, action="projects.imported")
        documents = _documents("project", project.pk)
        if not project.is_published:
            assert not documents, project.slug
            continue
        assert "ar" in documents or "en" in documents, project.slug
        municipality, governorate = project.lead_municipality, project.lead_municipality.governorate
        for language, document in documents.items():
            assert document.municipality == municipality.slug
            assert document.municipality_name == getattr(municipality, f"name_{language}")
            assert document.governorate_name == getattr(governorate, f"name_{language}")
            assert document.category_name == getattr(project.category, f"name_{language}")
    # The demo submission waits for the editors with its step in the history, like any submission.
    submitted = Project.objects.get(state="submitted")
    assert list(submitted.changes.order_by("created_at", "id").values_list("action", flat=True)) == [
        "imported",
        "submitted",
    ]
    assert {str(submitted.pk)} <= _actions(Project, action="projects.submitted")


def test_a_search_result_of_a_demo_project_opens_its_page(demo, db, client):
    documents = SearchDocument.objects.filter(source_type="project", is_deleted=False).order_by("url")
    assert documents.count() >= 30
    for document in documents:
        response = client.get(document.url)
        assert response.status_code == 200, document.url
        assert document.title in response.content.decode()


def test_a_place_renamed_in_the_admin_gets_its_demo_name_back_on_its_projects_stories_and_history(demo, db):
    hebron = Municipality.objects.get(slug="hebron")
    editor = UserFactory(username="demo-test-editor", editor=True)
    places_services.municipality_update(municipality=hebron, user=editor, data={"name_en": "Hebron (renamed)"})
    led_by_hebron = Project.objects.published().filter(lead_municipality=hebron)
    ids = [str(pk) for pk in led_by_hebron.values_list("pk", flat=True)]
    english = SearchDocument.objects.filter(source_type="project", source_id__in=ids, language="en")
    stories = SearchDocument.objects.filter(source_type="story", municipality="hebron", language="en")
    for documents in (english, stories):
        assert documents.exists() and set(documents.values_list("municipality_name", flat=True)) == {"Hebron (renamed)"}
    edits_before = ModelLogEntry.objects.filter(action="wagtail.edit").count()

    demo_places.load()

    assert Municipality.objects.get(slug="hebron").name_en == "Hebron"
    for documents in (english, stories):
        assert set(documents.values_list("municipality_name", flat=True)) == {"Hebron"}
    # One edit, by the operator (no user), is the only history the reload wrote.
    edits = ModelLogEntry.objects.filter(action="wagtail.edit").order_by("-pk")
    assert edits.count() == edits_before + 1
    assert (edits[0].object_id, edits[0].user_id) == (str(hebron.pk), None)


def _row_counts() -> dict[str, int]:
    return {model._meta.label: model.objects.count() for model in apps.get_models() if not model._meta.proxy}


def test_a_second_load_adds_no_row_anywhere(demo, db):
    before = _row_counts()
    call_command("load_demo_data", stdout=io.StringIO())  # every step, the search rebuild too
    after = _row_counts()
    assert {label: (before[label], after[label]) for label in before if before[label] != after[label]} == {}
