"""Wagtail admin for projects_db: snippet viewsets with list filters and search.

Projects, categories and organisations are written through projects_db.services here too (create, copy, edit,
delete, bulk delete: hub.snippet_views), so history, permissions, search indexing and cache invalidation are the
same as on the site. Outcomes and the review steps are on the site's staff pages.
"""

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from hub.snippet_views import ServiceCreateView, ServiceEditView, ServiceSnippetViewSet
from projects_db import selectors, services
from projects_db.forms import FORM_FIELDS
from projects_db.models import Category, Organisation, Project, ProjectChange

M2M = ("partner_municipalities", "funders", "vendors")


def _service_data(form) -> dict:
    data = {name: form.cleaned_data.get(name) for name in FORM_FIELDS if name in form.cleaned_data}
    for name in M2M:
        if name in data:
            data[name] = list(data[name] or [])
    return data


class ProjectCreateView(ServiceCreateView):
    def save_instance(self):
        return services.project_create(user=self.request.user, data=_service_data(self.form))


class ProjectEditView(ServiceEditView):
    def save_instance(self):
        project = Project.objects.get(pk=self.object.pk)
        return services.project_update(project=project, user=self.request.user, data=_service_data(self.form))


class ProjectViewSet(ServiceSnippetViewSet):
    model = Project
    icon = "doc-full"
    menu_label = _("Projects")
    add_view_class = ProjectCreateView
    edit_view_class = ProjectEditView
    delete_service = staticmethod(services.project_delete)
    instance_argument = "project"
    list_display = ["title", "lead_municipality", "category", "status", "state", "updated_at"]
    list_filter = ["state", "status", "category", "language", "lead_municipality__governorate"]
    search_fields = ["title", "summary", "title_translation", "slug"]
    search_backend_name = None
    panels = [FieldPanel(name) for name in FORM_FIELDS]

    def get_queryset(self, request):
        return Project.objects.select_related("lead_municipality", "category")


class CategoryViewSet(ServiceSnippetViewSet):
    model = Category
    icon = "tag"
    menu_label = _("Categories")
    create_service = staticmethod(services.category_create)
    edit_service = staticmethod(services.category_update)
    delete_service = staticmethod(services.category_delete)
    instance_argument = "category"
    list_display = ["name_ar", "name_en", "slug", "sort_order"]
    search_fields = ["name_ar", "name_en", "slug"]
    search_backend_name = None


class OrganisationViewSet(ServiceSnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    create_service = staticmethod(services.organisation_create)
    edit_service = staticmethod(services.organisation_update)
    delete_service = staticmethod(services.organisation_delete)
    instance_argument = "organisation"
    list_display = ["name_ar", "name_en", "kind"]
    list_filter = ["kind"]
    search_fields = ["name_ar", "name_en", "slug"]
    search_backend_name = None


class ProjectsDatabaseGroup(SnippetViewSetGroup):
    menu_label = _("Projects database")
    menu_icon = "folder-open-inverse"
    items = (ProjectViewSet, CategoryViewSet, OrganisationViewSet)


register_snippet(ProjectsDatabaseGroup)


# Documents of projects that are not published: served and listed only to those who may see the project.


@hooks.register("before_serve_document")
def refuse_documents_of_unpublished_projects(document, request):
    if not selectors.document_visible_to(document=document, user=request.user):
        raise Http404


@hooks.register("construct_document_chooser_queryset")
def hide_documents_of_unpublished_projects(documents, request):
    return selectors.documents_visible_to(queryset=documents, user=request.user)


# The review steps of projects in Wagtail's audit log (written by services._log): the labels are ProjectChange's.


class ProjectChangeLogFormatter(LogFormatter):
    def format_message(self, log_entry):
        # Wagtail shows a comment column only for models with revisions: the editor's comment goes in the message.
        comment = log_entry.data.get("comment", "")
        return f"{self.label}: {comment}" if comment else str(self.label)

    def format_comment(self, log_entry):
        return log_entry.data.get("comment", "")


@hooks.register("register_log_actions")
def register_project_log_actions(actions):
    for value, label in ProjectChange.Action.choices:
        actions.register_action(services.AUDIT_ACTION_PREFIX + value)(
            type(
                f"{value.title().replace('_', '')}Formatter",
                (ProjectChangeLogFormatter,),
                {"label": label, "message": label},
            )
        )
