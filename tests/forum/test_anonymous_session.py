"""No anonymous reader gets a session: not on the site, and not in the forum (machina's anonymous key, for anonymous
posts and votes the site does not allow, is never created)."""

import pytest

pytestmark = pytest.mark.django_db


def test_anonymous_reader_outside_the_forum_gets_no_session(client, home_pages):
    for url in ("/ar/", "/en/projects/", "/ar/search/?q=دفع"):
        response = client.get(url)
        assert response.status_code == 200
        assert "sessionid" not in response.cookies, url


def test_anonymous_reader_of_the_forum_gets_no_session(client, forums):
    response = client.get("/ar/forum/")
    assert response.status_code == 200
    assert "sessionid" not in response.cookies
    assert not client.session.get("_anonymous_forum_key")
