"""The one review queue of the Wagtail admin: everything waiting for a user's decision, read from each app's selectors.

Each app says, server side, who may decide its items (projects_db: editors; accounts: editors; cooperation: jurors
and editors; forum: whoever machina lets approve posts). The decisions themselves are posted to the apps' own views,
which call their services, so this module only reads. Pages in a Wagtail workflow are left to Wagtail's own
dashboard panel ("Awaiting your review"); only their number is counted here.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component

from forum import selectors as forum_selectors
from hub.accounts import selectors as accounts_selectors
from hub.accounts.roles import is_editor
from hub.cooperation import selectors as cooperation_selectors
from projects_db import selectors as projects_selectors

LIMIT = 20  # items listed per kind; the heading gives the full number


@dataclass
class Item:
    """One thing to decide: what it is, since when it waits, and the object the section's template needs."""

    title: str
    waiting_since: datetime.datetime
    obj: Any


@dataclass
class Section:
    key: str  # picks the row template: projects, changes, memberships, nominations, results, forum
    heading: str
    count: int
    items: list[Item] = field(default_factory=list)

    @property
    def more(self) -> int:
        return self.count - len(self.items)


def queue_for(*, user, limit: int = LIMIT) -> list[Section]:
    """The kinds of item waiting for `user`'s decision (only those with at least one), each with its number and its
    `limit` oldest items. The number of queries does not depend on the number of items (a count and a list each).
    """
    sections: list[Section] = []
    projects = projects_selectors.review_queue_for(user=user, limit=limit)
    if projects:
        count, submissions = projects["submissions"]
        items = [Item(p.title, p.updated_at, p) for p in submissions]
        sections.append(Section("projects", str(_("Projects submitted for review")), count, items))
        count, changes = projects["changes"]
        items = [Item(r.project.title, r.updated_at, r) for r in changes]
        sections.append(Section("changes", str(_("Changes to published projects")), count, items))
    count, requests = accounts_selectors.membership_requests_for_review(user=user, limit=limit)
    items = [Item(r.user.get_display_name(), r.created_at, r) for r in requests]
    sections.append(Section("memberships", str(_("Requests to be recognised as municipal staff")), count, items))
    count, nominations = cooperation_selectors.nominations_to_score(user=user, limit=limit)
    items = [Item(str(n.project), n.edition.nominations_close, n) for n in nominations]
    sections.append(Section("nominations", str(_("Award nominations to score")), count, items))
    editions = cooperation_selectors.editions_awaiting_results(user=user)
    items = [Item(e.title, e.jury_closes, e) for e in editions]
    sections.append(Section("results", str(_("Award results to publish")), len(editions), items))
    count, posts = forum_selectors.posts_awaiting_approval(user=user, limit=limit)
    items = [Item(p.subject, p.created, p) for p in posts]
    sections.append(Section("forum", str(_("Forum posts awaiting approval")), count, items))
    return [section for section in sections if section.count]


def workflow_tasks_count(*, user) -> int:
    """How many Wagtail workflow tasks (stories and other pages) `user` may approve or send back."""
    from wagtail.models import TaskState

    return TaskState.objects.reviewable_by(user).count()


def queue_count(*, user) -> int:
    """Everything waiting for `user`, Wagtail's workflow tasks included: the number on the admin menu item."""
    if not getattr(user, "is_authenticated", False):
        return 0
    return (
        projects_selectors.review_queue_count(user=user)
        + accounts_selectors.membership_requests_pending_count(user=user)
        + cooperation_selectors.nominations_to_score(user=user, limit=0)[0]
        + len(cooperation_selectors.editions_awaiting_results(user=user))
        + forum_selectors.posts_awaiting_approval(user=user, limit=0)[0]
        + workflow_tasks_count(user=user)
    )


class ReviewQueuePanel(Component):
    """The dashboard panel "Waiting for your review": one table per kind, each row with its age and its decision."""

    name = "hub_review_queue"
    template_name = "hub/admin/review_queue_panel.html"
    order = 50  # first on the dashboard, above Wagtail's own workflow panel (order 220)

    class Media:
        css = {"all": ["css/review_queue.css"]}

    def render_html(self, parent_context=None) -> str:
        context = self.get_context_data(parent_context or {})
        if not context["shown"]:
            return ""
        return render_to_string(self.template_name, context)

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        context = super().get_context_data(parent_context)
        context["request"] = request
        context["csrf_token"] = parent_context.get("csrf_token")
        context["sections"] = queue_for(user=request.user)
        context["workflow_tasks"] = workflow_tasks_count(user=request.user)
        context["shown"] = bool(context["sections"] or context["workflow_tasks"] or is_editor(request.user))
        context["back"] = request.get_full_path()
        return context


def review_queue_view(request):
    """/admin/review/: the same queue on a page of its own, with Wagtail's own panel of pages awaiting review."""
    from django.template.response import TemplateResponse
    from wagtail.admin.views.home import WorkflowObjectsToModeratePanel

    panels = [ReviewQueuePanel(), WorkflowObjectsToModeratePanel()]
    media = panels[0].media + panels[1].media
    context = {"panels": panels, "media": media, "page_title": _("Review queue"), "header_icon": "tasks"}
    return TemplateResponse(request, "hub/admin/review_queue.html", context)
