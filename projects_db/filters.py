"""The project directory's filters (django-filter): every filter lives in the URL's query string."""

from __future__ import annotations

import django_filters
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from projects_db.models import Project
from projects_db.selectors import facet_counts, published_projects

YEAR_MIN, YEAR_MAX = 1, 9999
YEAR_MESSAGE = _("Enter a year between 1 and 9999.")

SORTS = {
    "newest": ("-published_at", "-pk"),
    "updated": ("-updated_at", "-pk"),
    "title": (Lower("title"), "pk"),  # case-insensitive whatever the database collation
}

# facet name -> the field its counts are grouped by
FACETS = {
    "governorate": "lead_municipality__governorate__slug",
    "municipality": "lead_municipality__slug",
    "category": "category__slug",
    "status": "status",
    "funder": "funders__slug",
    "year": "start_date__year",
    "has_outcomes": "has_outcomes",
}


class ProjectFilter(django_filters.FilterSet):
    governorate = django_filters.CharFilter(field_name="lead_municipality__governorate__slug", label=_("Governorate"))
    municipality = django_filters.CharFilter(method="filter_municipality", label=_("Municipality"))
    category = django_filters.CharFilter(field_name="category__slug", label=_("Category"))
    status = django_filters.ChoiceFilter(choices=Project.Status.choices, label=_("Status"))
    funder = django_filters.CharFilter(field_name="funders__slug", distinct=True, label=_("Funder"))
    year = django_filters.NumberFilter(
        field_name="start_date__year",
        label=_("Year started"),
        # A year outside the calendar's dates cannot become a date range in SQL: refuse it with a message.
        min_value=YEAR_MIN,
        max_value=YEAR_MAX,
        decimal_places=0,
        error_messages={
            "min_value": YEAR_MESSAGE,
            "max_value": YEAR_MESSAGE,
            "max_decimal_places": YEAR_MESSAGE,
            "invalid": YEAR_MESSAGE,
        },
    )
    has_outcomes = django_filters.BooleanFilter(field_name="has_outcomes", label=_("Has outcomes"))
    sort = django_filters.ChoiceFilter(
        choices=[("newest", _("Newest")), ("updated", _("Recently updated")), ("title", _("Title"))],
        method="filter_sort",
        label=_("Sort by"),
        empty_label=None,
    )

    class Meta:
        model = Project
        fields: list[str] = []

    def filter_municipality(self, queryset, name, value):
        """Projects the municipality leads (partners are listed on the municipality's own page)."""
        return queryset.filter(lead_municipality__slug=value)

    def filter_sort(self, queryset, name, value):
        return queryset.order_by(*SORTS.get(value, SORTS["newest"]))

    @property
    def qs(self):
        queryset = super().qs
        if not self.form.cleaned_data.get("sort"):
            queryset = queryset.order_by(*SORTS["newest"])
        return queryset


def filter_errors(filterset: ProjectFilter) -> list[str]:
    """The filters' error messages, each with its filter's label, for the page or an export to show."""
    return [
        f"{filterset.filters[name].label}: {' '.join(messages)}" if name in filterset.filters else " ".join(messages)
        for name, messages in filterset.errors.items()
    ]


def directory(params) -> tuple[ProjectFilter, dict[str, dict]]:
    """The filtered directory and, for each facet, the counts with every other filter applied."""
    filterset = ProjectFilter(params, queryset=published_projects())
    counts = {}
    for facet, field in FACETS.items():
        others = params.copy()
        others.pop(facet, None)
        others.pop("page", None)
        others.pop("sort", None)
        facet_set = ProjectFilter(others, queryset=published_projects())
        counts[facet] = facet_counts(queryset=facet_set.qs, field=field) if facet_set.is_valid() else {}
    return filterset, counts
