"""Pages of projects_db: the project directory, project pages, staff forms, the review queue, the portal directory.

Views only read through selectors, validate with forms and write through services. What a visitor may not
know exists answers 404, whoever asks and however.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin.auth import require_admin_access

from hub.accounts.roles import is_editor, staff_municipality_id
from hub.caching import cache_public
from hub.places import selectors as places
from hub.redirects import safe_next
from projects_db import selectors, services
from projects_db.filters import FACETS, directory, filter_errors
from projects_db.forms import ProjectForm, ReturnForm, format_outcomes
from projects_db.models import Project

PAGE_SIZE = 20
# The directory's query parameters: its filters (projects_db.filters.ProjectFilter) and the page.
DIRECTORY_PARAMS = (*FACETS, "sort", "page")


def _page(request, queryset, size=PAGE_SIZE):
    return Paginator(queryset, size).get_page(request.GET.get("page"))


def _query_without(request, *names) -> str:
    params = request.GET.copy()
    for name in names:
        params.pop(name, None)
    return params.urlencode()


# ---- public ----


@cache_public(sections=("projects", "places"), params=DIRECTORY_PARAMS)
def project_directory(request):
    """/projects/: published projects, filtered and counted by facet, sorted and paginated."""
    filterset, counts = directory(request.GET)
    page = _page(request, filterset.qs if filterset.is_valid() else filterset.queryset.none())
    choices = selectors.filter_choices()
    facets = {
        "governorate": [(g.slug, g.name, counts["governorate"].get(g.slug, 0)) for g in choices["governorate"]],
        "municipality": [(m.slug, m.name, counts["municipality"].get(m.slug, 0)) for m in choices["municipality"]],
        "category": [(c.slug, c.name, counts["category"].get(c.slug, 0)) for c in choices["category"]],
        "status": [(value, label, counts["status"].get(value, 0)) for value, label in Project.Status.choices],
        "funder": [(o.slug, o.name, counts["funder"].get(o.slug, 0)) for o in choices["funder"]],
        "year": [(str(y), str(y), n) for y, n in sorted(counts["year"].items(), reverse=True)],
    }
    facet_list = [
        {
            "name": name,
            "label": filterset.filters[name].label,
            "selected": request.GET.get(name, ""),
            "options": options,
        }
        for name, options in facets.items()
    ]
    context = {
        "filterset": filterset,
        "filter_errors": [] if filterset.is_valid() else filter_errors(filterset),
        "page_obj": page,
        "facets": facet_list,
        "selected": {name: request.GET.get(name, "") for name in [*FACETS, "sort"]},
        "has_outcomes_count": counts["has_outcomes"].get(True, 0),
        "page_query": _query_without(request, "page"),
        "export_query": _query_without(request, "page"),
    }
    return render(request, "projects_db/project_directory.html", context)


# A project page shows its places, its award nomination and the forum topics about it.
@cache_public(sections=("projects", "places", "cooperation", "forum"))
def project_detail(request, slug):
    project = selectors.project_for_viewer(slug=slug, user=request.user)
    if project is None:
        raise Http404
    can_edit = selectors.user_can_edit(user=request.user, project=project)
    context = {
        "project": project,
        "related": selectors.related_projects(project=project),
        "can_edit": can_edit,
        "show_contact": request.user.is_authenticated,
        "history": list(selectors.project_history(project=project)) if is_editor(request.user) else None,
    }
    return render(request, "projects_db/project_detail.html", context)


@cache_public(sections=("projects", "places"), params=("governorate", "page"))
def municipality_directory(request):
    governorate = request.GET.get("governorate") or None
    context = {
        "page_obj": _page(request, selectors.municipality_directory(governorate_slug=governorate), 50),
        "governorates": list(places.governorates()),
        "selected_governorate": governorate or "",
        "show_checks": selectors.user_sees_portal_checks(request.user),
        "page_query": _query_without(request, "page"),
    }
    return render(request, "projects_db/municipality_directory.html", context)


@cache_public(sections=("projects", "places", "cooperation"))
def municipality_detail(request, slug):
    municipality = selectors.municipality_page(slug=slug)
    if municipality is None:
        raise Http404
    context = {
        "municipality": municipality,
        "projects": list(selectors.municipality_projects(municipality=municipality)),
        "show_checks": selectors.user_sees_portal_checks(request.user),
    }
    return render(request, "projects_db/municipality_detail.html", context)


# ---- staff ----


def _staff_only(request):
    if not (is_editor(request.user) or staff_municipality_id(request.user)):
        raise Http404


@login_required
def my_projects(request):
    _staff_only(request)
    context = {"page_obj": _page(request, selectors.projects_of_user(user=request.user)), "page_query": ""}
    return render(request, "projects_db/my_projects.html", context)


def _save_form(request, form, *, project=None):
    """Run the service for a valid form; model errors come back onto the form. Returns the project or None."""
    try:
        if project is None:
            return services.project_create(user=request.user, data=form.service_data())
        return services.project_update(project=project, user=request.user, data=form.service_data())
    except PermissionDenied:
        raise Http404 from None
    except ValidationError as exc:
        if hasattr(exc, "error_dict"):
            for field, errors in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            form.add_error(None, exc.messages)
        return None


@login_required
def project_create(request):
    _staff_only(request)
    form = ProjectForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        project = _save_form(request, form)
        if project is not None:
            messages.success(request, _("The project was saved as a draft."))
            return redirect("projects_db:project_detail", slug=project.slug)
    return render(request, "projects_db/project_form.html", {"form": form, "project": None})


@login_required
def project_edit(request, slug):
    project = selectors.project_for_editing(slug=slug, user=request.user)
    if project is None:
        raise Http404
    if request.method == "POST":
        form = ProjectForm(request.POST, request.FILES, user=request.user, project=project, instance=Project())
        if form.is_valid():
            saved = _save_form(request, form, project=project)
            if saved is not None:
                if project.is_published and not is_editor(request.user):
                    messages.success(
                        request, _("Your change was sent to the editors; the public sees it once approved.")
                    )
                else:
                    messages.success(request, _("The project was saved."))
                return redirect("projects_db:project_detail", slug=project.slug)
    else:
        values = services.project_edit_values(project)
        initial = {k: v for k, v in values.items() if k in ProjectForm.Meta.fields}
        initial["outcomes_text"] = format_outcomes(values.get("outcomes", []))
        form = ProjectForm(initial=initial, user=request.user, project=project, instance=Project())
    revision = getattr(project, "pending_revision", None) if project.is_published else None
    return render(request, "projects_db/project_form.html", {"form": form, "project": project, "revision": revision})


def _act(request, slug, action):
    """Run one workflow step on a project the user may act on, then go back to where they came from."""
    project = selectors.project_for_editing(slug=slug, user=request.user)
    if project is None:
        raise Http404
    try:
        action(project)
    except PermissionDenied:
        raise Http404 from None
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return HttpResponseRedirect(safe_next(request, fallback=project.get_absolute_url()))


@login_required
@require_POST
def project_submit(request, slug):
    def submit(project):
        services.project_submit(project=project, user=request.user)
        messages.success(request, _("The project was sent to the editors for review."))

    return _act(request, slug, submit)


# ---- editors ----


def _editor_only(request):
    if not is_editor(request.user):
        raise Http404


@login_required
def review_queue(request):
    _editor_only(request)
    queue = selectors.review_queue()
    context = {"submissions": list(queue["submissions"]), "changes": list(queue["changes"]), "form": ReturnForm()}
    return render(request, "projects_db/review_queue.html", context)


@login_required
@require_POST
def project_publish(request, slug):
    _editor_only(request)

    def publish(project):
        if getattr(project, "pending_revision", None) is not None and project.is_published:
            services.project_approve_change(project=project, user=request.user)
            messages.success(request, _("The change is approved and now public."))
        else:
            services.project_publish(project=project, user=request.user)
            messages.success(request, _("The project is published."))

    return _act(request, slug, publish)


@login_required
@require_POST
def project_return(request, slug):
    _editor_only(request)

    def send_back(project):
        form = ReturnForm(request.POST)
        if not form.is_valid():
            raise ValidationError(_("Say what needs to change."))
        services.project_return(project=project, user=request.user, comment=form.cleaned_data["comment"])
        messages.success(request, _("The project was returned to its municipality."))

    return _act(request, slug, send_back)


# --- Wagtail admin: choosing a document ------------------------------------------------------------------------


@require_admin_access
def admin_document_chosen(request, pk=None):
    """Wagtail's answer once documents are chosen in the admin (their titles and URLs), answered in front of Wagtail
    (hub/urls.py) so that a document of an unpublished project stays unknown to those who may not see it, as in the
    chooser's list (wagtail_hooks.hide_documents_of_unpublished_projects): 404 if any asked-for one is hidden."""
    from wagtail.documents import get_document_model
    from wagtail.documents.views.chooser import viewset

    ids = [pk] if pk is not None else request.GET.getlist("id")
    ids = [value for value in ids if str(value).isdigit()]
    asked = get_document_model().objects.filter(pk__in=ids)
    if selectors.documents_visible_to(queryset=asked, user=request.user).count() != asked.count():
        raise Http404
    if pk is None:
        return viewset.chosen_multiple_view(request)
    return viewset.chosen_view(request, pk=pk)
