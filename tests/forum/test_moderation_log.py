"""Moderator actions go to Wagtail's audit log once done: the admin's "Site history" report lists them, labelled in
the reader's language; the forum's own log of before is copied there by a migration."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from tests.forum import factories


def _sign_in(client, user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)


@pytest.mark.django_db
def test_a_moderation_action_appears_in_the_site_history_in_both_languages(client, forums, staff, moderator):
    topic = factories.make_topic(forum=forums["gis"], poster=staff, subject="Shared GIS layers")
    client.force_login(moderator)
    response = client.post(reverse("forum_moderation:topic_lock", kwargs={"slug": topic.slug, "pk": topic.pk}))
    assert response.status_code == 302
    entry = ModelLogEntry.objects.for_instance(topic).get(action="forum.lock_topic")
    assert entry.user == moderator and entry.label == "Shared GIS layers"

    administrator = factories.make_member(username="administrator", is_superuser=True, is_staff=True)
    _sign_in(client, administrator, "en")
    report = client.get("/admin/reports/site-history/").content.decode()
    assert "Forum: topic locked" in report and "Shared GIS layers" in report
    _sign_in(client, administrator, "ar")
    report = client.get("/admin/reports/site-history/").content.decode()
    assert "المنتدى: أُغلق الموضوع" in report


@pytest.mark.django_db
def test_a_refused_action_is_not_logged(client, forums, staff, member):
    topic = factories.make_topic(forum=forums["gis"], poster=staff)
    client.force_login(member)
    response = client.post(reverse("forum_moderation:topic_lock", kwargs={"slug": topic.slug, "pk": topic.pk}))
    assert response.status_code == 403
    assert not ModelLogEntry.objects.filter(action__startswith="forum.").exists()


@pytest.mark.django_db
def test_deleting_a_topic_is_logged_with_the_deletion(client, forums, staff, moderator):
    topic = factories.make_topic(forum=forums["gis"], poster=staff, subject="Old question")
    topic_pk = topic.pk
    client.force_login(moderator)
    response = client.post(reverse("forum_moderation:topic_delete", kwargs={"slug": topic.slug, "pk": topic.pk}))
    assert response.status_code == 302
    entry = ModelLogEntry.objects.get(action="forum.delete_topic", object_id=str(topic_pk))
    assert entry.deleted and entry.user == moderator and entry.label == "Old question"


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor


@pytest.mark.django_db(transaction=True)
def test_the_old_moderation_log_is_copied_to_the_audit_log(forums, staff, moderator):
    topic = factories.make_topic(forum=forums["gis"], poster=staff, subject="Kept topic")
    executor = _migrate([("hub_forum", "0003_moderation_log_to_audit_log")])
    _migrate([("hub_forum", "0002_machina_indexes")])
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO hub_forum_moderationlogentry (actor_id, action, topic_id, post_id, detail, created)"
            " VALUES (%s, 'lock_topic', %s, NULL, '', now()), (%s, 'delete_post', %s, 999999, '', now())",
            [moderator.pk, topic.pk, moderator.pk, topic.pk],
        )
    _migrate(executor.loader.graph.leaf_nodes())
    kept = ModelLogEntry.objects.for_instance(topic).get(action="forum.lock_topic")
    assert kept.user_id == moderator.pk and kept.label == "Kept topic" and not kept.deleted
    gone = ModelLogEntry.objects.get(action="forum.delete_post", object_id="999999")
    assert gone.deleted and gone.label == "#999999"
    assert "hub_forum_moderationlogentry" not in connection.introspection.table_names()
