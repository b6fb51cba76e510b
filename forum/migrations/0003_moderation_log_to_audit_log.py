"""The forum's own moderation log moves to Wagtail's audit log (ModelLogEntry): each entry is copied, on its post
(or else its topic), with the action "forum.<action>", its moderator, time and detail; the table goes in 0004."""

from django.db import migrations

PREFIX = "forum."


def copy_entries(apps, schema_editor):
    ModerationLogEntry = apps.get_model("hub_forum", "ModerationLogEntry")
    ModelLogEntry = apps.get_model("wagtailcore", "ModelLogEntry")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Post = apps.get_model("forum_conversation", "Post")
    Topic = apps.get_model("forum_conversation", "Topic")
    post_type = ContentType.objects.get_or_create(app_label="forum_conversation", model="post")[0]
    topic_type = ContentType.objects.get_or_create(app_label="forum_conversation", model="topic")[0]
    rows = []
    for entry in ModerationLogEntry.objects.order_by("created", "pk").iterator():
        if entry.post_id is not None:
            content_type, object_id = post_type, entry.post_id
            found = Post.objects.filter(pk=entry.post_id).values_list("subject", flat=True).first()
        else:
            content_type, object_id = topic_type, entry.topic_id
            found = Topic.objects.filter(pk=entry.topic_id).values_list("subject", flat=True).first()
        rows.append(
            ModelLogEntry(
                content_type=content_type,
                object_id=str(object_id or ""),
                label=found or f"#{object_id}",
                action=PREFIX + entry.action,
                data={"topic_id": entry.topic_id, "post_id": entry.post_id, "detail": entry.detail},
                timestamp=entry.created,
                user_id=entry.actor_id,
                deleted=found is None,
            )
        )
    ModelLogEntry.objects.bulk_create(rows, batch_size=1000)


def copy_back(apps, schema_editor):
    ModerationLogEntry = apps.get_model("hub_forum", "ModerationLogEntry")
    ModelLogEntry = apps.get_model("wagtailcore", "ModelLogEntry")
    entries = ModelLogEntry.objects.filter(action__startswith=PREFIX)
    ModerationLogEntry.objects.bulk_create(
        ModerationLogEntry(
            actor_id=entry.user_id,
            action=entry.action.removeprefix(PREFIX),
            topic_id=entry.data.get("topic_id"),
            post_id=entry.data.get("post_id"),
            detail=entry.data.get("detail", ""),
        )
        for entry in entries
    )
    entries.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("hub_forum", "0002_machina_indexes"),
        ("forum_conversation", "0013_auto_20201220_1745"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(copy_entries, copy_back)]
