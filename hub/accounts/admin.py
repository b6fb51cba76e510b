"""Django admin for administrators: users with their profile fields, and a read-only view of staff requests.

A user's municipality is read-only here: it is set only by an editor's decision on a membership request
(hub.accounts.services.membership_request_verify), which also adds the staff group and tells the applicant.
"""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from hub.accounts.models import MembershipRequest, User


@admin.register(User)
class HubUserAdmin(UserAdmin):
    list_display = ("username", "email", "display_name", "municipality", "is_staff", "is_active")
    list_filter = (*UserAdmin.list_filter, "municipality")
    list_select_related = ("municipality",)
    search_fields = (*UserAdmin.search_fields, "display_name")
    readonly_fields = ("municipality",)

    def get_fieldsets(self, request, obj=None):
        if obj is None:
            return super().get_fieldsets(request, obj)
        description = format_html(
            '{} <a href="{}">{}</a>',
            _("The verified municipality changes only when an editor decides a membership request."),
            reverse("accounts:membership_review"),
            _("Membership requests"),
        )
        return (
            *UserAdmin.fieldsets,
            (_("Profile"), {"fields": ("display_name", "job_title", "bio")}),
            (_("Municipal staff"), {"fields": ("municipality",), "description": description}),
        )


@admin.register(MembershipRequest)
class MembershipRequestAdmin(admin.ModelAdmin):
    """Read-only: decisions are taken on the review page so the e-mail and the group change always happen."""

    list_display = ("user", "municipality", "status", "created_at", "decided_by", "decided_at")
    list_filter = ("status",)
    list_select_related = ("user", "municipality", "decided_by")
    search_fields = ("user__username", "user__email", "municipality__name_ar", "municipality__name_en")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
