"""The directory as data: CSV and JSON exports of the filtered list, and an Atom feed of newly published projects."""

from __future__ import annotations

import csv

from django.contrib.syndication.views import Feed
from django.http import HttpResponse, JsonResponse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from projects_db.filters import ProjectFilter
from projects_db.selectors import published_projects

EXPORT_LIMIT = 5000
COLUMNS = [
    "slug",
    "title",
    "summary",
    "language",
    "municipality",
    "governorate",
    "category",
    "status",
    "start_date",
    "launch_date",
    "end_date",
    "budget_amount",
    "budget_currency",
    "url",
]


def _rows(request):
    filterset = ProjectFilter(request.GET, queryset=published_projects())
    queryset = filterset.qs if filterset.is_valid() else filterset.queryset.none()
    for project in queryset[:EXPORT_LIMIT]:
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
            "url": request.build_absolute_uri(project.get_absolute_url()),
        }


def directory_csv(request):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="projects.csv"'
    response.write("\ufeff")  # so that spreadsheet programs read the Arabic as UTF-8
    writer = csv.DictWriter(response, fieldnames=COLUMNS)
    writer.writeheader()
    for row in _rows(request):
        # A cell starting with = + - @ would be run as a formula by spreadsheets.
        writer.writerow({k: ("'" + v if isinstance(v, str) and v[:1] in "=+-@" else v) for k, v in row.items()})
    return response


def directory_json(request):
    response = JsonResponse({"projects": list(_rows(request))}, json_dumps_params={"ensure_ascii": False})
    response["Content-Disposition"] = 'attachment; filename="projects.json"'
    return response


class NewProjectsFeed(Feed):
    """Atom feed of the 30 most recently published projects."""

    feed_type = Atom1Feed
    title = _("New e-municipality projects")
    subtitle = _("Projects newly published in the e-Municipality Knowledge Hub.")

    def link(self):
        from django.urls import reverse

        return reverse("projects_db:project_directory")

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
