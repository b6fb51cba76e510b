"""Wagtail admin hooks: municipal staff write only their own municipality's stories (enforced on the server); the
one review queue on the dashboard, in the menu (with its count) and at /admin/review/ (hub/review_queue.py)."""

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from hub import review_queue
from hub.accounts import roles
from hub.models import StoryPage


@hooks.register("before_create_page")
def staff_create_only_with_a_municipality(request, parent_page, page_class):
    """Only editors and verified staff (who have a municipality) may start a story."""
    if (
        issubclass(page_class, StoryPage)
        and not roles.is_editor(request.user)
        and roles.staff_municipality_id(request.user) is None
    ):
        raise PermissionDenied


@hooks.register("before_edit_page")
def staff_edit_only_their_municipality(request, page):
    """Staff may not open another municipality's story, even one they could reach by its address."""
    specific = page.specific_deferred if hasattr(page, "specific_deferred") else page.specific
    if isinstance(specific, StoryPage) and not roles.can_act_for_municipality(request.user, specific.municipality_id):
        raise PermissionDenied


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
