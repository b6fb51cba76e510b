"""A project's fields are declared once (projects_db.fields): the forms, the admin, the import, the service, the
exports and the API all agree with it, so a field added in one place cannot be missing from another."""

import csv
import io

import pytest
from django.core.management import call_command

from projects_db import fields, services
from projects_db.api import ProjectDetailOut, ProjectOut
from projects_db.forms import ProjectForm
from projects_db.importing import ImportRowForm
from projects_db.models import Project

from .factories import ProjectFactory

TIMESTAMPS = {"published_at", "updated_at"}


def test_every_editable_field_is_a_field_of_the_model_and_of_the_forms():
    model_fields = {f.name for f in Project._meta.get_fields()}
    assert set(fields.EDITABLE_FIELDS) <= model_fields
    assert list(ImportRowForm.Meta.fields) == fields.EDITABLE_FIELDS
    assert set(fields.EDITABLE_FIELDS) <= set(ProjectForm.base_fields)
    service_fields = set(services.SCALAR_FIELDS) | set(services.FK_FIELDS) | set(services.M2M_FIELDS)
    assert service_fields - {"documents", "images"} == set(fields.EDITABLE_FIELDS)


def test_the_api_lists_what_the_export_does_and_details_every_public_field():
    assert list(ProjectOut.model_fields) == [
        *[name for name in fields.SUMMARY_FIELDS if name != "url"],
        "published_at",
        "updated_at",
        "url",
    ]
    assert set(ProjectDetailOut.model_fields) == set(fields.DETAIL_FIELDS) | TIMESTAMPS
    assert not set(fields.CONTACT_FIELDS) & set(ProjectDetailOut.model_fields)


@pytest.mark.django_db
def test_the_openapi_schema_names_the_declared_fields(client):
    schemas = client.get("/api/v1/openapi.json").json()["components"]["schemas"]
    assert set(schemas["ProjectOut"]["properties"]) == set(fields.SUMMARY_FIELDS) | TIMESTAMPS
    assert set(schemas["ProjectDetailOut"]["properties"]) == set(fields.DETAIL_FIELDS) | TIMESTAMPS


@pytest.mark.django_db
def test_an_export_header_is_the_summary_and_every_column_is_read_by_the_import(client):
    ProjectFactory()
    text = client.get("/en/projects/export.csv").content.decode("utf-8-sig")
    header = next(csv.reader(io.StringIO(text)))
    assert header == fields.SUMMARY_FIELDS
    importable = set(fields.IMPORT_REQUIRED + fields.IMPORT_OPTIONAL) | set(fields.EXPORT_ALIASES)
    assert set(header) <= importable | set(fields.EXPORT_IGNORED)


@pytest.mark.django_db
def test_the_import_reads_the_contact_person_like_the_forms(tmp_path, hebron, category):
    path = tmp_path / "projects.csv"
    path.write_text(
        "title,summary,language,lead_municipality,category,status,contact_name,contact_email\n"
        "Hebron GIS,Maps,en,hebron,e-payment,live,Rana Saleh,gis@hebron.example.ps\n",
        encoding="utf-8",
    )
    call_command("import_projects", str(path), language="en")
    project = Project.objects.get(title="Hebron GIS")
    assert (project.contact_name, project.contact_email) == ("Rana Saleh", "gis@hebron.example.ps")
