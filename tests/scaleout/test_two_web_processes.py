"""Two gunicorn processes, as two web hosts behind a load balancer, share one PostgreSQL database, one Redis cache
and one object store (moto's S3 server). A reader's cached page on one host is never stale after an editor changed
it through the other: the invalidation goes through the shared cache, not the memory of a process."""

import html
import http.client
import re
import secrets
from http.cookies import SimpleCookie
from urllib.parse import urlencode

import pytest

from tests.hub.test_production_settings import production_env
from tests.scaleout.servers import database_url, spawn_gunicorn, stop, wait_for_gunicorn

pytestmark = pytest.mark.django_db(transaction=True)
HOST = "hub.example.ps"
STORY = "قصة يقرؤها الجميع"
PROJECT = "Shared permits portal"


class Browser:
    """One visitor talking to one host: keeps its cookies, sends what the proxy in front of gunicorn would."""

    def __init__(self, port: int, cookies: dict[str, str] | None = None):
        self.port = port
        self.cookies = dict(cookies or {})

    def request(self, method: str, path: str, form: dict[str, str] | None = None) -> tuple[int, str, dict]:
        headers = {"Host": HOST, "X-Forwarded-Proto": "https"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"https://{HOST}{path}"  # Django's CSRF check of HTTPS posts wants it
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            text = response.read().decode("utf-8", "replace")
            for header, value in response.getheaders():
                if header.lower() == "set-cookie":
                    self.cookies.update({k: m.value for k, m in SimpleCookie(value).items()})
            return response.status, text, {k.lower(): v for k, v in response.getheaders()}
        finally:
            conn.close()

    def get(self, path: str):
        return self.request("GET", path)

    def post_form(self, form_page: str, action: str, **fields: str):
        """Open the page that holds the form (for its CSRF token), then post to the form's action."""
        status, page, _ = self.get(form_page)
        assert status == 200, (form_page, status)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        return self.request("POST", action, {"csrfmiddlewaretoken": token, **fields})


@pytest.fixture(scope="module")
def secret_key() -> str:
    """The hosts sign and check sessions with the same key; the test's own sessions are signed with it too."""
    return secrets.token_urlsafe(64)


@pytest.fixture
def site(settings, secret_key):
    """Committed data both hosts read: a published story, a submitted project, a ministry editor's session."""
    from django.test import Client

    from hub import demo, services
    from hub.models import HomePage
    from projects_db.models import Project
    from tests.hub.factories import make_story
    from tests.projects_db.factories import ProjectFactory, UserFactory

    settings.SECRET_KEY = secret_key
    demo.load_home()
    sections = services.cms_ensure_sections(home=HomePage.objects.get(locale__language_code="ar"))
    story = make_story(sections["stories"]["ar"], slug="shared", title=STORY)
    project = ProjectFactory(title=PROJECT, slug="shared-permits", state=Project.State.SUBMITTED, published_at=None)
    editor = UserFactory(username="editor", editor=True, is_superuser=True, is_staff=True)
    client = Client()
    client.force_login(editor)
    return {
        "secret_key": settings.SECRET_KEY,
        "editor": client.cookies["sessionid"].value,
        "story": story,
        "project": project,
    }


@pytest.fixture(scope="module")
def hosts(django_db_setup, secret_key, redis_server, s3_server, collected_static):
    """The two gunicorn hosts, started together once for the module (each start costs a Django boot). They hold no
    state of their own between tests: each test's data is committed in the test database, which becomes a fresh copy
    after the test (the hosts' next request reconnects: CONN_HEALTH_CHECKS), and the shared cache is emptied."""
    env = production_env(
        DATABASE_URL=database_url(),
        SECRET_KEY=secret_key,
        ALLOWED_HOSTS=f"{HOST},127.0.0.1",
        CSRF_TRUSTED_ORIGINS=f"https://{HOST}",
        SITE_URL=f"https://{HOST}",
        REDIS_URL=redis_server,
        STATIC_ROOT=str(collected_static),
        SECURE_SSL_REDIRECT="false",
        **s3_server,
    )
    started = []
    try:
        for _ in range(2):
            started.append(spawn_gunicorn(env))
        for process, port in started:
            wait_for_gunicorn(process, port)
        yield [port for _, port in started]
    finally:
        for process, _ in started:
            process.terminate()  # both at once: each takes a second to exit
        for process, _ in started:
            stop(process)


@pytest.fixture
def two_hosts(site, hosts, redis_server):
    """The module's two hosts, with the shared cache empty: no page cached by an earlier test is served."""
    import redis

    redis.Redis.from_url(redis_server).flushdb()
    return hosts


def test_an_editor_on_one_host_changes_what_anonymous_readers_of_the_other_see_at_once(site, two_hosts):
    port_a, port_b = two_hosts
    editor = Browser(port_a, {"sessionid": site["editor"]})
    reader = Browser(port_b)
    story_path = "/ar/stories/shared/"

    # Host B has the story page and the stories index in its cache (the second view of each is a hit).
    for path in (story_path, "/ar/stories/"):
        reader.get(path)
        status, page, headers = reader.get(path)
        assert status == 200 and STORY in html.unescape(page)
        assert headers.get("x-hub-cache") == "hit", (path, headers)

    # The editor unpublishes the story in the Wagtail admin of host A...
    unpublish = f"/admin/pages/{site['story'].pk}/unpublish/"
    status, _, headers = editor.post_form(unpublish, unpublish)
    assert status == 302, headers
    # ...and host B no longer serves it, nor lists it.
    assert reader.get(story_path)[0] == 404
    status, page, _ = reader.get("/ar/stories/")
    assert status == 200 and STORY not in html.unescape(page)


def test_a_project_published_on_one_host_is_in_the_other_hosts_directory_at_once(site, two_hosts):
    port_a, port_b = two_hosts
    editor = Browser(port_a, {"sessionid": site["editor"]})
    reader = Browser(port_b)
    project_path = f"/ar/projects/{site['project'].slug}/"

    for _ in range(2):  # as often as a cache would need to be warm
        status, page, _ = reader.get("/ar/projects/")
        assert status == 200 and PROJECT not in page
        assert reader.get(project_path)[0] == 404

    status, _, headers = editor.post_form(project_path, f"{project_path}publish/")
    assert status == 302, headers

    status, page, _ = reader.get("/ar/projects/")
    assert status == 200 and PROJECT in page
    status, page, _ = reader.get(project_path)
    assert status == 200 and PROJECT in page
