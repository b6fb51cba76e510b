"""A NUL byte in an address is refused once for the whole site (hub.middleware), never a 500."""

import pytest

pytestmark = pytest.mark.django_db

# The routes the hostile test found, and a few more: paths and query strings, pages and the API.
PAGES = [
    "/{lang}/search/?q=x&type=%00",
    "/{lang}/municipalities/?governorate=%00",
    "/{lang}/projects/%00/",
    "/{lang}/projects/?year=%00",
    "/{lang}/projects/export.csv?category=%00",
    "/{lang}/accounts/members/%00/",
    "/{lang}/cooperation/who-has-done-this/?category=%00",
    "/{lang}/cooperation/recommendations/?status=%00",
    "/{lang}/forum/?%00=1",
    "/{lang}/stories/%00/",
]
API = [
    "/api/v1/projects/%00",
    "/api/v1/projects?category=%00",
    "/api/v1/municipalities?governorate=a%00b",
]


@pytest.mark.parametrize("url", PAGES)
def test_a_nul_byte_gets_a_400_page_in_the_site_frame_in_the_readers_language(client, url):
    response = client.get(url.format(lang="en"))
    assert response.status_code == 400
    body = response.content.decode()
    assert "The address contains a character that is not allowed (a NUL byte)." in body
    assert '<html lang="en" dir="ltr">' in body and 'class="skip-link"' in body
    body = client.get(url.format(lang="ar")).content.decode()
    assert '<html lang="ar" dir="rtl">' in body
    assert "يحتوي العنوان على محرف غير مسموح به (بايت NUL)." in body


@pytest.mark.parametrize("url", API)
def test_a_nul_byte_on_the_api_gets_a_json_400_in_the_accepted_language(client, url):
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert response.json() == {"detail": "The address contains a character that is not allowed (a NUL byte)."}
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="ar")
    assert response.json() == {"detail": "يحتوي العنوان على محرف غير مسموح به (بايت NUL)."}


def test_a_signed_in_reader_keeps_their_session_and_nothing_is_written(client, django_user_model):
    user = django_user_model.objects.create_user(username="reader", email="r@example.ps", password="x")
    client.force_login(user)
    count = django_user_model.objects.count()
    response = client.get("/en/projects/?governorate=%00")
    assert response.status_code == 400 and response.wsgi_request.user == user
    assert django_user_model.objects.count() == count
