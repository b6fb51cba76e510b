"""Responsible bodies written in the Wagtail admin go through hub.cooperation.services, like the demo loader's: the
rules are checked there, and the audit log and the recommendations page agree with what the editor did."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from wagtail.models import ModelLogEntry

from hub.accounts.roles import MINISTRY_EDITORS
from hub.cooperation import services
from hub.cooperation.models import ResponsibleBody
from tests.cooperation.factories import BodyFactory, RecommendationFactory
from tests.projects_db.factories import UserFactory

pytestmark = pytest.mark.django_db

ADMIN = "/admin/snippets/cooperation/responsiblebody/"


@pytest.fixture
def ministry_editor(db):
    user = UserFactory(username="ministry-editor")
    user.groups.add(Group.objects.get(name=MINISTRY_EDITORS))  # rights from the migrations, as in production
    return user


@pytest.fixture
def editor_client(client, ministry_editor):
    client.force_login(ministry_editor)
    return client


def test_a_body_added_and_renamed_in_the_admin_is_in_the_log_and_on_the_recommendations_page(
    client, editor_client, ministry_editor
):
    form = {"name_ar": "وزارة الحكم المحلي", "name_en": "Ministry of Local Government", "slug": "molg"}
    response = editor_client.post(f"{ADMIN}add/", form)
    assert response.status_code == 302, response.content.decode()[:2000]
    body = ResponsibleBody.objects.get()
    RecommendationFactory(body=body)
    response = editor_client.post(f"{ADMIN}edit/{body.pk}/", form | {"name_en": "MoLG (renamed)"})
    assert response.status_code == 302, response.content.decode()[:2000]
    entries = ModelLogEntry.objects.for_instance(body).order_by("pk")
    assert [(entry.action, entry.user) for entry in entries] == [
        ("wagtail.create", ministry_editor),
        ("wagtail.edit", ministry_editor),
    ]
    with translation.override("en"):
        page = client.get(reverse("cooperation:recommendations")).content.decode()
    assert "MoLG (renamed)" in page


def test_a_body_with_recommendations_is_not_deleted_in_the_admin_nor_by_the_service(editor_client, ministry_editor):
    body = BodyFactory(slug="apla")
    RecommendationFactory(body=body)
    editor_client.post(f"{ADMIN}delete/{body.pk}/")  # Wagtail refuses first: the recommendation protects it
    with pytest.raises(ValidationError) as refusal:  # the service says why to any other caller
        services.responsible_body_delete(user=ministry_editor, body=body)
    assert "لا تزال توصيات مسندة إلى هذه الجهة" in " ".join(refusal.value.messages)
    assert ResponsibleBody.objects.filter(pk=body.pk).exists()
    assert not ModelLogEntry.objects.filter(action="wagtail.delete").exists()


def test_an_unused_body_is_deleted_with_its_deletion_in_the_log(editor_client, ministry_editor):
    body = BodyFactory(slug="universities")
    response = editor_client.post(f"{ADMIN}delete/{body.pk}/")
    assert response.status_code == 302
    assert not ResponsibleBody.objects.exists()
    assert ModelLogEntry.objects.get(action="wagtail.delete").user == ministry_editor


def test_deleting_selected_bodies_from_the_listing_goes_through_the_service(editor_client, ministry_editor):
    """The listing's "delete selected" deletes through the same service as the delete view (audit log, rules)."""
    first, second = BodyFactory(), BodyFactory()
    response = editor_client.post(f"/admin/bulk/cooperation/responsiblebody/delete/?id={first.pk}&id={second.pk}")
    assert response.status_code == 302
    assert not ResponsibleBody.objects.exists()
    deleted = ModelLogEntry.objects.filter(action="wagtail.delete", user=ministry_editor)
    assert sorted(deleted.values_list("object_id", flat=True)) == sorted([str(first.pk), str(second.pk)])
