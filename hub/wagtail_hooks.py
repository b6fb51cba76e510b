"""Wagtail admin hooks: municipal staff write only their own municipality's stories (enforced on the server). The
review queue's hooks are in hub/review/wagtail_hooks.py."""

from django.core.exceptions import PermissionDenied
from wagtail import hooks

from hub.accounts import roles
from hub.models import StoryPage
from hub.snippet_views import ServiceDeleteBulkAction
from hub.storage import hand_over_private_file, is_private, private_files_are_remote


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


@hooks.register("before_serve_document", order=1000)
def hand_over_documents_from_object_storage(document, request):
    """After every other check of the reader (collection privacy, the project's state; all at order 0): with
    object storage, a document has no local path for Wagtail to stream or hand to nginx, so the reader is sent to a
    signed URL that expires within a minute (hub/storage.py). With local folders, Wagtail's view goes on."""
    if private_files_are_remote() and is_private(document.file.name):
        return hand_over_private_file(
            request,
            name=document.file.name,
            filename=document.filename,
            content_type=document.content_type,
            disposition=document.content_disposition,
        )
    return None


# The listings' "delete selected" of every snippet whose viewset names a delete service (hub/snippet_views.py),
# after Wagtail's own snippet bulk delete (order 0), so that it is the delete action of those models.
hooks.register("register_bulk_action", ServiceDeleteBulkAction, order=10)
