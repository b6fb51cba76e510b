"""Template helpers for the forum's pages: solved topics in a list (one query for the whole list)."""

from django import template

from forum import selectors

register = template.Library()


@register.simple_tag
def solved_topic_ids(topics):
    """The ids of the topics in `topics` that have an accepted answer."""
    ids = [t.pk for t in topics or []]
    return selectors.solved_topic_ids(topic_ids=ids) if ids else set()


@register.simple_tag
def open_report_count():
    """How many reports wait for a moderator (shown at the top of the moderation queue)."""
    return selectors.open_reports().count()
