"""Wagtail snippet views whose writes go through an app's service instead of saving the form.

A viewset (ServiceSnippetViewSet) names its services; create, copy, edit, delete and the listing's bulk delete then
call them, so the admin gets the same permissions, history, search indexing and cache invalidation as every other
write path. A service with other arguments gets a view subclass overriding save_instance().
A refusal (ValidationError, PermissionDenied) is shown on the form, or as an error message, and changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.shortcuts import redirect
from django.utils.functional import classproperty
from wagtail.admin.views.generic.models import CopyViewMixin
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.views.snippets import CreateView, DeleteView, EditView, SnippetViewSet


def refusal_messages(error: ValidationError | PermissionDenied) -> list[str]:
    return error.messages if isinstance(error, ValidationError) else [str(error)]


class ServiceFormMixin:
    """Turn a service's refusal into errors on the form (on the field it names, when the form has it)."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as error:
            if hasattr(error, "error_dict") and set(error.error_dict) <= set(form.fields):
                form.add_error(None, error)
            else:
                form.add_error(None, error.messages)
        except PermissionDenied as error:
            form.add_error(None, refusal_messages(error))
        self.produced_error_message = self.get_error_message()  # what Wagtail's is_valid() sets on a refusal
        return self.form_invalid(form)


def model_data(form) -> dict:
    """The form's cleaned values as the services take them: many-to-many choices become lists of instances."""
    return {name: list(value) if isinstance(value, QuerySet) else value for name, value in form.cleaned_data.items()}


class ServiceCreateView(ServiceFormMixin, CreateView):
    """`create_service(*, user, data)` saves the new object."""

    create_service: Callable | None = None

    def save_instance(self):
        return self.create_service(user=self.request.user, data=model_data(self.form))


@cache
def copy_view_of(add_view: type) -> type:
    """A copy is a new object: the viewset's add view (and so its create service) with Wagtail's copy behaviour."""
    return type(add_view.__name__.replace("Create", "") + "CopyView", (CopyViewMixin, add_view), {})


class ServiceEditView(ServiceFormMixin, EditView):
    """`edit_service(*, user, <instance_argument>, data)` saves the changes to the object as it is in the database."""

    edit_service: Callable | None = None
    instance_argument = "instance"

    def save_instance(self):
        instance = type(self.object).objects.get(pk=self.object.pk)  # the form has already changed self.object
        return self.edit_service(
            user=self.request.user, data=model_data(self.form), **{self.instance_argument: instance}
        )


class ServiceDeleteView(DeleteView):
    """`delete_service(*, user, <instance_argument>)` deletes; a refusal comes back as a message on the listing."""

    delete_service: Callable | None = None
    instance_argument = "instance"

    def delete_action(self):
        self.delete_service(user=self.request.user, **{self.instance_argument: self.object})

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except (ValidationError, PermissionDenied) as error:
            messages.error(self.request, " ".join(refusal_messages(error)))
            return redirect(self.get_success_url())


class ServiceSnippetViewSet(SnippetViewSet):
    """A snippet viewset whose add, copy, edit and delete views call the services it names:
    `create_service(*, user, data)`, `edit_service(*, user, <instance_argument>, data)` and
    `delete_service(*, user, <instance_argument>)` (declare them with staticmethod). The listing's "delete selected"
    calls `delete_service` too (ServiceDeleteBulkAction)."""

    create_service: Callable | None = None
    edit_service: Callable | None = None
    delete_service: Callable | None = None
    instance_argument = "instance"
    add_view_class = ServiceCreateView
    edit_view_class = ServiceEditView
    delete_view_class = ServiceDeleteView

    @property
    def copy_view_class(self):
        return copy_view_of(self.add_view_class)

    def get_add_view_kwargs(self, **kwargs):  # the copy view's kwargs too
        return super().get_add_view_kwargs(create_service=self.create_service, **kwargs)

    def get_edit_view_kwargs(self, **kwargs):
        return super().get_edit_view_kwargs(
            edit_service=self.edit_service, instance_argument=self.instance_argument, **kwargs
        )

    def get_delete_view_kwargs(self, **kwargs):
        return super().get_delete_view_kwargs(
            delete_service=self.delete_service, instance_argument=self.instance_argument, **kwargs
        )


def _viewset_deleting(model) -> ServiceSnippetViewSet | None:
    viewset = getattr(model, "snippet_viewset", None)
    return viewset if isinstance(viewset, ServiceSnippetViewSet) and viewset.delete_service else None


class ServiceDeleteBulkAction(DeleteBulkAction):
    """The listing's "delete selected" for every snippet whose ServiceSnippetViewSet names a delete service: each
    object through that service; refused objects stay, each with a message. Registered once (hub/wagtail_hooks.py),
    after Wagtail's own snippet bulk delete, so that it is the delete action of those models."""

    @classproperty
    def models(cls):
        from wagtail.snippets.models import get_snippet_models

        return [model for model in get_snippet_models() if _viewset_deleting(model)]

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        view = kwargs["self"]
        viewset = _viewset_deleting(view.model)
        deleted = 0
        for instance in objects:
            try:
                viewset.delete_service(user=view.request.user, **{viewset.instance_argument: instance})
                deleted += 1
            except (ValidationError, PermissionDenied) as error:
                messages.error(view.request, f"{instance}: {' '.join(refusal_messages(error))}")
        return deleted, 0
