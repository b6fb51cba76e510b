"""Production settings refuse unsafe setups, pass `check --deploy`, and gunicorn serves the site and static files."""

import http.client
import json
import os
import secrets
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings

SETUP = "import django; django.setup(); print('started')"


def production_env(**overrides: str) -> dict[str, str]:
    """A controlled environment: nothing from the test run leaks in; empty values override any .env file."""
    env = {
        "PATH": os.environ["PATH"],
        "HOME": os.environ.get("HOME", str(settings.BASE_DIR)),
        "LANG": "C.UTF-8",
        "DJANGO_SETTINGS_MODULE": "hub.settings.production",
        "DEBUG": "",
        "SECRET_KEY": "",
        "DATABASE_URL": "",
        # Parsed, not connected to, by starting and `check --deploy`; tests that serve pages pass a real one.
        "REDIS_URL": "redis://redis.invalid:6379/0",
        "ALLOWED_HOSTS": "hub.example.ps",
    }
    env.update(overrides)
    return env


def run_python(args: list[str], env: dict[str, str], timeout: int = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args], cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=timeout
    )


_collected: list[Path] = []


def collect_static_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`collectstatic` with the production settings, once for the whole test session: every module that serves
    production pages (they need the manifest) reads the same folder. Under xdist the workers share it too: the
    first collects, under a lock in the session's temporary folder; the others wait for it and reuse it."""
    import fasteners

    if _collected:
        return _collected[0]
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # the session's folder, above each worker's own
    root, done = shared / "collected-static", shared / "collected-static.done"
    with fasteners.InterProcessLock(str(shared / "collected-static.lock")):
        if not done.exists():
            env = production_env(
                SECRET_KEY=secrets.token_urlsafe(64), DATABASE_URL="postgres://unused@/unused", STATIC_ROOT=str(root)
            )
            result = run_python(["manage.py", "collectstatic", "--noinput"], env, timeout=300)
            assert result.returncode == 0, result.stderr
            done.touch()
    _collected.append(root)
    return root


@pytest.fixture
def database_url(db) -> str:
    """A URL for the test database, in the libpq form that also carries a Unix-socket folder as host."""
    from django.db import connection

    db = connection.settings_dict
    credentials = quote(db["USER"], safe="") + (":" + quote(db["PASSWORD"], safe="") if db["PASSWORD"] else "")
    query = f"host={quote(db['HOST'], safe='/')}" + (f"&port={db['PORT']}" if db["PORT"] else "")
    return f"postgres://{credentials}@/{quote(db['NAME'], safe='')}?{query}"


@pytest.fixture
def realistic_env(database_url, tmp_path) -> dict[str, str]:
    return production_env(
        DATABASE_URL=database_url,
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="hub.example.ps,127.0.0.1",
        CSRF_TRUSTED_ORIGINS="https://hub.example.ps",
        SITE_URL="https://hub.example.ps",
        STATIC_ROOT=str(tmp_path / "static"),
        MEDIA_ROOT=str(tmp_path / "media"),
    )


def test_production_refuses_to_start_without_database_url():
    result = run_python(["-c", SETUP], production_env(SECRET_KEY=secrets.token_urlsafe(64)))
    assert result.returncode != 0
    assert "Production requires DATABASE_URL" in result.stderr


def test_production_refuses_to_start_without_redis_url(realistic_env):
    result = run_python(["-c", SETUP], {**realistic_env, "REDIS_URL": ""})
    assert result.returncode != 0
    assert "Production requires REDIS_URL" in result.stderr


def test_production_refuses_debug_on(realistic_env):
    result = run_python(["-c", SETUP], {**realistic_env, "DEBUG": "true"})
    assert result.returncode != 0
    assert "DEBUG must be off in production" in result.stderr


@pytest.mark.parametrize(
    "secret_key",
    ["", "dev-only-insecure-key-change-me", "too-short-but-random-Xq3v9", "a" * 80],
    ids=["missing", "default", "short", "repetitive"],
)
def test_production_refuses_a_default_or_weak_secret_key(realistic_env, secret_key):
    result = run_python(["-c", SETUP], {**realistic_env, "SECRET_KEY": secret_key})
    assert result.returncode != 0
    assert "Set SECRET_KEY to a long random value" in result.stderr


def test_production_starts_and_passes_the_deployment_checks_with_a_realistic_environment(realistic_env):
    assert run_python(["-c", SETUP], realistic_env).stdout.strip() == "started"
    result = run_python(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], realistic_env)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(port: int, path: str, **headers: str) -> tuple[int, bytes, dict]:
    """One GET without following redirects, as the public host name."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", path, headers={"Host": "hub.example.ps", **headers})
        response = conn.getresponse()
        return response.status, response.read(), dict(response.getheaders())
    finally:
        conn.close()


def test_gunicorn_serves_health_and_static_files_through_whitenoise(realistic_env, tmp_path_factory):
    static_root = collect_static_once(tmp_path_factory)  # collectstatic with the production settings succeeded
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "hub.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
        cwd=settings.BASE_DIR,
        env={**realistic_env, "STATIC_ROOT": str(static_root)},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                status, body, _ = fetch(port, "/healthz")
                break
            except OSError:
                assert server.poll() is None, server.stdout.read()
                assert time.monotonic() < deadline, "gunicorn did not answer within 60 s"
                time.sleep(0.05)
        # The load balancer probes over plain HTTP; everything else is behind the HTTPS proxy.
        assert status == 200, _output(server)
        assert json.loads(body)["status"] == "ok" and json.loads(body)["database"] == "ok", _output(server)
        status, body, headers = fetch(port, "/static/css/site.css", **{"X-Forwarded-Proto": "https"})
        assert status == 200
        assert b"logical properties" in body
        assert headers["Content-Type"].startswith("text/css")
        status, _, headers = fetch(port, "/static/css/site.css")
        assert status == 301 and headers["Location"].startswith("https://hub.example.ps/")
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _output(server: subprocess.Popen) -> str:
    server.terminate()
    return server.communicate(timeout=15)[0]
