"""machina's forum admin (registered by machina), with each forum's name and description per language
(forum.models.ForumName) edited on the same page and saved through forum.services.forum_names_set."""

from django.contrib import admin
from machina.apps.forum import admin as machina_admin

from forum import services
from forum.models import ForumName


class ForumNameInline(admin.StackedInline):
    model = ForumName
    can_delete = False
    min_num = max_num = 1
    fields = ("name_ar", "name_en", "description_ar", "description_en")


class ForumAdmin(machina_admin.ForumAdmin):
    inlines = [ForumNameInline]

    def save_formset(self, request, form, formset, change):
        if formset.model is not ForumName:
            return super().save_formset(request, form, formset, change)
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []  # the admin's history
        for names in formset.forms:
            data = names.cleaned_data
            if data and names.has_changed():
                saved = services.forum_names_set(
                    forum=form.instance,
                    name_ar=data["name_ar"],
                    name_en=data["name_en"],
                    description_ar=data.get("description_ar", ""),
                    description_en=data.get("description_en", ""),
                )
                formset.changed_objects.append((saved, names.changed_data))
        return None


admin.site.unregister(machina_admin.Forum)
admin.site.register(machina_admin.Forum, ForumAdmin)
