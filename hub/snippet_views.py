"""Wagtail snippet views whose writes go through an app's service instead of saving the form.

A viewset names its services; create, copy, edit, delete and the listing's bulk delete then call them, so the
admin gets the same permissions, history, search indexing and cache invalidation as every other write path.
A refusal (ValidationError, PermissionDenied) is shown on the form, or as an error message, and changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.shortcuts import redirect
from django.utils.functional import classproperty
from wagtail.admin.views.generic.models import CopyViewMixin
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.views.snippets import CreateView, DeleteView, EditView


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
        return type(self).create_service(user=self.request.user, data=model_data(self.form))


class ServiceCopyView(CopyViewMixin, ServiceCreateView):
    """A copy is a new object: it goes through the create service too."""


class ServiceEditView(ServiceFormMixin, EditView):
    """`edit_service(*, user, <instance_argument>, data)` saves the changes to the object as it is in the database."""

    edit_service: Callable | None = None
    instance_argument = "instance"

    def save_instance(self):
        instance = type(self.object).objects.get(pk=self.object.pk)  # the form has already changed self.object
        return type(self).edit_service(
            user=self.request.user, data=model_data(self.form), **{self.instance_argument: instance}
        )


class ServiceDeleteView(DeleteView):
    """`delete_service(*, user, <instance_argument>)` deletes; a refusal comes back as a message on the listing."""

    delete_service: Callable | None = None
    instance_argument = "instance"

    def delete_action(self):
        type(self).delete_service(user=self.request.user, **{self.instance_argument: self.object})

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except (ValidationError, PermissionDenied) as error:
            messages.error(self.request, " ".join(refusal_messages(error)))
            return redirect(self.get_success_url())


class ServiceDeleteBulkAction(DeleteBulkAction):
    """The listing's "delete selected" for models with a delete service: each object through the service.

    `delete_services` maps a model to (its delete service, the service's argument for the object); refused
    objects stay, each with a message.
    """

    delete_services: dict = {}

    @classproperty
    def models(cls):
        return list(cls.delete_services)

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        view = kwargs["self"]
        service, argument = cls.delete_services[view.model]
        deleted = 0
        for instance in objects:
            try:
                service(user=view.request.user, **{argument: instance})
                deleted += 1
            except (ValidationError, PermissionDenied) as error:
                messages.error(view.request, f"{instance}: {' '.join(refusal_messages(error))}")
        return deleted, 0
