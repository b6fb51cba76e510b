"""Every write in the Wagtail admin goes through projects_db.services: afterwards the search results, the history
(ProjectChange and Wagtail's audit log) and the public pages agree with what the editor did."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation
from wagtail.models import ModelLogEntry

from hub import caching
from projects_db import services
from projects_db.models import Category, Organisation, Project
from search import selectors as search

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_user(db):
    return get_user_model().objects.create_superuser("root", "root@example.ps", "pass-1234-secret")


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


@pytest.fixture
def published(project_data):
    """Hebron's e-portal, published and indexed as the import command would leave it."""
    return services.project_import(data=project_data, state=Project.State.PUBLISHED)


def found(text: str) -> list:
    """What an anonymous reader finds in English."""
    return search.search(text=text, user=AnonymousUser(), language="en").hits


def history(instance) -> list[str]:
    return list(ModelLogEntry.objects.for_instance(instance).values_list("action", flat=True))


def test_deleting_a_project_in_the_admin_removes_its_result_and_page_and_logs_its_history(
    admin_client, admin_user, published, django_capture_on_commit_callbacks
):
    with translation.override("en"):
        url = published.get_absolute_url()
    assert [hit.url for hit in found("Hebron e-portal")] == [url]
    version = caching.version("projects")
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(f"/admin/snippets/projects_db/project/delete/{published.pk}/")
    assert response.status_code == 302
    assert not Project.objects.filter(pk=published.pk).exists()
    assert found("Hebron e-portal") == []
    assert admin_client.get(url).status_code == 404
    assert caching.version("projects") != version  # cached pages listing it are stale
    entry = ModelLogEntry.objects.get(action="wagtail.delete", object_id=str(published.pk))
    assert entry.user == admin_user and entry.deleted
    assert [action for _when, action, _by in entry.data["history"]] == ["imported"]


def test_a_ministry_editor_cannot_delete_a_project(client, editor, published):
    client.force_login(editor)
    response = client.post(f"/admin/snippets/projects_db/project/delete/{published.pk}/")
    assert response.status_code in (302, 403)
    assert Project.objects.filter(pk=published.pk).exists()
    with pytest.raises(PermissionDenied):
        services.project_delete(project=published, user=editor)
    assert found("Hebron e-portal")


def test_deleting_selected_projects_from_the_listing_goes_through_the_service(admin_client, published):
    response = admin_client.post(f"/admin/bulk/projects_db/project/delete/?id={published.pk}")
    assert response.status_code == 302
    assert not Project.objects.filter(pk=published.pk).exists()
    assert found("Hebron e-portal") == []
    assert ModelLogEntry.objects.filter(action="wagtail.delete", object_id=str(published.pk)).exists()


def test_copying_a_project_in_the_admin_makes_a_recorded_draft(admin_client, published, form_data):
    response = admin_client.post(
        f"/admin/snippets/projects_db/project/copy/{published.pk}/", {**form_data, "title": "Hebron e-portal copy"}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    copy = Project.objects.get(title="Hebron e-portal copy")
    assert copy.state == Project.State.DRAFT and copy.changes.get().action == "created"
    assert copy.slug != published.slug


def test_renaming_a_category_in_the_admin_renames_it_in_search_results_and_on_the_page(
    admin_client, admin_user, published, category
):
    data = {"name_ar": "المدفوعات الإلكترونية", "name_en": "Online payments", "slug": category.slug, "sort_order": 0}
    response = admin_client.post(f"/admin/snippets/projects_db/category/edit/{category.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    [hit] = found("Hebron e-portal")
    assert hit.category_name == "Online payments"
    with translation.override("ar"):
        [hit] = search.search(text="بوابة الخليل", user=AnonymousUser(), language="ar").hits
        assert hit.category_name == "المدفوعات الإلكترونية"
        assert "المدفوعات الإلكترونية" in admin_client.get(published.get_absolute_url()).content.decode()
    entry = ModelLogEntry.objects.for_instance(category).get(action="wagtail.edit")
    assert entry.user == admin_user
    assert entry.data["changed"]["name_en"] == ["E-payment", "Online payments"]


def test_a_category_with_projects_is_not_deleted(admin_client, published, category):
    admin_client.post(f"/admin/snippets/projects_db/category/delete/{category.pk}/")
    assert Category.objects.filter(pk=category.pk).exists()
    assert found("Hebron e-portal")
    with translation.override("en"), pytest.raises(ValidationError, match="move them to another category"):
        services.category_delete(user=get_user_model().objects.get(username="root"), category=category)


def test_a_category_added_in_the_admin_is_logged_and_offered_to_projects(admin_client):
    data = {"name_ar": "الذكاء الاصطناعي", "name_en": "Artificial intelligence", "slug": "ai", "sort_order": 20}
    response = admin_client.post("/admin/snippets/projects_db/category/add/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    category = Category.objects.get(slug="ai")
    assert history(category) == ["wagtail.create"]
    response = admin_client.post("/admin/snippets/projects_db/category/add/", {**data, "name_en": ""})
    assert response.status_code == 200 and Category.objects.filter(slug="ai").count() == 1


def test_renaming_an_organisation_in_the_admin_shows_on_the_project_page_and_in_its_history(
    admin_client, admin_user, published, funder
):
    data = {"name_ar": funder.name_ar, "name_en": "GIZ Palestine", "slug": funder.slug, "kind": "donor", "website": ""}
    response = admin_client.post(f"/admin/snippets/projects_db/organisation/edit/{funder.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    with translation.override("en"):
        assert "GIZ Palestine" in admin_client.get(published.get_absolute_url()).content.decode()
    assert found("Hebron e-portal")  # its documents do not carry funders' names: still found, unchanged
    assert ModelLogEntry.objects.for_instance(funder).get(action="wagtail.edit").user == admin_user


def test_deleting_an_organisation_in_the_admin_removes_it_from_its_projects(admin_client, published, funder):
    response = admin_client.post(f"/admin/snippets/projects_db/organisation/delete/{funder.pk}/")
    assert response.status_code == 302
    assert not Organisation.objects.filter(pk=funder.pk).exists()
    assert not published.funders.exists()
    assert ModelLogEntry.objects.filter(action="wagtail.delete", object_id=str(funder.pk)).exists()
    with translation.override("en"):
        assert "GIZ" not in admin_client.get(published.get_absolute_url()).content.decode()


def test_editors_may_rename_categories_but_members_may_not(editor, member, category):
    services.category_update(user=editor, category=category, data={"name_en": "Payments"})
    with pytest.raises(PermissionDenied):
        services.category_update(user=member, category=category, data={"name_en": "Nope"})
    category.refresh_from_db()
    assert category.name_en == "Payments"


def test_a_nominated_project_is_not_deleted_and_stays_found(admin_client, admin_user, published):
    from tests.cooperation.factories import NominationFactory

    NominationFactory(project=published)
    admin_client.post(f"/admin/snippets/projects_db/project/delete/{published.pk}/")
    assert Project.objects.filter(pk=published.pk).exists()
    assert found("Hebron e-portal")
    with translation.override("en"), pytest.raises(ValidationError, match="an award nomination refers to it"):
        services.project_delete(project=published, user=admin_user)
    assert not ModelLogEntry.objects.filter(action="wagtail.delete").exists()


def test_renaming_a_category_in_the_admin_renames_it_on_the_search_results_of_its_stories(
    admin_client, home_pages, category
):
    from hub import services as hub_services
    from tests.hub.factories import make_story

    sections = hub_services.cms_ensure_sections(home=home_pages["ar"])
    make_story(sections["stories"]["ar"], title="قصة الدفع عبر الإنترنت", category=category)
    data = {"name_ar": "المدفوعات الإلكترونية", "name_en": "Online payments", "slug": category.slug, "sort_order": 0}
    response = admin_client.post(f"/admin/snippets/projects_db/category/edit/{category.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    [hit] = search.search(text="قصة الدفع", user=AnonymousUser(), language="ar").hits
    assert hit.source_type == "story" and hit.category_name == "المدفوعات الإلكترونية"


def test_a_category_used_by_a_story_is_not_deleted(admin_user, home_pages, category):
    from hub import services as hub_services
    from tests.hub.factories import make_story

    sections = hub_services.cms_ensure_sections(home=home_pages["ar"])
    make_story(sections["stories"]["ar"], title="قصة", category=category)
    with translation.override("en"), pytest.raises(ValidationError, match="used by success stories"):
        services.category_delete(user=admin_user, category=category)
    assert Category.objects.filter(pk=category.pk).exists()


@pytest.mark.parametrize(
    "app_label, model_name",
    [
        ("projects_db", "project"),
        ("projects_db", "category"),
        ("projects_db", "organisation"),
        ("cooperation", "awardedition"),
        ("cooperation", "recommendation"),
        ("cooperation", "responsiblebody"),
        ("cooperation", "agreement"),
    ],
)
def test_delete_selected_is_the_service_backed_action_of_every_service_backed_snippet(app_label, model_name):
    from wagtail.admin.views.bulk_action.registry import bulk_action_registry

    from hub.snippet_views import ServiceDeleteBulkAction

    assert bulk_action_registry.get_bulk_action_class(app_label, model_name, "delete") is ServiceDeleteBulkAction
