"""Django admin for administrators: users with their profile fields, and a read-only view of staff requests.

A user's municipality is read-only here: it is set only by an editor's decision on a membership request
(hub.accounts.services.membership_request_verify), which also adds the staff group and tells the applicant, and
withdrawn only by the "withdraw staff status" action (hub.accounts.services.staff_membership_revoke).
"""

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from hub.accounts import services
from hub.accounts.models import MembershipRequest, User


@admin.register(User)
class HubUserAdmin(UserAdmin):
    list_display = ("username", "email", "display_name", "municipality", "is_staff", "is_active")
    list_filter = (*UserAdmin.list_filter, "municipality")
    list_select_related = ("municipality",)
    search_fields = (*UserAdmin.search_fields, "display_name")
    readonly_fields = ("municipality",)
    actions = ["withdraw_staff_status"]

    @admin.action(description=_("Withdraw municipal staff status"))
    def withdraw_staff_status(self, request, queryset):
        users = list(queryset.filter(municipality__isnull=False))
        for user in users:
            services.staff_membership_revoke(user=user, revoked_by=request.user)
        self.message_user(request, _("Staff status withdrawn: %(count)d.") % {"count": len(users)}, messages.SUCCESS)

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
