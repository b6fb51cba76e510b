"""Importing projects from CSV: every row is checked first; then all rows are imported in one transaction, or none.

Columns (UTF-8, header row required; lists are separated by ";"):
title, summary, language, lead_municipality, category, status — required;
description, title_translation, summary_translation, partner_municipalities, start_date, launch_date, end_date,
budget_amount, budget_currency, funders, vendors, maintenance, technologies, licence, live_url, documentation_url,
source_url, lessons_learned, obstacles, contact_name, contact_email, contact_phone, based_on,
outcomes ("label|value|unit; label|value|unit"), state (published or draft; published when empty).
Municipalities, categories, organisations and based_on are slugs.
A file exported from the directory (export.csv) imports as it is: its `municipality` column is the lead
municipality, `slug`, `governorate` and `url` are ignored, and the "'" put before formula characters is taken off.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from hub.places import selectors as places
from hub.text import SingleLineTextMixin
from projects_db import fields, services
from projects_db.exports import unguard_formula
from projects_db.fields import EDITABLE_FIELDS
from projects_db.forms import https_by_default, parse_outcomes
from projects_db.models import Category, Organisation, Project

# Columns, and how an export's columns are read: from the one declaration (projects_db.fields).
REQUIRED = fields.IMPORT_REQUIRED
OPTIONAL = fields.IMPORT_OPTIONAL
LIST_FIELDS = fields.MANY_TO_MANY
EXPORT_ALIASES = fields.EXPORT_ALIASES
EXPORT_IGNORED = fields.EXPORT_IGNORED


class SlugListField(forms.ModelMultipleChoiceField):
    """ "a; b; c" -> the objects with those slugs (an unknown slug is an error)."""

    def to_python(self, value):
        return [part.strip() for part in (value or "").split(";") if part.strip()]

    def clean(self, value):
        slugs = self.to_python(value)
        found = {obj.slug: obj for obj in self.queryset.filter(slug__in=slugs)}
        unknown = [slug for slug in slugs if slug not in found]
        if unknown:
            raise ValidationError(_("Unknown: %(slugs)s.") % {"slugs": ", ".join(unknown)})
        return [found[slug] for slug in slugs]


class ImportRowForm(SingleLineTextMixin, forms.ModelForm):
    lead_municipality = forms.ModelChoiceField(places.municipalities(), to_field_name="slug")
    category = forms.ModelChoiceField(Category.objects.all(), to_field_name="slug")
    based_on = forms.ModelChoiceField(Project.objects.all(), to_field_name="slug", required=False)
    partner_municipalities = SlugListField(places.municipalities(), required=False)
    funders = SlugListField(Organisation.objects.all(), required=False)
    vendors = SlugListField(Organisation.objects.all(), required=False)
    maintenance = forms.ChoiceField(choices=Project.Maintenance.choices, required=False)
    outcomes = forms.CharField(required=False)
    state = forms.ChoiceField(
        choices=[("", ""), (Project.State.PUBLISHED, "published"), (Project.State.DRAFT, "draft")], required=False
    )

    class Meta:
        model = Project
        fields = EDITABLE_FIELDS
        formfield_callback = https_by_default

    def clean_outcomes(self):
        text = "\n".join(part for part in self.cleaned_data.get("outcomes", "").split(";"))
        return parse_outcomes(text)

    def _post_clean(self):  # the service validates the model
        pass

    def data_for_service(self) -> dict:
        data = {name: self.cleaned_data.get(name) for name in self.Meta.fields}
        for name in ("maintenance",):
            data[name] = data[name] or Project.Maintenance.IN_HOUSE
        data["outcomes"] = self.cleaned_data["outcomes"]
        return data


@dataclass
class RowError:
    line: int
    message: str


def _errors_of(exc: ValidationError) -> str:
    if hasattr(exc, "error_dict"):
        return "; ".join(f"{field}: {' '.join(msgs)}" for field, msgs in exc.message_dict.items())
    return " ".join(exc.messages)


def read_rows(text: str) -> tuple[list[tuple[int, dict]], list[RowError]]:
    """Parse the CSV; return (line, row) pairs and the errors of the file's shape."""
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
    rows, errors = [], []
    try:
        headers = [EXPORT_ALIASES.get(column, column) for column in reader.fieldnames or []]
        duplicated = sorted({column for column in headers if headers.count(column) > 1})
        missing = [column for column in REQUIRED if column not in headers]
        unknown = [column for column in headers if column not in REQUIRED + OPTIONAL + EXPORT_IGNORED]
        if duplicated:
            # csv.DictReader would keep the last cell of a repeated column and silently drop the others.
            errors.append(RowError(1, _("Repeated columns: %(columns)s.") % {"columns": ", ".join(duplicated)}))
        if missing:
            errors.append(RowError(1, _("Missing columns: %(columns)s.") % {"columns": ", ".join(missing)}))
        if unknown:
            errors.append(RowError(1, _("Unknown columns: %(columns)s.") % {"columns": ", ".join(unknown)}))
        if errors:
            return [], errors
        reader.fieldnames = headers
        for row in reader:
            if None in row or any(value is None for value in row.values()):
                errors.append(RowError(reader.line_num, _("The row does not have as many cells as the header.")))
                continue
            for column in EXPORT_IGNORED:
                row.pop(column, None)
            rows.append((reader.line_num, {column: unguard_formula(value) for column, value in row.items()}))
    except csv.Error as exc:
        errors.append(RowError(reader.line_num, _("The file is not valid CSV: %(error)s") % {"error": exc}))
    return rows, errors


def validate(rows: list[tuple[int, dict]]) -> tuple[list[tuple[int, dict, str]], list[RowError]]:
    valid, errors = [], []
    for line, row in rows:
        form = ImportRowForm({k: (v or "").strip() for k, v in row.items()})
        if not form.is_valid():
            errors.append(
                RowError(line, "; ".join(f"{field}: {' '.join(msgs)}" for field, msgs in form.errors.items()))
            )
            continue
        data = form.data_for_service()
        try:
            services.validate_project_data(data=data)
        except ValidationError as exc:
            errors.append(RowError(line, _errors_of(exc)))
            continue
        valid.append((line, data, form.cleaned_data.get("state") or Project.State.PUBLISHED))
    return valid, errors


def import_csv(text: str) -> tuple[int, list[RowError]]:
    """Import every row or none: (number imported, errors)."""
    rows, errors = read_rows(text)
    if errors:
        return 0, errors
    valid, errors = validate(rows)
    if errors:
        return 0, errors
    if not valid:
        return 0, [RowError(1, _("The file has no rows."))]
    with transaction.atomic():
        for line, data, state in valid:
            try:
                services.project_import(data=data, state=state)
            except ValidationError as exc:  # e.g. two rows that conflict with each other
                transaction.set_rollback(True)
                return 0, [RowError(line, _errors_of(exc))]
    return len(valid), []
