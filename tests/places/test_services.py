"""hub.places.services: whoever calls them (admin, demo, shell), the same permissions and checks apply."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hub.places import services
from tests.projects_db.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_member_may_not_rename_a_municipality_and_nothing_changes(hebron):
    with pytest.raises(PermissionDenied):
        services.municipality_update(municipality=hebron, user=UserFactory(), data={"name_en": "Mine"})
    hebron.refresh_from_db()
    assert hebron.name_en == "Hebron"


def test_an_editor_cannot_set_fields_the_admin_does_not_offer(hebron):
    editor = UserFactory(username="editor", editor=True)
    with pytest.raises(ValidationError):
        services.municipality_update(municipality=hebron, user=editor, data={"portal_ok": True})
    hebron.refresh_from_db()
    assert hebron.portal_ok is None


def test_a_governorate_with_municipalities_is_not_deleted(hebron):
    admin = UserFactory(username="root", is_superuser=True)
    with pytest.raises(ValidationError):
        services.governorate_delete(governorate=hebron.governorate, user=admin)
    assert hebron.governorate.municipalities.exists()
