"""The one review queue on the Wagtail dashboard, in the menu (with its count) and at /admin/review/ (queue.py)."""

from django.urls import path, reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from hub.accounts import roles
from hub.review import queue as review_queue


@hooks.register("construct_homepage_panels")
def add_review_queue_panel(request, panels):
    panels.append(review_queue.ReviewQueuePanel())


@hooks.register("register_admin_urls")
def register_review_queue_url():
    return [path("review/", review_queue.review_queue_view, name="hub_review_queue")]


class ReviewQueueMenuItem(MenuItem):
    """ "Review queue (N)": shown to editors always, to anyone else while something waits for them."""

    def _count(self, request) -> int:
        if not hasattr(request, "_hub_review_count"):
            request._hub_review_count = review_queue.queue_count(user=request.user)
        return request._hub_review_count

    def is_shown(self, request):
        return roles.is_editor(request.user) or self._count(request) > 0

    def render_component(self, request):
        component = super().render_component(request)
        component.label = _("Review queue (%(count)s)") % {"count": self._count(request)}
        return component


@hooks.register("register_admin_menu_item")
def register_review_queue_menu_item():
    return ReviewQueueMenuItem(
        gettext_lazy("Review queue"), reverse_lazy("hub_review_queue"), name="review-queue", icon_name="tasks", order=50
    )
