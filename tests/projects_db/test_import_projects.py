"""`manage.py import_projects FILE.csv`: all rows checked first, all imported or none, bad rows shown by line."""

import pytest
from django.core.management import CommandError, call_command

from projects_db.models import Project, ProjectChange
from search.models import SearchDocument

pytestmark = pytest.mark.django_db

HEADER = (
    "title,summary,language,lead_municipality,category,status,start_date,end_date,"
    "budget_amount,budget_currency,funders,outcomes\n"
)


def _run(tmp_path, text):
    path = tmp_path / "projects.csv"
    path.write_text(text, encoding="utf-8")
    call_command("import_projects", str(path), language="en")


def test_a_good_file_is_imported_published_logged_and_indexed(tmp_path, hebron, category, funder, capsys):
    _run(
        tmp_path,
        HEADER
        + 'بوابة الخليل,"دفع الفواتير, وطلب الخدمات",ar,hebron,e-payment,live,2021-01-01,,1000,USD,giz,'
        + '"share paid online|34|%; visits|1200|"\n'
        + "Hebron GIS,Maps,en,hebron,e-payment,completed,2019-01-01,2020-01-01,,,,\n",
    )
    assert "2 project(s) imported." in capsys.readouterr().out
    project = Project.objects.get(title="بوابة الخليل")
    assert project.is_published and project.slug == "بوابة-الخليل"
    assert [o.label for o in project.outcomes.all()] == ["share paid online", "visits"]
    assert list(project.funders.all()) == [funder]
    assert ProjectChange.objects.filter(action="imported").count() == 2
    assert SearchDocument.objects.filter(source_type="project").count() == 2


def test_bad_rows_are_listed_by_line_and_nothing_is_imported(tmp_path, hebron, category, capsys):
    text = (
        HEADER
        + "Good one,s,en,hebron,e-payment,live,2021-01-01,,,,,\n"
        + "End before start,s,en,hebron,e-payment,live,2021-01-01,2020-01-01,,,,\n"
        + "Negative,s,en,hebron,e-payment,live,,,-5,USD,,\n"
        + "Currency,s,en,hebron,e-payment,live,,,5,XYZ,,\n"
        + "Nablus,s,en,nowhere,e-payment,live,,,,,unknown-donor,\n"
    )
    with pytest.raises(CommandError, match="4 bad row"):
        _run(tmp_path, text)
    err = capsys.readouterr().err
    assert "line 3: end_date: The end date cannot be before the start date." in err
    assert "line 4: budget_amount:" in err
    assert "line 5: budget_currency:" in err
    assert "line 6: lead_municipality:" in err and "Unknown: unknown-donor." in err
    assert not Project.objects.exists()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("title,summary\nx,y\n", "Missing columns: language, lead_municipality, category, status."),
        (HEADER + 'A,"unclosed,en,hebron\n', "not valid CSV"),
        (HEADER + "A,s,en,hebron\n", "does not have as many cells"),
        (HEADER.replace("outcomes", "colour"), "Unknown columns: colour."),
    ],
)
def test_malformed_csv_is_refused_with_a_reason(tmp_path, hebron, category, capsys, text, message):
    with pytest.raises(CommandError):
        _run(tmp_path, text)
    assert message in capsys.readouterr().err
    assert not Project.objects.exists()


def test_messages_come_in_arabic_by_default(tmp_path, hebron, category, capsys):
    path = tmp_path / "projects.csv"
    path.write_text(HEADER + "A,s,en,hebron,e-payment,live,2021-01-01,2020-01-01,,,,\n", encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("import_projects", str(path))
    assert "لا يمكن أن يسبق تاريخ الانتهاء تاريخ البدء." in capsys.readouterr().err


def test_a_file_that_is_not_utf8_is_refused(tmp_path):
    path = tmp_path / "projects.csv"
    path.write_bytes("عنوان".encode("cp1256"))
    with pytest.raises(CommandError, match="not UTF-8"):
        call_command("import_projects", str(path))
