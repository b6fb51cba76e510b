"""Each forum has a name and a description per language, shown in the reader's language wherever the forum is
named: the index, its page and breadcrumbs, the new-topic page, the move form, the e-mails and search documents."""

import pytest
from django.apps import apps
from django.core import mail
from django.urls import reverse
from machina.core.db.models import get_model

from forum import services
from forum.models import ForumName
from tests.forum import factories
from tests.forum.conftest import new_topic_url

pytestmark = pytest.mark.django_db
Forum = get_model("forum", "Forum")


def _en(url):
    return "/en/" + url.split("/", 2)[2]


def _ar(url):
    return "/ar/" + url.split("/", 2)[2]


def test_the_index_names_each_forum_in_the_readers_language(client, forums):
    arabic = client.get(reverse("forum:index")).content.decode()
    english = client.get(_en(reverse("forum:index"))).content.decode()
    assert "الدفع الإلكتروني" in arabic and "e-Payment" not in arabic and "الإعلانات · Announcements" not in arabic
    assert "e-Payment" in english and "Payment gateways, bank reconciliation, billing." in english
    assert "الدفع الإلكتروني" not in english


def test_a_forums_page_breadcrumbs_and_forms_name_it_in_the_readers_language(client, forums, staff):
    forum = forums["gis"]
    forum_url = reverse("forum:forum", kwargs={"slug": forum.slug, "pk": forum.pk})
    english = client.get(_en(forum_url)).content.decode()
    assert "<h1>GIS</h1>" in english and "Areas of work" in english and "Maps and spatial data." in english
    client.force_login(staff)
    assert "<h1>GIS</h1>" in client.get(_en(new_topic_url(forum))).content.decode()
    assert "<h1>نظم المعلومات الجغرافية</h1>" in client.get(_ar(new_topic_url(forum))).content.decode()


def test_the_move_form_lists_the_forums_in_the_readers_language_and_disables_its_own(client, forums, staff, moderator):
    topic = factories.make_topic(forum=forums["gis"], poster=staff)
    client.force_login(moderator)
    url = reverse("forum_moderation:topic_move", kwargs={"slug": topic.slug, "pk": topic.pk})
    page = client.get(_en(url)).content.decode()
    assert "— Permits and licensing</option>" in page
    assert f'<option value="{forums["gis"].pk}" disabled>— GIS</option>' in page  # the topic's own forum
    assert "<optgroup" not in page  # machina's dict labels made groups named "label" and "disabled" on Django 5
    response = client.post(url, {"forum": forums["gis"].pk})
    assert "لا يمكن نقل الموضوع إلى هذا المنتدى." in response.content.decode()
    client.post(url, {"forum": forums["permits"].pk})
    topic.refresh_from_db()
    assert topic.forum_id == forums["permits"].pk


def test_an_editor_renames_a_forum_in_both_languages(forums):
    forum = forums["portals"]
    services.forum_names_set(forum=forum, name_ar="البوابات", name_en="Portals", description_en="Websites.")
    forum.refresh_from_db()
    assert forum.name == "البوابات"  # machina's own name (and slug source) is the Arabic one
    names = ForumName.objects.get(forum=forum)
    assert (names.name("en"), names.description("en"), names.description("ar")) == ("Portals", "Websites.", "")


def test_the_notification_e_mail_names_the_forum_in_the_readers_language(
    forums, staff, member, django_capture_on_commit_callbacks
):
    from hub.accounts import services as account_services

    account_services.language_set(user=member, language="en")
    topic = factories.make_topic(forum=forums["e-payment"], poster=staff)
    topic.subscribers.add(member)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        factories.make_reply(topic=topic, poster=staff, content="جواب")
    assert len(mail.outbox) == 1
    assert "(e-Payment)" in mail.outbox[0].body and "الدفع الإلكتروني" not in mail.outbox[0].body


def test_search_documents_name_the_forum_in_their_language(forums, staff):
    from search.models import SearchDocument

    topic = factories.make_topic(forum=forums["gis"], poster=staff, subject="Which coordinate system?",
                                 content="We store parcels in Palestine Grid.")  # fmt: skip
    document = SearchDocument.objects.get(source_type="forum_post", source_id=str(topic.first_post_id))
    assert (document.language, document.category_name) == ("en", "GIS")


def test_the_migration_splits_names_glued_in_one_field(forums):
    import importlib

    migration = importlib.import_module("forum.migrations.0005_forum_names")
    forum = Forum.objects.create(
        name="الإعلانات · Announcements", description="أخبار الوزارة والمنصة. Ministry and platform news.",
        type=Forum.FORUM_POST,
    )  # fmt: skip
    migration.split_names(apps, None)
    names = ForumName.objects.get(forum=forum)
    assert (names.name_ar, names.name_en) == ("الإعلانات", "Announcements")
    assert (names.description_ar, names.description_en) == ("أخبار الوزارة والمنصة.", "Ministry and platform news.")
    forum.refresh_from_db()
    assert forum.name == "الإعلانات"


def test_an_administrator_edits_both_names_in_the_django_admin(client, forums):
    from django.contrib.auth import get_user_model

    admin_user = get_user_model().objects.create_superuser("root", "root@example.org", "pass-12345")
    client.force_login(admin_user)
    forum = forums["gis"]
    url = reverse("admin:forum_forum_change", args=[forum.pk])
    page = client.get(url).content.decode()
    assert "Maps and spatial data." in page  # the English description, on the forum's own page
    names = ForumName.objects.get(forum=forum)
    data = {
        "parent": forum.parent_id, "name": forum.name, "description": "", "type": forum.type,
        "display_sub_forum_list": "on",
        "hub_names-TOTAL_FORMS": "1", "hub_names-INITIAL_FORMS": "1", "hub_names-MIN_NUM_FORMS": "1",
        "hub_names-MAX_NUM_FORMS": "1", "hub_names-0-id": names.pk, "hub_names-0-forum": forum.pk,
        "hub_names-0-name_ar": "الخرائط", "hub_names-0-name_en": "Maps", "hub_names-0-description_ar": "",
        "hub_names-0-description_en": "",
    }  # fmt: skip
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    names.refresh_from_db()
    forum.refresh_from_db()
    assert (names.name_ar, names.name_en, forum.name) == ("الخرائط", "Maps", "الخرائط")
