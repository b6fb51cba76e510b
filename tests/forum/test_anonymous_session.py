"""machina's anonymous forum key lives in the session: only forum pages may create one for an anonymous reader,
so the rest of the site writes nothing and stays cacheable."""

import pytest

pytestmark = pytest.mark.django_db


def test_anonymous_reader_outside_the_forum_gets_no_session(client, home_pages):
    for url in ("/ar/", "/en/projects/", "/ar/search/?q=دفع"):
        response = client.get(url)
        assert response.status_code == 200
        assert "sessionid" not in response.cookies, url


def test_anonymous_reader_of_the_forum_gets_the_key_machina_needs(client, forums):
    response = client.get("/ar/forum/")
    assert response.status_code == 200
    assert "sessionid" in response.cookies
    assert client.session.get("_anonymous_forum_key")
