"""Template tags of the search: the "related elsewhere" panel every content page includes."""

from django import template
from django.utils import translation

from search import selectors

register = template.Library()


@register.inclusion_tag("search/includes/related.html", takes_context=True)
def related_items(context, source_type: str, source_id) -> dict:
    """`{% related_items "project" project.pk %}`: up to five neighbours by meaning, of other types and from
    other municipalities, that the reader may see; nothing at all when there are none."""
    request = context.get("request")
    user = getattr(request, "user", None)
    items = selectors.related_items(
        source_type=source_type, source_id=source_id, user=user, language=translation.get_language() or ""
    )
    return {"related_items": items}
