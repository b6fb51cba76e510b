"""The three paths of issue 10, against a real gunicorn with production settings, then through nginx configured
exactly as docs/deployment.md says: a draft project's document at /documents/<id>/<name> and at
/media/documents/<name>, and a staff-lounge attachment at /media/machina/attachments/<name>. The public is refused;
a reader with the right gets an X-Accel-Redirect from gunicorn, and the file itself from nginx."""

import http.client
import os
import re
import secrets
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from machina.core.db.models import get_model

from tests.hub.test_production_settings import collect_static_once, free_port, production_env
from tests.scaleout.servers import database_url, spawn_gunicorn, stop, wait_until

Attachment = get_model("forum_attachments", "Attachment")
pytestmark = pytest.mark.django_db(transaction=True)

NGINX = "/usr/sbin/nginx"
PDF = b"%PDF-1.4\n% private bytes\n%%EOF\n"
PNG_NAME = "original_images/public-photo.png"


def fetch(port: int, path: str, cookie: str = "") -> tuple[int, bytes, dict]:
    """One GET over plain HTTP as the public host, without following redirects."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    headers = {"Host": "hub.example.ps", "X-Forwarded-Proto": "https"}
    if cookie:
        headers["Cookie"] = f"sessionid={cookie}"
    try:
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        try:
            body = response.read()
        except http.client.IncompleteRead as short:
            # An X-Accel-Redirect answer keeps the file's Content-Length for nginx but has no body.
            body = short.partial
        return response.status, body, {k.lower(): v for k, v in response.getheaders()}
    finally:
        conn.close()


def answers(port: int) -> bool:
    """The public host's /healthz answers through `port` (any status)."""
    try:
        fetch(port, "/healthz")
        return True
    except OSError:
        return False


@pytest.fixture(scope="session")
def static_root(tmp_path_factory) -> Path:
    """collectstatic once (production pages, 404 included, need the manifest), shared with the other modules."""
    return collect_static_once(tmp_path_factory)


@pytest.fixture(scope="module")
def secret_key() -> str:
    """gunicorn checks sessions with it; the test's own sessions are signed with it too."""
    return secrets.token_urlsafe(64)


@pytest.fixture
def site(settings, secret_key, static_root):
    """Committed data for another process: Hebron's draft project with a document, a staff-lounge attachment, a
    public image, and the session of Hebron's staff member (signed with the secret key gunicorn will use)."""
    from django.test import Client

    from forum import services as forum_services
    from hub.accounts import roles
    from projects_db import services
    from projects_db.models import Project
    from tests.forum import factories as forum_factories
    from tests.projects_db.factories import MunicipalityFactory, ProjectFactory

    settings.SECRET_KEY = secret_key
    forums = forum_services.setup_forum()
    hebron = MunicipalityFactory(slug="hebron", name_en="Hebron")
    staff = forum_factories.make_staff(municipality=hebron, username="staff-hebron")
    staff.groups.add(Group.objects.get_or_create(name=roles.MUNICIPAL_STAFF)[0])
    project = ProjectFactory(title="Hebron draft", lead_municipality=hebron, state=Project.State.DRAFT)
    upload = SimpleUploadedFile("draft-plan.pdf", PDF, content_type="application/pdf")
    services.project_update(project=project, user=staff, data={"new_document": upload})
    document = project.documents.get()
    topic = forum_factories.make_topic(forum=forums["staff-lounge"], poster=staff)
    attachment = Attachment.objects.create(post=topic.first_post, file=SimpleUploadedFile("lounge.pdf", PDF))
    public_image = Path(settings.MEDIA_ROOT) / PNG_NAME
    public_image.parent.mkdir(parents=True, exist_ok=True)
    public_image.write_bytes(b"public image bytes")
    client = Client()
    client.force_login(staff)
    yield {
        "secret_key": settings.SECRET_KEY,
        "cookie": client.cookies["sessionid"].value,
        "document": document,
        "attachment": attachment,
    }
    public_image.unlink(missing_ok=True)


@pytest.fixture(scope="module")
def gunicorn(django_db_setup, secret_key, static_root, redis_url):
    """gunicorn with the production settings, once for the module. It keeps nothing between tests: each test's data
    is committed in the test database, which becomes a fresh copy after the test (gunicorn's next request
    reconnects: CONN_HEALTH_CHECKS), and its files are in the worker's media folders."""
    env = production_env(
        DATABASE_URL=database_url(),
        SECRET_KEY=secret_key,
        ALLOWED_HOSTS="hub.example.ps,127.0.0.1",
        CSRF_TRUSTED_ORIGINS="https://hub.example.ps",
        SITE_URL="https://hub.example.ps",
        REDIS_URL=redis_url,
        STATIC_ROOT=str(static_root),
        SECURE_SSL_REDIRECT="false",  # nginx below speaks plain HTTP to this test; TLS is not what is tested
        MEDIA_ROOT=str(settings.MEDIA_ROOT),
        PRIVATE_MEDIA_ROOT=str(settings.PRIVATE_MEDIA_ROOT),
    )
    process, port = spawn_gunicorn(env)
    try:
        wait_until(lambda: answers(port), process, "gunicorn")
        yield port
    finally:
        stop(process)


def paths(site) -> dict[str, str]:
    document, attachment = site["document"], site["attachment"]
    return {
        "document": document.url,
        "document_media": f"/media/{document.file.name}",
        "attachment_media": f"/media/{attachment.file.name}",
        "attachment": f"/ar/forum/attachment/{attachment.pk}/",
    }


def test_gunicorn_refuses_the_public_and_hands_private_files_to_the_web_server(site, gunicorn):
    urls = paths(site)
    # The public: the document answers 404, the attachment asks to sign in; gunicorn serves nothing under /media/.
    assert fetch(gunicorn, urls["document"])[0] == 404
    status, _, headers = fetch(gunicorn, urls["attachment"])
    assert status == 302 and "/accounts/login/" in headers["location"]
    for name in ("document_media", "attachment_media"):
        for cookie in ("", site["cookie"]):  # not even to a reader with the right: only the checked URL serves it
            assert fetch(gunicorn, urls[name], cookie=cookie)[0] == 404, name
    # Hebron's staff: an empty answer telling nginx which private file to send.
    for name, file in (("document", site["document"].file), ("attachment", site["attachment"].file)):
        status, body, headers = fetch(gunicorn, urls[name], cookie=site["cookie"])
        assert status == 200, (name, body[:300])
        assert headers["x-accel-redirect"] == f"/private-media/{file.name}" and body == b""
        assert "filename=" in headers["content-disposition"]


def nginx_config(port: int, upstream: int, tmp: Path, static_root: Path) -> str:
    """The nginx block of docs/deployment.md with this run's ports and folders, in a minimal nginx.conf."""
    docs = (Path(settings.BASE_DIR) / "docs" / "deployment.md").read_text()
    block = re.search(r"```nginx\n(.*?)```", docs, re.S).group(1)
    replacements = {
        "listen 80;": f"listen 127.0.0.1:{port};",
        "server 127.0.0.1:8000;": f"server 127.0.0.1:{upstream};",
        "/srv/hub/static/": f"{static_root}/",
        "/srv/hub/media/": f"{settings.MEDIA_ROOT}/",
        "/srv/hub/private-media/": f"{settings.PRIVATE_MEDIA_ROOT}/",
    }
    for old, new in replacements.items():
        assert old in block, old
        block = block.replace(old, new)
    temp = tmp / "nginx"
    return f"""
daemon off;
{"user root;" if os.geteuid() == 0 else ""}
worker_processes 1;
pid {temp}/nginx.pid;
error_log {temp}/error.log;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
{block}
}}
"""


@pytest.fixture(scope="module")
def nginx(gunicorn, static_root, tmp_path_factory):
    """nginx configured as docs/deployment.md says, in front of the module's gunicorn, once for the module."""
    if not (os.path.exists(NGINX) and shutil.which(NGINX)):
        message = f"this test needs {NGINX} (apt-get install -y nginx); .ci/run installs it"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    tmp = tmp_path_factory.mktemp("nginx-site")
    temp = tmp / "nginx"
    temp.mkdir()
    port = free_port()
    config = tmp / "nginx.conf"
    config.write_text(nginx_config(port, gunicorn, tmp, static_root))
    process = subprocess.Popen(
        [NGINX, "-c", str(config), "-p", str(temp)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        wait_until(lambda: answers(port), process, "nginx")
        yield port
    finally:
        stop(process)


def test_through_nginx_as_documented_the_public_gets_nothing_and_the_reader_gets_the_file(site, nginx):
    urls = paths(site)
    assert fetch(nginx, f"/media/{PNG_NAME}")[1] == b"public image bytes"  # public uploads are served
    for name in ("document", "document_media", "attachment_media"):
        status, body, _ = fetch(nginx, urls[name])
        assert status == 404 and PDF not in body, name
    for name in ("document_media", "attachment_media"):
        status, body, _ = fetch(nginx, urls[name], cookie=site["cookie"])
        assert status == 404 and PDF not in body, name
    private_path = f"/private-media/{site['document'].file.name}"
    assert fetch(nginx, private_path)[0] == 404  # the internal location cannot be asked for directly
    status, _, headers = fetch(nginx, urls["attachment"])
    assert status == 302 and "/accounts/login/" in headers["location"]
    for name in ("document", "attachment"):
        status, body, headers = fetch(nginx, urls[name], cookie=site["cookie"])
        assert status == 200 and body == PDF, name
        assert "x-accel-redirect" not in headers
        assert "filename=" in headers["content-disposition"]


def test_through_nginx_as_documented_pages_and_static_files_arrive_compressed(site, nginx):
    """The gzip lines of docs/deployment.md: an HTML page (here the site's 404 page) and a stylesheet (its
    precompressed copy) are sent gzipped to a browser that accepts it, and only then."""
    import gzip

    for path, kind in (("/ar/no-such-page/", "text/html"), ("/static/css/site.css", "text/css")):
        conn = http.client.HTTPConnection("127.0.0.1", nginx, timeout=20)
        headers = {"Host": "hub.example.ps", "X-Forwarded-Proto": "https", "Accept-Encoding": "gzip"}
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        body = response.read()
        conn.close()
        assert response.getheader("Content-Type", "").startswith(kind), path
        assert response.getheader("Content-Encoding") == "gzip", path
        plain = gzip.decompress(body)
        assert len(body) < len(plain) / 2, path
        status, uncompressed, headers = fetch(nginx, path)
        assert "content-encoding" not in headers and uncompressed == plain, path
