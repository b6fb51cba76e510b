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


@register.inclusion_tag("forum/project_topics.html", takes_context=True)
def project_forum_panel(context, project):
    """On a project page: the forum topics about it that the reader may see, and "Discuss this project"."""
    request = context.get("request")
    user = getattr(request, "user", None)
    topics = list(selectors.project_topics(project_id=project.pk, user=user)[:10])
    return {"project": project, "topics": topics, "user": user}


@register.simple_tag(takes_context=True)
def forum_permission(context, method, *args):
    """machina's `get_permission` without its reflection on every call (inspect.getmembers of the handler, a
    fifth of the topic page's time): only the handler's public `can_*` checks, looked up by name."""
    if not method.startswith("can_"):
        raise template.TemplateSyntaxError(f"forum_permission asks permission checks only, not {method!r}")
    return getattr(context["request"].forum_permission_handler, method)(*args)
