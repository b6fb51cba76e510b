"""Places in the Wagtail admin: governorates and municipalities are written through hub.places.services, so a rename
reaches every search document that shows the name, the history records it, and refusals change nothing."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import ModelLogEntry

from hub.places.models import Governorate, Municipality
from search.models import SearchDocument
from search.services import index_instance
from tests.hub.factories import make_story
from tests.projects_db.factories import MunicipalityFactory, ProjectFactory, UserFactory

pytestmark = pytest.mark.django_db

EDIT = "/admin/snippets/places/municipality/edit/{}/"


def _form(municipality, **changes):
    data = {
        "name_ar": municipality.name_ar,
        "name_en": municipality.name_en,
        "slug": municipality.slug,
        "governorate": municipality.governorate_id,
        "kind": municipality.kind,
        "portal_url": municipality.portal_url,
        "population": "",
        "latitude": "",
        "longitude": "",
    }
    return data | changes


def _indexed_project(title, municipality):
    project = ProjectFactory(title=title, lead_municipality=municipality, language="en")
    index_instance(source_type="project", instance=project)
    return project


def _documents(source_type):
    return SearchDocument.objects.filter(source_type=source_type)


@pytest.fixture
def editor_client(client):
    client.force_login(UserFactory(username="editor", editor=True))
    return client


def test_renaming_hebron_in_the_admin_renames_it_on_its_projects_and_stories_in_search(
    editor_client, hebron, nablus, sections
):
    _indexed_project("Hebron e-portal", hebron)
    _indexed_project("Nablus billing", nablus)
    make_story(sections["stories"]["en"], municipality=hebron, title="Hebron goes paperless")
    assert set(_documents("project").values_list("municipality_name", flat=True)) == {"Hebron", "Nablus"}

    response = editor_client.post(EDIT.format(hebron.pk), _form(hebron, name_en="Al-Khalil", name_ar="الخليل الجديدة"))

    assert response.status_code == 302
    hebron.refresh_from_db()
    assert hebron.name_en == "Al-Khalil"
    names = dict(_documents("project").values_list("title", "municipality_name"))
    assert names == {"Hebron e-portal": "Al-Khalil", "Nablus billing": "Nablus"}
    assert _documents("story").get().municipality_name == "Al-Khalil"
    entry = ModelLogEntry.objects.get(object_id=str(hebron.pk), action="wagtail.edit")
    assert entry.user.username == "editor"


def test_renaming_a_governorate_in_the_admin_renames_it_on_the_projects_that_lie_in_it(editor_client, hebron):
    _indexed_project("Hebron e-portal", hebron)
    governorate = hebron.governorate
    response = editor_client.post(
        f"/admin/snippets/places/governorate/edit/{governorate.pk}/",
        {"name_ar": "محافظة الخليل", "name_en": "Hebron Governorate", "slug": governorate.slug, "country": "PS"},
    )
    assert response.status_code == 302
    assert _documents("project").get().governorate_name == "Hebron Governorate"


def test_a_taken_address_is_refused_with_a_message_and_nothing_changes(editor_client, hebron, nablus):
    _indexed_project("Hebron e-portal", hebron)
    response = editor_client.post(EDIT.format(hebron.pk), _form(hebron, slug="nablus", name_en="Renamed"))
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["slug"]
    hebron.refresh_from_db()
    assert (hebron.slug, hebron.name_en) == ("hebron", "Hebron")
    assert _documents("project").get().municipality_name == "Hebron"


def test_staff_and_members_cannot_change_places_in_the_admin(client, hebron):
    staff = UserFactory(username="staff-hebron", municipality=hebron)
    client.force_login(staff)
    response = client.post(EDIT.format(hebron.pk), _form(hebron, name_en="Mine now"))
    assert response.status_code in (302, 403)
    hebron.refresh_from_db()
    assert hebron.name_en == "Hebron"


def test_an_editor_adds_a_municipality_through_the_admin_and_it_is_recorded(editor_client, hebron):
    response = editor_client.post(
        "/admin/snippets/places/municipality/add/",
        _form(hebron, slug="dura", name_en="Dura", name_ar="دورا"),
    )
    assert response.status_code == 302
    dura = Municipality.objects.get(slug="dura")
    assert dura.governorate == hebron.governorate
    assert ModelLogEntry.objects.filter(object_id=str(dura.pk), action="wagtail.create").exists()


def test_a_municipality_with_projects_is_not_deleted_and_the_admin_says_why(client, hebron):
    ProjectFactory(title="Hebron e-portal", lead_municipality=hebron)
    client.force_login(get_user_model().objects.create_superuser("root", "root@example.ps", "pass-1234-secret"))
    response = client.post(f"/admin/snippets/places/municipality/delete/{hebron.pk}/", follow=True)
    assert response.status_code == 200
    [message] = [m for m in response.context["messages"] if m.level_tag == "error"]
    assert hebron.name in str(message)  # says which place stays, and why, in the reader's language
    assert Municipality.objects.filter(pk=hebron.pk).exists()
    assert not ModelLogEntry.objects.filter(object_id=str(hebron.pk), action="wagtail.delete").exists()


def test_an_administrator_deletes_an_unused_municipality_and_governorate(client):
    unused = MunicipalityFactory(slug="unused")
    governorate = unused.governorate
    client.force_login(get_user_model().objects.create_superuser("root", "root@example.ps", "pass-1234-secret"))
    assert client.post(f"/admin/snippets/places/municipality/delete/{unused.pk}/").status_code == 302
    assert not Municipality.objects.filter(pk=unused.pk).exists()
    assert client.post(f"/admin/snippets/places/governorate/delete/{governorate.pk}/").status_code == 302
    assert not Governorate.objects.filter(pk=governorate.pk).exists()


def test_editors_may_not_delete_places(editor_client, hebron):
    response = editor_client.post(f"/admin/snippets/places/municipality/delete/{hebron.pk}/")
    assert response.status_code in (302, 403)
    assert Municipality.objects.filter(pk=hebron.pk).exists()


def test_copying_a_municipality_in_the_admin_goes_through_the_create_service(editor_client, hebron):
    from django.urls import resolve

    from hub.places.wagtail_hooks import MunicipalityCreateView

    url = f"/admin/snippets/places/municipality/copy/{hebron.pk}/"
    assert issubclass(resolve(url).func.view_class, MunicipalityCreateView)
    response = editor_client.post(url, _form(hebron, slug="dura", name_en="Dura", name_ar="دورا"))
    assert response.status_code == 302, response.content.decode()[:2000]
    dura = Municipality.objects.get(slug="dura")
    assert ModelLogEntry.objects.filter(object_id=str(dura.pk), action="wagtail.create").count() == 1
