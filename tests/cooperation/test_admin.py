"""Ministry editors run the award, recommendations and agreements from Wagtail's admin; others cannot."""

import pytest
from django.contrib.auth.models import Group

from hub.accounts.roles import MINISTRY_EDITORS
from tests.cooperation.factories import RecommendationFactory
from tests.projects_db.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def role_groups(db):
    """Grant the role groups their rights again: a transactional (browser) test earlier may have flushed them."""
    from hub.accounts.group_permissions import apply_group_permissions

    apply_group_permissions()


SNIPPETS = ["awardedition", "recommendation", "responsiblebody", "agreement"]


def test_ministry_editors_open_every_cooperation_snippet(client, edition):
    RecommendationFactory()
    user = UserFactory(username="ministry-editor")
    user.groups.add(Group.objects.get(name=MINISTRY_EDITORS))  # the group and its rights come from migrations
    client.force_login(user)
    for model in SNIPPETS:
        assert client.get(f"/admin/snippets/cooperation/{model}/").status_code == 200, model
    assert client.get(f"/admin/snippets/cooperation/awardedition/edit/{edition.pk}/").status_code == 200


def test_a_juror_is_a_group_created_by_migration_and_has_no_admin_rights(client):
    juror = UserFactory(username="plain-juror")
    juror.groups.add(Group.objects.get(name="Award jury"))
    client.force_login(juror)
    assert client.get("/admin/snippets/cooperation/awardedition/").status_code in (302, 403)
