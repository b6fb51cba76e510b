"""`{% cooperation_panel municipality %}`: the e-readiness and twinning panel other apps' pages include."""

from django import template

from hub.cooperation import selectors

register = template.Library()


@register.inclusion_tag("cooperation/municipality_panel.html", takes_context=True)
def cooperation_panel(context, municipality):
    user = context.get("user")
    return {
        "panel": selectors.municipality_panel(municipality=municipality),
        "following": user is not None
        and selectors.is_following(user=user, kind="municipality", target_id=municipality.pk),
        "request": context.get("request"),
        "user": context.get("user"),
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("cooperation/_project_link.html")
def cooperation_project_link(project):
    """A link from a project page to "who has done this?" for that project."""
    return {"project": project}


@register.inclusion_tag("cooperation/_event_trainings.html")
def event_trainings(event):
    """On a training event's page: the training programmes it announces, with a link to all training."""
    return {"trainings": selectors.trainings_for_event(event_id=event.pk)}
