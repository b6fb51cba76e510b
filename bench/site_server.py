"""The site the benchmarks drive: a throwaway database on the embedded PostgreSQL with the demo content, a
redis-server of its own when Debian's is installed (the production cache), and gunicorn with the production
settings (bench.settings_http) on 127.0.0.1. Used by bench/http_load.py and bench/page_weight.py."""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
DATABASE = "hub_bench_http"
SEARCH_QUERY = "الدفع الإلكتروني"


@dataclass
class Site:
    port: int
    cache: str  # what serves as the cache, for the report


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def prepare_database(keep: bool) -> bool:
    """The bench database on the embedded server; True when it already holds the demo content (--keep)."""
    import psycopg2
    from psycopg2 import sql

    from hub import embedded_db

    data_dir = Path(os.environ.get("EMBEDDED_DB_DIR", ROOT / "var" / "pgdata"))
    conn = embedded_db.ensure_running(data_dir)
    admin = psycopg2.connect(dbname="postgres", user=conn.user, host=conn.host, port=conn.port)
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE])
        exists = cursor.fetchone() is not None
        if exists and not keep:
            cursor.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(DATABASE)))
            exists = False
        if exists:  # kept from an earlier run: it holds the demo only if that run's load_demo_data finished
            kept = psycopg2.connect(dbname=DATABASE, user=conn.user, host=conn.host, port=conn.port)
            with kept.cursor() as probe:
                probe.execute("SELECT to_regclass('projects_db_project') IS NOT NULL")
                exists = probe.fetchone()[0]
                if exists:
                    probe.execute("SELECT EXISTS (SELECT 1 FROM projects_db_project)")
                    exists = probe.fetchone()[0]
            kept.close()
    admin.close()
    conn = embedded_db.ensure_running(data_dir, database=DATABASE)
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "bench.settings_http",
            "DATABASE_URL": f"postgres://{conn.user}@/{DATABASE}?host={quote(conn.host, safe='')}&port={conn.port}",
            "SECRET_KEY": os.environ.get("BENCH_SECRET_KEY") or secrets.token_urlsafe(64),
            "ALLOWED_HOSTS": "127.0.0.1",
            "STATIC_ROOT": str(ROOT / "var" / "bench-static"),
            "MEDIA_ROOT": str(ROOT / "var" / "bench-media"),
            "PRIVATE_MEDIA_ROOT": str(ROOT / "var" / "bench-private-media"),
            "SECURE_SSL_REDIRECT": "false",
            "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
            # load_demo_data refuses the published demo password with DEBUG off; nobody signs in with this one.
            "DEMO_PASSWORD": secrets.token_urlsafe(16),
        }
    )
    return exists


def drop_database() -> None:
    import psycopg2
    from django.db import connection
    from psycopg2 import sql

    db = connection.settings_dict
    connection.close()
    admin = psycopg2.connect(dbname="postgres", user=db["USER"], host=db["HOST"], port=db["PORT"])
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(DATABASE)))
    admin.close()


def pages() -> tuple[dict[str, str], str]:
    """{name: path} of the issue's table, from the demo content; and the demo member's Cookie header (session and
    CSRF cookies)."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import reverse
    from django.utils import translation
    from django.utils.crypto import get_random_string
    from machina.core.db.models import get_model

    from hub.models import StoryPage
    from projects_db.models import Project

    Topic = get_model("forum_conversation", "Topic")
    with translation.override("ar"):
        project = Project.objects.filter(state=Project.State.PUBLISHED).order_by("pk").first()
        story = StoryPage.objects.live().filter(locale__language_code="ar").order_by("pk").first()
        topic = Topic.objects.filter(approved=True).order_by("-posts_count", "pk").first()
        found = {
            "/ar/ (home)": "/ar/",
            "/ar/projects/": reverse("projects_db:project_directory"),
            "a project page": project.get_absolute_url() if project else None,
            "/ar/municipalities/": reverse("projects_db:municipality_directory"),
            "a story page": story.get_url() if story else None,
            "/ar/forum/": reverse("forum:index"),
            "a topic page": reverse(
                "forum_conversation:topic", args=[topic.forum.slug, topic.forum_id, topic.slug, topic.pk]
            )
            if topic
            else None,
            "/api/v1/projects": "/api/v1/projects",
        }
    missing = [name for name, path in found.items() if path is None]
    if missing:
        raise SystemExit(f"the demo content has no {', '.join(missing)}")
    client = Client()
    client.force_login(get_user_model().objects.get(username="member"))
    # A browser that logged in through the form holds a CSRF cookie too (set by the log-in answer); without it every
    # page with a form (the header's log-out) would make a new secret and set a cookie, and never be cached.
    csrf = get_random_string(32)
    return found, f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}; " + (
        f"{settings.CSRF_COOKIE_NAME}={csrf}"
    )


def public_pages() -> dict[str, str]:
    """{name: path} of every kind of public page a first-time visitor may land on, from the demo content."""
    from django.urls import reverse
    from django.utils import translation
    from wagtail.models import Page

    from hub.places.models import Municipality

    paths, _ = pages()
    del paths["/api/v1/projects"]
    with translation.override("ar"):
        for model in ("hub.StoryIndexPage", "hub.PracticeIndexPage", "hub.PracticePage", "hub.EventIndexPage",
                      "hub.EventPage", "hub.NewsIndexPage", "hub.NewsPage"):  # fmt: skip
            app, name = model.split(".")
            page = (
                Page.objects.live()
                .filter(content_type__app_label=app, content_type__model=name.lower(), locale__language_code="ar")
                .order_by("pk")
                .first()
            )
            if page is not None:
                paths[f"a {name}"] = page.get_url()
        municipality = Municipality.objects.order_by("pk").first()
        if municipality is not None:
            paths["a municipality page"] = reverse("projects_db:municipality_detail", args=[municipality.slug])
        paths["search"] = reverse("search:search") + "?q=" + quote(SEARCH_QUERY)
    return paths


def start(command: list[str], log: Path, env: dict[str, str] | None = None) -> subprocess.Popen:
    return subprocess.Popen(
        command,
        cwd=ROOT,
        env=env or os.environ.copy(),
        stdout=subprocess.DEVNULL,
        stderr=open(log, "w"),  # noqa: SIM115 - closed with the process
    )


def wait_for(url: str, process: subprocess.Popen, what: str) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"{what} stopped; see its log in var/")
        try:
            request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https"})
            with urllib.request.urlopen(request, timeout=5):  # noqa: S310 - loopback http URL built here
                return
        except OSError:
            time.sleep(0.5)
    process.terminate()
    raise SystemExit(f"{what} did not answer within 90 s; see its log in var/")


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@contextmanager
def running_site(*, workers: int = 2, keep: bool = False, port: int = 0) -> Iterator[Site]:
    """Prepare the database (migrate, demo content unless kept from a previous --keep run), collect the static
    files, start Redis and gunicorn; stop them and drop the database (unless `keep`) afterwards. Django is set up
    in this process too, on the same database, so the caller can look pages up."""
    (ROOT / "var").mkdir(exist_ok=True)
    had_content = prepare_database(keep)
    from hub import i18n_catalogue, local_redis

    i18n_catalogue.compile_all()
    # Redis first: the production settings refuse to load without REDIS_URL, for manage.py too.
    if not local_redis.available():
        raise SystemExit("the production settings need Redis: install Debian's redis-server (.ci/run does)")
    redis_url, redis_process = local_redis.start(ROOT / "var" / "bench-redis")
    env = {**os.environ, "REDIS_URL": redis_url}
    cache = f"Redis ({redis_url})"
    processes = []
    manage = [sys.executable, "manage.py"]
    print("preparing the database and static files…", flush=True)
    try:
        for step in (["migrate", "--noinput"], ["collectstatic", "--noinput"]):
            subprocess.run([*manage, *step], cwd=ROOT, check=True, stdout=subprocess.DEVNULL, env=env)
        if not had_content:
            subprocess.run([*manage, "load_demo_data"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL, env=env)
        os.environ["REDIS_URL"] = redis_url
        import django

        django.setup()
        port = port or free_port()
        gunicorn = Path(sys.executable).with_name("gunicorn")
        command = [str(gunicorn), "hub.wsgi", "-w", str(workers), "-b", f"127.0.0.1:{port}", "--timeout", "60"]
        processes.append(start(command, ROOT / "var" / "bench-gunicorn.log", env))
        wait_for(f"http://127.0.0.1:{port}/healthz", processes[-1], "gunicorn")
        yield Site(port=port, cache=cache)
    finally:
        for process in reversed(processes):
            stop(process)
        local_redis.stop(redis_process)
        if not keep:
            drop_database()
