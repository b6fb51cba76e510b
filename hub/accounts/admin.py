"""Django admin for administrators: users with their profile fields, and a read-only view of staff requests."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _

from hub.accounts.models import MembershipRequest, User


@admin.register(User)
class HubUserAdmin(UserAdmin):
    fieldsets = (
        *UserAdmin.fieldsets,
        (_("Profile"), {"fields": ("display_name", "job_title", "bio", "municipality")}),
    )
    list_display = ("username", "email", "display_name", "municipality", "is_staff", "is_active")
    list_filter = (*UserAdmin.list_filter, "municipality")
    list_select_related = ("municipality",)
    search_fields = (*UserAdmin.search_fields, "display_name")
    raw_id_fields = ("municipality",)


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
