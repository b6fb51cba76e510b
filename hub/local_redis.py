"""A throwaway redis-server (Debian's package) on a Unix socket, for the tests and benchmarks that need a real Redis.

Never for production, where REDIS_URL names the operators' server. No TCP port is opened (`--port 0`), nothing is
written to disk (no RDB snapshot, no AOF), and the server stops with the process that started it (stop()).
"""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

REDIS_SERVER = "redis-server"


def available() -> bool:
    return shutil.which(REDIS_SERVER) is not None


def start(folder: Path, *, timeout: float = 10.0) -> tuple[str, subprocess.Popen]:
    """Start a server whose socket lives in `folder`; return its REDIS_URL and the process (for stop())."""
    folder.mkdir(parents=True, exist_ok=True)
    socket = folder / "redis.sock"
    process = subprocess.Popen(
        [REDIS_SERVER, "--port", "0", "--unixsocket", str(socket), "--unixsocketperm", "700", "--save", "",
         "--appendonly", "no", "--dir", str(folder), "--maxmemory", "64mb", "--maxmemory-policy", "allkeys-lru"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )  # fmt: skip
    deadline = time.monotonic() + timeout
    while not socket.exists():
        if process.poll() is not None:
            raise RuntimeError(f"redis-server stopped: {process.stderr.read().decode() if process.stderr else ''}")
        if time.monotonic() > deadline:
            stop(process)
            raise RuntimeError(f"redis-server did not open {socket} within {timeout} s")
        time.sleep(0.05)
    return f"unix://{socket}?db=0", process


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
