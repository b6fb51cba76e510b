"""The agreements list's filters (django-filter, as the project directory): type, municipality and year, all in the
query string."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from hub.cooperation.models import Agreement

YEAR_MESSAGE = _("Enter a year between 1900 and 2100.")


class AgreementFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=Agreement.Kind.choices, label=_("Type"), empty_label=_("All"))
    municipality = django_filters.CharFilter(method="filter_municipality", label=_("Municipality"))
    year = django_filters.NumberFilter(
        field_name="signed_on__year",
        label=_("Year signed"),
        # A year outside the calendar cannot become a date range in SQL: refuse it with a message.
        min_value=1900,
        max_value=2100,
        decimal_places=0,
        error_messages={
            "min_value": YEAR_MESSAGE,
            "max_value": YEAR_MESSAGE,
            "max_decimal_places": YEAR_MESSAGE,
            "invalid": YEAR_MESSAGE,
        },
    )

    class Meta:
        model = Agreement
        fields: list[str] = []

    def filter_municipality(self, queryset, name, value):
        """Agreements the municipality (by slug) is party to."""
        return queryset.filter(parties__slug=value).distinct()


def filter_errors(filterset: AgreementFilter) -> list[str]:
    """The filters' error messages, each with its filter's label."""
    return [
        f"{filterset.filters[name].label}: {' '.join(messages)}" if name in filterset.filters else " ".join(messages)
        for name, messages in filterset.errors.items()
    ]
