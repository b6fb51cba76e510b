"""The shared services of a scaled-out site, started on 127.0.0.1 for one test module: moto's standalone S3
server (the media store), Debian's redis-server (the cache), and gunicorn with the production settings."""

from __future__ import annotations

import json
import subprocess
import sys
import time
import urllib.error
import urllib.request
from urllib.parse import quote

from django.conf import settings

from tests.hub.test_production_settings import free_port, run_python

BUCKET = "hub-media"
# moto accepts any key pair; boto3 reads these from the environment of each process (as in production).
S3_CREDENTIALS = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_DEFAULT_REGION": "us-east-1"}


def wait_until(ready, process: subprocess.Popen, what: str, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while not ready():
        if process.poll() is not None:
            raise AssertionError(f"{what} stopped: {process.communicate()[0]}")
        assert time.monotonic() < deadline, f"{what} did not answer within {seconds} s"
        time.sleep(0.05)


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _answers(url: str) -> bool:
    try:
        urllib.request.urlopen(url, timeout=2).close()  # noqa: S310 (loopback http URLs built here)
        return True
    except urllib.error.HTTPError:
        return True
    except OSError:
        return False


def s3_client(endpoint: str):
    import boto3

    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )


def settings_of(env: dict[str, str], *names: str) -> dict:
    """Values of the settings a process started with this environment gets (production settings, no database)."""
    code = (
        "import json, django; django.setup(); from django.conf import settings; "
        f"print(json.dumps({{n: getattr(settings, n) for n in {list(names)!r}}}, default=str))"
    )
    result = run_python(["-c", code], env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def database_url() -> str:
    """The test database as a libpq URL (a Unix-socket folder as host), for other processes."""
    from django.db import connection

    db = connection.settings_dict
    credentials = quote(db["USER"], safe="") + (":" + quote(db["PASSWORD"], safe="") if db["PASSWORD"] else "")
    query = f"host={quote(db['HOST'], safe='/')}" + (f"&port={db['PORT']}" if db["PORT"] else "")
    return f"postgres://{credentials}@/{quote(db['NAME'], safe='')}?{query}"


def spawn_gunicorn(env: dict[str, str], *, workers: int = 1) -> tuple[subprocess.Popen, int]:
    """gunicorn with the production settings on a free loopback port, not yet answering (see `wait_for_gunicorn`)."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "hub.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", str(workers)],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    return process, port


def wait_for_gunicorn(process: subprocess.Popen, port: int) -> None:
    """Returns once /healthz answers."""
    wait_until(lambda: _answers(f"http://127.0.0.1:{port}/healthz"), process, "gunicorn")
