"""The directory as data: CSV and JSON exports of the filtered list, and an Atom feed of newly published projects."""

from __future__ import annotations

import csv

from django.contrib.syndication.views import Feed
from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

import hub.site_address as site_address
from projects_db import fields
from projects_db.filters import ProjectFilter, filter_errors
from projects_db.selectors import published_projects

EXPORT_LIMIT = 5000
# A cell starting with one of these would be run as a formula by spreadsheets: it is written after a "'", and so is
# a cell that already starts with "'", so that projects_db.importing can take exactly one "'" off again.
FORMULA_GUARD = "'"
FORMULA_STARTS = "=+-@'"
COLUMNS = fields.SUMMARY_FIELDS  # the one declaration (projects_db.fields); _rows fills each


def guard_formula(value):
    """The value as a spreadsheet shows it as text: a string starting with a formula character gets a "'" first."""
    if isinstance(value, str) and value and value[0] in FORMULA_STARTS:
        return FORMULA_GUARD + value
    return value


def unguard_formula(value: str) -> str:
    """The reverse of guard_formula, for the importer."""
    if len(value) > 1 and value[0] == FORMULA_GUARD and value[1] in FORMULA_STARTS:
        return value[1:]
    return value


def _filterset(request) -> ProjectFilter:
    return ProjectFilter(request.GET, queryset=published_projects())


def _rows(request, filterset: ProjectFilter):
    for project in filterset.qs[:EXPORT_LIMIT]:
        yield {
            "slug": project.slug,
            "title": project.title,
            "summary": project.summary,
            "language": project.language,
            "municipality": project.lead_municipality.slug,
            "governorate": project.lead_municipality.governorate.slug,
            "category": project.category.slug,
            "status": project.status,
            "start_date": project.start_date.isoformat() if project.start_date else "",
            "launch_date": project.launch_date.isoformat() if project.launch_date else "",
            "end_date": project.end_date.isoformat() if project.end_date else "",
            "budget_amount": str(project.budget_amount) if project.budget_amount is not None else "",
            "budget_currency": project.budget_currency,
            "url": site_address.absolute_url(project.get_absolute_url()),
        }


def directory_csv(request):
    filterset = _filterset(request)
    if not filterset.is_valid():
        return HttpResponseBadRequest("\n".join(filter_errors(filterset)), content_type="text/plain; charset=utf-8")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="projects.csv"'
    response.write("\ufeff")  # so that spreadsheet programs read the Arabic as UTF-8
    writer = csv.DictWriter(response, fieldnames=COLUMNS)
    writer.writeheader()
    for row in _rows(request, filterset):
        writer.writerow({k: guard_formula(v) for k, v in row.items()})
    return response


def directory_json(request):
    filterset = _filterset(request)
    if not filterset.is_valid():
        return JsonResponse({"errors": filter_errors(filterset)}, status=400, json_dumps_params={"ensure_ascii": False})
    response = JsonResponse({"projects": list(_rows(request, filterset))}, json_dumps_params={"ensure_ascii": False})
    response["Content-Disposition"] = 'attachment; filename="projects.json"'
    return response


class NewProjectsFeed(Feed):
    """Atom feed of the 30 most recently published projects."""

    feed_type = Atom1Feed
    title = _("New e-municipality projects")
    subtitle = _("Projects newly published in the e-Municipality Knowledge Hub.")

    # Absolute links at SITE_URL, so that Django does not prefix the request's host.
    def link(self):
        from django.urls import reverse

        return site_address.absolute_url(reverse("projects_db:project_directory"))

    def feed_url(self):
        from django.urls import reverse

        return site_address.absolute_url(reverse("projects_db:project_feed"))

    def item_link(self, item):
        return site_address.absolute_url(item.get_absolute_url())

    def items(self):
        return published_projects().order_by("-published_at")[:30]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return item.lead_municipality.name
