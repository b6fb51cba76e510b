"""Outcome values the database cannot hold, repeated CSV columns, and the directory's CSV export read back by the
importer: a message per line or row, in the user's language, and nothing saved."""

import datetime
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from projects_db import services
from projects_db.models import Project, ProjectOutcome
from tests.projects_db.factories import OutcomeFactory, ProjectFactory

pytestmark = pytest.mark.django_db

HEADER = "title,summary,language,lead_municipality,category,status,outcomes\n"


@pytest.mark.parametrize(
    ("value", "english", "arabic"),
    [
        (
            "999999999999.999",
            "Line 1: the value may have at most two decimal places.",
            "السطر 1: لا يجوز أن تتجاوز المنازل العشرية في القيمة منزلتين.",
        ),
        (
            "1e-50",
            "Line 1: the value may have at most two decimal places.",
            "السطر 1: لا يجوز أن تتجاوز المنازل العشرية في القيمة منزلتين.",
        ),
        (
            "1000000000000",
            "Line 1: the value must be less than a trillion (1,000,000,000,000).",
            "السطر 1: يجب أن تكون القيمة أقل من تريليون (1,000,000,000,000).",
        ),
    ],
)
def test_staff_form_refuses_an_outcome_the_database_cannot_hold(
    client, staff_hebron, form_data, value, english, arabic
):
    client.force_login(staff_hebron)
    data = {**form_data, "outcomes_text": f"visits | {value} | people"}
    response = client.post("/en/projects/new/", data)
    assert response.status_code == 200 and english in response.content.decode()
    response = client.post("/ar/projects/new/", data)
    assert response.status_code == 200 and arabic in response.content.decode()
    assert not Project.objects.exists() and not ProjectOutcome.objects.exists()


def test_an_outcome_with_two_decimals_or_fewer_is_kept_exactly(client, staff_hebron, form_data):
    client.force_login(staff_hebron)
    client.post("/en/projects/new/", {**form_data, "outcomes_text": "a | 999999999999.99 |\nb | 34.500 | %"})
    assert list(ProjectOutcome.objects.values_list("value", flat=True)) == [
        Decimal("999999999999.99"),
        Decimal("34.50"),
    ]


def test_the_service_refuses_such_a_value_whoever_calls_it(project_data):
    from django.core.exceptions import ValidationError

    data = {**project_data, "outcomes": [{"label": "visits", "value": Decimal("1e-50"), "unit": ""}]}
    with pytest.raises(ValidationError) as error:
        services.project_import(data=data)
    assert "outcomes" in error.value.message_dict
    assert not Project.objects.exists()


def _run(tmp_path, text, language="en"):
    path = tmp_path / "projects.csv"
    path.write_text(text, encoding="utf-8")
    call_command("import_projects", str(path), language=language)


@pytest.mark.parametrize("value", ["999999999999.999", "1e-50"])
def test_import_lists_a_bad_outcome_on_its_row_without_a_traceback(tmp_path, hebron, category, capsys, value):
    text = HEADER + "Good,s,en,hebron,e-payment,live,visits|3|\n" + f"Bad,s,en,hebron,e-payment,live,visits|{value}|\n"
    with pytest.raises(CommandError, match="1 bad row"):
        _run(tmp_path, text)
    err = capsys.readouterr().err
    assert "line 3: outcomes: Line 1: the value may have at most two decimal places." in err
    assert "Traceback" not in err
    with pytest.raises(CommandError):
        _run(tmp_path, text, language="ar")
    assert "لا يجوز أن تتجاوز المنازل العشرية في القيمة منزلتين." in capsys.readouterr().err
    assert not Project.objects.exists()


def test_import_refuses_a_repeated_column(tmp_path, hebron, category, capsys):
    text = "title,summary,language,lead_municipality,category,status,title\nA,s,en,hebron,e-payment,live,B\n"
    with pytest.raises(CommandError):
        _run(tmp_path, text)
    assert "line 1: Repeated columns: title." in capsys.readouterr().err
    with pytest.raises(CommandError):
        _run(tmp_path, text, language="ar")
    assert "أعمدة مكررة: title." in capsys.readouterr().err
    assert not Project.objects.exists()


def test_the_export_has_empty_cells_empty_and_formulas_guarded(client, hebron, category):
    ProjectFactory(title="=HYPERLINK(1)", summary="'quoted", lead_municipality=hebron, category=category)
    body = client.get("/en/projects/export.csv").content.decode("utf-8-sig")
    row = body.splitlines()[1].split(",")
    assert row[1] == "'=HYPERLINK(1)" and row[2] == "''quoted"
    assert "'" not in row[9:13]  # launch_date, end_date, budget_amount, budget_currency: empty, not "'"
    assert row[9:13] == ["", "", "", ""]


def test_the_csv_export_imports_back_as_the_same_projects(client, tmp_path, hebron, nablus, category, capsys):
    ProjectFactory(
        title="=SUM(A1:A2) portal",
        summary="-minus first; comma, and “quotes”",
        language="ar",
        lead_municipality=hebron,
        category=category,
        start_date=datetime.date(2020, 5, 1),
        launch_date=datetime.date(2021, 6, 1),
        budget_amount=Decimal("1200.50"),
        budget_currency="USD",
    )
    ProjectFactory(title="Nablus GIS", summary="@maps", lead_municipality=nablus, category=category, start_date=None)
    exported = client.get("/en/projects/export.csv").content.decode("utf-8-sig")
    path = tmp_path / "export.csv"
    path.write_bytes(client.get("/en/projects/export.csv").content)  # with its BOM, as a browser saves it
    OutcomeFactory._meta.model.objects.all().delete()
    Project.objects.all().delete()

    call_command("import_projects", str(path), language="en")
    assert "2 project(s) imported." in capsys.readouterr().out

    def comparable(text):
        # slug and url are assigned by the site; every other column must come back as it was
        return sorted(tuple(line.split(",")[1:-1]) for line in text.splitlines()[1:])

    again = client.get("/en/projects/export.csv").content.decode("utf-8-sig")
    assert comparable(again) == comparable(exported)
    assert Project.objects.get(budget_amount=Decimal("1200.50")).title == "=SUM(A1:A2) portal"
