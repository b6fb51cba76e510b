"""Template helpers for the forum's pages: solved topics in a list (one query for the whole list), forum names in
the reader's language."""

from django import template
from django.utils import translation

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


def _names(context) -> dict[int, tuple[str, str]]:
    """Every forum's (name, description) in the active language, read once per request (or per rendering, when
    there is no request: an e-mail)."""
    language = translation.get_language() or "ar"
    request = context.get("request")
    if request is not None:
        memo = getattr(request, "_hub_forum_names", None)
    else:
        memo = context.render_context.get("_hub_forum_names")
    if memo is None or memo[0] != language:
        memo = (language, selectors.forum_names(language=language))
        if request is not None:
            request._hub_forum_names = memo
        else:
            context.render_context["_hub_forum_names"] = memo
    return memo[1]


@register.simple_tag(takes_context=True)
def forum_name(context, forum):
    """The forum's name in the reader's language (forum.models.ForumName), else machina's name."""
    if forum is None:
        return ""
    found = _names(context).get(forum.pk)
    return found[0] if found else forum.name


@register.simple_tag(takes_context=True)
def forum_description(context, forum):
    """The forum's description in the reader's language, else machina's (plain text, escaped by the template)."""
    if forum is None:
        return ""
    found = _names(context).get(forum.pk)
    return found[1] if found else str(forum.description or "")
