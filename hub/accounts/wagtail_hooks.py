"""Wagtail admin: a menu item that takes editors to the municipal staff requests."""

from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from hub.accounts import roles


class EditorsMenuItem(MenuItem):
    """Shown only to ministry editors and administrators, the people who decide on requests."""

    def is_shown(self, request):
        return roles.is_editor(request.user)


@hooks.register("register_admin_menu_item")
def register_membership_requests_menu_item():
    # The review page lives on the site (one way in for the decision); reverse_lazy picks the admin's language.
    return EditorsMenuItem(
        _("Municipal staff requests"),
        reverse_lazy("accounts:membership_review"),
        name="membership-requests",
        icon_name="group",
        order=900,
    )
