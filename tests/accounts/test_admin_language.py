"""Ministry editors use the Wagtail admin in the language they prefer; Arabic is right-to-left."""

import json

import pytest
from wagtail.users.models import UserProfile

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("language", "direction"), [("ar", "rtl"), ("en", "ltr")])
def test_admin_dashboard_follows_the_editors_preferred_language(client, editor, language, direction):
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = language
    profile.save()
    client.force_login(editor)
    response = client.get("/admin/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'lang="{language}" dir="{direction}"' in html


def test_arabic_admin_shows_arabic_labels_and_our_menu_item(client, editor):
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "ar"
    profile.save()
    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    # The sidebar is JSON, so Arabic arrives \u-escaped.
    assert json.dumps("طلبات موظفي البلديات") in html  # our menu item, translated
    assert json.dumps("الصور") in html  # Wagtail's own Arabic catalogue
    assert '"url": "/ar/accounts/memberships/"' in html


def test_ordinary_member_cannot_enter_the_wagtail_admin(client, member):
    client.force_login(member)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
