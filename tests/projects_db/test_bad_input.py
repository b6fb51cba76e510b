"""Bad input on the staff form: a clear message in the user's language, and nothing half-saved."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model

from projects_db.models import Project

pytestmark = pytest.mark.django_db


@pytest.fixture
def form_data(form_data):
    """The staff form's required fields (tests/projects_db/conftest.py) with a start date and one key figure."""
    return {**form_data, "start_date": "2022-01-01", "outcomes_text": "share of bills paid online | 34 | %"}


@pytest.fixture
def staff_client(client, staff_hebron):
    client.force_login(staff_hebron)
    return client


def _post(client, data, lang="en"):
    return client.post(f"/{lang}/projects/new/", data)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"end_date": "2021-01-01"}, "The end date cannot be before the start date."),
        ({"budget_amount": "-5", "budget_currency": "USD"}, "Ensure this value is greater than or equal to 0."),
        ({"budget_amount": "100", "budget_currency": "XYZ"}, "Select a valid choice."),
        ({"budget_amount": "100"}, "Give the currency of the budget."),
        ({"summary": "x" * 301}, "Ensure this value has at most 300 characters"),
        ({"outcomes_text": "no value here"}, "Line 1: write “label | value | unit”."),
        ({"outcomes_text": "label | many | %"}, "Line 1: the value must be a number."),
        ({"start_date": "2022-02-31"}, "Enter a valid date."),
        ({"live_url": "javascript:alert(1)"}, "Enter a valid URL."),
    ],
)
def test_invalid_values_are_refused_with_a_message_and_nothing_saved(staff_client, form_data, change, message):
    response = _post(staff_client, {**form_data, **change})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Project.objects.exists()


def test_the_message_comes_in_arabic_for_an_arabic_user(staff_client, form_data):
    response = _post(staff_client, {**form_data, "end_date": "2021-01-01"}, lang="ar")
    assert "لا يمكن أن يسبق تاريخ الانتهاء تاريخ البدء." in response.content.decode()
    assert not Project.objects.exists()


def test_a_disguised_upload_is_refused(staff_client, form_data):
    fake = SimpleUploadedFile("report.pdf", b"MZ\x90\x00 this is an executable", content_type="application/pdf")
    response = _post(staff_client, {**form_data, "new_document": fake})
    assert "The content of the file does not match its type." in response.content.decode()
    fake_image = SimpleUploadedFile("photo.png", b"GIF89a not really", content_type="image/png")
    response = _post(staff_client, {**form_data, "new_image": fake_image})
    assert "The content of the file does not match its type." in response.content.decode()
    assert not Project.objects.exists() and not get_document_model().objects.exists()


def test_an_oversized_or_forbidden_upload_is_refused(staff_client, form_data, settings):
    settings.PROJECTS_DOCUMENT_MAX_SIZE = 100
    big = SimpleUploadedFile("report.pdf", b"%PDF-1.4 " + b"x" * 200)
    assert "The file is too large" in _post(staff_client, {**form_data, "new_document": big}).content.decode()
    exe = SimpleUploadedFile("setup.exe", b"MZ")
    assert (
        "This type of file is not accepted." in _post(staff_client, {**form_data, "new_document": exe}).content.decode()
    )
    assert not Project.objects.exists()


def test_a_real_pdf_is_attached(staff_client, form_data):
    pdf = SimpleUploadedFile("report.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")
    response = _post(staff_client, {**form_data, "new_document": pdf})
    assert response.status_code == 302
    assert Project.objects.get().documents.get().title == "report.pdf"


def test_script_in_text_is_stored_as_typed_and_rich_text_is_cleaned(staff_client, form_data):
    _post(
        staff_client,
        {**form_data, "title": "<script>x()</script>", "description": "<p onclick='x()'>ok</p><script>x()</script>"},
    )
    project = Project.objects.get()
    assert project.title == "<script>x()</script>"
    assert project.description == "<p>ok</p>"
    body = staff_client.get(f"/en/projects/{project.slug}/").content.decode()
    assert "<script>x()</script>" not in body


def test_two_projects_with_the_same_arabic_title_get_distinct_working_addresses(staff_client, form_data):
    _post(staff_client, {**form_data, "title": "بوابة الخليل"})
    _post(staff_client, {**form_data, "title": "بوابة الخليل"})
    slugs = sorted(Project.objects.values_list("slug", flat=True))
    assert slugs == ["بوابة-الخليل", "بوابة-الخليل-2"]
    for slug in slugs:
        assert staff_client.get(f"/ar/projects/{slug}/").status_code == 200
