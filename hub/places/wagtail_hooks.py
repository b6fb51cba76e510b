"""Wagtail admin for places: governorates and municipalities as snippets, written through hub.places.services.

Create, copy, edit and delete call the services, so permissions, validation, the audit log and the signals that keep
other apps' copies of a name current (search documents of projects and stories) happen as on every other path.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.admin.views.generic.models import CopyViewMixin
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    CreateView,
    DeleteView,
    EditView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from hub.places import selectors, services
from hub.places.models import Governorate, Municipality


def _form_data(form, fields: tuple[str, ...]) -> dict:
    return {name: form.cleaned_data[name] for name in fields if name in form.cleaned_data}


class _ServiceSaveMixin:
    """Turn a service's refusal into form errors instead of a server error."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except (ValidationError, PermissionDenied) as exc:
            if isinstance(exc, ValidationError) and hasattr(exc, "error_dict"):
                for field, errors in exc.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                form.add_error(None, exc.messages if isinstance(exc, ValidationError) else [str(exc)])
            return self.form_invalid(form)


class _ServiceDeleteView(DeleteView):
    """Deleting through the service; a place still referred to stays, with a message saying why."""

    delete_service = None

    def delete_action(self):
        type(self).delete_service(**{self.model._meta.model_name: self.object, "user": self.request.user})

    def form_valid(self, form):
        # The service decides what may be deleted (Wagtail's own reference check would answer "no permission").
        try:
            self.delete_action()
        except ValidationError as exc:
            messages.error(self.request, " ".join(exc.messages))
            return redirect(self.get_success_url())
        messages.success(self.request, self.get_success_message())
        return self.run_after_hook() or redirect(self.get_success_url())


class MunicipalityCreateView(_ServiceSaveMixin, CreateView):
    def save_instance(self):
        return services.municipality_create(
            user=self.request.user, data=_form_data(self.form, services.MUNICIPALITY_FIELDS)
        )


class MunicipalityCopyView(CopyViewMixin, MunicipalityCreateView):
    """A copy is a new municipality: through the create service too."""


class MunicipalityEditView(_ServiceSaveMixin, EditView):
    def save_instance(self):
        return services.municipality_update(
            municipality=self.object,
            user=self.request.user,
            data=_form_data(self.form, services.MUNICIPALITY_FIELDS),
        )


class MunicipalityDeleteView(_ServiceDeleteView):
    delete_service = services.municipality_delete


class GovernorateCreateView(_ServiceSaveMixin, CreateView):
    def save_instance(self):
        return services.governorate_create(
            user=self.request.user, data=_form_data(self.form, services.GOVERNORATE_FIELDS)
        )


class GovernorateCopyView(CopyViewMixin, GovernorateCreateView):
    """A copy is a new governorate: through the create service too."""


class GovernorateEditView(_ServiceSaveMixin, EditView):
    def save_instance(self):
        return services.governorate_update(
            governorate=self.object,
            user=self.request.user,
            data=_form_data(self.form, services.GOVERNORATE_FIELDS),
        )


class GovernorateDeleteView(_ServiceDeleteView):
    delete_service = services.governorate_delete


class MunicipalityViewSet(SnippetViewSet):
    model = Municipality
    icon = "home"
    menu_label = _("Municipalities")
    add_view_class = MunicipalityCreateView
    copy_view_class = MunicipalityCopyView
    edit_view_class = MunicipalityEditView
    delete_view_class = MunicipalityDeleteView
    list_display = ["name_ar", "name_en", "governorate", "portal_url", "portal_ok"]
    list_filter = ["governorate", "kind", "is_partner", "portal_ok"]
    search_fields = ["name_ar", "name_en", "slug"]
    search_backend_name = None
    panels = [FieldPanel(name) for name in services.MUNICIPALITY_FIELDS]

    def get_queryset(self, request):
        return selectors.municipalities()


class GovernorateViewSet(SnippetViewSet):
    model = Governorate
    icon = "site"
    menu_label = _("Governorates")
    add_view_class = GovernorateCreateView
    copy_view_class = GovernorateCopyView
    edit_view_class = GovernorateEditView
    delete_view_class = GovernorateDeleteView
    list_display = ["name_ar", "name_en", "country"]
    list_filter = ["country"]
    search_fields = ["name_ar", "name_en"]
    search_backend_name = None
    panels = [FieldPanel(name) for name in services.GOVERNORATE_FIELDS]


class PlacesGroup(SnippetViewSetGroup):
    menu_label = _("Places")
    menu_icon = "site"
    items = (MunicipalityViewSet, GovernorateViewSet)


register_snippet(PlacesGroup)
