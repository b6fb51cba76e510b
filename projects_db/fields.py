"""A project's fields, declared once: what people edit (forms, the admin, the import, the service), what the
directory exports and the API lists, and how the import reads an export. The others derive from these lists."""

from __future__ import annotations

# Everything a person may edit, in the order the forms show it. Outcomes (key figures) and media are edited too,
# but as rows of their own (see projects_db.services).
EDITABLE_FIELDS = [
    "title",
    "summary",
    "description",
    "language",
    "title_translation",
    "summary_translation",
    "lead_municipality",
    "partner_municipalities",
    "category",
    "status",
    "start_date",
    "launch_date",
    "end_date",
    "budget_amount",
    "budget_currency",
    "funders",
    "vendors",
    "maintenance",
    "technologies",
    "licence",
    "live_url",
    "documentation_url",
    "source_url",
    "lessons_learned",
    "obstacles",
    "contact_name",
    "contact_email",
    "contact_phone",
    "based_on",
]
FOREIGN_KEYS = ("lead_municipality", "category", "based_on")
MANY_TO_MANY = ("partner_municipalities", "funders", "vendors")
DATES = ("start_date", "launch_date", "end_date")
SCALAR_FIELDS = [name for name in EDITABLE_FIELDS if name not in FOREIGN_KEYS + MANY_TO_MANY]
# Shown only to signed-in people on the project page; never exported nor offered by the API.
CONTACT_FIELDS = ("contact_name", "contact_email", "contact_phone")

# The import (projects_db.importing): a CSV column per editable field, plus the key figures and the state.
IMPORT_REQUIRED = ["title", "summary", "language", "lead_municipality", "category", "status"]
IMPORT_OPTIONAL = [name for name in EDITABLE_FIELDS if name not in IMPORT_REQUIRED] + ["outcomes", "state"]

# One project in a list: the directory's CSV and JSON exports, and the API's list (which adds its timestamps).
# `municipality` is the lead municipality's slug, `governorate` its governorate's; `url` the project page.
SUMMARY_FIELDS = [
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
# How the import reads a column of the export: under another name, or not at all (derived or assigned).
EXPORT_ALIASES = {"municipality": "lead_municipality"}
EXPORT_IGNORED = ["slug", "governorate", "url"]

# One project in full (the API's detail): the summary, then every editable field but the contact person, under the
# summary's names, then what is computed from other projects.
DETAIL_FIELDS = (
    SUMMARY_FIELDS
    + [
        name
        for name in EDITABLE_FIELDS
        if name not in CONTACT_FIELDS and name not in SUMMARY_FIELDS and name not in EXPORT_ALIASES.values()
    ]
    + ["outcomes", "reused_by"]
)
