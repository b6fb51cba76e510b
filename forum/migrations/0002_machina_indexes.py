"""Indexes machina lacks on large forums (its issues #13, #191, #299): a topic's posts in order, a forum's topic
list, a member's posts. Created on machina's tables by SQL, so machina's own models and migrations stay untouched."""

from django.db import migrations

INDEXES = {
    # topic page and Topic.update_trackers(): approved posts of one topic by date
    "hub_post_topic_appr_created": "forum_conversation_post (topic_id, approved, created)",
    # user posts page, rate limits: a member's latest posts
    "hub_post_poster_created": "forum_conversation_post (poster_id, created)",
    # forum page: approved topics of a forum, by type then last post
    "hub_topic_forum_list": "forum_conversation_topic (forum_id, approved, type, last_post_on)",
}


class Migration(migrations.Migration):
    dependencies = [
        ("hub_forum", "0001_initial"),
        ("forum_conversation", "0013_auto_20201220_1745"),
    ]

    operations = [
        migrations.RunSQL(f"CREATE INDEX IF NOT EXISTS {name} ON {target}", f"DROP INDEX IF EXISTS {name}")
        for name, target in INDEXES.items()
    ]
