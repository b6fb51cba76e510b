"""Fixtures of the scale-out tests: the services several web hosts share, each started on 127.0.0.1 for a module."""

import subprocess
import sys
from pathlib import Path

import pytest

from tests.hub.test_production_settings import collect_static_once, free_port
from tests.scaleout.servers import BUCKET, S3_CREDENTIALS, _answers, s3_client, stop, wait_until


@pytest.fixture(scope="module")
def s3_server():
    """moto's S3 server with an empty bucket; yields the environment that points the hub at it (MEDIA_STORAGE=s3)."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        endpoint = f"http://127.0.0.1:{port}"
        wait_until(lambda: _answers(endpoint), process, "moto's S3 server")
        s3_client(endpoint).create_bucket(Bucket=BUCKET)
        yield {
            **S3_CREDENTIALS,
            "MEDIA_STORAGE": "s3",
            "AWS_STORAGE_BUCKET_NAME": BUCKET,
            "AWS_S3_ENDPOINT_URL": endpoint,
            "AWS_S3_ADDRESSING_STYLE": "path",
        }
    finally:
        stop(process)


@pytest.fixture(scope="module")
def redis_server(redis_url):
    """The test session's real Redis (tests/conftest.py `redis_url`), shared by the hosts a test starts."""
    return redis_url


@pytest.fixture(scope="session")
def collected_static(tmp_path_factory) -> Path:
    """collectstatic once (production pages need the manifest), shared with the other modules and workers."""
    return collect_static_once(tmp_path_factory)
